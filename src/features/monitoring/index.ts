/** Monitoring and reports (monitor & in cijfers): the public surface. So far: the team dashboard. */
export { default as monitoringRoutes } from './routes.tsx';
export { dashboard, type Figure } from './service.ts';
export { monitoringSurfaces } from './surfaces.tsx';
