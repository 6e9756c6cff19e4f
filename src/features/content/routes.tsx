import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { parseForm, submittedValues } from '../../platform/forms.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { pageContext } from '../../platform/page-context.ts';
import { retentionSummary } from '../../platform/privacy/retention.ts';
import { cachedPage } from '../../platform/public-cache.ts';
import { renderPage, sendPage } from '../../ui/render.ts';
import { criteria } from '../reference/index.ts';
import { pageSchema } from './schemas.ts';
import { getPage, PAGE_PATHS, savePage } from './service.ts';
import { EditPageView } from './views/backoffice.tsx';
import { ContentPageView, CriteriaView, HomeView, RetentionTable } from './views/public.tsx';

export default async function contentRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get('/', { config: { access: 'public' } }, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const now = new Date();
      const stale = (await Promise.all(app.homeSections.map((s) => s.staleAt?.(db, now) ?? null))).filter((t): t is number => t !== null);
      return {
        html: renderPage(
          <HomeView
            ctx={pageContext(request, reply)}
            page={await getPage(db, 'home')}
            sections={await Promise.all(app.homeSections.map((s) => s.render(db)))}
          />,
        ),
        expiresAt: stale.length ? Math.min(...stale) : null,
      };
    }),
  );

  app.get('/criteria', { config: { access: 'public' } }, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const page = await getPage(db, 'criteria');
      return { html: renderPage(<CriteriaView ctx={pageContext(request, reply)} page={page} criteria={await criteria(db)} />) };
    }),
  );

  for (const [slug, path] of Object.entries(PAGE_PATHS)) {
    if (slug === 'home' || slug === 'criteria') continue;
    app.get(path, { config: { access: 'public' } }, async (request, reply) =>
      cachedPage(db, request, reply, async () => ({
        html: renderPage(
          <ContentPageView
            ctx={pageContext(request, reply)}
            page={await getPage(db, slug)}
            appendix={slug === 'privacy' ? <RetentionTable rows={await retentionSummary(db, app.personalData)} /> : null}
          />,
        ),
      })),
    );
  }

  app.get<{ Params: { slug: string } }>('/beheer/paginas/:slug', { config: { access: 'team' } }, async (request, reply) => {
    const page = await getPage(db, request.params.slug);
    const values = { title: page.title, summary: page.summary, body: page.body };
    return sendPage(reply, <EditPageView ctx={pageContext(request, reply)} slug={page.slug} values={values} />);
  });

  app.post<{ Params: { slug: string } }>('/beheer/paginas/:slug', { config: { access: 'team' } }, async (request, reply) => {
    const { slug } = request.params;
    if (!(slug in PAGE_PATHS)) throw new NotFoundError(`page ${slug}`);
    const form = parseForm(pageSchema, request.body);
    const raw = submittedValues(request.body);
    const values = { title: raw.title ?? '', summary: raw.summary ?? '', body: raw.body ?? '' };
    if (!form.ok) {
      return sendPage(reply, <EditPageView ctx={pageContext(request, reply)} slug={slug} values={values} errors={form.errors} />, 422);
    }
    if (form.data.actie === 'voorbeeld') {
      const preview = { slug, ...form.data, bodyHtml: renderMarkdown(form.data.body), updatedAt: new Date().toISOString() };
      return sendPage(reply, <EditPageView ctx={pageContext(request, reply)} slug={slug} values={values} preview={preview} />);
    }
    await savePage(db, slug, form.data, request.user?.id ?? '');
    return reply.redirect(`/beheer?opgeslagen=${encodeURIComponent(slug)}`, 303);
  });
}
