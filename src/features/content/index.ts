/** Content (the site's own pages): the public surface other features and app.ts may use. */

export { contentPersonalData } from './privacy.ts';
export { default as contentRoutes } from './routes.tsx';
export { ensureSeedPages, savePage } from './service.ts';
export { contentSurfaces } from './surfaces.tsx';
export { Prose } from './views/public.tsx';
