/** Support (ondersteuning): requests of admitted routes, their threads by web and mail, notes, outcomes. */

export { closeRequests } from './closing.ts';
export { receiveMail } from './inbound.ts';
export { runSupportJobs } from './jobs.ts';
export { AUDIT_LABELS } from './messages.ts';
export { default as supportRoutes } from './routes.tsx';
export { addNote, assignAdvisor, createRequest, postMessage } from './service.ts';
export { supportSurfaces } from './surfaces.tsx';

import type { Db } from '../../db/connect.ts';
import { requestsPerThemeAndOutcome } from './queries.ts';

/** Every request's theme and outcome (null while open), for the team dashboard's figure. */
export async function supportOutcomes(db: Db): Promise<{ theme: string; outcome: string | null }[]> {
  return (await requestsPerThemeAndOutcome(db)).map((r) => ({ theme: r.theme, outcome: r.state === 'closed' ? r.outcome : null }));
}
export { supportPersonalData } from './privacy.ts';
export { OUTCOMES } from './rules.ts';
