import type { Db } from '../../db/connect.ts';
import { csvDocument } from '../../platform/csv.ts';
import { DAY } from '../../platform/time.ts';
import { ViewCache } from '../../platform/view-cache.ts';
import { STATE_LABELS, type State } from '../registrations/index.ts';
import { assigneesOf, countsByState, type QueueFilters, type QueueSort, queueCount, queuePage } from './repo.ts';
import { daysBetween } from './rules.ts';
import { PAGE_SIZE, who } from './service.ts';

// ---------------------------------------------------------------- queue

export type QueueRow = {
  id: string;
  reference: string | null;
  state: State;
  participation: string | null;
  title: string | null;
  institution: string;
  sector: string | null;
  wish: string | null;
  daysWaiting: number | null;
  assignees: string[];
};

/** The queue's data as stored (kept per process behind `team_version`): everything but the waiting days. */
async function queueData(db: Db, filters: QueueFilters, sort: QueueSort, page: number) {
  const total = await queueCount(db, filters);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await queuePage(db, filters, sort, PAGE_SIZE, (current - 1) * PAGE_SIZE);
  const assignees = await assigneesOf(
    db,
    rows.map((r) => r.id),
  );
  const counts = Object.fromEntries((await countsByState(db)).map((c) => [c.state, Number(c.n)]));
  return {
    total,
    page: current,
    pages,
    counts,
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      state: r.state as State,
      participation: r.participation,
      title: r.title,
      institution: r.institution_name,
      sector: r.sector,
      wish: r.participation_wish,
      submittedAt: r.submitted_at,
      assignees: assignees.filter((a) => a.registration_id === r.id).map(who),
    })),
  };
}

/**
 * The data of one queue page per filter, sort and page, for as long as nothing it shows has changed
 * (the database raises `team_version` on every change to registrations, assignments, people,
 * hogescholen or sectors).
 */
const cache = new ViewCache<Awaited<ReturnType<typeof queueData>>>('team_version');

export async function queue(db: Db, filters: QueueFilters, sort: QueueSort, page: number, now = new Date(), version?: string) {
  const key = JSON.stringify([filters, sort, page]);
  const data = await cache.get(db, key, () => queueData(db, filters, sort, page), version);
  // Waiting days move with the clock, not with the data: worked out for every request, with the
  // moment the first of them changes (so a rendered page of rows knows how long it is right).
  let changesAt = Number.POSITIVE_INFINITY;
  const rows = data.rows.map(({ submittedAt, ...r }): QueueRow => {
    if (!submittedAt) return { ...r, daysWaiting: null };
    const days = daysBetween(submittedAt, now);
    changesAt = Math.min(changesAt, Date.parse(submittedAt) + (days + 1) * DAY);
    return { ...r, daysWaiting: days };
  });
  return { ...data, rows, changesAt };
}

/**
 * The whole list for these filters and this sort as CSV: the columns of the table, every page, and
 * the day submitted (the export for the team's own reports).
 */
export async function queueCsv(db: Db, filters: QueueFilters, sort: QueueSort, now = new Date()): Promise<{ body: string; rows: number }> {
  const out: (string | number | null)[][] = [
    ['Kenmerk', 'Opleiding', 'Hogeschool', 'Sector', 'Status', 'Deelnamewens', 'Ingediend op', 'Dagen wachtend', 'Beoordelaars'],
  ];
  for (let offset = 0; ; offset += 500) {
    const rows = await queuePage(db, filters, sort, 500, offset);
    const assignees = await assigneesOf(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows)
      out.push([
        r.reference,
        r.title,
        r.institution_name,
        r.sector,
        STATE_LABELS[r.state as State] ?? r.state,
        r.participation_wish,
        r.submitted_at ? r.submitted_at.slice(0, 10) : null,
        r.submitted_at ? daysBetween(r.submitted_at, now) : null,
        assignees
          .filter((a) => a.registration_id === r.id)
          .map(who)
          .join('; '),
      ]);
    if (rows.length < 500) break;
  }
  return { body: csvDocument(out), rows: out.length - 1 };
}
