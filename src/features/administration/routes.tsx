import type { FastifyInstance, FastifyRequest } from 'fastify';
import { knownActions } from '../../platform/audit/labels.ts';
import { auditSubjectTypes } from '../../platform/audit/repo.ts';
import { csvDocument } from '../../platform/csv.ts';
import { requireUser as me, pageNumber, readForm, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { sendPage } from '../../ui/render.ts';
import { usersPerInstitution } from '../accounts/index.ts';
import { applyImport, importPreview, institutionsWithStatus, keepImport, readDuoFile } from '../reference/index.ts';
import { registrationsPerInstitution } from '../registrations/index.ts';
import { auditLog, readAuditQuery } from './audit-log.ts';
import { currentSettings, saveSettings } from './settings.ts';
import { AuditPage } from './views/audit.tsx';
import { ImportPreviewPage, InstitutionsPage } from './views/institutions.tsx';
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

  // ------------------------------------------------------------ hogescholen from DUO

  const listAll = async () =>
    (await institutionsWithStatus(db)).map((i) => ({ brin: i.brin, name: i.name, city: i.city, province: i.province, active: i.active }));

  app.get('/beheer/hogescholen', ADMIN, async (request, reply) => {
    const m = (request.query as Record<string, unknown>).melding;
    const notice = m === 'toegepast' ? 'De wijzigingen zijn toegepast; de keuzelijsten tonen ze meteen.' : null;
    return sendPage(reply, <InstitutionsPage ctx={pageContext(request, reply)} institutions={await listAll()} notice={notice} />);
  });

  app.post('/beheer/hogescholen', ADMIN, async (request, reply) => {
    const { file } = await readForm(request);
    const refuse = async (problems: string[]) =>
      sendPage(reply, <InstitutionsPage ctx={pageContext(request, reply)} institutions={await listAll()} problems={problems} />, 422);
    if (!file) return refuse(['Kies het DUO-bestand om te uploaden.']);
    if (file.truncated) return refuse(['Het bestand is groter dan 2 MB; het bestand van DUO is veel kleiner. Kies het juiste bestand.']);
    const read = readDuoFile(file.content);
    if (!read.ok) return refuse(read.problems);
    const id = await keepImport(db, me(request), file.filename, read.rows);
    return reply.redirect(`/beheer/hogescholen/import/${id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/beheer/hogescholen/import/:id', ADMIN, async (request, reply) => {
    const preview = await importPreview(db, request.params.id);
    const brins = [...preview.comparison.changed.map((c) => c.brin), ...preview.comparison.gone.map((g) => g.brin)];
    const counts = { registrations: await registrationsPerInstitution(db, brins), users: await usersPerInstitution(db, brins) };
    return sendPage(reply, <ImportPreviewPage ctx={pageContext(request, reply)} id={request.params.id} {...preview} counts={counts} />);
  });

  app.post<{ Params: { id: string } }>('/beheer/hogescholen/import/:id', ADMIN, async (request, reply) => {
    await applyImport(db, { actorUserId: me(request).id, config: app.config }, request.params.id.slice(0, 36));
    return reply.redirect('/beheer/hogescholen?melding=toegepast', 303);
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
