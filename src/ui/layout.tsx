import type { ComponentChildren } from 'preact';
import { CsrfField } from './components.tsx';
import type { PageContext } from './context.ts';

const NAV = [
  { href: '/programma', label: 'Het programma' },
  { href: '/criteria', label: 'Criteria' },
  { href: '/routes', label: 'Routes' },
  { href: '/succesverhalen', label: 'Succesverhalen' },
  { href: '/bijeenkomsten', label: 'Bijeenkomsten' },
  { href: '/kennis', label: 'Kennis' },
  { href: '/aanbod', label: 'Wat we bieden' },
  { href: '/deelnemen', label: 'Deelnemen' },
  { href: '/contact', label: 'Contact' },
];

/** What a search engine and a shared link show under the title when a page says nothing itself. */
export const DEFAULT_DESCRIPTION =
  'Mkb-route in het hbo: het landelijk programma voor werkend leren bij een mkb-bedrijf tijdens een Associate degree of bachelor. Routes, criteria, aanmelden en ondersteuning.';

/** A description of at most 160 characters, cut at a word with an ellipsis. */
export function shortDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 160) return flat;
  return `${flat.slice(0, 159).replace(/\s+\S*$/, '')}…`;
}

export function Layout(props: { ctx: PageContext; title: string; description?: string; children: ComponentChildren }) {
  const { ctx } = props;
  const pageTitle = props.title === 'Mkb-route in het hbo' ? props.title : `${props.title} | Mkb-route in het hbo`;
  return (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle}</title>
        <meta name="description" content={shortDescription(props.description || DEFAULT_DESCRIPTION)} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
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
          {/* One menu for wide screens, one behind a "Menu" button for narrow ones (a <details>: no
              JavaScript needed). CSS shows one of the two; the hidden one is not read out either. */}
          <nav class="mkb-nav mkb-nav--wide" aria-label="Hoofdmenu">
            <NavList path={ctx.path} />
          </nav>
          <details class="mkb-menu">
            <summary>Menu</summary>
            <nav class="mkb-nav" aria-label="Hoofdmenu">
              <NavList path={ctx.path} />
            </nav>
          </details>
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
                  <a class="utrecht-link" href="/in-cijfers">
                    In cijfers
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/netwerk">
                    Netwerk van bedrijven
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

function NavList({ path }: { path: string }) {
  return (
    <ul>
      {NAV.map((item) => (
        <li key={item.href}>
          <a href={item.href} aria-current={path === item.href ? 'page' : undefined}>
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function AccountMenu({ ctx }: { ctx: PageContext }) {
  if (!ctx.user) {
    return (
      <div class="mkb-account">
        <a href="/zoeken">Zoeken</a>
        <a href="/inloggen">Inloggen</a>
      </div>
    );
  }
  const backOffice = ctx.user.role === 'team' || ctx.user.role === 'admin';
  return (
    <div class="mkb-account">
      <a href="/zoeken">Zoeken</a>
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
