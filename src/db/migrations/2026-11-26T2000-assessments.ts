import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('assignments')
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('assigned_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assigned_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('assignments_pk', ['registration_id', 'user_id'])
    .execute();
  await db.schema.createIndex('assignments_user').on('assignments').column('user_id').execute();

  await db.schema
    .createTable('member_affiliations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conflict_dismissals')
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('dismissed_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('dismissed_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('conflict_dismissals_pk', ['registration_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('assessor_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('verdicts', 'text', (c) => c.notNull())
    .addColumn('recommendation', 'varchar(16)')
    .addColumn('proposed_participation', 'varchar(16)')
    .addColumn('summary', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('submitted_at', ts)
    .addPrimaryKeyConstraint('assessments_pk', ['registration_id', 'assessor_id', 'version'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('author_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_registration').on('comments').columns(['registration_id', 'created_at']).execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('participation', 'varchar(16)')
    .addColumn('conditions', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('reopened_steps', 'text')
    .addColumn('deadline', 'varchar(10)')
    .addColumn('mail_subject', 'text', (c) => c.notNull())
    .addColumn('mail_body', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', ts, (c) => c.notNull())
    .execute();
  // One decision per submitted version: a second one for the same version cannot exist.
  await db.schema.createIndex('decisions_one_per_version').on('decisions').columns(['registration_id', 'version']).unique().execute();

  await db.schema
    .createTable('mail_templates')
    .addColumn('key', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema.alterTable('registrations').addColumn('participation', 'varchar(16)').execute();
  // Facts the queue filters on, copied from the answers when they are saved.
  await db.schema.alterTable('registrations').addColumn('sector', 'varchar(2)').execute();
  await db.schema.alterTable('registrations').addColumn('participation_wish', 'varchar(16)').execute();
  await db.schema.alterTable('registrations').addColumn('info_deadline', 'varchar(10)').execute();
  await db.schema.alterTable('registrations').addColumn('info_reminded_at', ts).execute();
  await db.schema.alterTable('registrations').addColumn('info_escalated_at', ts).execute();
  await db.schema.alterTable('registrations').addColumn('review_reminded_at', ts).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [
    'review_reminded_at',
    'info_escalated_at',
    'info_reminded_at',
    'info_deadline',
    'participation_wish',
    'sector',
    'participation',
  ]) {
    await db.schema.alterTable('registrations').dropColumn(column).execute();
  }
  for (const table of [
    'mail_templates',
    'decisions',
    'comments',
    'assessments',
    'conflict_dismissals',
    'member_affiliations',
    'assignments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
