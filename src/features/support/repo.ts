import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import type { SupportHeldTable, SupportMessageTable, SupportRequestTable } from './tables.ts';

type Db = Kysely<Database>;

// ---------------------------------------------------------------- requests

export async function insertRequest(db: Db, row: Insertable<SupportRequestTable>): Promise<void> {
  await db.insertInto('support_requests').values(row).execute();
}

/** The next reference number of the year, raised atomically in the caller's transaction. */
export async function nextReferenceNumber(db: Db, year: number): Promise<number> {
  await db
    .insertInto('support_counters')
    .values({ year, last_number: 0 })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  const row = await db
    .updateTable('support_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('year', '=', year)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export async function findRequest(db: Db, id: string) {
  return db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRequestByToken(db: Db, token: string) {
  return db.selectFrom('support_requests').selectAll().where('reply_token', '=', token).executeTakeFirst();
}

/** The request row, locked for the rest of the transaction on PostgreSQL (SQLite's write lock does the same). */
export async function lockRequest(db: Db, id: string) {
  const q = db.selectFrom('support_requests').selectAll().where('id', '=', id);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

export async function updateRequest(db: Db, id: string, change: Updateable<SupportRequestTable>): Promise<void> {
  await db.updateTable('support_requests').set(change).where('id', '=', id).execute();
}

export type RequestFilters = { theme?: string; state?: string; advisor?: string; createdBefore?: string };

export async function listRequests(db: Db, f: RequestFilters) {
  let q = db.selectFrom('support_requests').selectAll();
  if (f.theme) q = q.where('theme', '=', f.theme);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.advisor === 'geen') q = q.where('advisor_id', 'is', null);
  else if (f.advisor) q = q.where('advisor_id', '=', f.advisor);
  if (f.createdBefore) q = q.where('created_at', '<', f.createdBefore);
  return q.orderBy('created_at').execute();
}

/** Requests still without an advisor (the count on /beheer). */
export async function countUnassigned(db: Db): Promise<number> {
  const row = await db
    .selectFrom('support_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'new')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function requestsOfRoutes(db: Db, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return db
    .selectFrom('support_requests')
    .selectAll()
    .where('registration_id', 'in', registrationIds)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Open requests per advisor: what counts toward their load. */
export async function openLoad(db: Db) {
  return db
    .selectFrom('support_requests')
    .select(['advisor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'open')
    .where('advisor_id', 'is not', null)
    .groupBy('advisor_id')
    .execute();
}

/** Requests that are not closed, for the reminder job. */
export async function unclosed(db: Db) {
  return db.selectFrom('support_requests').selectAll().where('state', '!=', 'closed').execute();
}

export async function claimMark(
  db: Db,
  id: string,
  column: 'unassigned_alerted_at' | 'first_reminded_at' | 'solution_reminded_at',
  atIso: string,
): Promise<boolean> {
  const r = await db
    .updateTable('support_requests')
    .set({ [column]: atIso })
    .where('id', '=', id)
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- thread, notes, files

export async function insertMessage(db: Db, row: Insertable<SupportMessageTable>): Promise<void> {
  await db.insertInto('support_messages').values(row).execute();
}

export async function messageWithId(db: Db, messageId: string) {
  return db.selectFrom('support_messages').select('id').where('message_id', '=', messageId).executeTakeFirst();
}

export async function messagesOf(db: Db, requestId: string) {
  return db.selectFrom('support_messages').selectAll().where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();
}

export async function insertNote(db: Db, row: Insertable<Database['support_notes']>): Promise<void> {
  await db.insertInto('support_notes').values(row).execute();
}

export async function notesOf(db: Db, requestId: string) {
  return db
    .selectFrom('support_notes')
    .leftJoin('users', 'users.id', 'support_notes.author_id')
    .select(['support_notes.id', 'support_notes.body', 'support_notes.created_at', 'users.name', 'users.email'])
    .where('support_notes.request_id', '=', requestId)
    .orderBy('support_notes.created_at')
    .execute();
}

export async function insertFile(db: Db, row: Insertable<Database['support_files']>): Promise<void> {
  await db.insertInto('support_files').values(row).execute();
}

export async function filesOf(db: Db, requestId: string) {
  return db
    .selectFrom('support_files')
    .select(['id', 'message_id', 'filename', 'content_type', 'size'])
    .where('request_id', '=', requestId)
    .execute();
}

export async function findFile(db: Db, requestId: string, id: string) {
  return db.selectFrom('support_files').selectAll().where('request_id', '=', requestId).where('id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------- mail

export async function insertMailRef(db: Db, outboxId: string, requestId: string): Promise<void> {
  await db.insertInto('support_mail_refs').values({ outbox_id: outboxId, request_id: requestId }).execute();
}

export async function requestOfOutbox(db: Db, outboxIds: string[]) {
  if (outboxIds.length === 0) return undefined;
  return db.selectFrom('support_mail_refs').select('request_id').where('outbox_id', 'in', outboxIds).executeTakeFirst();
}

export async function insertHeld(db: Db, row: Insertable<SupportHeldTable>): Promise<boolean> {
  const r = await db
    .insertInto('support_held')
    .values(row)
    .onConflict((oc) => oc.column('message_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function heldMail(db: Db) {
  return db.selectFrom('support_held').selectAll().where('handled_at', 'is', null).orderBy('received_at').execute();
}

export async function findHeld(db: Db, id: string) {
  return db.selectFrom('support_held').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markHeldHandled(db: Db, id: string, atIso: string): Promise<boolean> {
  const r = await db
    .updateTable('support_held')
    .set({ handled_at: atIso })
    .where('id', '=', id)
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
