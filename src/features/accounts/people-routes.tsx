import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser as me, pageNumber, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { sendPage } from '../../ui/render.ts';
import { referenceOptions } from '../reference/index.ts';
import { changeRole, invite, people, saveExpertise, setDisabled } from './people.ts';
import { ROLE_LABELS, type Role } from './rules.ts';
import { PeoplePage } from './views/people.tsx';

const ADMIN = { config: { access: 'admin' as const } };
type IdParams = { Params: { id: string } };

const NOTICES: Record<string, string> = {
  uitgenodigd: 'De uitnodiging is verstuurd.',
  rol: 'De rol is gewijzigd.',
  uit: 'Het account staat uit; de sessies zijn beëindigd.',
  aan: 'Het account staat weer aan.',
};

/** `/beheer/gebruikers`: administrators find people, invite team members and administrators, change roles, turn accounts off and on. */
export function peopleRoutes(app: FastifyInstance) {
  const { db, config } = app;

  async function show(request: FastifyRequest, invited: Record<string, string>, errors?: { field: string; message: string }[]) {
    const q = request.query as Record<string, unknown>;
    const query = {
      q: typeof q.q === 'string' ? q.q.trim().slice(0, 200) : '',
      rol: typeof q.rol === 'string' && q.rol in ROLE_LABELS ? q.rol : '',
    };
    const page = pageNumber(q.pagina);
    const list = await people(db, { q: query.q || undefined, role: (query.rol || undefined) as Role | undefined }, page);
    return { query, page: Math.min(page, list.pages), ...list, invited, errors };
  }

  app.get('/beheer/gebruikers', ADMIN, async (request, reply) => {
    const data = await show(request, {});
    const notice = NOTICES[String((request.query as Record<string, unknown>).melding)] ?? null;
    return sendPage(reply, <PeoplePage ctx={pageContext(request, reply)} {...data} invite={data.invited} notice={notice} />);
  });

  app.post('/beheer/gebruikers', ADMIN, async (request, reply) => {
    const body = submittedValues(request.body);
    const result = await invite(db, config, me(request), { email: body.email ?? '', name: body.name ?? '', role: body.role ?? '' });
    if (!result.ok) {
      const data = await show(request, body, result.errors);
      return sendPage(reply, <PeoplePage ctx={pageContext(request, reply)} {...data} invite={body} />, 422);
    }
    return reply.redirect('/beheer/gebruikers?melding=uitgenodigd', 303);
  });

  app.post('/mijn/expertise', { config: { access: 'signedIn' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const themes = [body.themes ?? []].flat().filter((v): v is string => typeof v === 'string');
    const known = (await referenceOptions(db)).themes.map((t) => t.value);
    await saveExpertise(db, me(request), themes, known);
    return reply.redirect('/mijn?expertise=opgeslagen#expertise-titel', 303);
  });

  app.post<IdParams>('/beheer/gebruikers/:id/rol', ADMIN, async (request, reply) => {
    await changeRole(db, me(request), request.params.id.slice(0, 36), submittedValues(request.body).role ?? '');
    return reply.redirect('/beheer/gebruikers?melding=rol', 303);
  });

  app.post<IdParams>('/beheer/gebruikers/:id/uitzetten', ADMIN, async (request, reply) => {
    await setDisabled(db, me(request), request.params.id.slice(0, 36), true);
    return reply.redirect('/beheer/gebruikers?melding=uit', 303);
  });

  app.post<IdParams>('/beheer/gebruikers/:id/aanzetten', ADMIN, async (request, reply) => {
    await setDisabled(db, me(request), request.params.id.slice(0, 36), false);
    return reply.redirect('/beheer/gebruikers?melding=aan', 303);
  });
}
