/** The site-wide search (`/zoeken`): the public surface. Features index their published items here. */

export { searchPersonalData } from './privacy.ts';
export { default as searchRoutes } from './routes.tsx';
export {
  ensureSearchEntries,
  indexItem,
  itemsWithTheme,
  rebuildSearchEntries,
  type SearchItem,
  type SearchKind,
  searchSite,
  unindexItem,
} from './service.ts';
