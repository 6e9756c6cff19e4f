import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * The team edits and removes stories and toolkit files. Removing takes them off every public page
 * at once but keeps the row: a story's consent record (date and how it was recorded) stays, with
 * who removed it and when.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  for (const table of ['stories', 'toolkit_assets']) {
    await db.schema.alterTable(table).addColumn('updated_at', ts).execute();
    await db.schema.alterTable(table).addColumn('updated_by', 'varchar(36)').execute();
    await db.schema.alterTable(table).addColumn('removed_at', ts).execute();
    await db.schema.alterTable(table).addColumn('removed_by', 'varchar(36)').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['stories', 'toolkit_assets']) {
    for (const column of ['removed_by', 'removed_at', 'updated_by', 'updated_at'])
      await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
