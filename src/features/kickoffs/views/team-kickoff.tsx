import { Button, CsrfField, ErrorSummary, type FieldErrors, Heading1, Notice, SelectField, TextArea } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { formatSlot, KICKOFF_STATE_LABELS, OUTCOMES } from '../rules.ts';
import type { Kickoff, Slot } from '../service.ts';
import { Agenda, SlotChoice } from './pages.tsx';

type Values = Record<string, string>;

export function TeamKickoffPage(props: {
  ctx: PageContext;
  kickoff: Kickoff;
  canRecord: boolean;
  /** Booked and not begun: the team may move or cancel it (with a reason; the hogeschool is told). */
  canChange: boolean;
  slots: { preferred: Slot[]; others: Slot[] };
  errors?: FieldErrors;
  values?: Values;
  notice?: string;
}) {
  const { ctx, kickoff: k } = props;
  return (
    <Layout ctx={ctx} title={`Startgesprek ${k.reference ?? ''}`}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/startgesprekken">
          Terug naar de startgesprekken
        </a>
      </p>
      <Heading1>
        Startgesprek {k.reference} · {k.title}
      </Heading1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <ErrorSummary errors={props.errors} />
      <p class="utrecht-paragraph">
        Status: <strong>{KICKOFF_STATE_LABELS[k.state]}</strong>
        {k.slot && ` · ${formatSlot(k.slot.startsAt, k.slot.endsAt)} met ${k.slot.host}`}
      </p>
      <p class="utrecht-paragraph">Deelnemers van de hogeschool: {k.contacts.join(', ')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/beheer/aanmeldingen/${k.registrationId}`}>
          Naar de aanmelding
        </a>
      </p>
      <Agenda items={k.agenda} />
      {k.state === 'booked' && !props.canRecord && (
        <Notice>
          Na het gesprek legt de gespreksleider hier het verslag en de uitkomst vast: het formulier staat op deze pagina zodra het gesprek
          is begonnen. Met de uitkomst ‘Gaat van start als deelnemer’ wordt de route deelnemer.
        </Notice>
      )}
      {k.state === 'held' && (
        <section aria-labelledby="verslag-titel">
          <h2 class="utrecht-heading-2" id="verslag-titel">
            Verslag
          </h2>
          <p>
            <strong>{OUTCOMES[k.outcome as keyof typeof OUTCOMES] ?? k.outcome}</strong>
          </p>
          <p class="mkb-pre">{k.notes}</p>
        </section>
      )}
      {props.canChange && (
        <>
          <form method="post" action={`/beheer/startgesprekken/${k.id}/verzetten`} class="mkb-form" noValidate>
            <CsrfField token={ctx.csrfToken} />
            <h2 class="utrecht-heading-2">Verzetten</h2>
            <p class="utrecht-paragraph">
              De hogeschool en de gespreksleider krijgen een bijgewerkte uitnodiging (dezelfde afspraak in hun agenda) met de reden.
            </p>
            {props.slots.preferred.length + props.slots.others.length === 0 ? (
              <p class="utrecht-paragraph">Er zijn geen andere vrije tijden. Voeg eerst tijden toe onder Startgesprekken.</p>
            ) : (
              <>
                <SlotChoice slots={[...props.slots.preferred, ...props.slots.others]} name="slot" errors={props.errors} />
                <TextArea name="reason" label="Reden van verzetten" required rows={2} value={props.values?.reason} errors={props.errors} />
                <Button secondary>Verzetten</Button>
              </>
            )}
          </form>
          <form method="post" action={`/beheer/startgesprekken/${k.id}/annuleren`} class="mkb-form" noValidate>
            <CsrfField token={ctx.csrfToken} />
            <h2 class="utrecht-heading-2">Annuleren</h2>
            <p class="utrecht-paragraph">
              De hogeschool krijgt een annulering voor de agenda met de reden, en kan daarna een nieuw tijdstip kiezen.
            </p>
            <TextArea
              name="cancel-reason"
              label="Reden van annuleren"
              required
              rows={2}
              value={props.values?.['cancel-reason']}
              errors={props.errors}
            />
            <Button secondary>Gesprek annuleren</Button>
          </form>
        </>
      )}
      {props.canRecord && (
        <form method="post" action={`/beheer/startgesprekken/${k.id}/verslag`} class="mkb-form" noValidate>
          <CsrfField token={ctx.csrfToken} />
          <h2 class="utrecht-heading-2">Verslag en uitkomst</h2>
          <TextArea name="notes" label="Verslag" required rows={6} value={props.values?.notes} errors={props.errors} />
          <SelectField
            name="outcome"
            label="Uitkomst"
            required
            placeholder="Kies de uitkomst"
            options={Object.entries(OUTCOMES).map(([value, label]) => ({ value, label }))}
            value={props.values?.outcome}
            errors={props.errors}
          />
          <Button>Verslag opslaan</Button>
        </form>
      )}
    </Layout>
  );
}
