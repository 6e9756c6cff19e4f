import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csvDocument } from '../../platform/csv.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { requireUser as me, readForm } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { sendPage } from '../../ui/render.ts';
import { teamMembers } from '../accounts/index.ts';
import { referenceOptions } from '../reference/index.ts';
import { closeRequests } from './closing.ts';
import { receiveMail } from './inbound.ts';
import { advisorSuggestions, draftsFor, requestView, routesThatMayAsk, supportQueue } from './queries.ts';
import { findFile, findHeld, heldMail, markHeldHandled } from './repo.ts';
import { OUTCOMES, STATES } from './rules.ts';
import { addNote, assignAdvisor, createRequest, notParticipating, postMessage } from './service.ts';
import { AskPage } from './views/ask.tsx';
import { HeldPage, SupportQueuePage, TeamRequestPage } from './views/team.tsx';
import { RequestPage } from './views/thread.tsx';

const SIGNED_IN = { config: { access: 'signedIn' as const } };

/** Compares the mail server's secret in constant time (no timing hint about how much of it matched). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
const TEAM = { config: { access: 'team' as const } };
type IdParams = { Params: { id: string } };

const NOTICES: Record<string, string> = {
  gesteld: 'Uw vraag is verstuurd. U krijgt een bevestiging per mail.',
  verstuurd: 'Het bericht is verstuurd.',
  heropend: 'Het bericht is verstuurd en de vraag is weer open.',
  notitie: 'De notitie is opgeslagen (alleen voor het team).',
  adviseur: 'De adviseur is toegewezen en gemaild.',
  afgesloten: 'De vraag is afgesloten; de route is gemaild.',
  afgehandeld: 'De e-mail is afgehandeld.',
};
const melding = (request: FastifyRequest) => NOTICES[String((request.query as Record<string, unknown>).melding)] ?? null;
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

export default async function supportRoutes(app: FastifyInstance) {
  const { db, config } = app;

  // ------------------------------------------------------------ the route asks

  async function askPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: { field: string; message: string }[],
  ) {
    const routes = await routesThatMayAsk(db, me(request));
    if (routes.length === 0) throw notParticipating();
    return sendPage(
      reply,
      <AskPage
        ctx={pageContext(request, reply)}
        routes={routes.map((r) => ({ value: r.id, label: r.title ?? r.reference ?? r.id }))}
        themes={(await referenceOptions(db)).themes}
        values={values}
        errors={errors}
      />,
      errors ? 422 : 200,
    );
  }

  app.get('/mijn/ondersteuning/nieuw', SIGNED_IN, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const draft = (await draftsFor(db, me(request))).find((d) => d.key === str(q.concept));
    const routes = await routesThatMayAsk(db, me(request));
    const values: Record<string, string> = draft
      ? {
          route: draft.registrationId,
          theme: draft.theme,
          subject: draft.subject,
          question: draft.question,
          condition: draft.condition ?? '',
        }
      : { route: routes.length === 1 ? (routes[0]?.id ?? '') : str(q.route) };
    return askPage(request, reply, values);
  });

  app.post('/mijn/ondersteuning/nieuw', SIGNED_IN, async (request, reply) => {
    const { fields, file } = await readForm(request);
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, str(v)]));
    const result = await createRequest(
      db,
      config,
      me(request),
      {
        registrationId: values.route ?? '',
        theme: values.theme ?? '',
        subject: values.subject ?? '',
        question: values.question ?? '',
        condition: values.condition || null,
      },
      file,
    );
    if (!result.ok) return askPage(request, reply, values, result.errors);
    return reply.redirect(`/ondersteuning/${result.id}?melding=gesteld`, 303);
  });

  app.get<IdParams>('/ondersteuning/:id', SIGNED_IN, async (request, reply) => {
    const view = await requestView(db, me(request), request.params.id, false);
    return sendPage(reply, <RequestPage ctx={pageContext(request, reply)} view={view} notice={melding(request)} />);
  });

  app.post<IdParams>('/ondersteuning/:id', SIGNED_IN, async (request, reply) => {
    const user = me(request);
    const view = await requestView(db, user, request.params.id, false);
    const { fields, file } = await readForm(request);
    const team = user.role === 'team' || user.role === 'admin';
    const result = await postMessage(
      db,
      config,
      { userId: user.id, name: user.name ?? user.email, email: user.email, team },
      view.request.id,
      str(fields.message),
      file,
    );
    if (!result.ok)
      return sendPage(
        reply,
        <RequestPage ctx={pageContext(request, reply)} view={view} values={{ message: str(fields.message) }} errors={result.errors} />,
        422,
      );
    return reply.redirect(`/ondersteuning/${view.request.id}?melding=${result.reopened ? 'heropend' : 'verstuurd'}`, 303);
  });

  app.get<{ Params: { id: string; file: string } }>('/ondersteuning/:id/bijlagen/:file', SIGNED_IN, async (request, reply) => {
    const view = await requestView(db, me(request), request.params.id, false);
    const file = await findFile(db, view.request.id, request.params.file.slice(0, 36));
    if (!file) throw new NotFoundError('file');
    return reply
      .type(file.content_type)
      .header('content-disposition', `attachment; filename="${file.filename.replace(/"/g, '')}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  // ------------------------------------------------------------ the team

  async function queueData(request: FastifyRequest) {
    const q = request.query as Record<string, unknown>;
    const options = await referenceOptions(db);
    const team = (await teamMembers(db)).map((m) => ({ value: m.id, label: m.name }));
    const query = {
      thema: options.themes.some((t) => t.value === str(q.thema)) ? str(q.thema) : '',
      stand: str(q.stand) in STATES ? str(q.stand) : '',
      adviseur: str(q.adviseur) === 'geen' || team.some((t) => t.value === str(q.adviseur)) ? str(q.adviseur) : '',
      ouder: ['2', '7', '30'].includes(str(q.ouder)) ? str(q.ouder) : '',
    };
    const rows = await supportQueue(db, {
      theme: query.thema || undefined,
      state: query.stand || undefined,
      advisor: query.adviseur || undefined,
      createdBefore: query.ouder ? new Date(Date.now() - Number(query.ouder) * 86_400_000).toISOString() : undefined,
    });
    return { rows, query, themes: options.themes, team, held: (await heldMail(db)).length };
  }

  app.get('/beheer/ondersteuning', TEAM, async (request, reply) =>
    sendPage(reply, <SupportQueuePage ctx={pageContext(request, reply)} {...(await queueData(request))} notice={melding(request)} />),
  );

  // The queue as CSV, with the filters of the page it is linked from.
  app.get('/beheer/ondersteuning.csv', TEAM, async (request, reply) => {
    const { rows, themes } = await queueData(request);
    const theme = new Map(themes.map((t) => [t.value, t.label]));
    const due = (c: { due: string; met: boolean; late: boolean }) => `${c.due}${c.met ? ' (op tijd)' : c.late ? ' (te laat)' : ''}`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ondersteuning-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(
        csvDocument([
          [
            'kenmerk',
            'onderwerp',
            'route',
            'thema',
            'stand',
            'adviseur',
            'dagen oud',
            'eerste reactie uiterlijk',
            'afgerond uiterlijk',
            'uitkomst',
          ],
          ...rows.map((r) => [
            r.reference,
            r.subject,
            r.route,
            theme.get(r.theme) ?? r.theme,
            STATES[r.state],
            r.advisor,
            r.ageDays,
            due(r.first),
            due(r.solution),
            r.outcome ? OUTCOMES[r.outcome as keyof typeof OUTCOMES] : null,
          ]),
        ]),
      );
  });

  app.post('/beheer/ondersteuning/afsluiten', TEAM, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ids = [body.ids ?? []].flat().filter((v): v is string => typeof v === 'string');
    const result = await closeRequests(db, config, me(request), ids, str(body.outcome), str(body.summary));
    if (!result.ok)
      return sendPage(
        reply,
        <SupportQueuePage
          ctx={pageContext(request, reply)}
          {...(await queueData(request))}
          values={{ ids, outcome: str(body.outcome), summary: str(body.summary) }}
          errors={result.errors}
        />,
        422,
      );
    return reply.redirect('/beheer/ondersteuning?melding=afgesloten', 303);
  });

  app.get('/beheer/ondersteuning/vastgehouden', TEAM, async (request, reply) =>
    sendPage(
      reply,
      <HeldPage
        ctx={pageContext(request, reply)}
        held={(await heldMail(db)).map((h) => ({ ...h, request: h.request_id }))}
        notice={melding(request)}
      />,
    ),
  );

  app.post<IdParams>('/beheer/ondersteuning/vastgehouden/:id', TEAM, async (request, reply) => {
    if (!(await findHeld(db, request.params.id.slice(0, 36)))) throw new NotFoundError('held');
    await markHeldHandled(db, request.params.id.slice(0, 36), new Date().toISOString());
    return reply.redirect('/beheer/ondersteuning/vastgehouden?melding=afgehandeld', 303);
  });

  async function teamPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values?: Record<string, string | string[]>,
    errors?: { field: string; message: string }[],
  ) {
    const id = (request.params as { id: string }).id;
    const view = await requestView(db, me(request), id, true);
    const suggestions = await advisorSuggestions(db, view.request, view.registration.institutionBrin);
    return sendPage(
      reply,
      <TeamRequestPage
        ctx={pageContext(request, reply)}
        view={view}
        suggestions={suggestions}
        values={values}
        errors={errors}
        notice={melding(request)}
      />,
      errors ? 422 : 200,
    );
  }

  app.get<IdParams>('/beheer/ondersteuning/:id', TEAM, async (request, reply) => teamPage(request, reply));

  app.post<IdParams>('/beheer/ondersteuning/:id/bericht', TEAM, async (request, reply) => {
    const user = me(request);
    const { fields, file } = await readForm(request);
    const view = await requestView(db, user, request.params.id, true);
    const result = await postMessage(
      db,
      config,
      { userId: user.id, name: user.name ?? user.email, email: user.email, team: true },
      view.request.id,
      str(fields.message),
      file,
    );
    if (!result.ok) return teamPage(request, reply, { message: str(fields.message) }, result.errors);
    return reply.redirect(`/beheer/ondersteuning/${view.request.id}?melding=verstuurd`, 303);
  });

  app.post<IdParams>('/beheer/ondersteuning/:id/notitie', TEAM, async (request, reply) => {
    const note = str((request.body as Record<string, unknown>)?.note);
    const view = await requestView(db, me(request), request.params.id, true);
    const result = await addNote(db, me(request), view.request.id, note);
    if (!result.ok) return teamPage(request, reply, { note }, result.errors);
    return reply.redirect(`/beheer/ondersteuning/${view.request.id}?melding=notitie#notities-titel`, 303);
  });

  app.post<IdParams>('/beheer/ondersteuning/:id/adviseur', TEAM, async (request, reply) => {
    const view = await requestView(db, me(request), request.params.id, true);
    await assignAdvisor(db, config, me(request), view.request.id, str((request.body as Record<string, unknown>)?.advisor));
    return reply.redirect(`/beheer/ondersteuning/${view.request.id}?melding=adviseur`, 303);
  });

  app.post<IdParams>('/beheer/ondersteuning/:id/afsluiten', TEAM, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const view = await requestView(db, me(request), request.params.id, true);
    const result = await closeRequests(db, config, me(request), [view.request.id], str(body.outcome), str(body.summary));
    if (!result.ok) return teamPage(request, reply, { outcome: str(body.outcome), summary: str(body.summary) }, result.errors);
    return reply.redirect(`/beheer/ondersteuning/${view.request.id}?melding=afgesloten`, 303);
  });

  // ------------------------------------------------------------ mail from the mail server

  // The mail server (Postfix: docs/operations.md) posts each mail for reply+…@REPLY_DOMAIN here, raw.
  app.register(async (inbound) => {
    inbound.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: 30 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    inbound.post('/inkomend/mail', { config: { access: 'public', machine: true } }, async (request, reply) => {
      const secret = config.inboundSecret;
      if (!secret) throw new NotFoundError('inbound');
      if (!sameSecret(request.headers.authorization ?? '', `Bearer ${secret}`))
        return reply.status(401).send({ error: 'onbekende afzender' });
      if (!Buffer.isBuffer(request.body)) return reply.status(415).send({ error: 'stuur de mail als message/rfc822' });
      return reply.status(202).send(await receiveMail(db, config, request.body));
    });
  });
}
