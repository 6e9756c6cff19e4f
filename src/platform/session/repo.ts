import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { MIJN_SCOPE, SESSION_COUNTERS } from '../view-cache.ts';

export async function insertSession(
  db: Kysely<Database>,
  row: { id_hash: string; user_id: string | null; pending_email: string | null; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session and its user in one query, built once (every signed-in request runs it). */
const liveSession = prepared((db: Kysely<Database>, idHash: string, nowIso: string) =>
  db
    .selectFrom('sessions')
    .leftJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('institutions', 'institutions.brin', 'users.institution_brin')
    .select([
      'sessions.id_hash',
      'sessions.pending_email',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.role',
      'users.institution_brin',
      'users.disabled_at',
      'institutions.name as institution_name',
      // The counters behind the signed-in pages kept whole (platform/page-cache.ts), read in the
      // same statement: on PostgreSQL a kept page then costs one round trip, not two.
      ...SESSION_COUNTERS.map((key, i) => db.selectFrom('settings').select('value').where('key', '=', key).as(`counter_${i}`)),
      // And the person's own hogeschool's (view-cache.ts#mijnScopeKey).
      db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', sql<string>`'mijn_version:' || ${sql.ref('users.institution_brin')}`)
        .as('counter_scope'),
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', nowIso),
);

/** The session and its user; expired sessions and disabled users find nothing. */
export async function findLiveSession(db: Kysely<Database>, idHash: string, nowIso: string) {
  const row = (await liveSession(db, idHash, nowIso))[0] as (Record<string, unknown> & { id_hash: string }) | undefined;
  if (!row) return undefined;
  const counters = new Map<string, string>(SESSION_COUNTERS.map((key, i) => [key, String(row[`counter_${i}`] ?? '0')]));
  counters.set(MIJN_SCOPE, String(row.counter_scope ?? '0'));
  return { ...(row as unknown as SessionRow), counters };
}

type SessionRow = {
  id_hash: string;
  pending_email: string | null;
  user_id: string | null;
  email: string | null;
  name: string | null;
  role: CurrentUser['role'] | null;
  institution_brin: string | null;
  disabled_at: string | null;
  institution_name: string | null;
};

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<Database>, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
}
