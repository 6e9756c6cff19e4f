import type { Kysely } from 'kysely';
import { isPostgres, timestampType } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const blob = isPostgres(db) ? 'bytea' : 'blob';

  await db.schema
    .createTable('themes')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('registrations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('institution_brin', 'varchar(4)', (c) => c.notNull().references('institutions.brin'))
    .addColumn('reference', 'varchar(16)', (c) => c.unique())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('submitted_at', ts)
    .addColumn('withdrawn_reason', 'text')
    .addColumn('reopened_steps', 'text')
    .execute();
  await db.schema.createIndex('registrations_institution').on('registrations').columns(['institution_brin', 'updated_at']).execute();
  await db.schema.createIndex('registrations_state').on('registrations').column('state').execute();

  await db.schema
    .createTable('registration_versions')
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reference', 'varchar(16)', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('submitted_at', ts, (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('registration_versions_pk', ['registration_id', 'version'])
    .execute();

  await db.schema
    .createTable('registration_files')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('registration_files_registration').on('registration_files').column('registration_id').execute();

  await db.schema
    .createTable('reference_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('outbox').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('attachments').execute();
  for (const table of ['reference_counters', 'registration_files', 'registration_versions', 'registrations', 'themes']) {
    await db.schema.dropTable(table).execute();
  }
}
