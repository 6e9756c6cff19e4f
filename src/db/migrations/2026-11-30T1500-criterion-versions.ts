import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * Every wording a criterion has had, from when: a registration shows the wording that was in force
 * when it was (last) submitted. The wordings of today are taken over as version 1 (valid since
 * always); reference data fills them on a fresh database (reference/service.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('criterion_versions')
    .addColumn('code', 'varchar(4)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('valid_from', ts, (c) => c.notNull())
    .addColumn('changed_by', 'varchar(36)')
    .addPrimaryKeyConstraint('criterion_versions_pk', ['code', 'version'])
    .execute();
  const current = await db.selectFrom('criteria').select(['code', 'title', 'description']).execute();
  if (current.length)
    await db
      .insertInto('criterion_versions')
      .values(current.map((c) => ({ ...c, version: 1, valid_from: '2000-01-01T00:00:00.000Z', changed_by: null })))
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('criterion_versions').execute();
}
