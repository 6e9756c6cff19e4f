import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { breathe } from '../../platform/jobs/run.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { readSetting } from '../../platform/settings/registry.ts';
import { MAILS } from './messages.ts';
import { markKickoff, openKickoffs } from './repo.ts';
import { formatSlot, UNBOOKED_REMINDER_SETTING } from './rules.ts';
import { describe, kickoffLink, load } from './service.ts';

// ---------------------------------------------------------------- reminders

/** The day before: both sides. Unbooked after N days: the applicant once; N days later: shown to the team. */
export async function runKickoffReminders(db: Db, config: Pick<Config, 'baseUrl' | 'sessionSecret'>, now = new Date()): Promise<number> {
  const days = await readSetting(db, UNBOOKED_REMINDER_SETTING);
  let sent = 0;
  for (const row of await openKickoffs(db)) {
    await breathe();
    const dayBefore =
      row.state === 'booked' &&
      row.starts_at &&
      !row.day_before_reminded_at &&
      Date.parse(row.starts_at) > now.getTime() &&
      Date.parse(row.starts_at) - now.getTime() <= 86_400_000;
    const unbookedFor = (now.getTime() - Date.parse(row.unbooked_reminded_at ?? row.invited_at)) / 86_400_000;
    const remind = row.state !== 'booked' && !row.unbooked_reminded_at && unbookedFor >= days;
    const escalate = row.state !== 'booked' && row.unbooked_reminded_at && !row.unbooked_escalated_at && unbookedFor >= days;
    if (!dayBefore && !remind && !escalate) continue;
    await db.transaction().execute(async (trx) => {
      const k = await load(trx, row.id);
      if (dayBefore && k.slot && (await markKickoff(trx, k.id, 'day_before_reminded_at', now.toISOString()))) {
        for (const to of [...new Set([...k.contacts, k.slot.hostEmail])]) {
          await enqueueMail(
            trx,
            {
              to,
              ...MAILS.dayBefore(k, { when: formatSlot(k.slot.startsAt, k.slot.endsAt), details: describe(k, k.slot, config, k.nonce) }),
            },
            now,
          );
          sent++;
        }
        await recordAudit(
          trx,
          { actorUserId: null, action: 'kickoff.reminded', subjectType: 'registration', subjectId: k.registrationId },
          now,
        );
      } else if (remind && (await markKickoff(trx, k.id, 'unbooked_reminded_at', now.toISOString()))) {
        for (const to of k.contacts) {
          await enqueueMail(trx, { to, ...MAILS.unbookedReminder(k, { link: kickoffLink(config, k) }) }, now);
          sent++;
        }
        await recordAudit(
          trx,
          { actorUserId: null, action: 'kickoff.unbooked_reminded', subjectType: 'registration', subjectId: k.registrationId },
          now,
        );
      } else if (escalate && (await markKickoff(trx, k.id, 'unbooked_escalated_at', now.toISOString()))) {
        await recordAudit(
          trx,
          { actorUserId: null, action: 'kickoff.not_planned', subjectType: 'registration', subjectId: k.registrationId },
          now,
        );
      }
    });
  }
  return sent;
}
