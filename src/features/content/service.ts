import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { renderMarkdown } from '../../platform/markdown.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { findPage, insertMissingPages, listPages, updatePage } from './repo.ts';
import { SEED_PAGES } from './seed.ts';

export type ContentPage = { slug: string; title: string; summary: string; body: string; bodyHtml: string; updatedAt: string };
export type PageListItem = { slug: string; title: string; updatedAt: string; updatedBy: string | null };

/** Public paths of the content pages; `home` is the front page. */
export const PAGE_PATHS: Record<string, string> = {
  home: '/',
  programma: '/programma',
  criteria: '/criteria',
  aanbod: '/aanbod',
  deelnemen: '/deelnemen',
  privacy: '/privacy',
  toegankelijkheid: '/toegankelijkheid',
  contact: '/contact',
};

export async function ensureSeedPages(db: Db, now = new Date()): Promise<void> {
  await insertMissingPages(
    db,
    SEED_PAGES.map((p, i) => ({
      slug: p.slug,
      title: p.title,
      summary: p.summary,
      body_md: p.body,
      position: i + 1,
      updated_at: now.toISOString(),
      updated_by: null,
    })),
  );
}

export async function getPage(db: Db, slug: string): Promise<ContentPage> {
  const row = await findPage(db, slug);
  if (!row) throw new NotFoundError(`page ${slug}`);
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body_md,
    bodyHtml: renderMarkdown(row.body_md),
    updatedAt: row.updated_at,
  };
}

export async function pageList(db: Db): Promise<PageListItem[]> {
  return (await listPages(db)).map((r) => ({
    slug: r.slug,
    title: r.title,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name ?? r.updated_by_email ?? null,
  }));
}

/** Side effects (one transaction): the page's new text and an audit event with what changed. */
export async function savePage(
  db: Db,
  slug: string,
  input: { title: string; summary: string; body: string },
  actorUserId: string,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findPage(trx, slug);
    if (!before) throw new NotFoundError(`page ${slug}`);
    await updatePage(trx, slug, {
      title: input.title,
      summary: input.summary,
      body_md: input.body,
      updated_at: now.toISOString(),
      updated_by: actorUserId,
    });
    const changed = (['title', 'summary', 'body'] as const).filter((k) => (k === 'body' ? before.body_md : before[k]) !== input[k]);
    await recordAudit(trx, { actorUserId, action: 'page.updated', subjectType: 'page', subjectId: slug, detail: { changed } }, now);
    await publicContentChanged(trx);
  });
}
