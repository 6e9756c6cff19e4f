import {
  Button,
  ChoiceGroup,
  CsrfField,
  DateField,
  errorFor,
  type FieldErrors,
  fieldId,
  Heading1,
  TextArea,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { PARTICIPATION } from '../../registrations/index.ts';
import type { assessmentPage } from '../page.ts';
import { CRITERION_STEPS } from '../rules.ts';

type Data = Awaited<ReturnType<typeof assessmentPage>>;
type Values = Record<string, string | string[]>;
const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export function DecisionPreviewPage(props: {
  ctx: PageContext;
  id: string;
  reference: string;
  form: Values;
  mail: { to: string[]; subject: string; text: string };
}) {
  const { ctx, form, mail } = props;
  const hidden = Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]));
  return (
    <Layout ctx={ctx} title={`Voorbeeld besluit ${props.reference}`}>
      <Heading1>Voorbeeld van de e-mail</Heading1>
      <p class="utrecht-paragraph">Zo gaat de e-mail over het besluit naar de hogeschool. Er is nog niets verstuurd.</p>
      <table class="mkb-table mkb-facts">
        <tbody>
          <tr>
            <th scope="row">Aan</th>
            <td>{mail.to.join(', ') || 'geen adres bekend'}</td>
          </tr>
          <tr>
            <th scope="row">Onderwerp</th>
            <td>{mail.subject}</td>
          </tr>
        </tbody>
      </table>
      <div class="mkb-mail">{mail.text}</div>
      <form method="post" action={`/beheer/aanmeldingen/${props.id}/besluit`}>
        <CsrfField token={ctx.csrfToken} />
        {hidden
          .filter(([k]) => k !== 'actie' && k !== '_csrf')
          .map(([k, v], i) => (
            <input type="hidden" name={k} value={v} key={`${k}-${i}`} />
          ))}
        <div class="mkb-actions">
          <Button name="actie" value="versturen">
            Besluit nemen en e-mail versturen
          </Button>
          <Button name="actie" value="aanpassen" secondary>
            Aanpassen
          </Button>
        </div>
      </form>
    </Layout>
  );
}

/** The decision form, or (before any assessment of this version is in) why it is not there yet. */
export function DecisionSection(props: { ctx: PageContext; data: Data; base: string; decision: Values; errors?: FieldErrors }) {
  const { ctx, data, base, decision } = props;
  return (
    <>
      {data.submittedCount === 0 ? (
        <section aria-labelledby="besluit-titel">
          <h2 class="utrecht-heading-2" id="besluit-titel">
            Besluit
          </h2>
          <p class="utrecht-paragraph">
            Het besluit volgt op ten minste één ingediende beoordeling van deze versie; daarna staat hier het formulier.
          </p>
        </section>
      ) : (
        <section aria-labelledby="besluit-titel">
          <h2 class="utrecht-heading-2" id="besluit-titel">
            Besluit
          </h2>
          <form method="post" action={`${base}/besluit`} class="mkb-form" noValidate>
            <CsrfField token={ctx.csrfToken} />
            <ChoiceGroup
              name="kind"
              legend="Wat besluit het team?"
              options={[
                { value: 'accept', label: 'Toelaten' },
                { value: 'request_info', label: 'Aanvulling vragen' },
                { value: 'decline', label: 'Afwijzen' },
              ]}
              value={str(decision.kind)}
              errors={props.errors}
            />
            <ChoiceGroup
              name="participation"
              legend="Toelaten als (bij toelaten)"
              options={PARTICIPATION}
              value={str(decision.participation)}
              errors={props.errors}
            />
            <TextArea
              name="conditions"
              label="Voorwaarden"
              when="alleen bij toelaten; niet verplicht"
              rows={2}
              value={str(decision.conditions)}
              errors={props.errors}
            />
            <fieldset class={`utrecht-form-fieldset mkb-fieldset${errorFor(props.errors, 'reopen') ? ' mkb-fieldset--invalid' : ''}`}>
              <legend class="utrecht-form-fieldset__legend">Aan te vullen criteria (bij aanvulling vragen)</legend>
              {errorFor(props.errors, 'reopen') && <div class="utrecht-form-field-error-message">{errorFor(props.errors, 'reopen')}</div>}
              {CRITERION_STEPS.map((c, i) => {
                const id = i === 0 ? fieldId('reopen') : `${fieldId('reopen')}-${i}`;
                const selected = Array.isArray(decision.reopen) ? decision.reopen : decision.reopen ? [decision.reopen] : [];
                return (
                  <div class="mkb-choice" key={c.slug}>
                    <input type="checkbox" id={id} name="reopen" value={c.slug} checked={selected.includes(c.slug)} />
                    <label for={id}>{c.title}</label>
                  </div>
                );
              })}
            </fieldset>
            <DateField
              name="deadline"
              label="Uiterste datum"
              when="verplicht bij aanvulling vragen"
              value={str(decision.deadline)}
              errors={props.errors}
            />
            <TextArea
              name="message"
              label="Bericht aan de hogeschool"
              when="verplicht bij aanvulling vragen en afwijzen"
              hint="Komt in de e-mail aan de hogeschool, na de openingszin. U ziet de hele e-mail in het voorbeeld voordat hij verstuurd wordt."
              rows={5}
              value={str(decision.message)}
              errors={props.errors}
            />
            <Button name="actie" value="voorbeeld">
              Voorbeeld van de e-mail bekijken
            </Button>
          </form>
        </section>
      )}
    </>
  );
}
