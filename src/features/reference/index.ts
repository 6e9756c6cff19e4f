/** Reference data (hogescholen, sectors, provinces, criteria, themes): the public surface. */
import './events.ts';

export {
  type DomainInstitution,
  domainOfEmail,
  institutionOfDomain,
  normaliseDomain,
  recordUnknownHomeOrganisation,
} from './domains.ts';
export { applyImport, type Comparison, DUO_MAX_BYTES, importPreview, keepImport, readDuoFile } from './duo-import.ts';
export { default as referenceRoutes } from './routes.tsx';
export {
  AUDIENCES,
  type Criterion,
  type CriterionWording,
  criteria,
  criteriaAt,
  ensureReferenceData,
  findInstitution,
  type Institution,
  institutionExists,
  institutions,
  institutionsWithStatus,
  type Option,
  REFERENCE_VERSION,
  referenceOptions,
} from './service.ts';
export { referenceSurfaces } from './surfaces.tsx';
export { renameSector, renameTheme, rewordCriterion } from './wording.ts';
export const AUDIT_LABELS = {
  'reference.criterion_reworded': { team: 'Tekst van een criterium gewijzigd' },
  'reference.theme_renamed': { team: 'Naam van een thema gewijzigd' },
  'reference.sector_renamed': { team: 'Naam van een sector gewijzigd' },
};
