import { BackOfficePage } from '../../../ui/back-office.tsx';
import { BarChart, LineChart } from '../../../ui/charts.tsx';
import { TableScroll } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { Figure } from '../service.ts';

function FigureBlock({ figure }: { figure: Figure }) {
  const id = `figuur-${figure.key}`;
  const labelledBy = `${id} ${id}-samenvatting`;
  const unit = figure.columns[1].toLowerCase();
  return (
    <section class="mkb-dashboard-figure" aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {figure.title}
      </h2>
      <p class="mkb-meta">{figure.definition}</p>
      <p class="utrecht-paragraph" id={`${id}-samenvatting`}>
        {figure.summary}
      </p>
      {figure.rows.length > 0 && (
        <>
          <p class="mkb-chart-key">
            <span class="mkb-chart-key__swatch" aria-hidden="true" />
            {figure.chart === 'line' ? `Lijn: ${unit} per ${figure.columns[0].toLowerCase()}` : `Balk: ${unit}`}
          </p>
          {figure.chart === 'line' ? (
            <LineChart rows={figure.rows} labelledBy={labelledBy} title={figure.title} />
          ) : (
            <BarChart rows={figure.rows} labelledBy={labelledBy} title={figure.title} />
          )}
          <details class="mkb-fold">
            <summary>De cijfers als tabel</summary>
            <TableScroll label={figure.title}>
              <table class="utrecht-table">
                <caption class="mkb-visually-hidden">{figure.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{figure.columns[0]}</th>
                    <th scope="col">{figure.columns[1]}</th>
                  </tr>
                </thead>
                <tbody>
                  {figure.rows.map((r) => (
                    <tr key={r.label}>
                      <th scope="row">{r.label}</th>
                      <td>{r.value.toLocaleString('nl-NL')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
          <p>
            <a class="utrecht-link" href={`/beheer/dashboard/csv/${figure.key}`}>
              Download als CSV ({figure.rows.length} {figure.rows.length === 1 ? 'rij' : 'rijen'})
            </a>
          </p>
        </>
      )}
    </section>
  );
}

export function DashboardPage({ ctx, figures }: { ctx: PageContext; figures: Figure[] }) {
  return (
    <BackOfficePage ctx={ctx} title="Dashboard">
      <p class="utrecht-paragraph">
        Hoe het programma loopt, uit het logboek van de aanmeldingen. Elk cijfer zegt waar het van komt; de tabel en de CSV hebben dezelfde
        getallen als de grafiek.
      </p>
      {figures.map((f) => (
        <FigureBlock key={f.key} figure={f} />
      ))}
    </BackOfficePage>
  );
}
