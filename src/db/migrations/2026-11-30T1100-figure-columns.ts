import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * What the team dashboard counts, readable without scanning: a registration's province in a column
 * (like its sector), and the audit trail's actions by type in an index that holds what the figures
 * read (so five years of events are read from the index alone).
 */
export async function up(db: Kysely<any>): Promise<void> {
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
  await db.schema.dropIndex('audit_events_action').execute();
  await db.schema.alterTable('registrations').dropColumn('province').execute();
}
