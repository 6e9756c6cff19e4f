import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { renderMarkdown } from '../../platform/markdown.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { indexItem, unindexItem } from '../search/index.ts';
import { findItem, findRevision, insertItem, insertRevision, lockItem, revisionsOf, slugTaken, updateItem } from './repo.ts';
import { type ItemKind, isoDay, nextReview, plainText, publicPath, slugify } from './rules.ts';
import type { KnowledgeItemTable } from './tables.ts';

/** The text of an item as the editor saves it (every save is a revision). */
export type ItemText = {
  title: string;
  summary: string;
  body: string;
  themes: string[];
  audiences: string[];
  criteria: string[];
  fileId: string | null;
};

/** Where a chapter stands in the guide and who looks after it (not part of a revision). */
export type ChapterPlace = { part: string; position: number; ownerId: string | null; reviewDue: string | null };

export type Actor = { id: string };

const json = (list: string[]) => JSON.stringify([...new Set(list)]);
const list = (text: string) => JSON.parse(text) as string[];

function revisionRow(itemId: string, number: number, text: ItemText, by: string | null, at: string, restoredFrom: number | null = null) {
  return {
    item_id: itemId,
    number,
    title: text.title,
    summary: text.summary,
    body_md: text.body,
    themes: json(text.themes),
    audiences: json(text.audiences),
    criteria: json(text.criteria),
    file_id: text.fileId,
    saved_at: at,
    saved_by: by,
    restored_from: restoredFrom,
  };
}

async function uniqueSlug(db: Db, title: string): Promise<string> {
  const base = slugify(title);
  let slug = base;
  for (let i = 2; await slugTaken(db, slug); i++) slug = `${base}-${i}`;
  return slug;
}

/** A new article, chapter or document: revision 1, not yet published. */
export async function createItem(
  db: Db,
  actor: Actor | null,
  kind: ItemKind,
  text: ItemText,
  place?: ChapterPlace,
  now = new Date(),
): Promise<string> {
  const id = newId();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await insertItem(trx, {
      id,
      kind,
      slug: await uniqueSlug(trx, text.title),
      title: text.title,
      summary: text.summary,
      body_md: text.body,
      themes: json(text.themes),
      audiences: json(text.audiences),
      criteria: json(text.criteria),
      file_id: text.fileId,
      published_at: null,
      published_revision: null,
      latest_revision: 1,
      part: kind === 'chapter' ? (place?.part ?? null) : null,
      position: place?.position ?? 0,
      owner_id: place?.ownerId ?? null,
      reviewed_on: kind === 'chapter' ? isoDay(now) : null,
      review_due: kind === 'chapter' ? (place?.reviewDue ?? nextReview(isoDay(now))) : null,
      review_reason: null,
      review_mailed_for: null,
      created_at: at,
      created_by: actor?.id ?? null,
      updated_at: at,
    });
    await insertRevision(trx, revisionRow(id, 1, text, actor?.id ?? null, at));
    if (actor)
      await recordAudit(
        trx,
        { actorUserId: actor.id, action: 'knowledge.created', subjectType: 'knowledge', subjectId: id, detail: { kind } },
        now,
      );
  });
  return id;
}

/** Someone else saved a revision after the one the editor started from. */
export type Overlap = { number: number; by: string; at: string };

/**
 * Saves the editor's text as a new revision (and, with `publish`, makes it the public text). When
 * another team member saved in between (`baseRevision` is not the latest), nothing is lost: both
 * revisions stay in the history and the answer names who saved the other one, when.
 */
export async function saveItem(
  db: Db,
  actor: Actor,
  id: string,
  text: ItemText,
  options: { baseRevision: number; publish: boolean; place?: ChapterPlace },
  now = new Date(),
): Promise<{ revision: number; overlap: Overlap | null }> {
  return db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, id);
    if (!item) throw new NotFoundError('knowledge item');
    const overlap = item.latest_revision !== options.baseRevision ? await overlapOf(trx, id, item.latest_revision, actor.id) : null;
    const number = item.latest_revision + 1;
    await insertRevision(trx, revisionRow(id, number, text, actor.id, now.toISOString()));
    const place = options.place;
    await updateItem(trx, id, {
      latest_revision: number,
      updated_at: now.toISOString(),
      ...(place && item.kind === 'chapter'
        ? { part: place.part, position: place.position, owner_id: place.ownerId, review_due: place.reviewDue ?? item.review_due }
        : {}),
    });
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'knowledge.saved', subjectType: 'knowledge', subjectId: id, detail: { revision: number } },
      now,
    );
    if (options.publish) await publishRevision(trx, actor, item, number, now);
    else if (place && item.published_at) await publicContentChanged(trx);
    return { revision: number, overlap };
  });
}

async function overlapOf(db: Db, id: string, latest: number, me: string): Promise<Overlap | null> {
  const r = await findRevision(db, id, latest);
  if (!r || r.saved_by === me) return null;
  return { number: latest, by: r.saved_by_name ?? r.saved_by_email ?? 'iemand anders', at: r.saved_at };
}

/** Makes a revision the public text: copied onto the item, in the search, on every page at once. */
async function publishRevision(
  db: Db,
  actor: Actor | null,
  item: Pick<KnowledgeItemTable, 'id' | 'kind' | 'slug' | 'published_at'>,
  number: number,
  now: Date,
): Promise<void> {
  const id = item.id;
  const r = await findRevision(db, id, number);
  if (!r) throw new NotFoundError('knowledge revision');
  const at = now.toISOString();
  await updateItem(db, id, {
    title: r.title,
    summary: r.summary,
    body_md: r.body_md,
    themes: r.themes,
    audiences: r.audiences,
    criteria: r.criteria,
    file_id: r.file_id,
    published_at: item.published_at ?? at,
    published_revision: number,
    updated_at: at,
  });
  const kind = item.kind as ItemKind;
  await indexItem(db, {
    kind,
    id,
    title: r.title,
    text: `${r.summary} ${plainText(r.body_md)}`,
    url: publicPath(kind, item.slug),
    themes: list(r.themes),
    audiences: list(r.audiences),
    updatedAt: at,
  });
  if (actor) {
    await recordAudit(
      db,
      { actorUserId: actor.id, action: 'knowledge.published', subjectType: 'knowledge', subjectId: id, detail: { revision: number } },
      now,
    );
  }
  await publicContentChanged(db);
}

/** Publishes the latest revision (a seed or a draft made public as it is). */
export async function publishItem(db: Db, actor: Actor | null, id: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, id);
    if (!item) throw new NotFoundError('knowledge item');
    await publishRevision(trx, actor, item, item.latest_revision, now);
  });
}

/** Takes an item off every public page, the search, the feed and the sitemap; its revisions stay. */
export async function unpublishItem(db: Db, actor: Actor, id: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, id);
    if (!item) throw new NotFoundError('knowledge item');
    if (!item.published_at) return;
    await updateItem(trx, id, { published_at: null, published_revision: null, updated_at: now.toISOString() });
    await unindexItem(trx, item.kind as ItemKind, id);
    await recordAudit(trx, { actorUserId: actor.id, action: 'knowledge.unpublished', subjectType: 'knowledge', subjectId: id }, now);
    await publicContentChanged(trx);
  });
}

/**
 * Restores an old revision: its text becomes a new revision (the history only grows), published
 * at once when the item is public. `seenLatest` is the latest revision the person saw; when someone
 * saved after that, their revision stays and the answer names them.
 */
export async function restoreRevision(
  db: Db,
  actor: Actor,
  id: string,
  number: number,
  seenLatest: number,
  now = new Date(),
): Promise<{ revision: number; overlap: Overlap | null }> {
  return db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, id);
    const old = item ? await findRevision(trx, id, number) : undefined;
    if (!item || !old) throw new NotFoundError('knowledge revision');
    const overlap = item.latest_revision !== seenLatest ? await overlapOf(trx, id, item.latest_revision, actor.id) : null;
    const next = item.latest_revision + 1;
    await insertRevision(trx, {
      item_id: id,
      number: next,
      title: old.title,
      summary: old.summary,
      body_md: old.body_md,
      themes: old.themes,
      audiences: old.audiences,
      criteria: old.criteria,
      file_id: old.file_id,
      saved_at: now.toISOString(),
      saved_by: actor.id,
      restored_from: number,
    });
    await updateItem(trx, id, { latest_revision: next, updated_at: now.toISOString() });
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: 'knowledge.restored',
        subjectType: 'knowledge',
        subjectId: id,
        detail: { from: number, revision: next },
      },
      now,
    );
    if (item.published_at) await publishRevision(trx, actor, item, next, now);
    return { revision: next, overlap };
  });
}

export type EditableItem = {
  id: string;
  kind: ItemKind;
  slug: string;
  text: ItemText;
  latestRevision: number;
  publishedRevision: number | null;
  publishedAt: string | null;
  place: ChapterPlace | null;
  reviewedOn: string | null;
  reviewReason: string | null;
};

/** An item with its latest revision's text, for the edit form. */
export async function itemForEdit(db: Db, id: string): Promise<EditableItem> {
  const item = id.length <= 36 ? await findItem(db, id) : undefined;
  const r = item ? await findRevision(db, id, item.latest_revision) : undefined;
  if (!item || !r) throw new NotFoundError('knowledge item');
  return {
    id,
    kind: item.kind as ItemKind,
    slug: item.slug,
    text: revisionText(r),
    latestRevision: item.latest_revision,
    publishedRevision: item.published_revision,
    publishedAt: item.published_at,
    place:
      item.kind === 'chapter'
        ? { part: item.part ?? '', position: item.position, ownerId: item.owner_id, reviewDue: item.review_due }
        : null,
    reviewedOn: item.reviewed_on,
    reviewReason: item.review_reason,
  };
}

function revisionText(r: {
  title: string;
  summary: string;
  body_md: string;
  themes: string;
  audiences: string;
  criteria: string;
  file_id: string | null;
}): ItemText {
  return {
    title: r.title,
    summary: r.summary,
    body: r.body_md,
    themes: list(r.themes),
    audiences: list(r.audiences),
    criteria: list(r.criteria),
    fileId: r.file_id,
  };
}

export async function history(db: Db, id: string) {
  return (await revisionsOf(db, id)).map((r) => ({
    number: r.number,
    title: r.title,
    savedAt: r.saved_at,
    savedBy: r.saved_by_name ?? r.saved_by_email ?? 'het platform',
    restoredFrom: r.restored_from,
  }));
}

/** One old revision as it read, for viewing before restoring. */
export async function revision(db: Db, id: string, number: number) {
  const r = Number.isInteger(number) && number > 0 && id.length <= 36 ? await findRevision(db, id, number) : undefined;
  if (!r) throw new NotFoundError('knowledge revision');
  return {
    number: r.number,
    text: revisionText(r),
    bodyHtml: renderMarkdown(r.body_md),
    savedAt: r.saved_at,
    savedBy: r.saved_by_name ?? r.saved_by_email ?? 'het platform',
    restoredFrom: r.restored_from,
  };
}
