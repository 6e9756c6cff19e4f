import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { analyse, fts5Match, type SearchQuery, tsQuery } from '../../platform/dutch-search.ts';
import type { RouteTable } from './tables.ts';

export type CatalogueFilters = {
  sector?: string;
  province?: string;
  level?: string;
  participation?: string;
  institution?: string;
  targetGroup?: string;
  /** A parsed search (platform/dutch-search.ts); null or absent for none. */
  search?: SearchQuery | null;
};

export async function findRouteById(db: Kysely<Database>, id: string) {
  return db.selectFrom('routes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRouteBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom('routes').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function slugTaken(db: Kysely<Database>, slug: string, exceptId: string): Promise<boolean> {
  return (await db.selectFrom('routes').select('id').where('slug', '=', slug).where('id', '!=', exceptId).executeTakeFirst()) !== undefined;
}

/**
 * Writes the route and its search entry: the text analysed by platform/dutch-search.ts, stored as
 * FTS5 tokens on SQLite and a `simple` tsvector on PostgreSQL, so both engines match the same stems.
 */
export async function saveRoute(db: Kysely<Database>, row: Insertable<RouteTable>, searchText: string): Promise<void> {
  const { id, first_published_at, ...rest } = row;
  if (isPostgres(db)) {
    // The search vector in the same statement: a separate update would leave a dead copy of every
    // row behind until vacuum (twice the heap to scan).
    const search = sql`to_tsvector('simple', ${analyse(searchText)})`;
    await db
      .insertInto('routes')
      .values({ ...row, search } as never)
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...rest, search } as never))
      .execute();
    return;
  }
  await db
    .insertInto('routes')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(rest))
    .execute();
  await sql`delete from routes_fts where id = ${id}`.execute(db);
  await sql`insert into routes_fts (id, body) values (${id}, ${analyse(searchText)})`.execute(db);
}

export async function setPublished(
  db: Kysely<Database>,
  id: string,
  published: boolean,
  reason: string | null,
  atIso: string,
): Promise<boolean> {
  const r = await db
    .updateTable('routes')
    .set({ published: published ? 1 : 0, unpublished_reason: reason, updated_at: atIso })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

function filtered(db: Kysely<Database>, f: CatalogueFilters) {
  const q = f.search ?? null;
  return db
    .selectFrom('routes')
    .where('published', '=', 1)
    .$if(Boolean(f.sector), (qb) => qb.where('sector', '=', f.sector as string))
    .$if(Boolean(f.province), (qb) => qb.where('province', '=', f.province as string))
    .$if(Boolean(f.level), (qb) => qb.where('level', '=', f.level as string))
    .$if(Boolean(f.participation), (qb) => qb.where('participation', '=', f.participation as string))
    .$if(Boolean(f.institution), (qb) => qb.where('institution_brin', '=', f.institution as string))
    .$if(Boolean(f.targetGroup), (qb) => qb.where('target_groups', 'like', `%"${f.targetGroup}"%`))
    .$if(q !== null, (qb) =>
      isPostgres(db)
        ? qb.where(sql<boolean>`search @@ to_tsquery('simple', ${tsQuery(q as SearchQuery)})`)
        : qb.where('id', 'in', sql<string>`(select id from routes_fts where routes_fts match ${fts5Match(q as SearchQuery)})`),
    );
}

/** Up to this many matches, a PostgreSQL search reads its matches through the search index first. */
const FEW_MATCHES = 300;

/**
 * A page of published routes, newest first. `matches` is the count of the same filters, when known.
 * On PostgreSQL a search with few matches reads them through the search index and sorts only those
 * (a materialized CTE): otherwise the planner walks the listing index newest-first and tests route
 * after route against the search until it has a page — every published route, when there are
 * fewer matches than a page (6–8 ms over 10,000 routes, bench/RESULTS.md 2026-12-02). With many
 * matches that walk ends soon, and it saves sorting them all.
 */
export async function listPublished(db: Kysely<Database>, f: CatalogueFilters, limit: number, offset: number, matches?: number) {
  if (isPostgres(db) && f.search && matches !== undefined && matches <= FEW_MATCHES)
    return db
      .with(
        (cte) => cte('found').materialized(),
        () => filtered(db, f).selectAll(),
      )
      .selectFrom('found')
      .selectAll()
      .orderBy('first_published_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
  return filtered(db, f).selectAll().orderBy('first_published_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
}

export async function countPublished(db: Kysely<Database>, f: CatalogueFilters): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countsByProvince(db: Kysely<Database>) {
  return db
    .selectFrom('routes')
    .select(['province', (eb) => eb.fn.countAll<number>().as('n')])
    .where('published', '=', 1)
    .groupBy('province')
    .execute();
}

export async function routesOfInstitution(db: Kysely<Database>, brin: string) {
  return db.selectFrom('routes').selectAll().where('institution_brin', '=', brin).orderBy('title').execute();
}

export async function allRoutes(db: Kysely<Database>) {
  return db
    .selectFrom('routes')
    .select(['id', 'slug', 'title', 'institution_name', 'published', 'unpublished_reason'])
    .orderBy('title')
    .execute();
}

// ---------------------------------------------------------------- stories and toolkit

export async function insertStory(db: Kysely<Database>, row: Insertable<Database['stories']>) {
  await db.insertInto('stories').values(row).execute();
}

export async function listStories(db: Kysely<Database>, f: { theme?: string; sector?: string; routeId?: string }) {
  return db
    .selectFrom('stories')
    .innerJoin('routes', 'routes.id', 'stories.route_id')
    .select([
      'stories.id',
      'stories.title',
      'stories.quote',
      'stories.person_name',
      'stories.person_role',
      'stories.organisation',
      'stories.theme',
      'stories.body_md',
      'stories.image_alt',
      'stories.published_at',
      sql<number>`case when stories.image is null then 0 else 1 end`.as('has_image'),
      'routes.slug as route_slug',
      'routes.title as route_title',
      'routes.sector',
    ])
    .where('routes.published', '=', 1)
    .where('stories.removed_at', 'is', null)
    .$if(Boolean(f.theme), (qb) => qb.where('stories.theme', '=', f.theme as string))
    .$if(Boolean(f.sector), (qb) => qb.where('routes.sector', '=', f.sector as string))
    .$if(Boolean(f.routeId), (qb) => qb.where('stories.route_id', '=', f.routeId as string))
    .orderBy('stories.published_at', 'desc')
    .execute();
}

export async function findStoryImage(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('stories')
    .innerJoin('routes', 'routes.id', 'stories.route_id')
    .select(['stories.image'])
    .where('stories.id', '=', id)
    .where('routes.published', '=', 1)
    .where('stories.removed_at', 'is', null)
    .executeTakeFirst();
}

/** Every story that is not removed, for the team's list (also of routes that are hidden now). */
export async function listStoriesForTeam(db: Kysely<Database>) {
  return db
    .selectFrom('stories')
    .innerJoin('routes', 'routes.id', 'stories.route_id')
    .select([
      'stories.id',
      'stories.title',
      'stories.person_name',
      'stories.published_at',
      'stories.consent_date',
      'routes.title as route_title',
    ])
    .where('stories.removed_at', 'is', null)
    .orderBy('stories.published_at', 'desc')
    .execute();
}

/** One story as stored, for editing (the image as a yes/no). */
export async function findStory(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('stories')
    .select([
      'id',
      'route_id',
      'title',
      'quote',
      'person_name',
      'person_role',
      'organisation',
      'consent_date',
      'consent_note',
      'theme',
      'body_md',
      'image_alt',
      sql<number>`case when image is null then 0 else 1 end`.as('has_image'),
    ])
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

export async function updateStoryRow(db: Kysely<Database>, id: string, change: Updateable<Database['stories']>): Promise<boolean> {
  const r = await db.updateTable('stories').set(change).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAsset(db: Kysely<Database>, row: Insertable<Database['toolkit_assets']>) {
  await db.insertInto('toolkit_assets').values(row).execute();
}

export async function listAssets(db: Kysely<Database>) {
  return db
    .selectFrom('toolkit_assets')
    .select(['id', 'title', 'description', 'filename', 'content_type', 'created_at'])
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findAsset(db: Kysely<Database>, id: string) {
  return db.selectFrom('toolkit_assets').selectAll().where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
}

export async function updateAssetRow(db: Kysely<Database>, id: string, change: Updateable<Database['toolkit_assets']>): Promise<boolean> {
  const r = await db.updateTable('toolkit_assets').set(change).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The ids of every story of a route, removed ones included. */
export async function storyIdsOfRoute(db: Kysely<Database>, routeId: string): Promise<string[]> {
  return (await db.selectFrom('stories').select('id').where('route_id', '=', routeId).execute()).map((r) => r.id);
}

/** The ids of the stories these users added (to take them out of the search before deleting them). */
export async function storyIdsCreatedBy(db: Kysely<Database>, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  return (await db.selectFrom('stories').select('id').where('created_by', 'in', userIds).execute()).map((r) => r.id);
}

/** Deletes the stories and toolkit files these users added. */
export async function deleteContentCreatedBy(db: Kysely<Database>, userIds: string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const stories = await db.deleteFrom('stories').where('created_by', 'in', userIds).executeTakeFirst();
  const assets = await db.deleteFrom('toolkit_assets').where('created_by', 'in', userIds).executeTakeFirst();
  return Number(stories.numDeletedRows) + Number(assets.numDeletedRows);
}

/** What the home page counts: published routes, their hogescholen and provinces, and their partners (as consented). */
export async function publicFigures(db: Kysely<Database>) {
  const row = await db
    .selectFrom('routes')
    .select((eb) => [
      eb.fn.countAll<number>().as('routes'),
      eb.fn.count<number>('institution_brin').distinct().as('institutions'),
      eb.fn.count<number>('province').distinct().as('provinces'),
    ])
    .where('published', '=', 1)
    .executeTakeFirstOrThrow();
  const partners = await db.selectFrom('routes').select('partners').where('published', '=', 1).where('partners', 'is not', null).execute();
  return {
    routes: Number(row.routes),
    institutions: Number(row.institutions),
    provinces: Number(row.provinces),
    partners: partners.map((p) => p.partners ?? ''),
  };
}

/** The published routes (their hogeschool consented to publication), with what public figures count them by. */
export async function publishedRouteFacts(db: Kysely<Database>) {
  return db.selectFrom('routes').select(['id', 'sector', 'province', 'institution_brin']).where('published', '=', 1).execute();
}

/** Every route row, for rebuilding the search entries after an import. */
export async function allRouteRows(db: Kysely<Database>) {
  return db.selectFrom('routes').selectAll().execute();
}

/** Title and address of the published routes among these registrations. */
export async function publishedRoutesAmong(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('routes')
    .select(['id', 'slug', 'title', 'institution_name'])
    .where('id', 'in', ids)
    .where('published', '=', 1)
    .orderBy('title')
    .execute();
}
