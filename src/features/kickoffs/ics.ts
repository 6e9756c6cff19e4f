import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { ZONE } from './rules.ts';

export type InviteInput = {
  uid: string;
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
    name: 'Startgesprek Mkb-route in het hbo',
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
