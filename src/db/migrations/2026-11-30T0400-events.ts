import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('address', 'text')
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('registration_deadline', ts, (c) => c.notNull())
    .addColumn('waitlist', 'integer', (c) => c.notNull())
    .addColumn('reminder_hours', 'integer', (c) => c.notNull())
    .addColumn('reminder_text', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('organiser_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('arrivals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_round_at', ts)
    .addColumn('alerted_80_at', ts)
    .addColumn('alerted_100_at', ts)
    .addColumn('cancel_reason', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_start').on('events').column('starts_at').execute();

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('arrival', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('code', 'varchar(16)', (c) => c.notNull())
    .addColumn('link_nonce', 'varchar(32)', (c) => c.notNull())
    .addColumn('offer_expires_at', ts)
    .addColumn('open_offer_at', ts)
    .addColumn('attendance', 'varchar(16)')
    .addColumn('attendance_at', ts)
    .addColumn('reminded_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('confirmed_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // One registration per address per event: registering twice, also from two processes, cannot make two.
  await db.schema.createIndex('event_registrations_person').on('event_registrations').columns(['event_id', 'email']).unique().execute();
  await db.schema.createIndex('event_registrations_code').on('event_registrations').columns(['event_id', 'code']).unique().execute();
  await db.schema.createIndex('event_registrations_line').on('event_registrations').columns(['event_id', 'state', 'arrival']).execute();
  await db.schema.createIndex('event_registrations_user').on('event_registrations').column('user_id').execute();

  await db.schema
    .createTable('event_pending')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_pending').execute();
  await db.schema.dropTable('event_registrations').execute();
  await db.schema.dropTable('events').execute();
}
