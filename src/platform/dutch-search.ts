import { stemmer } from '@orama/stemmers/dutch';

/**
 * Dutch search, the same on both engines (ADR 014). Text is analysed here, in the platform, at
 * index time and at query time: folded to lower-case ASCII, split into words, each word reduced by
 * the Snowball Dutch stemmer, the f/v and s/z alternation made one ("bedrijf"/"bedrijven",
 * "huis"/"huizen"), and the known parts of common compounds added after the text
 * ("transportbedrijven" also carries "transport" and "bedrijf"). The engines then only match
 * plain tokens: FTS5 with its `unicode61` tokenizer, PostgreSQL with the `simple` configuration.
 * Changing anything here changes what is stored: raise ANALYSER_VERSION and every index is
 * rebuilt at the next start.
 */
export const ANALYSER_VERSION = '1';

/** Words that take part in compounds in this field; a compound containing one is also found by its parts. */
const COMPOUND_PARTS = [
  'bedrijf bedrijven opleiding opleidingen begeleiding begeleider begeleiders zorg bouw techniek',
  'technologie transport logistiek onderwijs werk werken werkplek werkplekken plek plekken leren',
  'praktijk branche branches vereniging verenigingen school scholen student studenten regeling',
  'regelingen scholing overeenkomst overeenkomsten route routes traject trajecten ondernemer',
  'ondernemers sector handel installatie energie gezondheid welzijn kinderopvang horeca toerisme',
  'landbouw voedsel industrie metaal financiering subsidie kwaliteit personeel werkgever werkgevers',
  'werknemer werknemers docent docenten curriculum toetsing werving samenwerking netwerk software data',
  'zorgverlening',
]
  .join(' ')
  .split(' ')
  .sort((a, b) => b.length - a.length);
/** Short parts that only count at the start of a word ("mkb-bedrijf" is split already; "mkbroute" is not). */
const LEADING_PARTS = ['mkb', 'hbo', 'mbo', 'ict'];

/** Words left out of a query's required terms (kept inside a quoted phrase): they are in nearly every text. */
const STOPWORDS = new Set(
  'de het een en van in op te dat die voor met is aan er om als bij of naar zijn tot ook door over uit dan wat we wij u je ze'.split(' '),
);

/** Lower-case, accents removed, ligatures split: the form every word is compared in. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The words of a text, folded; letters and digits only. */
export function words(text: string): string[] {
  return (fold(text).match(/[a-z0-9]+/g) ?? []).map((w) => (w.length > 40 ? w.slice(0, 40) : w));
}

const stemCache = new Map<string, string>();

/** One word's index form: its Snowball stem, a final double consonant made single, and a final v → f and z → s. */
export function stem(word: string): string {
  let hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  hit = /^[0-9]+$/.test(word) || word.length < 3 ? word : stemmer(word);
  // Snowball undoubles only kk, dd and tt: "salarissen" and "lessen" keep a double s.
  if (hit.length > 3) hit = hit.replace(/([bcdfghjklmnpqrstvwxz])\1$/, '$1');
  if (hit.length > 2) hit = hit.replace(/v$/, 'f').replace(/z$/, 's');
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(word, hit);
  return hit;
}

/** The stems of the known parts inside a compound word (none for a word that is not one). */
export function compoundParts(word: string): string[] {
  if (word.length < 7) return [];
  const found = new Set<string>();
  const add = (w: string) => {
    if (w.length >= 3) found.add(stem(w));
  };
  for (const part of COMPOUND_PARTS) {
    if (word.length - part.length < 3) continue;
    if (word.endsWith(part)) {
      add(part);
      const head = word.slice(0, -part.length);
      // The linking s of "bedrijfsopleiding".
      add(head.endsWith('s') && head.length > 4 ? head.slice(0, -1) : head);
      break;
    }
  }
  for (const part of [...COMPOUND_PARTS, ...LEADING_PARTS]) {
    if (word.length - part.length < 4 || !word.startsWith(part)) continue;
    add(part);
    const tail = word.slice(part.length);
    add(tail.startsWith('s') && !part.endsWith('s') && tail.length > 4 ? tail.slice(1) : tail);
    break;
  }
  found.delete(stem(word));
  return [...found];
}

/**
 * A text as the engines index it: the stems in their order (so a quoted phrase finds them next to
 * each other), then the parts of its compounds.
 */
export function analyse(text: string): string {
  const all = words(text);
  const stems = all.map(stem);
  const parts = new Set<string>();
  for (const w of all) for (const p of compoundParts(w)) parts.add(p);
  return parts.size ? `${stems.join(' ')} ${[...parts].join(' ')}` : stems.join(' ');
}

/** A search as the user typed it, reduced to what the engines can match. */
export type SearchQuery = {
  /** Required words (stems), each also matching longer words that start with it. */
  terms: string[];
  /** Quoted phrases: stems that must stand next to each other in this order. */
  phrases: string[][];
  /** Words after a minus: no result contains them. */
  excluded: string[];
};

const MAX_INPUT = 500;
const MAX_TERMS = 8;

/**
 * Reads a search: words, "exact phrases" and -exclusions. Anything else (operators, brackets,
 * stars, 10 kB of text) is reduced to words; never throws. Null when nothing is left to look for
 * (only excluded words match nothing useful).
 */
export function parseQuery(input: string): SearchQuery | null {
  // A long input is cut at a space, so no half word becomes a term.
  const cut = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT).replace(/\s+\S*$/, '') || input.slice(0, MAX_INPUT) : input;
  const text = fold(cut);
  const phrases: string[][] = [];
  const excluded: string[] = [];
  const terms: string[] = [];
  // Quoted phrases first; an unclosed quote just ends the phrase at the end of the input.
  const rest = text.replace(/"([^"]*)("|$)/g, (_, inner: string) => {
    const ws = words(inner);
    if (ws.length === 1) terms.push(ws[0] as string);
    else if (ws.length > 1) phrases.push(ws.slice(0, MAX_TERMS).map(stem));
    return ' ';
  });
  for (const token of rest.split(/\s+/)) {
    const negative = token.startsWith('-');
    for (const w of words(token)) {
      if (negative) excluded.push(stem(w));
      else terms.push(w);
    }
  }
  const meaningful = terms.filter((w) => !STOPWORDS.has(w));
  const required = [...new Set((meaningful.length || phrases.length ? meaningful : terms).map((w) => (STOPWORDS.has(w) ? w : stem(w))))];
  const result = {
    terms: required.slice(0, MAX_TERMS),
    phrases: phrases.slice(0, 3),
    excluded: [...new Set(excluded)].slice(0, MAX_TERMS),
  };
  return result.terms.length || result.phrases.length ? result : null;
}

/** The query as an FTS5 MATCH expression (tokens are [a-z0-9] only, so quoting is safe). */
export function fts5Match(q: SearchQuery): string {
  const positive = [...q.terms.map((t) => `"${t}"*`), ...q.phrases.map((p) => `"${p.join(' ')}"`)].join(' AND ');
  return q.excluded.reduce((expr, x) => `${expr} NOT "${x}"`, `(${positive})`);
}

/** The query as PostgreSQL `to_tsquery('simple', …)` text. */
export function tsQuery(q: SearchQuery): string {
  return [...q.terms.map((t) => `${t}:*`), ...q.phrases.map((p) => `(${p.join(' <-> ')})`), ...q.excluded.map((x) => `!${x}`)].join(' & ');
}

/** Every stem a result is highlighted for. */
function wanted(q: SearchQuery): string[] {
  return [...q.terms, ...q.phrases.flat()];
}

function matches(word: string, stems: string[]): boolean {
  const s = stem(word);
  const parts = compoundParts(word);
  return stems.some((t) => s.startsWith(t) || parts.includes(t));
}

export type SnippetPart = { text: string; mark: boolean };

/**
 * The piece of a text around its first match, as plain parts to render (the view escapes them),
 * with the matching words marked. Falls back to the text's opening.
 */
export function snippet(text: string, q: SearchQuery | null, max = 200): SnippetPart[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  const stems = q ? wanted(q) : [];
  const pieces = clean.split(/(\p{L}[\p{L}\p{N}]*|\p{N}+)/u);
  let first = -1;
  for (let i = 1; i < pieces.length; i += 2) {
    if (stems.length && matches(fold(pieces[i] as string), stems)) {
      first = i;
      break;
    }
  }
  // Start a little before the first match, at a word boundary.
  let start = 0;
  if (first > 0) {
    let chars = 0;
    start = first;
    while (start > 1 && chars < 60) {
      start -= 1;
      chars += (pieces[start] as string).length;
    }
    if (start % 2 === 0) start += 1;
    if (start <= 1) start = 0;
  }
  const out: SnippetPart[] = start > 0 ? [{ text: '… ', mark: false }] : [];
  let length = 0;
  for (let i = start; i < pieces.length && length < max; i++) {
    const piece = pieces[i] as string;
    const mark = i % 2 === 1 && stems.length > 0 && matches(fold(piece), stems);
    const last = out[out.length - 1];
    if (last && !mark && !last.mark) last.text += piece;
    else out.push({ text: piece, mark });
    length += piece.length;
  }
  if (length >= max && start + 1 < pieces.length) out.push({ text: ' …', mark: false });
  return out.filter((p) => p.text.length > 0);
}
