import type { Timestamp } from '../../db/columns.ts';

/**
 * One public item in the site-wide search (`/zoeken`): a route, a story, an article, a guide
 * chapter or a document, written by the feature that owns the item when it is published and removed
 * when it is not. The engines' indexes hold the analysed text (platform/dutch-search.ts): FTS5
 * table `search_entries_fts` on SQLite, the `search` tsvector column on PostgreSQL.
 */
export interface SearchEntryTable {
  /** `<kind>:<id>`. */
  key: string;
  kind: string;
  ref_id: string;
  title: string;
  /** Plain text the snippet is cut from (summary and body, at most 4,000 characters). */
  text: string;
  url: string;
  /** Theme and audience codes between spaces (` a b `), so one LIKE finds a code. */
  themes: string;
  audiences: string;
  updated_at: Timestamp;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface SearchTables {
  search_entries: SearchEntryTable;
}
