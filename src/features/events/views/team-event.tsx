import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, CsrfField, type FieldErrors, TableScroll, TextArea, TextField } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { ATTENDANCE_LABELS, placesText, SEAT_LABELS, whenText } from '../rules.ts';
import type { EventWithSeats } from '../service.ts';

export type TeamSeat = {
  id: string;
  name: string;
  email: string;
  state: string;
  arrival: number;
  attendance: string | null;
  code: string;
  createdAt: string;
};

export function TeamEventPage(props: {
  ctx: PageContext;
  e: EventWithSeats;
  seats: TeamSeat[];
  query: string;
  attendanceOpen: boolean;
  notice?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const { e, ctx } = props;
  const base = `/beheer/bijeenkomsten/${e.id}`;
  const q = props.query.toLowerCase();
  const shown = q
    ? props.seats.filter((s) => s.name.toLowerCase().includes(q) || s.email.includes(q) || s.code.toLowerCase() === q)
    : props.seats;
  const marked = props.seats.filter((s) => s.attendance).length;
  return (
    <BackOfficePage
      ctx={ctx}
      title={e.title}
      back={{ href: '/beheer/bijeenkomsten', text: 'Alle bijeenkomsten' }}
      notice={props.notice}
      errors={props.errors}
    >
      <p class="utrecht-paragraph">
        {whenText(e.startsAt, e.endsAt)} · {e.state === 'cancelled' ? 'Geannuleerd' : placesText(e.capacity, e.taken)} · {e.confirmed}{' '}
        aangemeld · {e.waiting} op de wachtlijst
      </p>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={`/bijeenkomsten/${e.id}`}>
            Openbare pagina
          </a>
        </li>
        {e.state === 'published' && (
          <li>
            <a class="utrecht-link" href={`${base}/bewerken`}>
              Wijzigen
            </a>
          </li>
        )}
        <li>
          <a class="utrecht-link" href={`/beheer/bijeenkomsten/nieuw?kopie=${e.id}`}>
            Kopiëren naar een nieuwe bijeenkomst
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${base}/aanwezigheid.csv`}>
            Deelnemerslijst als CSV ({props.seats.length} {props.seats.length === 1 ? 'rij' : 'rijen'})
          </a>
        </li>
      </ul>

      <h2 class="utrecht-heading-2">Deelnemers</h2>
      {props.attendanceOpen && e.state === 'published' && (
        <form method="post" action={`${base}/aanwezigheid`} class="mkb-filters">
          <CsrfField token={ctx.csrfToken} />
          <TextField
            name="code"
            label="Persoonlijke code"
            hint="Zes tekens, uit de bevestiging."
            maxLength={20}
            value={props.values?.code}
            errors={props.errors}
          />
          <div class="mkb-filter mkb-filter--submit">
            <Button>Aanwezig melden</Button>
          </div>
        </form>
      )}
      <form method="get" action={base} class="mkb-filters">
        <div class="mkb-filter">
          <label class="utrecht-form-label" for="zoek-deelnemer">
            Zoek op naam, e-mail of code
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" id="zoek-deelnemer" name="zoek" type="search" value={props.query} />
        </div>
        <div class="mkb-filter mkb-filter--submit">
          <Button secondary>Zoeken</Button>
        </div>
      </form>
      {shown.length === 0 ? (
        <p class="utrecht-paragraph">{props.seats.length ? 'Niemand gevonden met deze zoekterm.' : 'Nog niemand aangemeld.'}</p>
      ) : (
        <TableScroll label="Deelnemers">
          <table class="utrecht-table mkb-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Naam
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Status
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Code
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Aangemeld op
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Aanwezigheid
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {shown.map((s) => (
                <tr class="utrecht-table__row" key={s.id}>
                  <td class="utrecht-table__cell">
                    {s.name}
                    <br />
                    <span class="mkb-meta">{s.email}</span>
                  </td>
                  <td class="utrecht-table__cell">{SEAT_LABELS[s.state] ?? s.state}</td>
                  <td class="utrecht-table__cell">{s.code}</td>
                  <td class="utrecht-table__cell">{formatDateTime(s.createdAt)}</td>
                  <td class="utrecht-table__cell">
                    {s.attendance ? ATTENDANCE_LABELS[s.attendance] : s.state === 'confirmed' ? 'Nog niet vastgelegd' : '–'}
                    {props.attendanceOpen && s.state === 'confirmed' && e.state === 'published' && (
                      <form method="post" action={`${base}/aanwezigheid`} class="mkb-inline-form">
                        <CsrfField token={ctx.csrfToken} />
                        <input type="hidden" name="registration" value={s.id} />
                        {s.attendance !== 'present' && (
                          <Button name="value" value="present" secondary>
                            Aanwezig<span class="mkb-visually-hidden">: {s.name}</span>
                          </Button>
                        )}
                        {s.attendance !== 'absent' && (
                          <Button name="value" value="absent" secondary>
                            Niet gekomen<span class="mkb-visually-hidden">: {s.name}</span>
                          </Button>
                        )}
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {props.attendanceOpen && e.state === 'published' && e.confirmed > marked && (
        <form method="post" action={`${base}/afwezig`}>
          <CsrfField token={ctx.csrfToken} />
          <p class="utrecht-paragraph">Na afloop: wie niet als aanwezig is gemeld, vastleggen als niet gekomen.</p>
          <Button secondary>De rest vastleggen als niet gekomen</Button>
        </form>
      )}

      {e.state === 'published' && (
        <>
          <h2 class="utrecht-heading-2">Annuleren</h2>
          <form method="post" action={`${base}/annuleren`}>
            <CsrfField token={ctx.csrfToken} />
            <TextArea
              name="reason"
              label="Reden"
              required
              rows={3}
              maxLength={1000}
              hint="Iedereen die is aangemeld of op de wachtlijst staat, krijgt bericht met deze reden en een annulering voor de agenda."
              value={props.values?.reason}
              errors={props.errors}
            />
            <Button secondary>Bijeenkomst annuleren</Button>
          </form>
        </>
      )}
    </BackOfficePage>
  );
}
