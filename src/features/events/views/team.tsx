import { BackOfficePage } from '../../../ui/back-office.tsx';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  DateField,
  type FieldErrors,
  SelectField,
  TableScroll,
  TextArea,
  TextField,
  TimeField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { Option } from '../../reference/index.ts';
import { AUDIENCES, QUESTION_ROWS, whenText } from '../rules.ts';
import type { EventWithSeats } from '../service.ts';

export function TeamEventsPage(props: { ctx: PageContext; upcoming: EventWithSeats[]; past: EventWithSeats[]; notice?: string }) {
  const Rows = ({ list, label }: { list: EventWithSeats[]; label: string }) => (
    <TableScroll label={label}>
      <table class="utrecht-table mkb-table">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Bijeenkomst
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Wanneer
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Aangemeld
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Wachtlijst
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {list.map((e) => (
            <tr class="utrecht-table__row" key={e.id}>
              <td class="utrecht-table__cell">
                <a class="utrecht-link" href={`/beheer/bijeenkomsten/${e.id}`}>
                  {e.title}
                </a>
                {e.state === 'cancelled' && ' (geannuleerd)'}
              </td>
              <td class="utrecht-table__cell">{whenText(e.startsAt, e.endsAt)}</td>
              <td class="utrecht-table__cell">
                {e.confirmed}
                {e.capacity !== null ? ` van ${e.capacity}` : ''}
                {e.taken > e.confirmed ? ` (+${e.taken - e.confirmed} aangeboden)` : ''}
              </td>
              <td class="utrecht-table__cell">{e.waiting}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  return (
    <BackOfficePage ctx={props.ctx} title="Bijeenkomsten" notice={props.notice}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/bijeenkomsten/nieuw">
          Nieuwe bijeenkomst
        </a>
      </p>
      <h2 class="utrecht-heading-2">Gepland</h2>
      {props.upcoming.length ? (
        <>
          <Rows list={props.upcoming} label="Geplande bijeenkomsten" />
          <p>
            <a class="utrecht-link" href="/beheer/bijeenkomsten.csv?periode=gepland">
              Geplande bijeenkomsten als CSV ({props.upcoming.length})
            </a>
          </p>
        </>
      ) : (
        <p class="utrecht-paragraph">Er staan geen bijeenkomsten gepland.</p>
      )}
      {props.past.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">Geweest</h2>
          <Rows list={props.past} label="Eerdere bijeenkomsten" />
          <p>
            <a class="utrecht-link" href="/beheer/bijeenkomsten.csv?periode=geweest">
              Eerdere bijeenkomsten als CSV, met aanwezigheid ({props.past.length})
            </a>
          </p>
        </>
      )}
    </BackOfficePage>
  );
}

export function EventForm(props: {
  ctx: PageContext;
  action: string;
  heading: string;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  themes: Option[];
  team: Option[];
  back: { href: string; text: string };
}) {
  const v = (k: string) => {
    const x = props.values[k];
    return Array.isArray(x) ? x.join(',') : x;
  };
  const list = (k: string) => [props.values[k] ?? []].flat();
  const errors = props.errors;
  return (
    <BackOfficePage ctx={props.ctx} title={props.heading} back={props.back} errors={errors}>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField name="title" label="Titel" required maxLength={200} value={v('title')} errors={errors} />
        <TextArea
          name="description"
          label="Beschrijving"
          required
          rows={8}
          maxLength={20000}
          hint="Markdown: ## kopje, **vet**, - opsomming, [tekst](https://…)."
          value={v('description')}
          errors={errors}
        />
        <ChoiceGroup
          name="audiences"
          legend="Voor wie"
          type="checkbox"
          options={Object.entries(AUDIENCES).map(([value, label]) => ({ value, label }))}
          value={list('audiences')}
          errors={errors}
        />
        <ChoiceGroup
          name="themes"
          legend="Thema's (niet verplicht)"
          type="checkbox"
          options={props.themes}
          value={list('themes')}
          errors={errors}
        />
        <ChoiceGroup
          name="mode"
          legend="Waar"
          options={[
            { value: 'online', label: 'Online' },
            { value: 'location', label: 'Op locatie' },
          ]}
          value={v('mode')}
          errors={errors}
        />
        <TextField
          name="link"
          label="Link naar de online bijeenkomst"
          when="verplicht bij online"
          type="url"
          maxLength={500}
          value={v('link')}
          errors={errors}
        />
        <TextField name="address" label="Adres" when="verplicht op locatie" maxLength={300} value={v('address')} errors={errors} />
        <DateField name="date" label="Datum" required value={v('date')} errors={errors} />
        <TimeField name="start" label="Begintijd" required hint="Nederlandse tijd." value={v('start')} errors={errors} />
        <TimeField name="end" label="Eindtijd" required value={v('end')} errors={errors} />
        <DateField
          name="deadline_date"
          label="Aanmelden kan tot en met (datum)"
          hint="Leeg: tot de start."
          value={v('deadline_date')}
          errors={errors}
        />
        <TimeField name="deadline_time" label="Aanmelden kan tot (tijd)" value={v('deadline_time')} errors={errors} />
        <TextField
          name="capacity"
          label="Aantal plaatsen"
          hint="Leeg: geen maximum."
          maxLength={10}
          value={v('capacity')}
          errors={errors}
        />
        <ChoiceGroup
          name="waitlist"
          legend="Wachtlijst"
          type="checkbox"
          options={[{ value: 'ja', label: 'Wachtlijst als de bijeenkomst vol is' }]}
          value={list('waitlist')}
          errors={errors}
        />
        <TextField
          name="reminder_hours"
          label="Herinnering (uren voor de start)"
          hint="Standaard 48; 0 is geen herinnering."
          maxLength={10}
          value={v('reminder_hours')}
          errors={errors}
        />
        <TextArea
          name="reminder_text"
          label="Tekst in de herinnering"
          rows={3}
          maxLength={1000}
          value={v('reminder_text')}
          errors={errors}
        />
        <SelectField
          name="organiser"
          label="Organisator"
          hint="Krijgt bericht bij 80% en 100% bezetting."
          placeholder="Ikzelf"
          options={props.team}
          value={v('organiser')}
          errors={errors}
        />
        <h2 class="utrecht-heading-2">Vragen bij aanmelden (niet verplicht)</h2>
        {Array.from({ length: QUESTION_ROWS }, (_, i) => i + 1).map((n) => (
          <fieldset key={n} class="utrecht-form-fieldset mkb-fieldset">
            <legend class="utrecht-form-fieldset__legend">Vraag {n}</legend>
            <TextField name={`q${n}_label`} label="Vraag" maxLength={200} value={v(`q${n}_label`)} errors={errors} />
            <SelectField
              name={`q${n}_kind`}
              label="Soort antwoord"
              placeholder="Open antwoord"
              options={[{ value: 'choice', label: 'Keuze uit een lijst' }]}
              value={v(`q${n}_kind`) === 'choice' ? 'choice' : ''}
              errors={errors}
            />
            <TextArea
              name={`q${n}_options`}
              label="Keuzes, één per regel"
              when="bij keuze uit een lijst"
              rows={3}
              maxLength={1000}
              value={v(`q${n}_options`)}
              errors={errors}
            />
            <ChoiceGroup
              name={`q${n}_required`}
              legend="Verplicht"
              type="checkbox"
              options={[{ value: 'ja', label: 'Deze vraag moet worden beantwoord' }]}
              value={list(`q${n}_required`)}
              errors={errors}
            />
          </fieldset>
        ))}
        <Button>Opslaan en publiceren</Button>
      </form>
    </BackOfficePage>
  );
}
