/** Reference data (hogescholen, sectors, provinces, criteria, themes): the public surface. */
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
