import { formatDateTime } from '../../../platform/time.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors, Heading1, Notice } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { ReadoutSection } from '../readout.ts';
import { canEditStep, stepStatus, type Warning } from '../rules.ts';
import type { Choices, Values } from '../schemas.ts';
import type { Registration, RegistrationListItem } from '../service.ts';
import { STEPS, type Step, SUMMARY_SLUG } from '../steps.ts';
import { FormField } from './fields.tsx';
import { Progress, Readout, stepUrl } from './parts.tsx';

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
        Aanmelding {reg.reference ?? '(nog niet ingediend)'} · stap {index + 1} van {STEPS.length}
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
          {step.fields.some((f) => f.kind === 'rows') && (
            // Enter in a field means "Opslaan en volgende", not the first "Verwijderen" of a table.
            <button type="submit" name="actie" value="volgende" class="mkb-visually-hidden" tabIndex={-1} aria-hidden="true">
              Opslaan en volgende
            </button>
          )}
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
        Aanmelding {reg.reference ?? '(nog niet ingediend)'} · overzicht na stap {STEPS.length}
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
          <Readout
            sections={props.sections}
            registrationId={reg.id}
            editLinks={(slug) => (canEditStep(reg, slug) ? stepUrl(reg.id, slug) : null)}
          />
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
        Beschrijf de opleidingsroute in {STEPS.length} stappen; daarna ziet u alles in een overzicht en dient u in. Alles wordt bij elke
        stap opgeslagen; u kunt stoppen en later verdergaan, ook samen met collega’s van uw hogeschool.
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
