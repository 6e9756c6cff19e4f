/** Knowledge and the guide (kennis & handreiking): the public surface. */
import type { Trx } from '../../db/connect.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { unindexItem } from '../search/index.ts';
import { deleteItemsCreatedBy } from './repo.ts';
import type { ItemKind } from './rules.ts';

export { addImage, addPdf } from './files.ts';
export { flagChaptersFor, markReviewed, runReviewJob } from './guide.ts';
export { AUDIT_LABELS } from './messages.ts';
export { default as knowledgeRoutes } from './routes.tsx';
export { createItem, type ItemText, publishItem, restoreRevision, saveItem, unpublishItem } from './service.ts';
export { knowledgeSurfaces } from './surfaces.tsx';
export { ensureKnowledge } from './themes.ts';

/** Removes the knowledge these (demo) users wrote, out of the search with it. */
export async function removeKnowledgeOf(trx: Trx, userIds: string[]): Promise<number> {
  const removed = await deleteItemsCreatedBy(trx, userIds);
  for (const r of removed) await unindexItem(trx, r.kind as ItemKind, r.id);
  if (removed.length) await publicContentChanged(trx);
  return removed.length;
}
export { knowledgePersonalData } from './privacy.ts';
