import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import type { GuidePartTable, KnowledgeFileTable, KnowledgeItemTable, KnowledgeRevisionTable, ThemePageTable } from './tables.ts';

type Db = Kysely<Database>;

// ---------------------------------------------------------------- items and revisions

export async function insertItem(db: Db, row: Insertable<KnowledgeItemTable>): Promise<void> {
  await db.insertInto('knowledge_items').values(row).execute();
}

export async function updateItem(db: Db, id: string, change: Updateable<KnowledgeItemTable>): Promise<boolean> {
  const r = await db.updateTable('knowledge_items').set(change).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findItem(db: Db, id: string) {
  return db.selectFrom('knowledge_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The item row, locked for the rest of the transaction on PostgreSQL (FOR UPDATE), so two saves
 * of one item number their revisions one after the other. SQLite's write lock does the same.
 */
export async function lockItem(db: Db, id: string) {
  return db
    .selectFrom('knowledge_items')
    .selectAll()
    .where('id', '=', id)
    .$if(isPostgres(db), (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function findPublishedBySlug(db: Db, kind: string, slug: string) {
  return db
    .selectFrom('knowledge_items')
    .selectAll()
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .where('published_at', 'is not', null)
    .executeTakeFirst();
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('knowledge_items').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function insertRevision(db: Db, row: Insertable<KnowledgeRevisionTable>): Promise<void> {
  await db.insertInto('knowledge_revisions').values(row).execute();
}

export async function findRevision(db: Db, itemId: string, n: number) {
  return db
    .selectFrom('knowledge_revisions')
    .leftJoin('users', 'users.id', 'knowledge_revisions.saved_by')
    .selectAll('knowledge_revisions')
    .select(['users.name as saved_by_name', 'users.email as saved_by_email'])
    .where('item_id', '=', itemId)
    .where('number', '=', n)
    .executeTakeFirst();
}

export async function revisionsOf(db: Db, itemId: string) {
  return db
    .selectFrom('knowledge_revisions')
    .leftJoin('users', 'users.id', 'knowledge_revisions.saved_by')
    .select([
      'knowledge_revisions.number',
      'knowledge_revisions.title',
      'knowledge_revisions.saved_at',
      'knowledge_revisions.restored_from',
      'users.name as saved_by_name',
      'users.email as saved_by_email',
    ])
    .where('item_id', '=', itemId)
    .orderBy('number', 'desc')
    .execute();
}

/** Every item with its latest revision's title, for the team's list. */
export async function itemsForTeam(db: Db, kind: string | null) {
  return db
    .selectFrom('knowledge_items as i')
    .innerJoin('knowledge_revisions as r', (j) => j.onRef('r.item_id', '=', 'i.id').onRef('r.number', '=', 'i.latest_revision'))
    .leftJoin('users as o', 'o.id', 'i.owner_id')
    .select([
      'i.id',
      'i.kind',
      'i.slug',
      'r.title',
      'i.published_at',
      'i.published_revision',
      'i.latest_revision',
      'i.part',
      'i.position',
      'i.review_due',
      'i.review_reason',
      'i.updated_at',
      'o.name as owner_name',
      'o.email as owner_email',
    ])
    .$if(kind !== null, (qb) => qb.where('i.kind', '=', kind as string))
    .orderBy('i.kind')
    .orderBy('i.part')
    .orderBy('i.position')
    .orderBy('r.title')
    .execute();
}

export type PublishedFilters = { theme?: string; audience?: string };

export async function listPublished(db: Db, kind: string, f: PublishedFilters = {}) {
  return db
    .selectFrom('knowledge_items')
    .leftJoin('guide_parts', 'guide_parts.code', 'knowledge_items.part')
    .selectAll('knowledge_items')
    .select(['guide_parts.title as part_title', 'guide_parts.position as part_position'])
    .where('kind', '=', kind)
    .where('published_at', 'is not', null)
    .$if(Boolean(f.theme), (qb) => qb.where('themes', 'like', `%"${f.theme}"%`))
    .$if(Boolean(f.audience), (qb) => qb.where('audiences', 'like', `%"${f.audience}"%`))
    .orderBy('guide_parts.position')
    .orderBy('knowledge_items.position')
    .orderBy('published_at', 'desc')
    .orderBy('title')
    .execute();
}

/** Published items that carry a theme, all kinds, for the theme page. */
export async function publishedWithTheme(db: Db, theme: string) {
  return db
    .selectFrom('knowledge_items')
    .select(['id', 'kind', 'slug', 'title', 'summary', 'published_at'])
    .where('published_at', 'is not', null)
    .where('themes', 'like', `%"${theme}"%`)
    .orderBy('kind')
    .orderBy('position')
    .orderBy('title')
    .execute();
}

export async function deleteItemsCreatedBy(db: Db, userIds: string[]): Promise<{ id: string; kind: string }[]> {
  if (userIds.length === 0) return [];
  return db.deleteFrom('knowledge_items').where('created_by', 'in', userIds).returning(['id', 'kind']).execute();
}

// ---------------------------------------------------------------- review of chapters

/** Published chapters past their review date or flagged, with their owners, for /beheer and the job. */
export async function chaptersNeedingReview(db: Db, today: string) {
  return db
    .selectFrom('knowledge_items')
    .leftJoin('users', 'users.id', 'knowledge_items.owner_id')
    .select([
      'knowledge_items.id',
      'knowledge_items.title',
      'knowledge_items.slug',
      'knowledge_items.owner_id',
      'knowledge_items.review_due',
      'knowledge_items.review_reason',
      'knowledge_items.review_mailed_for',
      'users.email as owner_email',
      'users.name as owner_name',
    ])
    .where('kind', '=', 'chapter')
    .where((eb) => eb.or([eb('review_reason', 'is not', null), eb('review_due', '<', today)]))
    .orderBy('review_due')
    .execute();
}

/** Marks the owner as mailed about this occasion; false when another worker already did. */
export async function claimReviewMail(db: Db, id: string, occasion: string): Promise<boolean> {
  const r = await db
    .updateTable('knowledge_items')
    .set({ review_mailed_for: occasion })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('review_mailed_for', 'is', null), eb('review_mailed_for', '!=', occasion)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Chapters whose text refers to a criterion or a theme (by its code in their lists). */
export async function chaptersReferringTo(db: Db, column: 'criteria' | 'themes', code: string) {
  return db
    .selectFrom('knowledge_items')
    .select(['id', 'title'])
    .where('kind', '=', 'chapter')
    .where(column, 'like', `%"${code}"%`)
    .orderBy('position')
    .execute();
}

// ---------------------------------------------------------------- parts, theme pages, files

export async function listParts(db: Db) {
  return db.selectFrom('guide_parts').selectAll().orderBy('position').execute();
}

export async function insertMissingParts(db: Db, rows: GuidePartTable[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('guide_parts')
      .values(rows)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
}

export async function listThemePages(db: Db) {
  return db.selectFrom('theme_pages').selectAll().execute();
}

export async function findThemePage(db: Db, by: { slug?: string; code?: string }) {
  return db
    .selectFrom('theme_pages')
    .selectAll()
    .$if(by.slug !== undefined, (qb) => qb.where('slug', '=', by.slug as string))
    .$if(by.code !== undefined, (qb) => qb.where('theme_code', '=', by.code as string))
    .executeTakeFirst();
}

export async function insertMissingThemePages(db: Db, rows: ThemePageTable[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('theme_pages')
      .values(rows)
      .onConflict((oc) => oc.column('theme_code').doNothing())
      .execute();
}

export async function updateThemePage(db: Db, code: string, change: Updateable<ThemePageTable>): Promise<boolean> {
  const r = await db.updateTable('theme_pages').set(change).where('theme_code', '=', code).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertFile(db: Db, row: Insertable<KnowledgeFileTable>): Promise<void> {
  await db.insertInto('knowledge_files').values(row).execute();
}

export async function findFile(db: Db, id: string) {
  return db.selectFrom('knowledge_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The file's metadata without its bytes. */
export async function fileInfo(db: Db, id: string) {
  return db
    .selectFrom('knowledge_files')
    .select(['id', 'kind', 'filename', 'content_type', 'size', 'alt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Counts for the /beheer entry: drafts and chapters needing review. */
export async function teamCounts(db: Db, today: string) {
  const row = await db
    .selectFrom('knowledge_items')
    .select([
      sql<number>`sum(case when published_revision is null or published_revision < latest_revision then 1 else 0 end)`.as('drafts'),
      sql<number>`sum(case when kind = 'chapter' and (review_reason is not null or review_due < ${today}) then 1 else 0 end)`.as('review'),
    ])
    .executeTakeFirst();
  return { drafts: Number(row?.drafts ?? 0), review: Number(row?.review ?? 0) };
}

export async function saveParts(db: Db, rows: GuidePartTable[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('guide_parts')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet({ title: row.title, position: row.position }))
      .execute();
  }
}
