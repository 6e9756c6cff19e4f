import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newToken, sha256 } from '../../platform/crypto.ts';
import { createSession } from '../../platform/session/session.ts';
import { MINUTE } from '../../platform/time.ts';
import { institutionOfDomain, recordUnknownHomeOrganisation } from '../reference/index.ts';
import {
  beginRound,
  completeRound,
  describe,
  type OidcSettings,
  ProviderRejectedError,
  ProviderUnavailableError,
  type SurfClaims,
} from './oidc-client.ts';
import {
  findIdentity,
  findIdentityOfUser,
  findPendingLink,
  findUserByEmail,
  findUserById,
  insertIdentity,
  insertOidcAttempt,
  insertPendingLink,
  setUserInstitution,
  takeOidcAttempt,
  takePendingLink,
  touchIdentity,
  touchSignIn,
} from './repo.ts';
import { createApplicant } from './service.ts';

/**
 * "Inloggen met SURFconext": who the provider says someone is, turned into a platform account.
 * Accounts are found by issuer + subject only. A person whose address already has an account links
 * it after saying yes in the same browser; a new person gets an account only as staff of a
 * hogeschool whose domain is their home organisation. Every refusal changes nothing.
 */

/** Minutes a round trip to the provider (and a pending link) stays usable. */
export const ROUND_MINUTES = 10;
const STAFF = new Set(['employee', 'staff']);

export type SurfconextOutcome =
  | { kind: 'signedIn'; sessionToken: string; returnTo: string | null; created: boolean }
  | { kind: 'confirmLink'; linkToken: string }
  | { kind: 'expired' }
  | { kind: 'cancelled' }
  | { kind: 'providerError' }
  | { kind: 'unavailable' }
  | { kind: 'rejected' }
  | { kind: 'missingClaims'; missing: ('email' | 'schac_home_organization')[] }
  | { kind: 'subjectChanged' }
  | { kind: 'disabled' }
  | { kind: 'unknownDomain'; domain: string }
  | { kind: 'student' }
  | { kind: 'notStaff' };

/** Why a round ended without signing in, for the log: a word and a technical cause, nothing personal. */
export type Logged = { outcome: SurfconextOutcome['kind']; cause?: string };

function isUniqueViolation(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Starts a round trip: its state (kept hashed), nonce and PKCE verifier are stored; the URL goes to the browser. */
export async function startSurfconext(
  db: Db,
  settings: OidcSettings,
  returnTo: string | null,
  now = new Date(),
): Promise<{ ok: true; url: string; state: string } | { ok: false; cause: string }> {
  try {
    const round = await beginRound(settings);
    await insertOidcAttempt(db, {
      state_hash: sha256(round.state),
      nonce: round.nonce,
      code_verifier: round.codeVerifier,
      return_to: returnTo,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ROUND_MINUTES * MINUTE).toISOString(),
    });
    return { ok: true, url: round.url.href, state: round.state };
  } catch (error) {
    if (error instanceof ProviderUnavailableError) return { ok: false, cause: error.message };
    throw error;
  }
}

/**
 * Finishes a round trip. `browserState` is the state this browser was given (its cookie); the
 * one in the URL must match it and be unused, so a link made in another browser or used before
 * does nothing.
 */
export async function finishSurfconext(
  db: Db,
  settings: OidcSettings,
  input: { callbackUrl: URL; browserState: string | undefined; currentSession: string | null },
  now = new Date(),
): Promise<SurfconextOutcome & { log: Logged }> {
  const params = input.callbackUrl.searchParams;
  const state = params.get('state') ?? '';
  const done = (o: SurfconextOutcome, cause?: string) => ({ ...o, log: { outcome: o.kind, cause } });
  if (!state || !input.browserState || state !== input.browserState) return done({ kind: 'expired' }, 'state missing or not this browser');
  const attempt = await takeOidcAttempt(db, sha256(state), now.toISOString());
  if (!attempt) return done({ kind: 'expired' }, 'state unknown, used or expired');

  const error = params.get('error');
  if (error) {
    const cancelled = ['access_denied', 'login_required', 'consent_required', 'interaction_required'].includes(error);
    return done({ kind: cancelled ? 'cancelled' : 'providerError' }, `provider returned ${error.slice(0, 60)}`);
  }

  let claims: SurfClaims;
  try {
    claims = await completeRound(settings, input.callbackUrl, { state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier });
  } catch (e) {
    if (e instanceof ProviderUnavailableError) return done({ kind: 'unavailable' }, e.message);
    if (e instanceof ProviderRejectedError) return done({ kind: 'rejected' }, e.message);
    return done({ kind: 'rejected' }, describe(e));
  }

  const missing = [
    ...(claims.email ? [] : (['email'] as const)),
    ...(claims.homeOrganisation ? [] : (['schac_home_organization'] as const)),
  ];
  if (missing.length > 0) return done({ kind: 'missingClaims', missing }, `claims not released: ${missing.join(', ')}`);
  const place = () => placePerson(db, settings, claims, { returnTo: attempt.return_to, currentSession: input.currentSession }, now);
  try {
    return done(await place());
  } catch (error) {
    // The same new person signing in twice at once (two tabs): the other one made the account
    // first; placed again, this one finds it by its subject.
    if (isUniqueViolation(error)) return done(await place());
    throw error;
  }
}

async function placePerson(
  db: Db,
  settings: OidcSettings,
  claims: SurfClaims,
  input: { returnTo: string | null; currentSession: string | null },
  now: Date,
): Promise<SurfconextOutcome> {
  const email = claims.email ?? '';
  const homeOrganisation = claims.homeOrganisation ?? '';
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const identity = await findIdentity(trx, settings.issuer, claims.sub);
    if (identity) {
      const user = await findUserById(trx, identity.user_id);
      if (!user || user.disabled_at) return { kind: 'disabled' } as const;
      await touchIdentity(trx, settings.issuer, claims.sub, at);
      await touchSignIn(trx, user.id, at);
      await recordAudit(
        trx,
        { actorUserId: user.id, action: 'user.signed_in', subjectType: 'user', subjectId: user.id, detail: { method: 'surfconext' } },
        now,
      );
      const sessionToken = await createSession(trx, { userId: user.id }, input.currentSession, now);
      return { kind: 'signedIn', sessionToken, returnTo: input.returnTo, created: false } as const;
    }

    const existing = await findUserByEmail(trx, email);
    const institution = await institutionOfDomain(trx, homeOrganisation);
    const staff = claims.affiliations.some((a) => STAFF.has(a));
    if (existing) {
      if (await findIdentityOfUser(trx, existing.id, settings.issuer)) return { kind: 'subjectChanged' } as const;
      if (existing.disabled_at) return { kind: 'disabled' } as const;
      const linkToken = newToken();
      await insertPendingLink(trx, {
        token_hash: sha256(linkToken),
        user_id: existing.id,
        issuer: settings.issuer,
        subject: claims.sub,
        institution_brin: staff ? (institution?.brin ?? null) : null,
        return_to: input.returnTo,
        created_at: at,
        expires_at: new Date(now.getTime() + ROUND_MINUTES * MINUTE).toISOString(),
      });
      return { kind: 'confirmLink', linkToken } as const;
    }

    if (!institution) {
      await recordUnknownHomeOrganisation(trx, homeOrganisation, now);
      return { kind: 'unknownDomain', domain: homeOrganisation } as const;
    }
    if (!staff) {
      return claims.affiliations.includes('student') ? ({ kind: 'student' } as const) : ({ kind: 'notStaff' } as const);
    }
    const id = await createApplicant(trx, { email, name: claims.name, institutionBrin: institution.brin, method: 'surfconext' }, now);
    await insertIdentity(trx, { issuer: settings.issuer, subject: claims.sub, user_id: id, created_at: at, last_used_at: at });
    const sessionToken = await createSession(trx, { userId: id }, input.currentSession, now);
    return { kind: 'signedIn', sessionToken, returnTo: input.returnTo, created: true } as const;
  });
}

/** For the question page: which account the SURFconext identity would be linked to. */
export async function pendingLinkEmail(db: Db, linkToken: string | undefined, now = new Date()): Promise<string | null> {
  if (!linkToken || linkToken.length > 100) return null;
  return (await findPendingLink(db, sha256(linkToken), now.toISOString()))?.email ?? null;
}

/**
 * The person answered the question "Wilt u dit account koppelen?". Yes: the identity is linked,
 * and they are signed in to that account. No: nothing changes. Either way the question is used up.
 */
export async function answerLink(
  db: Db,
  input: { linkToken: string | undefined; link: boolean; currentSession: string | null },
  now = new Date(),
): Promise<{ kind: 'signedIn'; sessionToken: string; returnTo: string | null } | { kind: 'declined' } | { kind: 'expired' }> {
  if (!input.linkToken || input.linkToken.length > 100) return { kind: 'expired' };
  const token = input.linkToken;
  return db.transaction().execute(async (trx) => {
    const pending = await takePendingLink(trx, sha256(token), now.toISOString());
    if (!pending) return { kind: 'expired' } as const;
    if (!input.link) return { kind: 'declined' } as const;
    const user = await findUserById(trx, pending.user_id);
    if (!user || user.disabled_at) return { kind: 'expired' } as const;
    // Someone may have linked another identity in the meantime; one per issuer stays the rule.
    if (await findIdentityOfUser(trx, user.id, pending.issuer)) return { kind: 'expired' } as const;
    const at = now.toISOString();
    await insertIdentity(trx, { issuer: pending.issuer, subject: pending.subject, user_id: user.id, created_at: at, last_used_at: at });
    await touchSignIn(trx, user.id, at);
    // An applicant without hogeschool who is staff of a known one gets it now; nobody's hogeschool is changed.
    const gains = user.role === 'applicant' && user.institution_brin === null ? pending.institution_brin : null;
    if (gains) await setUserInstitution(trx, user.id, gains);
    await recordAudit(
      trx,
      {
        actorUserId: user.id,
        action: 'user.surfconext_linked',
        subjectType: 'user',
        subjectId: user.id,
        detail: gains ? { institution: gains } : undefined,
      },
      now,
    );
    const sessionToken = await createSession(trx, { userId: user.id }, input.currentSession, now);
    return { kind: 'signedIn', sessionToken, returnTo: pending.return_to } as const;
  });
}
