/** The network (netwerk): organisations, the directory, suggestions and introductions. The public surface. */

export { answerIntroduction, proposeIntroduction, recordOutcome, runIntroductionJobs } from './introductions.ts';
export { AUDIT_LABELS } from './messages.ts';
export { ensureNetworkLinks, linkPartnersOfAccepted } from './named-partners.ts';
export { networkPersonalData } from './privacy.ts';
export { default as networkRoutes } from './routes.tsx';
export { addOrganisation, confirmSignup, mergeOrganisations, requestSignup } from './service.ts';
export { networkSurfaces } from './surfaces.tsx';
export { networkTeamRoutes } from './team-routes.tsx';
