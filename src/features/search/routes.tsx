import type { FastifyInstance } from 'fastify';
import { pageNumber, pickFilters } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { sendPage } from '../../ui/render.ts';
import { AUDIENCES, referenceOptions } from '../reference/index.ts';
import { KINDS, searchSite } from './service.ts';
import { SearchPage } from './views/search.tsx';

export default async function searchRoutes(app: FastifyInstance) {
  const { db } = app;

  // Not in the render cache: every query string would be an entry, and the cache is for pages many
  // people ask for. The search itself is a few indexed queries (bench/RESULTS.md).
  app.get('/zoeken', { config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const themes = (await referenceOptions(db)).themes;
    const { values, ignored } = pickFilters(query, {
      thema: themes.map((t) => t.value),
      doelgroep: Object.keys(AUDIENCES),
      soort: KINDS.map((k) => k.value),
    });
    const q = typeof query.q === 'string' ? query.q : '';
    const page = pageNumber(query.pagina, 500);
    const result = q.trim() ? await searchSite(db, q, { theme: values.thema, audience: values.doelgroep, kind: values.soort }, page) : null;
    return sendPage(
      reply,
      <SearchPage
        ctx={pageContext(request, reply)}
        q={q.slice(0, 500)}
        filters={values}
        ignored={ignored}
        themes={themes}
        result={result}
        page={page}
      />,
    );
  });
}
