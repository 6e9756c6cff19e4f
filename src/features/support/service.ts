import type { Config } from '../../config.ts';
import type { Db, Trx } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId, newToken } from '../../platform/crypto.ts';
import { ConflictError, ForbiddenError, NotFoundError, PageError } from '../../platform/errors.tsx';
import { cleanText, tooLong } from '../../platform/forms.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import type { CurrentUser } from '../../ui/context.ts';
import { teamWithExpertise } from '../accounts/index.ts';
import { referenceOptions } from '../reference/index.ts';
import { contactsOf, inGroup, type Registration, registrationById } from '../registrations/index.ts';
import './events.ts';
import { MAILS } from './messages.ts';
import {
  insertFile,
  insertMailRef,
  insertMessage,
  insertNote,
  insertRequest,
  lockRequest,
  nextReferenceNumber,
  updateRequest,
} from './repo.ts';
import { BODY_MAX, checkFile, FILE_MAX, REOPEN_DAYS, SUBJECT_MAX } from './rules.ts';

export type MailConfig = Pick<Config, 'baseUrl' | 'replyDomain' | 'sessionSecret'>;
export type Upload = { filename: string; content: Buffer; truncated: boolean } | null;
export type Author = { userId: string | null; name: string; email: string; team: boolean };

const isTeam = (u: Pick<CurrentUser, 'role'>) => u.role === 'team' || u.role === 'admin';
const routeName = (reg: Registration) => reg.title ?? reg.reference ?? 'uw route';
export const replyAddress = (config: Pick<Config, 'replyDomain'>, token: string) => `reply+${token}@${config.replyDomain}`;
export const pageLink = (config: Pick<Config, 'baseUrl'>, id: string, team: boolean) =>
  `${config.baseUrl}${team ? '/beheer' : ''}/ondersteuning/${id}`;

/** Only staff of an admitted route's hogeschool ask; anyone else is told who can. */
export const notParticipating = () =>
  new PageError(
    403,
    'Alleen deelnemende routes kunnen een vraag stellen',
    'Ondersteuning is er voor routes die tot het programma zijn toegelaten. Medewerkers van de hogeschool van zo’n route stellen hun vraag vanuit Mijn omgeving. Is uw route nog niet toegelaten? Neem dan contact op met het programmateam via de contactpagina.',
  );

/** Checks an attachment: what it is by its content, and its size; null when there is none. */
function readUpload(
  file: Upload,
  field: string,
): { error: { field: string; message: string } } | { file: { filename: string; content: Buffer; type: string } | null } {
  if (!file) return { file: null };
  if (file.truncated || file.content.length > FILE_MAX)
    return { error: { field, message: `${file.filename} is groter dan 10 MB. Stuur een kleiner bestand; uw tekst is bewaard.` } };
  const check = checkFile(file.filename, file.content);
  if (!check.ok) return { error: { field, message: `${check.message} Uw tekst is bewaard.` } };
  return {
    file: { filename: file.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120), content: file.content, type: check.contentType },
  };
}

/** A message's text as every form reads text (`cleanText`), required and at most BODY_MAX long. */
function readBody(raw: string, field: string, label: string): { value: string } | { error: { field: string; message: string } } {
  const v = cleanText(raw).trim();
  if (!v) return { error: { field, message: `Schrijf ${label}` } };
  if (v.length > BODY_MAX) return { error: { field, message: tooLong('De tekst', BODY_MAX, v.length) } };
  return { value: v };
}

/** Stores a checked attachment with the message it came with. */
async function keepFile(
  trx: Trx,
  requestId: string,
  messageId: string,
  file: { filename: string; content: Buffer; type: string } | null,
  now: Date,
) {
  if (!file) return;
  await insertFile(trx, {
    id: newId(),
    request_id: requestId,
    message_id: messageId,
    filename: file.filename,
    content_type: file.type,
    size: file.content.length,
    content: file.content,
    created_at: now.toISOString(),
  });
}

async function reference(trx: Trx, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  return `ONDS-${year}-${String(await nextReferenceNumber(trx, year)).padStart(4, '0')}`;
}

/** Who gets the mail about a new message: the other side of the thread. */
async function recipients(trx: Trx, req: { advisor_id: string | null }, reg: Registration, author: Author): Promise<string[]> {
  if (author.team) return (await contactsOf(trx, reg)).filter((a) => a !== author.email);
  const team = await teamWithExpertise(trx);
  const advisor = team.find((m) => m.id === req.advisor_id);
  return advisor ? [advisor.email] : team.map((m) => m.email);
}

export async function mailThread(
  trx: Trx,
  config: MailConfig,
  req: { id: string; reference: string; reply_token: string; subject: string },
  to: string[],
  mail: { subject: string; text: string },
  now: Date,
) {
  for (const address of to) {
    const outboxId = await enqueueMail(trx, { to: address, ...mail, replyTo: replyAddress(config, req.reply_token) }, now);
    await insertMailRef(trx, outboxId, req.id);
  }
}

/**
 * A route's colleague asks for support: the request (no advisor yet), its first message and
 * attachment, an audit event on the route's timeline, and a receipt with the thread's reply address.
 */
export async function createRequest(
  db: Db,
  config: MailConfig,
  user: CurrentUser,
  input: { registrationId: string; theme: string; subject: string; question: string; condition: string | null },
  file: Upload,
  now = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  const reg = input.registrationId.length <= 36 ? await registrationById(db, input.registrationId) : null;
  if (!reg || user.role !== 'applicant' || user.institutionBrin !== reg.institutionBrin || !inGroup('admitted', reg.state))
    throw notParticipating();
  const errors: FieldErrors = [];
  const themes = (await referenceOptions(db)).themes.map((t) => t.value);
  if (!themes.includes(input.theme)) errors.push({ field: 'theme', message: 'Kies het thema van uw vraag' });
  const subject = input.subject.replace(/\s+/g, ' ').trim();
  if (!subject) errors.push({ field: 'subject', message: 'Geef uw vraag een korte titel' });
  else if (subject.length > SUBJECT_MAX) errors.push({ field: 'subject', message: `De titel is hooguit ${SUBJECT_MAX} tekens lang` });
  const body = readBody(input.question, 'question', 'uw vraag');
  if ('error' in body) errors.push(body.error);
  const upload = readUpload(file, 'bijlage');
  if ('error' in upload) errors.push(upload.error);
  if (errors.length || 'error' in body || 'error' in upload) return { ok: false, errors };
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const row = {
      id,
      reference: await reference(trx, now),
      registration_id: reg.id,
      theme: input.theme,
      subject,
      condition_text: input.condition?.trim().slice(0, 1000) || null,
      state: 'new',
      advisor_id: null,
      reply_token: newToken().slice(0, 32),
      created_by: user.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await insertRequest(trx, row);
    const messageId = newId();
    await insertMessage(trx, {
      id: messageId,
      request_id: id,
      author_id: user.id,
      author_name: user.name ?? user.email,
      from_team: 0,
      body: body.value,
      via: 'web',
      message_id: null,
      created_at: now.toISOString(),
    });
    await keepFile(trx, id, messageId, upload.file, now);
    await recordAudit(
      trx,
      {
        actorUserId: user.id,
        action: 'support.requested',
        subjectType: 'registration',
        subjectId: reg.id,
        detail: { reference: row.reference },
      },
      now,
    );
    const to = [...new Set([user.email, ...(await contactsOf(trx, reg))])];
    await mailThread(
      trx,
      config,
      row,
      to,
      MAILS.received({ reference: row.reference, subject, route: routeName(reg), link: pageLink(config, id, false) }),
      now,
    );
  });
  return { ok: true, id };
}

/** The team assigns an advisor (a team member); the advisor gets a mail with the link. */
export async function assignAdvisor(db: Db, config: MailConfig, actor: CurrentUser, id: string, advisorId: string, now = new Date()) {
  if (!isTeam(actor)) throw new ForbiddenError();
  const team = await teamWithExpertise(db);
  const advisor = team.find((m) => m.id === advisorId);
  if (!advisor) throw new ConflictError('Onbekend teamlid', 'Kies een adviseur uit het programmateam.');
  await db.transaction().execute(async (trx) => {
    const req = await lockRequest(trx, id);
    if (!req) throw new NotFoundError('request');
    if (req.state === 'closed') throw new ConflictError('Deze vraag is afgesloten', 'Een afgesloten vraag krijgt geen nieuwe adviseur.');
    if (req.advisor_id === advisorId) return;
    await updateRequest(trx, id, { advisor_id: advisorId, state: 'open', updated_at: now.toISOString() });
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'support.assigned', subjectType: 'support', subjectId: id, detail: { advisorId: advisor.id } },
      now,
    );
    await enqueueMail(
      trx,
      { to: advisor.email, ...MAILS.assigned({ reference: req.reference, subject: req.subject, link: pageLink(config, id, true) }) },
      now,
    );
  });
}

/**
 * A message in the thread, by web or mail. The route's colleagues and the team write; a closed
 * request reopens when the route replies within REOPEN_DAYS, otherwise the reply is refused. The
 * first message of the team sets the first response. The other side gets a mail with the text,
 * who wrote it and the thread's reply address.
 */
export async function postMessage(
  db: Db,
  config: MailConfig,
  author: Author,
  id: string,
  raw: string,
  file: Upload,
  options: { via: 'web' | 'mail'; messageId?: string | null } = { via: 'web' },
  now = new Date(),
): Promise<{ ok: true; reopened: boolean } | { ok: false; errors: FieldErrors }> {
  const body = readBody(raw, 'message', 'uw bericht');
  const upload = readUpload(file, 'bijlage');
  const errors = ['error' in body ? body.error : null, 'error' in upload ? upload.error : null].filter(
    (e): e is { field: string; message: string } => e !== null,
  );
  if (errors.length || 'error' in body || 'error' in upload) return { ok: false, errors };
  return db.transaction().execute(async (trx) => {
    const req = await lockRequest(trx, id);
    if (!req) throw new NotFoundError('request');
    const reg = await registrationById(trx, req.registration_id);
    if (!reg) throw new NotFoundError('request');
    let reopened = false;
    if (req.state === 'closed') {
      const until = new Date(Date.parse(req.closed_at ?? '') + REOPEN_DAYS * 86_400_000);
      if (author.team || now > until)
        throw new ConflictError(
          'Deze vraag is afgesloten',
          author.team
            ? 'Een afgesloten vraag krijgt geen berichten meer.'
            : `Een vraag kan tot ${REOPEN_DAYS} dagen na het afsluiten worden heropend. Stel een nieuwe vraag vanuit Mijn omgeving.`,
        );
      reopened = true;
    }
    const messageId = newId();
    await insertMessage(trx, {
      id: messageId,
      request_id: id,
      author_id: author.userId,
      author_name: author.name,
      from_team: author.team ? 1 : 0,
      body: body.value,
      via: options.via,
      message_id: options.messageId ?? null,
      created_at: now.toISOString(),
    });
    await keepFile(trx, id, messageId, upload.file, now);
    await updateRequest(trx, id, {
      updated_at: now.toISOString(),
      ...(author.team && !req.first_response_at ? { first_response_at: now.toISOString() } : {}),
      ...(reopened ? { state: req.advisor_id ? 'open' : 'new', closed_at: null, outcome: null, summary: null } : {}),
    });
    if (reopened)
      await recordAudit(
        trx,
        {
          actorUserId: author.userId,
          action: 'support.reopened',
          subjectType: 'registration',
          subjectId: reg.id,
          detail: { reference: req.reference },
        },
        now,
      );
    const to = await recipients(trx, req, reg, author);
    const mail = MAILS.message({
      reference: req.reference,
      subject: req.subject,
      author: author.name,
      team: author.team,
      body: body.value,
      link: pageLink(config, id, !author.team),
    });
    await mailThread(trx, config, req, to, mail, now);
    return { ok: true, reopened } as const;
  });
}

/** An internal note: the team's own table, never on a page or in a mail the route sees. */
export async function addNote(
  db: Db,
  actor: CurrentUser,
  id: string,
  raw: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  if (!isTeam(actor)) throw new ForbiddenError();
  const body = readBody(raw, 'note', 'de notitie');
  if ('error' in body) return { ok: false, errors: [body.error] };
  await db.transaction().execute(async (trx) => {
    const req = await lockRequest(trx, id);
    if (!req) throw new NotFoundError('request');
    await insertNote(trx, { id: newId(), request_id: id, author_id: actor.id, body: body.value, created_at: now.toISOString() });
  });
  return { ok: true };
}
