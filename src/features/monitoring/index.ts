/** Monitoring and reports (monitor & in cijfers): the public surface. */

export { publishSnapshot } from './figures.ts';
export { AUDIT_LABELS } from './messages.ts';
export { addToOpenYears, openYear, runMonitorReminders } from './monitor.ts';
export { default as monitoringRoutes } from './routes.tsx';
export { dashboard, type Figure } from './service.ts';
export { monitoringSurfaces } from './surfaces.tsx';
