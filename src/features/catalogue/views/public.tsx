import { LIMITS } from '../../../platform/limits.ts';
import { Button, FilterSelect, Heading1, Notice } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { JsonLd } from '../../../ui/json-ld.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { Option } from '../../reference/index.ts';
import { LEVELS, PARTICIPATION, TARGET_GROUPS } from '../../registrations/index.ts';
import { badgeHeight } from '../open-data.ts';
import { LEVEL_LABELS, MODE_LABELS, PARTICIPATION_NAMES, shade, shadeLegend, TARGET_GROUP_LABELS } from '../rules.ts';
import type { mapData, Route } from '../service.ts';
import type { Story } from '../stories.ts';
import { StoryCard } from './stories.tsx';

export type CatalogueParams = {
  q: string;
  sector: string;
  provincie: string;
  niveau: string;
  deelname: string;
  hogeschool: string;
  doelgroep: string;
};

export function RouteCard({ route, sectorName }: { route: Route; sectorName: string }) {
  return (
    <li class="mkb-card">
      <h2 class="utrecht-heading-3">
        <a class="utrecht-link" href={`/routes/${route.slug}`}>
          {route.title}
        </a>
      </h2>
      <p>
        {route.institution.name} · {LEVEL_LABELS[route.level] ?? route.level} · {MODE_LABELS[route.mode] ?? route.mode}
      </p>
      <p class="mkb-meta">
        {route.province} · {sectorName} · {PARTICIPATION_NAMES[route.participation] ?? route.participation}
      </p>
    </li>
  );
}

export function CataloguePage(props: {
  ctx: PageContext;
  params: CatalogueParams;
  result: { total: number; page: number; pages: number; routes: Route[] };
  sectors: Option[];
  provinces: Option[];
  institutions: Option[];
  ignored: string[];
}) {
  const { params, result } = props;
  const link = (page: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
    if (page > 1) qs.set('pagina', String(page));
    const s = qs.toString();
    return `/routes${s ? `?${s}` : ''}`;
  };
  const sectorName = (code: string) => props.sectors.find((s) => s.value === code)?.label ?? code;
  const active = [params.sector, params.provincie, params.niveau, params.deelname, params.hogeschool, params.doelgroep].filter(
    Boolean,
  ).length;
  return (
    <Layout
      ctx={props.ctx}
      title="Mkb-routes in Nederland"
      description="Alle opleidingsroutes in het hbo waarin studenten betaald werken bij een mkb-bedrijf: zoek op sector, provincie, niveau, doelgroep en hogeschool."
    >
      <Heading1>Mkb-routes in Nederland</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Opleidingen in het hbo waarin je leert en tegelijk betaald werkt bij een mkb-bedrijf. Bekijk ze ook{' '}
        <a class="utrecht-link" href="/kaart">
          op de kaart
        </a>
        .
      </p>
      {props.ignored.length > 0 && <Notice kind="warning">Niet herkende filters zijn genegeerd: {props.ignored.join(', ')}.</Notice>}
      <form method="get" action="/routes" class="mkb-filters" aria-label="Routes zoeken en filteren">
        <div class="mkb-filter mkb-filter--wide">
          <label class="utrecht-form-label" for="filter-q">
            Zoeken
          </label>
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            id="filter-q"
            name="q"
            type="search"
            maxLength={LIMITS.short}
            value={params.q}
          />
        </div>
        <div class="mkb-filter mkb-filter--submit">
          <Button>Zoeken</Button>
        </div>
        {/* Six filters fold away, so on a phone the results come right after the search box; they
            stay open while one of them is in use. */}
        <details class="mkb-more-filters" open={active > 0}>
          <summary>{active > 0 ? `Filters (${active} gekozen)` : 'Filters'}</summary>
          <div class="mkb-filters">
            <FilterSelect name="sector" label="Sector" value={params.sector} options={props.sectors} />
            <FilterSelect name="provincie" label="Provincie" value={params.provincie} options={props.provinces} />
            <FilterSelect name="niveau" label="Niveau" value={params.niveau} options={LEVELS} />
            <FilterSelect name="deelname" label="Deelname" value={params.deelname} options={PARTICIPATION} />
            <FilterSelect name="hogeschool" label="Hogeschool" value={params.hogeschool} options={props.institutions} />
            <FilterSelect name="doelgroep" label="Doelgroep" value={params.doelgroep} options={TARGET_GROUPS} />
            <div class="mkb-filter mkb-filter--submit">
              <Button secondary>Filters toepassen</Button>
            </div>
          </div>
        </details>
      </form>
      <p class="utrecht-paragraph" role="status">
        {result.total === 1 ? '1 route gevonden' : `${result.total} routes gevonden`}
        {result.pages > 1 && `, pagina ${result.page} van ${result.pages}`}
      </p>
      <ul class="mkb-cards">
        {result.routes.map((r) => (
          <RouteCard key={r.id} route={r} sectorName={sectorName(r.sector)} />
        ))}
      </ul>
      {result.pages > 1 && (
        <nav aria-label="Paginering" class="mkb-pagination">
          {result.page > 1 && (
            <a class="utrecht-link" href={link(result.page - 1)}>
              Vorige pagina
            </a>
          )}
          {result.page < result.pages && (
            <a class="utrecht-link" href={link(result.page + 1)}>
              Volgende pagina
            </a>
          )}
        </nav>
      )}
      <p class="utrecht-paragraph mkb-meta">
        Open data:{' '}
        <a class="utrecht-link" href="/api/v1/routes">
          JSON
        </a>
        ,{' '}
        <a class="utrecht-link" href="/api/v1/routes.csv">
          CSV
        </a>
        ,{' '}
        <a class="utrecht-link" href="/api/v1/openapi.json">
          OpenAPI
        </a>
        ,{' '}
        <a class="utrecht-link" href="/feed.xml">
          Atom-feed
        </a>
        .
      </p>
    </Layout>
  );
}

export function routeJsonLd(route: Route, baseUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'EducationalOccupationalProgram',
    name: route.title,
    url: `${baseUrl}/routes/${route.slug}`,
    description: route.description ?? undefined,
    educationalProgramMode: route.mode === 'voltijd' ? 'full-time' : 'part-time',
    educationalCredentialAwarded: route.level === 'AD' ? 'Associate degree' : 'Bachelor',
    programPrerequisites: route.targetGroups?.map((g) => TARGET_GROUP_LABELS[g] ?? g),
    provider: { '@type': 'CollegeOrUniversity', name: route.institution.name, url: route.institution.website ?? undefined },
    location: route.locations ?? undefined,
    identifier: route.croho ? { '@type': 'PropertyValue', propertyID: 'CROHO', value: route.croho } : undefined,
  };
}

export function RoutePage(props: { ctx: PageContext; route: Route; sectorName: string; stories: Story[]; baseUrl: string }) {
  const { route } = props;
  const badge = `<a href="${props.baseUrl}/routes/${route.slug}"><img src="${props.baseUrl}/routes/${route.slug}/badge.svg" alt="Mkb-route in het hbo: ${route.title.replace(/"/g, '&quot;')}" width="220" height="${badgeHeight(route)}"></a>`;
  return (
    <Layout
      ctx={props.ctx}
      title={route.title}
      description={route.description || `${route.title}: een Mkb-route van ${route.institution.name}, werkend leren in het mkb.`}
    >
      <JsonLd data={routeJsonLd(route, props.baseUrl)} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/routes">
          Alle routes
        </a>
      </p>
      <Heading1>{route.title}</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        {route.institution.name} · {LEVEL_LABELS[route.level] ?? route.level} · {MODE_LABELS[route.mode] ?? route.mode}
      </p>
      {route.description && <p class="utrecht-paragraph mkb-pre">{route.description}</p>}
      <table class="mkb-table mkb-facts">
        <tbody>
          <tr>
            <th scope="row">Hogeschool</th>
            <td>
              {route.institution.website ? (
                <a class="utrecht-link" href={route.institution.website}>
                  {route.institution.name}
                </a>
              ) : (
                route.institution.name
              )}
            </td>
          </tr>
          {route.locations && (
            <tr>
              <th scope="row">Plaatsen</th>
              <td>{route.locations}</td>
            </tr>
          )}
          <tr>
            <th scope="row">Provincie</th>
            <td>{route.province}</td>
          </tr>
          <tr>
            <th scope="row">Sector</th>
            <td>{props.sectorName}</td>
          </tr>
          <tr>
            <th scope="row">Deelname aan het programma</th>
            <td>{PARTICIPATION_NAMES[route.participation] ?? route.participation}</td>
          </tr>
          {route.targetGroups && route.targetGroups.length > 0 && (
            <tr>
              <th scope="row">Doelgroepen</th>
              <td>{route.targetGroups.map((g) => TARGET_GROUP_LABELS[g] ?? g).join(', ')}</td>
            </tr>
          )}
          {route.partners && route.partners.length > 0 && (
            <tr>
              <th scope="row">Partners</th>
              <td>{route.partners.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ')}</td>
            </tr>
          )}
          {route.contact && (
            <tr>
              <th scope="row">Contact</th>
              <td>
                {route.contact.name}
                {route.contact.email && (
                  <>
                    {' '}
                    <a class="utrecht-link" href={`mailto:${route.contact.email}`}>
                      {route.contact.email}
                    </a>
                  </>
                )}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {props.stories.length > 0 && (
        <section aria-labelledby="verhalen-titel">
          <h2 class="utrecht-heading-2" id="verhalen-titel">
            Succesverhalen
          </h2>
          <ul class="mkb-cards">
            {props.stories.map((s) => (
              <StoryCard key={s.id} story={s} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="badge-titel">
        <h2 class="utrecht-heading-2" id="badge-titel">
          Badge voor de website van de hogeschool
        </h2>
        <p class="utrecht-paragraph">
          <img src={`/routes/${route.slug}/badge.svg`} alt={`Mkb-route in het hbo: ${route.title}`} width={220} height={64} />
        </p>
        <label class="utrecht-form-label" for="badge-code">
          Plak deze code op uw eigen site
        </label>
        <textarea class="utrecht-textarea utrecht-textarea--html-textarea mkb-code" id="badge-code" rows={4} readOnly>
          {badge}
        </textarea>
      </section>
    </Layout>
  );
}

export function MapPage(props: { ctx: PageContext; map: Awaited<ReturnType<typeof mapData>> }) {
  const { map } = props;
  const max = Math.max(0, ...map.provinces.map((p) => p.count));
  return (
    <Layout
      ctx={props.ctx}
      title="Kaart van de Mkb-routes"
      description="Hoeveel Mkb-routes er per provincie zijn, op een kaart en in een tabel."
    >
      <Heading1>Mkb-routes per provincie</Heading1>
      <div class="mkb-map-layout">
        <svg class="mkb-map" viewBox={`0 0 ${map.width} ${map.height}`} aria-labelledby="kaart-titel">
          <title id="kaart-titel">Kaart van Nederland met het aantal Mkb-routes per provincie; dezelfde aantallen staan in de tabel.</title>
          {map.provinces.map((p) => (
            <a
              href={`/routes?provincie=${encodeURIComponent(p.name)}`}
              key={p.name}
              aria-label={`${p.name}: ${p.count} ${p.count === 1 ? 'route' : 'routes'}`}
            >
              <path d={p.d} class={`mkb-map__province mkb-map__province--${shade(p.count, max)}`} fill-rule="evenodd">
                <title>
                  {p.name}: {p.count}
                </title>
              </path>
            </a>
          ))}
        </svg>
        <div>
          <h2 class="utrecht-heading-3" id="legenda-titel">
            Legenda
          </h2>
          <ul class="mkb-legend" aria-labelledby="legenda-titel">
            {shadeLegend(max).map((l) => (
              <li key={l.step}>
                <svg class="mkb-legend__swatch" viewBox="0 0 20 20" aria-hidden="true">
                  <rect width="20" height="20" class={`mkb-map__province mkb-map__province--${l.step}`} />
                </svg>
                {l.label}
              </li>
            ))}
          </ul>
          <table class="mkb-table">
            <caption>Aantal routes per provincie</caption>
            <thead>
              <tr>
                <th scope="col">Provincie</th>
                <th scope="col">Routes</th>
              </tr>
            </thead>
            <tbody>
              {map.provinces.map((p) => (
                <tr key={p.name}>
                  <td>
                    <a class="utrecht-link" href={`/routes?provincie=${encodeURIComponent(p.name)}`}>
                      {p.name}
                    </a>
                  </td>
                  <td>{p.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p class="mkb-meta">Bron kaart: CBS / PDOK (CBS Gebiedsindelingen 2025), vereenvoudigd door cartomap/nl.</p>
    </Layout>
  );
}
