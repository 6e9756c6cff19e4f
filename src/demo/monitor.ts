import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { openYear, publishSnapshot, reportsOfUser, saveMonitorStep, submitReport } from '../features/monitoring/index.ts';
import type { CurrentUser } from '../ui/context.ts';

const DAY = 86_400_000;

/**
 * The demo's monitor, made through the monitoring feature's own services: last year's monitor
 * filled in by most routes and its figures published, and this year's monitor open (prefilled with
 * last year's numbers), so `/mijn`, `/beheer/monitor`, the dashboard and `/in-cijfers` show something.
 */
export async function loadDemoMonitor(db: Db, config: Pick<Config, 'baseUrl'>, team: CurrentUser, applicants: CurrentUser[]) {
  const now = new Date();
  const thisYear = now.getUTCFullYear();
  const last = thisYear - 1;
  const opened = new Date(now.getTime() - 330 * DAY);
  await openYear(db, config, team, { year: last, title: `Monitor ${last}`, deadline: `${thisYear}-01-31` }, opened);
  let n = 0;
  for (const applicant of applicants) {
    for (const r of (await reportsOfUser(db, applicant)).filter((x) => x.year === last)) {
      n++;
      // One route in five has not reported; the others did, one in four of them after the deadline.
      if (n % 5 === 0) continue;
      const at = new Date(opened.getTime() + (n % 4 === 0 ? 40 : 3 + n) * DAY);
      const students: Record<string, string> = {};
      const counts: Record<string, [number, number, number, number]> = {
        mbo_bbl: [4 + (n % 5), 12 + n, 2 + (n % 3), 1],
        mbo_bol: [n % 3, 3 + (n % 4), 0, 0],
        havo_vwo: [6 + (n % 7), 18 + 2 * n, 3 + (n % 4), 2],
        career_switcher: [2 + (n % 3), 5 + (n % 6), 1, n % 2],
        mbo_worker: [n % 2, 2 + (n % 3), 0, 0],
      };
      for (const [g, [nw, e, gr, d]] of Object.entries(counts))
        Object.assign(students, {
          [`${g}_new`]: String(nw),
          [`${g}_enrolled`]: String(e),
          [`${g}_graduates`]: String(gr),
          [`${g}_dropouts`]: String(d),
        });
      await saveMonitorStep(db, applicant, r.id, 'studenten', students, at);
      await saveMonitorStep(db, applicant, r.id, 'bedrijven', { companies: String(4 + (n % 6)), supervisors: String(5 + (n % 7)) }, at);
      await saveMonitorStep(
        db,
        applicant,
        r.id,
        'terugblik',
        { reflection: 'Meer aanmeldingen van havisten dan verwacht; de praktijkbegeleiders willen vaker samenkomen (demo).' },
        at,
      );
      await submitReport(db, config, applicant, r.id, at);
    }
  }
  await publishSnapshot(db, team, last, new Date(opened.getTime() + 90 * DAY));
  await openYear(db, config, team, { year: thisYear, title: `Monitor ${thisYear}`, deadline: `${thisYear + 1}-01-31` }, now);
}
