/** The site-wide search (`/zoeken`): the public surface. Features index their published items here. */
export { default as searchRoutes } from './routes.tsx';
export { ensureSearchEntries, indexItem, itemsWithTheme, type SearchItem, type SearchKind, unindexItem } from './service.ts';
