import type { Trx } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { AlreadyRegisteredError, MAILS, refuse } from './messages.ts';
import {
  aheadInLine,
  codeTaken,
  inState,
  insertRegistration,
  moveRegistration,
  nextArrival,
  registrationByEmail,
  takenSeats,
  updateEvent,
} from './repo.ts';
import { ACTIVE_STATES, fillAlert, momentText, offerFor, SEAT_LABELS, waitlistRule } from './rules.ts';
import {
  type Event,
  eventById,
  lockEventOrThrow,
  mailEvent,
  newCode,
  offerWindows,
  type SiteConfig,
  seatLink,
  seatOf,
  toEvent,
  withInvitation,
} from './service.ts';
import type { SeatState } from './tables.ts';

/**
 * The seats of an event: registering, the waiting list and its offers, cancelling. Every function
 * here runs inside a transaction that first locked the event (`lockEventOrThrow`), so counting the
 * seats and taking one are a single step, also with several processes on one PostgreSQL.
 */

export type Person = { userId: string | null; name: string; email: string; answers: Record<string, string> };
export type JoinOutcome = { registrationId: string; state: 'confirmed' | 'waiting'; place: number | null };

const token = () => newCode() + newCode();

export async function join(trx: Trx, config: SiteConfig, eventId: string, person: Person, now: Date): Promise<JoinOutcome> {
  const nowIso = now.toISOString();
  const e = toEvent(await lockEventOrThrow(trx, eventId));
  if (e.state === 'cancelled') throw refuse.cancelledEvent();
  if (nowIso >= e.deadline || nowIso >= e.startsAt) throw refuse.closed();
  await settle(trx, config, e, now);
  const existing = await registrationByEmail(trx, e.id, person.email);
  if (existing && (ACTIVE_STATES as readonly string[]).includes(existing.state))
    throw new AlreadyRegisteredError(existing.id, SEAT_LABELS[existing.state] ?? existing.state);

  const taken = await takenSeats(trx, e.id);
  const waiting = (await inState(trx, e.id, ['waiting'])).length;
  let state: 'confirmed' | 'waiting';
  if (e.capacity === null || (taken < e.capacity && waiting === 0)) state = 'confirmed';
  else if (e.waitlist) state = 'waiting';
  else if (taken < e.capacity) state = 'confirmed';
  else throw refuse.full();

  const arrival = await nextArrival(trx, e.id);
  const nonce = token();
  const fields = {
    user_id: person.userId,
    name: person.name,
    state,
    arrival,
    answers: JSON.stringify(person.answers),
    link_nonce: nonce,
    offer_expires_at: null,
    open_offer_at: null,
    attendance: null,
    attendance_at: null,
    reminded_at: null,
    confirmed_at: state === 'confirmed' ? nowIso : null,
    updated_at: nowIso,
  } as const;
  let id: string;
  let code: string;
  if (existing) {
    // Someone who left comes back: the same row, at the back of the line, with new links.
    id = existing.id;
    code = existing.code;
    await moveRegistration(trx, id, [existing.state as SeatState], fields);
  } else {
    id = newId();
    do code = newCode();
    while (await codeTaken(trx, e.id, code));
    await insertRegistration(trx, { id, event_id: e.id, email: person.email, code, created_at: nowIso, ...fields });
  }
  const seat = { id, name: person.name, email: person.email, linkNonce: nonce, code };
  const facts = mailEvent(e, config);
  let place: number | null = null;
  if (state === 'confirmed') {
    await enqueueMail(
      trx,
      withInvitation(MAILS.confirmed(facts, { name: person.name, code, link: seatLink(config, seat) }), e, seat, 'REQUEST', config),
      now,
    );
    await afterSeatTaken(trx, config, e, now);
  } else {
    place = (await aheadInLine(trx, e.id, arrival)) + 1;
    await enqueueMail(
      trx,
      {
        to: person.email,
        ...MAILS.waiting(facts, { name: person.name, place, rule: waitlistRule(await offerWindows(trx)), link: seatLink(config, seat) }),
      },
      now,
    );
  }
  await recordAudit(
    trx,
    { actorUserId: person.userId, action: 'event.registered', subjectType: 'event', subjectId: e.id, detail: { registration: id, state } },
    now,
  );
  // In the last 24 hours a newcomer on the list hears of a free seat like the others.
  if (state === 'waiting') await settle(trx, config, await eventById(trx, e.id), now);
  await publicContentChanged(trx);
  return { registrationId: id, state, place };
}

/**
 * Brings the waiting list up to date at `now`: expired offers lapse (and are told), then every
 * free seat goes to the list — held for the first in line for 48 hours (never past 24 hours
 * before the start), or in the last 24 hours offered to everyone on the list at once. Nothing is
 * offered once registration has closed or the event has begun.
 */
export async function settle(trx: Trx, config: SiteConfig, e: Event, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  let changes = 0;
  const facts = mailEvent(e, config);
  for (const s of await inState(trx, e.id, ['offered'])) {
    if (
      s.offer_expires_at &&
      s.offer_expires_at <= nowIso &&
      (await moveRegistration(trx, s.id, ['offered'], { state: 'expired', offer_expires_at: null, updated_at: nowIso }))
    ) {
      await enqueueMail(trx, { to: s.email, ...MAILS.offerExpired(facts, { name: s.name }) }, now);
      changes++;
    }
  }
  if (e.state !== 'published' || e.capacity === null) return changes;
  const free = e.capacity - (await takenSeats(trx, e.id));
  const waiting = await inState(trx, e.id, ['waiting']);
  if (free <= 0 || waiting.length === 0) {
    if (e.openRoundAt) await updateEvent(trx, e.id, { open_round_at: null });
    return changes;
  }
  const offer = offerFor({ startsAt: e.startsAt, deadline: e.deadline }, now, await offerWindows(trx));
  if (!offer) return changes;
  if (offer.kind === 'held') {
    for (const s of waiting.slice(0, free)) {
      if (!(await moveRegistration(trx, s.id, ['waiting'], { state: 'offered', offer_expires_at: offer.expiresAt, updated_at: nowIso })))
        continue;
      const seat = seatOf(s);
      await enqueueMail(
        trx,
        {
          to: s.email,
          ...MAILS.offerHeld(facts, {
            name: s.name,
            until: momentText(offer.expiresAt),
            yes: seatLink(config, seat, 'ik-kom'),
            no: seatLink(config, seat, 'niet-meer'),
          }),
        },
        now,
      );
      await recordAudit(
        trx,
        {
          actorUserId: null,
          action: 'event.offered',
          subjectType: 'event',
          subjectId: e.id,
          detail: { registration: s.id, until: offer.expiresAt },
        },
        now,
      );
      changes++;
    }
    return changes;
  }
  let round = e.openRoundAt;
  if (!round) {
    round = nowIso;
    await updateEvent(trx, e.id, { open_round_at: round });
  }
  for (const s of waiting) {
    if (s.open_offer_at && s.open_offer_at >= round) continue;
    if (!(await moveRegistration(trx, s.id, ['waiting'], { open_offer_at: nowIso, updated_at: nowIso }))) continue;
    const seat = seatOf(s);
    await enqueueMail(
      trx,
      {
        to: s.email,
        ...MAILS.offerOpen(facts, { name: s.name, yes: seatLink(config, seat, 'ik-kom'), no: seatLink(config, seat, 'niet-meer') }),
      },
      now,
    );
    changes++;
  }
  return changes;
}

/** The organiser hears once at 80 % and once at 100 % of the places taken. */
async function afterSeatTaken(trx: Trx, config: SiteConfig, e: Event, now: Date): Promise<void> {
  if (e.capacity === null) return;
  const taken = await takenSeats(trx, e.id);
  const alert = fillAlert(taken, e.capacity, { at80: e.alerted80, at100: e.alerted100 });
  if (!alert) return;
  const nowIso = now.toISOString();
  await updateEvent(trx, e.id, alert === 100 ? { alerted_100_at: nowIso, alerted_80_at: nowIso } : { alerted_80_at: nowIso });
  if (e.organiser)
    await enqueueMail(
      trx,
      {
        to: e.organiser.email,
        ...MAILS.fill(mailEvent(e, config), {
          percent: alert,
          taken,
          capacity: e.capacity,
          teamLink: `${config.baseUrl}/beheer/bijeenkomsten/${e.id}`,
        }),
      },
      now,
    );
}

type SeatRowLike = {
  id: string;
  event_id: string;
  state: string;
  name: string;
  email: string;
  link_nonce: string;
  code: string;
  offer_expires_at: string | null;
  open_offer_at: string | null;
};

/** "Ik kom": a held offer before it lapses, or a free seat in an open round. */
export async function takeOffer(trx: Trx, config: SiteConfig, s: SeatRowLike, now: Date): Promise<'confirmed' | 'already'> {
  const nowIso = now.toISOString();
  const e = toEvent(await lockEventOrThrow(trx, s.event_id));
  if (e.state === 'cancelled') throw refuse.cancelledEvent();
  if (nowIso >= e.startsAt) throw refuse.started();
  if (s.state === 'confirmed') return 'already';
  if (s.state === 'offered') {
    if (!s.offer_expires_at || s.offer_expires_at <= nowIso) throw refuse.offerGone();
  } else if (s.state === 'waiting') {
    if (!s.open_offer_at || e.capacity === null) throw refuse.noOffer();
    // Told of a free seat, but someone else on the list confirmed first (the round has closed).
    if (!e.openRoundAt || (await takenSeats(trx, e.id)) >= e.capacity) throw refuse.seatTaken();
  } else throw refuse.offerGone();
  if (
    !(await moveRegistration(trx, s.id, [s.state as SeatState], {
      state: 'confirmed',
      confirmed_at: nowIso,
      offer_expires_at: null,
      updated_at: nowIso,
    }))
  )
    throw refuse.offerGone();
  const seat = seatOf(s);
  await enqueueMail(
    trx,
    withInvitation(
      MAILS.confirmed(mailEvent(e, config), { name: s.name, code: s.code, link: seatLink(config, seat) }),
      e,
      seat,
      'REQUEST',
      config,
    ),
    now,
  );
  await afterSeatTaken(trx, config, e, now);
  await recordAudit(
    trx,
    {
      actorUserId: null,
      action: 'event.registered',
      subjectType: 'event',
      subjectId: e.id,
      detail: { registration: s.id, state: 'confirmed' },
    },
    now,
  );
  await settle(trx, config, await eventById(trx, e.id), now);
  await publicContentChanged(trx);
  return 'confirmed';
}

/**
 * Afmelden, "Ik hoef niet meer" and leaving the list: a seat or an offer goes back to the list at
 * once; allowed until the start.
 */
export async function giveUp(trx: Trx, config: SiteConfig, s: SeatRowLike, now: Date): Promise<SeatState> {
  const nowIso = now.toISOString();
  const e = toEvent(await lockEventOrThrow(trx, s.event_id));
  if (e.state === 'cancelled') throw refuse.cancelledEvent();
  if (nowIso >= e.startsAt) throw refuse.started();
  const next: Record<string, SeatState> = { confirmed: 'cancelled', offered: 'declined', waiting: 'left' };
  const to = next[s.state];
  if (!to) throw refuse.notActive(SEAT_LABELS[s.state] ?? s.state);
  if (!(await moveRegistration(trx, s.id, [s.state as SeatState], { state: to, offer_expires_at: null, updated_at: nowIso })))
    throw refuse.notActive(SEAT_LABELS[s.state] ?? s.state);
  const facts = mailEvent(e, config);
  if (s.state === 'confirmed')
    await enqueueMail(trx, withInvitation(MAILS.cancelledByPerson(facts, { name: s.name }), e, seatOf(s), 'CANCEL', config), now);
  else await enqueueMail(trx, { to: s.email, ...MAILS.left(facts, { name: s.name }) }, now);
  await recordAudit(
    trx,
    { actorUserId: null, action: 'event.registered', subjectType: 'event', subjectId: e.id, detail: { registration: s.id, state: to } },
    now,
  );
  await settle(trx, config, await eventById(trx, e.id), now);
  await publicContentChanged(trx);
  return to;
}
