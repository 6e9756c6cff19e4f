import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../../platform/errors.tsx';
import { pageNumber, parseForm, pickFilters, submittedValues } from '../../platform/forms.ts';
import { SignedInPages } from '../../platform/page-cache.ts';
import { pageContext } from '../../platform/page-context.ts';
import { dataVersion, ViewCache } from '../../platform/view-cache.ts';
import type { CurrentUser, PageContext } from '../../ui/context.ts';
import { renderFragment, sendPage } from '../../ui/render.ts';
import { teamMembers } from '../accounts/index.ts';
import { REFERENCE_VERSION, referenceOptions } from '../reference/index.ts';
import { PARTICIPATION, STATES } from '../registrations/index.ts';
import { decide, previewDecision } from './decisions.ts';
import { assessmentPage } from './page.ts';
import { queue, queueCsv } from './queue.ts';
import type { QueueSort } from './repo.ts';
import { CRITERION_STEPS, type Verdicts } from './rules.ts';
import {
  affiliationSchema,
  assessmentSchema,
  assignSchema,
  commentSchema,
  decisionSchema,
  dismissSchema,
  templateSchema,
} from './schemas.ts';
import {
  addAffiliation,
  addComment,
  assign,
  dismissConflict,
  myAffiliations,
  removeAffiliation,
  saveAssessment,
  saveTemplate,
  startReview,
  template,
  templates,
} from './service.ts';
import { Answers } from './views/answers.tsx';
import { AssessmentPage } from './views/assessment.tsx';
import { DecisionPreviewPage } from './views/decision.tsx';
import { QueuePage, type QueueQuery, QueueRows } from './views/queue.tsx';
import { AffiliationsPage, TemplateEditPage, TemplatesPage } from './views/settings.tsx';

type IdParams = { Params: { id: string } };
const TEAM = { config: { access: 'team' as const } };

const NOTICES: Record<string, string> = {
  toegewezen: 'De beoordelaars zijn opgeslagen.',
  gestart: 'De beoordeling is gestart.',
  concept: 'Je beoordeling is als concept opgeslagen.',
  ingediend: 'Je beoordeling is ingediend.',
  opmerking: 'Je opmerking is geplaatst.',
  afgedaan: 'Het mogelijke belang is afgedaan.',
  besluit: 'Het besluit is genomen en de e-mail staat klaar om te worden verstuurd.',
};

function me(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new ForbiddenError();
  return request.user;
}

/** The team members for the queue's filter, kept while `team_version` (raised on every change to people) stands. */
const teamList = new ViewCache<{ value: string; label: string }[]>('team_version');
const queueRows = new ViewCache<string>('team_version');
/** The applicant's answers of a registration, rendered once per version of what the page shows (its biggest part). */
const answersHtml = new ViewCache<Record<string, string>>('assessment_version');

/** Whole pages per browser (platform/page-cache.ts): the queue under the counters of what it lists, the assessment page under those of all it shows. */
const queuePages = new SignedInPages(['team_version', REFERENCE_VERSION]);
const assessmentPages = new SignedInPages(['assessment_version', 'team_version', REFERENCE_VERSION]);

export default async function assessmentRoutes(app: FastifyInstance) {
  const { db, config } = app;

  /** The queue's filters and sort from a query string; unknown values are ignored with a notice, never an error. */
  async function readQueue(request: FastifyRequest, version: string) {
    const q = request.query as Record<string, unknown>;
    const options = await referenceOptions(db);
    const team = await teamList.get(db, 'team', async () => (await teamMembers(db)).map((m) => ({ value: m.id, label: m.name })), version);
    const { values, ignored } = pickFilters(q, {
      state: STATES.filter((s) => s !== 'draft'),
      assignee: ['geen', ...team.map((t) => t.value)],
      institution: options.institutions.map((i) => i.value),
      sector: options.sectors.map((s) => s.value),
      wish: PARTICIPATION.map((p) => p.value),
    });
    const sort = ['waiting', 'reference', 'institution', 'state'].includes(String(q.sort)) ? (String(q.sort) as QueueSort) : 'waiting';
    return { q, options, team, values, ignored, sort };
  }

  // The list as CSV, with the filters and sort of the page it is linked from.
  app.get('/beheer/aanmeldingen.csv', TEAM, async (request, reply) => {
    const { values, sort } = await readQueue(request, await dataVersion(db, 'team_version'));
    const csv = await queueCsv(db, values, sort);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="aanmeldingen-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(csv.body);
  });

  app.get('/beheer/aanmeldingen', TEAM, async (request, reply) =>
    queuePages.send(request, reply, async (ctx) => {
      // One read of the version for both cached parts, before either is computed.
      const version = await dataVersion(db, 'team_version');
      const { q, options, team, values, ignored, sort } = await readQueue(request, version);
      const query: QueueQuery = { ...values, sort };
      const page = pageNumber(q.pagina);
      const result = await queue(db, query, sort, page, new Date(), version);
      // The rows rendered once for this data and these waiting days (a new key when the first changes).
      const rowsHtml = await queueRows.get(
        db,
        JSON.stringify([query, page, result.changesAt]),
        async () => renderFragment(<QueueRows rows={result.rows} />),
        version,
      );
      return {
        page: (
          <QueuePage
            ctx={ctx}
            query={query}
            {...result}
            team={team}
            institutions={options.institutions}
            sectors={options.sectors}
            ignored={ignored}
            rowsHtml={rowsHtml}
          />
        ),
        // A "days waiting" figure changes then.
        until: result.changesAt,
      };
    }),
  );

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: {
      values?: Record<string, string | string[]>;
      decision?: Record<string, string | string[]>;
      errors?: { field: string; message: string }[];
    } = {},
  ) {
    const compute = async (ctx: PageContext) => {
      const data = await assessmentPage(db, me(request), id);
      const answers = await answersHtml.get(db, id, async () =>
        Object.fromEntries(data.sections.map((s) => [s.slug, renderFragment(<Answers section={s} registrationId={data.reg.id} />)])),
      );
      const notice = NOTICES[String((request.query as Record<string, unknown>).melding)];
      return <AssessmentPage ctx={ctx} data={data} answersHtml={answers} notice={extra.errors ? undefined : notice} {...extra} />;
    };
    // A form shown again with what was typed is never kept; the plain page is, under the counters of all it shows.
    if (extra.values || extra.decision || extra.errors)
      return sendPage(reply, await compute(pageContext(request, reply)), extra.errors ? 422 : 200);
    return assessmentPages.send(request, reply, async (ctx) => ({ page: await compute(ctx) }));
  }

  app.get<IdParams>('/beheer/aanmeldingen/:id', TEAM, async (request, reply) => show(request, reply, request.params.id));

  app.post<IdParams>('/beheer/aanmeldingen/:id/toewijzen', TEAM, async (request, reply) => {
    const form = parseForm(assignSchema, request.body);
    await assign(db, config, me(request), request.params.id, form.ok ? form.data.members : []);
    return reply.redirect(`/beheer/aanmeldingen/${request.params.id}?melding=toegewezen`, 303);
  });

  app.post<IdParams>('/beheer/aanmeldingen/:id/starten', TEAM, async (request, reply) => {
    await startReview(db, config, me(request), request.params.id);
    return reply.redirect(`/beheer/aanmeldingen/${request.params.id}?melding=gestart`, 303);
  });

  app.post<IdParams>('/beheer/aanmeldingen/:id/belang', TEAM, async (request, reply) => {
    const form = parseForm(dismissSchema, request.body);
    if (!form.ok) return show(request, reply, request.params.id, { errors: form.errors.map((e) => ({ ...e, field: 'toewijzen-titel' })) });
    await dismissConflict(db, me(request), request.params.id, form.data.member, form.data.reason);
    return reply.redirect(`/beheer/aanmeldingen/${request.params.id}?melding=afgedaan`, 303);
  });

  app.post<IdParams>('/beheer/aanmeldingen/:id/beoordeling', TEAM, async (request, reply) => {
    const values = submittedValues(request.body);
    const form = parseForm(assessmentSchema, request.body);
    if (!form.ok) return show(request, reply, request.params.id, { values, errors: form.errors });
    const d = form.data as Record<string, string>;
    const verdicts: Verdicts = Object.fromEntries(
      CRITERION_STEPS.map((c) => [
        c.code,
        { verdict: (d[`verdict_${c.code}`] ?? '') as Verdicts[string]['verdict'], explanation: d[`explanation_${c.code}`] ?? '' },
      ]),
    );
    const submit = form.data.actie === 'indienen';
    const result = await saveAssessment(
      db,
      me(request),
      request.params.id,
      {
        verdicts,
        recommendation: form.data.recommendation,
        proposedParticipation: form.data.proposed_participation,
        summary: form.data.summary,
      },
      submit,
    );
    if (!result.ok) return show(request, reply, request.params.id, { values, errors: result.errors });
    return reply.redirect(`/beheer/aanmeldingen/${request.params.id}?melding=${submit ? 'ingediend' : 'concept'}`, 303);
  });

  app.post<IdParams>('/beheer/aanmeldingen/:id/opmerkingen', TEAM, async (request, reply) => {
    const form = parseForm(commentSchema, request.body);
    if (!form.ok) return show(request, reply, request.params.id, { values: submittedValues(request.body), errors: form.errors });
    await addComment(db, me(request), request.params.id, form.data.body);
    return reply.redirect(`/beheer/aanmeldingen/${request.params.id}?melding=opmerking#opmerkingen-titel`, 303);
  });

  app.post<IdParams>('/beheer/aanmeldingen/:id/besluit', TEAM, async (request, reply) => {
    const raw = request.body as Record<string, string | string[]>;
    const decisionValues = Object.fromEntries(Object.entries(raw ?? {}).filter(([k]) => k !== '_csrf'));
    const form = parseForm(decisionSchema, request.body);
    if (!form.ok) return show(request, reply, request.params.id, { decision: decisionValues, errors: form.errors });
    if (form.data.actie === 'aanpassen') return show(request, reply, request.params.id, { decision: decisionValues });
    if (form.data.actie === 'voorbeeld') {
      const mail = await previewDecision(db, config, me(request), request.params.id, form.data);
      const page = (
        <DecisionPreviewPage ctx={pageContext(request, reply)} id={request.params.id} reference={''} form={decisionValues} mail={mail} />
      );
      return sendPage(reply, page);
    }
    await decide(db, config, me(request), request.params.id, form.data);
    return reply.redirect(`/beheer/aanmeldingen/${request.params.id}?melding=besluit`, 303);
  });

  app.get('/beheer/sjablonen', TEAM, async (request, reply) => {
    const saved = (request.query as Record<string, unknown>).opgeslagen === '1';
    return sendPage(reply, <TemplatesPage ctx={pageContext(request, reply)} templates={await templates(db)} saved={saved} />);
  });

  app.get<{ Params: { key: string } }>('/beheer/sjablonen/:key', TEAM, async (request, reply) => {
    const t = await template(db, request.params.key);
    return sendPage(reply, <TemplateEditPage ctx={pageContext(request, reply)} key_={t.key} values={t} />);
  });

  app.post<{ Params: { key: string } }>('/beheer/sjablonen/:key', TEAM, async (request, reply) => {
    const t = await template(db, request.params.key);
    const raw = submittedValues(request.body);
    const values = { subject: raw.subject ?? '', body: raw.body ?? '' };
    const form = parseForm(templateSchema, request.body);
    const result = form.ok ? await saveTemplate(db, me(request), t.key, form.data) : { ok: false as const, errors: form.errors };
    if (!result.ok)
      return sendPage(
        reply,
        <TemplateEditPage ctx={pageContext(request, reply)} key_={t.key} values={values} errors={result.errors} />,
        422,
      );
    return reply.redirect('/beheer/sjablonen?opgeslagen=1', 303);
  });

  async function showAffiliations(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, string>; errors?: { field: string; message: string }[] } = {},
  ) {
    const options = await referenceOptions(db);
    const page = (
      <AffiliationsPage
        ctx={pageContext(request, reply)}
        affiliations={await myAffiliations(db, me(request))}
        institutions={options.institutions}
        {...extra}
      />
    );
    return sendPage(reply, page, extra.errors ? 422 : 200);
  }

  app.get('/beheer/belangen', TEAM, async (request, reply) => showAffiliations(request, reply));

  app.post('/beheer/belangen', TEAM, async (request, reply) => {
    const form = parseForm(affiliationSchema, request.body);
    const options = await referenceOptions(db);
    if (form.ok && form.data.kind === 'institution' && !options.institutions.some((i) => i.value === form.data.institution)) {
      return showAffiliations(request, reply, {
        values: submittedValues(request.body),
        errors: [{ field: 'institution', message: 'Kies de hogeschool' }],
      });
    }
    if (!form.ok) return showAffiliations(request, reply, { values: submittedValues(request.body), errors: form.errors });
    await addAffiliation(
      db,
      me(request),
      form.data.kind,
      form.data.kind === 'institution' ? form.data.institution : form.data.organisation,
    );
    return reply.redirect('/beheer/belangen', 303);
  });

  app.post<IdParams>('/beheer/belangen/:id/verwijderen', TEAM, async (request, reply) => {
    await removeAffiliation(db, me(request), request.params.id.slice(0, 36));
    return reply.redirect('/beheer/belangen', 303);
  });
}
