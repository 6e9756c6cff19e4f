import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { storedFilename } from '../../platform/names.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { findAsset, insertAsset, listAssets, updateAssetRow } from './repo.ts';

// ---------------------------------------------------------------- toolkit

export const ASSET_MAX_BYTES = 10 * 1024 * 1024;
const ASSET_TYPES: Record<string, { type: string; magic: (b: Buffer) => boolean }> = {
  pdf: { type: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  png: { type: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpg: { type: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  svg: { type: 'image/svg+xml', magic: (b) => /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(b.subarray(0, 200).toString('utf8')) },
  zip: { type: 'application/zip', magic: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
};

/** Which kind of file this is, judged by its content; null for anything we do not offer. */
export function assetKind(content: Buffer): { ext: string; type: string } | null {
  for (const [ext, k] of Object.entries(ASSET_TYPES)) if (k.magic(content)) return { ext, type: k.type };
  return null;
}

export async function addAsset(
  db: Db,
  user: CurrentUser,
  input: { title: string; description: string; filename: string },
  content: Buffer,
  now = new Date(),
) {
  const kind = assetKind(content);
  if (!kind) return false;
  await db.transaction().execute(async (trx) => {
    const id = newId();
    await insertAsset(trx, {
      id,
      title: input.title,
      description: input.description,
      filename: storedFilename(input.filename, kind.ext),
      content_type: kind.type,
      content,
      created_by: user.id,
      created_at: now.toISOString(),
    });
    await recordAudit(trx, { actorUserId: user.id, action: 'toolkit.added', subjectType: 'toolkit', subjectId: id }, now);
    await publicContentChanged(trx);
  });
  return true;
}

export async function assets(db: Db) {
  return (await listAssets(db)).map((a) => ({
    id: a.id,
    title: a.title,
    description: a.description,
    filename: a.filename,
    type: a.content_type,
    createdAt: a.created_at,
  }));
}

/** The team changes a toolkit file's title and description, and may replace the file itself. */
export async function updateAsset(
  db: Db,
  user: CurrentUser,
  id: string,
  input: { title: string; description: string },
  file: { filename: string; content: Buffer } | null,
  now = new Date(),
): Promise<boolean> {
  const kind = file ? assetKind(file.content) : null;
  if (file && !kind) return false;
  await db.transaction().execute(async (trx) => {
    const saved = await updateAssetRow(trx, id, {
      title: input.title,
      description: input.description,
      ...(file && kind ? { filename: storedFilename(file.filename, kind.ext), content_type: kind.type, content: file.content } : {}),
      updated_at: now.toISOString(),
      updated_by: user.id,
    });
    if (!saved) throw new NotFoundError('asset');
    await recordAudit(trx, { actorUserId: user.id, action: 'toolkit.updated', subjectType: 'toolkit', subjectId: id }, now);
    await publicContentChanged(trx);
  });
  return true;
}

/** Takes a file out of the toolkit at once (page, download, render cache); the row stays for the record. */
export async function removeAsset(db: Db, user: CurrentUser, id: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await updateAssetRow(trx, id, { removed_at: now.toISOString(), removed_by: user.id });
    if (!removed) throw new NotFoundError('asset');
    await recordAudit(trx, { actorUserId: user.id, action: 'toolkit.removed', subjectType: 'toolkit', subjectId: id }, now);
    await publicContentChanged(trx);
  });
}

/** A toolkit file's title, description and name, for the edit form; 404 when removed. */
export async function assetForEdit(db: Db, id: string) {
  const a = id.length <= 36 ? await findAsset(db, id) : undefined;
  if (!a) throw new NotFoundError('asset');
  return { id: a.id, title: a.title, description: a.description, filename: a.filename };
}

export async function asset(db: Db, id: string) {
  const a = id.length <= 36 ? await findAsset(db, id) : undefined;
  if (!a) throw new NotFoundError('asset');
  return { filename: a.filename, type: a.content_type, content: Buffer.from(a.content) };
}
