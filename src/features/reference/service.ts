import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/connect.ts';
import { dataVersion } from '../../platform/view-cache.ts';
import { ensureShippedDomains } from './domains.ts';
import {
  ensureFirstCriterionVersions,
  findInstitution as findInstitutionRow,
  insertMissingReferenceData,
  listChoiceData,
  listCriteria,
  listCriterionVersions,
  listInstitutions,
} from './repo.ts';

const file = (name: string) => readFileSync(new URL(`../../reference/${name}`, import.meta.url), 'utf8');

export type Institution = { brin: string; name: string; shortName: string | null; city: string; province: string };
export type Criterion = { code: string; title: string; description: string };

/** The criteria as first worded; the team can reword them later (they are data, not code). */
const CRITERIA = [
  {
    code: 'C1',
    title: 'Werkend leren',
    description:
      'Het is een Associate degree- of bacheloropleiding waarin leren en werken tegelijk gebeuren en met elkaar verbonden zijn; het meeste leren vindt plaats op de werkplek.',
  },
  {
    code: 'C2',
    title: 'Werkplek in het mkb',
    description: 'De student werkt bij een mkb-bedrijf: een organisatie met minder dan 250 medewerkers.',
  },
  {
    code: 'C3',
    title: 'Driepartijenovereenkomst',
    description:
      'Student, hogeschool en mkb-bedrijf sluiten samen een overeenkomst af (bij een duale opleiding de praktijkovereenkomst van artikel 7.7 WHW).',
  },
  {
    code: 'C4',
    title: 'Salaris',
    description: 'De student krijgt voor het werk salaris van de werkgever.',
  },
  {
    code: 'C5',
    title: 'Samen vormgegeven',
    description: 'Bedrijven, brancheverenigingen en de hogeschool geven de opleidingsroute samen vorm en blijven daar samen bij betrokken.',
  },
];

/** Who a piece of knowledge or an event is for (codes stored with the item). */
export const AUDIENCES: Record<string, string> = {
  hogeschool: 'Hogescholen',
  mkb: 'Mkb-bedrijven',
  branche: 'Brancheverenigingen',
};

/** Learning-network themes as first worded; editable data like the criteria. */
const THEMES = [
  { code: 'vision', name: 'Visie en concept' },
  { code: 'recruitment', name: 'Werving en doelgroepen' },
  { code: 'curriculum', name: 'Curriculum' },
  { code: 'cooperation', name: 'Samenwerking met bedrijven en branche' },
  { code: 'supervision', name: 'Praktijkbegeleiding' },
  { code: 'funding', name: 'Financiering en scholingsregelingen' },
  { code: 'agreement', name: 'Tripartiete overeenkomst' },
];

export function readReferenceFiles() {
  const institutions = (parse(file('hogescholen.csv'), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((r) => ({
    brin: r.brin ?? '',
    name: r.name ?? '',
    short_name: r.short_name || null,
    city: r.city ?? '',
    province: r.province ?? '',
    website: r.website || null,
  }));
  const sectors = (parse(file('sectors.csv'), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((r) => ({
    code: r.code ?? '',
    name_nl: r.name_nl ?? '',
    name_en: r.name_en ?? '',
  }));
  const geo = JSON.parse(file('provinces.geojson')) as { features: { properties: { statcode: string; statnaam: string } }[] };
  const provinces = geo.features.map((f) => ({ code: f.properties.statcode, name: f.properties.statnaam }));
  const criteria = CRITERIA.map((c, i) => ({ ...c, position: i + 1 }));
  const themes = THEMES.map((t, i) => ({ ...t, position: i + 1 }));
  return { institutions, sectors, provinces, criteria, themes };
}

/**
 * The choice lists, kept in memory per process under the reference version (a counter in the
 * settings table, read synchronously on SQLite): the data is loaded at start-up, and a change of
 * wording (wording.ts) raises the version in its transaction, so every process reads the lists
 * again on its next request.
 */
const optionCache = new WeakMap<
  Db,
  { version: string; lists: Promise<Record<'institutions' | 'sectors' | 'provinces' | 'themes', Option[]>> }
>();

/** Raised with every change of wording (wording.ts), so every process reads the lists again. */
export const REFERENCE_VERSION = 'reference_version';

export function referenceDataChanged(db: Db): void {
  optionCache.delete(db);
}

/** Loads the reference data the project ships into a database; safe to run at every start. */
export async function ensureReferenceData(db: Db): Promise<void> {
  await insertMissingReferenceData(db, readReferenceFiles());
  await ensureFirstCriterionVersions(db);
  await ensureShippedDomains(db);
  referenceDataChanged(db);
}

export async function institutions(db: Db): Promise<Institution[]> {
  return (await listInstitutions(db)).map((r) => ({
    brin: r.brin,
    name: r.name,
    shortName: r.short_name,
    city: r.city,
    province: r.province,
  }));
}

/** Every hogeschool as stored, active or not (the administrator's list). */
export async function institutionsWithStatus(db: Db) {
  return listInstitutions(db);
}

export async function institutionExists(db: Db, brin: string): Promise<boolean> {
  return (await findInstitution(db, brin)) !== undefined;
}

export type Option = { value: string; label: string };

/** The choice lists the forms and filters offer, from the reference tables; read once per process. */
export async function referenceOptions(db: Db): Promise<Record<'institutions' | 'sectors' | 'provinces' | 'themes', Option[]>> {
  const version = await dataVersion(db, REFERENCE_VERSION);
  let cached = optionCache.get(db);
  if (!cached || cached.version !== version) {
    cached = { version, lists: readOptions(db) };
    optionCache.set(db, cached);
    cached.lists.catch(() => optionCache.delete(db));
  }
  return cached.lists;
}

async function readOptions(db: Db): Promise<Record<'institutions' | 'sectors' | 'provinces' | 'themes', Option[]>> {
  const lists = await listChoiceData(db);
  return {
    // A hogeschool that left DUO's list stays (registrations refer to it), and says so.
    institutions: lists.institutions.map((i) => ({
      value: i.brin,
      label: `${i.name} (${i.city})${i.active ? '' : ' – niet meer in de lijst van DUO'}`,
    })),
    sectors: lists.sectors.map((s) => ({ value: s.code, label: `${s.code} – ${s.name_nl}` })),
    provinces: lists.provinces.map((p) => ({ value: p.name, label: p.name })),
    themes: lists.themes.map((t) => ({ value: t.code, label: t.name })),
  };
}

export type CriterionWording = Criterion & { version: number; validFrom: string };

/**
 * The criteria as they were worded at `at` (ISO): per criterion the last version in force then.
 * A registration shows the wording it was submitted against.
 */
export async function criteriaAt(db: Db, at: string): Promise<CriterionWording[]> {
  const order = new Map((await listCriteria(db)).map((c) => [c.code, c.position]));
  const byCode = new Map<string, CriterionWording>();
  for (const v of await listCriterionVersions(db)) {
    if (v.valid_from > at) continue;
    byCode.set(v.code, { code: v.code, title: v.title, description: v.description, version: v.version, validFrom: v.valid_from });
  }
  return [...byCode.values()].sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
}

export async function criteria(db: Db): Promise<Criterion[]> {
  return (await listCriteria(db)).map((r) => ({ code: r.code, title: r.title, description: r.description }));
}

/** One hogeschool as stored (name, short name, website, place), or undefined. */
export async function findInstitution(db: Db, brin: string) {
  return findInstitutionRow(db, brin);
}
