import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../../platform/errors.tsx';
import { parseForm, readForm, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { cachedPage } from '../../platform/public-cache.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { renderPage, sendPage } from '../../ui/render.ts';
import { referenceOptions } from '../reference/service.ts';
import { LEVELS, PARTICIPATION, TARGET_GROUPS } from '../registrations/steps.ts';
import { atomFeed, badgeSvg, openApiDocument, routeResource, routesCsv, sitemap } from './open-data.ts';
import { searchTerms } from './rules.ts';
import {
  ASSET_MAX_BYTES,
  addAsset,
  addStory,
  asset,
  assets,
  badgeRoute,
  type CatalogueQuery,
  catalogue,
  IMAGE_MAX_BYTES,
  mapData,
  prepareImage,
  routeBySlug,
  routeForOwner,
  routesForTeam,
  setRoutePublication,
  stories,
  storyImage,
  updateProfile,
} from './service.ts';
import { ProfilePage, RoutesAdminPage, StoryFormPage, ToolkitAdminPage } from './views/manage.tsx';
import { CataloguePage, type CatalogueParams, MapPage, RoutePage, StoriesPage, StoryPage, ToolkitPage } from './views/public.tsx';

const PUBLIC = { config: { access: 'public' as const } };
const TEAM = { config: { access: 'team' as const } };
const SIGNED_IN = { config: { access: 'signedIn' as const } };

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const text = (max: number, label: string, required?: string) => {
  const base = z.preprocess(
    (v) => (v === undefined ? '' : typeof v === 'object' && v && 'value' in v ? (v as { value: unknown }).value : v),
    z
      .string()
      .trim()
      .max(max, `${label} is hooguit ${max.toLocaleString('nl-NL')} tekens lang`)
      .refine((v) => !CONTROL.test(v), `${label} bevat onzichtbare stuurtekens; haal ze weg`),
  );
  return required ? base.pipe(z.string().min(1, required)) : base;
};

const profileSchema = z.object({
  description: text(5_000, 'De beschrijving'),
  locations: text(200, 'De plaatsen'),
  contact_name: text(200, 'De naam'),
  contact_email: text(254, 'Het e-mailadres').refine((v) => v === '' || z.email().safeParse(v).success, 'Vul een geldig e-mailadres in'),
});

const storySchema = z.object({
  route: text(36, 'De route', 'Kies een route'),
  title: text(200, 'De titel', 'Vul een titel in'),
  quote: text(1_000, 'Het citaat'),
  person: text(200, 'De naam', 'Vul de naam van de persoon in'),
  role: text(200, 'De rol', 'Vul de rol in'),
  organisation: text(200, 'De organisatie', 'Vul de organisatie in'),
  consent_date: text(10, 'De datum', 'Vul de datum van de toestemming in').refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
    'Vul de datum in als jjjj-mm-dd',
  ),
  consent_note: text(500, 'De vastlegging', 'Beschrijf hoe de toestemming is vastgelegd'),
  theme: text(32, 'Het thema'),
  body: text(20_000, 'Het verhaal', 'Schrijf het verhaal'),
  image_alt: text(300, 'De beschrijving van de foto'),
});

const assetSchema = z.object({
  title: text(200, 'De titel', 'Vul een titel in'),
  description: text(1_000, 'De omschrijving', 'Vul een omschrijving in'),
});

function me(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new ForbiddenError();
  return request.user;
}

export default async function catalogueRoutes(app: FastifyInstance) {
  const { db, config } = app;

  /** Reads the catalogue filters from a query string; unknown values are reported, not used. */
  async function readQuery(query: Record<string, unknown>) {
    const options = await referenceOptions(db);
    const allowed: Record<Exclude<keyof CatalogueParams, 'q'>, Set<string>> = {
      sector: new Set(options.sectors.map((o) => o.value)),
      provincie: new Set(options.provinces.map((o) => o.value)),
      niveau: new Set(LEVELS.map((o) => o.value)),
      deelname: new Set(PARTICIPATION.map((o) => o.value)),
      hogeschool: new Set(options.institutions.map((o) => o.value)),
      doelgroep: new Set(TARGET_GROUPS.map((o) => o.value)),
    };
    const params: CatalogueParams = { q: '', sector: '', provincie: '', niveau: '', deelname: '', hogeschool: '', doelgroep: '' };
    const ignored: string[] = [];
    for (const key of Object.keys(allowed) as (keyof typeof allowed)[]) {
      const v = typeof query[key] === 'string' ? (query[key] as string) : '';
      if (v && allowed[key].has(v)) params[key] = v;
      else if (v) ignored.push(`${key}=${v.slice(0, 40)}`);
    }
    params.q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
    const page = Math.max(1, Math.min(100_000, Number.parseInt(String(query.pagina ?? '1'), 10) || 1));
    const q: CatalogueQuery = {
      sector: params.sector,
      province: params.provincie,
      level: params.niveau,
      participation: params.deelname,
      institution: params.hogeschool,
      targetGroup: params.doelgroep,
      terms: searchTerms(params.q),
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

  app.get('/api/v1/routes', PUBLIC, async (request, reply) => {
    const { params, ignored, q } = await readQuery(request.query as Record<string, unknown>);
    const result = await catalogue(db, q);
    const link = (page: number) => {
      const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
      qs.set('pagina', String(page));
      return `${config.baseUrl}/api/v1/routes?${qs.toString()}`;
    };
    return openData(reply).send({
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
  });

  app.get('/api/v1/routes.csv', PUBLIC, async (request, reply) => {
    const { q } = await readQuery(request.query as Record<string, unknown>);
    const all = [];
    for (let page = 1; ; page++) {
      const result = await catalogue(db, { ...q, page });
      all.push(...result.routes);
      if (page >= result.pages) break;
    }
    return openData(reply)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mkb-routes.csv"')
      .send(routesCsv(all, config.baseUrl));
  });

  app.get('/api/v1/openapi.json', PUBLIC, async (_request, reply) => openData(reply).send(openApiDocument(config.baseUrl)));

  app.get('/feed.xml', PUBLIC, async (_request, reply) => {
    const recent = await catalogue(db, { page: 1 });
    return reply.type('application/atom+xml; charset=utf-8').send(atomFeed(recent.routes, await stories(db), config.baseUrl));
  });

  app.get('/sitemap.xml', PUBLIC, async (_request, reply) => {
    const paths = ['/', '/programma', '/criteria', '/aanbod', '/deelnemen', '/contact', '/routes', '/kaart', '/succesverhalen', '/toolkit'];
    for (let page = 1; ; page++) {
      const result = await catalogue(db, { page });
      paths.push(...result.routes.map((r) => `/routes/${r.slug}`));
      if (page >= result.pages) break;
    }
    paths.push(...(await stories(db)).map((s) => `/succesverhalen/${s.id}`));
    return reply.type('application/xml; charset=utf-8').send(sitemap(paths, config.baseUrl));
  });

  // ------------------------------------------------------------ stories and toolkit (public)

  app.get('/succesverhalen', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const query = request.query as Record<string, unknown>;
      const options = await referenceOptions(db);
      const theme = options.themes.some((t) => t.value === query.thema) ? String(query.thema) : '';
      const sector = options.sectors.some((s) => s.value === query.sector) ? String(query.sector) : '';
      const list = await stories(db, { theme, sector });
      return {
        html: renderPage(
          <StoriesPage
            ctx={pageContext(request, reply)}
            stories={list}
            themes={options.themes}
            sectors={options.sectors}
            theme={theme}
            sector={sector}
          />,
        ),
      };
    }),
  );

  app.get<{ Params: { id: string } }>('/succesverhalen/:id', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const story = (await stories(db)).find((s) => s.id === request.params.id);
      if (!story) throw new NotFoundError('story');
      return { html: renderPage(<StoryPage ctx={pageContext(request, reply)} story={story} />) };
    }),
  );

  app.get<{ Params: { id: string } }>('/succesverhalen/:id/afbeelding.jpg', PUBLIC, async (request, reply) =>
    reply
      .type('image/jpeg')
      .header('cache-control', 'public, max-age=86400')
      .send(await storyImage(db, request.params.id)),
  );

  app.get('/toolkit', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => ({
      html: renderPage(<ToolkitPage ctx={pageContext(request, reply)} assets={await assets(db)} />),
    })),
  );

  app.get<{ Params: { id: string } }>('/toolkit/:id', PUBLIC, async (request, reply) => {
    const a = await asset(db, request.params.id);
    // An SVG is sent as a download, never rendered on our origin.
    return reply
      .type(a.type)
      .header('content-disposition', `attachment; filename="${a.filename}"`)
      .header('content-security-policy', "default-src 'none'")
      .send(a.content);
  });

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

  app.get('/beheer/routes', TEAM, async (request, reply) => {
    const notice = (request.query as Record<string, unknown>).opgeslagen === '1' ? 'De zichtbaarheid is aangepast.' : undefined;
    return sendPage(reply, <RoutesAdminPage ctx={pageContext(request, reply)} routes={await routesForTeam(db)} notice={notice} />);
  });

  app.post<{ Params: { id: string } }>('/beheer/routes/:id/publicatie', TEAM, async (request, reply) => {
    const body = submittedValues(request.body);
    const hide = body.actie === 'verbergen';
    const reason = (body.reason ?? '').trim().slice(0, 1000);
    if (hide && !reason) {
      const page = (
        <RoutesAdminPage
          ctx={pageContext(request, reply)}
          routes={await routesForTeam(db)}
          errors={[{ field: 'reason', message: 'Vul een reden in om de route te verbergen' }]}
        />
      );
      return sendPage(reply, page, 422);
    }
    await setRoutePublication(db, me(request), request.params.id, !hide, hide ? reason : null);
    return reply.redirect('/beheer/routes?opgeslagen=1', 303);
  });

  async function storyForm(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, string>; errors?: { field: string; message: string }[]; notice?: string } = {},
  ) {
    const options = await referenceOptions(db);
    const routes = (await routesForTeam(db)).map((r) => ({ value: r.id, label: `${r.title} (${r.institution})` }));
    return sendPage(
      reply,
      <StoryFormPage ctx={pageContext(request, reply)} routes={routes} themes={options.themes} {...extra} />,
      extra.errors ? 422 : 200,
    );
  }

  app.get('/beheer/verhalen', TEAM, async (request, reply) =>
    storyForm(request, reply, {
      notice: (request.query as Record<string, unknown>).opgeslagen === '1' ? 'Het verhaal is gepubliceerd.' : undefined,
    }),
  );

  app.post('/beheer/verhalen', TEAM, async (request, reply) => {
    const posted = await readForm(request);
    const fields = submittedValues(posted.fields);
    const file = posted.file;
    const form = parseForm(storySchema, fields);
    const errors = form.ok ? [] : [...form.errors];
    let image: Buffer | null = null;
    if (file) {
      image = file.truncated || file.content.length > IMAGE_MAX_BYTES ? null : await prepareImage(file.content);
      if (!image) errors.push({ field: 'image', message: 'Dit bestand is geen bruikbare afbeelding (jpg, png, webp) van hoogstens 8 MB' });
      if (!fields.image_alt?.trim()) errors.push({ field: 'image_alt', message: 'Beschrijf wat er op de foto staat' });
    }
    if (!form.ok || errors.length) return storyForm(request, reply, { values: fields, errors });
    await addStory(
      db,
      me(request),
      {
        routeId: form.data.route,
        title: form.data.title,
        quote: form.data.quote,
        person: form.data.person,
        role: form.data.role,
        organisation: form.data.organisation,
        consentDate: form.data.consent_date,
        consentNote: form.data.consent_note,
        theme: form.data.theme,
        body: form.data.body,
        imageAlt: form.data.image_alt,
      },
      image,
    );
    return reply.redirect('/beheer/verhalen?opgeslagen=1', 303);
  });

  app.get('/beheer/toolkit', TEAM, async (request, reply) =>
    sendPage(
      reply,
      <ToolkitAdminPage
        ctx={pageContext(request, reply)}
        notice={(request.query as Record<string, unknown>).opgeslagen === '1' ? 'Het bestand staat in de toolkit.' : undefined}
      />,
    ),
  );

  app.post('/beheer/toolkit', TEAM, async (request, reply) => {
    const posted = await readForm(request);
    const fields = submittedValues(posted.fields);
    const file = posted.file;
    const form = parseForm(assetSchema, fields);
    const errors = form.ok ? [] : [...form.errors];
    if (!file) errors.push({ field: 'file', message: 'Kies een bestand' });
    else if (file.truncated || file.content.length > ASSET_MAX_BYTES)
      errors.push({ field: 'file', message: 'Het bestand is groter dan 10 MB' });
    if (!form.ok || errors.length || !file)
      return sendPage(reply, <ToolkitAdminPage ctx={pageContext(request, reply)} values={fields} errors={errors} />, 422);
    const ok = await addAsset(db, me(request), { ...form.data, filename: file.filename }, file.content);
    if (!ok) {
      const page = (
        <ToolkitAdminPage
          ctx={pageContext(request, reply)}
          values={fields}
          errors={[{ field: 'file', message: 'Dit soort bestand kan niet in de toolkit (alleen pdf, png, jpg, svg of zip)' }]}
        />
      );
      return sendPage(reply, page, 422);
    }
    return reply.redirect('/beheer/toolkit?opgeslagen=1', 303);
  });
}
