import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import type { KickoffState, KickoffTable, SlotTable } from './tables.ts';

export async function insertSlot(db: Kysely<Database>, row: Insertable<SlotTable>): Promise<void> {
  await db.insertInto('slots').values(row).execute();
}

/** Slots of a host that overlap [starts, ends). */
export async function overlappingSlots(db: Kysely<Database>, hostId: string, starts: string, ends: string) {
  return db
    .selectFrom('slots')
    .select(['id'])
    .where('host_id', '=', hostId)
    .where('starts_at', '<', ends)
    .where('ends_at', '>', starts)
    .execute();
}

export async function findSlot(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('slots')
    .innerJoin('users', 'users.id', 'slots.host_id')
    .selectAll('slots')
    .select(['users.name as host_name', 'users.email as host_email'])
    .where('slots.id', '=', id)
    .executeTakeFirst();
}

export async function deleteFreeSlot(db: Kysely<Database>, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('slots')
    .where('id', '=', id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('kickoffs').select('kickoffs.id').whereRef('kickoffs.slot_id', '=', 'slots.id'))),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Slots from now on with the meeting booked in them, if any. */
export async function slotsFrom(db: Kysely<Database>, fromIso: string, hostId?: string) {
  return db
    .selectFrom('slots')
    .innerJoin('users', 'users.id', 'slots.host_id')
    .leftJoin('kickoffs', 'kickoffs.slot_id', 'slots.id')
    .select([
      'slots.id',
      'slots.host_id',
      'slots.starts_at',
      'slots.ends_at',
      'slots.mode',
      'slots.link',
      'slots.address',
      'users.name as host_name',
      'users.email as host_email',
      'kickoffs.id as kickoff_id',
      'kickoffs.registration_id',
    ])
    .where('slots.ends_at', '>', fromIso)
    .$if(Boolean(hostId), (qb) => qb.where('slots.host_id', '=', hostId as string))
    .orderBy('slots.starts_at')
    .execute();
}

export async function insertKickoff(db: Trx, row: Insertable<KickoffTable>): Promise<void> {
  await db
    .insertInto('kickoffs')
    .values(row)
    .onConflict((oc) => oc.column('registration_id').doNothing())
    .execute();
}

export async function findKickoff(db: Kysely<Database>, id: string) {
  return db.selectFrom('kickoffs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function kickoffOfRegistration(db: Kysely<Database>, registrationId: string) {
  return db.selectFrom('kickoffs').selectAll().where('registration_id', '=', registrationId).executeTakeFirst();
}

export async function kickoffsOfRegistrations(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('kickoffs')
    .leftJoin('slots', 'slots.id', 'kickoffs.slot_id')
    .select(['kickoffs.id', 'kickoffs.registration_id', 'kickoffs.state', 'slots.starts_at', 'slots.ends_at'])
    .where('kickoffs.registration_id', 'in', ids)
    .execute();
}

/**
 * Moves a kick-off from one of `from` to a new state in one conditional statement. A unique
 * violation on slot_id (someone else took the slot) surfaces as an error for the caller to read.
 */
export async function moveKickoff(
  db: Trx,
  id: string,
  from: readonly KickoffState[],
  change: Updateable<KickoffTable> & { state: KickoffState },
  raiseSequence = true,
): Promise<boolean> {
  const r = await db
    .updateTable('kickoffs')
    .set((eb) => ({ ...change, ...(raiseSequence ? { sequence: eb('sequence', '+', 1) } : {}) }))
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function openKickoffs(db: Kysely<Database>) {
  return db
    .selectFrom('kickoffs')
    .leftJoin('slots', 'slots.id', 'kickoffs.slot_id')
    .select([
      'kickoffs.id',
      'kickoffs.registration_id',
      'kickoffs.state',
      'kickoffs.invited_at',
      'kickoffs.unbooked_reminded_at',
      'kickoffs.unbooked_escalated_at',
      'kickoffs.day_before_reminded_at',
      'kickoffs.updated_at',
      'slots.starts_at',
    ])
    .where('kickoffs.state', 'in', ['invited', 'booked', 'cancelled'])
    .orderBy('kickoffs.invited_at')
    .execute();
}

export async function markKickoff(
  db: Trx,
  id: string,
  column: 'unbooked_reminded_at' | 'unbooked_escalated_at' | 'day_before_reminded_at',
  atIso: string,
): Promise<boolean> {
  const r = await db
    .updateTable('kickoffs')
    .set({ [column]: atIso })
    .where('id', '=', id)
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Kick-offs still waiting for a booking (invited, or cancelled and not rebooked). */
export async function unbookedKickoffs(db: Kysely<Database>) {
  return db.selectFrom('kickoffs').select(['id', 'registration_id', 'link_nonce']).where('state', 'in', ['invited', 'cancelled']).execute();
}

/** What a move of a kick-off may change besides its state (see lifecycle.ts). */
export type KickoffChange = Omit<Updateable<KickoffTable>, 'state'>;
