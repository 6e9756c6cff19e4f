import type { Trx } from '../../db/connect.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { deleteContentCreatedBy } from './repo.ts';

/** The catalogue (landelijk overzicht, kaart, open data, verhalen, toolkit): the public surface. */
export { default as catalogueRoutes } from './routes.tsx';
export { catalogue, ensureRouteSearch, publishRoute, rebuildSearchIndex, routesForTeam, setRoutePublication } from './service.ts';
export { addStory, prepareImage } from './stories.ts';
export { storyRoutes } from './story-routes.tsx';
export { catalogueSurfaces } from './surfaces.tsx';
export { addAsset } from './toolkit.ts';

/** Removes the stories and files these (demo) users added; the public pages change at once. */
export async function removeContentOf(trx: Trx, userIds: string[]): Promise<number> {
  const n = await deleteContentCreatedBy(trx, userIds);
  await publicContentChanged(trx);
  return n;
}
