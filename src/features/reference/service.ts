import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/connect.ts';
import { findInstitution, insertMissingReferenceData, listCriteria, listInstitutions } from './repo.ts';

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
  return { institutions, sectors, provinces, criteria };
}

/** Loads the reference data the project ships into a database; safe to run at every start. */
export async function ensureReferenceData(db: Db): Promise<void> {
  await insertMissingReferenceData(db, readReferenceFiles());
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

export async function institutionExists(db: Db, brin: string): Promise<boolean> {
  return (await findInstitution(db, brin)) !== undefined;
}

export async function criteria(db: Db): Promise<Criterion[]> {
  return (await listCriteria(db)).map((r) => ({ code: r.code, title: r.title, description: r.description }));
}
