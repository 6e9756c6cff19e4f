import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../db/columns.ts';

export interface InstitutionTable {
  brin: string;
  name: string;
  short_name: string | null;
  city: string;
  province: string;
  website: string | null;
  /** 0 when the hogeschool is no longer in DUO's list (kept: registrations refer to it). */
  active: ColumnType<number, number | undefined, number>;
}

/** A DUO file read and checked, kept between its preview and its application. */
export interface InstitutionImportTable {
  id: string;
  /** JSON: [{ brin, name, city, province, website }] */
  rows: string;
  filename: string;
  created_by: string | null;
  created_at: string;
  applied_at: string | null;
}

export interface SectorTable {
  code: string;
  name_nl: string;
  name_en: string;
}

export interface ProvinceTable {
  code: string;
  name: string;
}

export interface CriterionTable {
  code: string;
  position: number;
  title: string;
  description: string;
}

/** A criterion's wording from `valid_from` on; version 1 is the wording it started with. */
export interface CriterionVersionTable {
  code: string;
  version: number;
  title: string;
  description: string;
  valid_from: string;
  changed_by: string | null;
}

export interface ThemeTable {
  code: string;
  position: number;
  name: string;
}

export interface InstitutionDomainTable {
  domain: string;
  institution_brin: string;
  added_at: Timestamp;
  added_by: string | null;
  removed_at: Timestamp | null;
  removed_by: string | null;
}

export interface UnknownHomeOrganisationTable {
  domain: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  attempts: number;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface ReferenceTables {
  institutions: InstitutionTable;
  institution_imports: InstitutionImportTable;
  sectors: SectorTable;
  provinces: ProvinceTable;
  criteria: CriterionTable;
  criterion_versions: CriterionVersionTable;
  themes: ThemeTable;
  institution_domains: InstitutionDomainTable;
  unknown_home_organisations: UnknownHomeOrganisationTable;
}
