import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('slots')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('host_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('address', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('slots_host_time').on('slots').columns(['host_id', 'starts_at']).execute();
  await db.schema.createIndex('slots_time').on('slots').column('starts_at').execute();

  await db.schema
    .createTable('kickoffs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().unique().references('registrations.id').onDelete('cascade'))
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    // A slot holds at most one meeting: this constraint, not a check in memory, is what makes
    // booking atomic, also across processes.
    .addColumn('slot_id', 'varchar(36)', (c) => c.unique().references('slots.id').onDelete('set null'))
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('link_nonce', 'varchar(32)', (c) => c.notNull())
    .addColumn('invited_at', ts, (c) => c.notNull())
    .addColumn('booked_at', ts)
    .addColumn('unbooked_reminded_at', ts)
    .addColumn('unbooked_escalated_at', ts)
    .addColumn('day_before_reminded_at', ts)
    .addColumn('notes', 'text')
    .addColumn('outcome', 'varchar(16)')
    .addColumn('held_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema.alterTable('registrations').addColumn('participant_at', ts).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registrations').dropColumn('participant_at').execute();
  await db.schema.dropTable('kickoffs').execute();
  await db.schema.dropTable('slots').execute();
}
