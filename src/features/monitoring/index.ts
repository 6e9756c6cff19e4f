import type { Trx } from '../../db/connect.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { deleteMonitoringOf } from './repo.ts';

export { publishSnapshot } from './figures.ts';
export { AUDIT_LABELS } from './messages.ts';
export { addToOpenYears, openYear, reportsOfUser, runMonitorReminders, saveStep as saveMonitorStep, submitReport } from './monitor.ts';
export { default as monitoringRoutes } from './routes.tsx';
/** Monitoring and reports (monitor & in cijfers): the public surface. */
export { dashboard, type Figure } from './service.ts';
export { monitoringSurfaces } from './surfaces.tsx';

/** Removes the monitor years and public figures these (demo) users made; the public page changes at once. */
export async function removeMonitoringOf(trx: Trx, userIds: string[]): Promise<void> {
  await deleteMonitoringOf(trx, userIds);
  await publicContentChanged(trx);
}
export { monitoringPersonalData } from './privacy.ts';
