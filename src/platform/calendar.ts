import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

/** Every meeting of the programme is in Dutch time. */
export const ZONE = 'Europe/Amsterdam';

// ---------------------------------------------------------------- Dutch time

/**
 * A wall-clock time in Amsterdam as the instant it is. Returns null for times that do not exist
 * (the hour skipped when summer time starts) or are not valid at all.
 */
export function amsterdamToUtc(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const local = DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
  if (!local.isValid) return null;
  // Luxon moves a non-existent local time forward; such a time was never on a clock here.
  if (local.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time}`) return null;
  return local.toUTC().toISO({ suppressMilliseconds: false });
}

export function toAmsterdam(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE);
}

const longDay = (iso: string) => toAmsterdam(iso).setLocale('nl').toFormat('cccc d LLLL yyyy');
export const formatDay = longDay;
export const formatTime = (iso: string) => toAmsterdam(iso).toFormat('HH:mm');
export const formatSlot = (start: string, end: string) => `${longDay(start)}, ${formatTime(start)}–${formatTime(end)} uur`;

// ---------------------------------------------------------------- invitations

export type InviteInput = {
  uid: string;
  /** The calendar's name as agenda programs show it ("Startgesprek Mkb-route in het hbo"). */
  calendarName: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  startsAt: string;
  endsAt: string;
  summary: string;
  description: string;
  location: string;
  url: string | null;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
};

/**
 * An iCalendar invitation with the meeting in Amsterdam time (TZID plus VTIMEZONE). The times go
 * in as Luxon DateTimes in that zone: a plain Date would be written in the server's local time.
 */
export function buildInvite(input: InviteInput): string {
  const calendar = ical({
    prodId: { company: 'Mkb-route in het hbo', product: 'platform', language: 'NL' },
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    name: input.calendarName,
  });
  calendar.timezone({ name: ZONE, generator: getVtimezoneComponent });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: DateTime.fromISO(input.startsAt, { zone: 'utc' }).setZone(ZONE),
    end: DateTime.fromISO(input.endsAt, { zone: 'utc' }).setZone(ZONE),
    timezone: ZONE,
    summary: input.summary,
    description: input.description,
    location: input.location,
    url: input.url,
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: input.organizer,
    attendees: input.attendees.map((a) => ({ ...a, rsvp: true })),
  });
  // ical-generator writes DTSTAMP in the calendar's time zone format, without the `Z` RFC 5545
  // (3.8.7.2) requires; the value it writes is UTC, so the `Z` is what is missing.
  return calendar.toString().replace(/^DTSTAMP:(\d{8}T\d{6})\r$/gm, 'DTSTAMP:$1Z\r');
}
