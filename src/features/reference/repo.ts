import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { CriterionTable, InstitutionImportTable, InstitutionTable, ProvinceTable, SectorTable, ThemeTable } from './tables.ts';

export async function countInstitutions(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('institutions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts rows that are missing; rows already there (and perhaps reworded by the team) stay. */
export async function insertMissingReferenceData(
  db: Kysely<Database>,
  data: {
    institutions: Insertable<InstitutionTable>[];
    sectors: Insertable<SectorTable>[];
    provinces: Insertable<ProvinceTable>[];
    criteria: Insertable<CriterionTable>[];
    themes: Insertable<ThemeTable>[];
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (data.institutions.length) {
      await trx
        .insertInto('institutions')
        .values(data.institutions)
        .onConflict((oc) => oc.column('brin').doNothing())
        .execute();
    }
    if (data.sectors.length) {
      await trx
        .insertInto('sectors')
        .values(data.sectors)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    if (data.provinces.length) {
      await trx
        .insertInto('provinces')
        .values(data.provinces)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    if (data.themes.length) {
      await trx
        .insertInto('themes')
        .values(data.themes)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    if (data.criteria.length) {
      await trx
        .insertInto('criteria')
        .values(data.criteria)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  });
}

export async function listInstitutions(db: Kysely<Database>) {
  return db.selectFrom('institutions').selectAll().orderBy('name').execute();
}

export async function findInstitution(db: Kysely<Database>, brin: string) {
  return db.selectFrom('institutions').selectAll().where('brin', '=', brin).executeTakeFirst();
}

export async function listCriteria(db: Kysely<Database>) {
  return db.selectFrom('criteria').selectAll().orderBy('position').execute();
}

export async function listChoiceData(db: Kysely<Database>) {
  const [institutions, sectors, provinces, themes] = await Promise.all([
    db.selectFrom('institutions').select(['brin', 'name', 'city', 'active']).orderBy('name').execute(),
    db.selectFrom('sectors').select(['code', 'name_nl']).orderBy('code').execute(),
    db.selectFrom('provinces').select(['name']).orderBy('name').execute(),
    db.selectFrom('themes').select(['code', 'name']).orderBy('position').execute(),
  ]);
  return { institutions, sectors, provinces, themes };
}

/** Shipped domains that were never stored; a domain an admin removed keeps its row and stays removed. */
export async function insertMissingDomains(db: Kysely<Database>, rows: { domain: string; institution_brin: string }[], atIso: string) {
  if (rows.length === 0) return;
  await db
    .insertInto('institution_domains')
    .values(rows.map((r) => ({ ...r, added_at: atIso, added_by: null, removed_at: null, removed_by: null })))
    .onConflict((oc) => oc.column('domain').doNothing())
    .execute();
}

export async function findDomainRow(db: Kysely<Database>, domain: string) {
  return db.selectFrom('institution_domains').selectAll().where('domain', '=', domain).executeTakeFirst();
}

/** The hogeschool an active domain belongs to. */
export async function findInstitutionOfDomain(db: Kysely<Database>, domain: string) {
  return db
    .selectFrom('institution_domains')
    .innerJoin('institutions', 'institutions.brin', 'institution_domains.institution_brin')
    .select(['institutions.brin', 'institutions.name', 'institutions.city'])
    .where('institution_domains.domain', '=', domain)
    .where('institution_domains.removed_at', 'is', null)
    .executeTakeFirst();
}

export async function listActiveDomains(db: Kysely<Database>) {
  return db
    .selectFrom('institution_domains')
    .select(['domain', 'institution_brin', 'added_at', 'added_by'])
    .where('removed_at', 'is', null)
    .orderBy('domain')
    .execute();
}

/** Adds a domain, or brings a removed one back for this hogeschool. */
export async function saveDomain(
  db: Kysely<Database>,
  row: { domain: string; institution_brin: string; added_by: string; added_at: string },
) {
  await db
    .insertInto('institution_domains')
    .values({ ...row, removed_at: null, removed_by: null })
    .onConflict((oc) =>
      oc.column('domain').doUpdateSet({
        institution_brin: row.institution_brin,
        added_at: row.added_at,
        added_by: row.added_by,
        removed_at: null,
        removed_by: null,
      }),
    )
    .execute();
}

export async function markDomainRemoved(db: Kysely<Database>, domain: string, by: string, atIso: string): Promise<boolean> {
  const result = await db
    .updateTable('institution_domains')
    .set({ removed_at: atIso, removed_by: by })
    .where('domain', '=', domain)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts one more sign-in from a home organisation no hogeschool claims. */
export async function noteUnknownDomain(db: Kysely<Database>, domain: string, atIso: string): Promise<void> {
  await db
    .insertInto('unknown_home_organisations')
    .values({ domain, first_seen_at: atIso, last_seen_at: atIso, attempts: 1 })
    .onConflict((oc) =>
      oc.column('domain').doUpdateSet((eb) => ({
        last_seen_at: atIso,
        attempts: eb(eb.ref('unknown_home_organisations.attempts'), '+', 1),
      })),
    )
    .execute();
}

export async function listUnknownDomains(db: Kysely<Database>) {
  return db.selectFrom('unknown_home_organisations').selectAll().orderBy('last_seen_at', 'desc').execute();
}

export async function deleteUnknownDomain(db: Kysely<Database>, domain: string): Promise<void> {
  await db.deleteFrom('unknown_home_organisations').where('domain', '=', domain).execute();
}

export async function updateCriterion(db: Kysely<Database>, code: string, text: { title: string; description: string }): Promise<void> {
  await db.updateTable('criteria').set(text).where('code', '=', code).execute();
}

/** Adds the next version of a criterion's wording, in force from `validFrom`. */
export async function addCriterionVersion(
  db: Kysely<Database>,
  code: string,
  text: { title: string; description: string },
  validFrom: string,
  changedBy: string | null,
): Promise<void> {
  const last = await db
    .selectFrom('criterion_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', code)
    .executeTakeFirst();
  await db
    .insertInto('criterion_versions')
    .values({ code, version: Number(last?.v ?? 0) + 1, ...text, valid_from: validFrom, changed_by: changedBy })
    .execute();
}

/** Every version of every criterion, oldest first. */
export async function listCriterionVersions(db: Kysely<Database>) {
  return db.selectFrom('criterion_versions').selectAll().orderBy('code').orderBy('version').execute();
}

/** Version 1 for criteria that have none yet (a fresh database: the migration ran before the criteria were loaded). */
export async function ensureFirstCriterionVersions(db: Kysely<Database>): Promise<void> {
  const missing = await db
    .selectFrom('criteria')
    .select(['code', 'title', 'description'])
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('criterion_versions').select('code').whereRef('criterion_versions.code', '=', 'criteria.code'))),
    )
    .execute();
  if (missing.length)
    await db
      .insertInto('criterion_versions')
      .values(missing.map((c) => ({ ...c, version: 1, valid_from: '2000-01-01T00:00:00.000Z', changed_by: null })))
      .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
      .execute();
}

export async function updateTheme(db: Kysely<Database>, code: string, name: string): Promise<void> {
  await db.updateTable('themes').set({ name }).where('code', '=', code).execute();
}

export async function updateSector(db: Kysely<Database>, code: string, name: string): Promise<void> {
  await db.updateTable('sectors').set({ name_nl: name }).where('code', '=', code).execute();
}

// ---------------------------------------------------------------- DUO import

export async function insertImport(db: Kysely<Database>, row: Insertable<InstitutionImportTable>): Promise<void> {
  await db.insertInto('institution_imports').values(row).execute();
}

export async function findImport(db: Kysely<Database>, id: string) {
  return db.selectFrom('institution_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markImportApplied(db: Kysely<Database>, id: string, atIso: string): Promise<void> {
  await db.updateTable('institution_imports').set({ applied_at: atIso }).where('id', '=', id).execute();
}

/** Writes the file's hogescholen (new ones added, known ones updated and active) and marks the gone ones inactive. */
export async function saveInstitutions(
  db: Kysely<Database>,
  rows: { brin: string; name: string; city: string; province: string; website: string | null }[],
  gone: string[],
): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('institutions')
      .values({ ...r, short_name: null, active: 1 })
      .onConflict((oc) =>
        oc.column('brin').doUpdateSet({ name: r.name, city: r.city, province: r.province, website: r.website, active: 1 }),
      )
      .execute();
  }
  if (gone.length) await db.updateTable('institutions').set({ active: 0 }).where('brin', 'in', gone).execute();
}
