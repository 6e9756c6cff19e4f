import type { Db } from '../../db/connect.ts';
import { newId, newToken, sha256 } from '../../platform/crypto.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { enqueueMail } from '../../platform/mail/repo.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { MAILS, refuse } from './messages.ts';
import {
  aheadInLine,
  deletePending,
  findRegistration,
  insertPending,
  pendingByHash,
  recentPendingFor,
  registrationByEmail,
  registrationsOfPerson,
  type SeatRow,
} from './repo.ts';
import { ACTIVE_STATES, CONFIRM_HOURS, signLink, verifyLink } from './rules.ts';
import { giveUp, type JoinOutcome, join, takeOffer } from './seats.ts';
import { type Event, eventById, mailEvent, type SiteConfig } from './service.ts';

/** How a participant reaches their registration: the signed link from a mail, or signed in as its owner. */
export type SeatAccess = { user: CurrentUser | null; key: string | undefined };

/** One click for someone signed in: their name and address come from the account. */
export async function registerSignedIn(
  db: Db,
  config: SiteConfig,
  user: CurrentUser,
  eventId: string,
  answers: Record<string, string>,
  now = new Date(),
): Promise<JoinOutcome> {
  return db
    .transaction()
    .execute((trx) => join(trx, config, eventId, { userId: user.id, name: user.name ?? user.email, email: user.email, answers }, now));
}

function openForRegistration(e: Event, now: Date): void {
  if (e.state === 'cancelled') throw refuse.cancelledEvent();
  const nowIso = now.toISOString();
  if (nowIso >= e.deadline || nowIso >= e.startsAt) throw refuse.closed();
}

/**
 * A guest: nothing is registered until the address is confirmed by the link in the mail (double
 * opt-in). The same answer whether or not the address is already registered, so the form tells a
 * stranger nothing about who comes; at most three links per address an hour.
 */
export async function requestGuestRegistration(
  db: Db,
  config: SiteConfig,
  eventId: string,
  guest: { name: string; email: string; answers: Record<string, string> },
  now = new Date(),
): Promise<void> {
  const e = await eventById(db, eventId);
  openForRegistration(e, now);
  if ((await recentPendingFor(db, guest.email, new Date(now.getTime() - 3_600_000).toISOString())) >= 3) throw refuse.tooManyRequests();
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await insertPending(trx, {
      id: newId(),
      event_id: e.id,
      name: guest.name,
      email: guest.email,
      answers: JSON.stringify(guest.answers),
      token_hash: sha256(token),
      expires_at: new Date(now.getTime() + CONFIRM_HOURS * 3_600_000).toISOString(),
      created_at: now.toISOString(),
    });
    const link = `${config.baseUrl}/bijeenkomsten/${e.id}/bevestigen?token=${encodeURIComponent(token)}`;
    await enqueueMail(trx, { to: guest.email, ...MAILS.confirmGuest(mailEvent(e, config), { name: guest.name, link }) }, now);
  });
}

/** The guest's click: the pending request becomes a registration, once. */
export async function confirmGuest(
  db: Db,
  config: SiteConfig,
  eventId: string,
  token: unknown,
  now = new Date(),
): Promise<JoinOutcome & { key: string }> {
  const pending = await livePending(db, eventId, token, now);
  const outcome = await db.transaction().execute(async (trx) => {
    if (!(await deletePending(trx, pending.id))) throw refuse.confirmLinkGone();
    return join(
      trx,
      config,
      eventId,
      { userId: null, name: pending.name, email: pending.email, answers: JSON.parse(pending.answers) as Record<string, string> },
      now,
    );
  });
  const row = await findRegistration(db, outcome.registrationId);
  if (!row) throw new NotFoundError('registration');
  return { ...outcome, key: signLink(config.sessionSecret, row.id, row.link_nonce) };
}

/** A guest's request behind a confirmation token, if the link is still good for this event. */
async function livePending(db: Db, eventId: string, token: unknown, now: Date) {
  if (typeof token !== 'string' || token.length > 100) throw refuse.confirmLinkGone();
  const pending = await pendingByHash(db, sha256(token));
  if (!pending || pending.event_id !== eventId || pending.expires_at <= now.toISOString()) throw refuse.confirmLinkGone();
  return pending;
}

/** Whether a guest's confirmation link is still good (the page asks for the click on a button). */
export async function pendingFor(db: Db, eventId: string, token: unknown, now = new Date()): Promise<{ name: string; email: string }> {
  const pending = await livePending(db, eventId, token, now);
  return { name: pending.name, email: pending.email };
}

/** Where a signed-in person stands for one event (still holding or waiting for a seat), or null. */
export async function standingFor(
  db: Db,
  user: CurrentUser,
  eventId: string,
): Promise<{ id: string; state: string; place: number | null } | null> {
  const row = await registrationByEmail(db, eventId, user.email);
  if (!row || !(ACTIVE_STATES as readonly string[]).includes(row.state)) return null;
  return { id: row.id, state: row.state, place: row.state === 'waiting' ? (await aheadInLine(db, eventId, row.arrival)) + 1 : null };
}

/** The registration behind a link or of the signed-in person; someone else's gets a clear refusal. */
export async function seatFor(db: Db, config: SiteConfig, access: SeatAccess, id: string): Promise<SeatRow> {
  const row = await findRegistration(db, id);
  if (!row) throw new NotFoundError('registration');
  const owner = access.user && (row.user_id === access.user.id || row.email === access.user.email);
  if (owner) return row;
  if (access.key !== undefined) {
    if (!verifyLink(config.sessionSecret, row.id, row.link_nonce, access.key)) throw refuse.badLink();
    // A signed link opened while signed in as somebody else: not theirs to change.
    if (access.user && row.user_id && row.user_id !== access.user.id) throw refuse.someoneElse();
    return row;
  }
  throw new NotFoundError('registration');
}

export async function placeInLine(db: Db, row: SeatRow): Promise<number | null> {
  return row.state === 'waiting' ? (await aheadInLine(db, row.event_id, row.arrival)) + 1 : null;
}

export async function acceptOffer(db: Db, config: SiteConfig, access: SeatAccess, id: string, now = new Date()) {
  return db.transaction().execute(async (trx) => takeOffer(trx, config, await seatFor(trx, config, access, id), now));
}

export async function withdraw(db: Db, config: SiteConfig, access: SeatAccess, id: string, now = new Date()) {
  return db.transaction().execute(async (trx) => giveUp(trx, config, await seatFor(trx, config, access, id), now));
}

export type MySeat = Awaited<ReturnType<typeof registrationsOfPerson>>[number] & { place: number | null };

/** /mijn: my registrations, with my place in line where I wait. */
export async function mySeats(db: Db, user: CurrentUser): Promise<MySeat[]> {
  const rows = await registrationsOfPerson(db, user.id, user.email);
  return rows.map((r) => ({ ...r, place: r.state === 'waiting' ? Number(r.waiting_before ?? 0) + 1 : null }));
}
