import { csvCell, csvDocument } from '../../platform/csv.ts';
import type { FeedEntry } from '../../platform/surfaces.tsx';
import type { allRouteRows } from './repo.ts';
import { LEVEL_LABELS, MODE_LABELS, PARTICIPATION_NAMES } from './rules.ts';
import type { Route } from './service.ts';
import type { Story } from './stories.ts';

/** A route as the open-data API publishes it: only what is in the public projection. */
export function routeResource(r: Route, baseUrl: string) {
  return {
    id: r.id,
    slug: r.slug,
    url: `${baseUrl}/routes/${r.slug}`,
    title: r.title,
    institution: { brin: r.institution.brin, name: r.institution.name, website: r.institution.website },
    level: r.level,
    mode: r.mode,
    sector: r.sector,
    province: r.province,
    participation: r.participation,
    croho: r.croho,
    description: r.description,
    locations: r.locations,
    targetGroups: r.targetGroups,
    partners: r.partners,
    contact: r.contact,
    publishedAt: r.firstPublishedAt,
    updatedAt: r.updatedAt,
  };
}

export function routesCsv(routes: Route[], baseUrl: string): string {
  const header = [
    'id',
    'titel',
    'hogeschool',
    'brin',
    'niveau',
    'vorm',
    'sector',
    'provincie',
    'deelname',
    'croho',
    'plaatsen',
    'url',
    'gepubliceerd',
  ];
  const rows = routes.map((r) =>
    [
      r.id,
      r.title,
      r.institution.name,
      r.institution.brin,
      LEVEL_LABELS[r.level] ?? r.level,
      MODE_LABELS[r.mode] ?? r.mode,
      r.sector,
      r.province,
      PARTICIPATION_NAMES[r.participation] ?? r.participation,
      r.croho,
      r.locations,
      `${baseUrl}/routes/${r.slug}`,
      r.firstPublishedAt,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function atomFeed(routes: Route[], stories: Story[], baseUrl: string, more: FeedEntry[] = []): string {
  const entries = [
    ...more,
    ...routes.map((r) => ({
      id: `${baseUrl}/routes/${r.slug}`,
      title: `Nieuwe Mkb-route: ${r.title} (${r.institution.name})`,
      updated: r.firstPublishedAt,
      summary: r.description ?? '',
    })),
    ...stories.map((s) => ({
      id: `${baseUrl}/succesverhalen/${s.id}`,
      title: `Succesverhaal: ${s.title}`,
      updated: s.publishedAt,
      summary: s.quote ?? '',
    })),
  ]
    .sort((a, b) => b.updated.localeCompare(a.updated))
    .slice(0, 50);
  const updated = entries[0]?.updated ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
  <title>Mkb-route in het hbo: nieuwe routes, verhalen en bijeenkomsten</title>
  <id>${xml(baseUrl)}/feed.xml</id>
  <link rel="self" href="${xml(baseUrl)}/feed.xml"/>
  <link href="${xml(baseUrl)}/routes"/>
  <updated>${updated}</updated>
  <author><name>Programma Mkb-route in het hbo</name></author>
${entries
  .map(
    (e) => `  <entry>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <link href="${xml(e.id)}"/>
    <updated>${e.updated}</updated>
    <summary>${xml(e.summary)}</summary>
  </entry>`,
  )
  .join('\n')}
</feed>
`;
}

export function sitemap(paths: string[], baseUrl: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `  <url><loc>${xml(baseUrl + p)}</loc></url>`).join('\n')}
</urlset>
`;
}

/** The badge: a small SVG naming the route; an unpublished route gets a neutral one that claims nothing. */
/**
 * The route's name on the badge: wrapped at words over at most two lines of 34 characters; only a
 * name longer than that is shortened with "…" (the full name stays in the badge's title, the alt
 * text of the embed code and the page it links to).
 */
export function badgeLines(title: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= 34) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > 34 ? `${word.slice(0, 33)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  const second = lines[1] ?? '';
  return [lines[0] ?? '', second.length < 34 ? `${second}…` : `${second.slice(0, 33)}…`];
}

/** The badge's height in pixels: taller when the name takes two lines. */
export const badgeHeight = (route: Route | null) => (route && badgeLines(route.title).length > 1 ? 80 : 64);

export function badgeSvg(route: Route | null): string {
  const lines = route ? badgeLines(route.title) : ['Niet (meer) in het overzicht'];
  const label = route ? `Mkb-route in het hbo: ${xml(route.title)}` : 'Geen actuele Mkb-route';
  const height = badgeHeight(route);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="${height}" viewBox="0 0 220 ${height}" role="img" aria-label="${label}">
  <title>${label}</title>
  <rect width="220" height="${height}" rx="6" fill="${route ? '#0b4f6c' : '#6b6b6b'}"/>
  <rect x="0" y="0" width="8" height="${height}" rx="3" fill="${route ? '#f2a900' : '#9a9a9a'}"/>
  <text x="18" y="26" font-family="Arial, sans-serif" font-size="14" font-weight="700" fill="#fff">Mkb-route in het hbo</text>
${lines.map((l, i) => `  <text x="18" y="${46 + i * 16}" font-family="Arial, sans-serif" font-size="12" fill="#fff">${xml(l)}</text>`).join('\n')}
</svg>
`;
}

const filterParams = [
  { name: 'q', description: 'Zoektekst (Nederlands, woorden met voorvoegsel)' },
  { name: 'sector', description: 'SBI-sectie, A–U' },
  { name: 'provincie', description: 'Provincie, zoals Noord-Brabant' },
  { name: 'niveau', description: 'AD of BA' },
  { name: 'deelname', description: 'pilot, development of knowledge' },
  { name: 'hogeschool', description: 'BRIN-code, zoals 07GR' },
  { name: 'doelgroep', description: 'mbo_bbl, mbo_bol, havo_vwo, career_switcher of mbo_worker' },
].map((p) => ({ name: p.name, in: 'query', required: false, description: p.description, schema: { type: 'string' } }));

/** The OpenAPI document of the open data: the catalogue's own paths, and what other features add (PublicIndex#openApi). */
export function openApiDocument(baseUrl: string, parts: { paths: Record<string, unknown>; schemas?: Record<string, unknown> }[] = []) {
  const nullableString = { type: ['string', 'null'] };
  const route = {
    type: 'object',
    required: [
      'id',
      'slug',
      'url',
      'title',
      'institution',
      'level',
      'mode',
      'sector',
      'province',
      'participation',
      'publishedAt',
      'updatedAt',
    ],
    properties: {
      id: { type: 'string' },
      slug: { type: 'string' },
      url: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      institution: {
        type: 'object',
        properties: { brin: { type: 'string' }, name: { type: 'string' }, website: nullableString },
      },
      level: { type: 'string', enum: ['AD', 'BA'] },
      mode: { type: 'string', enum: ['duaal', 'deeltijd', 'voltijd'] },
      sector: { type: 'string' },
      province: { type: 'string' },
      participation: { type: 'string', enum: ['pilot', 'development', 'knowledge'] },
      croho: nullableString,
      description: nullableString,
      locations: nullableString,
      targetGroups: { type: ['array', 'null'], items: { type: 'string' } },
      partners: { type: ['array', 'null'], items: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string' } } } },
      contact: { type: ['object', 'null'], properties: { name: nullableString, email: nullableString } },
      publishedAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mkb-route in het hbo: open data',
      version: '1.0.0',
      description:
        'De toegelaten Mkb-routes waarvan de hogeschool toestemming gaf voor publicatie, met alleen de velden waarvoor die toestemming geldt, en de gepubliceerde cijfers per jaar.',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    paths: {
      '/routes': {
        get: {
          operationId: 'listRoutes',
          summary: 'Routes, gefilterd en per pagina',
          parameters: [...filterParams, { name: 'pagina', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } }],
          responses: {
            '200': {
              description: 'Een pagina routes',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['data', 'meta', 'links'],
                    properties: {
                      data: { type: 'array', items: { $ref: '#/components/schemas/Route' } },
                      meta: {
                        type: 'object',
                        properties: {
                          total: { type: 'integer' },
                          page: { type: 'integer' },
                          pages: { type: 'integer' },
                          ignored: { type: 'array', items: { type: 'string' } },
                        },
                      },
                      links: {
                        type: 'object',
                        properties: {
                          self: { type: 'string' },
                          first: { type: 'string' },
                          last: { type: 'string' },
                          prev: nullableString,
                          next: nullableString,
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/routes.csv': {
        get: {
          operationId: 'listRoutesCsv',
          summary: 'Alle routes als CSV (zelfde filters)',
          parameters: filterParams,
          responses: { '200': { description: 'CSV, UTF-8, komma-gescheiden', content: { 'text/csv': { schema: { type: 'string' } } } } },
        },
      },
      ...Object.assign({}, ...parts.map((p) => p.paths)),
    },
    components: { schemas: { Route: route, ...Object.assign({}, ...parts.map((p) => p.schemas ?? {})) } },
  };
}

/** The team's export of every route in the catalogue, shown or hidden, with why it is hidden. */
export function teamRoutesCsv(rows: Awaited<ReturnType<typeof allRouteRows>>, baseUrl: string): string {
  return csvDocument([
    [
      'route',
      'hogeschool',
      'niveau',
      'vorm',
      'sector',
      'provincie',
      'deelname',
      'zichtbaar',
      'reden verborgen',
      'eerst gepubliceerd',
      'adres',
    ],
    ...rows.map((r) => [
      r.title,
      r.institution_name,
      r.level,
      r.mode,
      r.sector,
      r.province,
      r.participation,
      r.published === 1 ? 'ja' : 'nee',
      r.unpublished_reason,
      r.first_published_at.slice(0, 10),
      `${baseUrl}/routes/${r.slug}`,
    ]),
  ]);
}
