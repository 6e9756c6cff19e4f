import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * Administration: the themes a team member declares expertise in (JSON list of theme codes);
 * hogescholen that left DUO's list kept but marked inactive (registrations still refer to them);
 * and an uploaded DUO file kept between its preview and its application.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema.alterTable('users').addColumn('expertise', 'text').execute();
  await db.schema
    .alterTable('institutions')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('institution_imports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('rows', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('applied_at', ts)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('institution_imports').execute();
  await db.schema.alterTable('institutions').dropColumn('active').execute();
  await db.schema.alterTable('users').dropColumn('expertise').execute();
}
