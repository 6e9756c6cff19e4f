/** Reference data (hogescholen, sectors, provinces, criteria, themes): the public surface. */

export {
  type DomainInstitution,
  domainOfEmail,
  institutionOfDomain,
  normaliseDomain,
  recordUnknownHomeOrganisation,
} from './domains.ts';
export { default as referenceRoutes } from './routes.tsx';
export {
  type Criterion,
  criteria,
  ensureReferenceData,
  findInstitution,
  type Institution,
  institutionExists,
  institutions,
  type Option,
  referenceOptions,
} from './service.ts';
export { referenceSurfaces } from './surfaces.tsx';
