import type { FastifyInstance, FastifyRequest } from 'fastify';
import { knownActions } from '../../platform/audit/labels.ts';
import { auditSubjectTypes } from '../../platform/audit/repo.ts';
import { csvDocument } from '../../platform/csv.ts';
import { requireUser as me, pageNumber, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { sendPage } from '../../ui/render.ts';
import { auditLog, readAuditQuery } from './audit-log.ts';
import { currentSettings, saveSettings } from './settings.ts';
import { AuditPage } from './views/audit.tsx';
import { SettingsPage } from './views/settings.tsx';

const ADMIN = { config: { access: 'admin' as const } };

export default async function administrationRoutes(app: FastifyInstance) {
  const { db } = app;
  const definitions = () => app.settingGroups.flatMap((g) => g.items);
  const saved = (request: FastifyRequest) => (request.query as Record<string, unknown>).opgeslagen;

  app.get('/beheer/instellingen', ADMIN, async (request, reply) => {
    const n = Number(saved(request));
    const notice =
      Number.isInteger(n) && saved(request) !== undefined
        ? n === 0
          ? 'Er was niets gewijzigd.'
          : `${n} ${n === 1 ? 'instelling' : 'instellingen'} opgeslagen.`
        : null;
    return sendPage(
      reply,
      <SettingsPage ctx={pageContext(request, reply)} groups={await currentSettings(db, app.settingGroups)} notice={notice} />,
    );
  });

  app.post('/beheer/instellingen', ADMIN, async (request, reply) => {
    const body = submittedValues(request.body);
    const result = await saveSettings(db, me(request), definitions(), body);
    if (!result.ok)
      return sendPage(
        reply,
        <SettingsPage
          ctx={pageContext(request, reply)}
          groups={await currentSettings(db, app.settingGroups)}
          values={body}
          errors={result.errors}
        />,
        422,
      );
    return reply.redirect(`/beheer/instellingen?opgeslagen=${result.changed}`, 303);
  });

  app.get('/beheer/audit', ADMIN, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const { query, problems } = readAuditQuery(q);
    const page = pageNumber(q.pagina);
    const log = await auditLog(db, query, page);
    const kinds = (await auditSubjectTypes(db)).map((k) => ({ value: k, label: k }));
    return sendPage(
      reply,
      <AuditPage
        ctx={pageContext(request, reply)}
        query={query}
        problems={problems}
        {...log}
        page={Math.min(page, log.pages)}
        actions={knownActions()}
        kinds={kinds}
      />,
    );
  });

  app.get('/beheer/audit.csv', ADMIN, async (request, reply) => {
    const { query } = readAuditQuery(request.query as Record<string, unknown>);
    const log = await auditLog(db, query, 1, true);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="logboek-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(
        csvDocument([
          ['wanneer', 'wie', 'handeling', 'wat', 'details', 'object'],
          ...log.rows.map((r) => [r.at, r.who, r.action, r.label, r.detail, r.object]),
        ]),
      );
  });
}
