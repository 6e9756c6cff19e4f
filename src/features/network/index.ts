/** The network (netwerk): organisations, the directory, suggestions and introductions. The public surface. */

export { answerIntroduction, proposeIntroduction, recordOutcome, runIntroductionJobs } from './introductions.ts';
export { AUDIT_LABELS } from './messages.ts';
export { ensureNetworkLinks, linkPartnersOfAccepted } from './named-partners.ts';
export { networkPersonalData } from './privacy.ts';
export { default as networkRoutes } from './routes.tsx';
export { addOrganisation, confirmSignup, mergeOrganisations, requestSignup } from './service.ts';
export { networkSurfaces } from './surfaces.tsx';
export { networkTeamRoutes } from './team-routes.tsx';

import type { Trx } from '../../db/connect.ts';
import { deleteOrganisationsOf } from './repo.ts';

/** Removes the (demo) organisations whose contact is in this domain, and records left without a registration. */
export async function removeNetworkOf(trx: Trx, domain: string): Promise<string[]> {
  return deleteOrganisationsOf(trx, domain);
}

import type { Db } from '../../db/connect.ts';
import { findIntroduction } from './repo.ts';
import { signIntro } from './rules.ts';

/** The signed key of one side's answer link (the mail carries it; the demo answers with it). */
export async function introductionKey(db: Db, config: { sessionSecret: string }, id: string, side: 'org' | 'route'): Promise<string> {
  const intro = await findIntroduction(db, id);
  if (!intro) throw new Error(`no introduction ${id}`);
  return signIntro(config.sessionSecret, id, side, intro.nonce);
}
