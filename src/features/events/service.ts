import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db, Trx } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { buildInvite, toAmsterdam } from '../../platform/calendar.ts';
import { newId } from '../../platform/crypto.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { enqueueMail, type MailInput } from '../../platform/mail/repo.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { readSetting } from '../../platform/settings/registry.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { MAILS, type MailEvent } from './messages.ts';
import { type EventRow, findEvent, inState, insertEvent, listEvents, lockEvent, seatCounts, takenSeats, updateEvent } from './repo.ts';
import {
  attendanceCode,
  OFFER_SETTING,
  type OfferWindows,
  OPEN_WINDOW_SETTING,
  placeText,
  type Question,
  signLink,
  whenText,
} from './rules.ts';
import type { EventInput } from './schemas.ts';
import { settle } from './seats.ts';

export type SiteConfig = Pick<Config, 'baseUrl' | 'sessionSecret' | 'mailFrom'>;

export type Event = {
  id: string;
  title: string;
  description: string;
  themes: string[];
  audiences: string[];
  mode: 'online' | 'location';
  link: string | null;
  address: string | null;
  startsAt: string;
  endsAt: string;
  deadline: string;
  capacity: number | null;
  waitlist: boolean;
  reminderHours: number;
  reminderText: string;
  questions: Question[];
  state: 'published' | 'cancelled';
  sequence: number;
  organiserId: string | null;
  organiser: { name: string; email: string } | null;
  openRoundAt: string | null;
  alerted80: boolean;
  alerted100: boolean;
  cancelReason: string | null;
  createdAt: string;
};

export function toEvent(r: EventRow): Event {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    themes: JSON.parse(r.themes) as string[],
    audiences: JSON.parse(r.audiences) as string[],
    mode: r.mode,
    link: r.link,
    address: r.address,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    deadline: r.registration_deadline,
    capacity: r.capacity === null ? null : Number(r.capacity),
    waitlist: Number(r.waitlist) === 1,
    reminderHours: Number(r.reminder_hours),
    reminderText: r.reminder_text,
    questions: JSON.parse(r.questions) as Question[],
    state: r.state,
    sequence: Number(r.sequence),
    organiserId: r.organiser_id,
    organiser: r.organiser_email ? { name: r.organiser_name ?? r.organiser_email, email: r.organiser_email } : null,
    openRoundAt: r.open_round_at,
    alerted80: r.alerted_80_at !== null,
    alerted100: r.alerted_100_at !== null,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
  };
}

export async function eventById(db: Db, id: string): Promise<Event> {
  const row = await findEvent(db, id);
  if (!row) throw new NotFoundError('event');
  return toEvent(row);
}

export type EventWithSeats = Event & { taken: number; confirmed: number; waiting: number };

/** Events with their seat counts; `upcoming` ends after now, `past` ended (newest first). */
export async function eventsOverview(db: Db, now = new Date()): Promise<{ upcoming: EventWithSeats[]; past: EventWithSeats[] }> {
  const rows = (await listEvents(db)).map(toEvent);
  const counts = await seatCounts(
    db,
    rows.map((e) => e.id),
  );
  const withSeats = rows.map((e) => ({ ...e, ...(counts.get(e.id) ?? { taken: 0, confirmed: 0, waiting: 0 }) }));
  const nowIso = now.toISOString();
  return {
    upcoming: withSeats.filter((e) => e.endsAt > nowIso),
    past: withSeats.filter((e) => e.endsAt <= nowIso).reverse(),
  };
}

/** The waiting list's windows in force (settings). */
export async function offerWindows(db: Db | Trx): Promise<OfferWindows> {
  return { offerHours: await readSetting(db, OFFER_SETTING), openWindowHours: await readSetting(db, OPEN_WINDOW_SETTING) };
}

export async function eventWithSeats(db: Db, id: string): Promise<EventWithSeats> {
  const e = await eventById(db, id);
  return { ...e, ...((await seatCounts(db, [id])).get(id) ?? { taken: 0, confirmed: 0, waiting: 0 }) };
}

// ---------------------------------------------------------------- mail helpers

export const pageUrl = (config: Pick<Config, 'baseUrl'>, id: string) => `${config.baseUrl}/bijeenkomsten/${id}`;

export function mailEvent(e: Event, config: Pick<Config, 'baseUrl'>): MailEvent {
  return { title: e.title, when: whenText(e.startsAt, e.endsAt), place: placeText(e), pageUrl: pageUrl(config, e.id) };
}

export type Seat = { id: string; name: string; email: string; linkNonce: string; code: string };

export function seatLink(config: Pick<Config, 'baseUrl' | 'sessionSecret'>, s: { id: string; linkNonce: string }, action = ''): string {
  return `${config.baseUrl}/bijeenkomsten/aanmelding/${s.id}${action ? `/${action}` : ''}?sleutel=${signLink(config.sessionSecret, s.id, s.linkNonce)}`;
}

/** The invitation for one participant: stable UID per event, SEQUENCE from the event, the participant as ATTENDEE. */
export function invitation(e: Event, seat: Pick<Seat, 'name' | 'email'>, method: 'REQUEST' | 'CANCEL', config: SiteConfig): string {
  return buildInvite({
    calendarName: 'Bijeenkomsten Mkb-route in het hbo',
    uid: `bijeenkomst-${e.id}@${new URL(config.baseUrl).hostname}`,
    sequence: e.sequence,
    method,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    summary: e.title,
    description: `${e.title}\n\n${pageUrl(config, e.id)}`,
    location: placeText(e),
    url: pageUrl(config, e.id),
    organizer: e.organiser ?? { name: 'Programmateam Mkb-route in het hbo', email: config.mailFrom },
    attendees: [{ name: seat.name, email: seat.email }],
  });
}

export function withInvitation(
  mail: { subject: string; text: string },
  e: Event,
  seat: Seat,
  method: 'REQUEST' | 'CANCEL',
  config: SiteConfig,
): MailInput {
  return {
    to: seat.email,
    ...mail,
    attachments: [
      {
        filename: method === 'CANCEL' ? 'annulering.ics' : 'bijeenkomst.ics',
        contentType: `text/calendar; charset=utf-8; method=${method}`,
        content: Buffer.from(invitation(e, seat, method, config)),
      },
    ],
  };
}

export const newCode = () => attendanceCode(randomBytes(6));

// ---------------------------------------------------------------- the team's changes

function columns(input: EventInput) {
  return {
    title: input.title,
    description: input.description,
    themes: JSON.stringify(input.themes),
    audiences: JSON.stringify(input.audiences),
    mode: input.mode,
    link: input.link,
    address: input.address,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    capacity: input.capacity,
    registration_deadline: input.deadline,
    waitlist: input.waitlist ? 1 : 0,
    reminder_hours: input.reminderHours,
    reminder_text: input.reminderText,
    questions: JSON.stringify(input.questions),
    organiser_id: input.organiserId,
  };
}

export async function createEvent(db: Db, actor: CurrentUser, input: EventInput, now = new Date()): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertEvent(trx, {
      id,
      ...columns(input),
      organiser_id: input.organiserId ?? actor.id,
      state: 'published',
      created_by: actor.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      open_round_at: null,
      alerted_80_at: null,
      alerted_100_at: null,
      cancel_reason: null,
    });
    await recordAudit(trx, { actorUserId: actor.id, action: 'event.published', subjectType: 'event', subjectId: id }, now);
    await publicContentChanged(trx);
  });
  return id;
}

/** A change the team cannot make, with the reason for the form. */
export type EditRefusal = { field: string; message: string };

/**
 * Saves the team's changes. Fewer places than people already hold is refused with the number; a
 * change of time or place raises the SEQUENCE and sends everyone with a seat the updated
 * invitation; more places go to the waiting list at once.
 */
export async function updateEventDetails(
  db: Db,
  config: SiteConfig,
  actor: CurrentUser,
  id: string,
  input: EventInput,
  now = new Date(),
): Promise<EditRefusal | null> {
  return db.transaction().execute(async (trx) => {
    const row = await lockEventOrThrow(trx, id);
    const before = toEvent(row);
    if (before.state === 'cancelled')
      return { field: 'title', message: 'Deze bijeenkomst is geannuleerd en kan niet meer worden gewijzigd' };
    const taken = await takenSeats(trx, id);
    if (input.capacity !== null && input.capacity < taken)
      return {
        field: 'capacity',
        message: `Er ${taken === 1 ? 'heeft al 1 persoon' : `hebben al ${taken} mensen`} een plek (aangemeld of aangeboden); het aantal plaatsen kan niet lager dan ${taken}`,
      };
    const timeOrPlace =
      before.startsAt !== input.startsAt ||
      before.endsAt !== input.endsAt ||
      before.mode !== input.mode ||
      before.link !== input.link ||
      before.address !== input.address;
    await updateEvent(trx, id, {
      ...columns(input),
      organiser_id: input.organiserId ?? before.organiserId,
      sequence: timeOrPlace ? before.sequence + 1 : before.sequence,
      // A larger event may need the fill alerts again.
      ...(input.capacity === null || input.capacity > (before.capacity ?? 0) ? { alerted_80_at: null, alerted_100_at: null } : {}),
      updated_at: now.toISOString(),
    });
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'event.changed', subjectType: 'event', subjectId: id, detail: { timeOrPlace } },
      now,
    );
    const after = await eventById(trx, id);
    if (timeOrPlace) {
      for (const s of await inState(trx, id, ['confirmed'])) {
        const seat = seatOf(s);
        await enqueueMail(
          trx,
          withInvitation(
            MAILS.changed(mailEvent(after, config), { name: s.name, link: seatLink(config, seat) }),
            after,
            seat,
            'REQUEST',
            config,
          ),
          now,
        );
      }
    }
    await settle(trx, config, after, now);
    await publicContentChanged(trx);
    return null;
  });
}

/** Cancels the event: everyone with a seat or on the list is told, with a CANCEL for their agenda. */
export async function cancelEvent(
  db: Db,
  config: SiteConfig,
  actor: CurrentUser,
  id: string,
  reason: string,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockEventOrThrow(trx, id);
    if (row.state === 'cancelled') return;
    await updateEvent(trx, id, {
      state: 'cancelled',
      cancel_reason: reason,
      sequence: Number(row.sequence) + 1,
      updated_at: now.toISOString(),
    });
    const e = await eventById(trx, id);
    for (const s of await inState(trx, id, ['confirmed', 'offered', 'waiting'])) {
      const mail = MAILS.eventCancelled(mailEvent(e, config), { name: s.name, reason });
      await enqueueMail(trx, s.state === 'waiting' ? { to: s.email, ...mail } : withInvitation(mail, e, seatOf(s), 'CANCEL', config), now);
    }
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'event.cancelled', subjectType: 'event', subjectId: id, detail: { reason } },
      now,
    );
    await publicContentChanged(trx);
  });
}

export async function lockEventOrThrow(trx: Trx, id: string): Promise<EventRow> {
  const row = await lockEvent(trx, id);
  if (!row) throw new NotFoundError('event');
  return row;
}

export const seatOf = (s: { id: string; name: string; email: string; link_nonce: string; code: string }): Seat => ({
  id: s.id,
  name: s.name,
  email: s.email,
  linkNonce: s.link_nonce,
  code: s.code,
});

/** The form's values for an existing event (edit) or a copy of it (a new event with the same content). */
export function formValues(e: Event, copy = false): Record<string, string | string[]> {
  const start = toAmsterdam(e.startsAt);
  const deadline = toAmsterdam(e.deadline);
  const values: Record<string, string | string[]> = {
    title: copy ? `${e.title} (kopie)` : e.title,
    description: e.description,
    themes: e.themes,
    audiences: e.audiences,
    mode: e.mode,
    link: e.link ?? '',
    address: e.address ?? '',
    date: copy ? '' : (start.toISODate() ?? ''),
    start: start.toFormat('HH:mm'),
    end: toAmsterdam(e.endsAt).toFormat('HH:mm'),
    deadline_date: copy || e.deadline === e.startsAt ? '' : (deadline.toISODate() ?? ''),
    deadline_time: copy || e.deadline === e.startsAt ? '' : deadline.toFormat('HH:mm'),
    capacity: e.capacity === null ? '' : String(e.capacity),
    waitlist: e.waitlist ? 'ja' : '',
    reminder_hours: String(e.reminderHours),
    reminder_text: e.reminderText,
    organiser: e.organiserId ?? '',
  };
  e.questions.forEach((q, i) => {
    values[`q${i + 1}_label`] = q.label;
    values[`q${i + 1}_kind`] = q.kind;
    values[`q${i + 1}_options`] = q.options.join('\n');
    values[`q${i + 1}_required`] = q.required ? 'ja' : '';
  });
  return values;
}
