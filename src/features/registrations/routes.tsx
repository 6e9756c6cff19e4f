import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { parseForm, readForm, submittedValues, requireUser as user } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { sendPage } from '../../ui/render.ts';
import { criteriaAt } from '../reference/index.ts';
import { getUpload, saveStep, startRegistration, storeUpload } from './editing.ts';
import { decisionOf, receiptPdf, timeline } from './history.ts';
import { MESSAGES } from './messages.ts';
import { readout } from './readout.ts';
import { addRow, type RowsField, removeRow, rowCount } from './rows.ts';
import { canEditRegistration, canEditStep, canStartRegistration, canWithdraw, resumeStep, warnings } from './rules.ts';
import { rawValues, storableValues, submitSchema, validateStep, withdrawSchema } from './schemas.ts';
import { choices, getEditableRegistration, getRegistration, registrationsOfUser } from './service.ts';
import { FILE_MAX_BYTES, STEPS, SUMMARY_SLUG, stepBySlug, stepDefaults } from './steps.ts';
import { submitRegistration, withdrawRegistration } from './submission.ts';
import { DetailPage } from './views/detail.tsx';
import { StartPage, StepPage, SummaryPage } from './views/form.tsx';

type IdParams = { Params: { id: string } };
type StepParams = { Params: { id: string; step: string } };

/** A PDF is recognised by its content, not its name. */
const isPdf = (content: Buffer) => content.subarray(0, 5).toString('latin1') === '%PDF-';

export default async function registrationRoutes(app: FastifyInstance) {
  const { db, config } = app;

  app.get('/aanmelden', { config: { access: 'signedIn' } }, async (request, reply) => {
    const me = user(request);
    const drafts = (await registrationsOfUser(db, me)).filter((r) => r.state === 'draft');
    return sendPage(reply, <StartPage ctx={pageContext(request, reply)} drafts={drafts} canStart={canStartRegistration(me)} />);
  });

  app.post('/aanmelden', { config: { access: 'signedIn' } }, async (request, reply) => {
    const id = await startRegistration(db, user(request));
    return reply.redirect(`/aanmelden/${id}/${STEPS[0]?.slug}`, 303);
  });

  async function showSummary(request: FastifyRequest, reply: FastifyReply, id: string, errors?: { field: string; message: string }[]) {
    const reg = await getEditableRegistration(db, user(request), id);
    const page = (
      <SummaryPage
        ctx={pageContext(request, reply)}
        reg={reg}
        sections={readout(reg.answers, await choices(db))}
        warnings={warnings(reg.answers)}
        errors={errors}
      />
    );
    return sendPage(reply, page, errors ? 422 : 200);
  }

  app.get<StepParams>('/aanmelden/:id/:step', { config: { access: 'signedIn' } }, async (request, reply) => {
    const { id, step: slug } = request.params;
    if (slug === SUMMARY_SLUG) return showSummary(request, reply, id);
    const step = stepBySlug(slug);
    if (!step) throw new NotFoundError('step');
    const reg = await getEditableRegistration(db, user(request), id, slug);
    const notice = (request.query as Record<string, unknown>)['let-op'] === 'collega' ? MESSAGES.colleague : undefined;
    const values = reg.answers[slug]?.values ?? stepDefaults(slug, reg.institutionBrin);
    return sendPage(
      reply,
      <StepPage ctx={pageContext(request, reply)} reg={reg} step={step} values={values} choices={await choices(db)} notice={notice} />,
    );
  });

  app.post<StepParams>('/aanmelden/:id/:step', { config: { access: 'signedIn' } }, async (request, reply) => {
    const { id, step: slug } = request.params;
    const step = stepBySlug(slug);
    if (!step) throw new NotFoundError('step');
    const me = user(request);
    const before = await getEditableRegistration(db, me, id, slug);
    const { fields, file } = await readForm(request);
    const options = await choices(db);
    const action = String(fields.actie ?? 'volgende');
    let values = rawValues(step, fields);
    // "Nog een … toevoegen" and "Verwijderen" in a table: saved, and the form comes back changed.
    const rowAction = /^rij-(erbij|weg):([a-z_]+)(?::(\d{1,3}))?$/.exec(action);
    const rowsField = step.fields.find((f): f is RowsField => f.kind === 'rows' && f.name === rowAction?.[2]);
    if (rowAction && rowsField) {
      values = rowAction[1] === 'erbij' ? addRow(rowsField, values) : removeRow(rowsField, values, Number(rowAction[3]));
    }
    const result = validateStep(step, values, options);
    // What did not pass is saved all the same, except a text past its limit: refused, never cut.
    const storable = result.ok ? { values: result.values, refused: [] } : storableValues(step, values, before.answers[slug]?.values ?? {});
    const errors = [...storable.refused];
    for (const e of result.ok ? [] : result.errors) if (!errors.some((x) => x.field === e.field)) errors.push(e);

    const fileField = step.fields.find((f) => f.kind === 'file');
    let uploaded = false;
    if (fileField && file) {
      if (file.truncated) errors.push({ field: fileField.name, message: MESSAGES.fileTooLarge(FILE_MAX_BYTES / 1024 / 1024) });
      else if (!isPdf(file.content)) errors.push({ field: fileField.name, message: MESSAGES.notPdf });
      else {
        await storeUpload(db, me, id, slug, fileField.name, {
          filename: file.filename,
          contentType: 'application/pdf',
          content: file.content,
        });
        uploaded = true;
      }
    }

    // Saved in every case, complete or not: nothing the user typed is lost. The upload just
    // stored raised the revision once; that is this user's own save, not a colleague's.
    const seen = Number.parseInt(String(fields.revisie ?? ''), 10);
    const revision = Number.isNaN(seen) ? Number.NaN : seen + (uploaded ? 1 : 0);
    const saved = await saveStep(db, me, id, slug, storable.values, errors.length === 0, Number.isNaN(revision) ? null : revision);
    const colleague = saved.savedOverOther ? '?let-op=collega' : '';

    const reg = await getEditableRegistration(db, me, id, slug);
    const showAgain = (list: FieldErrors, status: number) => {
      list.sort(
        (a, b) => step.fields.findIndex((f) => a.field.startsWith(f.name)) - step.fields.findIndex((f) => b.field.startsWith(f.name)),
      );
      const shown = {
        ...values,
        ...Object.fromEntries(Object.entries(reg.answers[slug]?.values ?? {}).filter(([k]) => k.endsWith('_filename'))),
      };
      return sendPage(
        reply,
        <StepPage ctx={pageContext(request, reply)} reg={reg} step={step} values={shown} choices={options} errors={list} />,
        status,
      );
    };
    // A refused text is never left behind unseen, whatever button was pressed.
    if (storable.refused.length > 0) return showAgain(errors, 422);
    if (rowAction && rowsField) {
      const row = rowAction[1] === 'erbij' ? rowCount(rowsField, values) : 1;
      return reply.redirect(`/aanmelden/${id}/${slug}${colleague}#veld-${rowsField.name}_${row}_${rowsField.columns[0]?.name}`, 303);
    }
    if (action === 'later') return reply.redirect(`/aanmeldingen/${id}?melding=opgeslagen`, 303);
    // Moving on skips steps that are closed (during an information request only some are open).
    const open = STEPS.filter((s) => canEditStep(reg, s.slug));
    const here = open.findIndex((s) => s.slug === slug);
    if (action === 'vorige') {
      const previous = open[here - 1]?.slug ?? slug;
      return reply.redirect(`/aanmelden/${id}/${previous}${colleague}`, 303);
    }
    if (errors.length > 0) return showAgain(errors, 422);
    const next = open[here + 1]?.slug ?? SUMMARY_SLUG;
    return reply.redirect(`/aanmelden/${id}/${next}${colleague}`, 303);
  });

  app.post<IdParams>('/aanmelden/:id/indienen', { config: { access: 'signedIn' } }, async (request, reply) => {
    const form = parseForm(submitSchema, request.body);
    if (!form.ok) return showSummary(request, reply, request.params.id, form.errors);
    const result = await submitRegistration(db, config, user(request), request.params.id);
    return reply.redirect(`/aanmeldingen/${request.params.id}?melding=${result.alreadySubmitted ? 'al-ingediend' : 'ingediend'}`, 303);
  });

  async function showDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form?: { values: Record<string, string>; errors: { field: string; message: string }[] },
  ) {
    const me = user(request);
    const reg = await getRegistration(db, me, id);
    const notice = MESSAGES.notices[String((request.query as Record<string, unknown>).melding)];
    const page = (
      <DetailPage
        ctx={pageContext(request, reply)}
        reg={reg}
        sections={readout(reg.answers, await choices(db), await criteriaAt(db, reg.submittedAt ?? new Date().toISOString()))}
        timeline={await timeline(db, id)}
        decision={await decisionOf(db, id)}
        canEdit={canEditRegistration(me, reg)}
        canWithdraw={canWithdraw(me, reg)}
        resume={reg.state === 'draft' ? resumeStep(reg.answers) : (reg.reopenedSteps?.[0] ?? null)}
        notice={form ? undefined : notice}
        submitted={!form && (request.query as Record<string, unknown>).melding === 'ingediend'}
        values={form?.values}
        errors={form?.errors}
      />
    );
    return sendPage(reply, page, form ? 422 : 200);
  }

  app.get<IdParams>('/aanmeldingen/:id', { config: { access: 'signedIn' } }, async (request, reply) =>
    showDetail(request, reply, request.params.id),
  );

  app.post<IdParams>('/aanmeldingen/:id/intrekken', { config: { access: 'signedIn' } }, async (request, reply) => {
    const form = parseForm(withdrawSchema, request.body);
    if (!form.ok) return showDetail(request, reply, request.params.id, { values: submittedValues(request.body), errors: form.errors });
    await withdrawRegistration(db, config, user(request), request.params.id, form.data.reason);
    return reply.redirect(`/aanmeldingen/${request.params.id}?melding=ingetrokken`, 303);
  });

  app.get<{ Params: { id: string; version: string } }>(
    '/aanmeldingen/:id/ontvangstbewijs/:version',
    { config: { access: 'signedIn' } },
    async (request, reply) => {
      const { filename, pdf } = await receiptPdf(db, user(request), request.params.id, Number(request.params.version));
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
    },
  );

  app.get<{ Params: { id: string; file: string } }>(
    '/aanmeldingen/:id/bestanden/:file',
    { config: { access: 'signedIn' } },
    async (request, reply) => {
      const file = await getUpload(db, user(request), request.params.id, request.params.file);
      const safeName = file.filename.replace(/[^\w.-]+/g, '_');
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${safeName}"`).send(file.content);
    },
  );
}
