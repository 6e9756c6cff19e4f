/** The catalogue (landelijk overzicht, kaart, open data, verhalen, toolkit): the public surface. */
export { default as catalogueRoutes } from './routes.tsx';
export { searchTerms } from './rules.ts';
export { catalogue, publishRoute, setRoutePublication } from './service.ts';
export { addStory, prepareImage } from './stories.ts';
export { storyRoutes } from './story-routes.tsx';
export { catalogueSurfaces } from './surfaces.tsx';
export { addAsset } from './toolkit.ts';
