import { Button, CsrfField, ErrorSummary, type FieldErrors, Heading1, Notice } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { Option } from '../../reference/index.ts';
import { kindLabel } from '../rules.ts';
import { type FormValues, OrganisationFields } from './form.tsx';

/** The card on /mijn of someone who is the contact of one or more organisations. */
export function OrganisationsCard({ orgs }: { orgs: { id: string; name: string; kind: string; consent_at: string | null }[] }) {
  return (
    <section aria-labelledby="mijn-organisaties">
      <h2 class="utrecht-heading-2" id="mijn-organisaties">
        {orgs.length === 1 ? 'Uw organisatie' : 'Uw organisaties'}
      </h2>
      <ul class="utrecht-unordered-list">
        {orgs.map((o) => (
          <li key={o.id}>
            <a href={`/mijn/organisaties/${o.id}`}>{o.name}</a> ({kindLabel(o.kind).toLowerCase()};{' '}
            {o.consent_at ? 'staat in het netwerkoverzicht' : 'staat niet in het netwerkoverzicht'})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MyOrganisationPage(props: {
  ctx: PageContext;
  id: string;
  name: string;
  consent: boolean;
  values: FormValues;
  errors?: FieldErrors;
  options: { sectors: Option[]; provinces: Option[] };
  notice?: string | null;
}) {
  return (
    <Layout ctx={props.ctx} title={props.name}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/mijn">
          Terug naar mijn omgeving
        </a>
      </p>
      <Heading1>{props.name}</Heading1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <ErrorSummary errors={props.errors} />
      {props.consent ? (
        <form method="post" action={`/mijn/organisaties/${props.id}/toestemming`} class="mkb-form">
          <CsrfField token={props.ctx.csrfToken} />
          <p class="utrecht-paragraph">
            Uw organisatie staat in het openbare netwerkoverzicht en in de open data. Trekt u uw toestemming in, dan verdwijnt zij daar
            meteen uit.
          </p>
          <Button secondary>Toestemming intrekken</Button>
        </form>
      ) : (
        <p class="utrecht-paragraph">
          Uw organisatie staat niet in het openbare netwerkoverzicht. Wilt u dat wel? Vink hieronder de toestemming aan.
        </p>
      )}
      <h2 class="utrecht-heading-2">Gegevens</h2>
      <form method="post" action={`/mijn/organisaties/${props.id}`} class="mkb-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <OrganisationFields
          values={props.values}
          errors={props.errors}
          options={props.options}
          contactRequired
          consentText="De organisatie mag met naam, plaats, sector en wat zij biedt in het openbare netwerkoverzicht en de open data staan (niet met de contactpersoon)."
        />
        <Button>Opslaan</Button>
      </form>
    </Layout>
  );
}
