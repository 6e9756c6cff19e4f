import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ForbiddenError } from '../../platform/errors.tsx';
import { parseForm, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { sendPage } from '../../ui/render.ts';
import { addMailDomain, mailDomainsOverview, removeMailDomain } from './domains.ts';
import { criteria, referenceOptions } from './service.ts';
import { MailDomainsPage } from './views/mail-domains.tsx';
import { WordingPage } from './views/wording.tsx';
import { renameSector, renameTheme, rewordCriterion } from './wording.ts';

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

  const ADMIN = { config: { access: 'admin' as const } };
  const wordingPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string | null; errors?: FieldErrors; values?: Record<string, string> } = {},
  ) =>
    sendPage(
      reply,
      <WordingPage
        ctx={pageContext(request, reply)}
        criteria={await criteria(db)}
        themes={(await referenceOptions(db)).themes}
        sectors={(await referenceOptions(db)).sectors.map((o) => ({ value: o.value, label: o.label.replace(/^[A-Z] – /, '') }))}
        {...extra}
      />,
      extra.errors ? 422 : 200,
    );

  app.get('/beheer/teksten', ADMIN, async (request, reply) => {
    const done = String((request.query as Record<string, unknown>).klaar ?? '');
    return wordingPage(request, reply, { notice: /^[A-Za-z0-9]{1,32}$/.test(done) ? `${done} is opgeslagen.` : null });
  });

  app.post<{ Params: { code: string } }>('/beheer/teksten/criteria/:code', ADMIN, async (request, reply) => {
    if (!request.user) throw new ForbiddenError();
    const { code } = request.params;
    const values = submittedValues(request.body);
    const form = z
      .object({
        [`title_${code}`]: z
          .string({ error: `Vul de naam van ${code} in` })
          .trim()
          .min(1, `Vul de naam van ${code} in`)
          .max(200, 'Een naam is hooguit 200 tekens lang'),
        [`description_${code}`]: z
          .string({ error: `Vul de omschrijving van ${code} in` })
          .trim()
          .min(1, `Vul de omschrijving van ${code} in`)
          .max(1_000, 'Een omschrijving is hooguit 1.000 tekens lang'),
      })
      .safeParse(values);
    if (!form.success) {
      const errors = form.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
      return wordingPage(request, reply, { errors, values });
    }
    const data = form.data as Record<string, string>;
    await rewordCriterion(db, { config: app.config, actorUserId: request.user.id }, code.slice(0, 8), {
      title: data[`title_${code}`] as string,
      description: data[`description_${code}`] as string,
    });
    return reply.redirect(`/beheer/teksten?klaar=${encodeURIComponent(code)}`, 303);
  });

  app.post<{ Params: { code: string } }>('/beheer/teksten/themas/:code', ADMIN, async (request, reply) => {
    if (!request.user) throw new ForbiddenError();
    const { code } = request.params;
    const values = submittedValues(request.body);
    const name = (values[`name_${code}`] ?? '').trim();
    if (!name || name.length > 200) {
      const message = name ? 'Een naam is hooguit 200 tekens lang' : 'Vul de naam van het thema in';
      return wordingPage(request, reply, { errors: [{ field: `name_${code}`, message }], values });
    }
    await renameTheme(db, { config: app.config, actorUserId: request.user.id }, code.slice(0, 32), name);
    return reply.redirect(`/beheer/teksten?klaar=${encodeURIComponent(code)}`, 303);
  });

  app.post<{ Params: { code: string } }>('/beheer/teksten/sectoren/:code', ADMIN, async (request, reply) => {
    if (!request.user) throw new ForbiddenError();
    const { code } = request.params;
    const values = submittedValues(request.body);
    const name = (values[`sector_${code}`] ?? '').trim();
    if (!name || name.length > 200) {
      const message = name ? 'Een naam is hooguit 200 tekens lang' : 'Vul de naam van de sector in';
      return wordingPage(request, reply, { errors: [{ field: `sector_${code}`, message }], values });
    }
    await renameSector(db, { config: app.config, actorUserId: request.user.id }, code.slice(0, 2), name);
    return reply.redirect(`/beheer/teksten?klaar=${encodeURIComponent(code)}`, 303);
  });
}
