import type { Config } from '../../config.ts';
import type { Db, Trx } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId, newToken, sha256 } from '../../platform/crypto.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { deleteSession, deleteSessionsOfUser } from '../../platform/session/repo.ts';
import { createSession } from '../../platform/session/session.ts';
import { readSetting } from '../../platform/settings/registry.ts';
import { DAY, MINUTE } from '../../platform/time.ts';
import { type DomainInstitution, domainOfEmail, institutionOfDomain } from '../reference/index.ts';
import { askForLink } from './links.ts';
import { SIGN_IN_LINK_DAYS } from './privacy.ts';
import {
  consumeToken,
  countRecentTokens,
  deleteExpiredOidcRows,
  deleteOldTokens,
  findUsableToken,
  findUserByEmail,
  insertSignInToken,
  insertUser,
  setUserRole,
  touchSignIn,
} from './repo.ts';
import { ADDRESS_WINDOW_MINUTES, IP_WINDOW_MINUTES, isRateLimited, type Role, SIGN_IN_LINK_LIFETIME_MINUTES } from './rules.ts';

const timeFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

/**
 * Sends a sign-in link to any well-formed address: known addresses sign in, new ones go on to
 * choose their hogeschool. The caller answers the same either way, so nobody learns from the
 * answer whether an address has an account.
 * Side effects (one transaction): a token row (hash only) and one outbox message.
 */
export async function requestSignInLink(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  input: { email: string; ip: string; returnTo: string | null },
  now = new Date(),
): Promise<'sent' | 'limited'> {
  const ipHash = sha256(`${config.sessionSecret}:${input.ip}`);
  return db.transaction().execute(async (trx) => {
    const forAddress = await countRecentTokens(
      trx,
      { email: input.email },
      new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * MINUTE).toISOString(),
    );
    const forIp = await countRecentTokens(trx, { ipHash }, new Date(now.getTime() - IP_WINDOW_MINUTES * MINUTE).toISOString());
    if (isRateLimited(forAddress, forIp)) return 'limited';

    const token = newToken();
    const expires = new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MINUTES * MINUTE);
    await insertSignInToken(trx, {
      token_hash: sha256(token),
      email: input.email,
      ip_hash: ipHash,
      return_to: input.returnTo,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
      used_at: null,
    });
    const known = await findUserByEmail(trx, input.email);
    const link = `${config.baseUrl}/inloggen/link?token=${token}`;
    const intro = known
      ? 'U vroeg om in te loggen op het platform Mkb-route in het hbo. Open deze link om in te loggen:'
      : 'U vroeg om in te loggen op het platform Mkb-route in het hbo. Voor dit e-mailadres is nog geen account. Open deze link; daarna maakt u in één stap uw account aan:';
    await enqueueMail(
      trx,
      {
        to: input.email,
        subject: 'Uw inloglink voor Mkb-route in het hbo',
        text: [
          'Goedendag,',
          '',
          intro,
          '',
          link,
          '',
          `De link werkt één keer en is geldig tot ${timeFormat.format(expires)} uur (${SIGN_IN_LINK_LIFETIME_MINUTES} minuten).`,
          'Heeft u dit niet zelf gevraagd? Dan kunt u dit bericht negeren; er verandert niets.',
          '',
          'Programmateam Mkb-route in het hbo',
        ].join('\n'),
      },
      now,
    );
    return 'sent';
  });
}

/** For the confirmation page: whose link this is, without using it up. */
export async function inspectSignInLink(db: Db, token: string, now = new Date()): Promise<{ email: string } | null> {
  const row = await findUsableToken(db, sha256(token), now.toISOString());
  return row ? { email: row.email } : null;
}

export type Redeemed =
  | { kind: 'signedIn'; sessionToken: string; returnTo: string | null }
  | { kind: 'chooseInstitution'; sessionToken: string }
  | { kind: 'invalid' };

/**
 * Uses a sign-in link once. Side effects (one transaction): the token is marked used, the old
 * session is dropped and a new one made; for a known user the sign-in time and an audit event.
 */
export async function redeemSignInLink(db: Db, token: string, currentSession: string | null, now = new Date()): Promise<Redeemed> {
  return db.transaction().execute(async (trx) => {
    const used = await consumeToken(trx, sha256(token), now.toISOString());
    if (!used) return { kind: 'invalid' } as const;
    const user = await findUserByEmail(trx, used.email);
    if (user?.disabled_at) return { kind: 'invalid' } as const;
    if (!user) {
      const sessionToken = await createSession(trx, { pendingEmail: used.email }, currentSession, now);
      return { kind: 'chooseInstitution', sessionToken } as const;
    }
    const sessionToken = await createSession(trx, { userId: user.id }, currentSession, now);
    await touchSignIn(trx, user.id, now.toISOString());
    await recordAudit(trx, { actorUserId: user.id, action: 'user.signed_in', subjectType: 'user', subjectId: user.id }, now);
    return { kind: 'signedIn', sessionToken, returnTo: used.return_to } as const;
  });
}

/** The hogeschool a new address belongs to by its domain, or null (an account without one). */
export async function institutionForAddress(db: Db, email: string): Promise<DomainInstitution | null> {
  return institutionOfDomain(db, domainOfEmail(email));
}

/**
 * A new applicant (of a hogeschool, or of none yet) signed in at `now`, with its audit event; inside
 * the caller's transaction. `method` says how they came in when it was not by e-mail link.
 */
export async function createApplicant(
  trx: Trx,
  input: { email: string; name: string | null; institutionBrin: string | null; method?: 'surfconext' },
  now: Date,
): Promise<string> {
  const id = newId();
  await insertUser(trx, {
    id,
    email: input.email,
    name: input.name,
    role: 'applicant',
    institution_brin: input.institutionBrin,
    created_at: now.toISOString(),
    last_sign_in_at: now.toISOString(),
    disabled_at: null,
  });
  const detail = { role: 'applicant', institution: input.institutionBrin, ...(input.method ? { method: input.method } : {}) };
  await recordAudit(trx, { actorUserId: id, action: 'user.created', subjectType: 'user', subjectId: id, detail }, now);
  return id;
}

export type SignupOutcome = { ok: true; sessionToken: string } | { ok: false; field: 'institution' | 'reason'; message: string };

/**
 * A new address that proved it owns its mailbox gets an account: an applicant of the hogeschool
 * its domain belongs to, or (any other domain) an account without hogeschool, with a request to
 * be linked when one was asked for. Side effects (one transaction): the user, an audit event, the
 * link request, and a fresh session replacing the pending one.
 */
export async function completeSignup(
  db: Db,
  input: { email: string; name: string | null; linkRequest: { institutionBrin: string; reason: string } | null; pendingSession: string },
  now = new Date(),
): Promise<SignupOutcome> {
  const institution = await institutionForAddress(db, input.email);
  return db
    .transaction()
    .execute(async (trx) => {
      let user = await findUserByEmail(trx, input.email);
      if (!user) {
        const id = await createApplicant(trx, { email: input.email, name: input.name, institutionBrin: institution?.brin ?? null }, now);
        if (!institution && input.linkRequest) {
          const asked = await askForLink(trx, { userId: id, ...input.linkRequest }, now);
          // Nothing is stored when the request is refused: the transaction rolls back.
          if (!asked.ok) throw new SignupRefused(asked);
        }
        user = await findUserByEmail(trx, input.email);
      }
      if (!user) throw new Error('user vanished inside its own transaction');
      const sessionToken = await createSession(trx, { userId: user.id }, input.pendingSession, now);
      return { ok: true as const, sessionToken };
    })
    .catch((error: unknown) => {
      if (error instanceof SignupRefused) return error.outcome;
      throw error;
    });
}

class SignupRefused extends Error {
  constructor(readonly outcome: Extract<SignupOutcome, { ok: false }>) {
    super(outcome.message);
  }
}

export async function signOut(db: Db, sessionIdHash: string | null): Promise<void> {
  if (sessionIdHash) await deleteSession(db, sessionIdHash);
}

/** Ends every session of the user, on every device. Side effect: an audit event. */
export async function signOutEverywhere(db: Db, userId: string, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await deleteSessionsOfUser(trx, userId);
    await recordAudit(
      trx,
      { actorUserId: userId, action: 'user.signed_out_everywhere', subjectType: 'user', subjectId: userId, detail: { sessions: ended } },
      now,
    );
    return ended;
  });
}

/** Creates a user with a role, or gives an existing one that role (used by the CLI and demo content). */
export async function ensureUser(
  db: Db,
  input: { email: string; role: Role; name?: string | null; institutionBrin?: string | null },
  now = new Date(),
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const institution = input.role === 'applicant' ? (input.institutionBrin ?? null) : null;
  return db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, email);
    if (existing) {
      await setUserRole(trx, existing.id, input.role, institution);
      await recordAudit(
        trx,
        { actorUserId: null, action: 'user.role_set', subjectType: 'user', subjectId: existing.id, detail: { role: input.role } },
        now,
      );
      return existing.id;
    }
    const id = newId();
    await insertUser(trx, {
      id,
      email,
      name: input.name ?? null,
      role: input.role,
      institution_brin: institution,
      created_at: now.toISOString(),
      last_sign_in_at: null,
      disabled_at: null,
    });
    await recordAudit(
      trx,
      { actorUserId: null, action: 'user.created', subjectType: 'user', subjectId: id, detail: { role: input.role } },
      now,
    );
    return id;
  });
}

/**
 * Housekeeping: sign-in tokens are useless after 15 minutes (kept a day for the rate limits);
 * SURFconext round trips and pending links that were never finished go once expired.
 */
export async function purgeOldSignInTokens(db: Db, now = new Date()): Promise<void> {
  const days = await readSetting(db, SIGN_IN_LINK_DAYS);
  await deleteOldTokens(db, new Date(now.getTime() - days * DAY).toISOString());
  await deleteExpiredOidcRows(db, now.toISOString());
}

/**
 * The account of an organisation's contact, in the caller's transaction: an existing account (of
 * any role) is used as it is; otherwise a `partner` account without hogeschool is made, which
 * signs in by e-mail link like everyone else and sees only its own organisation (network feature).
 */
export async function ensurePartnerAccount(trx: Trx, input: { email: string; name: string | null }, now = new Date()): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const existing = await findUserByEmail(trx, email);
  if (existing) return existing.id;
  const id = newId();
  await insertUser(trx, {
    id,
    email,
    name: input.name,
    role: 'partner',
    institution_brin: null,
    created_at: now.toISOString(),
    last_sign_in_at: null,
    disabled_at: null,
  });
  await recordAudit(
    trx,
    { actorUserId: null, action: 'user.created', subjectType: 'user', subjectId: id, detail: { role: 'partner' } },
    now,
  );
  return id;
}
