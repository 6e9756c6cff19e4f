import { marked } from 'marked';
import { analyse } from '../../platform/dutch-search.ts';
import { slugify as slugifyText } from '../../platform/names.ts';

/** The three kinds of knowledge the team publishes, with their public addresses. */
export const ITEM_KINDS = {
  article: { label: 'Artikel', plural: 'Artikelen', path: '/kennis/artikelen' },
  chapter: { label: 'Hoofdstuk van de handreiking', plural: 'Hoofdstukken van de handreiking', path: '/handreiking' },
  document: { label: 'Document', plural: 'Documenten', path: '/kennis/documenten' },
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;
export const isItemKind = (v: unknown): v is ItemKind => typeof v === 'string' && v in ITEM_KINDS;

export const BODY_MAX = 60_000;
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 400;
export const PDF_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** How long a chapter stays current after a review, unless the team sets another date. */
export const REVIEW_MONTHS = 12;

export function publicPath(kind: ItemKind, slug: string): string {
  return `${ITEM_KINDS[kind].path}/${slug}`;
}

/** A slug from a title (platform/names.ts). */
export const slugify = (text: string): string => slugifyText(text, 'stuk');

/** Our own uploaded images, the only image source the sanitiser lets through. */
export const IMAGE_PATH = /^\/kennis\/afbeeldingen\/[0-9a-f-]{36}$/;

/**
 * What is wrong with the images in a text, in Dutch (empty when nothing is): every image needs a
 * description (alt text), and may only come from the platform's own uploads.
 */
export function imageProblems(markdown: string): string[] {
  const problems: string[] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type !== 'image') return;
    if (!token.text.trim()) problems.push('Geef elke afbeelding een beschrijving: ![wat er te zien is](adres).');
    if (!IMAGE_PATH.test(token.href))
      problems.push(`Afbeelding ${token.href.slice(0, 60)}: voeg afbeeldingen toe met “Afbeelding toevoegen”.`);
  });
  return [...new Set(problems)];
}

/** Markdown as plain text, for the search and the snippets. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*\|?[\s:|-]+\|?\s*$/gm, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`|~]+/g, ' ')
    .replace(/\s+([.,:;!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** yyyy-mm-dd of a moment, in UTC (review dates are whole days). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The review date a year (REVIEW_MONTHS) after a day. */
export function nextReview(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + REVIEW_MONTHS);
  return isoDay(d);
}

export type ReviewState = 'current' | 'due' | 'flagged';

/** A chapter needs review when its date has passed or when a wording it refers to changed. */
export function reviewState(c: { review_due: string | null; review_reason: string | null }, today: string): ReviewState {
  if (c.review_reason) return 'flagged';
  if (c.review_due && c.review_due < today) return 'due';
  return 'current';
}

/** What a route still has to work on, as the handout reads it. */
export type OpenItems = {
  /** Criteria judged "voldoet deels" or "onduidelijk" by an assessor of the accepted version. */
  criteria: string[];
  /** The conditions of the acceptance (free text), one per line. */
  conditions: string[];
  /** The themes the hogeschool chose in its registration. */
  themes: string[];
};

type HandoutChapter = { id: string; criteria: string[]; themes: string[] };
type CriterionWording = { code: string; title: string };

/** Whether a condition names a criterion: by its code ("C3"), or by all words of its title. */
export function conditionNames(condition: string, c: CriterionWording): boolean {
  if (new RegExp(`\\b${c.code}\\b`, 'i').test(condition)) return true;
  const said = new Set(analyse(condition).split(' '));
  const title = analyse(c.title)
    .split(' ')
    .filter((w) => w.length > 3);
  return title.length > 0 && title.every((w) => said.has(w));
}

export type HandoutReason = { kind: 'verdict' | 'condition' | 'theme'; code: string };

/**
 * The chapters of a route's handout, each with why it is in: the criteria judged partly met or
 * unclear, the criteria its conditions name, and the themes it chose. In guide order.
 */
export function handoutChapters<C extends HandoutChapter>(
  chapters: C[],
  open: OpenItems,
  criteria: CriterionWording[],
): { chapter: C; reasons: HandoutReason[] }[] {
  const named = new Set<string>();
  for (const condition of open.conditions) for (const c of criteria) if (conditionNames(condition, c)) named.add(c.code);
  const out: { chapter: C; reasons: HandoutReason[] }[] = [];
  for (const chapter of chapters) {
    const reasons: HandoutReason[] = [];
    for (const code of chapter.criteria) {
      if (open.criteria.includes(code)) reasons.push({ kind: 'verdict', code });
      if (named.has(code)) reasons.push({ kind: 'condition', code });
    }
    for (const code of chapter.themes) if (open.themes.includes(code)) reasons.push({ kind: 'theme', code });
    if (reasons.length) out.push({ chapter, reasons });
  }
  return out;
}
