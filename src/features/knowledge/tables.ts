import type { Timestamp } from '../../db/columns.ts';

/**
 * An article, a guide chapter or a document. The row carries what the public sees (the published
 * revision's text, copied when it is published); the editor works on the latest revision in
 * `knowledge_revisions`, so a draft of a published item does not show until it is published.
 */
export interface KnowledgeItemTable {
  id: string;
  /** article | chapter | document */
  kind: string;
  slug: string;
  title: string;
  summary: string;
  body_md: string;
  /** JSON: theme codes; audience codes (reference#AUDIENCES); criterion codes the text refers to. */
  themes: string;
  audiences: string;
  criteria: string;
  file_id: string | null;
  /** Null while nothing is published (a draft, or unpublished). */
  published_at: Timestamp | null;
  published_revision: number | null;
  latest_revision: number;
  /** Chapters: their part and place in it, their owner, and the review dates (yyyy-mm-dd). */
  part: string | null;
  position: number;
  owner_id: string | null;
  reviewed_on: string | null;
  review_due: string | null;
  /** Why the chapter needs a review now (a criterion or theme was reworded); null when it does not. */
  review_reason: string | null;
  /** The occasion the owner was mailed about (`due:<date>` or `flag:<reason>`), so they are mailed once per occasion. */
  review_mailed_for: string | null;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

/** Every saved version of an item's text; restoring one makes a new revision with its text. */
export interface KnowledgeRevisionTable {
  item_id: string;
  number: number;
  title: string;
  summary: string;
  body_md: string;
  themes: string;
  audiences: string;
  criteria: string;
  file_id: string | null;
  saved_at: Timestamp;
  saved_by: string | null;
  /** The revision this one restored, if it was a restore. */
  restored_from: number | null;
}

/** Uploaded images (for articles and chapters) and PDF documents, checked by content. */
export interface KnowledgeFileTable {
  id: string;
  /** image | pdf */
  kind: string;
  filename: string;
  content_type: string;
  content: Buffer;
  size: number;
  alt: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

/** The parts the guide's chapters are ordered in. */
export interface GuidePartTable {
  code: string;
  position: number;
  title: string;
}

/** The team's own introduction to each theme on its page. */
export interface ThemePageTable {
  theme_code: string;
  slug: string;
  intro_md: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface KnowledgeTables {
  knowledge_items: KnowledgeItemTable;
  knowledge_revisions: KnowledgeRevisionTable;
  knowledge_files: KnowledgeFileTable;
  guide_parts: GuidePartTable;
  theme_pages: ThemePageTable;
}
