import type { ComponentChildren } from 'preact';
import { Button, CsrfField, Heading1 } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { SurfconextOutcome } from '../surfconext.ts';

type Problem = Exclude<SurfconextOutcome['kind'], 'signedIn' | 'confirmLink'>;

const AGAIN = (
  <p class="utrecht-paragraph">
    <a class="utrecht-link" href="/inloggen">
      Terug naar inloggen
    </a>
  </p>
);

const CATALOGUE = (
  <ul class="utrecht-unordered-list">
    <li class="utrecht-unordered-list__item">
      <a class="utrecht-link" href="/routes">
        het overzicht van mkb-routes
      </a>{' '}
      bekijken: welke hogescholen werkend leren in het mkb aanbieden en met welke bedrijven;
    </li>
    <li class="utrecht-unordered-list__item">
      lezen{' '}
      <a class="utrecht-link" href="/programma">
        wat het programma doet
      </a>{' '}
      en{' '}
      <a class="utrecht-link" href="/criteria">
        aan welke criteria een route voldoet
      </a>
      .
    </li>
  </ul>
);

/** Every way a SURFconext round can end without signing in: a title, what happened, what to do. */
const PROBLEMS: Record<Problem, (detail: { domain?: string; missing?: string[] }) => { title: string; body: ComponentChildren }> = {
  expired: () => ({
    title: 'Deze inlogpoging is verlopen',
    body: (
      <p class="utrecht-paragraph mkb-lead">
        Een inlogpoging via SURFconext werkt één keer, tien minuten lang en alleen in de browser waarin u begon. Begin opnieuw.
      </p>
    ),
  }),
  cancelled: () => ({
    title: 'Inloggen afgebroken',
    body: <p class="utrecht-paragraph mkb-lead">U heeft het inloggen bij SURFconext afgebroken. Er is niets veranderd.</p>,
  }),
  providerError: () => ({
    title: 'SURFconext gaf een foutmelding',
    body: (
      <p class="utrecht-paragraph mkb-lead">
        SURFconext kon u niet inloggen. Probeer het opnieuw; lukt het weer niet, log dan in met een inloglink per e-mail.
      </p>
    ),
  }),
  unavailable: () => ({
    title: 'SURFconext is nu niet bereikbaar',
    body: (
      <p class="utrecht-paragraph mkb-lead">
        Wij kregen geen (tijdig) antwoord van SURFconext. Probeer het over een paar minuten opnieuw, of log in met een inloglink per e-mail.
      </p>
    ),
  }),
  rejected: () => ({
    title: 'Inloggen is niet gelukt',
    body: (
      <p class="utrecht-paragraph mkb-lead">
        Het antwoord van SURFconext klopte niet bij deze inlogpoging (het was al gebruikt, of hoorde bij een andere poging). Uit voorzorg
        bent u niet ingelogd. Begin opnieuw.
      </p>
    ),
  }),
  missingClaims: ({ missing = [] }) => ({
    title: 'Uw instelling gaf niet genoeg gegevens door',
    body: (
      <>
        <p class="utrecht-paragraph mkb-lead">
          Om u aan de juiste hogeschool te koppelen hebben wij uw e-mailadres en uw instelling nodig. SURFconext gaf door uw instelling niet
          door: {missing.map((m) => (m === 'email' ? 'uw e-mailadres' : 'de naam van uw instelling')).join(' en ')}.
        </p>
        <p class="utrecht-paragraph">
          Vraag de servicedesk van uw hogeschool deze gegevens aan ons platform vrij te geven, of log in met een inloglink per e-mail.
        </p>
      </>
    ),
  }),
  subjectChanged: () => ({
    title: 'Dit account hoort bij een ander SURFconext-account',
    body: (
      <p class="utrecht-paragraph mkb-lead">
        Uw e-mailadres is op ons platform al gekoppeld aan een ander SURFconext-account. Uit voorzorg koppelen wij geen tweede. Neem contact
        op met het programmateam; tot dan kunt u inloggen met een inloglink per e-mail.
      </p>
    ),
  }),
  disabled: () => ({
    title: 'Dit account is uitgeschakeld',
    body: <p class="utrecht-paragraph mkb-lead">Het account is uitgeschakeld. Neem contact op met het programmateam als dit niet klopt.</p>,
  }),
  unknownDomain: ({ domain }) => ({
    title: 'Uw instelling kennen wij nog niet',
    body: (
      <>
        <p class="utrecht-paragraph mkb-lead">
          SURFconext meldt dat u van {domain} komt. Dat domein hoort bij geen hogeschool op ons platform, dus wij weten niet voor welke
          hogeschool u routes aanmeldt. Er is geen account gemaakt.
        </p>
        <p class="utrecht-paragraph">
          Wij hebben het domein doorgegeven aan de beheerders. Is het een domein van uw hogeschool, dan koppelen zij het en kunt u daarna
          inloggen. U kunt ook inloggen met een inloglink per e-mail.
        </p>
      </>
    ),
  }),
  student: () => ({
    title: 'Dit platform is voor medewerkers',
    body: (
      <>
        <p class="utrecht-paragraph mkb-lead">
          U logde in als student. Op dit platform melden medewerkers van hogescholen mkb-routes aan; studenten hebben er geen account nodig.
          Er is geen account gemaakt.
        </p>
        <p class="utrecht-paragraph">Zonder in te loggen kunt u:</p>
        {CATALOGUE}
      </>
    ),
  }),
  notStaff: () => ({
    title: 'Dit platform is voor medewerkers',
    body: (
      <>
        <p class="utrecht-paragraph mkb-lead">
          Volgens uw instelling bent u geen medewerker van de hogeschool. Alleen medewerkers melden routes aan; er is geen account gemaakt.
          Klopt dit niet, neem dan contact op met de servicedesk van uw hogeschool.
        </p>
        <p class="utrecht-paragraph">Zonder in te loggen kunt u:</p>
        {CATALOGUE}
      </>
    ),
  }),
};

export function SurfconextProblemPage(props: { ctx: PageContext; kind: Problem; domain?: string; missing?: string[] }) {
  const { title, body } = PROBLEMS[props.kind]({ domain: props.domain, missing: props.missing });
  return (
    <Layout ctx={props.ctx} title={title}>
      <Heading1>{title}</Heading1>
      {body}
      {AGAIN}
    </Layout>
  );
}

/** "Wilt u dit account koppelen?": asked in the browser that came back from SURFconext, never done silently. */
export function ConfirmSurfconextLinkPage(props: { ctx: PageContext; email: string }) {
  return (
    <Layout ctx={props.ctx} title="Wilt u dit account koppelen?">
      <Heading1>Wilt u dit account koppelen?</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Er is al een account op ons platform met het e-mailadres {props.email}. Wilt u uw SURFconext-account daaraan koppelen?
      </p>
      <p class="utrecht-paragraph">
        Na het koppelen logt u met SURFconext in op dit account, met alles wat erbij hoort. Inloggen met een inloglink per e-mail blijft ook
        werken. Kiest u niet koppelen, dan verandert er niets en bent u niet ingelogd.
      </p>
      <form method="post" action="/inloggen/surfconext/koppelen" class="mkb-actions">
        <CsrfField token={props.ctx.csrfToken} />
        <Button name="keuze" value="ja">
          Ja, koppelen en inloggen
        </Button>
        <Button secondary name="keuze" value="nee">
          Nee, niet koppelen
        </Button>
      </form>
    </Layout>
  );
}
