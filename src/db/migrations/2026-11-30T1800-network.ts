import { type Kysely, sql } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * The network (netwerk): organisations (one per KvK number), sign-ups waiting for their address
 * to be confirmed, links between organisations and routes, double opt-in introductions, and the
 * accounts of organisations' contacts. The companies and branches already named in registrations
 * are linked at start-up by the network feature itself (network/service.ts#linkNamedPartners),
 * through the registrations' public surface, so this migration only makes the tables.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('kvk', 'varchar(8)')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('province', 'varchar(32)')
    .addColumn('place', 'text')
    .addColumn('size', 'varchar(8)')
    .addColumn('website', 'text')
    .addColumn('offers', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('consent_at', ts)
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('merged_into', 'varchar(36)', (c) => c.references('organisations.id'))
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // One live record per KvK number (a merged one keeps its number for the history).
  await sql`create unique index organisations_kvk on organisations (kvk) where kvk is not null and state <> 'samengevoegd'`.execute(db);
  await db.schema
    .createTable('organisation_signups')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organisation_signups_email').on('organisation_signups').columns(['email', 'created_at']).execute();
  await db.schema
    .createTable('organisation_links')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) => c.notNull().references('organisations.id'))
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('named_as', 'text')
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organisation_links_pair')
    .on('organisation_links')
    .columns(['registration_id', 'organisation_id', 'role'])
    .unique()
    .execute();
  await db.schema.createIndex('organisation_links_org').on('organisation_links').column('organisation_id').execute();
  await db.schema
    .createTable('introductions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) => c.notNull().references('organisations.id'))
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('state', 'varchar(24)', (c) => c.notNull())
    .addColumn('nonce', 'varchar(32)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('proposed_by', 'varchar(36)')
    .addColumn('proposed_at', ts, (c) => c.notNull())
    .addColumn('org_answer', 'varchar(16)')
    .addColumn('org_answered_at', ts)
    .addColumn('route_answer', 'varchar(16)')
    .addColumn('route_answered_at', ts)
    .addColumn('introduced_at', ts)
    .addColumn('outcome', 'varchar(16)')
    .addColumn('outcome_at', ts)
    .addColumn('outcome_asked_at', ts)
    .addColumn('reminded_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('introductions_pair').on('introductions').columns(['registration_id', 'organisation_id']).execute();
  await db.schema.createIndex('introductions_state').on('introductions').columns(['state', 'updated_at']).execute();
  await db.schema
    .createTable('organisation_users')
    .addColumn('organisation_id', 'varchar(36)', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_users_pk', ['organisation_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisation_users').execute();
  await db.schema.dropTable('introductions').execute();
  await db.schema.dropTable('organisation_links').execute();
  await db.schema.dropTable('organisation_signups').execute();
  await db.schema.dropTable('organisations').execute();
}
