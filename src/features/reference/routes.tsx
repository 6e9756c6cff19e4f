import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ForbiddenError } from '../../platform/errors.tsx';
import { parseForm, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { sendPage } from '../../ui/render.ts';
import { addMailDomain, mailDomainsOverview, removeMailDomain } from './domains.ts';
import { MailDomainsPage } from './views/mail-domains.tsx';

const domainForm = z.object({
  domain: z.string({ error: 'Vul een domein in' }).trim().min(1, 'Vul een domein in').max(253, 'Een domein is hooguit 253 tekens lang'),
  institution: z.string({ error: 'Kies een hogeschool' }).trim().min(1, 'Kies een hogeschool'),
});

const NOTICES: Record<string, (d: string) => string> = {
  gekoppeld: (d) => `${d} is gekoppeld.`,
  verwijderd: (d) => `${d} is verwijderd.`,
};

export default async function referenceRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get('/beheer/maildomeinen', { config: { access: 'admin' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const notice = NOTICES[String(query.klaar)]?.(String(query.domein ?? '')) ?? null;
    const values = !notice && typeof query.domein === 'string' ? { domain: query.domein.slice(0, 253) } : undefined;
    const overview = await mailDomainsOverview(db);
    return sendPage(reply, <MailDomainsPage ctx={pageContext(request, reply)} overview={overview} values={values} notice={notice} />);
  });

  app.post('/beheer/maildomeinen', { config: { access: 'admin' } }, async (request, reply) => {
    if (!request.user) throw new ForbiddenError();
    const showErrors = async (errors: FieldErrors) => {
      const overview = await mailDomainsOverview(db);
      const page = (
        <MailDomainsPage ctx={pageContext(request, reply)} overview={overview} values={submittedValues(request.body)} errors={errors} />
      );
      return sendPage(reply, page, 422);
    };
    const form = parseForm(domainForm, request.body);
    if (!form.ok) return showErrors(form.errors);
    const outcome = await addMailDomain(db, {
      domain: form.data.domain,
      institutionBrin: form.data.institution,
      actorUserId: request.user.id,
    });
    if (!outcome.ok) return showErrors([{ field: outcome.field, message: outcome.message }]);
    return reply.redirect(`/beheer/maildomeinen?klaar=gekoppeld&domein=${encodeURIComponent(outcome.domain)}`, 303);
  });

  app.post('/beheer/maildomeinen/verwijderen', { config: { access: 'admin' } }, async (request, reply) => {
    if (!request.user) throw new ForbiddenError();
    const domain = String(submittedValues(request.body).domain ?? '').slice(0, 253);
    await removeMailDomain(db, domain, request.user.id);
    // Removing what is already gone is no error: the page shows the list as it now is.
    return reply.redirect(`/beheer/maildomeinen?klaar=verwijderd&domein=${encodeURIComponent(domain)}`, 303);
  });
}
