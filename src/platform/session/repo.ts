import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';

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
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', nowIso),
);

/** The session and its user; expired sessions and disabled users find nothing. */
export async function findLiveSession(db: Kysely<Database>, idHash: string, nowIso: string) {
  return (await liveSession(db, idHash, nowIso))[0];
}

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
