import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { storedFilename } from '../../platform/names.ts';
import { prepareImage } from '../catalogue/index.ts';
import { fileInfo, findFile, insertFile } from './repo.ts';

const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * Stores an image for an article or chapter, re-encoded (which also drops what the file carried
 * besides the picture). Null when the content is not an image.
 */
export async function addImage(db: Db, actor: { id: string }, content: Buffer, filename: string, alt: string, now = new Date()) {
  const jpeg = await prepareImage(content);
  if (!jpeg) return null;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertFile(trx, {
      id,
      kind: 'image',
      filename: storedFilename(filename, 'jpg'),
      content_type: 'image/jpeg',
      content: jpeg,
      size: jpeg.length,
      alt,
      created_at: now.toISOString(),
      created_by: actor.id,
    });
    await recordAudit(trx, { actorUserId: actor.id, action: 'knowledge.file_added', subjectType: 'knowledge_file', subjectId: id }, now);
  });
  return { id, url: `/kennis/afbeeldingen/${id}` };
}

/** Stores a PDF for a document, checked by its content (not its name). Null when it is no PDF. */
export async function addPdf(db: Db, actor: { id: string }, content: Buffer, filename: string, now = new Date()) {
  if (!isPdf(content)) return null;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertFile(trx, {
      id,
      kind: 'pdf',
      filename: storedFilename(filename, 'pdf'),
      content_type: 'application/pdf',
      content,
      size: content.length,
      alt: null,
      created_at: now.toISOString(),
      created_by: actor.id,
    });
    await recordAudit(trx, { actorUserId: actor.id, action: 'knowledge.file_added', subjectType: 'knowledge_file', subjectId: id }, now);
  });
  return id;
}

export async function fileOf(db: Db, id: string, kind: 'image' | 'pdf') {
  const f = id.length === 36 ? await findFile(db, id) : undefined;
  if (!f || f.kind !== kind) throw new NotFoundError('file');
  return { filename: f.filename, type: f.content_type, content: Buffer.from(f.content) };
}

export async function describeFile(db: Db, id: string | null) {
  const f = id ? await fileInfo(db, id) : undefined;
  return f ? { id: f.id, filename: f.filename, size: Number(f.size) } : null;
}
