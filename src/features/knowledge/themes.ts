import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { renderMarkdown } from '../../platform/markdown.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { getSetting, setSetting } from '../../platform/settings/repo.ts';
import { upcomingEventsWithTheme } from '../events/index.ts';
import { referenceOptions } from '../reference/index.ts';
import { itemsWithTheme } from '../search/index.ts';
import { findThemePage, insertMissingParts, insertMissingThemePages, listThemePages, publishedWithTheme, updateThemePage } from './repo.ts';
import { type ItemKind, publicPath, slugify } from './rules.ts';
import { SEED_CHAPTERS, SEED_PARTS, SEED_THEME_INTROS } from './seed.ts';
import { createItem, publishItem } from './service.ts';

export type Theme = { code: string; slug: string; name: string; intro: string; updatedAt: string | null };

/** Every theme (from the reference data) with its page's address and introduction. */
export async function themes(db: Db): Promise<Theme[]> {
  const [options, pages] = await Promise.all([referenceOptions(db), listThemePages(db)]);
  const bySlug = new Map(pages.map((p) => [p.theme_code, p]));
  return options.themes.map((t) => ({
    code: t.value,
    name: t.label,
    slug: bySlug.get(t.value)?.slug ?? slugify(t.label),
    intro: bySlug.get(t.value)?.intro_md ?? '',
    updatedAt: bySlug.get(t.value)?.updated_at ?? null,
  }));
}

/** A theme's page: its introduction and everything published on it, of every kind. */
export async function themePage(db: Db, slug: string, now = new Date()) {
  const page = slug.length <= 80 ? await findThemePage(db, { slug }) : undefined;
  const theme = page && (await themes(db)).find((t) => t.code === page.theme_code);
  if (!page || !theme) throw new NotFoundError('theme');
  const [items, others, events] = await Promise.all([
    publishedWithTheme(db, theme.code),
    itemsWithTheme(db, theme.code, ['story', 'route']),
    upcomingEventsWithTheme(db, theme.code, now),
  ]);
  const of = (kind: ItemKind) =>
    items.filter((i) => i.kind === kind).map((i) => ({ title: i.title, url: publicPath(kind, i.slug), summary: i.summary }));
  return {
    theme,
    introHtml: renderMarkdown(page.intro_md),
    chapters: of('chapter'),
    articles: of('article'),
    documents: of('document'),
    stories: others.filter((o) => o.kind === 'story'),
    routes: others.filter((o) => o.kind === 'route'),
    events,
    // The page changes by the clock alone when the first of its events has ended.
    expiresAt: events.length ? Math.min(...events.map((e) => Date.parse(e.endsAt))) : null,
  };
}

export async function saveThemeIntro(db: Db, actor: { id: string }, code: string, intro: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await updateThemePage(trx, code, { intro_md: intro, updated_at: now.toISOString(), updated_by: actor.id }))) {
      throw new NotFoundError('theme');
    }
    await recordAudit(trx, { actorUserId: actor.id, action: 'knowledge.theme_page_saved', subjectType: 'theme', subjectId: code }, now);
    await publicContentChanged(trx);
  });
}

const SEEDED = 'knowledge_seeded_at';

/**
 * Every start: a page for each theme that has none, and the guide's parts. The first start also
 * writes the first guide, through the same services the team uses, published; after that the
 * guide is the team's (removing a chapter does not bring it back).
 */
export async function ensureKnowledge(db: Db, now = new Date()): Promise<void> {
  const list = await themes(db);
  const at = now.toISOString();
  await insertMissingThemePages(
    db,
    list.map((t) => ({ theme_code: t.code, slug: t.slug, intro_md: SEED_THEME_INTROS[t.code] ?? '', updated_at: at, updated_by: null })),
  );
  await insertMissingParts(db, SEED_PARTS);
  if (await getSetting(db, SEEDED)) return;
  await setSetting(db, SEEDED, at);
  const positions = new Map<string, number>();
  for (const c of SEED_CHAPTERS) {
    const position = (positions.get(c.part) ?? 0) + 1;
    positions.set(c.part, position);
    const id = await createItem(
      db,
      null,
      'chapter',
      { title: c.title, summary: c.summary, body: c.body, themes: c.themes, audiences: c.audiences, criteria: c.criteria, fileId: null },
      { part: c.part, position, ownerId: null, reviewDue: null },
      now,
    );
    await publishItem(db, null, id, now);
  }
}
