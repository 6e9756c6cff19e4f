import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * `team_version`: a counter in settings that the database itself raises, in the writing
 * transaction, on every change to what the team's lists show (registrations, their assignees,
 * people's names and roles, hogescholen and sectors). Lists cached per process (the assessment
 * queue) are keyed on it, so no writer anywhere can forget to invalidate them. Triggers rather than
 * calls in the code: the registrations, assessments, accounts and reference features all write
 * these tables.
 */
const WATCHED: { table: string; columns?: string[] }[] = [
  { table: 'registrations' },
  { table: 'assignments' },
  // Signing in updates last_sign_in_at; that changes nothing a list shows.
  { table: 'users', columns: ['email', 'name', 'role', 'institution_brin', 'disabled_at'] },
  { table: 'institutions' },
  { table: 'sectors' },
];
const BUMP = `update settings set value = cast(cast(value as integer) + 1 as text) where key = 'team_version'`;

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'team_version', value: '1' })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  if (isPostgres(db)) {
    await sql
      .raw(`create function mkb_bump_team_version() returns trigger language plpgsql as $$ begin ${BUMP}; return null; end $$`)
      .execute(db);
    for (const w of WATCHED) {
      const events = w.columns ? `insert or delete or update of ${w.columns.join(', ')}` : 'insert or update or delete';
      await sql
        .raw(
          `create trigger ${w.table}_team_version after ${events} on ${w.table} for each statement execute function mkb_bump_team_version()`,
        )
        .execute(db);
    }
    return;
  }
  for (const w of WATCHED) {
    for (const event of ['insert', 'update', 'delete']) {
      const on = event === 'update' && w.columns ? `update of ${w.columns.join(', ')}` : event;
      await sql.raw(`create trigger ${w.table}_team_version_${event} after ${on} on ${w.table} begin ${BUMP}; end`).execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const w of WATCHED) await sql.raw(`drop trigger ${w.table}_team_version on ${w.table}`).execute(db);
    await sql.raw('drop function mkb_bump_team_version()').execute(db);
  } else {
    for (const w of WATCHED)
      for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger ${w.table}_team_version_${event}`).execute(db);
  }
  await db.deleteFrom('settings').where('key', '=', 'team_version').execute();
}
