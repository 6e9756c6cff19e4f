import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { emit } from '../../platform/events.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { bumpCounter } from '../../platform/settings/repo.ts';
import { addCriterionVersion, listChoiceData, listCriteria, updateCriterion, updateSector, updateTheme } from './repo.ts';
import { REFERENCE_VERSION, referenceDataChanged } from './service.ts';

type Ctx = { config: Pick<Config, 'baseUrl' | 'sessionSecret'>; actorUserId: string; now?: Date };

/**
 * Rewords a criterion. Everything that shows criteria reads the new wording at once (in every
 * process: the reference version rises), and what refers to the criterion hears of it
 * (`reference.wording_changed`), in the same transaction. Nothing happens when nothing changed.
 */
export async function rewordCriterion(db: Db, ctx: Ctx, code: string, text: { title: string; description: string }): Promise<boolean> {
  const now = ctx.now ?? new Date();
  const changed = await db.transaction().execute(async (trx) => {
    const before = (await listCriteria(trx)).find((c) => c.code === code);
    if (!before) throw new NotFoundError('criterion');
    if (before.title === text.title && before.description === text.description) return false;
    await updateCriterion(trx, code, text);
    // The earlier wording stays as a version: registrations submitted against it still show it.
    await addCriterionVersion(trx, code, text, now.toISOString(), ctx.actorUserId);
    await recordAudit(
      trx,
      { actorUserId: ctx.actorUserId, action: 'reference.criterion_reworded', subjectType: 'criterion', subjectId: code },
      now,
    );
    await emit(
      'reference.wording_changed',
      { kind: 'criterion', code, label: text.title },
      { trx, config: ctx.config, actorUserId: ctx.actorUserId, now },
    );
    await bumpCounter(trx, REFERENCE_VERSION);
    await publicContentChanged(trx);
    return true;
  });
  referenceDataChanged(db);
  return changed;
}

/** Renames a theme, with the same consequences as rewording a criterion. */
export async function renameTheme(db: Db, ctx: Ctx, code: string, name: string): Promise<boolean> {
  const now = ctx.now ?? new Date();
  const changed = await db.transaction().execute(async (trx) => {
    const before = (await listChoiceData(trx)).themes.find((t) => t.code === code);
    if (!before) throw new NotFoundError('theme');
    if (before.name === name) return false;
    await updateTheme(trx, code, name);
    await recordAudit(trx, { actorUserId: ctx.actorUserId, action: 'reference.theme_renamed', subjectType: 'theme', subjectId: code }, now);
    await emit(
      'reference.wording_changed',
      { kind: 'theme', code, label: name },
      { trx, config: ctx.config, actorUserId: ctx.actorUserId, now },
    );
    await bumpCounter(trx, REFERENCE_VERSION);
    await publicContentChanged(trx);
    return true;
  });
  referenceDataChanged(db);
  return changed;
}

/**
 * Renames a sector (an SBI section, as CBS names it; the team may shorten a name for the lists).
 * Every list and the catalogue show the new name at once; nothing refers to a sector's words.
 */
export async function renameSector(db: Db, ctx: Ctx, code: string, name: string): Promise<boolean> {
  const now = ctx.now ?? new Date();
  const changed = await db.transaction().execute(async (trx) => {
    const before = (await listChoiceData(trx)).sectors.find((s) => s.code === code);
    if (!before) throw new NotFoundError('sector');
    if (before.name_nl === name) return false;
    await updateSector(trx, code, name);
    await recordAudit(
      trx,
      { actorUserId: ctx.actorUserId, action: 'reference.sector_renamed', subjectType: 'sector', subjectId: code },
      now,
    );
    await bumpCounter(trx, REFERENCE_VERSION);
    await publicContentChanged(trx);
    return true;
  });
  referenceDataChanged(db);
  return changed;
}
