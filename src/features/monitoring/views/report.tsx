import {
  Button,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Heading1,
  Notice,
  TableScroll,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { formatDate } from '../messages.ts';
import type { Report } from '../monitor.ts';
import {
  countName,
  dutchDay,
  editableFields,
  fieldLabel,
  GROUPS,
  MEASURES,
  REFLECTION_MAX,
  STEPS,
  type StepSlug,
  totals,
} from '../rules.ts';

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toLocaleString('nl-NL'));

export function stateText(r: { state: string; late: boolean; deadline: string }): string {
  if (r.state === 'submitted') return r.late ? 'Ingediend (na de termijn)' : 'Ingediend';
  if (r.state === 'reopened') return 'Opengezet voor een aanpassing';
  if (dutchDay(new Date()) > r.deadline) return `Nog niet ingediend; de termijn liep tot en met ${formatDate(r.deadline)}`;
  return `Open tot en met ${formatDate(r.deadline)}`;
}

/** What the route expected in its registration beside what it reports now. */
export function ExpectedRealised({ report }: { report: Report }) {
  const t = totals(report.answers);
  return (
    <TableScroll label="Verwacht en gerealiseerd">
      <table class="mkb-table">
        <caption class="mkb-table__caption">Verwacht bij de aanmelding en gerealiseerd in {report.year}</caption>
        <thead>
          <tr>
            <th scope="col">Wat</th>
            <th scope="col">Verwacht</th>
            <th scope="col">Gerealiseerd</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Nieuwe studenten per jaar</th>
            <td>{fmt(report.expected.students)}</td>
            <td>{report.stepsDone.includes('studenten') || report.state !== 'open' ? fmt(t.new) : '–'}</td>
          </tr>
          <tr>
            <th scope="row">Mkb-bedrijven</th>
            <td>{fmt(report.expected.companies)}</td>
            <td>{report.stepsDone.includes('bedrijven') || report.state !== 'open' ? fmt(report.answers.companies) : '–'}</td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The answers as a table per target group, and the rest as a list (overview and the team's view). */
export function AnswersReadout({ report }: { report: Report }) {
  const a = report.answers;
  return (
    <>
      <TableScroll label="Studenten per doelgroep">
        <table class="mkb-table">
          <caption class="mkb-table__caption">Studenten per doelgroep</caption>
          <thead>
            <tr>
              <th scope="col">Doelgroep</th>
              {MEASURES.map((m) => (
                <th key={m.key} scope="col">
                  {m.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {GROUPS.map((g) => (
              <tr key={g.value}>
                <th scope="row">{g.label}</th>
                {MEASURES.map((m) => (
                  <td key={m.key}>{fmt(a.groups[g.value]?.[m.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <dl class="mkb-readout">
        <dt>Aantal mkb-bedrijven</dt>
        <dd>{fmt(a.companies)}</dd>
        <dt>Aantal praktijkbegeleiders</dt>
        <dd>{fmt(a.supervisors)}</dd>
        <dt>Terugblik</dt>
        <dd>{a.reflection || '–'}</dd>
      </dl>
    </>
  );
}

export function ReportOverviewPage(props: { ctx: PageContext; report: Report; notice?: string | null; missing?: string[] }) {
  const r = props.report;
  const editable = r.state !== 'submitted';
  return (
    <Layout ctx={props.ctx} title={`${r.title}: ${r.route}`}>
      <p class="mkb-meta">
        <a class="utrecht-link" href="/mijn">
          Terug naar Mijn omgeving
        </a>
      </p>
      <Heading1>
        {r.title}: {r.route}
      </Heading1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.missing && props.missing.length > 0 && (
        <div class="mkb-error-summary" role="alert" aria-labelledby="nog-niet-titel" tabIndex={-1} id="foutoverzicht" autofocus>
          <h2 id="nog-niet-titel">Nog niet klaar om in te dienen</h2>
          <ul>
            {props.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="utrecht-paragraph">
        <strong>{stateText(r)}</strong>
        {r.reference && <span class="mkb-meta"> · aanmelding {r.reference}</span>}
      </p>
      {r.state === 'reopened' && (
        <Notice kind="warning">
          <p>Het programmateam heeft deze onderdelen opengezet: {(r.reopenedFields ?? []).map(fieldLabel).join(', ')}.</p>
          {r.reopenMessage && <p class="mkb-pre-line">Toelichting: {r.reopenMessage}</p>}
        </Notice>
      )}
      {r.state === 'open' && r.prefilled && (
        <Notice kind="info">De cijfers van vorig jaar staan al ingevuld. Controleer elke stap en pas aan wat veranderd is.</Notice>
      )}
      {editable && (
        <>
          <h2 class="utrecht-heading-2">Stappen</h2>
          <ol class="mkb-task-list">
            {STEPS.map((s) => {
              const open = editableFields(r.state, r.reopenedFields, s.slug) !== 'none';
              const done = r.stepsDone.includes(s.slug);
              return (
                <li key={s.slug}>
                  {open ? (
                    <a class="utrecht-link" href={`/mijn/monitor/${r.id}/${s.slug}`}>
                      {s.title}
                    </a>
                  ) : (
                    s.title
                  )}{' '}
                  <span class="mkb-meta">— {!open ? 'ingediend, niet opengezet' : done ? 'opgeslagen' : 'nog niet opgeslagen'}</span>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <h2 class="utrecht-heading-2">{editable ? 'Wat u tot nu toe opgaf' : 'Wat u opgaf'}</h2>
      <ExpectedRealised report={r} />
      <AnswersReadout report={r} />
      {editable && (
        <form method="post" action={`/mijn/monitor/${r.id}/indienen`} class="mkb-form">
          <CsrfField token={props.ctx.csrfToken} />
          <p class="utrecht-paragraph">
            Na het indienen liggen de cijfers vast. Het programmateam kan een onderdeel weer openzetten als dat nodig is.
          </p>
          <Button>{r.state === 'reopened' ? 'Opnieuw indienen' : 'Monitor indienen'}</Button>
        </form>
      )}
    </Layout>
  );
}

export function ReportStepPage(props: {
  ctx: PageContext;
  report: Report;
  step: StepSlug;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const r = props.report;
  const step = STEPS.find((s) => s.slug === props.step) ?? STEPS[0];
  const editable = editableFields(r.state, r.reopenedFields, props.step);
  const can = (key: string) => editable !== 'none' && editable.has(key);
  const v = props.values;
  const index = STEPS.indexOf(step);
  return (
    <Layout ctx={props.ctx} title={`${step.title}: ${r.title}`}>
      <p class="mkb-meta">
        <a class="utrecht-link" href={`/mijn/monitor/${r.id}`}>
          Terug naar het overzicht van de monitor
        </a>
      </p>
      <ErrorSummary errors={props.errors} />
      <p class="mkb-meta">
        {r.title} · {r.route} · stap {index + 1} van {STEPS.length}
      </p>
      <Heading1>{step.title}</Heading1>
      <form method="post" action={`/mijn/monitor/${r.id}/${step.slug}`} class="mkb-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.step === 'studenten' && (
          <>
            <p class="utrecht-paragraph">
              Tel per doelgroep over het studiejaar {r.year - 1}–{r.year}: hoeveel studenten nieuw begonnen, hoeveel er in totaal
              ingeschreven stonden (de nieuwe meegeteld), hoeveel hun diploma haalden en hoeveel stopten. Vul 0 in waar er geen zijn.
            </p>
            {r.expected.students !== null && (
              <p class="mkb-meta">Bij de aanmelding verwachtte u {r.expected.students} nieuwe studenten per jaar.</p>
            )}
            {GROUPS.filter((g) => can(`groep:${g.value}`)).map((g) => (
              <fieldset key={g.value} class="utrecht-form-fieldset mkb-count-group">
                <legend class="utrecht-form-fieldset__legend">{g.label}</legend>
                <div class="mkb-count-row">
                  {MEASURES.map((m) => (
                    <TextField
                      key={m.key}
                      name={countName(g.value, m.key)}
                      label={m.label}
                      value={v[countName(g.value, m.key)]}
                      errors={props.errors}
                      inputMode="numeric"
                      maxLength={12}
                      required
                    />
                  ))}
                </div>
              </fieldset>
            ))}
          </>
        )}
        {props.step === 'bedrijven' && (
          <>
            {can('companies') && (
              <TextField
                name="companies"
                label="Aantal mkb-bedrijven waar studenten van de route werken"
                hint={r.expected.companies !== null ? `Bij de aanmelding: ${r.expected.companies}.` : undefined}
                value={v.companies}
                errors={props.errors}
                inputMode="numeric"
                maxLength={12}
                required
              />
            )}
            {can('supervisors') && (
              <TextField
                name="supervisors"
                label="Aantal praktijkbegeleiders in die bedrijven"
                value={v.supervisors}
                errors={props.errors}
                inputMode="numeric"
                maxLength={12}
                required
              />
            )}
          </>
        )}
        {props.step === 'terugblik' && can('reflection') && (
          <TextArea
            name="reflection"
            label="Terugblik op het jaar"
            hint="Wat ging goed, wat liep anders dan verwacht, en waar kan het programma helpen? Een paar zinnen is genoeg."
            value={v.reflection}
            errors={props.errors}
            maxLength={REFLECTION_MAX}
            rows={6}
            required
          />
        )}
        <Button>Opslaan en verder</Button>
      </form>
    </Layout>
  );
}

/** The form's values from the stored answers (what the person sees before changing anything). */
export function valuesOf(report: Report): Record<string, string> {
  const v: Record<string, string> = {};
  for (const g of GROUPS)
    for (const m of MEASURES) {
      const n = report.answers.groups[g.value]?.[m.key];
      v[countName(g.value, m.key)] = n === undefined ? '' : String(n);
    }
  v.companies = report.answers.companies === null ? '' : String(report.answers.companies);
  v.supervisors = report.answers.supervisors === null ? '' : String(report.answers.supervisors);
  v.reflection = report.answers.reflection;
  return v;
}
