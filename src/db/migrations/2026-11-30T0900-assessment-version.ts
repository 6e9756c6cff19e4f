import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * `assessment_version`: a counter the database raises, in the writing transaction, on every change
 * to what an assessment page shows — the registration and its frozen versions, assignees,
 * assessments, comments, decisions, conflicts of interest, the audit trail and the delivery of its
 * mails, people's names, and the reference lists its answers are read with. The page's data is
 * kept per process under it (ADR 010), so no writer can forget to invalidate it.
 */
const WATCHED: { table: string; columns?: string[]; events?: string[] }[] = [
  { table: 'registrations' },
  { table: 'registration_versions' },
  { table: 'assignments' },
  { table: 'assessments' },
  { table: 'comments' },
  { table: 'decisions' },
  { table: 'conflict_dismissals' },
  { table: 'member_affiliations' },
  { table: 'audit_events' },
  // A mail in the trail turns from "in de wachtrij" to "verstuurd" when it is delivered.
  { table: 'outbox', columns: ['sent_at'], events: ['update'] },
  { table: 'users', columns: ['email', 'name', 'role', 'institution_brin', 'disabled_at'] },
  { table: 'institutions' },
  { table: 'sectors' },
  { table: 'provinces' },
  { table: 'themes' },
  { table: 'criteria' },
];
const BUMP = `update settings set value = cast(cast(value as integer) + 1 as text) where key = 'assessment_version'`;
const eventsOf = (w: (typeof WATCHED)[number]) => w.events ?? ['insert', 'update', 'delete'];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'assessment_version', value: '1' })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  if (isPostgres(db)) {
    await sql
      .raw(`create function mkb_bump_assessment_version() returns trigger language plpgsql as $$ begin ${BUMP}; return null; end $$`)
      .execute(db);
    for (const w of WATCHED) {
      const events = eventsOf(w)
        .map((e) => (e === 'update' && w.columns ? `update of ${w.columns.join(', ')}` : e))
        .join(' or ');
      await sql
        .raw(
          `create trigger ${w.table}_assessment_version after ${events} on ${w.table} for each statement execute function mkb_bump_assessment_version()`,
        )
        .execute(db);
    }
    return;
  }
  for (const w of WATCHED) {
    for (const event of eventsOf(w)) {
      const on = event === 'update' && w.columns ? `update of ${w.columns.join(', ')}` : event;
      await sql.raw(`create trigger ${w.table}_assessment_version_${event} after ${on} on ${w.table} begin ${BUMP}; end`).execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const w of WATCHED) await sql.raw(`drop trigger ${w.table}_assessment_version on ${w.table}`).execute(db);
    await sql.raw('drop function mkb_bump_assessment_version()').execute(db);
  } else {
    for (const w of WATCHED)
      for (const event of eventsOf(w)) await sql.raw(`drop trigger ${w.table}_assessment_version_${event}`).execute(db);
  }
  await db.deleteFrom('settings').where('key', '=', 'assessment_version').execute();
}
