import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { breathe } from '../../platform/jobs/run.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { MAILS } from './messages.ts';
import { findRegistration, listEvents, markReminded, purgeExpiredPending, reminderCandidates } from './repo.ts';
import { settle } from './seats.ts';
import { eventById, lockEventOrThrow, mailEvent, type SiteConfig, seatLink, seatOf, toEvent } from './service.ts';

/**
 * The worker's turn (every few minutes): offers that lapsed pass on, the last-24-hours window
 * opens, reminders go out the configured hours before the start (once per person), and guests'
 * unconfirmed requests older than a day are removed. Returns the number of reminders sent.
 */
export async function runEventJobs(db: Db, config: SiteConfig, now = new Date()): Promise<number> {
  const nowIso = now.toISOString();
  for (const e of await listEvents(db, { endsAfter: nowIso, states: ['published'] })) {
    await breathe();
    if (e.starts_at <= nowIso) continue;
    await db.transaction().execute(async (trx) => {
      const changes = await settle(trx, config, toEvent(await lockEventOrThrow(trx, e.id)), now);
      if (changes > 0) await publicContentChanged(trx);
    });
  }
  let sent = 0;
  const furthest = new Date(now.getTime() + 14 * 24 * 3_600_000).toISOString();
  for (const c of await reminderCandidates(db, nowIso, furthest)) {
    await breathe();
    const hours = Number(c.reminder_hours);
    if (hours <= 0) continue;
    const moment = Date.parse(c.starts_at) - hours * 3_600_000;
    if (now.getTime() < moment) continue;
    // Someone who registered after the reminder moment just had the confirmation: no reminder.
    if (c.confirmed_at && Date.parse(c.confirmed_at) >= moment) continue;
    await db.transaction().execute(async (trx) => {
      if (!(await markReminded(trx, c.id, nowIso))) return;
      const s = await findRegistration(trx, c.id);
      const e = await eventById(trx, c.event_id);
      if (!s) return;
      await enqueueMail(
        trx,
        {
          to: s.email,
          ...MAILS.reminder(mailEvent(e, config), { name: s.name, text: e.reminderText, code: s.code, link: seatLink(config, seatOf(s)) }),
        },
        now,
      );
      await recordAudit(
        trx,
        { actorUserId: null, action: 'event.reminded', subjectType: 'event', subjectId: e.id, detail: { registration: s.id } },
        now,
      );
      sent++;
    });
  }
  await purgeExpiredPending(db, nowIso);
  return sent;
}
