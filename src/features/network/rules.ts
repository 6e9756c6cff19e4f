import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The network's pure decisions: what an organisation is and offers, how a KvK number and a website
 * are checked, which records look like duplicates, which partners fit a route (a small rule table,
 * every suggestion with its reasons in words) and the introduction's states.
 */

export const KINDS = [
  { value: 'mkb', label: 'Mkb-bedrijf' },
  { value: 'branche', label: 'Brancheorganisatie' },
  { value: 'anders', label: 'Anders' },
] as const;

export const SIZES = [
  { value: '1-9', label: '1 tot 10 medewerkers' },
  { value: '10-49', label: '10 tot 50 medewerkers' },
  { value: '50-249', label: '50 tot 250 medewerkers' },
] as const;

/** What an organisation offers a route, or seeks from one. */
export const OFFERS = [
  { value: 'leerwerkplekken', label: 'Leerwerkplekken' },
  { value: 'praktijkbegeleiders', label: 'Praktijkbegeleiders' },
  { value: 'gastlessen', label: 'Gastlessen' },
  { value: 'curriculum', label: 'Meedenken over het curriculum' },
  { value: 'werving', label: 'Werving van studenten' },
] as const;
export type Offer = (typeof OFFERS)[number]['value'];

export const offerLabel = (v: string) => OFFERS.find((o) => o.value === v)?.label ?? v;
export const kindLabel = (v: string) => KINDS.find((k) => k.value === v)?.label ?? v;
export const sizeLabel = (v: string | null) => SIZES.find((s) => s.value === v)?.label ?? '';

/** A KvK number: exactly eight digits. */
export const isKvk = (v: string) => /^\d{8}$/.test(v);

/** A website the directory may link to: http(s) with a host, nothing else. */
export function websiteError(v: string): string | null {
  if (!v) return null;
  try {
    const u = new URL(v);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'Een website begint met https:// of http://';
    if (!u.hostname.includes('.')) return 'Vul het volledige adres van de website in, zoals https://www.bedrijf.nl';
    return null;
  } catch {
    return 'Vul het volledige adres van de website in, zoals https://www.bedrijf.nl';
  }
}

/** A name as compared for duplicates: lower case, without legal forms, punctuation and spaces. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s*&\s*/g, ' en ')
    .replace(/\b(b\.?\s?v\.?|n\.?\s?v\.?|v\.?\s?o\.?\s?f\.?|holding|groep|group)(?=\s|$|\.)/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

/** Two records that may be the same organisation, and why (or null). */
export function duplicateReason(
  a: { kvk: string | null; name: string; place: string | null },
  b: { kvk: string | null; name: string; place: string | null },
): string | null {
  if (a.kvk && b.kvk && a.kvk === b.kvk) return `zelfde KvK-nummer (${a.kvk})`;
  const same = nameKey(a.name) !== '' && nameKey(a.name) === nameKey(b.name);
  if (!same) return null;
  const pa = (a.place ?? '').trim().toLowerCase();
  const pb = (b.place ?? '').trim().toLowerCase();
  if (pa && pb && pa === pb) return `zelfde naam in ${a.place}`;
  if (!pa || !pb) return 'zelfde naam (plaats onbekend)';
  return null;
}

// ---------------------------------------------------------------- suggestions

/** The twelve provinces and the ones they border (by land or by the Afsluitdijk). */
export const NEIGHBOURS: Record<string, string[]> = {
  Groningen: ['Fryslân', 'Drenthe'],
  Fryslân: ['Groningen', 'Drenthe', 'Overijssel', 'Flevoland', 'Noord-Holland'],
  Drenthe: ['Groningen', 'Fryslân', 'Overijssel'],
  Overijssel: ['Drenthe', 'Fryslân', 'Flevoland', 'Gelderland'],
  Flevoland: ['Fryslân', 'Overijssel', 'Gelderland', 'Utrecht', 'Noord-Holland'],
  Gelderland: ['Overijssel', 'Flevoland', 'Utrecht', 'Zuid-Holland', 'Noord-Brabant', 'Limburg'],
  Utrecht: ['Noord-Holland', 'Flevoland', 'Gelderland', 'Zuid-Holland'],
  'Noord-Holland': ['Fryslân', 'Flevoland', 'Utrecht', 'Zuid-Holland'],
  'Zuid-Holland': ['Noord-Holland', 'Utrecht', 'Gelderland', 'Noord-Brabant', 'Zeeland'],
  Zeeland: ['Zuid-Holland', 'Noord-Brabant'],
  'Noord-Brabant': ['Zeeland', 'Zuid-Holland', 'Gelderland', 'Limburg'],
  Limburg: ['Noord-Brabant', 'Gelderland'],
};

/** What a route looks for, read from its registration: its themes and the words of its support needs. */
export function routeNeeds(route: { themes: string[]; supportNeeds: string }): Offer[] {
  const needs = new Set<Offer>(['leerwerkplekken']);
  const text = route.supportNeeds.toLowerCase();
  if (route.themes.includes('supervision') || /praktijkbegeleid|begeleiding op de werkplek/.test(text)) needs.add('praktijkbegeleiders');
  if (route.themes.includes('recruitment') || /werving|werven|instroom/.test(text)) needs.add('werving');
  if (route.themes.includes('curriculum') || /curriculum|onderwijsprogramma|meedenken/.test(text)) needs.add('curriculum');
  if (route.themes.includes('cooperation') || /gastles|gastcollege/.test(text)) needs.add('gastlessen');
  return OFFERS.map((o) => o.value).filter((v) => needs.has(v));
}

export type MatchRoute = { id: string; title: string; sector: string | null; province: string | null; needs: Offer[] };
export type MatchOrganisation = { id: string; name: string; sectors: string[]; province: string | null; offers: Offer[] };

/** One line of a suggestion: what was compared, and whether it matched. */
export type Reason = { rule: string; text: string; match: 'ja' | 'deels' | 'nee' };
export type Suggestion = { points: number; reasons: Reason[] };

/**
 * The rule table. Each rule gives points and a line in words; a pair is suggested only when its
 * sector or its province fits and the organisation offers something the route looks for.
 *
 * | rule       | ja | deels (points)                 | nee |
 * | sector     | 3  | —                              | 0   |
 * | provincie  | 2  | buurprovincie (1)              | 0   |
 * | aanbod     | 2 per need the organisation offers | 0 |
 */
export const RULES = { sector: 3, province: 2, neighbour: 1, perOffer: 2 } as const;

export function suggest(route: MatchRoute, org: MatchOrganisation, sectorName: (code: string) => string): Suggestion | null {
  const reasons: Reason[] = [];
  let points = 0;
  if (route.sector) {
    const same = org.sectors.includes(route.sector);
    points += same ? RULES.sector : 0;
    reasons.push({
      rule: 'sector',
      match: same ? 'ja' : 'nee',
      text: `sector ${sectorName(route.sector).toLowerCase()}: ${same ? 'ja' : 'nee'}`,
    });
  }
  if (route.province) {
    const same = org.province === route.province;
    const near = !same && org.province !== null && (NEIGHBOURS[route.province] ?? []).includes(org.province);
    points += same ? RULES.province : near ? RULES.neighbour : 0;
    reasons.push({
      rule: 'provincie',
      match: same ? 'ja' : near ? 'deels' : 'nee',
      text: `provincie ${route.province}: ${same ? 'ja' : near ? `buurprovincie (${org.province})` : org.province ? `nee (${org.province})` : 'onbekend'}`,
    });
  }
  let offered = 0;
  for (const need of route.needs) {
    const has = org.offers.includes(need);
    if (has) offered++;
    points += has ? RULES.perOffer : 0;
    reasons.push({
      rule: `aanbod:${need}`,
      match: has ? 'ja' : 'nee',
      text: `zoekt ${offerLabel(need).toLowerCase()}: ${has ? 'ja' : 'nee'}`,
    });
  }
  const fits = reasons.some((r) => (r.rule === 'sector' || r.rule === 'provincie') && r.match !== 'nee');
  if (!fits || offered === 0) return null;
  return { points, reasons };
}

/**
 * Suggestions for one side, best first (ties by name): never a pair that already works together,
 * and never a pair that declined an introduction before.
 */
export function rank<T extends { id: string; name: string }>(
  candidates: { item: T; suggestion: Suggestion | null }[],
  excluded: Set<string>,
): { item: T; suggestion: Suggestion }[] {
  return candidates
    .filter((c): c is { item: T; suggestion: Suggestion } => c.suggestion !== null && !excluded.has(c.item.id))
    .sort((a, b) => b.suggestion.points - a.suggestion.points || a.item.name.localeCompare(b.item.name, 'nl'));
}

// ---------------------------------------------------------------- introductions

/**
 * proposed → (organisation asked) → `asked_org`
 *   org "ja" → `asked_route`; org "nee" → `declined_org`; org "nu niet" → `later`
 * asked_route: route "ja" → `introduced` (one mail to both); "nee" → `declined_route`
 * introduced → after the set weeks the team records the outcome → `closed`
 */
export const INTRO_STATES = ['asked_org', 'asked_route', 'introduced', 'declined_org', 'declined_route', 'later', 'closed'] as const;
export type IntroState = (typeof INTRO_STATES)[number];
export const INTRO_LABELS: Record<IntroState, string> = {
  asked_org: 'Organisatie gevraagd',
  asked_route: 'Route gevraagd',
  introduced: 'Voorgesteld aan elkaar',
  declined_org: 'Organisatie zei nee',
  declined_route: 'Route zei nee',
  later: 'Organisatie: nu niet',
  closed: 'Afgerond',
};
export const OPEN_INTRO: IntroState[] = ['asked_org', 'asked_route'];
export const DECLINED: IntroState[] = ['declined_org', 'declined_route'];
export const ANSWERS = ['ja', 'nee', 'later'] as const;
export type Answer = (typeof ANSWERS)[number];

export const OUTCOMES = [
  { value: 'partner', label: 'Partner van de route geworden' },
  { value: 'verhaal', label: 'Een succesverhaal' },
  { value: 'bijeenkomst', label: 'Samen op een bijeenkomst' },
  { value: 'niets', label: 'Niets (meer) uit voortgekomen' },
] as const;
export const outcomeLabel = (v: string | null) => OUTCOMES.find((o) => o.value === v)?.label ?? '';

/** Who answers next, and what an answer makes of the introduction; null when that side may not answer now. */
export function answerIntro(state: IntroState, side: 'org' | 'route', answer: Answer): IntroState | null {
  if (side === 'org' && state === 'asked_org') return answer === 'ja' ? 'asked_route' : answer === 'nee' ? 'declined_org' : 'later';
  if (side === 'route' && state === 'asked_route') return answer === 'ja' ? 'introduced' : answer === 'later' ? null : 'declined_route';
  return null;
}

/** The signed part of an answer link: only its own side, its own introduction, its nonce. */
export function signIntro(secret: string, id: string, side: 'org' | 'route', nonce: string): string {
  return createHmac('sha256', secret).update(`introduction:${id}:${side}:${nonce}`).digest('base64url');
}

export function verifyIntro(secret: string, id: string, side: 'org' | 'route', nonce: string, signature: unknown): boolean {
  if (typeof signature !== 'string' || signature.length > 100) return false;
  const expected = Buffer.from(signIntro(secret, id, side, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A slug for the directory: the name in lower-case words, and a suffix when taken. */
export function slugOf(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return base || 'organisatie';
}
