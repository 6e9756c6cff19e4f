import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  // A monitor year the team opens ("Monitor 2026"), with the day by which routes should report.
  await db.schema
    .createTable('monitor_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('opened_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  // One report per route and year: its answers as JSON, saved per step, frozen when submitted.
  await db.schema
    .createTable('monitor_reports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('monitor_years.year').onDelete('cascade'))
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('steps_done', 'text', (c) => c.notNull())
    .addColumn('prefilled', 'integer', (c) => c.notNull())
    .addColumn('reopened_fields', 'text')
    .addColumn('reopen_message', 'text')
    .addColumn('submitted_at', ts)
    .addColumn('submitted_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('reminded_before_at', ts)
    .addColumn('reminded_after_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('monitor_reports_route_year', ['year', 'registration_id'])
    .execute();
  await db.schema.createIndex('monitor_reports_route').on('monitor_reports').columns(['registration_id', 'year']).execute();
  await db.schema.createIndex('monitor_reports_state').on('monitor_reports').columns(['state', 'year']).execute();

  // The counts of every submitted report, one row per target group: what the figures sum, without
  // reading each report's answers. Written when a report is submitted, removed when it is reopened.
  await db.schema
    .createTable('monitor_counts')
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull().references('monitor_reports.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('target_group', 'varchar(32)', (c) => c.notNull())
    .addColumn('new_students', 'integer', (c) => c.notNull())
    .addColumn('enrolled', 'integer', (c) => c.notNull())
    .addColumn('graduates', 'integer', (c) => c.notNull())
    .addColumn('dropouts', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_counts_pk', ['report_id', 'target_group'])
    .execute();
  await db.schema.createIndex('monitor_counts_year').on('monitor_counts').columns(['year', 'target_group', 'enrolled']).execute();

  // The public figures of a year as published: never recomputed, so a later withdrawal or
  // anonymisation does not change them silently; the next snapshot lists the corrections.
  await db.schema
    .createTable('figure_snapshots')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('published_at', ts, (c) => c.notNull())
    .addColumn('published_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('corrections', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('figure_snapshots').execute();
  await db.schema.dropTable('monitor_counts').execute();
  await db.schema.dropTable('monitor_reports').execute();
  await db.schema.dropTable('monitor_years').execute();
}
