import type { Db } from '../../db/connect.ts';
import { newId } from '../crypto.ts';
import { breathe } from '../jobs/run.ts';
import { publicContentChanged } from '../public-cache.ts';
import { readSetting, type SettingDefinition } from '../settings/registry.ts';
import { DAY } from '../time.ts';
import { appendToLedgerFile, insertLedgerRow, type LedgerEntry } from './ledger.ts';
import type { PersonalDataSource, RetentionRule } from './types.ts';

/**
 * Retention: every feature's periods (`PersonalDataSource.retention`), run daily. Records are
 * handled a batch (at most 100) per transaction together with the batch's ledger row, so a run
 * that is killed halfway leaves whole records done and the rest untouched; the next run picks up
 * the rest (candidates are the records not handled yet).
 */

/** The moment a period of `value` (in the setting's unit) that ends at `end` started. */
export function periodBefore(end: Date, s: SettingDefinition, value: number): Date {
  if (s.unit === 'maanden') {
    const d = new Date(end);
    d.setUTCMonth(d.getUTCMonth() - value);
    return d;
  }
  return new Date(end.getTime() - value * (s.unit === 'uren' ? DAY / 24 : DAY));
}

/** When a record whose period started at `since` falls due. */
export function dueAt(since: string, s: SettingDefinition, value: number): Date {
  const d = new Date(since);
  if (s.unit === 'maanden') {
    d.setUTCMonth(d.getUTCMonth() + value);
    return d;
  }
  return new Date(d.getTime() + value * (s.unit === 'uren' ? DAY / 24 : DAY));
}

export const retentionRules = (sources: PersonalDataSource[]): RetentionRule[] => sources.flatMap((s) => s.retention ?? []);

export type RetentionForecast = {
  rule: RetentionRule;
  period: number;
  dueNow: number;
  /** Per day within the horizon: how many records fall due that day. */
  upcoming: { date: string; count: number }[];
};

/** What the next run and the coming `horizonDays` will handle, per rule ("N records on <date>, because …"). */
export async function retentionForecast(
  db: Db,
  sources: PersonalDataSource[],
  now = new Date(),
  horizonDays = 30,
): Promise<RetentionForecast[]> {
  const out: RetentionForecast[] = [];
  for (const rule of retentionRules(sources)) {
    const period = await readSetting(db, rule.setting);
    const horizon = new Date(now.getTime() + horizonDays * DAY);
    const candidates = await rule.candidates(db, periodBefore(horizon, rule.setting, period).toISOString(), 5000);
    let dueNow = 0;
    const perDay = new Map<string, number>();
    for (const c of candidates) {
      const due = dueAt(c.since, rule.setting, period);
      if (due <= now) dueNow++;
      else {
        const day = due.toISOString().slice(0, 10);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
    }
    out.push({
      rule,
      period,
      dueNow,
      upcoming: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })),
    });
  }
  return out;
}

/**
 * Handles every record whose period has run out. `interrupt` (tests only) is called inside the
 * batch's transaction before each record and may throw, as a process killed halfway would stop.
 */
export async function runRetention(
  db: Db,
  sources: PersonalDataSource[],
  ledgerPath: string,
  now = new Date(),
  interrupt?: (ruleKey: string, id: string) => void,
): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const rule of retentionRules(sources)) {
    const period = await readSetting(db, rule.setting);
    const before = periodBefore(now, rule.setting, period).toISOString();
    const seen = new Set<string>();
    for (;;) {
      const batch = (await rule.candidates(db, before, 100)).filter((c) => !seen.has(c.id));
      if (!batch.length) break;
      // One transaction per batch, with its ledger row: a run killed halfway leaves whole batches
      // done and the rest untouched.
      for (const c of batch) seen.add(c.id);
      const entry: LedgerEntry = {
        id: newId(),
        at: now.toISOString(),
        kind: 'bewaartermijn',
        rule: rule.key,
        anchors: [],
        counts: null,
        byUserId: null,
      };
      await db.transaction().execute(async (trx) => {
        for (const c of batch) {
          interrupt?.(rule.key, c.id);
          if (await rule.apply(trx, c.id, now)) entry.anchors.push(c.id);
        }
        if (!entry.anchors.length) return;
        entry.counts = { [rule.key]: entry.anchors.length };
        await publicContentChanged(trx);
        await insertLedgerRow(trx, entry);
      });
      if (entry.anchors.length) {
        appendToLedgerFile(ledgerPath, [entry]);
        done[rule.key] = (done[rule.key] ?? 0) + entry.anchors.length;
      }
      await breathe();
    }
  }
  return done;
}

/** Every retention period in force, in words, for the privacy statement and the processing register. */
export async function retentionSummary(db: Db, sources: PersonalDataSource[]) {
  const out: { key: string; label: string; period: number; unit: string; action: string }[] = [];
  for (const rule of retentionRules(sources))
    out.push({
      key: rule.key,
      label: rule.label,
      period: await readSetting(db, rule.setting),
      unit: rule.setting.unit,
      action: rule.action,
    });
  return out;
}
