import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import { publicContentChanged } from '../../platform/public-cache.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { indexItem, unindexItem } from '../search/index.ts';
import {
  findRouteById,
  findStory,
  findStoryImage,
  insertStory,
  listStories,
  listStoriesForTeam,
  storyIdsOfRoute,
  updateStoryRow,
} from './repo.ts';

// ---------------------------------------------------------------- stories

/**
 * Puts a route's public stories in the site-wide search and takes the others out (removed ones, and
 * all of them while the route is unpublished). Called in the transaction of every change.
 */
export async function syncStoryEntries(db: Db, routeId: string): Promise<void> {
  const live = await listStories(db, { routeId });
  const liveIds = new Set(live.map((s) => s.id));
  for (const id of await storyIdsOfRoute(db, routeId)) if (!liveIds.has(id)) await unindexItem(db, 'story', id);
  for (const s of live) {
    await indexItem(db, {
      kind: 'story',
      id: s.id,
      title: s.title,
      text: [s.quote ?? '', s.person_name, s.organisation, s.body_md].join(' '),
      url: `/succesverhalen/${s.id}`,
      themes: s.theme ? [s.theme] : [],
      audiences: [],
      updatedAt: s.published_at,
    });
  }
}

export type Story = {
  id: string;
  title: string;
  quote: string | null;
  person: string;
  role: string;
  organisation: string;
  theme: string | null;
  body: string;
  imageAlt: string | null;
  hasImage: boolean;
  publishedAt: string;
  route: { slug: string; title: string };
  sector: string;
};

export async function stories(db: Db, f: { theme?: string; sector?: string; routeId?: string } = {}): Promise<Story[]> {
  return (await listStories(db, f)).map((s) => ({
    id: s.id,
    title: s.title,
    quote: s.quote,
    person: s.person_name,
    role: s.person_role,
    organisation: s.organisation,
    theme: s.theme,
    body: s.body_md,
    imageAlt: s.image_alt,
    hasImage: Number(s.has_image) === 1,
    publishedAt: s.published_at,
    route: { slug: s.route_slug, title: s.route_title },
    sector: s.sector,
  }));
}

export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;

/** Resizes an uploaded picture to at most 1200 px wide JPEG; refuses anything that is not an image. */
export async function prepareImage(content: Buffer): Promise<Buffer | null> {
  try {
    // Image processing (libvips) loads on first use, not with the server.
    const { default: sharp } = await import('sharp');
    const meta = await sharp(content).metadata();
    if (!meta.format || !['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff'].includes(meta.format)) return null;
    return await sharp(content).rotate().resize({ width: 1200, withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer();
  } catch {
    return null;
  }
}

export type StoryInput = {
  routeId: string;
  title: string;
  quote: string;
  person: string;
  role: string;
  organisation: string;
  consentDate: string;
  consentNote: string;
  theme: string;
  body: string;
  imageAlt: string;
};

/** The story's own columns from the form, the same for adding and for editing. */
function storyColumns(input: StoryInput) {
  return {
    route_id: input.routeId,
    title: input.title,
    quote: input.quote || null,
    person_name: input.person,
    person_role: input.role,
    organisation: input.organisation,
    consent_date: input.consentDate,
    consent_note: input.consentNote,
    theme: input.theme || null,
    body_md: input.body,
  };
}

export async function addStory(db: Db, user: CurrentUser, input: StoryInput, image: Buffer | null, now = new Date()): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    if (!(await findRouteById(trx, input.routeId))) throw new ConflictError('Onbekende route', 'Kies een route uit de lijst.');
    await insertStory(trx, {
      id,
      ...storyColumns(input),
      image,
      image_alt: image ? input.imageAlt : null,
      created_by: user.id,
      published_at: now.toISOString(),
    });
    await recordAudit(
      trx,
      {
        actorUserId: user.id,
        action: 'story.published',
        subjectType: 'story',
        subjectId: id,
        detail: { route: input.routeId, consentDate: input.consentDate },
      },
      now,
    );
    await syncStoryEntries(trx, input.routeId);
    await publicContentChanged(trx);
  });
  return id;
}

/** The stories the team can edit or remove (removed ones are gone from this list too). */
export async function storiesForTeam(db: Db) {
  return (await listStoriesForTeam(db)).map((s) => ({
    id: s.id,
    title: s.title,
    person: s.person_name,
    route: s.route_title,
    publishedAt: s.published_at,
    consentDate: s.consent_date,
  }));
}

/** A story's form values as stored, for the edit form; 404 when it does not exist or was removed. */
export async function storyForEdit(db: Db, id: string): Promise<{ values: Record<string, string>; hasImage: boolean }> {
  const s = id.length <= 36 ? await findStory(db, id) : undefined;
  if (!s) throw new NotFoundError('story');
  return {
    values: {
      route: s.route_id,
      title: s.title,
      quote: s.quote ?? '',
      person: s.person_name,
      role: s.person_role,
      organisation: s.organisation,
      consent_date: s.consent_date,
      consent_note: s.consent_note,
      theme: s.theme ?? '',
      body: s.body_md,
      image_alt: s.image_alt ?? '',
    },
    hasImage: Number(s.has_image) === 1,
  };
}

/**
 * Saves the team's changes to a story, everywhere at once (page, list, feed, render cache). The
 * photo: a new one replaces it, `remove` takes it away, `keep` leaves it (its alt text may change).
 */
export async function updateStory(
  db: Db,
  user: CurrentUser,
  id: string,
  input: StoryInput,
  photo: { replace: Buffer } | 'keep' | 'remove',
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await findRouteById(trx, input.routeId))) throw new ConflictError('Onbekende route', 'Kies een route uit de lijst.');
    const before = await findStory(trx, id);
    if (!before) throw new NotFoundError('story');
    const keepsImage = photo === 'keep' ? Number(before.has_image) === 1 : photo !== 'remove';
    const saved = await updateStoryRow(trx, id, {
      ...storyColumns(input),
      ...(photo === 'keep' ? {} : { image: photo === 'remove' ? null : photo.replace }),
      image_alt: keepsImage ? input.imageAlt : null,
      updated_at: now.toISOString(),
      updated_by: user.id,
    });
    if (!saved) throw new NotFoundError('story');
    await recordAudit(trx, { actorUserId: user.id, action: 'story.updated', subjectType: 'story', subjectId: id }, now);
    // It may have moved to another route: both routes' entries are brought up to date.
    await syncStoryEntries(trx, input.routeId);
    if (before.route_id !== input.routeId) await syncStoryEntries(trx, before.route_id);
    await publicContentChanged(trx);
  });
}

/**
 * Takes a story off every public page at once (its page, the list, the route page, the feed and
 * the render cache). The row stays, with its consent record and who removed it when.
 */
export async function removeStory(db: Db, user: CurrentUser, id: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await updateStoryRow(trx, id, { removed_at: now.toISOString(), removed_by: user.id });
    if (!removed) throw new NotFoundError('story');
    await unindexItem(trx, 'story', id);
    await recordAudit(trx, { actorUserId: user.id, action: 'story.removed', subjectType: 'story', subjectId: id }, now);
    await publicContentChanged(trx);
  });
}

export async function storyImage(db: Db, id: string): Promise<Buffer> {
  const row = id.length <= 36 ? await findStoryImage(db, id) : undefined;
  if (!row?.image) throw new NotFoundError('image');
  return Buffer.from(row.image);
}
