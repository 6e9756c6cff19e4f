import { createHash } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import type { EventContext } from '../../platform/events.ts';
import { breathe } from '../../platform/jobs/run.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { formatDate, MAILS } from './messages.ts';
import { type PublicItem, toPublicItem } from './published.ts';
import {
  chaptersNeedingReview,
  chaptersReferringTo,
  claimReviewMail,
  listParts,
  listPublished,
  lockItem,
  saveParts,
  updateItem,
} from './repo.ts';
import { isoDay, nextReview, reviewState, slugify } from './rules.ts';
import type { Actor } from './service.ts';

export type GuidePart = { code: string; title: string; chapters: PublicItem[] };

/** The published guide: parts in order, each with its chapters in order; empty parts left out. */
export async function guide(db: Db, audience?: string): Promise<GuidePart[]> {
  const [parts, chapters] = await Promise.all([listParts(db), listPublished(db, 'chapter', { audience })]);
  return parts
    .map((p) => ({ code: p.code, title: p.title, chapters: chapters.filter((c) => c.part === p.code).map(toPublicItem) }))
    .filter((p) => p.chapters.length > 0);
}

export async function guideParts(db: Db) {
  return (await listParts(db)).map((p) => ({ value: p.code, label: p.title }));
}

/** A chapter with the ones before and after it in reading order. */
export function neighbours(parts: GuidePart[], slug: string) {
  const all = parts.flatMap((p) => p.chapters);
  const i = all.findIndex((c) => c.slug === slug);
  return { previous: (i > 0 ? all[i - 1] : null) ?? null, next: (i >= 0 ? all[i + 1] : null) ?? null };
}

/** The owner (or any team member) confirms the chapter is still right: reviewed today, next review in a year. */
export async function markReviewed(db: Db, actor: Actor, id: string, nextDue: string | null, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, id);
    if (!item || item.kind !== 'chapter') throw new NotFoundError('chapter');
    const today = isoDay(now);
    await updateItem(trx, id, {
      reviewed_on: today,
      review_due: nextDue && nextDue > today ? nextDue : nextReview(today),
      review_reason: null,
      review_mailed_for: null,
    });
    await recordAudit(trx, { actorUserId: actor.id, action: 'knowledge.reviewed', subjectType: 'knowledge', subjectId: id }, now);
    if (item.published_at) await publicContentChanged(trx);
  });
}

/**
 * Subscriber of reference.wording_changed (src/workflows.ts): every chapter that refers to the
 * reworded criterion or theme is flagged "beoordeling nodig" with the reason, in the same
 * transaction; its owner is mailed by the next run of the job.
 */
export async function flagChaptersFor(
  event: { kind: 'criterion' | 'theme'; code: string; label: string },
  ctx: EventContext,
): Promise<string[]> {
  const column = event.kind === 'criterion' ? 'criteria' : 'themes';
  const chapters = await chaptersReferringTo(ctx.trx, column, event.code);
  const what = event.kind === 'criterion' ? `criterium ${event.code} (${event.label})` : `thema ${event.label}`;
  const reason = `De tekst van ${what} is gewijzigd op ${formatDate(isoDay(ctx.now))}; kijk of dit hoofdstuk nog klopt.`;
  for (const c of chapters) await updateItem(ctx.trx, c.id, { review_reason: reason, review_mailed_for: null });
  if (chapters.length) await publicContentChanged(ctx.trx);
  return chapters.map((c) => c.id);
}

export type ReviewItem = {
  id: string;
  title: string;
  state: 'due' | 'flagged';
  due: string | null;
  reason: string | null;
  owner: string | null;
  ownerId: string | null;
};

/** Chapters past their review date or flagged, for /beheer (the owner's own first). */
export async function reviewList(db: Db, today = isoDay(new Date())): Promise<ReviewItem[]> {
  return (await chaptersNeedingReview(db, today)).map((c) => ({
    id: c.id,
    title: c.title,
    state: reviewState(c, today) === 'flagged' ? 'flagged' : 'due',
    due: c.review_due,
    reason: c.review_reason,
    owner: c.owner_name ?? c.owner_email ?? null,
    ownerId: c.owner_id,
  }));
}

/**
 * The job (hourly): the owner of each chapter that needs a review is mailed once per occasion
 * (its review date, or the flag). Returns the number of mails queued.
 */
export async function runReviewJob(db: Db, config: { baseUrl: string }, now = new Date()): Promise<number> {
  let sent = 0;
  for (const c of await chaptersNeedingReview(db, isoDay(now))) {
    await breathe();
    if (!c.owner_email) continue;
    // One mail per occasion: a flag (its reason, hashed: a second rewording is a new occasion) or a review date.
    const occasion = c.review_reason
      ? `flag:${createHash('sha256').update(c.review_reason).digest('hex').slice(0, 20)}`
      : `due:${c.review_due}`;
    if (c.review_mailed_for === occasion) continue;
    await db.transaction().execute(async (trx) => {
      if (!(await claimReviewMail(trx, c.id, occasion))) return;
      const link = `${config.baseUrl}/beheer/kennis/${c.id}`;
      await enqueueMail(
        trx,
        { to: c.owner_email as string, ...MAILS.review({ title: c.title, due: c.review_due, reason: c.review_reason, link }) },
        now,
      );
      sent++;
    });
  }
  return sent;
}

/** The team renames and reorders the guide's parts, and may add one; parts are never removed here (chapters refer to them). */
export async function updateParts(
  db: Db,
  actor: Actor,
  parts: { code: string; title: string; position: number }[],
  added: string | null,
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const known = new Set((await listParts(trx)).map((p) => p.code));
    const rows = parts.filter((p) => known.has(p.code));
    if (added) {
      let code = slugify(added).slice(0, 28) || 'deel';
      for (let i = 2; known.has(code); i++) code = `${slugify(added).slice(0, 26)}-${i}`;
      rows.push({ code, title: added, position: Math.max(0, ...rows.map((r) => r.position)) + 1 });
    }
    await saveParts(trx, rows);
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'knowledge.parts_saved', subjectType: 'guide', subjectId: 'parts', detail: { added } },
      now,
    );
    await publicContentChanged(trx);
  });
}
