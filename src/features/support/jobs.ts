import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { breathe } from '../../platform/jobs/run.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { readSetting } from '../../platform/settings/registry.ts';
import { workingDaysBetween } from '../../platform/workdays.ts';
import { teamWithExpertise } from '../accounts/index.ts';
import { MAILS } from './messages.ts';
import { claimMark, unclosed } from './repo.ts';
import { clock, FIRST_RESPONSE_SETTING, SOLUTION_SETTING, UNASSIGNED_SETTING } from './rules.ts';

const day = (iso: string) => iso.slice(0, 10);
const longDay = (d: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));

/**
 * The hourly job: a request without an advisor after the set working days is mailed to the whole
 * team; the advisor is reminded the working day before the first response is due and two working
 * days before the solution is due. Each once (claimed), on the working-day calendar.
 */
export async function runSupportJobs(db: Db, config: Pick<Config, 'baseUrl'>, now = new Date()): Promise<number> {
  const [unassignedDays, firstDays, solutionDays, team] = await Promise.all([
    readSetting(db, UNASSIGNED_SETTING),
    readSetting(db, FIRST_RESPONSE_SETTING),
    readSetting(db, SOLUTION_SETTING),
    teamWithExpertise(db),
  ]);
  const today = day(now.toISOString());
  let sent = 0;
  for (const r of await unclosed(db)) {
    await breathe();
    const link = `${config.baseUrl}/beheer/ondersteuning/${r.id}`;
    const started = day(r.created_at);
    const send = async (
      column: 'unassigned_alerted_at' | 'first_reminded_at' | 'solution_reminded_at',
      to: string[],
      mail: { subject: string; text: string },
    ) =>
      db.transaction().execute(async (trx) => {
        if (!(await claimMark(trx, r.id, column, now.toISOString()))) return;
        for (const address of to) await enqueueMail(trx, { to: address, ...mail }, now);
        sent++;
      });
    if (!r.advisor_id && !r.unassigned_alerted_at && workingDaysBetween(started, today) >= unassignedDays)
      await send(
        'unassigned_alerted_at',
        team.map((m) => m.email),
        MAILS.unassigned({ reference: r.reference, subject: r.subject, link }),
      );
    const advisor = team.find((m) => m.id === r.advisor_id);
    if (!advisor) continue;
    const first = clock(started, firstDays, r.first_response_at ? day(r.first_response_at) : null, today);
    if (!r.first_response_at && !r.first_reminded_at && first.daysLeft <= 1)
      await send(
        'first_reminded_at',
        [advisor.email],
        MAILS.target({ reference: r.reference, subject: r.subject, what: 'een eerste reactie', due: longDay(first.due), link }),
      );
    const solution = clock(started, solutionDays, null, today);
    if (!r.solution_reminded_at && solution.daysLeft <= 2)
      await send(
        'solution_reminded_at',
        [advisor.email],
        MAILS.target({ reference: r.reference, subject: r.subject, what: 'het afronden', due: longDay(solution.due), link }),
      );
  }
  return sent;
}
