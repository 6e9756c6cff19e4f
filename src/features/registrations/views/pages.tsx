import { formatDateTime } from '../../../platform/time.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors, Heading1, Notice, TextArea } from '../../../ui/components.tsx';
import type { CurrentUser, PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { AccountSummary } from '../../accounts/views/account.tsx';
import type { ReadoutSection } from '../readout.ts';
import { canEditStep, type State, stateLabel, stepStatus, type Warning } from '../rules.ts';
import { type Choices, REASON_MAX, type Values } from '../schemas.ts';
import type { DecisionSummary, Registration, RegistrationListItem, TimelineEntry } from '../service.ts';
import { STEPS, type Step, SUMMARY_SLUG } from '../steps.ts';
import { FormField } from './fields.tsx';

const STATUS_TEXT = { complete: 'klaar', incomplete: 'onvolledig', empty: 'nog niet ingevuld' } as const;

const stepUrl = (id: string, slug: string) => `/aanmelden/${id}/${slug}`;

function Progress({ reg, current }: { reg: Registration; current: string }) {
  return (
    <nav aria-label="Stappen van de aanmelding" class="mkb-steps">
      <ol>
        {[...STEPS, { slug: SUMMARY_SLUG, title: 'Overzicht en indienen' }].map((s, i) => {
          const status = s.slug === SUMMARY_SLUG ? null : stepStatus(reg.answers, s.slug);
          const open = s.slug === SUMMARY_SLUG || canEditStep(reg, s.slug);
          return (
            <li key={s.slug} class={`mkb-step mkb-step--${status ?? 'summary'}`}>
              {open ? (
                <a href={stepUrl(reg.id, s.slug)} aria-current={current === s.slug ? 'step' : undefined}>
                  {i + 1}. {s.title}
                </a>
              ) : (
                <span>
                  {i + 1}. {s.title}
                </span>
              )}
              {status && <span class="mkb-step__status"> ({STATUS_TEXT[status]})</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function StateBadge({ state, participation, participant }: { state: State; participation?: string | null; participant?: boolean }) {
  return <strong class={`mkb-state mkb-state--${state}`}>{stateLabel(state, participation ?? null, participant)}</strong>;
}

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

export function StepPage(props: {
  ctx: PageContext;
  reg: Registration;
  step: Step;
  values: Values;
  choices: Choices;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { ctx, reg, step, values, errors } = props;
  const index = STEPS.indexOf(step);
  const multipart = step.fields.some((f) => f.kind === 'file');
  return (
    <Layout ctx={ctx} title={`${errors?.length ? 'Fout: ' : ''}${step.title} – aanmelding`}>
      <p class="mkb-meta">
        Aanmelding {reg.reference ?? '(nog niet ingediend)'} · stap {index + 1} van {STEPS.length + 1}
      </p>
      <Heading1>{step.title}</Heading1>
      {props.notice && <Notice kind="warning">{props.notice}</Notice>}
      <ErrorSummary errors={errors} />
      <div class="mkb-form-layout">
        <Progress reg={reg} current={step.slug} />
        <form
          method="post"
          action={stepUrl(reg.id, step.slug)}
          class="mkb-form"
          noValidate
          enctype={multipart ? 'multipart/form-data' : undefined}
        >
          {step.intro && <p class="utrecht-paragraph">{step.intro}</p>}
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="revisie" value={String(reg.revision)} />
          {step.fields.map((field) => (
            <FormField key={field.name} field={field} values={values} errors={errors} choices={props.choices} />
          ))}
          <div class="mkb-actions">
            <Button name="actie" value="volgende">
              Opslaan en volgende
            </Button>
            {index > 0 && (
              <Button name="actie" value="vorige" secondary>
                Opslaan en vorige
              </Button>
            )}
            <Button name="actie" value="later" secondary>
              Opslaan en later verder
            </Button>
          </div>
        </form>
      </div>
    </Layout>
  );
}

function Readout({ sections, editLinks }: { sections: ReadoutSection[]; editLinks?: (slug: string) => string | null }) {
  return (
    <>
      {sections.map((section) => {
        const link = editLinks?.(section.slug);
        return (
          <section key={section.slug} class="mkb-readout" aria-labelledby={`deel-${section.slug}`}>
            <h2 class="utrecht-heading-2" id={`deel-${section.slug}`}>
              {section.title}
            </h2>
            {link && (
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href={link}>
                  Wijzigen<span class="mkb-visually-hidden"> {section.title}</span>
                </a>
              </p>
            )}
            <dl>
              {section.rows.map((row) => (
                <div key={row.label} class="mkb-readout__row">
                  <dt>{row.label}</dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}

export function SummaryPage(props: {
  ctx: PageContext;
  reg: Registration;
  sections: ReadoutSection[];
  warnings: Warning[];
  errors?: FieldErrors;
}) {
  const { ctx, reg } = props;
  const incomplete = STEPS.filter((s) => stepStatus(reg.answers, s.slug) !== 'complete');
  return (
    <Layout ctx={ctx} title="Overzicht en indienen – aanmelding">
      <p class="mkb-meta">
        Aanmelding {reg.reference ?? '(nog niet ingediend)'} · stap {STEPS.length + 1} van {STEPS.length + 1}
      </p>
      <Heading1>Overzicht en indienen</Heading1>
      <ErrorSummary errors={props.errors} />
      <div class="mkb-form-layout">
        <Progress reg={reg} current={SUMMARY_SLUG} />
        <div>
          {incomplete.length > 0 && (
            <Notice kind="warning">
              <p>Deze stappen moeten nog af voordat u kunt indienen:</p>
              <ul>
                {incomplete.map((s) => (
                  <li key={s.slug}>
                    <a class="utrecht-link" href={stepUrl(reg.id, s.slug)}>
                      {s.title}
                    </a>
                  </li>
                ))}
              </ul>
            </Notice>
          )}
          {props.warnings.length > 0 && (
            <section class="mkb-notice mkb-notice--warning" aria-labelledby="aanbevolen-titel">
              <h2 class="utrecht-heading-3" id="aanbevolen-titel">
                Aanbevolen, maar niet verplicht
              </h2>
              <ul>
                {props.warnings.map((w) => (
                  <li key={w.field}>
                    <a class="utrecht-link" href={`${stepUrl(reg.id, w.step)}#veld-${w.field}`}>
                      {w.message}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Readout sections={props.sections} editLinks={(slug) => (canEditStep(reg, slug) ? stepUrl(reg.id, slug) : null)} />
          {incomplete.length === 0 && (
            <form method="post" action={`/aanmelden/${reg.id}/indienen`} class="mkb-form" noValidate>
              <CsrfField token={ctx.csrfToken} />
              <h2 class="utrecht-heading-2">Indienen</h2>
              <fieldset class={`utrecht-form-fieldset mkb-fieldset${props.errors?.length ? ' mkb-fieldset--invalid' : ''}`}>
                <legend class="utrecht-form-fieldset__legend">Verklaring</legend>
                {props.errors?.[0] && (
                  <div class="utrecht-form-field-error-message" id="fout-declaration">
                    <span class="mkb-visually-hidden">Fout: </span>
                    {props.errors[0].message}
                  </div>
                )}
                <div class="mkb-choice">
                  <input
                    type="checkbox"
                    id="veld-declaration"
                    name="declaration"
                    value="ja"
                    aria-describedby={props.errors?.length ? 'fout-declaration' : undefined}
                  />
                  <label for="veld-declaration">
                    Ik verklaar dat ik deze aanmelding namens de hogeschool indien en dat de gegevens juist en volledig zijn.
                  </label>
                </div>
              </fieldset>
              <div class="mkb-actions">
                <Button>Aanmelding indienen</Button>
              </div>
            </form>
          )}
        </div>
      </div>
    </Layout>
  );
}

export function StartPage({ ctx, drafts, canStart }: { ctx: PageContext; drafts: RegistrationListItem[]; canStart: boolean }) {
  return (
    <Layout ctx={ctx} title="Route aanmelden">
      <Heading1>Route aanmelden</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Beschrijf de opleidingsroute in {STEPS.length} stappen. Alles wordt bij elke stap opgeslagen; u kunt stoppen en later verdergaan,
        ook samen met collega’s van uw hogeschool.
      </p>
      {drafts.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">Concepten van uw hogeschool</h2>
          <ul>
            {drafts.map((d) => (
              <li key={d.id}>
                <a class="utrecht-link" href={`/aanmeldingen/${d.id}`}>
                  {d.title ?? 'Aanmelding zonder naam'}
                </a>{' '}
                <span class="mkb-meta">(laatst opgeslagen {formatDateTime(d.updatedAt)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {canStart ? (
        <form method="post" action="/aanmelden">
          <CsrfField token={ctx.csrfToken} />
          <Button>Nieuwe aanmelding starten</Button>
        </form>
      ) : (
        <Notice>Alleen medewerkers van een hogeschool kunnen een route aanmelden.</Notice>
      )}
    </Layout>
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
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <ErrorSummary errors={props.errors} />
      {props.decision && <DecisionNotice decision={props.decision} reg={reg} />}
      <table class="mkb-table mkb-facts">
        <tbody>
          <tr>
            <th scope="row">Status</th>
            <td>
              <StateBadge state={reg.state} participation={reg.participation} participant={Boolean(reg.participantAt)} />
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
      <Readout sections={props.sections} />
      {props.canWithdraw && (
        <form method="post" action={`/aanmeldingen/${reg.id}/intrekken`} class="mkb-form" noValidate>
          <CsrfField token={ctx.csrfToken} />
          <h2 class="utrecht-heading-2">Aanmelding intrekken</h2>
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
      )}
    </Layout>
  );
}

export function Dashboard(props: {
  ctx: PageContext;
  user: CurrentUser;
  registrations: RegistrationListItem[];
  kickoffs: { id: string; registrationId: string; state: string; when: string | null }[];
  routes: { id: string; title: string; slug: string; published: boolean }[];
  welcome: boolean;
  canStart: boolean;
}) {
  const { ctx, user } = props;
  const titleOf = (registrationId: string) => props.registrations.find((r) => r.id === registrationId)?.title ?? 'uw route';
  const open = props.kickoffs.filter((k) => k.state !== 'held');
  return (
    <Layout ctx={ctx} title="Mijn omgeving">
      <Heading1>Mijn omgeving</Heading1>
      {props.welcome && <Notice kind="ok">U bent ingelogd.</Notice>}
      {open.length > 0 && (
        <ul class="mkb-cards" aria-label="Startgesprekken">
          {open.map((k) => (
            <li class="mkb-card" key={k.id}>
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={`/startgesprek/${k.id}`}>
                  {k.when ? `Startgesprek ${titleOf(k.registrationId)}` : `Plan het startgesprek voor ${titleOf(k.registrationId)}`}
                </a>
              </h2>
              <p>{k.when ? `Gepland: ${k.when}` : 'Kies een tijdstip dat u past.'}</p>
            </li>
          ))}
        </ul>
      )}
      {user.role === 'applicant' && (
        <section aria-labelledby="aanmeldingen-titel">
          <h2 class="utrecht-heading-2" id="aanmeldingen-titel">
            Aanmeldingen van {user.institutionName ?? 'uw hogeschool'}
          </h2>
          {props.registrations.length === 0 ? (
            <p class="utrecht-paragraph">Uw hogeschool heeft nog geen aanmeldingen.</p>
          ) : (
            <table class="mkb-table">
              <thead>
                <tr>
                  <th scope="col">Opleiding</th>
                  <th scope="col">Kenmerk</th>
                  <th scope="col">Status</th>
                  <th scope="col">Verloop</th>
                </tr>
              </thead>
              <tbody>
                {props.registrations.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a class="utrecht-link" href={`/aanmeldingen/${r.id}`}>
                        {r.title ?? 'Aanmelding zonder naam'}
                      </a>
                    </td>
                    <td>{r.reference ?? '–'}</td>
                    <td>
                      <StateBadge state={r.state} participation={r.participation} participant={Boolean(r.participantAt)} />
                      {r.decisionMessage && <p class="mkb-pre mkb-decision-message">{r.decisionMessage}</p>}
                    </td>
                    <td>
                      <ul class="mkb-compact-list">
                        <li>Begonnen: {formatDateTime(r.createdAt)}</li>
                        {r.submittedAt && <li>Ingediend: {formatDateTime(r.submittedAt)}</li>}
                        <li>
                          Laatst gewijzigd: {formatDateTime(r.updatedAt)}
                          {r.updatedBy ? ` door ${r.updatedBy}` : ''}
                        </li>
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {props.canStart && (
            <p class="mkb-actions">
              <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/aanmelden">
                Route aanmelden
              </a>
            </p>
          )}
        </section>
      )}
      {props.routes.length > 0 && (
        <section aria-labelledby="profielen-titel">
          <h2 class="utrecht-heading-2" id="profielen-titel">
            In het landelijk overzicht
          </h2>
          <ul>
            {props.routes.map((r) => (
              <li key={r.id}>
                {r.published ? (
                  <a class="utrecht-link" href={`/routes/${r.slug}`}>
                    {r.title}
                  </a>
                ) : (
                  `${r.title} (verborgen)`
                )}{' '}
                ·{' '}
                <a class="utrecht-link" href={`/mijn/routes/${r.id}`}>
                  Openbaar profiel bewerken<span class="mkb-visually-hidden"> van {r.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <AccountSummary ctx={ctx} user={user} />
    </Layout>
  );
}
