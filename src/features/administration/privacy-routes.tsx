import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/repo.ts';
import { requireUser as me, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import {
  erasePerson,
  erasurePreview,
  exportDocument,
  findPerson,
  normaliseEmail,
  personalOverview,
} from '../../platform/privacy/engine.ts';
import { ledgerRows } from '../../platform/privacy/ledger.ts';
import { retentionForecast, runRetention } from '../../platform/privacy/retention.ts';
import type { Replacement } from '../../platform/privacy/types.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { sendPage } from '../../ui/render.ts';
import { MyDataPage, PersonPage, PrivacyPage } from './views/privacy.tsx';

const ADMIN = { config: { access: 'admin' as const } };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The e-mail address of a request, or the Dutch message why it is none. */
function readEmail(raw: unknown): { email: string } | { error: string } {
  const v = typeof raw === 'string' ? raw.trim() : '';
  if (!v) return { error: 'Vul het e-mailadres van de persoon in' };
  if (v.length > 320 || !EMAIL.test(v)) return { error: 'Vul een geldig e-mailadres in, zoals naam@hogeschool.nl' };
  return { email: normaliseEmail(v) };
}

const download = (reply: FastifyReply, name: string, body: unknown) =>
  reply
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(`${JSON.stringify(body, null, 2)}\n`);

/**
 * A person's data (AVG): `/mijn/gegevens` for everyone signed in (their overview and the JSON
 * file), `/beheer/privacy` for administrators (a request by e-mail address: overview, export,
 * erasure preview and erasure; the retention forecast; the ledger). The map of where personal
 * data lives is `app.personalData` (src/personal-data.ts).
 */
export default async function privacyRoutes(app: FastifyInstance) {
  const { db, config } = app;
  const sources = () => app.personalData;

  app.get('/mijn/gegevens', { config: { access: 'signedIn' } }, async (request, reply) => {
    const person = await findPerson(db, sources(), me(request).email);
    const contact = config.securityContact.replace(/^mailto:/, '');
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <MyDataPage
        ctx={pageContext(request, reply)}
        parts={await personalOverview(db, sources(), person)}
        contact={`het programmateam (${contact})`}
      />,
    );
  });

  app.get('/mijn/gegevens.json', { config: { access: 'signedIn' } }, async (request, reply) => {
    const person = await findPerson(db, sources(), me(request).email);
    return download(reply, 'mijn-gegevens.json', exportDocument(person, await personalOverview(db, sources(), person)));
  });

  const index = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { email?: string; errors?: FieldErrors; notice?: string | null } = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      <PrivacyPage
        ctx={pageContext(request, reply)}
        forecast={await retentionForecast(db, sources())}
        ledger={await ledgerRows(db, 20)}
        email={extra.email}
        errors={extra.errors}
        notice={extra.notice}
      />,
      status,
    );

  app.get('/beheer/privacy', ADMIN, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const done = typeof q.verwijderd === 'string' && /^[0-9a-f-]{36}$/.test(q.verwijderd) ? q.verwijderd : null;
    const ran = typeof q.uitgevoerd === 'string' && /^\d+$/.test(q.uitgevoerd) ? Number(q.uitgevoerd) : null;
    const notice = done
      ? `De gegevens zijn verwijderd en geanonimiseerd. Kenmerk in de verwijderlog: ${done.slice(0, 8)}.`
      : ran !== null
        ? ran === 0
          ? 'Er was niets waarvan de bewaartermijn voorbij is.'
          : `${ran} ${ran === 1 ? 'record' : 'records'} verwijderd of geanonimiseerd.`
        : null;
    return index(request, reply, { notice });
  });

  const personPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    email: string,
    extra: { values?: Record<string, string>; errors?: FieldErrors } = {},
    status = 200,
  ) => {
    const person = await findPerson(db, sources(), email);
    const preview = await erasurePreview(db, sources(), person);
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <PersonPage
        ctx={pageContext(request, reply)}
        email={email}
        parts={await personalOverview(db, sources(), person)}
        lines={preview.lines}
        blockers={preview.blockers}
        values={extra.values}
        errors={extra.errors}
      />,
      status,
    );
  };

  app.get('/beheer/privacy/persoon', ADMIN, async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).email;
    const read = readEmail(raw);
    if ('error' in read)
      return index(request, reply, { email: typeof raw === 'string' ? raw : '', errors: [{ field: 'email', message: read.error }] }, 422);
    return personPage(request, reply, read.email);
  });

  app.get('/beheer/privacy/persoon.json', ADMIN, async (request, reply) => {
    const read = readEmail((request.query as Record<string, unknown>).email);
    if ('error' in read) return index(request, reply, { errors: [{ field: 'email', message: read.error }] }, 422);
    const person = await findPerson(db, sources(), read.email);
    const doc = exportDocument(person, await personalOverview(db, sources(), person));
    // Who asked for whose data is logged by account (never the address itself).
    await recordAudit(db, {
      actorUserId: me(request).id,
      action: 'privacy.exported',
      subjectType: 'user',
      subjectId: person.userIds[0] ?? 'zonder-account',
    });
    return download(reply, 'gegevens.json', doc);
  });

  app.post('/beheer/privacy/verwijderen', ADMIN, async (request, reply) => {
    const body = submittedValues(request.body);
    const read = readEmail(body.email);
    if ('error' in read) return index(request, reply, { errors: [{ field: 'email', message: read.error }] }, 422);
    const person = await findPerson(db, sources(), read.email);
    const preview = await erasurePreview(db, sources(), person);
    const errors: FieldErrors = [];
    const replacements: Record<string, Replacement> = {};
    for (const b of preview.blockers) {
      const r = b.replacementFor;
      if (!r) continue;
      const key = `vervanging-${r.registrationId}`;
      const name = (body[`${key}-naam`] ?? '').trim();
      const email = (body[`${key}-email`] ?? '').trim();
      const phone = (body[`${key}-telefoon`] ?? '').trim();
      if (!name) errors.push({ field: `${key}-naam`, message: `Vul de naam van de nieuwe contactpersoon voor ${r.reference} in` });
      else if (name.length > 200) errors.push({ field: `${key}-naam`, message: 'De naam mag hoogstens 200 tekens hebben' });
      if (!email)
        errors.push({ field: `${key}-email`, message: `Vul het e-mailadres van de nieuwe contactpersoon voor ${r.reference} in` });
      else if (!EMAIL.test(email) || email.length > 320)
        errors.push({ field: `${key}-email`, message: 'Vul een geldig e-mailadres in, zoals naam@hogeschool.nl' });
      else if (person.emails.includes(normaliseEmail(email)))
        errors.push({
          field: `${key}-email`,
          message: 'De nieuwe contactpersoon moet iemand anders zijn dan de persoon die wordt verwijderd',
        });
      if (phone && !/^[+0-9 ()-]{8,40}$/.test(phone))
        errors.push({ field: `${key}-telefoon`, message: 'Vul een telefoonnummer in met alleen cijfers, spaties, + of -' });
      replacements[r.registrationId] = { name, email, phone };
    }
    if (body.bevestig !== 'ja') errors.push({ field: 'bevestig', message: 'Vink aan dat u het verzoek hebt gecontroleerd' });
    if (errors.length) return personPage(request, reply, read.email, { values: body, errors }, 422);
    const result = await erasePerson(db, sources(), person, { ledgerPath: config.erasureLedger, byUserId: me(request).id, replacements });
    if (!result.ok)
      return personPage(
        request,
        reply,
        read.email,
        { values: body, errors: result.blockers.map((b) => ({ field: 'bevestig', message: b.text })) },
        409,
      );
    return reply.redirect(`/beheer/privacy?verwijderd=${result.entry.id}`, 303);
  });

  app.post('/beheer/privacy/bewaartermijnen', ADMIN, async (_request, reply) => {
    const done = await runRetention(db, sources(), config.erasureLedger);
    const total = Object.values(done).reduce((a, b) => a + b, 0);
    return reply.redirect(`/beheer/privacy?uitgevoerd=${total}`, 303);
  });
}
