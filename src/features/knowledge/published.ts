import type { Db } from '../../db/connect.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { renderMarkdown } from '../../platform/markdown.ts';
import { findPublishedBySlug } from './repo.ts';
import { type ItemKind, publicPath } from './rules.ts';
import type { KnowledgeItemTable } from './tables.ts';

const list = (text: string) => JSON.parse(text) as string[];

/** What visitors see of an item: its published text. */
export type PublicItem = {
  id: string;
  kind: ItemKind;
  slug: string;
  url: string;
  title: string;
  summary: string;
  bodyHtml: string;
  themes: string[];
  audiences: string[];
  criteria: string[];
  fileId: string | null;
  publishedAt: string;
  updatedAt: string;
  part: string | null;
  partTitle: string | null;
  reviewedOn: string | null;
  reviewDue: string | null;
};

export function toPublicItem(row: KnowledgeItemTable & { part_title?: string | null }): PublicItem {
  const kind = row.kind as ItemKind;
  return {
    id: row.id,
    kind,
    slug: row.slug,
    url: publicPath(kind, row.slug),
    title: row.title,
    summary: row.summary,
    bodyHtml: renderMarkdown(row.body_md),
    themes: list(row.themes),
    audiences: list(row.audiences),
    criteria: list(row.criteria),
    fileId: row.file_id,
    publishedAt: row.published_at ?? row.updated_at,
    updatedAt: row.updated_at,
    part: row.part,
    partTitle: row.part_title ?? null,
    reviewedOn: row.reviewed_on,
    reviewDue: row.review_due,
  };
}

/** A published item by its address; 404 for drafts and unpublished items. */
export async function publishedItem(db: Db, kind: ItemKind, slug: string): Promise<PublicItem> {
  const row = slug.length <= 120 ? await findPublishedBySlug(db, kind, slug) : undefined;
  if (!row) throw new NotFoundError('knowledge item');
  return toPublicItem(row);
}
