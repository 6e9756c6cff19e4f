import { Button, CsrfField, ErrorSummary, type FieldErrors, FilterSelect, Heading1, Notice } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { Option } from '../../reference/index.ts';
import { KINDS, kindLabel, OFFERS, offerLabel, sizeLabel } from '../rules.ts';
import { type FormValues, OrganisationFields } from './form.tsx';

export type DirectoryEntry = {
  slug: string;
  name: string;
  kind: string;
  sectors: string[];
  province: string | null;
  place: string | null;
  offers: string[];
};

export function DirectoryPage(props: {
  ctx: PageContext;
  entries: DirectoryEntry[];
  filters: Record<string, string>;
  options: { sectors: Option[]; provinces: Option[] };
  total: number;
}) {
  const f = props.filters;
  const sectorName = (code: string) => props.options.sectors.find((s) => s.value === code)?.label ?? code;
  return (
    <Layout
      ctx={props.ctx}
      title="Netwerk"
      description="Mkb-bedrijven en brancheorganisaties die met routes in het hbo willen samenwerken."
    >
      <Heading1>Netwerk</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Mkb-bedrijven en brancheorganisaties die met de routes willen samenwerken: met leerwerkplekken, praktijkbegeleiders, gastlessen of
        door mee te denken. Alleen organisaties die daar toestemming voor gaven staan hier.
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/netwerk/aanmelden">
          Meld uw organisatie aan
        </a>
      </p>
      <form method="get" action="/netwerk" class="mkb-filters">
        <FilterSelect name="soort" label="Soort" value={f.soort ?? ''} options={KINDS.map((k) => ({ value: k.value, label: k.label }))} />
        <FilterSelect name="sector" label="Sector" value={f.sector ?? ''} options={props.options.sectors} />
        <FilterSelect name="provincie" label="Provincie" value={f.provincie ?? ''} options={props.options.provinces} />
        <FilterSelect name="biedt" label="Biedt" value={f.biedt ?? ''} options={OFFERS.map((o) => ({ value: o.value, label: o.label }))} />
        <Button secondary>Filteren</Button>
      </form>
      <p class="utrecht-paragraph" role="status">
        {props.entries.length === props.total
          ? `${props.total} ${props.total === 1 ? 'organisatie' : 'organisaties'}`
          : `${props.entries.length} van de ${props.total} organisaties`}
      </p>
      {props.entries.length === 0 ? (
        <p class="utrecht-paragraph">Geen organisaties met deze keuzes.</p>
      ) : (
        <ul class="mkb-items">
          {props.entries.map((e) => (
            <li key={e.slug} class="mkb-item">
              <h2 class="utrecht-heading-3">
                <a href={`/netwerk/${e.slug}`}>{e.name}</a>
              </h2>
              <p class="mkb-meta">
                {[kindLabel(e.kind), [e.place, e.province].filter(Boolean).join(', '), e.sectors.map(sectorName).join(', ')]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p class="utrecht-paragraph">Biedt: {e.offers.map((o) => offerLabel(o).toLowerCase()).join(', ')}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function OrganisationPage(props: {
  ctx: PageContext;
  org: DirectoryEntry & { website: string | null; size: string | null; description: string | null };
  sectorNames: string[];
  routes: { title: string; institution: string; url: string }[];
}) {
  const o = props.org;
  return (
    <Layout ctx={props.ctx} title={o.name} description={`${kindLabel(o.kind)} in het netwerk van Mkb-route in het hbo.`}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/netwerk">
          Terug naar het netwerk
        </a>
      </p>
      <Heading1>{o.name}</Heading1>
      <dl class="mkb-facts">
        <dt>Soort</dt>
        <dd>{kindLabel(o.kind)}</dd>
        {o.place || o.province ? (
          <>
            <dt>Plaats</dt>
            <dd>{[o.place, o.province].filter(Boolean).join(', ')}</dd>
          </>
        ) : null}
        {props.sectorNames.length > 0 && (
          <>
            <dt>Sector</dt>
            <dd>{props.sectorNames.join(', ')}</dd>
          </>
        )}
        {o.size && (
          <>
            <dt>Grootte</dt>
            <dd>{sizeLabel(o.size)}</dd>
          </>
        )}
        <dt>Biedt of zoekt</dt>
        <dd>{o.offers.map(offerLabel).join(', ')}</dd>
        {o.website && (
          <>
            <dt>Website</dt>
            <dd>
              <a href={o.website} rel="noopener nofollow">
                {o.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      {o.description && <p class="utrecht-paragraph">{o.description}</p>}
      <h2 class="utrecht-heading-2">Werkt samen met</h2>
      {props.routes.length === 0 ? (
        <p class="utrecht-paragraph">Nog geen routes in de catalogus.</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {props.routes.map((r) => (
            <li key={r.url}>
              <a href={r.url}>{r.title}</a> ({r.institution})
            </li>
          ))}
        </ul>
      )}
      <p class="utrecht-paragraph mkb-meta">
        Wilt u met deze organisatie in contact komen voor uw route? Vraag het programmateam om een kennismaking: we vragen eerst de
        organisatie, dan u, en delen contactgegevens pas als u allebei ja zegt.
      </p>
    </Layout>
  );
}

export function SignupPage(props: {
  ctx: PageContext;
  values: FormValues;
  errors?: FieldErrors;
  options: { sectors: Option[]; provinces: Option[] };
  sent?: string;
}) {
  return (
    <Layout ctx={props.ctx} title="Organisatie aanmelden voor het netwerk">
      <Heading1>Organisatie aanmelden voor het netwerk</Heading1>
      {props.sent ? (
        <Notice kind="ok">
          We stuurden een bevestigingslink naar {props.sent}. Pas als u op die link klikt, bewaren we de aanmelding. Geen mail gekregen?
          Kijk in de map met ongewenste mail.
        </Notice>
      ) : (
        <>
          <p class="utrecht-paragraph mkb-lead">
            Wilt u als mkb-bedrijf of brancheorganisatie samenwerken met een route in het hbo? Meld u aan. Het programmateam stelt u alleen
            voor aan een route als u daar zelf ja op zegt.
          </p>
          <ErrorSummary errors={props.errors} />
          <form method="post" action="/netwerk/aanmelden" class="mkb-form" novalidate>
            <CsrfField token={props.ctx.csrfToken} />
            <OrganisationFields
              values={props.values}
              errors={props.errors}
              options={props.options}
              contactRequired
              consentText="De organisatie mag met naam, plaats, sector en wat zij biedt in het openbare netwerkoverzicht en de open data staan (niet met de contactpersoon). Intrekken kan altijd."
            />
            {/* A field people do not see: a form robot fills it in. */}
            <div class="mkb-visually-hidden" aria-hidden="true">
              <label for="veld-homepage">Laat dit veld leeg</label>
              <input id="veld-homepage" name="homepage" type="text" tabIndex={-1} autocomplete="off" value="" />
            </div>
            <Button>Stuur de bevestigingslink</Button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function ConfirmPage(props: { ctx: PageContext; token: string; name: string; email: string }) {
  return (
    <Layout ctx={props.ctx} title="Aanmelding bevestigen">
      <Heading1>Aanmelding bevestigen</Heading1>
      <p class="utrecht-paragraph">
        Bevestig de aanmelding van <strong>{props.name}</strong> met het e-mailadres {props.email}.
      </p>
      <form method="post" action="/netwerk/bevestigen" class="mkb-form">
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <Button>Bevestigen</Button>
      </form>
    </Layout>
  );
}

export function ConfirmedPage(props: { ctx: PageContext; existing: boolean }) {
  return (
    <Layout ctx={props.ctx} title="Aanmelding bevestigd">
      <Heading1>Aanmelding bevestigd</Heading1>
      <Notice kind="ok">
        {props.existing
          ? 'Dank u. Deze organisatie stond al in het netwerk; het programmateam bekijkt uw gegevens erbij.'
          : 'Dank u. Uw organisatie is aangemeld; het programmateam bekijkt de gegevens.'}
      </Notice>
      <p class="utrecht-paragraph">
        U kunt de gegevens zelf inzien en aanpassen: <a href="/inloggen">log in</a> met uw e-mailadres.
      </p>
    </Layout>
  );
}

export function AnswerPage(props: {
  ctx: PageContext;
  id: string;
  side: 'org' | 'route';
  keyValue: string;
  organisation: string;
  route: string;
  institution: string;
  note: string | null;
  offers: string;
  state: string;
  done?: string;
}) {
  const open = (props.side === 'org' && props.state === 'asked_org') || (props.side === 'route' && props.state === 'asked_route');
  return (
    <Layout ctx={props.ctx} title="Kennismaken?">
      <Heading1>{props.side === 'org' ? `Kennismaken met de route ${props.route}?` : `Kennismaken met ${props.organisation}?`}</Heading1>
      {props.done && <Notice kind="ok">{props.done}</Notice>}
      <p class="utrecht-paragraph">
        {props.side === 'org'
          ? `Het programmateam stelt voor dat ${props.organisation} kennismaakt met de route "${props.route}" van ${props.institution}.`
          : `${props.organisation} wil graag kennismaken met de route "${props.route}". Zij bieden: ${props.offers}.`}
      </p>
      {props.note && <p class="utrecht-paragraph">{props.note}</p>}
      <p class="utrecht-paragraph">
        Pas als beide kanten ja zeggen, sturen we u beiden elkaars contactgegevens. Zegt u nee, dan vragen we het niet opnieuw.
      </p>
      {open ? (
        <form method="post" action={`/netwerk/introductie/${props.id}`} class="mkb-form">
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="kant" value={props.side} />
          <input type="hidden" name="sleutel" value={props.keyValue} />
          <div class="mkb-button-row">
            <Button name="antwoord" value="ja">
              Ja, graag
            </Button>
            <Button name="antwoord" value="nee" secondary>
              Nee, dank u
            </Button>
            {props.side === 'org' && (
              <Button name="antwoord" value="later" secondary>
                Nu niet
              </Button>
            )}
          </div>
        </form>
      ) : (
        !props.done && <p class="utrecht-paragraph">Deze vraag is beantwoord; er is niets meer te kiezen.</p>
      )}
    </Layout>
  );
}

export function LinkGonePage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="Deze link werkt niet meer">
      <Heading1>Deze link werkt niet meer</Heading1>
      <p class="utrecht-paragraph">
        De bevestigingslink is al gebruikt of verlopen. Is uw organisatie nog niet aangemeld?{' '}
        <a href="/netwerk/aanmelden">Meld haar opnieuw aan</a>.
      </p>
    </Layout>
  );
}
