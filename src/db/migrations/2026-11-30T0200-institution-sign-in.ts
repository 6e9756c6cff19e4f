import { type Kysely, sql } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * Signing in is tied to the right hogeschool: mail domains per hogeschool (shipped, editable by
 * admins; a removed one stays as a row so the next start does not bring it back), the home
 * organisations SURFconext sent that no hogeschool claims yet, SURFconext identities keyed on
 * issuer + subject, the short-lived state of a sign-in round trip and of a pending account link,
 * and requests from people without a hogeschool to be linked to one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('institution_domains')
    .addColumn('domain', 'varchar(253)', (c) => c.primaryKey())
    .addColumn('institution_brin', 'varchar(4)', (c) => c.notNull().references('institutions.brin'))
    .addColumn('added_at', ts, (c) => c.notNull())
    .addColumn('added_by', 'varchar(36)')
    .addColumn('removed_at', ts)
    .addColumn('removed_by', 'varchar(36)')
    .execute();
  await db.schema.createIndex('institution_domains_brin').on('institution_domains').column('institution_brin').execute();

  await db.schema
    .createTable('unknown_home_organisations')
    .addColumn('domain', 'varchar(253)', (c) => c.primaryKey())
    .addColumn('first_seen_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oidc_identities')
    .addColumn('issuer', 'varchar(500)', (c) => c.notNull())
    .addColumn('subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('oidc_identities_pk', ['issuer', 'subject'])
    .addUniqueConstraint('oidc_identities_one_per_issuer', ['user_id', 'issuer'])
    .execute();

  await db.schema
    .createTable('oidc_attempts')
    .addColumn('state_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('nonce', 'varchar(128)', (c) => c.notNull())
    .addColumn('code_verifier', 'varchar(128)', (c) => c.notNull())
    .addColumn('return_to', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oidc_pending_links')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('issuer', 'varchar(500)', (c) => c.notNull())
    .addColumn('subject', 'varchar(255)', (c) => c.notNull())
    .addColumn('institution_brin', 'varchar(4)')
    .addColumn('return_to', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('link_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('institution_brin', 'varchar(4)', (c) => c.notNull().references('institutions.brin'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('decision', 'varchar(16)', (c) => c.check(sql`decision in ('approved', 'refused')`))
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', ts)
    .addColumn('decided_by', 'varchar(36)')
    .execute();
  await db.schema.createIndex('link_requests_user').on('link_requests').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'link_requests',
    'oidc_pending_links',
    'oidc_attempts',
    'oidc_identities',
    'unknown_home_organisations',
    'institution_domains',
  ])
    await db.schema.dropTable(table).execute();
}
