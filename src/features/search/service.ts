import type { Db, Trx } from '../../db/connect.ts';
import { ANALYSER_VERSION, parseQuery, type SearchQuery, type SnippetPart, snippet } from '../../platform/dutch-search.ts';
import { getSetting, setSetting } from '../../platform/settings/repo.ts';
import { allEntries, countByKind, deleteEntry, type EntryFilters, entriesWithTheme, saveEntry, topOfKind } from './repo.ts';

/** What the search finds, in the order the results page shows the groups. */
export const KINDS = [
  { value: 'chapter', label: 'Handreiking', singular: 'hoofdstuk' },
  { value: 'article', label: 'Artikelen', singular: 'artikel' },
  { value: 'document', label: 'Documenten', singular: 'document' },
  { value: 'story', label: 'Succesverhalen', singular: 'verhaal' },
  { value: 'route', label: 'Routes', singular: 'route' },
] as const;
export type SearchKind = (typeof KINDS)[number]['value'];

/** A published item as the search knows it; written by the feature that owns the item. */
export type SearchItem = {
  kind: SearchKind;
  id: string;
  title: string;
  /** Plain text (no Markdown): summary and body. */
  text: string;
  url: string;
  themes: string[];
  audiences: string[];
  updatedAt: string;
};

const TEXT_MAX = 4_000;
const codes = (list: string[]) => (list.length ? ` ${list.join(' ')} ` : ' ');

/** Adds or replaces an item, in the caller's transaction (so it is searchable exactly when it is public). */
export async function indexItem(trx: Trx | Db, item: SearchItem): Promise<void> {
  await saveEntry(trx, {
    key: `${item.kind}:${item.id}`,
    kind: item.kind,
    ref_id: item.id,
    title: item.title,
    text: item.text.replace(/\s+/g, ' ').trim().slice(0, TEXT_MAX),
    url: item.url,
    themes: codes(item.themes),
    audiences: codes(item.audiences),
    updated_at: item.updatedAt,
  });
}

/** Removes an item that is no longer public. */
export async function unindexItem(trx: Trx | Db, kind: SearchKind, id: string): Promise<void> {
  await deleteEntry(trx, `${kind}:${id}`);
}

export type SearchHit = { kind: SearchKind; id: string; title: string; url: string; snippet: SnippetPart[]; updatedAt: string };
export type SearchGroup = { kind: SearchKind; label: string; count: number; hits: SearchHit[] };
export type SearchResult = { query: SearchQuery | null; groups: SearchGroup[]; total: number };

const PER_GROUP = 5;
export const PER_PAGE = 20;

/**
 * The site-wide search: counts per kind and the best hits of each (or one page of one kind when
 * `kind` is chosen). Input of any size or shape is reduced to words; never throws for input.
 */
export async function searchSite(db: Db, input: string, filters: EntryFilters, page = 1): Promise<SearchResult> {
  const query = parseQuery(input);
  if (!query) return { query, groups: [], total: 0 };
  const counts = await countByKind(db, query, filters);
  const kinds = KINDS.filter((k) => (counts.get(k.value) ?? 0) > 0 && (!filters.kind || filters.kind === k.value));
  const groups = await Promise.all(
    kinds.map(async (k): Promise<SearchGroup> => {
      const limit = filters.kind ? PER_PAGE : PER_GROUP;
      const rows = await topOfKind(db, query, filters, k.value, limit, filters.kind ? (page - 1) * PER_PAGE : 0);
      return {
        kind: k.value,
        label: k.label,
        count: counts.get(k.value) ?? 0,
        hits: rows.map((r) => ({
          kind: k.value,
          id: r.ref_id,
          title: r.title,
          url: r.url,
          snippet: snippet(r.text, query),
          updatedAt: r.updated_at,
        })),
      };
    }),
  );
  return { query, groups, total: [...counts.values()].reduce((a, b) => a + b, 0) };
}

/** Published items of one theme, for the theme pages: stories and routes by their owners' choice of theme. */
export async function itemsWithTheme(db: Db, theme: string, kinds: SearchKind[]) {
  return (await entriesWithTheme(db, theme, kinds)).map((r) => ({
    kind: r.kind as SearchKind,
    id: r.ref_id,
    title: r.title,
    url: r.url,
    summary: r.text.slice(0, 200),
    updatedAt: r.updated_at,
  }));
}

const ANALYSER_SETTING = 'search_entries_analyser';

/** Writes every entry's index again from its stored text (after an import, or a new analyser). Returns the count. */
export async function rebuildSearchEntries(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await allEntries(trx);
    for (const row of rows) await saveEntry(trx, row);
    await setSetting(trx, ANALYSER_SETTING, ANALYSER_VERSION);
    return rows.length;
  });
}

/** Re-analyses every entry when the Dutch analyser changed since they were written. */
export async function ensureSearchEntries(db: Db): Promise<boolean> {
  if ((await getSetting(db, ANALYSER_SETTING)) === ANALYSER_VERSION) return false;
  await rebuildSearchEntries(db);
  return true;
}
