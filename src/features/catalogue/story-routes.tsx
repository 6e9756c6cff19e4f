import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { requireUser as me, parseForm, readForm, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { cachedPage } from '../../platform/public-cache.ts';
import { renderPage, sendPage } from '../../ui/render.ts';
import { referenceOptions } from '../reference/index.ts';
import { assetSchema, storySchema } from './schemas.ts';
import { routesForTeam } from './service.ts';
import { addStory, IMAGE_MAX_BYTES, prepareImage, stories, storyImage } from './stories.ts';
import { ASSET_MAX_BYTES, addAsset, asset, assets } from './toolkit.ts';
import { StoryFormPage, ToolkitAdminPage } from './views/manage.tsx';
import { StoriesPage, StoryPage, ToolkitPage } from './views/stories.tsx';

const PUBLIC = { config: { access: 'public' as const } };
const TEAM = { config: { access: 'team' as const } };
const SIGNED_IN = { config: { access: 'signedIn' as const } };

/** Success stories and the toolkit: public pages and their back office. */
export async function storyRoutes(app: FastifyInstance) {
  const { db } = app;

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
