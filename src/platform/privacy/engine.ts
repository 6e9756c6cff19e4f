import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../audit/repo.ts';
import { newId } from '../crypto.ts';
import { publicContentChanged } from '../public-cache.ts';
import { appendToLedgerFile, insertLedgerRow, type LedgerEntry, ledgerIds, ledgerRowExists, readLedgerFile } from './ledger.ts';
import { scrubberFor } from './scrub.ts';
import type { Blocker, ExportItem, Found, Person, PersonalDataSource, PlanLine, Replacement } from './types.ts';

/**
 * A person's data across every feature (AVG art. 15, 17, 20): found from an e-mail address,
 * shown and exported, previewed for erasure and erased, with the ledger written and replayed.
 * The features' own parts come from `src/personal-data.ts`.
 */

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

function merge(into: Person & { anchors: string[] }, source: string, f: Found) {
  into.userIds.push(...(f.userIds ?? []));
  into.names.push(...(f.names ?? []).filter((n) => n.trim()));
  into.phones.push(...(f.phones ?? []).filter((p) => p.trim()));
  into.emails.push(...(f.emails ?? []).map(normaliseEmail).filter(Boolean));
  into.anchors.push(...(f.anchors ?? []).map((a) => `${source}:${a}`));
}

function tidy(p: Person & { anchors: string[] }): Person & { anchors: string[] } {
  const u = (xs: string[]) => [...new Set(xs)];
  return { emails: u(p.emails), userIds: u(p.userIds), names: u(p.names), phones: u(p.phones), anchors: u(p.anchors) };
}

/** Everything that identifies the person behind an e-mail address, and where it was found. */
export async function findPerson(db: Db, sources: PersonalDataSource[], email: string): Promise<Person & { anchors: string[] }> {
  const person = { emails: [normaliseEmail(email)], userIds: [], names: [], phones: [], anchors: [] };
  for (const s of sources) merge(person, s.key, await s.identify(db, normaliseEmail(email)));
  return tidy(person);
}

/** The person again from a ledger entry's anchors, in a database that may be an older copy. */
async function recallPerson(db: Db, sources: PersonalDataSource[], anchors: string[]): Promise<Person & { anchors: string[] }> {
  const person: Person & { anchors: string[] } = { emails: [], userIds: [], names: [], phones: [], anchors: [] };
  for (const s of sources) {
    const mine = anchors.filter((a) => a.startsWith(`${s.key}:`)).map((a) => a.slice(s.key.length + 1));
    if (mine.length && s.recall) merge(person, s.key, await s.recall(db, mine));
  }
  // Every address found leads to the rest of what the copy holds about them.
  for (const email of [...new Set(person.emails)]) for (const s of sources) merge(person, s.key, await s.identify(db, email));
  return tidy(person);
}

export type OverviewPart = { key: string; title: string; items: ExportItem[]; data: unknown };

/** What the platform holds about the person, per feature (only features that hold something). */
export async function personalOverview(db: Db, sources: PersonalDataSource[], person: Person): Promise<OverviewPart[]> {
  const parts: OverviewPart[] = [];
  for (const s of sources) {
    const part = await s.export(db, person);
    if (part && part.items.length) parts.push({ key: s.key, title: s.title, items: part.items, data: part.data });
  }
  return parts;
}

/** The JSON download (art. 20): readable keys, one object per feature. */
export function exportDocument(person: Person, parts: OverviewPart[], now = new Date()) {
  return {
    created_at: now.toISOString(),
    about: { emails: person.emails },
    parts: Object.fromEntries(parts.map((p) => [p.key, { title: p.title, data: p.data }])),
  };
}

export type ErasurePreview = { lines: (PlanLine & { source: string })[]; blockers: Blocker[] };

export async function erasurePreview(db: Db, sources: PersonalDataSource[], person: Person): Promise<ErasurePreview> {
  const s = scrubberFor(person);
  const lines: ErasurePreview['lines'] = [];
  const blockers: Blocker[] = [];
  for (const source of sources) {
    for (const line of await source.plan(db, person, s)) if (line.count > 0) lines.push({ ...line, source: source.title });
    blockers.push(...((await source.blockers?.(db, person)) ?? []));
  }
  return { lines, blockers };
}

/** Blockers the given replacements do not settle (a replacement settles its registration's). */
export function openBlockers(blockers: Blocker[], replacements: Record<string, Replacement>): Blocker[] {
  return blockers.filter((b) => !(b.replacementFor && replacements[b.replacementFor.registrationId]));
}

/**
 * Erases the person everywhere in one transaction: each feature's part, the public render cache's
 * version, an audit event and the ledger row; then the ledger file. Refuses while a blocker is open.
 */
export async function erasePerson(
  db: Db,
  sources: PersonalDataSource[],
  person: Person & { anchors: string[] },
  options: { ledgerPath: string; byUserId: string | null; replacements?: Record<string, Replacement>; now?: Date; ledgerId?: string },
): Promise<{ ok: true; entry: LedgerEntry } | { ok: false; blockers: Blocker[] }> {
  const now = options.now ?? new Date();
  const replacements = options.replacements ?? {};
  const preview = await erasurePreview(db, sources, person);
  const open = openBlockers(preview.blockers, replacements);
  if (open.length) return { ok: false, blockers: open };
  const counts: Record<string, number> = {};
  for (const line of preview.lines) if (line.action !== 'bewaard') counts[line.source] = (counts[line.source] ?? 0) + line.count;
  const entry: LedgerEntry = {
    id: options.ledgerId ?? newId(),
    at: now.toISOString(),
    kind: 'verzoek',
    rule: null,
    anchors: person.anchors,
    counts,
    byUserId: options.byUserId,
  };
  const s = scrubberFor(person);
  await db.transaction().execute(async (trx) => {
    for (const source of sources) await source.erase(trx, person, s, { now, replacements });
    await publicContentChanged(trx);
    await insertLedgerRow(trx, entry);
    await recordAudit(trx, { actorUserId: options.byUserId, action: 'privacy.erased', subjectType: 'ledger', subjectId: entry.id }, now);
  });
  appendToLedgerFile(options.ledgerPath, [entry]);
  return { ok: true, entry };
}

/**
 * Before the platform serves requests: entries in the ledger file that this database does not
 * have (it was restored from an older back-up) are carried out again; entries the database has
 * but the file misses (written before a crash, or a new file) are appended. Returns what was replayed.
 */
export async function replayLedger(db: Db, sources: PersonalDataSource[], path: string): Promise<{ replayed: number; appended: number }> {
  const fileEntries = readLedgerFile(path);
  const known = await ledgerIds(db);
  const inFile = new Set(fileEntries.map((e) => e.id));
  let replayed = 0;
  for (const entry of fileEntries) {
    if (known.has(entry.id)) continue;
    try {
      if (entry.kind === 'verzoek') {
        const person = await recallPerson(db, sources, entry.anchors);
        const s = scrubberFor(person);
        await db.transaction().execute(async (trx) => {
          if (await ledgerRowExists(trx, entry.id)) return;
          if (!s.isEmpty || person.userIds.length)
            for (const source of sources) await source.erase(trx, person, s, { now: new Date(), replacements: {} });
          await publicContentChanged(trx);
          await insertLedgerRow(trx, entry);
        });
      } else {
        const rule = sources.flatMap((s) => s.retention ?? []).find((r) => r.key === entry.rule);
        await db.transaction().execute(async (trx) => {
          if (await ledgerRowExists(trx, entry.id)) return;
          for (const anchor of entry.anchors) await rule?.apply(trx, anchor, new Date());
          await publicContentChanged(trx);
          await insertLedgerRow(trx, entry);
        });
      }
    } catch (error) {
      // Another process starting at the same time replayed it first.
      if (!(await ledgerIds(db)).has(entry.id)) throw error;
      continue;
    }
    replayed++;
  }
  const missing = [...known].filter((id) => !inFile.has(id));
  if (missing.length) {
    const rows = await db.selectFrom('erasure_ledger').selectAll().where('id', 'in', missing).orderBy('at').execute();
    appendToLedgerFile(
      path,
      rows.map((r) => ({
        id: r.id,
        at: r.at,
        kind: r.kind as LedgerEntry['kind'],
        rule: r.rule,
        anchors: JSON.parse(r.anchors) as string[],
        counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : null,
        byUserId: r.by_user_id,
      })),
    );
  }
  return { replayed, appended: missing.length };
}
