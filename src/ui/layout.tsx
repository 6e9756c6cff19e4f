import type { ComponentChildren } from 'preact';
import { CsrfField } from './components.tsx';
import type { PageContext } from './context.ts';

const NAV = [
  { href: '/', label: 'Home' },
  { href: '/programma', label: 'Het programma' },
  { href: '/criteria', label: 'Criteria' },
  { href: '/routes', label: 'Routes' },
  { href: '/succesverhalen', label: 'Succesverhalen' },
  { href: '/aanbod', label: 'Wat we bieden' },
  { href: '/deelnemen', label: 'Deelnemen' },
  { href: '/contact', label: 'Contact' },
];

export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  const pageTitle = props.title === 'Mkb-route in het hbo' ? props.title : `${props.title} | Mkb-route in het hbo`;
  return (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle}</title>
        <link rel="stylesheet" href={ctx.stylesheetHref} />
      </head>
      <body class="mkb-theme utrecht-document">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
          Naar de inhoud
        </a>
        <header class="mkb-header">
          {ctx.demo && <p class="mkb-demo-banner">Demo-omgeving: de gebruikers en gegevens hier zijn verzonnen voorbeelden.</p>}
          <div class="mkb-header__inner">
            <a class="mkb-brand" href="/">
              Mkb-route in het hbo
              <small>Werkend leren in het mkb</small>
            </a>
            <AccountMenu ctx={ctx} />
          </div>
          <nav class="mkb-nav" aria-label="Hoofdmenu">
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="inhoud" class="mkb-main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="mkb-footer">
          <div class="mkb-footer__inner">
            <div>
              <h2 class="utrecht-heading-4">Mkb-route in het hbo</h2>
              <p>Een landelijk programma voor werkend leren in het hoger beroepsonderwijs.</p>
            </div>
            <nav aria-label="Over deze website">
              <ul>
                <li>
                  <a class="utrecht-link" href="/privacy">
                    Privacyverklaring
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/toegankelijkheid">
                    Toegankelijkheidsverklaring
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/contact">
                    Contact
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/toolkit">
                    Communicatiemiddelen
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/kaart">
                    Kaart
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/api/v1/openapi.json">
                    Open data (API)
                  </a>
                </li>
              </ul>
            </nav>
            <p class="mkb-attribution">
              Bronnen van referentiegegevens: DUO (Dienst Uitvoering Onderwijs), Open Onderwijsdata; CBS, SBI 2008; CBS / PDOK (CBS
              Gebiedsindelingen 2025), vereenvoudigd door cartomap/nl.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function AccountMenu({ ctx }: { ctx: PageContext }) {
  if (!ctx.user) {
    return (
      <div class="mkb-account">
        <a href="/inloggen">Inloggen</a>
      </div>
    );
  }
  const backOffice = ctx.user.role === 'team' || ctx.user.role === 'admin';
  return (
    <div class="mkb-account">
      <a href="/mijn">Mijn omgeving</a>
      {backOffice && <a href="/beheer">Beheer</a>}
      <form method="post" action="/uitloggen">
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="mkb-link-button">
          Uitloggen
        </button>
      </form>
    </div>
  );
}
