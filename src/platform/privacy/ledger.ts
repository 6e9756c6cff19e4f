import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db, Trx } from '../../db/connect.ts';

/**
 * The erasure ledger: every erasure request carried out and every record a retention period
 * removed, as identifiers only — never the erased values. Each entry is a row in the database and
 * a line in a file kept outside it (ERASURE_LEDGER), so that after a back-up is restored the
 * entries the older copy misses are applied again before the platform serves requests
 * (`replayLedger` in engine.ts, called from boot.ts).
 */
export type LedgerEntry = {
  id: string;
  at: string;
  kind: 'verzoek' | 'bewaartermijn';
  rule: string | null;
  anchors: string[];
  counts: Record<string, number> | null;
  byUserId: string | null;
};

export async function insertLedgerRow(trx: Trx | Db, e: LedgerEntry): Promise<void> {
  await trx
    .insertInto('erasure_ledger')
    .values({
      id: e.id,
      at: e.at,
      kind: e.kind,
      rule: e.rule,
      anchors: JSON.stringify(e.anchors),
      counts: e.counts ? JSON.stringify(e.counts) : null,
      by_user_id: e.byUserId,
    })
    .execute();
}

/** Appends entries to the file and makes sure they are on disk before returning. */
export function appendToLedgerFile(path: string, entries: LedgerEntry[]): void {
  if (!entries.length) return;
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The file's entries; a torn last line (a crash while writing) is skipped, not fatal. */
export function readLedgerFile(path: string): LedgerEntry[] {
  if (!existsSync(path)) return [];
  const out: LedgerEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as LedgerEntry;
      if (typeof e.id === 'string' && Array.isArray(e.anchors)) out.push(e);
    } catch {
      // An incomplete line from an interrupted write: its database row (if committed) is re-appended.
    }
  }
  return out;
}

export async function ledgerIds(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom('erasure_ledger').select('id').execute()).map((r) => r.id));
}

export async function ledgerRows(db: Db, limit = 200): Promise<LedgerEntry[]> {
  const rows = await db.selectFrom('erasure_ledger').selectAll().orderBy('at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind as LedgerEntry['kind'],
    rule: r.rule,
    anchors: JSON.parse(r.anchors) as string[],
    counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : null,
    byUserId: r.by_user_id,
  }));
}

export async function ledgerRowExists(trx: Trx, id: string): Promise<boolean> {
  return (await trx.selectFrom('erasure_ledger').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
