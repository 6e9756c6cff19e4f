import { readFileSync } from 'node:fs';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { ANALYSER_VERSION } from '../../platform/dutch-search.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import type { EventContext } from '../../platform/events.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { getSetting, setSetting } from '../../platform/settings/repo.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { findInstitution } from '../reference/index.ts';
import type { AcceptedRegistration } from '../registrations/index.ts';
import { indexItem, unindexItem } from '../search/index.ts';
import {
  allRouteRows,
  allRoutes,
  type CatalogueFilters,
  countPublished,
  countsByProvince,
  findRouteById,
  findRouteBySlug,
  listPublished,
  routesOfInstitution,
  saveRoute,
  setPublished,
  slugTaken,
} from './repo.ts';
import { PAGE_SIZE, projectProvinces, publicFacts, slugify } from './rules.ts';
import { syncStoryEntries } from './stories.ts';
export type Route = {
  id: string;
  slug: string;
  title: string;
  institution: { brin: string; name: string; website: string | null };
  level: string;
  mode: string;
  sector: string;
  province: string;
  participation: string;
  croho: string | null;
  description: string | null;
  locations: string | null;
  targetGroups: string[] | null;
  partners: { name: string; role: string }[] | null;
  contact: { name: string | null; email: string | null } | null;
  published: boolean;
  unpublishedReason: string | null;
  firstPublishedAt: string;
  updatedAt: string;
};

export function toRoute(r: NonNullable<Awaited<ReturnType<typeof findRouteById>>>): Route {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    institution: { brin: r.institution_brin, name: r.institution_name, website: r.institution_website },
    level: r.level,
    mode: r.mode,
    sector: r.sector,
    province: r.province,
    participation: r.participation,
    croho: r.croho,
    description: r.description,
    locations: r.locations,
    targetGroups: r.target_groups ? (JSON.parse(r.target_groups) as string[]) : null,
    partners: r.partners ? (JSON.parse(r.partners) as { name: string; role: string }[]) : null,
    contact: r.contact_name || r.contact_email ? { name: r.contact_name, email: r.contact_email } : null,
    published: r.published === 1,
    unpublishedReason: r.unpublished_reason,
    firstPublishedAt: r.first_published_at,
    updatedAt: r.updated_at,
  };
}

function searchText(r: {
  title: string;
  institution_name: string;
  description: string | null;
  locations: string | null;
  province: string;
  partners: string | null;
}): string {
  const partners = r.partners ? (JSON.parse(r.partners) as { name: string }[]).map((p) => p.name).join(' ') : '';
  return [r.title, r.institution_name, r.description ?? '', r.locations ?? '', r.province, partners].join(' ');
}

/**
 * Writes every route's search entry again (FTS5 rows on SQLite, the tsvector on PostgreSQL): an
 * import brings the rows but not this derived data. Returns the number of routes.
 */
export async function rebuildSearchIndex(db: Db): Promise<number> {
  const rows = await allRouteRows(db);
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const { search: _derived, ...plain } = row as typeof row & { search?: unknown };
      await writeRoute(trx, plain);
    }
  });
  return rows.length;
}

type RouteRow = NonNullable<Awaited<ReturnType<typeof findRouteById>>>;

/** The route row with its catalogue search entry and its entry in the site-wide search (only while published). */
export async function writeRoute(db: Db, row: Omit<RouteRow, 'search'>): Promise<void> {
  await saveRoute(db, row, searchText(row));
  await syncRouteEntry(db, row);
}

async function syncRouteEntry(db: Db, row: Omit<RouteRow, 'search'>): Promise<void> {
  await syncStoryEntries(db, row.id);
  if (row.published !== 1) return unindexItem(db, 'route', row.id);
  await indexItem(db, {
    kind: 'route',
    id: row.id,
    title: row.title,
    text: [row.institution_name, row.description ?? '', row.locations ?? '', row.province].join(' '),
    url: `/routes/${row.slug}`,
    themes: row.themes ? (JSON.parse(row.themes) as string[]) : [],
    audiences: [],
    updatedAt: row.updated_at,
  });
}

const ANALYSER_SETTING = 'route_search_analyser';

/** Rebuilds the route search when it was written by another version of the Dutch analyser (or never). */
export async function ensureRouteSearch(db: Db): Promise<boolean> {
  if ((await getSetting(db, ANALYSER_SETTING)) === ANALYSER_VERSION) return false;
  await rebuildSearchIndex(db);
  await setSetting(db, ANALYSER_SETTING, ANALYSER_VERSION);
  return true;
}

async function uniqueSlug(db: Db, base: string, id: string): Promise<string> {
  let slug = base;
  for (let i = 2; await slugTaken(db, slug, id); i++) slug = `${base}-${i}`;
  return slug;
}

/**
 * Subscriber of registration.accepted (src/workflows.ts): publishes (or refreshes) the public
 * projection of the accepted version, in the acceptance's transaction: only consented fields;
 * nothing at all without consent.
 */
export async function publishRoute(
  event: { registration: AcceptedRegistration; participation: string },
  ctx: EventContext,
): Promise<boolean> {
  const { trx: db, now } = ctx;
  const { registration: reg, participation } = event;
  const facts = publicFacts(reg.answers);
  if (!facts) return false;
  const institution = await findInstitution(db, reg.institutionBrin);
  const existing = await findRouteById(db, reg.id);
  const institutionName = institution?.name ?? reg.institutionBrin;
  const row = {
    id: reg.id,
    slug: existing?.slug ?? (await uniqueSlug(db, slugify(`${facts.title} ${institution?.short_name ?? institutionName}`), reg.id)),
    title: facts.title,
    institution_brin: reg.institutionBrin,
    institution_name: institutionName,
    institution_website: institution?.website ?? null,
    level: facts.level,
    mode: facts.mode,
    sector: facts.sector,
    province: facts.province,
    participation,
    croho: facts.croho,
    description: facts.description,
    locations: facts.locations,
    target_groups: facts.targetGroups ? JSON.stringify(facts.targetGroups) : null,
    partners: facts.partners ? JSON.stringify(facts.partners) : null,
    themes: JSON.stringify(facts.themes),
    contact_name: facts.contactName,
    contact_email: facts.contactEmail,
    published: existing ? existing.published : 1,
    unpublished_reason: existing?.unpublished_reason ?? null,
    first_published_at: existing?.first_published_at ?? now.toISOString(),
    updated_at: now.toISOString(),
  };
  await writeRoute(db, row);
  await publicContentChanged(db);
  return true;
}

export type CatalogueQuery = CatalogueFilters & { page: number };

export async function catalogue(db: Db, q: CatalogueQuery) {
  const total = await countPublished(db, q);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, q.page), pages);
  // Nothing matches: no second query (on PostgreSQL the page's plan would test every route).
  const rows = total === 0 ? [] : await listPublished(db, q, PAGE_SIZE, (page - 1) * PAGE_SIZE, total);
  return { total, page, pages, routes: rows.map(toRoute) };
}

export async function routeBySlug(db: Db, slug: string): Promise<Route> {
  const r = slug.length <= 120 ? await findRouteBySlug(db, slug) : undefined;
  if (!r || r.published !== 1) throw new NotFoundError('route');
  return toRoute(r);
}

/** For the badge: the route if it is published, or null (never an error for a once-valid slug). */
export async function badgeRoute(db: Db, slug: string): Promise<Route | null> {
  const r = slug.length <= 120 ? await findRouteBySlug(db, slug) : undefined;
  return r && r.published === 1 ? toRoute(r) : null;
}

const geo = JSON.parse(readFileSync(new URL('../../reference/provinces.geojson', import.meta.url), 'utf8')) as {
  features: { properties: { statnaam: string }; geometry: Parameters<typeof projectProvinces>[0][number]['geometry'] }[];
};
/** Projected once at start-up: the geometry never changes while the process runs. */
const provinceShapes = projectProvinces(geo.features.map((f) => ({ name: f.properties.statnaam, geometry: f.geometry })));

export async function mapData(db: Db) {
  const counts = new Map((await countsByProvince(db)).map((c) => [c.province, Number(c.n)]));
  return {
    ...provinceShapes,
    provinces: provinceShapes.paths
      .map((p) => ({ ...p, count: counts.get(p.name) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  };
}

// ---------------------------------------------------------------- owners and the team

export async function routesOfUser(db: Db, user: CurrentUser): Promise<Route[]> {
  if (user.role !== 'applicant' || !user.institutionBrin) return [];
  return (await routesOfInstitution(db, user.institutionBrin)).map(toRoute);
}

async function ownedRoute(db: Db, user: CurrentUser, id: string): Promise<Route> {
  const r = id.length <= 36 ? await findRouteById(db, id) : undefined;
  if (!r || user.role !== 'applicant' || user.institutionBrin !== r.institution_brin) throw new NotFoundError('route');
  return toRoute(r);
}

export async function routeForOwner(db: Db, user: CurrentUser, id: string) {
  return ownedRoute(db, user, id);
}

export type ProfileInput = { description: string; locations: string; contactName: string; contactEmail: string };

/** The owner edits the public profile; every change is logged with the fields it touched. */
export async function updateProfile(db: Db, user: CurrentUser, id: string, input: ProfileInput, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const before = await ownedRoute(trx, user, id);
    const row = await findRouteById(trx, id);
    if (!row) throw new NotFoundError('route');
    const next = {
      ...row,
      description: input.description || null,
      locations: input.locations || null,
      contact_name: input.contactName || null,
      contact_email: input.contactEmail || null,
      updated_at: now.toISOString(),
    };
    await writeRoute(trx, next);
    const changed = (
      [
        ['description', before.description, next.description],
        ['locations', before.locations, next.locations],
        ['contact_name', before.contact?.name ?? null, next.contact_name],
        ['contact_email', before.contact?.email ?? null, next.contact_email],
      ] as const
    )
      .filter(([, a, b]) => a !== b)
      .map(([k]) => k);
    await recordAudit(
      trx,
      { actorUserId: user.id, action: 'route.profile_updated', subjectType: 'registration', subjectId: id, detail: { changed } },
      now,
    );
    await publicContentChanged(trx);
  });
}

export async function routesForTeam(db: Db) {
  return (await allRoutes(db)).map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    institution: r.institution_name,
    published: r.published === 1,
    reason: r.unpublished_reason,
  }));
}

export async function setRoutePublication(
  db: Db,
  user: CurrentUser,
  id: string,
  publish: boolean,
  reason: string | null,
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    if (!(await setPublished(trx, id.slice(0, 36), publish, publish ? null : reason, now.toISOString()))) throw new NotFoundError('route');
    const row = await findRouteById(trx, id.slice(0, 36));
    if (row) await syncRouteEntry(trx, row);
    await recordAudit(
      trx,
      {
        actorUserId: user.id,
        action: publish ? 'route.republished' : 'route.unpublished',
        subjectType: 'registration',
        subjectId: id,
        detail: { reason },
      },
      now,
    );
    await publicContentChanged(trx);
  });
}
