import { slugify as slugifyText } from '../../platform/names.ts';
import type { Answers } from '../registrations/index.ts';
import { chosenThemes, LEVELS, MODES, PARTICIPATION, TARGET_GROUPS } from '../registrations/index.ts';

export const PAGE_SIZE = 20;

export type RouteFacts = {
  title: string;
  level: string;
  mode: string;
  sector: string;
  province: string;
  croho: string | null;
  description: string | null;
  locations: string | null;
  targetGroups: string[] | null;
  partners: { name: string; role: string }[] | null;
  themes: string[];
  contactName: string | null;
  contactEmail: string | null;
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * What of a registration may be public: the basic facts of the programme once the hogeschool gave
 * any consent to publish, and each further field only with its own consent. No consent: null.
 */
export function publicFacts(answers: Answers): RouteFacts | null {
  const consent = answers.publicatie?.values.publish;
  const consented = new Set(Array.isArray(consent) ? consent : typeof consent === 'string' && consent ? [consent] : []);
  if (consented.size === 0) return null;
  const p = answers.opleiding?.values ?? {};
  const r = answers.route?.values ?? {};
  const o = answers.organisatie?.values ?? {};
  const c5 = answers['samen-vormgeven']?.values ?? {};
  const partners: { name: string; role: string }[] = [];
  for (const prefix of ['associations', 'partners']) {
    for (let i = 1; i <= 6; i++) {
      const name = str(c5[`${prefix}_${i}_name`]);
      if (name) partners.push({ name, role: str(c5[`${prefix}_${i}_role`]) ?? '' });
    }
  }
  const groups = r.target_groups;
  return {
    title: str(p.programme_name) ?? 'Opleiding',
    level: str(p.level) ?? 'BA',
    mode: str(p.mode) ?? 'duaal',
    sector: str(p.sector) ?? '',
    province: str(p.province) ?? '',
    croho: str(p.croho),
    description: consented.has('description') ? str(r.description) : null,
    locations: consented.has('locations') ? str(p.locations) : null,
    targetGroups: consented.has('target_groups') ? (Array.isArray(groups) ? groups : groups ? [String(groups)] : []) : null,
    partners: consented.has('partners') ? partners : null,
    themes: chosenThemes(answers),
    contactName: consented.has('contact') ? str(o.contact_name) : null,
    contactEmail: consented.has('contact') ? str(o.contact_email) : null,
  };
}

/** A route's address from its name (platform/names.ts). */
export const slugify = (text: string): string => slugifyText(text, 'route');

export const LEVEL_LABELS = Object.fromEntries(LEVELS.map((o) => [o.value, o.label]));
export const MODE_LABELS = Object.fromEntries(MODES.map((o) => [o.value, o.label]));
export const PARTICIPATION_NAMES = Object.fromEntries(PARTICIPATION.map((o) => [o.value, o.label]));
export const TARGET_GROUP_LABELS = Object.fromEntries(TARGET_GROUPS.map((o) => [o.value, o.label]));

// ---------------------------------------------------------------- the map

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** SVG path data for RD New geometry (metres, y up) in a box `width` wide, north up. */
export function projectProvinces(features: { name: string; geometry: Geometry }[], width = 480) {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const polygons = (g: Geometry): Ring[][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  for (const f of features) {
    for (const poly of polygons(f.geometry)) {
      for (const ring of poly) {
        for (const [x, y] of ring) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
  }
  const scale = width / (maxX - minX);
  const height = Math.ceil((maxY - minY) * scale);
  const paths = features.map((f) => ({
    name: f.name,
    d: polygons(f.geometry)
      .flatMap((poly) =>
        poly.map((ring) => `M${ring.map(([x, y]) => `${((x - minX) * scale).toFixed(1)} ${((maxY - y) * scale).toFixed(1)}`).join('L')}Z`),
      )
      .join(''),
  }));
  return { width, height, paths };
}

/** Shading steps for the map: 0 routes, then four steps up to the maximum. */
export function shade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

/** The map's legend: which numbers of routes each shade stands for (shades no province can get are left out). */
export function shadeLegend(max: number): { step: number; label: string }[] {
  const words = (lo: number, hi: number) => (lo === hi ? `${lo} ${lo === 1 ? 'route' : 'routes'}` : `${lo} tot en met ${hi} routes`);
  const legend = [{ step: 0, label: 'geen routes' }];
  for (let step = 1; step <= 4 && max > 0; step++) {
    const lo = Math.floor(((step - 1) * max) / 4) + 1;
    const hi = Math.floor((step * max) / 4);
    if (lo <= hi) legend.push({ step, label: words(lo, hi) });
  }
  return legend;
}
