import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  DateField,
  type FieldErrors,
  Notice,
  TableScroll,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { Correction, PublicFigures, Snapshot } from '../figures.ts';
import { formatDate } from '../messages.ts';
import type { Report } from '../monitor.ts';
import { FIELDS, published } from '../rules.ts';
import { AnswersReadout, ExpectedRealised, stateText } from './report.tsx';

export type YearRow = { year: number; title: string; deadline: string; total: number; submitted: number; late: number; published: boolean };

export function YearsPage(props: {
  ctx: PageContext;
  years: YearRow[];
  values: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  return (
    <BackOfficePage ctx={props.ctx} title="Monitor" notice={props.notice} errors={props.errors}>
      <p class="utrecht-paragraph">
        Eén keer per jaar geven de toegelaten routes hun cijfers: studenten per doelgroep, bedrijven, praktijkbegeleiders en een terugblik.
        Een route die later wordt toegelaten, krijgt de monitor van een lopend jaar er meteen bij.
      </p>
      {props.years.length === 0 ? (
        <p class="utrecht-paragraph">Er is nog geen monitorjaar geopend.</p>
      ) : (
        <TableScroll label="Monitorjaren">
          <table class="mkb-table">
            <caption class="mkb-visually-hidden">Monitorjaren</caption>
            <thead>
              <tr>
                <th scope="col">Jaar</th>
                <th scope="col">Termijn tot en met</th>
                <th scope="col">Ingediend</th>
                <th scope="col">Te laat</th>
                <th scope="col">Publiek</th>
              </tr>
            </thead>
            <tbody>
              {props.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">
                    <a class="utrecht-link" href={`/beheer/monitor/${y.year}`}>
                      {y.title}
                    </a>
                  </th>
                  <td>{formatDate(y.deadline)}</td>
                  <td>
                    {y.submitted} van {y.total}
                  </td>
                  <td>{y.late}</td>
                  <td>{y.published ? 'Gepubliceerd' : 'Nog niet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="utrecht-heading-2">Monitorjaar openen</h2>
      <form method="post" action="/beheer/monitor" class="mkb-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="year"
          label="Jaar"
          hint="Bijvoorbeeld 2026: de monitor heet dan “Monitor 2026”."
          value={props.values.year}
          errors={props.errors}
          inputMode="numeric"
          maxLength={4}
          required
        />
        <DateField name="deadline" label="Indienen tot en met" value={props.values.deadline} errors={props.errors} required />
        <p class="utrecht-paragraph">
          Bij het openen krijgt elke toegelaten route een monitor, ingevuld met de cijfers van vorig jaar, en een mail aan de
          contactpersonen.
        </p>
        <Button>Monitorjaar openen</Button>
      </form>
    </BackOfficePage>
  );
}

export type ReportRow = { id: string; route: string; reference: string | null; state: string; late: boolean; submittedAt: string | null };

function FiguresPreview({ figures, corrections }: { figures: PublicFigures; corrections: Correction[] }) {
  return (
    <>
      <ul>
        <li>Routes met toestemming voor publicatie: {published(figures.routes)}</li>
        <li>Daarvan met een ingediende monitor: {published(figures.reported)}</li>
        <li>Ingeschreven studenten: {figures.students.map((s) => `${s.label.toLowerCase()} ${published(s.enrolled)}`).join('; ')}</li>
        <li>Betrokken mkb-bedrijven: {published(figures.companies)}</li>
      </ul>
      {corrections.length > 0 && (
        <>
          <p class="utrecht-paragraph">Correcties op eerder gepubliceerde jaren die hierbij worden vermeld:</p>
          <ul>
            {corrections.map((c) => (
              <li key={`${c.year}${c.item}`}>
                {c.year}, {c.item}: {c.was} → {c.now}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function YearPage(props: {
  ctx: PageContext;
  year: { year: number; title: string; deadline: string };
  reports: ReportRow[];
  snapshot: Snapshot | null;
  preview: { figures: PublicFigures; corrections: Correction[] } | null;
  notice?: string | null;
}) {
  const y = props.year;
  return (
    <BackOfficePage ctx={props.ctx} title={y.title} back={{ href: '/beheer/monitor', text: 'Terug naar de monitor' }} notice={props.notice}>
      <p class="utrecht-paragraph">Indienen tot en met {formatDate(y.deadline)}.</p>
      <p>
        <a class="utrecht-link" href={`/beheer/monitor/${y.year}/antwoorden.csv`}>
          Alle antwoorden als CSV ({props.reports.length} {props.reports.length === 1 ? 'route' : 'routes'})
        </a>
      </p>
      <TableScroll label="Routes">
        <table class="mkb-table">
          <caption class="mkb-visually-hidden">Routes en hun monitor</caption>
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">Stand</th>
              <th scope="col">Ingediend op</th>
            </tr>
          </thead>
          <tbody>
            {props.reports.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a class="utrecht-link" href={`/beheer/monitor/${y.year}/${r.id}`}>
                    {r.route}
                  </a>
                  {r.reference && <span class="mkb-meta"> {r.reference}</span>}
                </th>
                <td>{stateText({ state: r.state, late: r.late, deadline: y.deadline })}</td>
                <td>{r.submittedAt ? formatDateTime(r.submittedAt) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2 class="utrecht-heading-2">Publieke cijfers over {y.year}</h2>
      {props.snapshot ? (
        <p class="utrecht-paragraph">
          Gepubliceerd op {formatDateTime(props.snapshot.publishedAt)} op{' '}
          <a class="utrecht-link" href="/in-cijfers">
            In cijfers
          </a>
          . Ze veranderen niet meer; correcties komen bij het volgende jaar.
        </p>
      ) : (
        props.preview && (
          <>
            <p class="utrecht-paragraph">
              Zo komen de cijfers over {y.year} op de publieke pagina, geteld over de routes met toestemming voor publicatie (1 tot 4 wordt
              “&lt;5”):
            </p>
            <FiguresPreview figures={props.preview.figures} corrections={props.preview.corrections} />
            <form method="post" action={`/beheer/monitor/${y.year}/publiceren`} class="mkb-form">
              <CsrfField token={props.ctx.csrfToken} />
              <Button>Cijfers over {y.year} publiceren</Button>
            </form>
          </>
        )
      )}
    </BackOfficePage>
  );
}

export function TeamReportPage(props: {
  ctx: PageContext;
  report: Report;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const r = props.report;
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`${r.title}: ${r.route}`}
      back={{ href: `/beheer/monitor/${r.year}`, text: `Terug naar ${r.title}` }}
      notice={props.notice}
      errors={props.errors}
    >
      <p class="utrecht-paragraph">
        <strong>{stateText(r)}</strong>
        {r.submittedAt && <span class="mkb-meta"> · eerst ingediend op {formatDateTime(r.submittedAt)}</span>}
      </p>
      {r.state === 'reopened' && (
        <Notice kind="info">
          Opengezet: {(r.reopenedFields ?? []).map((f) => FIELDS.find((x) => x.key === f)?.label ?? f).join(', ')}.
        </Notice>
      )}
      {r.state === 'open' && r.prefilled && (
        <Notice kind="info">Nog niet ingediend. Tot de route de stappen bevestigt, staan hieronder de cijfers van vorig jaar.</Notice>
      )}
      <ExpectedRealised report={r} />
      <AnswersReadout report={r} />
      {r.state !== 'open' && (
        <>
          <h2 class="utrecht-heading-2">Onderdelen openzetten</h2>
          <form method="post" action={`/beheer/monitor/${r.year}/${r.id}/openzetten`} class="mkb-form" novalidate>
            <CsrfField token={props.ctx.csrfToken} />
            <ChoiceGroup
              name="fields"
              legend="Welke onderdelen mag de route aanpassen?"
              type="checkbox"
              options={FIELDS.map((f) => ({ value: f.key, label: f.label }))}
              value={props.values.fields}
              errors={props.errors}
            />
            <TextArea
              name="message"
              label="Wat moet er anders?"
              hint="Dit staat in de mail aan de contactpersonen en bovenaan hun monitor."
              value={typeof props.values.message === 'string' ? props.values.message : ''}
              errors={props.errors}
              maxLength={2000}
              rows={4}
              required
            />
            <Button>Openzetten en de route mailen</Button>
          </form>
        </>
      )}
    </BackOfficePage>
  );
}
