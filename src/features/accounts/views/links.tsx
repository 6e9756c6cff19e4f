import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, CsrfField, type FieldErrors, SelectField, TableScroll, TextArea } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { Institution } from '../../reference/index.ts';
import type { LinkStatus, OpenLinkRequest } from '../links.ts';
import { REASON_MAX } from '../schemas.ts';

/**
 * The hogeschool and the reason for the team: required on /mijn/koppeling, optional (both or
 * neither) when an account without hogeschool is made.
 */
export function LinkRequestFields(props: {
  institutions: Institution[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  optional?: boolean;
}) {
  return (
    <>
      <SelectField
        name="institution"
        label={props.optional ? 'Koppeling aanvragen bij' : 'Hogeschool'}
        required={!props.optional}
        hint={props.optional ? 'Laat leeg als u geen koppeling nodig hebt.' : undefined}
        placeholder={props.optional ? 'Geen koppeling' : 'Kies uw hogeschool'}
        options={props.institutions.map((i) => ({ value: i.brin, label: `${i.name} (${i.city})` }))}
        value={props.values?.institution}
        errors={props.errors}
      />
      <TextArea
        name="reason"
        label="Toelichting voor het programmateam"
        required={!props.optional}
        when={props.optional ? 'verplicht als u een koppeling aanvraagt' : undefined}
        hint="Bijvoorbeeld uw functie en waarom u een ander e-mailadres gebruikt dan dat van de hogeschool."
        maxLength={REASON_MAX}
        rows={3}
        value={props.values?.reason}
        errors={props.errors}
      />
    </>
  );
}

function StatusText({ status }: { status: LinkStatus | null }) {
  if (!status) return <p class="utrecht-paragraph">Uw account is niet gekoppeld aan een hogeschool.</p>;
  if (status.decision === null)
    return (
      <p class="utrecht-paragraph">
        U vroeg op {formatDateTime(status.createdAt)} om een koppeling aan {status.institutionName}. Het programmateam beslist daarover; u
        krijgt bericht per e-mail.
      </p>
    );
  if (status.decision === 'refused')
    return (
      <p class="utrecht-paragraph">
        Uw aanvraag om gekoppeld te worden aan {status.institutionName} is afgewezen. Reden: {status.note}
      </p>
    );
  return <p class="utrecht-paragraph">Uw account is gekoppeld aan {status.institutionName}.</p>;
}

/** On /mijn, for an account without hogeschool: where the link stands, and the way to ask. */
export function LinkCard({ status }: { status: LinkStatus | null }) {
  return (
    <section aria-labelledby="koppeling-titel">
      <h2 class="utrecht-heading-2" id="koppeling-titel">
        Koppeling aan een hogeschool
      </h2>
      <StatusText status={status} />
      <p class="utrecht-paragraph">
        Routes aanmelden kan alleen voor de hogeschool waaraan uw account gekoppeld is.{' '}
        {status?.decision !== null && (
          <a class="utrecht-link" href="/mijn/koppeling">
            Koppeling aanvragen
          </a>
        )}
      </p>
    </section>
  );
}

/** /mijn/koppeling: ask the team to be linked to a hogeschool. */
export function LinkRequestPage(props: {
  ctx: PageContext;
  status: LinkStatus | null;
  institutions: Institution[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const open = props.status?.decision === null;
  return (
    <BackOfficePage
      ctx={props.ctx}
      title="Koppeling aan een hogeschool aanvragen"
      back={{ href: '/mijn', text: 'Terug naar mijn omgeving' }}
      errors={props.errors}
    >
      <StatusText status={props.status} />
      {!open && (
        <form method="post" action="/mijn/koppeling" class="mkb-form" noValidate>
          <CsrfField token={props.ctx.csrfToken} />
          <LinkRequestFields institutions={props.institutions} values={props.values} errors={props.errors} />
          <Button>Koppeling aanvragen</Button>
        </form>
      )}
    </BackOfficePage>
  );
}

/** /beheer/koppelverzoeken: requests waiting for a decision. */
export function LinkRequestsPage(props: { ctx: PageContext; requests: OpenLinkRequest[]; notice?: string | null }) {
  return (
    <BackOfficePage ctx={props.ctx} title="Koppelverzoeken" notice={props.notice}>
      <p class="utrecht-paragraph">
        Mensen met een e-mailadres dat bij geen hogeschool hoort, vragen hier om gekoppeld te worden. Na goedkeuring kunnen zij voor die
        hogeschool routes aanmelden en zien zij de aanmeldingen ervan. Controleer dus of iemand echt voor de hogeschool werkt.
      </p>
      {props.requests.length === 0 ? (
        <p class="utrecht-paragraph">Er wachten geen koppelverzoeken.</p>
      ) : (
        <TableScroll label="Koppelverzoeken die wachten">
          <table class="mkb-table">
            <thead>
              <tr>
                <th scope="col">Wie</th>
                <th scope="col">Hogeschool</th>
                <th scope="col">Gevraagd op</th>
              </tr>
            </thead>
            <tbody>
              {props.requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a class="utrecht-link" href={`/beheer/koppelverzoeken/${r.id}`}>
                      {r.name ?? r.email}
                    </a>
                    <div class="mkb-meta">{r.email}</div>
                  </td>
                  <td>{r.institutionName}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </BackOfficePage>
  );
}

/** /beheer/koppelverzoeken/:id: one request and the decision. */
export function LinkDecisionPage(props: {
  ctx: PageContext;
  request: OpenLinkRequest;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const r = props.request;
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`Koppelverzoek van ${r.name ?? r.email}`}
      back={{ href: '/beheer/koppelverzoeken', text: 'Terug naar de koppelverzoeken' }}
      errors={props.errors}
    >
      <TableScroll label="Het verzoek">
        <table class="mkb-table mkb-facts">
          <tbody>
            <tr>
              <th scope="row">Naam</th>
              <td>{r.name ?? 'Niet ingevuld'}</td>
            </tr>
            <tr>
              <th scope="row">E-mailadres</th>
              <td>{r.email}</td>
            </tr>
            <tr>
              <th scope="row">Hogeschool</th>
              <td>{r.institutionName}</td>
            </tr>
            <tr>
              <th scope="row">Gevraagd op</th>
              <td>{formatDateTime(r.createdAt)}</td>
            </tr>
            <tr>
              <th scope="row">Toelichting</th>
              <td class="mkb-pre">{r.reason}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <form method="post" action={`/beheer/koppelverzoeken/${r.id}`} class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextArea
          name="note"
          label="Toelichting aan de aanvrager"
          when="verplicht bij afwijzen"
          hint="Komt letterlijk in de e-mail aan de aanvrager."
          maxLength={REASON_MAX}
          rows={3}
          value={props.values?.note}
          errors={props.errors}
        />
        <p class="mkb-actions">
          <Button name="besluit" value="goedkeuren">
            Goedkeuren en koppelen
          </Button>
          <Button secondary name="besluit" value="afwijzen">
            Afwijzen
          </Button>
        </p>
      </form>
    </BackOfficePage>
  );
}
