import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import type { FigureSnapshotTable, MonitorReportTable, MonitorYearTable } from './tables.ts';

type Db = Kysely<Database>;

// ---------------------------------------------------------------- years

export async function insertYear(db: Db, row: Insertable<MonitorYearTable>): Promise<boolean> {
  const r = await db
    .insertInto('monitor_years')
    .values(row)
    .onConflict((oc) => oc.column('year').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function listYears(db: Db) {
  return db.selectFrom('monitor_years').selectAll().orderBy('year', 'desc').execute();
}

export async function findYear(db: Db, year: number) {
  return db.selectFrom('monitor_years').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Several monitor years, in one query. */
export async function findYears(db: Db, years: number[]) {
  if (years.length === 0) return [];
  return db.selectFrom('monitor_years').selectAll().where('year', 'in', years).execute();
}

/** Years whose deadline has not passed: a route admitted now still reports for them. */
export async function yearsOpenOn(db: Db, today: string) {
  return db.selectFrom('monitor_years').selectAll().where('deadline', '>=', today).execute();
}

/** Per year: how many reports, how many submitted, how many of those late. */
export async function yearCounts(db: Db) {
  return db
    .selectFrom('monitor_reports')
    .select([
      'year',
      (eb) => eb.fn.countAll<number>().as('total'),
      (eb) => eb.fn.sum<number>(eb.case().when('state', '=', 'submitted').then(1).else(0).end()).as('submitted'),
      (eb) => eb.fn.sum<number>('late').as('late'),
    ])
    .groupBy('year')
    .execute();
}

// ---------------------------------------------------------------- reports

export async function insertReport(db: Db, row: Insertable<MonitorReportTable>): Promise<boolean> {
  const r = await db
    .insertInto('monitor_reports')
    .values(row)
    .onConflict((oc) => oc.columns(['year', 'registration_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findReport(db: Db, id: string) {
  return db.selectFrom('monitor_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The report row, locked for the rest of the transaction on PostgreSQL (SQLite's write lock does the same). */
export async function lockReport(db: Db, id: string) {
  const q = db.selectFrom('monitor_reports').selectAll().where('id', '=', id);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

export async function updateReport(db: Db, id: string, change: Updateable<MonitorReportTable>): Promise<void> {
  await db.updateTable('monitor_reports').set(change).where('id', '=', id).execute();
}

export async function reportsOfYear(db: Db, year: number) {
  return db.selectFrom('monitor_reports').selectAll().where('year', '=', year).execute();
}

export async function reportsOfRoutes(db: Db, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return db.selectFrom('monitor_reports').selectAll().where('registration_id', 'in', registrationIds).orderBy('year', 'desc').execute();
}

/** A route's most recent submitted report before `year`, for the prefill. */
export async function lastSubmitted(db: Db, registrationId: string, year: number) {
  return db
    .selectFrom('monitor_reports')
    .select(['answers', 'year'])
    .where('registration_id', '=', registrationId)
    .where('year', '<', year)
    .where('state', '=', 'submitted')
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every submitted report's year and answers (the dashboard and the public figures). */
export async function submittedAnswers(db: Db, year?: number) {
  let q = db.selectFrom('monitor_reports').select(['year', 'registration_id', 'answers']).where('state', '=', 'submitted');
  if (year !== undefined) q = q.where('year', '=', year);
  return q.execute();
}

/** Unsubmitted reports of years whose reminders may be due, with their deadline. */
export async function remindable(db: Db) {
  return db
    .selectFrom('monitor_reports')
    .innerJoin('monitor_years', 'monitor_years.year', 'monitor_reports.year')
    .select([
      'monitor_reports.id',
      'monitor_reports.year',
      'monitor_reports.registration_id',
      'monitor_reports.state',
      'monitor_reports.reminded_before_at',
      'monitor_reports.reminded_after_at',
      'monitor_years.deadline',
      'monitor_years.title',
    ])
    .where('monitor_reports.state', '=', 'open')
    .where((eb) => eb.or([eb('monitor_reports.reminded_before_at', 'is', null), eb('monitor_reports.reminded_after_at', 'is', null)]))
    .execute();
}

/** Marks a reminder as sent; false when another worker already did (so it goes out once). */
export async function claimReminder(db: Db, id: string, column: 'reminded_before_at' | 'reminded_after_at', at: string): Promise<boolean> {
  const r = await db
    .updateTable('monitor_reports')
    .set({ [column]: at })
    .where('id', '=', id)
    .where(column, 'is', null)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- snapshots

export async function insertSnapshot(db: Db, row: Insertable<FigureSnapshotTable>): Promise<boolean> {
  const r = await db
    .insertInto('figure_snapshots')
    .values(row)
    .onConflict((oc) => oc.column('year').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function listSnapshots(db: Db) {
  return db.selectFrom('figure_snapshots').selectAll().orderBy('year', 'desc').execute();
}

/** Removes the monitor years and published figures these (demo) users made; their reports go with the years. */
export async function deleteMonitoringOf(db: Db, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.deleteFrom('figure_snapshots').where('published_by', 'in', userIds).execute();
  await db
    .deleteFrom('monitor_reports')
    .where('year', 'in', db.selectFrom('monitor_years').select('year').where('opened_by', 'in', userIds))
    .execute();
  await db.deleteFrom('monitor_years').where('opened_by', 'in', userIds).execute();
}

/** The counts of a report as submitted: its rows replaced (`groups` empty: removed, as on a reopening). */
export async function replaceCounts(
  db: Db,
  report: { id: string; year: number; registration_id: string },
  groups: Record<string, { new: number; enrolled: number; graduates: number; dropouts: number }>,
): Promise<void> {
  await db.deleteFrom('monitor_counts').where('report_id', '=', report.id).execute();
  const rows = Object.entries(groups).map(([g, c]) => ({
    report_id: report.id,
    year: report.year,
    registration_id: report.registration_id,
    target_group: g,
    new_students: c.new,
    enrolled: c.enrolled,
    graduates: c.graduates,
    dropouts: c.dropouts,
  }));
  if (rows.length) await db.insertInto('monitor_counts').values(rows).execute();
}

/** Enrolled students per monitor year and target group over every submitted report. */
export async function enrolledPerYear(db: Db): Promise<{ year: number; group: string; n: number }[]> {
  const rows = await db
    .selectFrom('monitor_counts')
    .select(['year', 'target_group', (eb) => eb.fn.sum<number>('enrolled').as('n')])
    .groupBy(['year', 'target_group'])
    .execute();
  return rows.map((r) => ({ year: Number(r.year), group: r.target_group, n: Number(r.n) }));
}

/** The counts of every submitted report of a year, per route and target group (the public figures filter them by consent). */
export async function countsOfYear(db: Db, year: number) {
  return db.selectFrom('monitor_counts').selectAll().where('year', '=', year).execute();
}

/** Submitted reports per year (the dashboard's summary). */
export async function submittedPerYear(db: Db) {
  return db
    .selectFrom('monitor_reports')
    .select(['year', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'submitted')
    .groupBy('year')
    .execute();
}
