import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * Privacy (AVG): the erasure ledger — one row per erasure or retention action, holding identifiers
 * only, never the erased values; a copy of each row is appended to a file outside the database so a
 * restored older copy can be brought up to date (platform/privacy/ledger.ts). Registrations and
 * event registrations learn when their people were anonymised (retention), so a run never does a
 * record twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('erasure_ledger')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('rule', 'varchar(64)')
    .addColumn('anchors', 'text', (c) => c.notNull())
    .addColumn('counts', 'text')
    .addColumn('by_user_id', 'varchar(36)')
    .execute();
  await db.schema.createIndex('erasure_ledger_at').on('erasure_ledger').column('at').execute();
  await db.schema.alterTable('registrations').addColumn('anonymised_at', ts).execute();
  await db.schema.alterTable('event_registrations').addColumn('anonymised_at', ts).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event_registrations').dropColumn('anonymised_at').execute();
  await db.schema.alterTable('registrations').dropColumn('anonymised_at').execute();
  await db.schema.dropTable('erasure_ledger').execute();
}
