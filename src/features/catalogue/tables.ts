import type { Timestamp } from '../../db/columns.ts';

export interface RouteTable {
  id: string;
  slug: string;
  title: string;
  institution_brin: string;
  institution_name: string;
  institution_website: string | null;
  level: string;
  mode: string;
  sector: string;
  province: string;
  participation: string;
  croho: string | null;
  description: string | null;
  locations: string | null;
  /** JSON array of target-group codes, or null when not consented. */
  target_groups: string | null;
  /** JSON array of { name, role } or null when not consented. */
  partners: string | null;
  /** JSON array of the theme codes the hogeschool chose in its registration (its interests). */
  themes: string | null;
  contact_name: string | null;
  contact_email: string | null;
  /** 1 = in the catalogue; 0 = unpublished by the team. */
  published: number;
  unpublished_reason: string | null;
  first_published_at: Timestamp;
  updated_at: Timestamp;
}

export interface StoryTable {
  id: string;
  route_id: string;
  title: string;
  quote: string | null;
  person_name: string;
  person_role: string;
  organisation: string;
  consent_date: string;
  consent_note: string;
  theme: string | null;
  body_md: string;
  image: Buffer | null;
  image_alt: string | null;
  created_by: string | null;
  published_at: Timestamp;
  updated_at: Timestamp | null;
  updated_by: string | null;
  /** Set when the team removed it: off every public page; the row (and the consent record) stays. */
  removed_at: Timestamp | null;
  removed_by: string | null;
}

export interface ToolkitAssetTable {
  id: string;
  title: string;
  description: string;
  filename: string;
  content_type: string;
  content: Buffer;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp | null;
  updated_by: string | null;
  /** Set when the team removed it: no longer offered; the row stays for the record. */
  removed_at: Timestamp | null;
  removed_by: string | null;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface CatalogueTables {
  routes: RouteTable;
  stories: StoryTable;
  toolkit_assets: ToolkitAssetTable;
}
