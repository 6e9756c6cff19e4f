import type { Timestamp } from '../../db/columns.ts';

export interface PageTable {
  slug: string;
  title: string;
  summary: string;
  body_md: string;
  position: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface ContentTables {
  pages: PageTable;
}
