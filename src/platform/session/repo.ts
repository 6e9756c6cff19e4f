import { type Kysely, sql } from 'kysely';
import { rawSqlite } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { MIJN_SCOPE, MIJN_SCOPE_PREFIX, SESSION_COUNTERS } from '../view-cache.ts';

export async function insertSession(
  db: Kysely<Database>,
  row: { id_hash: string; user_id: string | null; pending_email: string | null; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session and its user, with the page counters: the columns, for one lookup or several. */
function sessionColumns(db: Kysely<Database>) {
  return db
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
      // And the person's own hogeschool's (view-cache.ts#MIJN_SCOPE_PREFIX).
      db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', sql<string>`${MIJN_SCOPE_PREFIX} || ${sql.ref('users.institution_brin')}`)
        .as('counter_scope'),
    ]);
}

/** The session and its user in one query, built once (every signed-in request runs it). */
const liveSession = prepared((db: Kysely<Database>, idHash: string, nowIso: string) =>
  sessionColumns(db).where('sessions.id_hash', '=', idHash).where('sessions.expires_at', '>', nowIso),
);

/** Several sessions in one query (PostgreSQL: the requests of one turn of the event loop). */
const liveSessions = prepared((db: Kysely<Database>, idHashes: string[], nowIso: string) =>
  sessionColumns(db).where('sessions.id_hash', '=', sql<string>`any(${idHashes})`).where('sessions.expires_at', '>', nowIso),
);

type Row = Record<string, unknown> & { id_hash: string };
type Waiting = { idHash: string; nowIso: string; done: (row: Row | undefined) => void; failed: (error: unknown) => void };
const waiting = new WeakMap<Kysely<Database>, Waiting[]>();

/**
 * PostgreSQL: every signed-in request asks for its session (and the counters) before anything
 * else, and on this machine the round trip, not the statement, is most of what a kept page costs
 * (bench/RESULTS.md, 2026-12-01: the driver's socket writes alone a fifth of the app's busy time).
 * The requests that arrive in one turn of the event loop ask together: one statement for all of
 * them, sent when the turn ends (`setImmediate`). As exact as one each: the statement runs after
 * every one of those requests began and before any of their pages is made. Expiry is checked
 * against the latest of their moments, so a session never outlives its end.
 */
function batchedLookup(db: Kysely<Database>, idHash: string, nowIso: string): Promise<Row | undefined> {
  return new Promise((done, failed) => {
    let queue = waiting.get(db);
    if (!queue) {
      const started: Waiting[] = [];
      queue = started;
      waiting.set(db, started);
      setImmediate(() => {
        waiting.delete(db);
        const ids = [...new Set(started.map((w) => w.idHash))];
        const now = started.reduce((latest, w) => (w.nowIso > latest ? w.nowIso : latest), '');
        liveSessions(db, ids, now).then(
          (rows) => {
            const byId = new Map((rows as Row[]).map((r) => [r.id_hash, r]));
            for (const w of started) w.done(byId.get(w.idHash));
          },
          (error: unknown) => {
            for (const w of started) w.failed(error);
          },
        );
      });
    }
    queue.push({ idHash, nowIso, done, failed });
  });
}

/** The session and its user; expired sessions and disabled users find nothing. */
export async function findLiveSession(db: Kysely<Database>, idHash: string, nowIso: string) {
  const row = rawSqlite(db) ? ((await liveSession(db, idHash, nowIso))[0] as Row | undefined) : await batchedLookup(db, idHash, nowIso);
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
