import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseQuery } from '../../platform/dutch-search.ts';
import { requireUser as me, pageNumber, parseForm, pickFilters, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { cachedPage, cachedResponse } from '../../platform/public-cache.ts';
import { renderPage, sendPage } from '../../ui/render.ts';
import { referenceOptions } from '../reference/index.ts';
import { LEVELS, PARTICIPATION, TARGET_GROUPS } from '../registrations/index.ts';
import { atomFeed, badgeSvg, openApiDocument, routeResource, routesCsv, sitemap, teamRoutesCsv } from './open-data.ts';
import { allRouteRows } from './repo.ts';
import { profileSchema, publicationSchema } from './schemas.ts';
import {
  badgeRoute,
  type CatalogueQuery,
  catalogue,
  mapData,
  routeBySlug,
  routeForOwner,
  routesForTeam,
  setRoutePublication,
  updateProfile,
} from './service.ts';
import { stories } from './stories.ts';
import { ProfilePage, RoutesAdminPage } from './views/manage.tsx';
import { CataloguePage, type CatalogueParams, MapPage, RoutePage } from './views/public.tsx';

const PUBLIC = { config: { access: 'public' as const } };
const TEAM = { config: { access: 'team' as const } };
const SIGNED_IN = { config: { access: 'signedIn' as const } };

export default async function catalogueRoutes(app: FastifyInstance) {
  const { db, config } = app;

  /** Reads the catalogue filters from a query string; unknown values are reported, not used. */
  async function readQuery(query: Record<string, unknown>) {
    const options = await referenceOptions(db);
    const { values, ignored } = pickFilters(query, {
      sector: options.sectors.map((o) => o.value),
      provincie: options.provinces.map((o) => o.value),
      niveau: LEVELS.map((o) => o.value),
      deelname: PARTICIPATION.map((o) => o.value),
      hogeschool: options.institutions.map((o) => o.value),
      doelgroep: TARGET_GROUPS.map((o) => o.value),
    });
    const params: CatalogueParams = { ...values, q: typeof query.q === 'string' ? query.q.slice(0, 200) : '' };
    const page = pageNumber(query.pagina);
    const q: CatalogueQuery = {
      sector: params.sector,
      province: params.provincie,
      level: params.niveau,
      participation: params.deelname,
      institution: params.hogeschool,
      targetGroup: params.doelgroep,
      search: parseQuery(params.q),
      page,
    };
    return { params, ignored, q, options };
  }

  app.get('/routes', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const { params, ignored, q, options } = await readQuery(request.query as Record<string, unknown>);
      const result = await catalogue(db, q);
      return {
        html: renderPage(
          <CataloguePage
            ctx={pageContext(request, reply)}
            params={params}
            result={result}
            sectors={options.sectors}
            provinces={options.provinces}
            institutions={options.institutions}
            ignored={ignored}
          />,
        ),
      };
    }),
  );

  app.get<{ Params: { slug: string } }>('/routes/:slug', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const route = await routeBySlug(db, request.params.slug);
      const options = await referenceOptions(db);
      const sectorName = options.sectors.find((s) => s.value === route.sector)?.label ?? route.sector;
      const routeStories = await stories(db, { routeId: route.id });
      return {
        html: renderPage(
          <RoutePage
            ctx={pageContext(request, reply)}
            route={route}
            sectorName={sectorName}
            stories={routeStories}
            baseUrl={config.baseUrl}
          />,
        ),
      };
    }),
  );

  app.get<{ Params: { slug: string } }>('/routes/:slug/badge.svg', PUBLIC, async (request, reply) => {
    const route = await badgeRoute(db, request.params.slug);
    // Shown on the hogescholen's own sites: other origins may load it.
    return reply
      .status(route ? 200 : 404)
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=3600')
      .type('image/svg+xml; charset=utf-8')
      .send(badgeSvg(route));
  });

  app.get('/kaart', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => ({
      html: renderPage(<MapPage ctx={pageContext(request, reply)} map={await mapData(db)} />),
    })),
  );

  // ------------------------------------------------------------ open data

  const openData = (reply: FastifyReply) =>
    reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');

  // Open data answers from the render cache too (same version, ETag and 304); it is the same for everyone.
  const cachedData = (request: FastifyRequest, reply: FastifyReply, type: string, body: () => Promise<string>) =>
    cachedResponse(db, request, openData(reply), async () => ({ type, body: await body() }), { perUser: false });

  app.get('/api/v1/routes', PUBLIC, async (request, reply) =>
    cachedData(request, reply, 'application/json; charset=utf-8', async () => {
      const { params, ignored, q } = await readQuery(request.query as Record<string, unknown>);
      const result = await catalogue(db, q);
      const link = (page: number) => {
        const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
        qs.set('pagina', String(page));
        return `${config.baseUrl}/api/v1/routes?${qs.toString()}`;
      };
      return JSON.stringify({
        data: result.routes.map((r) => routeResource(r, config.baseUrl)),
        meta: { total: result.total, page: result.page, pages: result.pages, ignored },
        links: {
          self: link(result.page),
          first: link(1),
          last: link(result.pages),
          prev: result.page > 1 ? link(result.page - 1) : null,
          next: result.page < result.pages ? link(result.page + 1) : null,
        },
      });
    }),
  );

  app.get('/api/v1/routes.csv', PUBLIC, async (request, reply) => {
    reply.header('content-disposition', 'attachment; filename="mkb-routes.csv"');
    return cachedData(request, reply, 'text/csv; charset=utf-8', async () => {
      const { q } = await readQuery(request.query as Record<string, unknown>);
      const all = [];
      for (let page = 1; ; page++) {
        const result = await catalogue(db, { ...q, page });
        all.push(...result.routes);
        if (page >= result.pages) break;
      }
      return routesCsv(all, config.baseUrl);
    });
  });

  app.get('/api/v1/openapi.json', PUBLIC, async (request, reply) =>
    cachedData(request, reply, 'application/json; charset=utf-8', async () =>
      JSON.stringify(
        openApiDocument(
          config.baseUrl,
          app.publicIndex.flatMap((p) => (p.openApi ? [p.openApi] : [])),
        ),
      ),
    ),
  );

  app.get('/feed.xml', PUBLIC, async (request, reply) =>
    cachedResponse(
      db,
      request,
      reply,
      async () => {
        const recent = await catalogue(db, { page: 1 });
        const more = (await Promise.all(app.publicIndex.map((p) => p.feed?.(db, config.baseUrl) ?? []))).flat();
        return { type: 'application/atom+xml; charset=utf-8', body: atomFeed(recent.routes, await stories(db), config.baseUrl, more) };
      },
      { perUser: false },
    ),
  );

  app.get('/sitemap.xml', PUBLIC, async (request, reply) =>
    cachedResponse(
      db,
      request,
      reply,
      async () => {
        const paths = [
          '/',
          '/programma',
          '/criteria',
          '/aanbod',
          '/deelnemen',
          '/contact',
          '/routes',
          '/kaart',
          '/succesverhalen',
          '/toolkit',
        ];
        for (let page = 1; ; page++) {
          const result = await catalogue(db, { page });
          paths.push(...result.routes.map((r) => `/routes/${r.slug}`));
          if (page >= result.pages) break;
        }
        paths.push(...(await stories(db)).map((s) => `/succesverhalen/${s.id}`));
        for (const index of app.publicIndex) paths.push(...((await index.sitemap?.(db)) ?? []));
        return { type: 'application/xml; charset=utf-8', body: sitemap(paths, config.baseUrl) };
      },
      { perUser: false },
    ),
  );

  // ------------------------------------------------------------ owners

  app.get<{ Params: { id: string } }>('/mijn/routes/:id', SIGNED_IN, async (request, reply) => {
    const route = await routeForOwner(db, me(request), request.params.id);
    const notice = (request.query as Record<string, unknown>).opgeslagen === '1' ? 'Het profiel is opgeslagen.' : undefined;
    return sendPage(reply, <ProfilePage ctx={pageContext(request, reply)} route={route} notice={notice} />);
  });

  app.post<{ Params: { id: string } }>('/mijn/routes/:id', SIGNED_IN, async (request, reply) => {
    const route = await routeForOwner(db, me(request), request.params.id);
    const form = parseForm(profileSchema, request.body);
    if (!form.ok)
      return sendPage(
        reply,
        <ProfilePage ctx={pageContext(request, reply)} route={route} values={submittedValues(request.body)} errors={form.errors} />,
        422,
      );
    await updateProfile(db, me(request), route.id, {
      description: form.data.description,
      locations: form.data.locations,
      contactName: form.data.contact_name,
      contactEmail: form.data.contact_email,
    });
    return reply.redirect(`/mijn/routes/${route.id}?opgeslagen=1`, 303);
  });

  // ------------------------------------------------------------ the team

  app.get('/beheer/routes.csv', TEAM, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="routes-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(
        teamRoutesCsv(
          (await allRouteRows(db)).sort((a, b) => a.title.localeCompare(b.title, 'nl')),
          config.baseUrl,
        ),
      ),
  );

  app.get('/beheer/routes', TEAM, async (request, reply) => {
    const notice = (request.query as Record<string, unknown>).opgeslagen === '1' ? 'De zichtbaarheid is aangepast.' : undefined;
    return sendPage(reply, <RoutesAdminPage ctx={pageContext(request, reply)} routes={await routesForTeam(db)} notice={notice} />);
  });

  app.post<{ Params: { id: string } }>('/beheer/routes/:id/publicatie', TEAM, async (request, reply) => {
    const form = parseForm(publicationSchema, request.body);
    if (!form.ok) {
      const page = (
        <RoutesAdminPage
          ctx={pageContext(request, reply)}
          routes={await routesForTeam(db)}
          errors={form.errors.map((e) => ({ ...e, field: `reden-${request.params.id}` }))}
          failed={{ id: request.params.id, reason: submittedValues(request.body).reason ?? '' }}
        />
      );
      return sendPage(reply, page, 422);
    }
    const hide = form.data.actie === 'verbergen';
    const reason = form.data.reason;
    await setRoutePublication(db, me(request), request.params.id, !hide, hide ? reason : null);
    return reply.redirect('/beheer/routes?opgeslagen=1', 303);
  });
}
