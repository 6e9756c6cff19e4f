import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, CsrfField, type FieldErrors, FileField, TableScroll } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { Comparison } from '../../reference/index.ts';

export function InstitutionsPage(props: {
  ctx: PageContext;
  institutions: { brin: string; name: string; city: string; province: string; active: number }[];
  errors?: FieldErrors;
  problems?: string[];
  notice?: string | null;
}) {
  return (
    <BackOfficePage ctx={props.ctx} title="Hogescholen" notice={props.notice} errors={props.errors}>
      <p class="utrecht-paragraph">
        De lijst van hogescholen komt uit het open-databestand van DUO, “Adressen hogescholen en universiteiten”. Upload een nieuwe versie:
        u ziet eerst wat er nieuw is, wat verandert en wat uit de lijst verdwijnt, met de aanmeldingen die ernaar verwijzen. Er wordt niets
        verwijderd; een hogeschool die verdwijnt, wordt op niet actief gezet.
      </p>
      {props.problems && props.problems.length > 0 && (
        <div class="mkb-error-summary" role="alert" aria-labelledby="bestand-fout" tabIndex={-1} id="foutoverzicht">
          <h2 id="bestand-fout">Het bestand is niet gebruikt</h2>
          <ul>
            {props.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p>Er is niets veranderd.</p>
        </div>
      )}
      <form method="post" action="/beheer/hogescholen" enctype="multipart/form-data" class="mkb-form">
        <CsrfField token={props.ctx.csrfToken} />
        <FileField
          name="bestand"
          label="DUO-bestand (CSV)"
          hint="Het bestand 01.-instellingen-hbo-en-wo.csv, zoals DUO het publiceert; hoogstens 2 MB."
          accept=".csv,text/csv"
          errors={props.errors}
        />
        <Button>Vergelijken</Button>
      </form>
      <h2 class="utrecht-heading-2">Nu in de lijst ({props.institutions.filter((i) => i.active).length} actief)</h2>
      <TableScroll label="Hogescholen">
        <table class="mkb-table">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Naam</th>
              <th scope="col">Plaats</th>
              <th scope="col">Provincie</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {props.institutions.map((i) => (
              <tr key={i.brin}>
                <td>{i.brin}</td>
                <th scope="row">{i.name}</th>
                <td>{i.city}</td>
                <td>{i.province}</td>
                <td>{i.active ? 'actief' : 'niet actief'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </BackOfficePage>
  );
}

const refs = (counts: { registrations: Map<string, number>; users: Map<string, number> }, brin: string) => {
  const r = counts.registrations.get(brin) ?? 0;
  const u = counts.users.get(brin) ?? 0;
  return r + u === 0
    ? 'niets'
    : [r ? `${r} ${r === 1 ? 'aanmelding' : 'aanmeldingen'}` : '', u ? `${u} ${u === 1 ? 'account' : 'accounts'}` : '']
        .filter(Boolean)
        .join(', ');
};

export function ImportPreviewPage(props: {
  ctx: PageContext;
  id: string;
  filename: string;
  applied: boolean;
  comparison: Comparison;
  counts: { registrations: Map<string, number>; users: Map<string, number> };
}) {
  const c = props.comparison;
  const nothing = c.added.length + c.changed.length + c.gone.length === 0;
  return (
    <BackOfficePage
      ctx={props.ctx}
      title="Hogescholen vergelijken"
      back={{ href: '/beheer/hogescholen', text: 'Terug naar de hogescholen' }}
    >
      <p class="utrecht-paragraph">
        {props.filename}: {c.added.length} nieuw, {c.changed.length} gewijzigd, {c.gone.length} niet meer in de lijst, {c.unchanged}{' '}
        ongewijzigd.
      </p>
      {c.added.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">Nieuw</h2>
          <ul>
            {c.added.map((a) => (
              <li key={a.brin}>
                {a.brin} {a.name} ({a.city}, {a.province})
              </li>
            ))}
          </ul>
        </>
      )}
      {c.changed.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">Gewijzigd</h2>
          <ul>
            {c.changed.map((ch) => (
              <li key={ch.brin}>
                {ch.brin} {ch.name}: {ch.fields.map((f) => `${f.field} “${f.from}” → “${f.to}”`).join('; ')}{' '}
                <span class="mkb-meta">(verwijzingen: {refs(props.counts, ch.brin)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {c.gone.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">Niet meer in de lijst: worden niet actief</h2>
          <ul>
            {c.gone.map((g) => (
              <li key={g.brin}>
                {g.brin} {g.name} <span class="mkb-meta">(verwijzingen: {refs(props.counts, g.brin)}; die blijven bestaan)</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.applied ? (
        <p class="utrecht-paragraph">Dit bestand is al toegepast.</p>
      ) : nothing ? (
        <p class="utrecht-paragraph">Het bestand komt overeen met de lijst; er is niets toe te passen.</p>
      ) : (
        <form method="post" action={`/beheer/hogescholen/import/${props.id}`} class="mkb-form">
          <CsrfField token={props.ctx.csrfToken} />
          <Button>Wijzigingen toepassen</Button>
        </form>
      )}
    </BackOfficePage>
  );
}
