import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { pickFilters, requireUser } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { cachedPage } from '../../platform/public-cache.ts';
import { renderPage, sendPage } from '../../ui/render.ts';
import { AUDIENCES } from '../reference/index.ts';
import { describeFile, fileOf } from './files.ts';
import { guide, neighbours } from './guide.ts';
import { routeHandout } from './handout.ts';
import { publishedItem, toPublicItem } from './published.ts';
import { listPublished } from './repo.ts';
import knowledgeTeamRoutes from './team-routes.tsx';
import { themePage, themes } from './themes.ts';
import { HandoutView, PrintGuide } from './views/print.tsx';
import { ChapterView, GuideView, ItemView, KnowledgeHome, ThemeView } from './views/public.tsx';

const PUBLIC = { config: { access: 'public' as const } };
type SlugParams = { Params: { slug: string } };

export default async function knowledgeRoutes(app: FastifyInstance) {
  const { db, config } = app;
  const audienceOf = (query: unknown) =>
    pickFilters(query as Record<string, unknown>, { doelgroep: Object.keys(AUDIENCES) }).values.doelgroep;

  app.get('/kennis', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const [list, articles, documents, parts] = await Promise.all([
        themes(db),
        listPublished(db, 'article'),
        listPublished(db, 'document'),
        guide(db),
      ]);
      const chapters = parts.reduce((n, p) => n + p.chapters.length, 0);
      return {
        html: renderPage(
          <KnowledgeHome
            ctx={pageContext(request, reply)}
            themes={list}
            articles={articles.map(toPublicItem)}
            documents={documents.map(toPublicItem)}
            chapters={chapters}
          />,
        ),
      };
    }),
  );

  app.get<SlugParams>('/kennis/:slug', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const page = await themePage(db, request.params.slug);
      return { html: renderPage(<ThemeView ctx={pageContext(request, reply)} page={page} />), expiresAt: page.expiresAt };
    }),
  );

  for (const kind of ['article', 'document'] as const) {
    const base = kind === 'article' ? '/kennis/artikelen' : '/kennis/documenten';
    app.get<SlugParams>(`${base}/:slug`, PUBLIC, async (request, reply) =>
      cachedPage(db, request, reply, async () => {
        const item = await publishedItem(db, kind, request.params.slug);
        const file = kind === 'document' ? await describeFile(db, item.fileId) : null;
        return { html: renderPage(<ItemView ctx={pageContext(request, reply)} item={item} themes={await themes(db)} file={file} />) };
      }),
    );
  }

  // A document's PDF: only while the document is published.
  app.get<SlugParams>('/kennis/documenten/:slug/bestand', PUBLIC, async (request, reply) => {
    const item = await publishedItem(db, 'document', request.params.slug);
    if (!item.fileId) throw new NotFoundError('file');
    const f = await fileOf(db, item.fileId, 'pdf');
    return reply
      .type(f.type)
      .header('content-disposition', `attachment; filename="${f.filename}"`)
      .header('x-content-type-options', 'nosniff')
      .send(f.content);
  });

  // Images are addressed by an unguessable id; one that is in no published text yet is only known to the team.
  app.get<{ Params: { id: string } }>('/kennis/afbeeldingen/:id', PUBLIC, async (request, reply) => {
    const f = await fileOf(db, request.params.id, 'image');
    return reply.type(f.type).header('cache-control', 'public, max-age=31536000, immutable').send(f.content);
  });

  app.get('/handreiking', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const audience = audienceOf(request.query);
      return {
        html: renderPage(
          <GuideView ctx={pageContext(request, reply)} parts={await guide(db, audience || undefined)} audience={audience} />,
        ),
      };
    }),
  );

  app.get('/handreiking/afdrukken', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const audience = audienceOf(request.query);
      const url = `${config.baseUrl}/handreiking/afdrukken${audience ? `?doelgroep=${audience}` : ''}`;
      const parts = await guide(db, audience || undefined);
      return { html: renderPage(<PrintGuide ctx={pageContext(request, reply)} parts={parts} audience={audience} url={url} />) };
    }),
  );

  app.get<SlugParams>('/handreiking/:slug', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const chapter = await publishedItem(db, 'chapter', request.params.slug);
      const parts = await guide(db);
      const around = neighbours(parts, chapter.slug);
      chapter.partTitle = parts.find((p) => p.code === chapter.part)?.title ?? null;
      return {
        html: renderPage(
          <ChapterView
            ctx={pageContext(request, reply)}
            chapter={chapter}
            themes={await themes(db)}
            previous={around.previous}
            next={around.next}
          />,
        ),
      };
    }),
  );

  // The handout of one admitted route, for its hogeschool's people (and the team).
  app.get<{ Params: { id: string } }>('/mijn/handreiking/:id', { config: { access: 'signedIn' } }, async (request, reply) => {
    const handout = await routeHandout(db, requireUser(request), request.params.id);
    return sendPage(reply, <HandoutView ctx={pageContext(request, reply)} handout={handout} themes={await themes(db)} />);
  });

  await app.register(knowledgeTeamRoutes);
}
