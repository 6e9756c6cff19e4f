import { Button, CsrfField, ErrorSummary, type FieldErrors, Heading1, Notice, SelectField, TextField } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { Institution } from '../../reference/index.ts';
import { EMAIL_MAX, NAME_MAX } from '../schemas.ts';

export function SignInPage(props: {
  ctx: PageContext;
  values?: Record<string, string>;
  errors?: FieldErrors;
  returnTo: string | null;
  notice?: string;
  limited?: boolean;
}) {
  return (
    <Layout ctx={props.ctx} title="Inloggen">
      <Heading1>Inloggen</Heading1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.limited && (
        <Notice kind="warning">
          Er zijn kort achter elkaar te veel inloglinks gevraagd. Wacht een kwartier en probeer het dan opnieuw. Een link die u al kreeg,
          blijft 15 minuten werken.
        </Notice>
      )}
      <ErrorSummary errors={props.errors} />
      <p class="utrecht-paragraph mkb-lead">U logt in met een link die wij naar uw e-mailadres sturen. Een wachtwoord is niet nodig.</p>
      <form method="post" action="/inloggen" class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.returnTo && <input type="hidden" name="terug" value={props.returnTo} />}
        <TextField
          name="email"
          label="E-mailadres"
          type="email"
          autocomplete="email"
          required
          maxLength={EMAIL_MAX}
          hint="Medewerkers van een hogeschool gebruiken hun e-mailadres van de hogeschool."
          value={props.values?.email}
          errors={props.errors}
        />
        <Button>Stuur mij een inloglink</Button>
      </form>
    </Layout>
  );
}

export function LinkSentPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Kijk in uw mailbox">
      <Heading1>Kijk in uw mailbox</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Wij hebben een inloglink gestuurd naar het e-mailadres dat u opgaf. De link werkt één keer en is 15 minuten geldig.
      </p>
      <p class="utrecht-paragraph">
        Geen bericht gekregen? Kijk ook bij ongewenste e-mail, of{' '}
        <a class="utrecht-link" href="/inloggen">
          vraag een nieuwe link aan
        </a>
        .
      </p>
    </Layout>
  );
}

export function ConfirmLinkPage({ ctx, email, token }: { ctx: PageContext; email: string; token: string }) {
  return (
    <Layout ctx={ctx} title="Inloggen bevestigen">
      <Heading1>Inloggen bevestigen</Heading1>
      <p class="utrecht-paragraph mkb-lead">U logt in als {email}.</p>
      <form method="post" action="/inloggen/link">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <Button>Inloggen</Button>
      </form>
    </Layout>
  );
}

export function InvalidLinkPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Deze link werkt niet meer">
      <Heading1>Deze link werkt niet meer</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Een inloglink werkt één keer en 15 minuten lang. Deze is al gebruikt, verlopen of niet compleet.
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/inloggen">
          Vraag een nieuwe inloglink aan
        </a>
      </p>
    </Layout>
  );
}

export function ChooseInstitutionPage(props: {
  ctx: PageContext;
  email: string;
  institutions: Institution[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <Layout ctx={props.ctx} title="Kies uw hogeschool">
      <Heading1>Kies uw hogeschool</Heading1>
      <ErrorSummary errors={props.errors} />
      <p class="utrecht-paragraph mkb-lead">
        Voor {props.email} is nog geen account. Kies de hogeschool waar u werkt; u ziet daarna de aanmeldingen van uw hogeschool en kunt er
        zelf een indienen.
      </p>
      <form method="post" action="/inloggen/hogeschool" class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <SelectField
          name="institution"
          label="Hogeschool"
          required
          placeholder="Kies uw hogeschool"
          options={props.institutions.map((i) => ({ value: i.brin, label: `${i.name} (${i.city})` }))}
          value={props.values?.institution}
          errors={props.errors}
        />
        <TextField name="name" label="Uw naam" autocomplete="name" maxLength={NAME_MAX} value={props.values?.name} errors={props.errors} />
        <Button>Account aanmaken</Button>
      </form>
    </Layout>
  );
}
