/** Administration (beheer): the platform's settings and the audit log, for administrators. */

export { AUDIT_LABELS } from './messages.ts';
export { default as privacyRoutes } from './privacy-routes.tsx';
export { default as administrationRoutes } from './routes.tsx';
export { administrationSurfaces } from './surfaces.tsx';
