import { formatDateTime } from '../../../platform/time.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors, FileField, Heading1, Notice, TextArea } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { requestView } from '../queries.ts';
import { OUTCOMES, type Outcome, REOPEN_DAYS, STATES, type SupportState } from '../rules.ts';

export type View = Awaited<ReturnType<typeof requestView>>;

/** The thread: what the route and the team wrote, oldest first, with attachments. Never a note. */
export function Thread({ view }: { view: View }) {
  return (
    <ol class="mkb-thread">
      {view.messages.map((m) => (
        <li key={m.id} class={`mkb-thread__message${m.from_team ? ' mkb-thread__message--team' : ''}`}>
          <p class="mkb-meta">
            <strong>{m.author_name}</strong>
            {m.from_team ? ' (programmateam)' : ''} · {formatDateTime(m.created_at)}
            {m.via === 'mail' ? ' · per e-mail' : ''}
          </p>
          <p class="mkb-pre-line">{m.body}</p>
          {m.files.length > 0 && (
            <ul class="mkb-link-list">
              {m.files.map((f) => (
                <li key={f.id}>
                  <a class="utrecht-link" href={`/ondersteuning/${view.request.id}/bijlagen/${f.id}`}>
                    {f.filename}
                  </a>{' '}
                  <span class="mkb-meta">({Math.max(1, Math.round(f.size / 1024))} kB)</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

export function RequestFacts({ view }: { view: View }) {
  const r = view.request;
  return (
    <dl class="mkb-readout">
      <dt>Route</dt>
      <dd>{view.route}</dd>
      <dt>Stand</dt>
      <dd>{STATES[r.state as SupportState] ?? r.state}</dd>
      <dt>Adviseur</dt>
      <dd>{view.advisor ?? 'nog niet toegewezen'}</dd>
      {r.condition_text && (
        <>
          <dt>Over de voorwaarde</dt>
          <dd>{r.condition_text}</dd>
        </>
      )}
    </dl>
  );
}

export function RequestPage(props: {
  ctx: PageContext;
  view: View;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const r = props.view.request;
  const reopenUntil = r.closed_at ? new Date(Date.parse(r.closed_at) + REOPEN_DAYS * 86_400_000) : null;
  const canReply = r.state !== 'closed' || (reopenUntil !== null && reopenUntil > new Date());
  return (
    <Layout ctx={props.ctx} title={`${r.reference}: ${r.subject}`}>
      <p class="mkb-meta">
        <a class="utrecht-link" href="/mijn">
          Terug naar Mijn omgeving
        </a>
      </p>
      <ErrorSummary errors={props.errors} />
      <p class="mkb-meta">Ondersteuningsvraag {r.reference}</p>
      <Heading1>{r.subject}</Heading1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <RequestFacts view={props.view} />
      {r.state === 'closed' && (
        <Notice kind="info">
          <p>
            Afgesloten op {formatDateTime(r.closed_at ?? '')}. Uitkomst: <strong>{OUTCOMES[r.outcome as Outcome] ?? r.outcome}</strong>.
          </p>
          <p class="mkb-pre-line">{r.summary}</p>
          {canReply && (
            <p>
              Is uw vraag toch niet beantwoord? Reageer hieronder tot {formatDateTime(reopenUntil?.toISOString() ?? '')}; dan gaat zij weer
              open.
            </p>
          )}
        </Notice>
      )}
      <h2 class="utrecht-heading-2">Berichten</h2>
      <Thread view={props.view} />
      {canReply ? (
        <form method="post" action={`/ondersteuning/${r.id}`} enctype="multipart/form-data" class="mkb-form">
          <CsrfField token={props.ctx.csrfToken} />
          <TextArea
            name="message"
            label="Uw bericht"
            value={props.values?.message}
            errors={props.errors}
            maxLength={5000}
            rows={5}
            required
          />
          <FileField
            name="bijlage"
            label="Bijlage (niet verplicht)"
            hint="Een pdf, afbeelding (png, jpg) of Word-document (docx), hoogstens 10 MB."
            accept=".pdf,.png,.jpg,.jpeg,.docx"
            errors={props.errors}
          />
          <Button>{r.state === 'closed' ? 'Versturen en heropenen' : 'Versturen'}</Button>
        </form>
      ) : (
        <p class="utrecht-paragraph">Deze vraag is afgesloten. Heeft u een nieuwe vraag? Stel die vanuit Mijn omgeving.</p>
      )}
    </Layout>
  );
}
