import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import { publicContentChanged } from '../../platform/public-cache.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { findRouteById, findStoryImage, insertStory, listStories } from './repo.ts';

// ---------------------------------------------------------------- stories

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

export async function addStory(db: Db, user: CurrentUser, input: StoryInput, image: Buffer | null, now = new Date()): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    if (!(await findRouteById(trx, input.routeId))) throw new ConflictError('Onbekende route', 'Kies een route uit de lijst.');
    await insertStory(trx, {
      id,
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
    await publicContentChanged(trx);
  });
  return id;
}

export async function storyImage(db: Db, id: string): Promise<Buffer> {
  const row = id.length <= 36 ? await findStoryImage(db, id) : undefined;
  if (!row?.image) throw new NotFoundError('image');
  return Buffer.from(row.image);
}
