import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { newId } from '../crypto.ts';

export type MailAttachment = { filename: string; contentType: string; content: Buffer };
export type MailInput = { to: string; subject: string; text: string; attachments?: MailAttachment[]; replyTo?: string };

export function decodeAttachments(json: string | null): MailAttachment[] {
  if (!json) return [];
  return (JSON.parse(json) as { filename: string; contentType: string; base64: string }[]).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.base64, 'base64'),
  }));
}

/**
 * Writes a message to the outbox. Call it with the transaction that makes the change the message
 * is about: if that change rolls back, the message never existed.
 */
export async function enqueueMail(db: Kysely<Database>, mail: MailInput, now = new Date()): Promise<string> {
  const id = newId();
  await db
    .insertInto('outbox')
    .values({
      id,
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      created_at: now.toISOString(),
      next_attempt_at: now.toISOString(),
      locked_until: null,
      sent_at: null,
      last_error: null,
      reply_to: mail.replyTo ?? null,
      attachments: mail.attachments?.length
        ? JSON.stringify(
            mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, base64: a.content.toString('base64') })),
          )
        : null,
    })
    .execute();
  return id;
}

/** For each outbox id: whether the message has been delivered (sent_at set). */
export async function deliveryStates(db: Kysely<Database>, ids: string[]): Promise<Map<string, boolean>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('outbox').select(['id', 'sent_at']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.sent_at !== null]));
}

/**
 * Claims up to `limit` due messages for `lockMs` in one statement. On PostgreSQL the inner select
 * skips rows another process has locked, so several workers never claim the same message; on
 * SQLite the single UPDATE is atomic on its own.
 */
export async function claimDueMail(db: Kysely<Database>, now: Date, limit: number, lockMs: number) {
  const nowIso = now.toISOString();
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', nowIso)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .$if(isPostgres(db), (qb) => qb.forUpdate().skipLocked());
  return db
    .updateTable('outbox')
    .set({ locked_until: new Date(now.getTime() + lockMs).toISOString() })
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

export async function markMailSent(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: at.toISOString(), locked_until: null, last_error: null }).where('id', '=', id).execute();
}

export async function markMailFailed(db: Kysely<Database>, id: string, error: string, nextAttemptAt: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: nextAttemptAt.toISOString(),
      locked_until: null,
      last_error: error.slice(0, 500),
    }))
    .where('id', '=', id)
    .execute();
}

export async function listMail(db: Kysely<Database>, limit = 100) {
  return db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function findMail(db: Kysely<Database>, id: string) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Removes the messages to addresses in a domain (only for removing demo data). */
export async function deleteMailToDomain(db: Kysely<Database>, domain: string): Promise<number> {
  const r = await db.deleteFrom('outbox').where('to_address', 'like', `%@${domain}`).executeTakeFirst();
  return Number(r.numDeletedRows);
}
