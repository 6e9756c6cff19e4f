import type { Insertable, Kysely } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';

export type QueueFilters = {
  state?: string;
  assignee?: string;
  institution?: string;
  sector?: string;
  wish?: string;
};
export type QueueSort = 'waiting' | 'reference' | 'institution' | 'state';

function filtered(db: Kysely<Database>, f: QueueFilters) {
  return db
    .selectFrom('registrations')
    .innerJoin('institutions', 'institutions.brin', 'registrations.institution_brin')
    .where('registrations.state', '!=', 'draft')
    .$if(Boolean(f.state), (qb) => qb.where('registrations.state', '=', f.state as never))
    .$if(Boolean(f.institution), (qb) => qb.where('registrations.institution_brin', '=', f.institution as string))
    .$if(Boolean(f.sector), (qb) => qb.where('registrations.sector', '=', f.sector as string))
    .$if(Boolean(f.wish), (qb) => qb.where('registrations.participation_wish', '=', f.wish as string))
    .$if(f.assignee === 'geen', (qb) =>
      qb.where(({ not, exists, selectFrom }) =>
        not(
          exists(selectFrom('assignments').select('assignments.user_id').whereRef('assignments.registration_id', '=', 'registrations.id')),
        ),
      ),
    )
    .$if(Boolean(f.assignee) && f.assignee !== 'geen', (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('assignments')
            .select('assignments.user_id')
            .whereRef('assignments.registration_id', '=', 'registrations.id')
            .where('assignments.user_id', '=', f.assignee as string),
        ),
      ),
    );
}

export async function queuePage(db: Kysely<Database>, f: QueueFilters, sort: QueueSort, limit: number, offset: number) {
  let q = filtered(db, f).select([
    'registrations.id',
    'registrations.reference',
    'registrations.state',
    'registrations.title',
    'registrations.sector',
    'registrations.participation_wish',
    'registrations.submitted_at',
    'registrations.participation',
    'institutions.name as institution_name',
  ]);
  if (sort === 'reference') q = q.orderBy('registrations.reference');
  else if (sort === 'institution') q = q.orderBy('institutions.name').orderBy('registrations.submitted_at');
  else if (sort === 'state') q = q.orderBy('registrations.state').orderBy('registrations.submitted_at');
  else q = q.orderBy('registrations.submitted_at');
  return q.orderBy('registrations.id').limit(limit).offset(offset).execute();
}

export async function queueCount(db: Kysely<Database>, f: QueueFilters): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countsByState(db: Kysely<Database>) {
  return db
    .selectFrom('registrations')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '!=', 'draft')
    .groupBy('state')
    .execute();
}

/** Assignees of many registrations in one query (no query per row). */
export async function assigneesOf(db: Kysely<Database>, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return db
    .selectFrom('assignments')
    .innerJoin('users', 'users.id', 'assignments.user_id')
    .select(['assignments.registration_id', 'users.id', 'users.name', 'users.email'])
    .where('assignments.registration_id', 'in', registrationIds)
    .orderBy('users.email')
    .execute();
}

/** Team members with the number of open registrations each is assigned to. */
export async function teamWithLoad(db: Kysely<Database>, openStates: readonly string[]) {
  return db
    .selectFrom('users')
    .leftJoin('assignments', 'assignments.user_id', 'users.id')
    .leftJoin('registrations', (join) =>
      join.onRef('registrations.id', '=', 'assignments.registration_id').on('registrations.state', 'in', [...openStates] as never[]),
    )
    .select(['users.id', 'users.name', 'users.email', (eb) => eb.fn.count<number>('registrations.id').as('load')])
    .where('users.role', 'in', ['team', 'admin'])
    .where('users.disabled_at', 'is', null)
    .groupBy(['users.id', 'users.name', 'users.email'])
    .orderBy('users.email')
    .execute();
}

export async function affiliationsOf(db: Kysely<Database>, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('member_affiliations').selectAll().where('user_id', 'in', userIds).orderBy('created_at').execute();
}

export async function insertAffiliation(
  db: Kysely<Database>,
  row: { id: string; user_id: string; kind: 'institution' | 'organisation'; value: string; created_at: string },
) {
  await db.insertInto('member_affiliations').values(row).execute();
}

export async function deleteAffiliation(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('member_affiliations').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function dismissalsOf(db: Kysely<Database>, registrationId: string) {
  return db.selectFrom('conflict_dismissals').selectAll().where('registration_id', '=', registrationId).execute();
}

export async function insertDismissal(
  db: Kysely<Database>,
  row: { registration_id: string; user_id: string; reason: string; dismissed_by: string; dismissed_at: string },
) {
  await db
    .insertInto('conflict_dismissals')
    .values(row)
    .onConflict((oc) => oc.columns(['registration_id', 'user_id']).doNothing())
    .execute();
}

export async function assignmentsOf(db: Kysely<Database>, registrationId: string) {
  return db.selectFrom('assignments').selectAll().where('registration_id', '=', registrationId).execute();
}

export async function replaceAssignments(db: Trx, registrationId: string, userIds: string[], by: string, atIso: string) {
  await db
    .deleteFrom('assignments')
    .where('registration_id', '=', registrationId)
    .where('user_id', 'not in', userIds.length ? userIds : ['-'])
    .execute();
  for (const userId of userIds) {
    await db
      .insertInto('assignments')
      .values({ registration_id: registrationId, user_id: userId, assigned_by: by, assigned_at: atIso })
      .onConflict((oc) => oc.columns(['registration_id', 'user_id']).doNothing())
      .execute();
  }
}

export async function assessmentsOf(db: Kysely<Database>, registrationId: string) {
  return db
    .selectFrom('assessments')
    .innerJoin('users', 'users.id', 'assessments.assessor_id')
    .selectAll('assessments')
    .select(['users.name as assessor_name', 'users.email as assessor_email'])
    .where('assessments.registration_id', '=', registrationId)
    .orderBy('assessments.version')
    .orderBy('users.email')
    .execute();
}

export async function upsertAssessment(
  db: Kysely<Database>,
  row: {
    registration_id: string;
    assessor_id: string;
    version: number;
    verdicts: string;
    recommendation: string | null;
    proposed_participation: string | null;
    summary: string | null;
    updated_at: string;
    submitted_at: string | null;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('assessments')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['registration_id', 'assessor_id', 'version'])
        .doUpdateSet({
          verdicts: row.verdicts,
          recommendation: row.recommendation,
          proposed_participation: row.proposed_participation,
          summary: row.summary,
          updated_at: row.updated_at,
          submitted_at: row.submitted_at,
        })
        .where('assessments.submitted_at', 'is', null),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function commentsOf(db: Kysely<Database>, registrationId: string) {
  return db
    .selectFrom('comments')
    .leftJoin('users', 'users.id', 'comments.author_id')
    .select(['comments.id', 'comments.body', 'comments.created_at', 'users.name as author_name', 'users.email as author_email'])
    .where('comments.registration_id', '=', registrationId)
    .orderBy('comments.created_at')
    .execute();
}

export async function insertComment(
  db: Kysely<Database>,
  row: { id: string; registration_id: string; author_id: string; body: string; created_at: string },
) {
  await db.insertInto('comments').values(row).execute();
}

export async function findTemplate(db: Kysely<Database>, key: string) {
  return db.selectFrom('mail_templates').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function listTemplates(db: Kysely<Database>) {
  return db.selectFrom('mail_templates').selectAll().orderBy('key').execute();
}

export async function insertMissingTemplates(
  db: Kysely<Database>,
  rows: { key: string; subject: string; body: string; updated_at: string }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('mail_templates')
    .values(rows.map((r) => ({ ...r, updated_by: null })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function updateTemplate(
  db: Kysely<Database>,
  key: string,
  change: { subject: string; body: string; updated_at: string; updated_by: string },
) {
  const r = await db.updateTable('mail_templates').set(change).where('key', '=', key).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertFulfilment(db: Kysely<Database>, row: Insertable<Database['condition_fulfilments']>): Promise<void> {
  await db.insertInto('condition_fulfilments').values(row).execute();
}

/** The submitted verdicts of several registrations, in one query. */
export async function submittedVerdictRows(db: Kysely<Database>, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return db
    .selectFrom('assessments')
    .select(['registration_id', 'version', 'verdicts'])
    .where('registration_id', 'in', registrationIds)
    .where('submitted_at', 'is not', null)
    .orderBy('registration_id')
    .orderBy('assessor_id')
    .execute();
}

/** The fulfilled conditions of several registrations, in one query. */
export async function fulfilmentsOfMany(db: Kysely<Database>, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return db
    .selectFrom('condition_fulfilments')
    .selectAll()
    .where('registration_id', 'in', registrationIds)
    .orderBy('fulfilled_at')
    .execute();
}
