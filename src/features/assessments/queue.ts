import type { Db } from '../../db/connect.ts';
import type { State } from '../registrations/index.ts';
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

export async function queue(db: Db, filters: QueueFilters, sort: QueueSort, page: number, now = new Date()) {
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
    rows: rows.map(
      (r): QueueRow => ({
        id: r.id,
        reference: r.reference,
        state: r.state as State,
        participation: r.participation,
        title: r.title,
        institution: r.institution_name,
        sector: r.sector,
        wish: r.participation_wish,
        daysWaiting: r.submitted_at ? daysBetween(r.submitted_at, now) : null,
        assignees: assignees.filter((a) => a.registration_id === r.id).map(who),
      }),
    ),
  };
}
