import { Button, CsrfField, ErrorSummary, type FieldErrors, Heading1, Notice, TextField } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { Institution } from '../../reference/index.ts';
import { EMAIL_MAX, NAME_MAX } from '../schemas.ts';
import { LinkRequestFields } from './links.tsx';

export function SignInPage(props: {
  ctx: PageContext;
  values?: Record<string, string>;
  errors?: FieldErrors;
  returnTo: string | null;
  notice?: string;
  limited?: boolean;
  /** SURFconext is configured: offer it first, for staff of a hogeschool. */
  surfconext?: boolean;
}) {
  const surfHref = `/inloggen/surfconext${props.returnTo ? `?terug=${encodeURIComponent(props.returnTo)}` : ''}`;
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
      {props.surfconext && (
        <>
          <section aria-labelledby="surfconext-titel">
            <h2 class="utrecht-heading-2" id="surfconext-titel">
              Medewerker van een hogeschool
            </h2>
            <p class="utrecht-paragraph">Log in met het account van uw hogeschool, via SURFconext.</p>
            <p class="mkb-actions">
              <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={surfHref}>
                Inloggen met SURFconext
              </a>
            </p>
          </section>
          <h2 class="utrecht-heading-2">Met een inloglink per e-mail</h2>
        </>
      )}
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

/**
 * The last step for a new address. An address whose domain belongs to a hogeschool becomes an
 * applicant of that hogeschool; any other address gets an account without one and may ask the
 * team to be linked.
 */
export function SignupPage(props: {
  ctx: PageContext;
  email: string;
  institution: { name: string } | null;
  institutions: Institution[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const domain = props.email.slice(props.email.lastIndexOf('@') + 1);
  return (
    <Layout ctx={props.ctx} title="Account aanmaken">
      <Heading1>Account aanmaken</Heading1>
      <ErrorSummary errors={props.errors} />
      {props.institution ? (
        <p class="utrecht-paragraph mkb-lead">
          Voor {props.email} is nog geen account. Dit e-mailadres hoort bij {props.institution.name}: uw account wordt aan deze hogeschool
          gekoppeld. U ziet daarna de aanmeldingen van uw hogeschool en kunt er zelf een indienen.
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph mkb-lead">
            Voor {props.email} is nog geen account. Het domein {domain} hoort niet bij een hogeschool die wij kennen.
          </p>
          <p class="utrecht-paragraph">
            U kunt een account zonder hogeschool aanmaken. Routes aanmelden voor een hogeschool kan pas als het programmateam u aan die
            hogeschool koppelt; vraag dat hieronder aan. Werkt u bij een hogeschool, dan kunt u ook inloggen met uw e-mailadres van de
            hogeschool.
          </p>
        </>
      )}
      <form method="post" action="/inloggen/hogeschool" class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField name="name" label="Uw naam" autocomplete="name" maxLength={NAME_MAX} value={props.values?.name} errors={props.errors} />
        {!props.institution && <LinkRequestFields institutions={props.institutions} values={props.values} errors={props.errors} optional />}
        <Button>Account aanmaken</Button>
      </form>
    </Layout>
  );
}
