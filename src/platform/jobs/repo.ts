import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * Takes a job's turn: makes its row the first time, then claims it only when it is due and nobody
 * holds a live lease. One statement decides, so two processes cannot both win (SQLite's write
 * lock; PostgreSQL re-checks the condition on the locked row).
 */
export async function takeJobTurn(
  db: Kysely<Database>,
  turn: { name: string; holder: string; nowIso: string; leaseUntilIso: string; nextDueIso: string },
): Promise<boolean> {
  await db
    .insertInto('job_runs')
    .values({ name: turn.name, holder: null, lease_until: null, next_due_at: turn.nowIso, last_run_at: null, last_ok: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const result = await db
    .updateTable('job_runs')
    .set({ holder: turn.holder, lease_until: turn.leaseUntilIso, next_due_at: turn.nextDueIso })
    .where('name', '=', turn.name)
    .where('next_due_at', '<=', turn.nowIso)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', turn.nowIso)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishJobTurn(db: Kysely<Database>, name: string, holder: string, ok: boolean, atIso: string): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ lease_until: null, last_run_at: atIso, last_ok: ok ? 1 : 0 })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}
