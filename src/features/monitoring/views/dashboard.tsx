import { BackOfficePage } from '../../../ui/back-office.tsx';
import { BarChart, LineChart, MultiLineChart, SeriesBox, SeriesSwatch, StackedBarChart } from '../../../ui/charts.tsx';
import { TableScroll } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { Figure } from '../service.ts';

function FigureBlock({ figure }: { figure: Figure }) {
  const id = `figuur-${figure.key}`;
  const labelledBy = `${id} ${id}-samenvatting`;
  const unit = (figure.columns[1] ?? '').toLowerCase();
  const series = figure.columns.slice(1);
  const single = figure.rows.map((r) => ({ label: r.label, value: r.values[0] ?? 0 }));
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
          {figure.chart === 'lines' || figure.chart === 'stacked' ? (
            <ul class="mkb-chart-key--series" aria-label="Legenda">
              {series.map((name, i) => (
                <li key={name}>
                  {figure.chart === 'stacked' ? <SeriesBox index={i} /> : <SeriesSwatch index={i} />}
                  {name}
                </li>
              ))}
            </ul>
          ) : (
            <p class="mkb-chart-key">
              <span class="mkb-chart-key__swatch" aria-hidden="true" />
              {figure.chart === 'line' ? `Lijn: ${unit} per ${figure.columns[0]?.toLowerCase()}` : `Balk: ${unit}`}
            </p>
          )}
          {figure.chart === 'stacked' ? (
            <StackedBarChart rows={figure.rows} labelledBy={labelledBy} title={figure.title} />
          ) : figure.chart === 'lines' ? (
            <MultiLineChart rows={figure.rows} series={series} labelledBy={labelledBy} title={figure.title} />
          ) : figure.chart === 'line' ? (
            <LineChart rows={single} labelledBy={labelledBy} title={figure.title} />
          ) : (
            <BarChart rows={single} labelledBy={labelledBy} title={figure.title} />
          )}
          <details class="mkb-fold">
            <summary>De cijfers als tabel</summary>
            <TableScroll label={figure.title}>
              <table class="mkb-table">
                <caption class="mkb-visually-hidden">{figure.title}</caption>
                <thead>
                  <tr>
                    {figure.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {figure.rows.map((r) => (
                    <tr key={r.label}>
                      <th scope="row">{r.label}</th>
                      {r.values.map((v, i) => (
                        <td key={figure.columns[i + 1]}>{v.toLocaleString('nl-NL')}</td>
                      ))}
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
