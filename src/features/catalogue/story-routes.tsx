import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { requireUser as me, parseForm, readForm, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { cachedPage } from '../../platform/public-cache.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { renderPage, sendPage } from '../../ui/render.ts';
import { referenceOptions } from '../reference/index.ts';
import { assetSchema, storySchema } from './schemas.ts';
import { routesForTeam } from './service.ts';
import {
  addStory,
  IMAGE_MAX_BYTES,
  prepareImage,
  removeStory,
  type StoryInput,
  stories,
  storiesForTeam,
  storyForEdit,
  storyImage,
  updateStory,
} from './stories.ts';
import { ASSET_MAX_BYTES, addAsset, asset, assetForEdit, assets, removeAsset, updateAsset } from './toolkit.ts';
import { StoriesPage, StoryPage, ToolkitPage } from './views/stories.tsx';
import { AssetEditPage, StoriesAdminPage, StoryEditPage, ToolkitAdminPage } from './views/stories-admin.tsx';

const PUBLIC = { config: { access: 'public' as const } };
const TEAM = { config: { access: 'team' as const } };
const SIGNED_IN = { config: { access: 'signedIn' as const } };
type IdParams = { Params: { id: string } };

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

  // ------------------------------------------------------------ stories and toolkit (the team)

  const storyChoices = async () => ({
    routes: (await routesForTeam(db)).map((r) => ({ value: r.id, label: `${r.title} (${r.institution})` })),
    themes: (await referenceOptions(db)).themes,
  });

  async function storiesPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, string>; errors?: FieldErrors; notice?: string } = {},
  ) {
    const page = (
      <StoriesAdminPage ctx={pageContext(request, reply)} stories={await storiesForTeam(db)} {...(await storyChoices())} {...extra} />
    );
    return sendPage(reply, page, extra.errors ? 422 : 200);
  }

  /** A posted story form: its values checked, and the photo (new, kept or removed) with its own checks. */
  async function readStory(request: FastifyRequest, hasImage: boolean) {
    const posted = await readForm(request);
    const fields = submittedValues(posted.fields);
    const form = parseForm(storySchema, fields);
    const errors: FieldErrors = form.ok ? [] : [...form.errors];
    let photo: { replace: Buffer } | 'keep' | 'remove' = fields.remove_image === 'ja' ? 'remove' : 'keep';
    const file = posted.file;
    if (file) {
      const image = file.truncated || file.content.length > IMAGE_MAX_BYTES ? null : await prepareImage(file.content);
      if (!image) errors.push({ field: 'image', message: 'Dit bestand is geen bruikbare afbeelding (jpg, png, webp) van hoogstens 8 MB' });
      else photo = { replace: image };
    }
    const withPhoto = typeof photo === 'object' || (photo === 'keep' && hasImage);
    if (withPhoto && !fields.image_alt?.trim() && !errors.some((e) => e.field === 'image_alt'))
      errors.push({ field: 'image_alt', message: 'Beschrijf wat er op de foto staat' });
    const input: StoryInput | null = form.ok
      ? {
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
        }
      : null;
    return { fields, errors, input: errors.length ? null : input, photo };
  }

  const NOTICES: Record<string, string> = {
    opgeslagen: 'Het verhaal is gepubliceerd.',
    gewijzigd: 'De wijzigingen staan op de website.',
    verwijderd: 'Het verhaal is van de website gehaald; de vastgelegde toestemming blijft bewaard.',
  };
  const melding = (request: FastifyRequest) => NOTICES[String((request.query as Record<string, unknown>).melding)];

  app.get('/beheer/verhalen', TEAM, async (request, reply) => storiesPage(request, reply, { notice: melding(request) }));

  app.post('/beheer/verhalen', TEAM, async (request, reply) => {
    const story = await readStory(request, false);
    if (!story.input) return storiesPage(request, reply, { values: story.fields, errors: story.errors });
    await addStory(db, me(request), story.input, typeof story.photo === 'object' ? story.photo.replace : null);
    return reply.redirect('/beheer/verhalen?melding=opgeslagen', 303);
  });

  app.get<IdParams>('/beheer/verhalen/:id', TEAM, async (request, reply) => {
    const story = await storyForEdit(db, request.params.id);
    const page = <StoryEditPage ctx={pageContext(request, reply)} id={request.params.id} {...story} {...(await storyChoices())} />;
    return sendPage(reply, page);
  });

  app.post<IdParams>('/beheer/verhalen/:id', TEAM, async (request, reply) => {
    const { hasImage } = await storyForEdit(db, request.params.id);
    const story = await readStory(request, hasImage);
    if (!story.input) {
      const page = (
        <StoryEditPage
          ctx={pageContext(request, reply)}
          id={request.params.id}
          values={story.fields}
          hasImage={hasImage}
          errors={story.errors}
          {...(await storyChoices())}
        />
      );
      return sendPage(reply, page, 422);
    }
    await updateStory(db, me(request), request.params.id, story.input, story.photo);
    return reply.redirect('/beheer/verhalen?melding=gewijzigd', 303);
  });

  app.post<IdParams>('/beheer/verhalen/:id/verwijderen', TEAM, async (request, reply) => {
    await removeStory(db, me(request), request.params.id);
    return reply.redirect('/beheer/verhalen?melding=verwijderd', 303);
  });

  const TOOLKIT_NOTICES: Record<string, string> = {
    opgeslagen: 'Het bestand staat in de toolkit.',
    gewijzigd: 'De wijzigingen staan op de website.',
    verwijderd: 'Het bestand is uit de toolkit gehaald.',
  };

  async function toolkitPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, string>; errors?: FieldErrors } = {},
  ) {
    const notice = extra.errors ? undefined : TOOLKIT_NOTICES[String((request.query as Record<string, unknown>).melding)];
    const page = <ToolkitAdminPage ctx={pageContext(request, reply)} assets={await assets(db)} notice={notice} {...extra} />;
    return sendPage(reply, page, extra.errors ? 422 : 200);
  }

  const fileProblem = (file: { truncated: boolean; content: Buffer }) =>
    file.truncated || file.content.length > ASSET_MAX_BYTES ? 'Het bestand is groter dan 10 MB' : null;
  const WRONG_KIND = 'Dit soort bestand kan niet in de toolkit (alleen pdf, png, jpg, svg of zip)';

  app.get('/beheer/toolkit', TEAM, async (request, reply) => toolkitPage(request, reply));

  app.post('/beheer/toolkit', TEAM, async (request, reply) => {
    const posted = await readForm(request);
    const fields = submittedValues(posted.fields);
    const file = posted.file;
    const form = parseForm(assetSchema, fields);
    const errors: FieldErrors = form.ok ? [] : [...form.errors];
    if (!file) errors.push({ field: 'file', message: 'Kies een bestand' });
    else if (fileProblem(file)) errors.push({ field: 'file', message: fileProblem(file) ?? '' });
    if (!form.ok || errors.length || !file) return toolkitPage(request, reply, { values: fields, errors });
    const ok = await addAsset(db, me(request), { ...form.data, filename: file.filename }, file.content);
    if (!ok) return toolkitPage(request, reply, { values: fields, errors: [{ field: 'file', message: WRONG_KIND }] });
    return reply.redirect('/beheer/toolkit?melding=opgeslagen', 303);
  });

  app.get<IdParams>('/beheer/toolkit/:id', TEAM, async (request, reply) => {
    const a = await assetForEdit(db, request.params.id);
    const page = (
      <AssetEditPage
        ctx={pageContext(request, reply)}
        id={a.id}
        filename={a.filename}
        values={{ title: a.title, description: a.description }}
      />
    );
    return sendPage(reply, page);
  });

  app.post<IdParams>('/beheer/toolkit/:id', TEAM, async (request, reply) => {
    const current = await assetForEdit(db, request.params.id);
    const posted = await readForm(request);
    const fields = submittedValues(posted.fields);
    const form = parseForm(assetSchema, fields);
    const errors: FieldErrors = form.ok ? [] : [...form.errors];
    const file = posted.file;
    if (file && fileProblem(file)) errors.push({ field: 'file', message: fileProblem(file) ?? '' });
    const again = (list: FieldErrors) =>
      sendPage(
        reply,
        <AssetEditPage ctx={pageContext(request, reply)} id={current.id} filename={current.filename} values={fields} errors={list} />,
        422,
      );
    if (!form.ok || errors.length) return again(errors);
    const ok = await updateAsset(db, me(request), current.id, form.data, file);
    if (!ok) return again([{ field: 'file', message: WRONG_KIND }]);
    return reply.redirect('/beheer/toolkit?melding=gewijzigd', 303);
  });

  app.post<IdParams>('/beheer/toolkit/:id/verwijderen', TEAM, async (request, reply) => {
    await removeAsset(db, me(request), request.params.id);
    return reply.redirect('/beheer/toolkit?melding=verwijderd', 303);
  });
}
