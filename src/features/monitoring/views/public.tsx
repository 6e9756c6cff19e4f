import { Heading1, TableScroll } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { Snapshot } from '../figures.ts';
import { formatDate } from '../messages.ts';
import { published } from '../rules.ts';

function CountTable({ caption, column, rows }: { caption: string; column: string; rows: { label: string; value: number }[] }) {
  return (
    <TableScroll label={caption}>
      <table class="mkb-table mkb-figures-table">
        <caption class="mkb-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col">Routes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{published(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function YearSection({ s }: { s: Snapshot }) {
  const f = s.figures;
  const id = `jaar-${s.year}`;
  return (
    <section aria-labelledby={id} class="mkb-section">
      <h2 class="utrecht-heading-2" id={id}>
        Cijfers over {s.year}
      </h2>
      <p class="mkb-meta">Gepubliceerd op {formatDate(s.publishedAt.slice(0, 10))}. Gepubliceerde cijfers veranderen niet meer.</p>
      <p class="utrecht-paragraph">
        {published(f.routes)} routes van {published(f.institutions)} hogescholen gaven toestemming voor publicatie; {published(f.reported)}{' '}
        daarvan dienden de monitor over {s.year} in. Samen werkten ze met {published(f.companies)} mkb-bedrijven en{' '}
        {published(f.supervisors)} praktijkbegeleiders.
      </p>
      <TableScroll label={`Studenten per doelgroep, ${s.year}`}>
        <table class="mkb-table mkb-figures-table">
          <caption class="mkb-table__caption">Studenten per doelgroep, {s.year}</caption>
          <thead>
            <tr>
              <th scope="col">Doelgroep</th>
              <th scope="col">Nieuw</th>
              <th scope="col">Ingeschreven</th>
              <th scope="col">Gediplomeerd</th>
            </tr>
          </thead>
          <tbody>
            {f.students.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.label}</th>
                <td>{published(g.new)}</td>
                <td>{published(g.enrolled)}</td>
                <td>{published(g.graduates)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <CountTable caption={`Routes per provincie, stand bij publicatie (${s.year})`} column="Provincie" rows={f.perProvince} />
      <CountTable caption={`Routes per sector, stand bij publicatie (${s.year})`} column="Sector" rows={f.perSector} />
      {s.corrections.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">Correcties op eerder gepubliceerde jaren</h3>
          <p class="utrecht-paragraph">
            Sinds de vorige publicatie trokken routes hun toestemming in of werden gegevens verwijderd. Opnieuw geteld geeft dat:
          </p>
          <ul>
            {s.corrections.map((c) => (
              <li key={`${c.year}-${c.item}`}>
                {c.year}, {c.item}: was {c.was}, nu {c.now}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function InCijfersPage({ ctx, snapshots }: { ctx: PageContext; snapshots: Snapshot[] }) {
  return (
    <Layout ctx={ctx} title="In cijfers" description="Hoeveel Mkb-routes, studenten en bedrijven er zijn, per jaar, provincie en sector.">
      <Heading1>In cijfers</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Hoe werkend leren in het mkb groeit: routes, studenten per doelgroep en betrokken bedrijven, uit de jaarlijkse monitor van de
        routes.
      </p>
      <p class="utrecht-paragraph">
        We tellen alleen routes waarvan de hogeschool toestemming gaf voor publicatie. Een aantal van 1 tot en met 4 staat er als “&lt;5”,
        zoals DUO dat in zijn open data doet, zodat niemand in de cijfers te herkennen is. Elk jaar wordt één keer gepubliceerd en daarna
        niet meer stil veranderd: wat later anders blijkt, staat als correctie bij het volgende jaar.
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/in-cijfers.csv">
          Alle cijfers als CSV
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href="/api/v1/figures">
          Als open data (JSON)
        </a>
      </p>
      {snapshots.length === 0 ? (
        <p class="utrecht-paragraph">Nog geen gegevens: het programma publiceert de cijfers na de eerste jaarlijkse monitor.</p>
      ) : (
        snapshots.map((s) => <YearSection key={s.year} s={s} />)
      )}
    </Layout>
  );
}
