import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * `mijn_version`: a counter the database raises, in the writing transaction, on every change to
 * what any card of `/mijn` shows (the cards each feature registers: registrations, kick-offs,
 * the public route, the monitor, support, acceptance conditions, bijeenkomsten, organisations,
 * a link request, expertise, and the names and reference lists they are shown with). `/mijn` is
 * kept whole per browser under it (platform/page-cache.ts). test/mijn-cache.test.ts reads every
 * table `/mijn` asks for, for every kind of person, and fails when one is not watched here.
 *
 * On PostgreSQL the counter is raised at commit (a deferred constraint trigger, once per
 * transaction), not at the statement: tables such as event_registrations or support_requests
 * took no counter lock before, and a lock taken mid-transaction on a row every writer shares can
 * close a cycle with the row locks those transactions take (an event's row, say). Taken last, at
 * commit, when the transaction asks for nothing more, it cannot. Still inside the transaction, so
 * a reader sees the new value exactly when it sees the change. SQLite writes one at a time.
 */
export const WATCHED: { table: string; columns?: string[] }[] = [
  // People's names and roles, and a team member's expertise; not the moment of their last sign-in.
  { table: 'users', columns: ['email', 'name', 'role', 'institution_brin', 'disabled_at', 'expertise'] },
  { table: 'link_requests' },
  { table: 'institutions' },
  { table: 'sectors' },
  { table: 'provinces' },
  { table: 'themes' },
  { table: 'registrations' },
  { table: 'assessments' },
  { table: 'decisions' },
  { table: 'condition_fulfilments' },
  { table: 'routes' },
  { table: 'kickoffs' },
  { table: 'slots' },
  { table: 'monitor_years' },
  { table: 'monitor_reports' },
  { table: 'support_requests' },
  { table: 'events' },
  { table: 'event_registrations' },
  { table: 'organisations' },
  { table: 'organisation_users' },
];
const KEY = 'mijn_version';
const BUMP = `update settings set value = cast(cast(value as integer) + 1 as text) where key = '${KEY}'`;
export const on = (w: (typeof WATCHED)[number], event: string) =>
  event === 'update' && w.columns ? `update of ${w.columns.join(', ')}` : event;

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: KEY, value: '1' })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  if (isPostgres(db)) {
    // Once per transaction: the first row queues the raise, the rest find it done.
    await sql
      .raw(
        `create function mkb_bump_mijn_version() returns trigger language plpgsql as $$ begin
           if coalesce(current_setting('mkb.mijn_version_raised', true), '') = '1' then return null; end if;
           perform set_config('mkb.mijn_version_raised', '1', true);
           ${BUMP};
           return null;
         end $$`,
      )
      .execute(db);
    for (const w of WATCHED) {
      const events = ['insert', 'update', 'delete'].map((e) => on(w, e)).join(' or ');
      await sql
        .raw(
          `create constraint trigger ${w.table}_mijn_version after ${events} on ${w.table} deferrable initially deferred for each row execute function mkb_bump_mijn_version()`,
        )
        .execute(db);
    }
    return;
  }
  for (const w of WATCHED)
    for (const event of ['insert', 'update', 'delete'])
      await sql.raw(`create trigger ${w.table}_mijn_version_${event} after ${on(w, event)} on ${w.table} begin ${BUMP}; end`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const w of WATCHED) await sql.raw(`drop trigger ${w.table}_mijn_version on ${w.table}`).execute(db);
    await sql.raw('drop function mkb_bump_mijn_version()').execute(db);
  } else {
    for (const w of WATCHED)
      for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger ${w.table}_mijn_version_${event}`).execute(db);
  }
  await db.deleteFrom('settings').where('key', '=', KEY).execute();
}
