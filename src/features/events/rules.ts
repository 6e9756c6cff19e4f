import { createHmac, timingSafeEqual } from 'node:crypto';
import { formatDay, formatSlot, formatTime, toAmsterdam } from '../../platform/calendar.ts';
import { HOUR } from '../../platform/time.ts';

/** Pure decisions of the events feature: offers, fill levels, links, what a page says. */

export { AUDIENCES } from '../reference/index.ts';

export const MODE_LABELS: Record<string, string> = { online: 'Online', location: 'Op locatie' };

export type Question = { id: string; label: string; kind: 'text' | 'choice'; options: string[]; required: boolean };

/** How many question rows the team's form offers. */
export const QUESTION_ROWS = 4;
export const REMINDER_HOURS_DEFAULT = 48;
/** A seat offered to the first in line is held this long (a setting)... */
export const OFFER_SETTING = {
  key: 'events.offer_hours',
  label: 'Bedenktijd voor een vrijgekomen plek',
  description: 'Zo lang houden we een vrijgekomen plek vast voor de eerste op de wachtlijst.',
  unit: 'uren' as const,
  default: 48,
  min: 1,
  max: 336,
};
/** ...but never later than this before the start; inside it a freed seat goes to whoever on the list confirms first. */
export const OPEN_WINDOW_SETTING = {
  key: 'events.open_window_hours',
  label: 'Laatste uren vóór de start: wie het eerst bevestigt',
  description:
    'Zo veel uur vóór de start krijgt iedereen op de wachtlijst tegelijk bericht van een vrije plek, en gaat die naar wie het eerst bevestigt.',
  unit: 'uren' as const,
  default: 24,
  min: 0,
  max: 168,
};
/** The two windows of the waiting list, in hours. */
export type OfferWindows = { offerHours: number; openWindowHours: number };
export const DEFAULT_WINDOWS: OfferWindows = { offerHours: OFFER_SETTING.default, openWindowHours: OPEN_WINDOW_SETTING.default };
/** A guest's confirmation link is valid this long. */
export const CONFIRM_HOURS = 24;

export const SEAT_LABELS: Record<string, string> = {
  confirmed: 'Aangemeld',
  offered: 'Plek aangeboden',
  waiting: 'Op de wachtlijst',
  cancelled: 'Afgemeld',
  declined: 'Aanbod afgeslagen',
  expired: 'Aanbod verlopen',
  left: 'Van de wachtlijst af',
};

export const ATTENDANCE_LABELS: Record<string, string> = { present: 'Aanwezig', absent: 'Niet gekomen' };

/** States that hold or wait for a seat; the others have left. */
export const ACTIVE_STATES = ['confirmed', 'offered', 'waiting'] as const;
/** States that take a seat from the capacity. */
export const SEAT_STATES = ['confirmed', 'offered'] as const;

/** The waiting list's rule in words, with the windows in force. */
export function waitlistRule(w: OfferWindows): string {
  const open = w.openWindowHours;
  return open > 0
    ? `De wachtlijst gaat op volgorde van aanmelding. Komt er een plek vrij, dan krijgt de eerste op de lijst die plek ${w.offerHours} uur aangeboden (of tot ${open} uur voor de start, als dat eerder is). In de laatste ${open} uur krijgt iedereen op de lijst tegelijk bericht en gaat de plek naar wie het eerst bevestigt.`
    : `De wachtlijst gaat op volgorde van aanmelding. Komt er een plek vrij, dan krijgt de eerste op de lijst die plek ${w.offerHours} uur aangeboden (of tot de start, als dat eerder is).`;
}

/**
 * What a seat that frees at `now` becomes: held for the first in line until `expiresAt`, offered
 * to the whole list at once (the last hours before the start), or nothing at all (registration closed or the
 * event begun: no offer is ever sent then).
 */
export function offerFor(
  event: { startsAt: string; deadline: string },
  now: Date,
  w: OfferWindows = DEFAULT_WINDOWS,
): { kind: 'held'; expiresAt: string } | { kind: 'open' } | null {
  const t = now.getTime();
  const start = Date.parse(event.startsAt);
  if (t >= Date.parse(event.deadline) || t >= start) return null;
  const cutoff = start - w.openWindowHours * HOUR;
  if (t < cutoff) return { kind: 'held', expiresAt: new Date(Math.min(t + w.offerHours * HOUR, cutoff)).toISOString() };
  return { kind: 'open' };
}

/** Which fill alert is due now that `taken` of `capacity` seats are taken (each is sent once). */
export function fillAlert(taken: number, capacity: number | null, sent: { at80: boolean; at100: boolean }): 80 | 100 | null {
  if (capacity === null || capacity === 0) return null;
  if (taken >= capacity && !sent.at100) return 100;
  if (taken * 10 >= capacity * 8 && !sent.at80 && !sent.at100) return 80;
  return null;
}

export function placesLeft(capacity: number | null, taken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - taken);
}

/** The words for places left on the public pages. */
export function placesText(capacity: number | null, taken: number): string {
  const left = placesLeft(capacity, taken);
  if (left === null) return 'Geen maximum aantal deelnemers';
  if (left === 0) return 'Vol';
  return left === 1 ? 'Nog 1 plek' : `Nog ${left} plekken`;
}

/** Links in mails are signed over the registration and its nonce (a new registration voids older links). */
export function signLink(secret: string, registrationId: string, nonce: string): string {
  return createHmac('sha256', secret).update(`event-registration:${registrationId}:${nonce}`).digest('base64url');
}

export function verifyLink(secret: string, registrationId: string, nonce: string, signature: unknown): boolean {
  if (typeof signature !== 'string' || signature.length > 100) return false;
  const expected = Buffer.from(signLink(secret, registrationId, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A personal code for the door: 6 characters without look-alikes (0/O, 1/I/L). */
export function attendanceCode(random: Buffer): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...random.subarray(0, 6)].map((b) => alphabet[b % alphabet.length]).join('');
}

export const whenText = (startsAt: string, endsAt: string): string =>
  toAmsterdam(startsAt).toISODate() === toAmsterdam(endsAt).toISODate()
    ? formatSlot(startsAt, endsAt)
    : `${formatDay(startsAt)} ${formatTime(startsAt)} uur tot ${formatDay(endsAt)} ${formatTime(endsAt)} uur`;

/** A moment as the pages and mails write it: "dinsdag 9 maart 2027, 14:00 uur". */
export const momentText = (iso: string): string => `${formatDay(iso)}, ${formatTime(iso)} uur`;

export const placeText = (e: { mode: string; link: string | null; address: string | null }): string =>
  e.mode === 'online' ? `Online${e.link ? `: ${e.link}` : ''}` : (e.address ?? '');

/** Attendance may be marked from the day of the event (Amsterdam time) on. */
export function attendanceOpen(startsAt: string, now: Date): boolean {
  const today = toAmsterdam(now.toISOString()).toISODate() ?? '';
  return (toAmsterdam(startsAt).toISODate() ?? '') <= today;
}

/**
 * The moment a cached public page about these events goes out of date by the clock alone (a
 * deadline passes, an event starts or ends, the last hours' window opens): the render cache
 * keeps it no longer than that.
 */
export function nextChange(
  events: { startsAt: string; endsAt: string; deadline: string }[],
  now: Date,
  openWindowHours = DEFAULT_WINDOWS.openWindowHours,
): number | null {
  const t = now.getTime();
  const moments = events.flatMap((e) => [
    Date.parse(e.deadline),
    Date.parse(e.startsAt),
    Date.parse(e.endsAt),
    Date.parse(e.startsAt) - openWindowHours * HOUR,
  ]);
  const future = moments.filter((m) => m > t);
  return future.length ? Math.min(...future) : null;
}
