import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { formatDay } from '../../platform/calendar.ts';
import { csvDocument } from '../../platform/csv.ts';
import { ConflictError } from '../../platform/errors.tsx';
import { emit } from '../../platform/events.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { domainOfEmail, institutionOfDomain } from '../reference/index.ts';
import './events.ts';
import { attendancePerEvent, moveRegistration, registrationsOfEvent } from './repo.ts';
import { ATTENDANCE_LABELS, attendanceOpen, SEAT_LABELS } from './rules.ts';
import { eventById, eventsOverview } from './service.ts';

/**
 * Attendance on the day: the team marks who came (from the list, or by the person's code) and
 * who did not. Someone of a hogeschool who came shows on the timeline of that hogeschool's routes.
 */
export async function markAttendance(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  actor: CurrentUser,
  eventId: string,
  target: { registrationId: string } | { code: string },
  value: 'present' | 'absent',
  now = new Date(),
): Promise<{ name: string }> {
  const e = await eventById(db, eventId);
  if (!attendanceOpen(e.startsAt, now)) throw new ConflictError('Nog niet', 'Aanwezigheid leg je vast vanaf de dag van de bijeenkomst.');
  const rows = await registrationsOfEvent(db, eventId);
  const row = 'code' in target ? rows.find((r) => r.code === target.code) : rows.find((r) => r.id === target.registrationId);
  if (!row)
    throw new ConflictError(
      'Code onbekend',
      'Er is geen aanmelding met deze code voor deze bijeenkomst. Controleer de code; er is niets vastgelegd.',
    );
  if (row.state !== 'confirmed')
    throw new ConflictError(
      'Niet aangemeld',
      `${row.name} heeft geen plek bij deze bijeenkomst (${SEAT_LABELS[row.state] ?? row.state}); er is niets vastgelegd.`,
    );
  await db.transaction().execute(async (trx) => {
    await moveRegistration(trx, row.id, ['confirmed'], {
      attendance: value,
      attendance_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: 'event.attendance',
        subjectType: 'event',
        subjectId: eventId,
        detail: { registration: row.id, attendance: value },
      },
      now,
    );
    if (value === 'present' && row.attendance !== 'present') {
      const brin = row.user_brin ?? (await institutionOfDomain(trx, domainOfEmail(row.email)))?.brin ?? null;
      if (brin)
        await emit(
          'event.attended',
          { institutionBrin: brin, eventTitle: e.title, startsAt: e.startsAt, attendeeName: row.name },
          { trx, config, actorUserId: actor.id, now },
        );
    }
  });
  return { name: row.name };
}

/** After the day: everyone with a seat who was not marked is recorded as not come. */
export async function markRestAbsent(db: Db, actor: CurrentUser, eventId: string, now = new Date()): Promise<number> {
  const e = await eventById(db, eventId);
  if (!attendanceOpen(e.startsAt, now)) throw new ConflictError('Nog niet', 'Aanwezigheid leg je vast vanaf de dag van de bijeenkomst.');
  let n = 0;
  await db.transaction().execute(async (trx) => {
    for (const r of await registrationsOfEvent(trx, eventId)) {
      if (r.state !== 'confirmed' || r.attendance !== null) continue;
      await moveRegistration(trx, r.id, ['confirmed'], {
        attendance: 'absent',
        attendance_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      n++;
    }
    if (n)
      await recordAudit(
        trx,
        {
          actorUserId: actor.id,
          action: 'event.attendance',
          subjectType: 'event',
          subjectId: eventId,
          detail: { attendance: `${n} niet gekomen` },
        },
        now,
      );
  });
  return n;
}

/** The list as CSV: one row per registration, the answers as columns, formula cells escaped. */
export async function attendanceCsv(db: Db, eventId: string): Promise<{ filename: string; body: string; rows: number }> {
  const e = await eventById(db, eventId);
  const rows = await registrationsOfEvent(db, eventId);
  const header = ['naam', 'e-mailadres', 'status', 'aanwezigheid', 'code', 'aangemeld op', ...e.questions.map((q) => q.label)];
  const lines = rows.map((r) => {
    const answers = JSON.parse(r.answers) as Record<string, string>;
    return [
      r.name,
      r.email,
      SEAT_LABELS[r.state] ?? r.state,
      r.attendance ? ATTENDANCE_LABELS[r.attendance] : '',
      r.code,
      r.created_at,
      ...e.questions.map((q) => answers[q.id] ?? ''),
    ];
  });
  const day = formatDay(e.startsAt).replace(/\s+/g, '-');
  return {
    filename: `aanwezigheid-${day}.csv`,
    body: csvDocument([header, ...lines]),
    rows: rows.length,
  };
}

/**
 * The team's list of bijeenkomsten as CSV: `period` as on the page (gepland or geweest; both when
 * not given), with seats, confirmed, waiting and, for those that ended, who was present.
 */
export async function eventsCsv(db: Db, period: 'gepland' | 'geweest' | null, now = new Date()): Promise<{ body: string; rows: number }> {
  const { upcoming, past } = await eventsOverview(db, now);
  const list = period === 'gepland' ? upcoming : period === 'geweest' ? past : [...upcoming, ...past];
  const present = new Map((await attendancePerEvent(db, now.toISOString(), 100_000)).map((r) => [r.id, Number(r.present)]));
  const rows = list.map((e) => [
    e.title,
    e.startsAt,
    e.endsAt,
    e.mode === 'online' ? 'online' : 'op locatie',
    e.state === 'cancelled' ? 'afgelast' : 'gepubliceerd',
    e.capacity,
    e.confirmed,
    e.waiting,
    present.has(e.id) ? (present.get(e.id) as number) : null,
  ]);
  return {
    body: csvDocument([['bijeenkomst', 'begint', 'eindigt', 'vorm', 'status', 'plaatsen', 'bevestigd', 'wachtlijst', 'aanwezig'], ...rows]),
    rows: rows.length,
  };
}
