import type { Db } from '../../db/connect.ts';
import { getSetting } from './repo.ts';

/**
 * A setting an administrator may change at `/beheer/instellingen`: a whole number of days or hours
 * within bounds, with the default the platform uses while it is not set. Each feature declares its
 * own (its `surfaces.tsx`, `settings`) and reads them with `readSetting`, so the page lists every
 * setting there is and the code can never use one the page does not show.
 */
export type SettingDefinition = {
  key: string;
  label: string;
  /** What it changes, in one sentence. */
  description: string;
  unit: 'dagen' | 'uren' | 'werkdagen' | 'maanden';
  default: number;
  min: number;
  max: number;
};

/** The value in force: the stored one when it is a whole number within bounds, else the default. */
export async function readSetting(db: Db, s: SettingDefinition): Promise<number> {
  return settingValue(s, await getSetting(db, s.key));
}

export function settingValue(s: SettingDefinition, stored: string | null): number {
  if (stored === null || !/^\d+$/.test(stored)) return s.default;
  const v = Number(stored);
  return v >= s.min && v <= s.max ? v : s.default;
}

/** Reads a typed value: the number, or a Dutch message naming the setting. Empty means "the default". */
export function parseSettingInput(s: SettingDefinition, raw: string): { value: number | null } | { error: string } {
  const v = raw.trim();
  if (v === '') return { value: null };
  if (!/^\d+$/.test(v))
    return { error: `${s.label}: vul een heel getal in (${s.unit}), of laat het leeg voor de standaard (${s.default})` };
  const n = Number(v);
  if (n < s.min || n > s.max) return { error: `${s.label}: kies een getal van ${s.min} tot en met ${s.max} ${s.unit}` };
  return { value: n };
}
