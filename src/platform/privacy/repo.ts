import { type RawBuilder, sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import type { Scrubber } from './scrub.ts';

const likeEscape = (v: string) => v.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/** `(lower(a) like '%v%' escape '\' or …)` over the columns and the scrubber's values (digits of a phone as written). */
function mentionsAny(columns: string[], s: Scrubber): RawBuilder<boolean> {
  const terms = columns.flatMap((c) => s.values.map((v) => sql`lower(${sql.ref(c)}) like ${`%${likeEscape(v)}%`} escape '\\'`));
  return terms.length ? sql<boolean>`(${sql.join(terms, sql` or `)})` : sql<boolean>`(1 = 0)`;
}

/**
 * Finds the rows of `table` whose text `columns` mention the person and writes them back scrubbed.
 * For a feature's own tables only (called from its privacy source). Returns how many rows changed.
 * A phone number written differently from the stored spelling is only found when the row also
 * names the person another way; the text check below still catches it once the row is read.
 */
export async function scrubRows(db: Db | Trx, table: string, key: string | string[], columns: string[], s: Scrubber): Promise<number> {
  if (s.isEmpty || !columns.length) return 0;
  const keys = [key].flat();
  const rows = await sql<
    Record<string, string | null>
  >`select ${sql.join([...keys, ...columns].map((c) => sql.ref(c)))} from ${sql.table(table)} where ${mentionsAny(columns, s)}`.execute(db);
  let changed = 0;
  for (const row of rows.rows) {
    const updates = columns.flatMap((c) => {
      const before = row[c];
      if (typeof before !== 'string') return [];
      const after = s.text(before);
      return after === before ? [] : [sql`${sql.ref(c)} = ${after}`];
    });
    if (!updates.length) continue;
    const where = sql.join(
      keys.map((k) => sql`${sql.ref(k)} = ${row[k]}`),
      sql` and `,
    );
    await sql`update ${sql.table(table)} set ${sql.join(updates)} where ${where}`.execute(db);
    changed++;
  }
  return changed;
}

/** How many rows of `table` mention the person in one of `columns`. */
export async function countMentions(db: Db | Trx, table: string, columns: string[], s: Scrubber): Promise<number> {
  if (s.isEmpty) return 0;
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${mentionsAny(columns, s)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The keys of the rows of `table` that mention the person in one of `columns` (for a feature that rewrites them its own way). */
export async function keysMentioning(db: Db | Trx, table: string, key: string, columns: string[], s: Scrubber): Promise<string[]> {
  if (s.isEmpty) return [];
  const r = await sql<Record<string, string>>`select ${sql.ref(key)} from ${sql.table(table)} where ${mentionsAny(columns, s)}`.execute(db);
  return r.rows.map((row) => String(row[key]));
}

/**
 * The `candidates` and `apply` of a retention rule that deletes whole rows once the moment in
 * `column` lies before the rule's cut-off (sign-in links, sessions, unconfirmed sign-ups, …).
 * For a feature's own table only (called from its privacy source).
 */
export function deleteAfter(table: string, key: string, column: string, label: string) {
  return {
    async candidates(db: Db, before: string, limit: number) {
      const rows = await sql<{
        id: string;
        since: string;
      }>`select ${sql.ref(key)} as id, ${sql.ref(column)} as since from ${sql.table(table)}
        where ${sql.ref(column)} < ${before} order by ${sql.ref(column)} limit ${limit}`.execute(db);
      return rows.rows.map((r) => ({ id: String(r.id), since: r.since, label }));
    },
    async apply(trx: Trx, id: string) {
      const r = await sql`delete from ${sql.table(table)} where ${sql.ref(key)} = ${id}`.execute(trx);
      return Number(r.numAffectedRows ?? 0) > 0;
    },
  };
}
