import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import type { DecisionTable, RegistrationState, RegistrationTable } from './tables.ts';

export async function insertRegistration(db: Kysely<Database>, row: Insertable<RegistrationTable>): Promise<void> {
  await db.insertInto('registrations').values(row).execute();
}

export async function findRegistration(db: Kysely<Database>, id: string) {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRegistrationsInStates(db: Kysely<Database>, states: readonly string[]) {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('state', 'in', states as RegistrationState[])
    .orderBy('reference')
    .execute();
}

/** A hogeschool's registrations, newest change first; not their answers (kilobytes each, and no list shows them). */
export async function listRegistrationsOfInstitution(db: Kysely<Database>, brin: string) {
  return db
    .selectFrom('registrations')
    .leftJoin('users', 'users.id', 'registrations.updated_by')
    .select([
      'registrations.id',
      'registrations.reference',
      'registrations.state',
      'registrations.title',
      'registrations.created_at',
      'registrations.participation',
      'registrations.updated_at',
      'registrations.submitted_at',
      'users.name as updated_by_name',
      'users.email as updated_by_email',
    ])
    .where('registrations.institution_brin', '=', brin)
    .orderBy('registrations.updated_at', 'desc')
    .execute();
}

/** Saves answers; the last save wins. Returns the revision it replaced, to spot a colleague's save. */
export async function saveAnswers(
  db: Kysely<Database>,
  id: string,
  change: {
    answers: string;
    title: string | null;
    sector: string | null;
    participation_wish: string | null;
    updated_by: string;
    updated_at: string;
  },
  editableStates: readonly RegistrationState[],
): Promise<boolean> {
  const result = await db
    .updateTable('registrations')
    .set((eb) => ({ ...change, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('state', 'in', [...editableStates])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a registration from one of `from` to a new state in one conditional statement: of two
 * requests racing (a double click, two tabs, submit against withdraw) exactly one matches.
 */
export async function moveState(
  db: Trx,
  id: string,
  from: readonly RegistrationState[],
  change: Updateable<RegistrationTable> & { state: RegistrationState },
): Promise<boolean> {
  const result = await db
    .updateTable('registrations')
    .set(change)
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The next number of the year, counted atomically in the database (never in memory). */
export async function nextReferenceNumber(db: Trx, year: number): Promise<number> {
  await db
    .insertInto('reference_counters')
    .values({ year, last_number: 0 })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  const row = await db
    .updateTable('reference_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('year', '=', year)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export async function insertVersion(
  db: Trx,
  row: { registration_id: string; version: number; reference: string; snapshot: string; submitted_at: string; submitted_by: string },
): Promise<void> {
  await db.insertInto('registration_versions').values(row).execute();
}

export async function findVersion(db: Kysely<Database>, registrationId: string, version: number) {
  return db
    .selectFrom('registration_versions')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertFile(
  db: Kysely<Database>,
  row: {
    id: string;
    registration_id: string;
    filename: string;
    content_type: string;
    size: number;
    content: Buffer;
    created_at: string;
    created_by: string;
  },
): Promise<void> {
  await db.insertInto('registration_files').values(row).execute();
}

export async function findFile(db: Kysely<Database>, registrationId: string, fileId: string) {
  return db
    .selectFrom('registration_files')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

export async function insertDecision(db: Trx, row: Insertable<DecisionTable>): Promise<void> {
  await db.insertInto('decisions').values(row).execute();
}

export async function latestDecision(db: Kysely<Database>, registrationId: string) {
  return db
    .selectFrom('decisions')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The latest decision of each of several registrations, in one query: a map by registration, one
 * decision each (two at the same moment: the first the query returns counts).
 */
export async function latestDecisionRows(db: Kysely<Database>, registrationIds: string[]) {
  const latest = new Map<string, Selectable<DecisionTable>>();
  if (registrationIds.length === 0) return latest;
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where('registration_id', 'in', registrationIds)
    .where(({ eb, selectFrom }) =>
      eb(
        'decided_at',
        '=',
        selectFrom('decisions as later')
          .select((e) => e.fn.max('later.decided_at').as('latest'))
          .whereRef('later.registration_id', '=', 'decisions.registration_id'),
      ),
    )
    .execute();
  for (const d of rows) if (!latest.has(d.registration_id)) latest.set(d.registration_id, d);
  return latest;
}

/** Registrations the reminder job looks at: open ones only. */
export async function openRegistrations(db: Kysely<Database>, openStates: readonly RegistrationState[]) {
  return db
    .selectFrom('registrations')
    .select([
      'id',
      'reference',
      'state',
      'title',
      'submitted_at',
      'review_reminded_at',
      'info_deadline',
      'info_reminded_at',
      'info_escalated_at',
      'answers',
      'created_by',
    ])
    .where('state', 'in', [...openStates])
    .execute();
}

export async function claimReminder(
  db: Trx,
  id: string,
  column: 'review_reminded_at' | 'info_reminded_at' | 'info_escalated_at',
  atIso: string,
): Promise<boolean> {
  // Conditional on the column being empty (or older, for reviews), so two workers never both remind.
  const result = await db
    .updateTable('registrations')
    .set({ [column]: atIso })
    .where('id', '=', id)
    .where((eb) =>
      column === 'review_reminded_at' ? eb.or([eb(column, 'is', null), eb(column, '<', eb.ref('submitted_at'))]) : eb(column, 'is', null),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Several registrations by id, in one query. */
export async function findRegistrations(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('registrations').selectAll().where('id', 'in', ids).execute();
}

export async function findRegistrationIdsByReference(db: Kysely<Database>, reference: string) {
  return db.selectFrom('registrations').select('id').where('reference', '=', reference).execute();
}

/** Deletes the registrations these users started; what hangs on them goes by ON DELETE CASCADE. */
export async function deleteRegistrationsCreatedBy(db: Trx, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db.deleteFrom('registrations').where('created_by', 'in', userIds).returning('id').execute();
  return rows.map((r) => r.id);
}

/** How many registrations are in each state (drafts included), for the team's figures. */
export async function countByState(db: Kysely<Database>) {
  return db
    .selectFrom('registrations')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
}

/** How many admitted registrations (accepted or participant) there are per sector. */
/** Admitted registrations per province code (the column copied from the answers' step "opleiding"). */
export async function admittedPerProvince(db: Kysely<Database>, admitted: readonly string[]) {
  return db
    .selectFrom('registrations')
    .select(['province', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', admitted as RegistrationState[])
    .groupBy('province')
    .execute();
}

export async function admittedPerSector(db: Kysely<Database>, admitted: readonly string[]) {
  return db
    .selectFrom('registrations')
    .select(['sector', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', admitted as RegistrationState[])
    .groupBy('sector')
    .execute();
}

export async function countPerInstitution(db: Kysely<Database>, brins: string[]) {
  if (brins.length === 0) return [];
  return db
    .selectFrom('registrations')
    .select(['institution_brin', (eb) => eb.fn.countAll<number>().as('n')])
    .where('institution_brin', 'in', brins)
    .groupBy('institution_brin')
    .execute();
}
