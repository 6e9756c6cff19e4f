import { renderMarkdown } from '../../../platform/markdown.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FilterSelect,
  Heading1,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { JsonLd } from '../../../ui/json-ld.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { Prose } from '../../content/index.ts';
import type { Option } from '../../reference/index.ts';
import { AUDIENCES, type Question } from '../rules.ts';
import type { EventWithSeats } from '../service.ts';
import { EventCard, EventFacts } from './parts.tsx';

export function EventsPage(props: {
  ctx: PageContext;
  upcoming: EventWithSeats[];
  past: EventWithSeats[];
  themes: Option[];
  theme: string;
  audience: string;
}) {
  return (
    <Layout
      ctx={props.ctx}
      title="Bijeenkomsten"
      description="Webinars, regionale bijeenkomsten en de landelijke dag van het leernetwerk Mkb-route in het hbo."
    >
      <Heading1>Bijeenkomsten</Heading1>
      <p class="utrecht-paragraph">
        In het leernetwerk delen hogescholen, mkb-bedrijven en branches wat werkt. Meld u aan voor een webinar, een regionale bijeenkomst of
        de landelijke dag; een account is niet nodig.
      </p>
      <form method="get" action="/bijeenkomsten" class="mkb-filters">
        <FilterSelect name="thema" label="Thema" value={props.theme} options={props.themes} />
        <FilterSelect
          name="doelgroep"
          label="Voor"
          value={props.audience}
          options={Object.entries(AUDIENCES).map(([value, label]) => ({ value, label }))}
        />
        <div class="mkb-filter mkb-filter--submit">
          <Button>Filteren</Button>
        </div>
      </form>
      <h2 class="utrecht-heading-2">Binnenkort</h2>
      {props.upcoming.length === 0 ? (
        <p class="utrecht-paragraph">Er staan (nog) geen bijeenkomsten gepland die hierbij passen.</p>
      ) : (
        <ul class="mkb-cards">
          {props.upcoming.map((e) => (
            <EventCard key={e.id} e={e} level={3} />
          ))}
        </ul>
      )}
      {props.past.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">Eerder</h2>
          <ul class="mkb-cards">
            {props.past.map((e) => (
              <EventCard key={e.id} e={e} level={3} past />
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

/** schema.org Event, as search engines read it. */
function eventJsonLd(e: EventWithSeats, baseUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    startDate: e.startsAt,
    endDate: e.endsAt,
    eventStatus: e.state === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode:
      e.mode === 'online' ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location:
      e.mode === 'online'
        ? { '@type': 'VirtualLocation', url: `${baseUrl}/bijeenkomsten/${e.id}` }
        : { '@type': 'Place', name: e.address, address: e.address },
    organizer: { '@type': 'Organization', name: 'Programma Mkb-route in het hbo', url: baseUrl },
    url: `${baseUrl}/bijeenkomsten/${e.id}`,
    ...(e.capacity !== null ? { maximumAttendeeCapacity: e.capacity, remainingAttendeeCapacity: Math.max(0, e.capacity - e.taken) } : {}),
    isAccessibleForFree: true,
    inLanguage: 'nl',
  };
}

export function QuestionFields({
  questions,
  values,
  errors,
}: {
  questions: Question[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <>
      {questions.map((q) =>
        q.kind === 'choice' ? (
          <SelectField
            key={q.id}
            name={`answer_${q.id}`}
            label={q.label}
            required={q.required}
            placeholder="Maak een keuze"
            options={q.options.map((o) => ({ value: o, label: o }))}
            value={values[`answer_${q.id}`]}
            errors={errors}
          />
        ) : (
          <TextArea
            key={q.id}
            name={`answer_${q.id}`}
            label={q.label}
            required={q.required}
            rows={3}
            maxLength={1000}
            value={values[`answer_${q.id}`]}
            errors={errors}
          />
        ),
      )}
    </>
  );
}

export type Standing = { id: string; label: string; href: string } | null;

export function EventPage(props: {
  ctx: PageContext;
  e: EventWithSeats;
  themes: Option[];
  baseUrl: string;
  now: Date;
  /** Signed in: where I stand (null when not registered). */
  standing: Standing;
  /** The waiting list's rule with the windows in force. */
  rule: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  warning?: string;
}) {
  const { e, ctx } = props;
  const nowIso = props.now.toISOString();
  const open = e.state === 'published' && nowIso < e.deadline && nowIso < e.startsAt;
  const full = e.capacity !== null && e.taken >= e.capacity;
  return (
    <Layout ctx={ctx} title={e.title} description={`Bijeenkomst van Mkb-route in het hbo: ${e.title}`}>
      <JsonLd data={eventJsonLd(e, props.baseUrl)} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/bijeenkomsten">
          Alle bijeenkomsten
        </a>
      </p>
      <Heading1>{e.title}</Heading1>
      {e.state === 'cancelled' && (
        <Notice kind="warning">Deze bijeenkomst gaat niet door{e.cancelReason ? `: ${e.cancelReason}` : ''}.</Notice>
      )}
      {props.warning && <Notice kind="warning">{props.warning}</Notice>}
      <EventFacts e={e} themes={props.themes} now={props.now} />
      <h2 class="utrecht-heading-2">Aanmelden</h2>
      {props.standing ? (
        <p class="utrecht-paragraph">
          U staat ingeschreven: {props.standing.label}.{' '}
          <a class="utrecht-link" href={props.standing.href}>
            Bekijk of wijzig uw aanmelding
          </a>
        </p>
      ) : !open ? (
        <p class="utrecht-paragraph">Aanmelden is gesloten.</p>
      ) : full && !e.waitlist ? (
        <p class="utrecht-paragraph">De bijeenkomst is vol.</p>
      ) : ctx.user ? (
        <form method="post" action={`/bijeenkomsten/${e.id}/aanmelden`}>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary errors={props.errors} />
          {full && <p class="utrecht-paragraph">De bijeenkomst is vol; u komt op de wachtlijst. {props.rule}</p>}
          <p class="utrecht-paragraph">
            U meldt zich aan als {ctx.user.name ?? ctx.user.email} ({ctx.user.email}).
          </p>
          <QuestionFields questions={e.questions} values={props.values ?? {}} errors={props.errors} />
          <Button>{full ? 'Op de wachtlijst' : 'Aanmelden'}</Button>
        </form>
      ) : (
        <>
          {full && <p class="utrecht-paragraph">De bijeenkomst is vol; wie zich nu aanmeldt, komt op de wachtlijst. {props.rule}</p>}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/bijeenkomsten/${e.id}/aanmelden`}>
              {full ? 'Op de wachtlijst' : 'Aanmelden'} met naam en e-mailadres
            </a>{' '}
            of{' '}
            <a class="utrecht-link" href={`/inloggen?terug=${encodeURIComponent(`/bijeenkomsten/${e.id}`)}`}>
              log in
            </a>{' '}
            en meld u aan met één klik.
          </p>
        </>
      )}
      <h2 class="utrecht-heading-2">Over deze bijeenkomst</h2>
      <Prose html={renderMarkdown(e.description)} />
    </Layout>
  );
}

export function GuestForm(props: {
  ctx: PageContext;
  e: EventWithSeats;
  values: Record<string, string>;
  errors?: FieldErrors;
  sent?: string;
  rule: string;
}) {
  const { e, ctx } = props;
  const full = e.capacity !== null && e.taken >= e.capacity;
  const nowIso = new Date().toISOString();
  const closed = e.state !== 'published' || nowIso >= e.deadline || nowIso >= e.startsAt || (full && !e.waitlist);
  return (
    <Layout ctx={ctx} title={`Aanmelden: ${e.title}`}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/bijeenkomsten/${e.id}`}>
          Terug naar de bijeenkomst
        </a>
      </p>
      <Heading1>Aanmelden: {e.title}</Heading1>
      {closed && !props.sent ? (
        <p class="utrecht-paragraph">
          {e.state !== 'published'
            ? 'Deze bijeenkomst gaat niet door.'
            : full && !e.waitlist
              ? 'De bijeenkomst is vol.'
              : 'Aanmelden is gesloten.'}
        </p>
      ) : props.sent ? (
        <Notice kind="ok">
          We hebben een bevestigingslink gestuurd naar {props.sent}. Klik binnen 24 uur op die link; pas dan bent u aangemeld. Ziet u niets?
          Kijk ook bij ongewenste e-mail.
        </Notice>
      ) : (
        <form method="post" action={`/bijeenkomsten/${e.id}/aanmelden`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary errors={props.errors} />
          {full && <p class="utrecht-paragraph">De bijeenkomst is vol; u komt op de wachtlijst. {props.rule}</p>}
          <TextField
            name="name"
            label="Uw naam"
            required
            autocomplete="name"
            maxLength={200}
            value={props.values.name}
            errors={props.errors}
          />
          <TextField
            name="email"
            label="Uw e-mailadres"
            type="email"
            required
            autocomplete="email"
            maxLength={254}
            hint="U krijgt een link om uw aanmelding te bevestigen. We gebruiken uw adres alleen voor deze bijeenkomst."
            value={props.values.email}
            errors={props.errors}
          />
          <QuestionFields questions={e.questions} values={props.values} errors={props.errors} />
          {/* A field people do not see: a form robot fills it in. */}
          <div class="mkb-visually-hidden" aria-hidden="true">
            <label for="veld-website">Laat dit veld leeg</label>
            <input id="veld-website" name="website" type="text" tabIndex={-1} autocomplete="off" value="" />
          </div>
          <Button>Stuur de bevestigingslink</Button>
        </form>
      )}
    </Layout>
  );
}

export function ConfirmGuestPage(props: { ctx: PageContext; e: EventWithSeats; token: string; name: string; email: string }) {
  return (
    <Layout ctx={props.ctx} title={`Bevestig uw aanmelding: ${props.e.title}`}>
      <Heading1>Bevestig uw aanmelding</Heading1>
      <p class="utrecht-paragraph">
        {props.name} ({props.email}) voor <strong>{props.e.title}</strong>.
      </p>
      <form method="post" action={`/bijeenkomsten/${props.e.id}/bevestigen`}>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <Button>Bevestig mijn aanmelding</Button>
      </form>
    </Layout>
  );
}
