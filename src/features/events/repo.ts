import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { prepared } from '../../db/prepared.ts';
import type { EventPendingTable, EventRegistrationTable, EventTable, SeatState } from './tables.ts';

type Db = Kysely<Database>;

// ---------------------------------------------------------------- events

export async function insertEvent(db: Db, row: Insertable<EventTable>): Promise<void> {
  await db.insertInto('events').values(row).execute();
}

export async function updateEvent(db: Db, id: string, change: Updateable<EventTable>): Promise<void> {
  await db.updateTable('events').set(change).where('id', '=', id).execute();
}

const eventColumns = (db: Db) =>
  db
    .selectFrom('events')
    .leftJoin('users as organiser', 'organiser.id', 'events.organiser_id')
    .selectAll('events')
    .select(['organiser.name as organiser_name', 'organiser.email as organiser_email']);

export type EventRow = Awaited<ReturnType<typeof findEvent>> & {};

export async function findEvent(db: Db, id: string) {
  return eventColumns(db).where('events.id', '=', id).executeTakeFirst();
}

/**
 * The event, locked for the rest of the transaction: on PostgreSQL a row lock (`for update`) that
 * every change to its seats takes first, so the count and the change are one step also across
 * processes; on SQLite the transaction already holds the database's write lock (BEGIN IMMEDIATE).
 */
export async function lockEvent(trx: Trx, id: string) {
  if (isPostgres(trx)) await trx.selectFrom('events').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return findEvent(trx, id);
}

/** The next place in the order of arrival (under the event's lock). */
export async function nextArrival(trx: Trx, id: string): Promise<number> {
  await trx.updateTable('events').set({ arrivals: sql`arrivals + 1` }).where('id', '=', id).execute();
  const row = await trx.selectFrom('events').select('arrivals').where('id', '=', id).executeTakeFirstOrThrow();
  return Number(row.arrivals);
}

export async function listEvents(db: Db, filter: { endsAfter?: string; endsBefore?: string; states?: string[] } = {}) {
  let q = eventColumns(db);
  if (filter.endsAfter) q = q.where('events.ends_at', '>', filter.endsAfter);
  if (filter.endsBefore) q = q.where('events.ends_at', '<=', filter.endsBefore);
  if (filter.states) q = q.where('events.state', 'in', filter.states as EventTable['state'][]);
  return q.orderBy('events.starts_at').orderBy('events.id').execute();
}

/** Per event: seats taken (confirmed and held offers), confirmed, waiting. */
export async function seatCounts(db: Db, eventIds: string[]): Promise<Map<string, { taken: number; confirmed: number; waiting: number }>> {
  const counts = new Map<string, { taken: number; confirmed: number; waiting: number }>();
  for (const id of eventIds) counts.set(id, { taken: 0, confirmed: 0, waiting: 0 });
  if (eventIds.length === 0) return counts;
  const rows = await db
    .selectFrom('event_registrations')
    .select(['event_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .where('state', 'in', ['confirmed', 'offered', 'waiting'])
    .groupBy(['event_id', 'state'])
    .execute();
  for (const r of rows) {
    const c = counts.get(r.event_id);
    if (!c) continue;
    const n = Number(r.n);
    if (r.state === 'confirmed') c.confirmed += n;
    if (r.state === 'waiting') c.waiting += n;
    else c.taken += n;
  }
  return counts;
}

// ---------------------------------------------------------------- registrations

export type SeatRow = Awaited<ReturnType<typeof findRegistration>> & {};

export async function findRegistration(db: Db, id: string) {
  return db
    .selectFrom('event_registrations')
    .leftJoin('users', 'users.id', 'event_registrations.user_id')
    .selectAll('event_registrations')
    .select(['users.institution_brin as user_brin'])
    .where('event_registrations.id', '=', id)
    .executeTakeFirst();
}

export async function registrationByEmail(db: Db, eventId: string, email: string) {
  return db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).where('email', '=', email).executeTakeFirst();
}

export async function codeTaken(db: Db, eventId: string, code: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('event_registrations').select('id').where('event_id', '=', eventId).where('code', '=', code).executeTakeFirst(),
  );
}

export async function insertRegistration(db: Db, row: Insertable<EventRegistrationTable>): Promise<void> {
  await db.insertInto('event_registrations').values(row).execute();
}

/** Changes a registration if it is still in one of `from`; false when it moved meanwhile. */
export async function moveRegistration(
  db: Db,
  id: string,
  from: SeatState[],
  change: Updateable<EventRegistrationTable>,
): Promise<boolean> {
  const r = await db.updateTable('event_registrations').set(change).where('id', '=', id).where('state', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function registrationsOfEvent(db: Db, eventId: string) {
  return db
    .selectFrom('event_registrations')
    .leftJoin('users', 'users.id', 'event_registrations.user_id')
    .selectAll('event_registrations')
    .select(['users.institution_brin as user_brin'])
    .where('event_id', '=', eventId)
    .orderBy('arrival')
    .execute();
}

export async function inState(db: Db, eventId: string, states: SeatState[]) {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('state', 'in', states)
    .orderBy('arrival')
    .execute();
}

/** Seats taken right now (confirmed and held offers), read under the event's lock. */
export async function takenSeats(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('state', 'in', ['confirmed', 'offered'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Those ahead of this arrival on the waiting list. */
export async function aheadInLine(db: Db, eventId: string, arrival: number): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('state', '=', 'waiting')
    .where('arrival', '<', arrival)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A person's registrations (by account or by address), with their events and, where they wait,
 * how many wait before them — one query, however many seats (built once: `/mijn` asks it for
 * everyone who opens it).
 */
const ofPerson = prepared((db: Db, userId: string, email: string) =>
  db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select([
      'event_registrations.id',
      'event_registrations.state',
      'event_registrations.arrival',
      'event_registrations.offer_expires_at',
      'event_registrations.open_offer_at',
      'event_registrations.attendance',
      'event_registrations.link_nonce',
      'event_registrations.code',
      'events.id as event_id',
      'events.title',
      'events.starts_at',
      'events.ends_at',
      'events.state as event_state',
      'events.open_round_at',
      (eb) =>
        eb
          .selectFrom('event_registrations as before')
          .select((b) => b.fn.countAll<number>().as('n'))
          .whereRef('before.event_id', '=', 'event_registrations.event_id')
          .where('before.state', '=', 'waiting')
          .whereRef('before.arrival', '<', 'event_registrations.arrival')
          .as('waiting_before'),
    ])
    .where((eb) => eb.or([eb('event_registrations.user_id', '=', userId), eb('event_registrations.email', '=', email)]))
    .orderBy('events.starts_at', 'desc'),
);

export async function registrationsOfPerson(db: Db, userId: string, email: string) {
  return ofPerson(db, userId, email);
}

/** Confirmed people of events starting between now and the furthest reminder, not yet reminded. */
export async function reminderCandidates(db: Db, nowIso: string, untilIso: string) {
  return db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select([
      'event_registrations.id',
      'event_registrations.confirmed_at',
      'events.id as event_id',
      'events.starts_at',
      'events.reminder_hours',
    ])
    .where('events.state', '=', 'published')
    .where('events.starts_at', '>', nowIso)
    .where('events.starts_at', '<=', untilIso)
    .where('event_registrations.state', '=', 'confirmed')
    .where('event_registrations.reminded_at', 'is', null)
    .execute();
}

export async function markReminded(trx: Trx, id: string, nowIso: string): Promise<boolean> {
  const r = await trx
    .updateTable('event_registrations')
    .set({ reminded_at: nowIso })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .where('state', '=', 'confirmed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- guests waiting to confirm

export async function insertPending(db: Db, row: Insertable<EventPendingTable>): Promise<void> {
  await db.insertInto('event_pending').values(row).execute();
}

export async function pendingByHash(db: Db, hash: string) {
  return db.selectFrom('event_pending').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function deletePending(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('event_pending').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Confirmation requests for this address in the last hour (a limit per address besides the one per IP). */
export async function recentPendingFor(db: Db, email: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('event_pending')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('created_at', '>', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function purgeExpiredPending(db: Db, nowIso: string): Promise<number> {
  const r = await db.deleteFrom('event_pending').where('expires_at', '<', nowIso).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Removes the events these (demo) users created, with their registrations; returns their ids. */
export async function deleteEventsCreatedBy(trx: Trx, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const ids = (await trx.selectFrom('events').select('id').where('created_by', 'in', userIds).execute()).map((r) => r.id);
  if (ids.length) await trx.deleteFrom('events').where('id', 'in', ids).execute();
  return ids;
}

/** Per event that has ended: how many had a seat (confirmed) and how many came (the team's figures). */
export async function attendancePerEvent(db: Db, endedBefore: string, limit: number) {
  return db
    .selectFrom('events')
    .leftJoin('event_registrations', 'event_registrations.event_id', 'events.id')
    .select([
      'events.id',
      'events.title',
      'events.starts_at',
      sql<number>`sum(case when event_registrations.state = 'confirmed' then 1 else 0 end)`.as('confirmed'),
      sql<number>`sum(case when event_registrations.attendance = 'present' then 1 else 0 end)`.as('present'),
    ])
    .where('events.ends_at', '<', endedBefore)
    .where('events.state', '=', 'published')
    .groupBy(['events.id', 'events.title', 'events.starts_at'])
    .orderBy('events.starts_at', 'desc')
    .limit(limit)
    .execute();
}
