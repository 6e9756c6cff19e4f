import { formatDateTime } from '../../../platform/time.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors, Heading1, Notice, TextArea } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { DecisionSummary } from '../history.ts';
import type { ReadoutSection } from '../readout.ts';
import { REASON_MAX } from '../schemas.ts';
import type { Registration, TimelineEntry } from '../service.ts';
import { STEPS, SUMMARY_SLUG } from '../steps.ts';
import { Readout, StateBadge } from './parts.tsx';

const dateOnly = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });

function DecisionNotice({ decision, reg }: { decision: DecisionSummary; reg: Registration }) {
  const titles = { accept: 'Besluit: toegelaten', request_info: 'Aanvulling gevraagd', decline: 'Besluit: afgewezen' } as const;
  const reopened = STEPS.filter((s) => decision.reopened.includes(s.slug));
  return (
    <section class={`mkb-notice ${decision.kind === 'accept' ? 'mkb-notice--ok' : 'mkb-notice--warning'}`} aria-labelledby="besluit-titel">
      <h2 class="utrecht-heading-3" id="besluit-titel">
        {titles[decision.kind]}
      </h2>
      <p class="mkb-meta">{formatDateTime(decision.decidedAt)}</p>
      {decision.message && <p class="mkb-pre">{decision.message}</p>}
      {decision.conditions && (
        <p class="mkb-pre">
          <strong>Voorwaarden:</strong> {decision.conditions}
        </p>
      )}
      {decision.kind === 'request_info' && reg.state === 'info_requested' && (
        <>
          <p>
            Aan te vullen: {reopened.map((s) => s.title).join(', ')}.
            {decision.deadline && ` Graag uiterlijk ${dateOnly.format(new Date(`${decision.deadline}T00:00:00Z`))}.`}
          </p>
        </>
      )}
    </section>
  );
}

/** Said once, right after submitting: the reference in the message itself, and what happens next. */
function Submitted({ reference }: { reference: string }) {
  return (
    <section class="mkb-notice mkb-notice--ok" aria-labelledby="ingediend-titel" role="status">
      <h2 class="utrecht-heading-2" id="ingediend-titel">
        Aanmelding ingediend onder kenmerk {reference}
      </h2>
      <p class="utrecht-paragraph">Noem dit kenmerk als u contact opneemt met het programmateam.</p>
      <h3 class="utrecht-heading-3">Wat gebeurt er nu?</h3>
      <ol>
        <li>U en de contactpersonen krijgen een bevestiging per e-mail, met het ontvangstbewijs (pdf). U vindt het ook hieronder.</li>
        <li>Het programmateam beoordeelt de aanmelding op de vijf criteria. Als er iets ontbreekt, vragen we om een aanvulling.</li>
        <li>U krijgt het besluit per e-mail. Bij toelating nodigen we u uit voor een startgesprek.</li>
      </ol>
    </section>
  );
}

export function DetailPage(props: {
  ctx: PageContext;
  reg: Registration;
  sections: ReadoutSection[];
  timeline: TimelineEntry[];
  decision: DecisionSummary | null;
  canEdit: boolean;
  canWithdraw: boolean;
  resume: string | null;
  notice?: string;
  /** Just submitted: the confirmation with the reference and what happens next. */
  submitted?: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { ctx, reg } = props;
  return (
    <Layout ctx={ctx} title={`Aanmelding ${reg.reference ?? reg.title ?? ''}`.trim()}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/mijn">
          Terug naar mijn omgeving
        </a>
      </p>
      <Heading1>{reg.title ?? 'Aanmelding zonder naam'}</Heading1>
      {props.submitted && reg.reference ? (
        <Submitted reference={reg.reference} />
      ) : (
        props.notice && <Notice kind="ok">{props.notice}</Notice>
      )}
      <ErrorSummary errors={props.errors} />
      {props.decision && <DecisionNotice decision={props.decision} reg={reg} />}
      <table class="mkb-table mkb-facts">
        <tbody>
          <tr>
            <th scope="row">Status</th>
            <td>
              <StateBadge state={reg.state} participation={reg.participation} />
            </td>
          </tr>
          <tr>
            <th scope="row">Kenmerk</th>
            <td>{reg.reference ?? 'Krijgt u bij het indienen'}</td>
          </tr>
          {reg.withdrawnReason && (
            <tr>
              <th scope="row">Reden van intrekken</th>
              <td>{reg.withdrawnReason}</td>
            </tr>
          )}
        </tbody>
      </table>
      {props.canEdit && (
        <p class="mkb-actions">
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            href={`/aanmelden/${reg.id}/${props.resume ?? SUMMARY_SLUG}`}
          >
            {reg.state === 'draft' ? 'Verder invullen' : 'Aanvulling invullen'}
          </a>
        </p>
      )}
      <h2 class="utrecht-heading-2">Verloop</h2>
      <ol class="mkb-timeline">
        {props.timeline.map((e) => (
          <li key={`${e.at}-${e.label}`}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>: {e.label}
          </li>
        ))}
      </ol>
      {reg.version > 0 && (
        <>
          <h2 class="utrecht-heading-2">Ontvangstbewijzen</h2>
          <ul>
            {Array.from({ length: reg.version }, (_, i) => i + 1).map((v) => (
              <li key={v}>
                <a class="utrecht-link" href={`/aanmeldingen/${reg.id}/ontvangstbewijs/${v}`}>
                  Ontvangstbewijs versie {v} (pdf)
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <Readout sections={props.sections} registrationId={reg.id} />
      {props.canWithdraw && (
        // Folded away: withdrawing is possible, never the obvious next step (open when it came back with an error).
        <details class="mkb-fold" open={Boolean(props.errors?.length)}>
          <summary>Aanmelding intrekken</summary>
          <form method="post" action={`/aanmeldingen/${reg.id}/intrekken`} class="mkb-form" noValidate>
            <CsrfField token={ctx.csrfToken} />
            <p class="utrecht-paragraph">
              Intrekken kan tot het programmateam een besluit heeft genomen. Het kan niet ongedaan worden gemaakt.
            </p>
            <TextArea
              name="reason"
              label="Reden"
              required
              rows={3}
              maxLength={REASON_MAX}
              value={props.values?.reason}
              errors={props.errors}
            />
            <Button secondary>Aanmelding intrekken</Button>
          </form>
        </details>
      )}
    </Layout>
  );
}
