import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { PageTable } from './tables.ts';

export async function findPage(db: Kysely<Database>, slug: string) {
  return db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listPages(db: Kysely<Database>) {
  return db
    .selectFrom('pages')
    .leftJoin('users', 'users.id', 'pages.updated_by')
    .select(['pages.slug', 'pages.title', 'pages.updated_at', 'users.email as updated_by_email', 'users.name as updated_by_name'])
    .orderBy('pages.position')
    .execute();
}

export async function insertMissingPages(db: Kysely<Database>, rows: Insertable<PageTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('pages')
    .values(rows)
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}

export async function updatePage(
  db: Kysely<Database>,
  slug: string,
  change: { title: string; summary: string; body_md: string; updated_at: string; updated_by: string },
): Promise<boolean> {
  const result = await db.updateTable('pages').set(change).where('slug', '=', slug).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
