import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { newToken, sha256 } from '../crypto.ts';
import { DAY } from '../time.ts';
import { deleteSession, findLiveSession, insertSession } from './repo.ts';

export const SESSION_COOKIE = 'mkb_sessie';
export const SESSION_LIFETIME_MS = 14 * DAY;

export type LoadedSession = {
  idHash: string;
  user: CurrentUser | null;
  pendingEmail: string | null;
  /** The counters of view-cache.ts#SESSION_COUNTERS as this request began. */
  counters: ReadonlyMap<string, string>;
};

export async function loadSession(db: Db, token: string | undefined, now = new Date()): Promise<LoadedSession | null> {
  if (!token || token.length > 100) return null;
  const idHash = sha256(token);
  const row = await findLiveSession(db, idHash, now.toISOString());
  if (!row) return null;
  const user: CurrentUser | null =
    row.user_id && row.email && row.role && !row.disabled_at
      ? {
          id: row.user_id,
          email: row.email,
          name: row.name,
          role: row.role,
          institutionBrin: row.institution_brin,
          institutionName: row.institution_name,
        }
      : null;
  if (!user && !row.pending_email) return null;
  return { idHash, user, pendingEmail: row.pending_email, counters: row.counters };
}

/**
 * Creates a fresh session row (a new id every time someone signs in, so an id planted before
 * sign-in is worth nothing) and drops the one the request came with. Returns the cookie value.
 * Run it inside the transaction of the sign-in it belongs to.
 */
export async function createSession(
  db: Db,
  who: { userId: string } | { pendingEmail: string },
  replacing: string | null,
  now = new Date(),
): Promise<string> {
  if (replacing) await deleteSession(db, replacing);
  const token = newToken();
  await insertSession(db, {
    id_hash: sha256(token),
    user_id: 'userId' in who ? who.userId : null,
    pending_email: 'pendingEmail' in who ? who.pendingEmail : null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
  });
  return token;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
  // A new CSRF secret comes with the new session.
  reply.clearCookie('_csrf', { path: '/' });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
