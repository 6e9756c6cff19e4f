import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { CriterionTable, InstitutionTable, ProvinceTable, SectorTable, ThemeTable } from './tables.ts';

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
    db.selectFrom('institutions').select(['brin', 'name', 'city']).orderBy('name').execute(),
    db.selectFrom('sectors').select(['code', 'name_nl']).orderBy('code').execute(),
    db.selectFrom('provinces').select(['name']).orderBy('name').execute(),
    db.selectFrom('themes').select(['code', 'name']).orderBy('position').execute(),
  ]);
  return { institutions, sectors, provinces, themes };
}
