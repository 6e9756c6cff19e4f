import type { Db } from '../../db/connect.ts';
import { rowCount } from './rows.ts';
import type { Answers } from './rules.ts';
import { admittedRegistrations, type Registration, registrationById } from './service.ts';
import { stepBySlug } from './steps.ts';

/**
 * What the network reads of a registration to match and link organisations: sector, province,
 * themes and support needs, and the companies (C3), associations and partners (C5) it names.
 */
export type RouteFacts = {
  id: string;
  title: string;
  reference: string | null;
  state: string;
  institutionBrin: string;
  sector: string | null;
  province: string | null;
  themes: string[];
  supportNeeds: string;
  companies: { name: string; kvk: string | null }[];
  associations: string[];
  partners: string[];
};

function table(answers: Answers, slug: string, name: string): Record<string, string>[] {
  const step = stepBySlug(slug);
  const field = step?.fields.find((f) => f.kind === 'rows' && f.name === name);
  if (!field || field.kind !== 'rows') return [];
  const values = answers[slug]?.values ?? {};
  const out: Record<string, string>[] = [];
  for (let i = 1; i <= rowCount(field, values); i++) {
    const row = Object.fromEntries(field.columns.map((c) => [c.name, String(values[`${name}_${i}_${c.name}`] ?? '').trim()]));
    if (Object.values(row).some((v) => v !== '')) out.push(row);
  }
  return out;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function routeFacts(reg: Registration): RouteFacts {
  const a = reg.answers;
  const themes = a.deelname?.values.themes;
  return {
    id: reg.id,
    title: reg.title ?? reg.reference ?? 'Route zonder titel',
    reference: reg.reference,
    state: reg.state,
    institutionBrin: reg.institutionBrin,
    sector: text(a.opleiding?.values.sector) || null,
    province: text(a.opleiding?.values.province) || null,
    themes: Array.isArray(themes) ? themes.map(String) : typeof themes === 'string' && themes ? [themes] : [],
    supportNeeds: text(a.deelname?.values.support_needs),
    companies: table(a, 'mkb-werkplek', 'companies')
      .filter((r) => r.name)
      .map((r) => ({ name: r.name as string, kvk: /^\d{8}$/.test(r.kvk ?? '') ? (r.kvk as string) : null })),
    associations: table(a, 'samen-vormgeven', 'associations')
      .map((r) => r.name ?? '')
      .filter(Boolean),
    partners: table(a, 'samen-vormgeven', 'partners')
      .map((r) => r.name ?? '')
      .filter(Boolean),
  };
}

/** Every admitted route, as the network matches it. */
export async function admittedRouteFacts(db: Db): Promise<RouteFacts[]> {
  return (await admittedRegistrations(db)).map(routeFacts);
}

export async function routeFactsOf(db: Db, id: string): Promise<RouteFacts | null> {
  const reg = await registrationById(db, id);
  return reg ? routeFacts(reg) : null;
}
