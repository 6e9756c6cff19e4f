/** Events (bijeenkomsten): the public surface other features, app.ts and tests may use. */
import './events.ts';

export { attendanceCsv, markAttendance, markRestAbsent } from './attendance.ts';
export { runEventJobs } from './jobs.ts';
export { AlreadyRegisteredError, AUDIT_LABELS } from './messages.ts';
export { acceptOffer, confirmGuest, registerSignedIn, requestGuestRegistration, withdraw } from './participation.ts';
export { default as eventRoutes } from './routes.tsx';
export { signLink as signSeatLink } from './rules.ts';
export { type EventInput, eventInput, eventSchema } from './schemas.ts';
export { cancelEvent, createEvent, updateEventDetails } from './service.ts';
export { eventSurfaces } from './surfaces.tsx';

import type { Db, Trx } from '../../db/connect.ts';
import { attendancePerEvent, deleteEventsCreatedBy, listEvents } from './repo.ts';
import { whenText } from './rules.ts';
import { toEvent } from './service.ts';

/** Coming events on a theme (the knowledge theme pages), with when they start and end. */
export async function upcomingEventsWithTheme(db: Db, theme: string, now = new Date()) {
  return (await listEvents(db, { endsAfter: now.toISOString(), states: ['published'] }))
    .map(toEvent)
    .filter((e) => e.themes.includes(theme))
    .map((e) => ({
      id: e.id,
      title: e.title,
      url: `/bijeenkomsten/${e.id}`,
      when: whenText(e.startsAt, e.endsAt),
      startsAt: e.startsAt,
      endsAt: e.endsAt,
    }));
}

import { type JoinOutcome, join, type Person } from './seats.ts';
import type { SiteConfig } from './service.ts';

/** Registers someone without the e-mail round trip (the demo; people go through the forms). */
export async function registerDirect(db: Db, config: SiteConfig, eventId: string, person: Person, now = new Date()): Promise<JoinOutcome> {
  return db.transaction().execute((trx) => join(trx, config, eventId, person, now));
}

/** Removes the events these (demo) users created, with everything on them; returns the events' ids. */
export async function removeEventsOf(trx: Trx, userIds: string[]): Promise<string[]> {
  return deleteEventsCreatedBy(trx, userIds);
}

/** The last `limit` events that have ended, oldest first: seats confirmed and people who came. */
export async function attendanceOfPastEvents(db: Db, now = new Date(), limit = 8) {
  return (await attendancePerEvent(db, now.toISOString(), limit))
    .map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at, confirmed: Number(r.confirmed), present: Number(r.present) }))
    .reverse();
}
export { eventsPersonalData } from './privacy.ts';
