import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * What the team dashboard counts, readable without scanning: a registration's province in a column
 * (like its sector), and the audit trail's actions by type in an index that holds what the figures
 * read (so five years of events are read from the index alone).
 *
 * `trail_version`: a counter the database raises when an audit event that the dashboard's trail
 * figures read (monitoring/service.ts#ACTIONS) is added or any audit event is removed. Those figures
 * (five years of events) are kept under it, so a comment or an assignment does not recompute them.
 */
const TRAIL_ACTIONS = [
  'registration.submitted',
  'registration.info_requested',
  'registration.accepted',
  'registration.declined',
  'registration.withdrawn',
  'kickoff.held',
];
const BUMP = `update settings set value = cast(cast(value as integer) + 1 as text) where key = 'trail_version'`;
const WATCHED = `new.subject_type = 'registration' and new.action in (${TRAIL_ACTIONS.map((a) => `'${a}'`).join(', ')})`;

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'trail_version', value: '1' })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  if (isPostgres(db)) {
    await sql
      .raw(`create function mkb_bump_trail_version() returns trigger language plpgsql as $$ begin ${BUMP}; return null; end $$`)
      .execute(db);
    await sql
      .raw(
        `create trigger audit_events_trail_insert after insert on audit_events for each row when (${WATCHED}) execute function mkb_bump_trail_version()`,
      )
      .execute(db);
    await sql
      .raw(
        'create trigger audit_events_trail_delete after delete on audit_events for each statement execute function mkb_bump_trail_version()',
      )
      .execute(db);
  } else {
    await sql.raw(`create trigger audit_events_trail_insert after insert on audit_events when ${WATCHED} begin ${BUMP}; end`).execute(db);
    await sql.raw(`create trigger audit_events_trail_delete after delete on audit_events begin ${BUMP}; end`).execute(db);
  }
  await db.schema.alterTable('registrations').addColumn('province', 'varchar(16)').execute();
  await (isPostgres(db)
    ? sql`update registrations set province = left(cast(answers as jsonb) #>> '{opleiding,values,province}', 16)`
    : sql`update registrations set province = substr(json_extract(answers, '$.opleiding.values.province'), 1, 16)`
  ).execute(db);
  await db.schema
    .createIndex('audit_events_action')
    .on('audit_events')
    .columns(['subject_type', 'action', 'at', 'id', 'subject_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw('drop trigger audit_events_trail_insert on audit_events').execute(db);
    await sql.raw('drop trigger audit_events_trail_delete on audit_events').execute(db);
    await sql.raw('drop function mkb_bump_trail_version()').execute(db);
  } else {
    await sql.raw('drop trigger audit_events_trail_insert').execute(db);
    await sql.raw('drop trigger audit_events_trail_delete').execute(db);
  }
  await db.deleteFrom('settings').where('key', '=', 'trail_version').execute();
  await db.schema.dropIndex('audit_events_action').execute();
  await db.schema.alterTable('registrations').dropColumn('province').execute();
}
