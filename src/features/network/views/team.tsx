import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, CsrfField, type FieldErrors, FilterSelect, SelectField, TableScroll, TextArea } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { Option } from '../../reference/index.ts';
import { INTRO_LABELS, type IntroState, kindLabel, OUTCOMES, outcomeLabel, type Suggestion } from '../rules.ts';
import { type FormValues, OrganisationFields } from './form.tsx';

type Row = {
  id: string;
  name: string;
  kind: string;
  kvk: string | null;
  place: string | null;
  province: string | null;
  state: string;
  consent_at: string | null;
  source: string;
};
type Dup = { otherId: string; otherName: string; reason: string };

const STATE_TEXT: Record<string, string> = { nieuw: 'nieuw', actief: 'actief', samengevoegd: 'samengevoegd' };
const SOURCE_TEXT: Record<string, string> = { aanmelding: 'zelf aangemeld', registratie: 'uit een aanmelding', team: 'door het team' };

/** Why a suggestion: every rule in words, what fits and what does not. */
function Reasons({ suggestion }: { suggestion: Suggestion }) {
  return (
    <ul class="mkb-compact-list">
      {suggestion.reasons.map((r) => (
        <li key={r.rule}>
          <span aria-hidden="true">{r.match === 'ja' ? '✓ ' : r.match === 'deels' ? '± ' : '✗ '}</span>
          {r.text}
        </li>
      ))}
    </ul>
  );
}

/** The team's form of a record (adding one, or changing it): no contact required. */
function TeamForm(props: {
  ctx: PageContext;
  action: string;
  values: FormValues;
  errors?: FieldErrors;
  options: { sectors: Option[]; provinces: Option[] };
  button: string;
}) {
  return (
    <form method="post" action={props.action} class="mkb-form" novalidate>
      <CsrfField token={props.ctx.csrfToken} />
      <OrganisationFields
        values={props.values}
        errors={props.errors}
        options={props.options}
        contactRequired={false}
        consentText="De organisatie gaf toestemming voor het openbare netwerkoverzicht."
      />
      <Button>{props.button}</Button>
    </form>
  );
}

export function NetworkListPage(props: {
  ctx: PageContext;
  rows: Row[];
  duplicates: Map<string, Dup[]>;
  filters: Record<string, string>;
  notice?: string | null;
}) {
  return (
    <BackOfficePage ctx={props.ctx} title="Netwerk" notice={props.notice}>
      <p class="utrecht-paragraph">
        Organisaties in het netwerk: zelf aangemeld, genoemd in aanmeldingen, of door het team toegevoegd. Mogelijke dubbele staan
        gemarkeerd; voeg ze samen op de pagina van de organisatie. <a href="/beheer/netwerk/nieuw">Organisatie toevoegen</a> ·{' '}
        <a href="/beheer/netwerk/routes">Suggesties per route</a>
      </p>
      <form method="get" action="/beheer/netwerk" class="mkb-filters">
        <FilterSelect
          name="status"
          label="Status"
          value={props.filters.status ?? ''}
          options={[
            { value: 'nieuw', label: 'Nieuw' },
            { value: 'actief', label: 'Actief' },
            { value: 'dubbel', label: 'Mogelijk dubbel' },
          ]}
        />
        <Button secondary>Filteren</Button>
      </form>
      <p class="utrecht-paragraph" role="status">
        {props.rows.length} {props.rows.length === 1 ? 'organisatie' : 'organisaties'}
      </p>
      <TableScroll label="Organisaties">
        <table class="mkb-table">
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Soort</th>
              <th scope="col">KvK</th>
              <th scope="col">Plaats</th>
              <th scope="col">Status</th>
              <th scope="col">Herkomst</th>
              <th scope="col">In het overzicht</th>
              <th scope="col">Mogelijk dubbel</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={`/beheer/netwerk/${r.id}`}>{r.name}</a>
                </th>
                <td>{kindLabel(r.kind)}</td>
                <td>{r.kvk ?? '—'}</td>
                <td>{[r.place, r.province].filter(Boolean).join(', ') || '—'}</td>
                <td>{STATE_TEXT[r.state] ?? r.state}</td>
                <td>{SOURCE_TEXT[r.source] ?? r.source}</td>
                <td>{r.consent_at ? 'ja' : 'nee'}</td>
                <td>{(props.duplicates.get(r.id) ?? []).map((d) => `${d.otherName} (${d.reason})`).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </BackOfficePage>
  );
}

export function NewOrganisationPage(props: {
  ctx: PageContext;
  values: FormValues;
  errors?: FieldErrors;
  options: { sectors: Option[]; provinces: Option[] };
}) {
  return (
    <BackOfficePage
      ctx={props.ctx}
      title="Organisatie toevoegen"
      back={{ href: '/beheer/netwerk', text: 'Terug naar het netwerk' }}
      errors={props.errors}
    >
      <TeamForm
        ctx={props.ctx}
        action="/beheer/netwerk/nieuw"
        values={props.values}
        errors={props.errors}
        options={props.options}
        button="Toevoegen"
      />
    </BackOfficePage>
  );
}

export type TeamOrganisation = {
  id: string;
  name: string;
  state: string;
  slug: string;
  consent_at: string | null;
  merged_into: string | null;
};

export function OrganisationTeamPage(props: {
  ctx: PageContext;
  org: TeamOrganisation;
  values: FormValues;
  errors?: FieldErrors;
  options: { sectors: Option[]; provinces: Option[] };
  links: { id: string; route: string; reference: string | null; role: string; namedAs: string | null; confirmed: boolean }[];
  introductions: { id: string; route: string; state: string; proposedAt: string; outcome: string | null }[];
  suggestions: { routeId: string; title: string; suggestion: Suggestion }[];
  duplicates: Dup[];
  mergeOptions: { value: string; label: string }[];
  notice?: string | null;
}) {
  const o = props.org;
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={o.name}
      back={{ href: '/beheer/netwerk', text: 'Terug naar het netwerk' }}
      notice={props.notice}
      errors={props.errors}
    >
      <p class="utrecht-paragraph">
        Status: {STATE_TEXT[o.state] ?? o.state}.{' '}
        {o.consent_at ? <a href={`/netwerk/${o.slug}`}>Openbare pagina</a> : 'Niet in het openbare overzicht (geen toestemming).'}
      </p>
      {props.duplicates.length > 0 && (
        <section aria-labelledby="dubbel">
          <h2 class="utrecht-heading-2" id="dubbel">
            Mogelijk dubbel
          </h2>
          <ul class="utrecht-unordered-list">
            {props.duplicates.map((d) => (
              <li key={d.otherId}>
                <a href={`/beheer/netwerk/${d.otherId}`}>{d.otherName}</a>: {d.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 class="utrecht-heading-2">Gegevens</h2>
      <TeamForm
        ctx={props.ctx}
        action={`/beheer/netwerk/${o.id}`}
        values={props.values}
        errors={props.errors}
        options={props.options}
        button="Opslaan"
      />
      <h2 class="utrecht-heading-2">Routes</h2>
      {props.links.length === 0 ? (
        <p class="utrecht-paragraph">Nog niet gekoppeld aan een route.</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {props.links.map((l) => (
            <li key={l.id}>
              {l.route} {l.reference ? `(${l.reference})` : ''} — {l.role}
              {l.namedAs && l.namedAs !== o.name ? `, genoemd als "${l.namedAs}"` : ''}
              {l.confirmed ? (
                ''
              ) : (
                <form method="post" action={`/beheer/netwerk/koppelingen/${l.id}/bevestigen`} class="mkb-inline-form">
                  <CsrfField token={props.ctx.csrfToken} /> — naam gelijk, niet zeker: <Button secondary>Koppeling bevestigen</Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2">Past bij deze routes</h2>
      <p class="utrecht-paragraph mkb-meta">De tien best passende toegelaten routes, met wat wel en niet past.</p>
      {props.suggestions.length === 0 ? (
        <p class="utrecht-paragraph">
          Geen suggesties: geen toegelaten route past op sector of provincie én op wat deze organisatie biedt.
        </p>
      ) : (
        <ul class="mkb-items">
          {props.suggestions.map((s) => (
            <li key={s.routeId} class="mkb-item">
              <h3 class="utrecht-heading-4">{s.title}</h3>
              <Reasons suggestion={s.suggestion} />
              <form method="post" action={`/beheer/netwerk/${o.id}/voorstellen`} class="mkb-inline-form">
                <CsrfField token={props.ctx.csrfToken} />
                <input type="hidden" name="route" value={s.routeId} />
                <Button secondary>Kennismaking voorstellen</Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2" id="kennismakingen">
        Kennismakingen
      </h2>
      {props.introductions.length === 0 ? (
        <p class="utrecht-paragraph">Nog geen.</p>
      ) : (
        <ul class="mkb-items">
          {props.introductions.map((i) => (
            <li key={i.id} class="mkb-item">
              {i.route}: {INTRO_LABELS[i.state as IntroState] ?? i.state} (voorgesteld {formatDateTime(i.proposedAt)})
              {i.outcome ? ` — uitkomst: ${outcomeLabel(i.outcome).toLowerCase()}` : ''}
              {i.state === 'introduced' && (
                <form method="post" action={`/beheer/netwerk/introducties/${i.id}/uitkomst`} class="mkb-inline-form">
                  <CsrfField token={props.ctx.csrfToken} />
                  <SelectField
                    name={`uitkomst-${i.id}`}
                    label="Uitkomst"
                    options={OUTCOMES.map((x) => ({ value: x.value, label: x.label }))}
                    placeholder="Kies de uitkomst"
                    required
                  />
                  <Button secondary>Uitkomst vastleggen</Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.mergeOptions.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">Samenvoegen</h2>
          <p class="utrecht-paragraph">
            Het andere record gaat op in dit record: koppelingen, kennismakingen en contactpersonen gaan mee, wat dit record mist wordt
            aangevuld, en de geschiedenis van beide blijft bewaard.
          </p>
          <form method="post" action={`/beheer/netwerk/${o.id}/samenvoegen`} class="mkb-form">
            <CsrfField token={props.ctx.csrfToken} />
            <SelectField name="other" label="Samenvoegen met" options={props.mergeOptions} placeholder="Kies de organisatie" required />
            <Button secondary>Samenvoegen in dit record</Button>
          </form>
        </>
      )}
    </BackOfficePage>
  );
}

export function RoutesPage(props: { ctx: PageContext; routes: { id: string; title: string; count: number }[] }) {
  return (
    <BackOfficePage ctx={props.ctx} title="Suggesties per route" back={{ href: '/beheer/netwerk', text: 'Terug naar het netwerk' }}>
      <TableScroll label="Toegelaten routes">
        <table class="mkb-table">
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">Passende organisaties</th>
            </tr>
          </thead>
          <tbody>
            {props.routes.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={`/beheer/netwerk/routes/${r.id}`}>{r.title}</a>
                </th>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </BackOfficePage>
  );
}

export function RouteSuggestionsPage(props: {
  ctx: PageContext;
  route: { id: string; title: string; reference: string | null };
  needs: string[];
  items: { orgId: string; name: string; suggestion: Suggestion }[];
  notice?: string | null;
}) {
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`Partners voor ${props.route.title}`}
      back={{ href: '/beheer/netwerk/routes', text: 'Terug naar de routes' }}
      notice={props.notice}
    >
      <p class="utrecht-paragraph">
        {props.route.reference} zoekt: {props.needs.join(', ')}. Organisaties die al met de route werken, of eerder nee zeiden, staan hier
        niet.
      </p>
      {props.items.length === 0 ? (
        <p class="utrecht-paragraph">Geen organisatie past op sector of provincie én op wat de route zoekt.</p>
      ) : (
        <ul class="mkb-items">
          {props.items.map((s) => (
            <li key={s.orgId} class="mkb-item">
              <h2 class="utrecht-heading-3">
                <a href={`/beheer/netwerk/${s.orgId}`}>{s.name}</a>
              </h2>
              <Reasons suggestion={s.suggestion} />
              <form method="post" action={`/beheer/netwerk/${s.orgId}/voorstellen`} class="mkb-form">
                <CsrfField token={props.ctx.csrfToken} />
                <input type="hidden" name="route" value={props.route.id} />
                <input type="hidden" name="terug" value="route" />
                <TextArea name={`toelichting-${s.orgId}`} label="Toelichting in de mail" rows={2} maxLength={1000} />
                <Button secondary>Kennismaking voorstellen</Button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </BackOfficePage>
  );
}
