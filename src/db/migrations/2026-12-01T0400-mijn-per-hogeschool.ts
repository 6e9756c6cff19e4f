import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';
import { up as mijnVersionUp, on, WATCHED } from './2026-11-30T1900-mijn-version.ts';

/**
 * `/mijn` per hogeschool. Until now one counter (`mijn_version`) stood for every person's `/mijn`,
 * so a change to one hogeschool's registration made every person's page be made again (with 50
 * people and 50 changes a second, nearly every view: bench/RESULTS.md, 2026-12-01). What a
 * registration and the rows that belong to it show on `/mijn` is seen only by the staff of that
 * registration's hogeschool (the cards of registrations, kick-offs, the public route, the monitor,
 * support and acceptance conditions read them through the person's own hogeschool's
 * registrations); so those rows now raise a counter of their hogeschool, `mijn_version:<BRIN>`
 * (a row of `settings`, made by the first change), and no longer `mijn_version`. Everything else
 * `/mijn` shows (names, reference lists, bijeenkomsten and their waiting lists, organisations, link
 * requests, kick-off slots, monitor years) still raises `mijn_version`. A person's page is kept
 * under both: `mijn_version` and their hogeschool's counter (read with the session).
 * test/mijn-cache.test.ts holds the line: a change to another hogeschool's registration leaves a
 * page kept, and that kept page is the page made afresh.
 *
 * On PostgreSQL every counter is raised at commit, once per transaction, in one order (the global
 * one first, then the hogescholen by BRIN): a row trigger notes what changed in a transaction-local
 * setting, and the first deferred trigger to run at commit raises all of them. Raising them as
 * each row changed (or in the order rows changed) could close a cycle between two transactions
 * that each touch two hogescholen; in one order, at commit, when nothing else is asked for, none
 * can. SQLite writes one transaction at a time: its triggers raise as each row changes.
 */

/** Tables whose rows belong to one hogeschool: by their own column, or through their registration. */
const OWN = ['registrations', 'routes'];
const THROUGH_REGISTRATION = ['assessments', 'decisions', 'condition_fulfilments', 'kickoffs', 'monitor_reports', 'support_requests'];
const SCOPED = [...OWN, ...THROUGH_REGISTRATION];
const GLOBAL = WATCHED.filter((w) => !SCOPED.includes(w.table));
const EVENTS = ['insert', 'update', 'delete'] as const;

/**
 * SQLite: the statements that raise the counters of the hogescholen `brins` selects (as `b`). Not
 * `insert or ignore`: inside a trigger the outer statement's conflict handling wins (an upsert's
 * is to fail), so the missing row is made only where there is none.
 */
const raiseSqlite = (brins: string) =>
  `insert into settings (key, value) select distinct 'mijn_version:' || b, '0' from (${brins})
     where b is not null and not exists (select 1 from settings where key = 'mijn_version:' || b);
   update settings set value = cast(cast(value as integer) + 1 as text)
     where key in (select 'mijn_version:' || b from (${brins}) where b is not null);`;

function sqliteBrins(table: string, event: (typeof EVENTS)[number]): string {
  const rows = event === 'insert' ? ['new'] : event === 'delete' ? ['old'] : ['old', 'new'];
  if (OWN.includes(table)) return rows.map((r) => `select ${r}.institution_brin as b`).join(' union ');
  return `select institution_brin as b from registrations where id in (${rows.map((r) => `${r}.registration_id`).join(', ')})`;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const w of WATCHED) await sql.raw(`drop trigger ${w.table}_mijn_version on ${w.table}`).execute(db);
    await sql.raw('drop function mkb_bump_mijn_version()').execute(db);
    // Notes, for the transaction, what a row's change raises: ',*,' for `mijn_version`, ',<BRIN>,' for a hogeschool's.
    await sql
      .raw(
        `create function mkb_note_mijn_change() returns trigger language plpgsql as $$
         declare
           noted text := coalesce(current_setting('mkb.mijn_changes', true), '');
           scopes text[] := '{}';
           scope text;
         begin
           if TG_ARGV[0] = 'global' then
             scopes := array['*'];
           elsif TG_ARGV[0] = 'own' then
             if TG_OP <> 'INSERT' then scopes := scopes || OLD.institution_brin::text; end if;
             if TG_OP <> 'DELETE' then scopes := scopes || NEW.institution_brin::text; end if;
           else
             if TG_OP <> 'INSERT' then
               scopes := scopes || (select r.institution_brin::text from registrations r where r.id = OLD.registration_id);
             end if;
             if TG_OP <> 'DELETE' then
               scopes := scopes || (select r.institution_brin::text from registrations r where r.id = NEW.registration_id);
             end if;
           end if;
           foreach scope in array scopes loop
             if scope is not null and position(',' || scope || ',' in noted) = 0 then
               noted := case when noted = '' then ',' else noted end || scope || ',';
             end if;
           end loop;
           perform set_config('mkb.mijn_changes', noted, true);
           return null;
         end $$`,
      )
      .execute(db);
    // At commit: raises what was noted, the global counter first, then the hogescholen by BRIN.
    await sql
      .raw(
        `create function mkb_raise_mijn_versions() returns trigger language plpgsql as $$
         declare
           noted text := coalesce(current_setting('mkb.mijn_changes', true), '');
           scope text;
         begin
           if noted = '' then return null; end if;
           perform set_config('mkb.mijn_changes', '', true);
           if position(',*,' in noted) > 0 then
             update settings set value = (value::integer + 1)::text where key = 'mijn_version';
           end if;
           for scope in select distinct s from unnest(string_to_array(noted, ',')) as s where s <> '' and s <> '*' order by s loop
             insert into settings (key, value) values ('mijn_version:' || scope, '1')
               on conflict (key) do update set value = (settings.value::integer + 1)::text;
           end loop;
           return null;
         end $$`,
      )
      .execute(db);
    for (const w of WATCHED) {
      const kind = OWN.includes(w.table) ? 'own' : THROUGH_REGISTRATION.includes(w.table) ? 'registration' : 'global';
      const events = EVENTS.map((e) => on(w, e)).join(' or ');
      await sql
        .raw(
          `create trigger ${w.table}_mijn_note after ${events} on ${w.table} for each row execute function mkb_note_mijn_change('${kind}')`,
        )
        .execute(db);
      await sql
        .raw(
          `create constraint trigger ${w.table}_mijn_version after ${events} on ${w.table} deferrable initially deferred for each row execute function mkb_raise_mijn_versions()`,
        )
        .execute(db);
    }
    return;
  }
  for (const table of SCOPED)
    for (const event of EVENTS) {
      await sql.raw(`drop trigger ${table}_mijn_version_${event}`).execute(db);
      await sql
        .raw(`create trigger ${table}_mijn_version_${event} after ${event} on ${table} begin ${raiseSqlite(sqliteBrins(table, event))} end`)
        .execute(db);
    }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const w of WATCHED) {
      await sql.raw(`drop trigger ${w.table}_mijn_note on ${w.table}`).execute(db);
      await sql.raw(`drop trigger ${w.table}_mijn_version on ${w.table}`).execute(db);
    }
    await sql.raw('drop function mkb_note_mijn_change()').execute(db);
    await sql.raw('drop function mkb_raise_mijn_versions()').execute(db);
  } else {
    for (const w of WATCHED) for (const event of EVENTS) await sql.raw(`drop trigger ${w.table}_mijn_version_${event}`).execute(db);
  }
  await db.deleteFrom('settings').where('key', 'like', 'mijn_version:%').execute();
  // The triggers of 2026-11-30T1900 as they were (its `up` keeps the counter's row).
  await mijnVersionUp(db);
}

/** For the tests: which tables raise a hogeschool's counter, and which the global one. */
export const MIJN_SCOPED_TABLES = SCOPED;
export const MIJN_GLOBAL_TABLES = GLOBAL.map((w) => w.table);
