import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { parseSettingInput, type SettingDefinition } from '../../platform/settings/registry.ts';
import { deleteSetting, getSetting, setSetting } from '../../platform/settings/repo.ts';
import type { FieldErrors } from '../../ui/components.tsx';

export type SettingRow = SettingDefinition & { stored: string | null };

/** Every setting with what is stored for it now (null: the default applies). */
export async function currentSettings(db: Db, groups: { title: string; items: SettingDefinition[] }[]) {
  return Promise.all(
    groups.map(async (g) => ({
      title: g.title,
      items: await Promise.all(g.items.map(async (s): Promise<SettingRow> => ({ ...s, stored: await getSetting(db, s.key) }))),
    })),
  );
}

/**
 * Saves the form: every value checked first (a message per wrong field, nothing saved), then the
 * changed ones stored, or removed when emptied (the default applies again), each change audited
 * with the key and both values — no personal data.
 */
export async function saveSettings(
  db: Db,
  actor: { id: string },
  definitions: SettingDefinition[],
  body: Record<string, string>,
  now = new Date(),
): Promise<{ ok: true; changed: number } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = [];
  const values = new Map<string, number | null>();
  for (const s of definitions) {
    const r = parseSettingInput(s, body[s.key] ?? '');
    if ('error' in r) errors.push({ field: s.key, message: r.error });
    else values.set(s.key, r.value);
  }
  if (errors.length) return { ok: false, errors };
  let changed = 0;
  await db.transaction().execute(async (trx) => {
    for (const s of definitions) {
      const next = values.get(s.key) ?? null;
      const stored = await getSetting(trx, s.key);
      const before = stored !== null && /^\d+$/.test(stored) ? Number(stored) : null;
      if (before === next) continue;
      if (next === null) await deleteSetting(trx, s.key);
      else await setSetting(trx, s.key, String(next));
      await recordAudit(
        trx,
        {
          actorUserId: actor.id,
          action: 'settings.changed',
          subjectType: 'setting',
          subjectId: s.key,
          detail: { key: s.key, from: before, to: next },
        },
        now,
      );
      changed++;
    }
    // The privacy statement shows the retention periods: its cached page is rebuilt.
    if (changed) await publicContentChanged(trx);
  });
  return { ok: true, changed };
}
