import type { Db, Trx } from '../../db/connect.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { unindexItem } from '../search/index.ts';
import { deleteContentCreatedBy, publishedRouteFacts, publishedRoutesAmong, storyIdsCreatedBy } from './repo.ts';

/** The catalogue (landelijk overzicht, kaart, open data, verhalen, toolkit): the public surface. */
export { default as catalogueRoutes } from './routes.tsx';
export { catalogue, ensureRouteSearch, publishRoute, rebuildSearchIndex, routesForTeam, setRoutePublication } from './service.ts';
export { addStory, prepareImage } from './stories.ts';
export { storyRoutes } from './story-routes.tsx';
export { catalogueSurfaces } from './surfaces.tsx';
export { addAsset } from './toolkit.ts';

/** Takes routes whose registrations were deleted (the demo removed) out of the site-wide search. */
export async function forgetRoutes(trx: Trx, registrationIds: string[]): Promise<void> {
  for (const id of registrationIds) await unindexItem(trx, 'route', id);
}

/** Removes the stories and files these (demo) users added; the public pages change at once. */
export async function removeContentOf(trx: Trx, userIds: string[]): Promise<number> {
  for (const id of await storyIdsCreatedBy(trx, userIds)) await unindexItem(trx, 'story', id);
  const n = await deleteContentCreatedBy(trx, userIds);
  await publicContentChanged(trx);
  return n;
}

/**
 * The routes whose hogeschool consented to publication (those in the catalogue), with their sector
 * code, province and hogeschool: what public figures may count.
 */
export async function consentingRoutes(db: Db): Promise<{ id: string; sector: string; province: string; institution: string }[]> {
  return (await publishedRouteFacts(db)).map((r) => ({
    id: r.id,
    sector: r.sector,
    province: r.province,
    institution: r.institution_brin,
  }));
}
export { cataloguePersonalData } from './privacy.ts';

/** The published routes among these registrations, with their page's address (the network's organisation pages). */
export async function publishedRoutesOf(db: Db, ids: string[]): Promise<{ id: string; title: string; institution: string; url: string }[]> {
  return (await publishedRoutesAmong(db, ids)).map((r) => ({
    id: r.id,
    title: r.title,
    institution: r.institution_name,
    url: `/routes/${r.slug}`,
  }));
}
