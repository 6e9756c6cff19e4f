/** Support (ondersteuning): requests of admitted routes, their threads by web and mail, notes, outcomes. */

export { closeRequests } from './closing.ts';
export { receiveMail } from './inbound.ts';
export { runSupportJobs } from './jobs.ts';
export { AUDIT_LABELS } from './messages.ts';
export { default as supportRoutes } from './routes.tsx';
export { addNote, assignAdvisor, createRequest, postMessage } from './service.ts';
export { supportSurfaces } from './surfaces.tsx';
