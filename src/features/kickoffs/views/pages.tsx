import { LIMITS } from '../../../platform/limits.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  DateField,
  ErrorSummary,
  type FieldErrors,
  Heading1,
  Notice,
  SelectField,
  TableScroll,
  TextArea,
  TextField,
  TimeField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { Option } from '../../reference/index.ts';
import { DURATIONS, formatDay, formatSlot, formatTime, KICKOFF_STATE_LABELS } from '../rules.ts';
import type { Kickoff, Slot } from '../service.ts';

type Values = Record<string, string>;

const WEEKDAYS: Option[] = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'].map((d, i) => ({
  value: String(i + 1),
  label: d,
}));

export function Where({ slot }: { slot: Slot }) {
  return slot.mode === 'online' ? (
    <>
      Online:{' '}
      <a class="utrecht-link" href={slot.link ?? '#'}>
        {slot.link}
      </a>
    </>
  ) : (
    <>Op locatie: {slot.address}</>
  );
}

export function Agenda({ items }: { items: string[] }) {
  return (
    <section aria-labelledby="agenda-titel">
      <h2 class="utrecht-heading-2" id="agenda-titel">
        Agenda
      </h2>
      <ol class="mkb-pre">
        {items.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ol>
    </section>
  );
}

/** Free slots grouped per day, as radio buttons. */
/** "donderdag 3 december 2026" → "Donderdag 3 december 2026": a capital to start, Dutch month names stay lower case. */
const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function SlotChoice({ slots, name, errors }: { slots: Slot[]; name: string; errors?: FieldErrors }) {
  return (
    <ChoiceGroup
      name={name}
      legend="Kies een tijdstip (Nederlandse tijd)"
      errors={errors}
      options={slots.map((s) => ({
        value: s.id,
        group: sentenceCase(formatDay(s.startsAt)),
        label: `${formatTime(s.startsAt)}–${formatTime(s.endsAt)} uur met ${s.host} · ${s.mode === 'online' ? 'online' : `op locatie (${s.address})`}`,
      }))}
    />
  );
}

export function BookingPage(props: {
  ctx: PageContext;
  kickoff: Kickoff;
  slots: { preferred: Slot[]; others: Slot[] };
  keyValue: string | null;
  canChange: boolean;
  noticeHours: number;
  notice?: string;
  warning?: string;
  errors?: FieldErrors;
  values?: Values;
}) {
  const { ctx, kickoff: k } = props;
  const base = `/startgesprek/${k.id}`;
  const all = [...props.slots.preferred, ...props.slots.others];
  const keyField = props.keyValue ? <input type="hidden" name="sleutel" value={props.keyValue} /> : null;
  const icsHref = `${base}/startgesprek.ics${props.keyValue ? `?sleutel=${encodeURIComponent(props.keyValue)}` : ''}`;
  return (
    <Layout ctx={ctx} title={`Startgesprek ${k.reference ?? ''}`}>
      <Heading1>Startgesprek</Heading1>
      <p class="mkb-meta">
        {k.title} · {k.reference} · {KICKOFF_STATE_LABELS[k.state]}
      </p>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.warning && <Notice kind="warning">{props.warning}</Notice>}
      <ErrorSummary errors={props.errors} />
      {k.state === 'booked' && k.slot && (
        <section aria-labelledby="gepland-titel">
          <h2 class="utrecht-heading-2" id="gepland-titel">
            Gepland
          </h2>
          <p class="utrecht-paragraph mkb-lead">
            {formatSlot(k.slot.startsAt, k.slot.endsAt)} met {k.slot.host}
          </p>
          <p class="utrecht-paragraph">
            <Where slot={k.slot} />
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={icsHref}>
              Zet in uw agenda (.ics)
            </a>
          </p>
        </section>
      )}
      {k.state === 'held' && <Notice kind="ok">Het startgesprek is gehouden.</Notice>}
      <Agenda items={k.agenda} />
      {(k.state === 'invited' || k.state === 'cancelled') &&
        (all.length === 0 ? (
          <Notice kind="warning">
            Er zijn op dit moment geen vrije tijden. Het programmateam voegt er binnenkort nieuwe toe; u krijgt dan bericht.
          </Notice>
        ) : (
          <form method="post" action={`${base}/boeken`} class="mkb-form" noValidate>
            <CsrfField token={ctx.csrfToken} />
            {keyField}
            <SlotChoice slots={all} name="slot" errors={props.errors} />
            <Button>Dit tijdstip boeken</Button>
          </form>
        ))}
      {k.state === 'booked' &&
        (props.canChange ? (
          <>
            <form method="post" action={`${base}/verzetten`} class="mkb-form" noValidate>
              <CsrfField token={ctx.csrfToken} />
              {keyField}
              <h2 class="utrecht-heading-2">Verzetten</h2>
              {all.length === 0 ? (
                <p class="utrecht-paragraph">Er zijn geen andere vrije tijden.</p>
              ) : (
                <>
                  <SlotChoice slots={all} name="slot" errors={props.errors} />
                  <TextArea
                    name="reason"
                    label="Reden van verzetten"
                    required
                    rows={2}
                    value={props.values?.reason}
                    errors={props.errors}
                  />
                  <Button secondary>Verzetten</Button>
                </>
              )}
            </form>
            <form method="post" action={`${base}/annuleren`} class="mkb-form" noValidate>
              <CsrfField token={ctx.csrfToken} />
              {keyField}
              <h2 class="utrecht-heading-2">Annuleren</h2>
              <p class="utrecht-paragraph">Na annuleren kiest u later een nieuw tijdstip.</p>
              <p class="utrecht-form-field__label">
                <label class="utrecht-form-label" for="veld-cancel-reason">
                  Reden van annuleren
                </label>
              </p>
              <textarea
                class="utrecht-textarea utrecht-textarea--html-textarea"
                id="veld-cancel-reason"
                name="reason"
                rows={2}
                maxLength={LIMITS.reason}
              />
              <Button secondary>Gesprek annuleren</Button>
            </form>
          </>
        ) : (
          <Notice>
            Verzetten of annuleren kan tot {props.noticeHours} uur voor het gesprek. Neem contact op met {k.slot?.host} ({k.slot?.hostEmail}
            ).
          </Notice>
        ))}
    </Layout>
  );
}

export function TeamKickoffsPage(props: {
  ctx: PageContext;
  slots: Slot[];
  team: Option[];
  overview: {
    unplanned: { id: string; reference: string | null; title: string | null }[];
    waiting: { id: string; reference: string | null; title: string | null }[];
  };
  notice?: string;
  errors?: FieldErrors;
  values?: Values;
  /** Which of the two forms: one time, or a weekly series. */
  series?: boolean;
}) {
  const { ctx } = props;
  const v = props.values ?? { host: ctx.user?.id ?? '', duration: '60', mode: 'online' };
  const series = props.values ? props.values.soort === 'reeks' : Boolean(props.series);
  return (
    <BackOfficePage ctx={ctx} title="Startgesprekken">
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <ErrorSummary errors={props.errors} />
      {props.overview.unplanned.length > 0 && (
        <section class="mkb-notice mkb-notice--warning" aria-labelledby="niet-ingepland-titel">
          <h2 class="utrecht-heading-3" id="niet-ingepland-titel">
            Niet ingepland (ook niet na een herinnering)
          </h2>
          <ul>
            {props.overview.unplanned.map((k) => (
              <li key={k.id}>
                <a class="utrecht-link" href={`/beheer/startgesprekken/${k.id}`}>
                  {k.reference} · {k.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.overview.waiting.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">Uitgenodigd, nog niet ingepland</h2>
          <ul>
            {props.overview.waiting.map((k) => (
              <li key={k.id}>
                <a class="utrecht-link" href={`/beheer/startgesprekken/${k.id}`}>
                  {k.reference} · {k.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 class="utrecht-heading-2">Tijden</h2>
      {props.slots.length === 0 ? (
        <p class="utrecht-paragraph">Er zijn geen komende tijden.</p>
      ) : (
        <TableScroll label="Komende tijden">
          <table class="mkb-table">
            <thead>
              <tr>
                <th scope="col">Wanneer (Nederlandse tijd)</th>
                <th scope="col">Wie</th>
                <th scope="col">Waar</th>
                <th scope="col">Geboekt</th>
                <th scope="col">
                  <span class="mkb-visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.slots.map((s) => (
                <tr key={s.id}>
                  <td>{formatSlot(s.startsAt, s.endsAt)}</td>
                  <td>{s.host}</td>
                  <td>{s.mode === 'online' ? 'Online' : s.address}</td>
                  <td>
                    {s.booked ? (
                      <a class="utrecht-link" href={`/beheer/startgesprekken/${s.booked.kickoffId}`}>
                        {s.booked.reference} · {s.booked.title}
                      </a>
                    ) : (
                      'Vrij'
                    )}
                  </td>
                  <td>
                    {!s.booked && (
                      <form method="post" action={`/beheer/startgesprekken/tijden/${s.id}/verwijderen`}>
                        <CsrfField token={ctx.csrfToken} />
                        <button type="submit" class="mkb-link-button">
                          Verwijderen<span class="mkb-visually-hidden"> {formatSlot(s.startsAt, s.endsAt)}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="utrecht-heading-2" id="tijden-toevoegen">
        Tijden toevoegen
      </h2>
      <p class="utrecht-paragraph mkb-switch">
        {series ? (
          <>
            <a class="utrecht-link" href="/beheer/startgesprekken#tijden-toevoegen">
              Eén tijdstip
            </a>{' '}
            · <strong aria-current="true">Elke week op dezelfde dag en tijd</strong>
          </>
        ) : (
          <>
            <strong aria-current="true">Eén tijdstip</strong> ·{' '}
            <a class="utrecht-link" href="/beheer/startgesprekken?soort=reeks#tijden-toevoegen">
              Elke week op dezelfde dag en tijd
            </a>
          </>
        )}
      </p>
      <form method="post" action="/beheer/startgesprekken/tijden" class="mkb-form" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="soort" value={series ? 'reeks' : 'los'} />
        <SelectField
          name="host"
          label="Wie voert het gesprek"
          required
          placeholder="Kies een teamlid"
          options={props.team}
          value={v.host}
          errors={props.errors}
        />
        {series ? (
          <>
            <DateField name="from" label="Eerste datum" required value={v.from} errors={props.errors} />
            <DateField name="to" label="Laatste datum" required value={v.to} errors={props.errors} />
            <SelectField
              name="weekday"
              label="Dag van de week"
              required
              placeholder="Kies een dag"
              options={WEEKDAYS}
              value={v.weekday}
              errors={props.errors}
            />
          </>
        ) : (
          <DateField name="date" label="Datum" required value={v.date} errors={props.errors} />
        )}
        <TimeField name="time" label="Begintijd (Nederlandse tijd)" required value={v.time} errors={props.errors} />
        <SelectField
          name="duration"
          label="Duur"
          required
          placeholder="Kies een duur"
          options={DURATIONS.map((d) => ({ value: String(d), label: `${d} minuten` }))}
          value={v.duration}
          errors={props.errors}
        />
        <SelectField
          name="mode"
          label="Vorm"
          required
          placeholder="Kies"
          options={[
            { value: 'online', label: 'Online' },
            { value: 'location', label: 'Op locatie' },
          ]}
          value={v.mode}
          errors={props.errors}
        />
        <TextField
          name="link"
          label="Link naar het online gesprek"
          when="verplicht bij online"
          hint="Begint met https://"
          type="url"
          value={v.link}
          errors={props.errors}
        />
        <TextField name="address" label="Adres" when="verplicht bij op locatie" value={v.address} errors={props.errors} />
        <Button>{series ? 'Reeks opslaan' : 'Tijdstip opslaan'}</Button>
      </form>
    </BackOfficePage>
  );
}
