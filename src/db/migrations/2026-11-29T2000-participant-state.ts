import type { Kysely } from 'kysely';

/**
 * "Deelnemer" becomes a state of the registration lifecycle (it was a timestamp beside the state
 * "accepted", written by the kick-off feature). `participant_at` stays as the moment it happened.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('registrations')
    .set({ state: 'participant' })
    .where('state', '=', 'accepted')
    .where('participant_at', 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('registrations').set({ state: 'accepted' }).where('state', '=', 'participant').execute();
}
