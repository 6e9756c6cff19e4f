import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { analyse, fts5Match, type SearchQuery, tsQuery } from '../../platform/dutch-search.ts';
import type { SearchEntryTable } from './tables.ts';

type Db = Kysely<Database>;

/** Writes an entry and its index row in the same transaction (the caller's). */
export async function saveEntry(db: Db, row: SearchEntryTable): Promise<void> {
  const { key, ...rest } = row;
  if (isPostgres(db)) {
    const search = sql`setweight(to_tsvector('simple', ${analyse(row.title)}), 'A') || setweight(to_tsvector('simple', ${analyse(row.text)}), 'B')`;
    await db
      .insertInto('search_entries')
      .values({ ...row, search } as never)
      .onConflict((oc) => oc.column('key').doUpdateSet({ ...rest, search } as never))
      .execute();
    return;
  }
  await db
    .insertInto('search_entries')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet(rest))
    .execute();
  await sql`delete from search_entries_fts where key = ${key}`.execute(db);
  await sql`insert into search_entries_fts (key, title, body) values (${key}, ${analyse(row.title)}, ${analyse(row.text)})`.execute(db);
}

export async function deleteEntry(db: Db, key: string): Promise<void> {
  await db.deleteFrom('search_entries').where('key', '=', key).execute();
  if (!isPostgres(db)) await sql`delete from search_entries_fts where key = ${key}`.execute(db);
}

export async function allEntries(db: Db): Promise<SearchEntryTable[]> {
  return db
    .selectFrom('search_entries')
    .select(['key', 'kind', 'ref_id', 'title', 'text', 'url', 'themes', 'audiences', 'updated_at'])
    .execute();
}

export type EntryFilters = { theme?: string; audience?: string; kind?: string };

function matching(db: Db, q: SearchQuery, f: EntryFilters) {
  return db
    .selectFrom('search_entries')
    .$if(isPostgres(db), (qb) => qb.where(sql<boolean>`search @@ to_tsquery('simple', ${tsQuery(q)})`))
    .$if(!isPostgres(db), (qb) =>
      qb.where('key', 'in', sql<string>`(select key from search_entries_fts where search_entries_fts match ${fts5Match(q)})`),
    )
    .$if(Boolean(f.theme), (qb) => qb.where('themes', 'like', `% ${f.theme} %`))
    .$if(Boolean(f.audience), (qb) => qb.where('audiences', 'like', `% ${f.audience} %`))
    .$if(Boolean(f.kind), (qb) => qb.where('kind', '=', f.kind as string));
}

export async function countByKind(db: Db, q: SearchQuery, f: EntryFilters): Promise<Map<string, number>> {
  const rows = await matching(db, q, f)
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .execute();
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

/**
 * The best matches of one kind: title matches weigh ten times body matches (bm25 column weights
 * on SQLite, A/B weights of ts_rank on PostgreSQL); ties by title.
 */
export async function topOfKind(db: Db, q: SearchQuery, f: EntryFilters, kind: string, limit: number, offset: number) {
  if (isPostgres(db)) {
    return matching(db, q, { ...f, kind })
      .select(['key', 'kind', 'ref_id', 'title', 'text', 'url', 'updated_at'])
      .orderBy(sql`ts_rank('{0.1, 0.1, 0.1, 1.0}', search, to_tsquery('simple', ${tsQuery(q)}))`, 'desc')
      .orderBy('title')
      .limit(limit)
      .offset(offset)
      .execute();
  }
  const rows = await sql<{ key: string; kind: string; ref_id: string; title: string; text: string; url: string; updated_at: string }>`
    select e.key, e.kind, e.ref_id, e.title, e.text, e.url, e.updated_at
    from search_entries_fts f join search_entries e on e.key = f.key
    where search_entries_fts match ${fts5Match(q)} and e.kind = ${kind}
      ${f.theme ? sql`and e.themes like ${`% ${f.theme} %`}` : sql``}
      ${f.audience ? sql`and e.audiences like ${`% ${f.audience} %`}` : sql``}
    order by bm25(search_entries_fts, 0.0, 10.0, 1.0), e.title
    limit ${limit} offset ${offset}`.execute(db);
  return rows.rows;
}

/** Entries of one theme (the theme pages), newest first. */
export async function entriesWithTheme(db: Db, theme: string, kinds: string[]) {
  return db
    .selectFrom('search_entries')
    .select(['key', 'kind', 'ref_id', 'title', 'text', 'url', 'updated_at'])
    .where('themes', 'like', `% ${theme} %`)
    .where('kind', 'in', kinds)
    .orderBy('updated_at', 'desc')
    .limit(50)
    .execute();
}
