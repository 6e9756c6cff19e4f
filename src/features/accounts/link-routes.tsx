import type { FastifyInstance } from 'fastify';
import { ForbiddenError, NotFoundError } from '../../platform/errors.tsx';
import { parseForm, requireUser, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { sendPage } from '../../ui/render.ts';
import { institutions } from '../reference/index.ts';
import { askForLink, canAskForLink, decideLink, linkStatusOf, openLinkRequest, openLinkRequests } from './links.ts';
import { linkDecisionSchema, linkRequestSchema } from './schemas.ts';
import { LinkDecisionPage, LinkRequestPage, LinkRequestsPage } from './views/links.tsx';

/** Asking to be linked to a hogeschool (/mijn/koppeling) and the team deciding (/beheer/koppelverzoeken). */
export function linkRoutes(app: FastifyInstance) {
  const { db, config } = app;

  app.get('/mijn/koppeling', { config: { access: 'signedIn' } }, async (request, reply) => {
    const user = requireUser(request);
    if (!canAskForLink(user)) throw new NotFoundError('no link to ask for');
    const page = (
      <LinkRequestPage ctx={pageContext(request, reply)} status={await linkStatusOf(db, user.id)} institutions={await institutions(db)} />
    );
    return sendPage(reply, page);
  });

  app.post('/mijn/koppeling', { config: { access: 'signedIn' } }, async (request, reply) => {
    const user = requireUser(request);
    if (!canAskForLink(user)) throw new NotFoundError('no link to ask for');
    const showErrors = async (errors: FieldErrors) => {
      const page = (
        <LinkRequestPage
          ctx={pageContext(request, reply)}
          status={await linkStatusOf(db, user.id)}
          institutions={await institutions(db)}
          values={submittedValues(request.body)}
          errors={errors}
        />
      );
      return sendPage(reply, page, 422);
    };
    const form = parseForm(linkRequestSchema, request.body);
    if (!form.ok) return showErrors(form.errors);
    const { institution, reason } = form.data;
    const outcome = await db.transaction().execute((trx) => askForLink(trx, { userId: user.id, institutionBrin: institution, reason }));
    if (!outcome.ok) return showErrors([{ field: outcome.field, message: outcome.message }]);
    return reply.redirect('/mijn', 303);
  });

  app.get('/beheer/koppelverzoeken', { config: { access: 'team' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const notice =
      query.klaar === 'goedgekeurd' ? 'Het verzoek is goedgekeurd.' : query.klaar === 'afgewezen' ? 'Het verzoek is afgewezen.' : null;
    return sendPage(reply, <LinkRequestsPage ctx={pageContext(request, reply)} requests={await openLinkRequests(db)} notice={notice} />);
  });

  const openRequest = async (id: string) => {
    const found = await openLinkRequest(db, id);
    if (!found) throw new NotFoundError(`link request ${id}`);
    return found;
  };

  app.get<{ Params: { id: string } }>('/beheer/koppelverzoeken/:id', { config: { access: 'team' } }, async (request, reply) =>
    sendPage(reply, <LinkDecisionPage ctx={pageContext(request, reply)} request={await openRequest(request.params.id)} />),
  );

  app.post<{ Params: { id: string } }>('/beheer/koppelverzoeken/:id', { config: { access: 'team' } }, async (request, reply) => {
    const user = requireUser(request);
    if (user.role === 'applicant') throw new ForbiddenError();
    const open = await openRequest(request.params.id);
    const form = parseForm(linkDecisionSchema, request.body);
    if (!form.ok) {
      const page = (
        <LinkDecisionPage ctx={pageContext(request, reply)} request={open} values={submittedValues(request.body)} errors={form.errors} />
      );
      return sendPage(reply, page, 422);
    }
    const approve = form.data.besluit === 'goedkeuren';
    await decideLink(db, { id: open.id, approve, note: form.data.note || null, actorUserId: user.id, baseUrl: config.baseUrl });
    return reply.redirect(`/beheer/koppelverzoeken?klaar=${approve ? 'goedgekeurd' : 'afgewezen'}`, 303);
  });
}
