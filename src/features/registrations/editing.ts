import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import type { CurrentUser } from '../../ui/context.ts';
import { MESSAGES } from './messages.ts';
import { findFile, insertFile, insertRegistration, saveAnswers } from './repo.ts';
import { type Answers, answerFacts, canStartRegistration, STATE_GROUPS } from './rules.ts';
import type { Values } from './schemas.ts';
import { getEditableRegistration, getRegistration } from './service.ts';

/** Side effects (one transaction): a draft for the user's hogeschool and an audit event. */
export async function startRegistration(db: Db, user: CurrentUser, now = new Date()): Promise<string> {
  if (!canStartRegistration(user) || !user.institutionBrin) {
    throw new ConflictError(MESSAGES.onlyStaff.title, MESSAGES.onlyStaff.text);
  }
  const id = newId();
  const institutionBrin = user.institutionBrin;
  await db.transaction().execute(async (trx) => {
    await insertRegistration(trx, {
      id,
      institution_brin: institutionBrin,
      reference: null,
      state: 'draft',
      // Nothing answered yet: the step form proposes the user's hogeschool (`stepDefaults`).
      answers: JSON.stringify({}),
      title: null,
      created_by: user.id,
      created_at: now.toISOString(),
      updated_by: user.id,
      updated_at: now.toISOString(),
      submitted_at: null,
      withdrawn_reason: null,
      reopened_steps: null,
    });
    await recordAudit(trx, { actorUserId: user.id, action: 'registration.created', subjectType: 'registration', subjectId: id }, now);
  });
  return id;
}

export type SaveOutcome = { savedOverOther: boolean };

/**
 * Saves one step's answers as entered, complete or not, so nothing typed is lost. The last save
 * wins; when someone else saved since the form was opened, the caller gets to say so.
 */
export async function saveStep(
  db: Db,
  user: CurrentUser,
  id: string,
  slug: string,
  values: Values,
  complete: boolean,
  seenRevision: number | null,
  now = new Date(),
): Promise<SaveOutcome> {
  return db.transaction().execute(async (trx) => {
    const reg = await getEditableRegistration(trx, user, id, slug);
    const previous = reg.answers[slug]?.values ?? {};
    // Values of other steps and of this step's upload stay as they were.
    const keep = Object.fromEntries(Object.entries(previous).filter(([k]) => k.endsWith('_file_id') || k.endsWith('_filename')));
    const answers: Answers = { ...reg.answers, [slug]: { values: { ...values, ...keep }, complete } };
    const saved = await saveAnswers(
      trx,
      id,
      { answers: JSON.stringify(answers), ...answerFacts(answers), updated_by: user.id, updated_at: now.toISOString() },
      STATE_GROUPS.editable,
    );
    if (!saved) throw new ConflictError(MESSAGES.closedMeanwhile.title, MESSAGES.closedMeanwhile.text);
    return { savedOverOther: seenRevision !== null && seenRevision !== reg.revision };
  });
}

/** Side effect: the file stored and linked from the step's answers (replacing an earlier one). */
export async function storeUpload(
  db: Db,
  user: CurrentUser,
  id: string,
  slug: string,
  field: string,
  file: { filename: string; contentType: string; content: Buffer },
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const reg = await getEditableRegistration(trx, user, id, slug);
    const fileId = newId();
    await insertFile(trx, {
      id: fileId,
      registration_id: id,
      filename: file.filename,
      content_type: file.contentType,
      size: file.content.length,
      content: file.content,
      created_at: now.toISOString(),
      created_by: user.id,
    });
    const step = reg.answers[slug] ?? { values: {}, complete: false };
    const answers: Answers = {
      ...reg.answers,
      [slug]: { ...step, values: { ...step.values, [`${field}_file_id`]: fileId, [`${field}_filename`]: file.filename } },
    };
    await saveAnswers(
      trx,
      id,
      { answers: JSON.stringify(answers), ...answerFacts(answers), updated_by: user.id, updated_at: now.toISOString() },
      STATE_GROUPS.editable,
    );
  });
}

export async function getUpload(db: Db, user: CurrentUser, id: string, fileId: string) {
  await getRegistration(db, user, id);
  const file = fileId.length <= 36 ? await findFile(db, id, fileId) : undefined;
  if (!file) throw new NotFoundError('file');
  return { filename: file.filename, contentType: file.content_type, content: Buffer.from(file.content) };
}
