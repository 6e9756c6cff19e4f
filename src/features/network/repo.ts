import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import type { IntroductionTable, OrganisationLinkTable, OrganisationSignupTable, OrganisationTable } from './tables.ts';

type Db = Kysely<Database>;

// ---------------------------------------------------------------- organisations

export async function insertOrganisation(db: Db, row: Insertable<OrganisationTable>): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function updateOrganisationRow(db: Db, id: string, change: Updateable<OrganisationTable>): Promise<void> {
  await db.updateTable('organisations').set(change).where('id', '=', id).execute();
}

export async function findOrganisation(db: Db, id: string) {
  return id.length <= 36 ? db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
}

export async function findOrganisationBySlug(db: Db, slug: string) {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The live record with this KvK number (a merged one keeps its number but is not live). */
export async function findLiveByKvk(db: Db, kvk: string) {
  return db.selectFrom('organisations').selectAll().where('kvk', '=', kvk).where('state', '<>', 'samengevoegd').executeTakeFirst();
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** Every record that is not merged away, by name. */
export async function liveOrganisations(db: Db) {
  return db.selectFrom('organisations').selectAll().where('state', '<>', 'samengevoegd').orderBy('name').execute();
}

/** Records that consented to the directory. */
export async function consentingOrganisations(db: Db) {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('state', '=', 'actief')
    .where('consent_at', 'is not', null)
    .orderBy('name')
    .execute();
}

export async function countNewOrganisations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('state', '=', 'nieuw')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------- sign-ups (double opt-in)

export async function insertSignup(db: Db, row: Insertable<OrganisationSignupTable>): Promise<void> {
  await db.insertInto('organisation_signups').values(row).execute();
}

export async function findSignupByHash(db: Db, hash: string) {
  return db.selectFrom('organisation_signups').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function deleteSignup(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('organisation_signups').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countRecentSignups(db: Db, email: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('organisation_signups')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('email', '=', email)
    .where('created_at', '>=', sinceIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function deleteExpiredSignups(db: Db, beforeIso: string): Promise<number> {
  const r = await db.deleteFrom('organisation_signups').where('expires_at', '<', beforeIso).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---------------------------------------------------------------- links to routes

export async function insertLink(db: Db, row: Insertable<OrganisationLinkTable>): Promise<void> {
  await db
    .insertInto('organisation_links')
    .values(row)
    .onConflict((oc) => oc.columns(['registration_id', 'organisation_id', 'role']).doNothing())
    .execute();
}

export async function linksOfOrganisation(db: Db, organisationId: string) {
  return db.selectFrom('organisation_links').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at').execute();
}

export async function linksOfRegistration(db: Db, registrationId: string) {
  return db.selectFrom('organisation_links').selectAll().where('registration_id', '=', registrationId).execute();
}

export async function allLinks(db: Db) {
  return db.selectFrom('organisation_links').select(['organisation_id', 'registration_id', 'confirmed', 'source']).execute();
}

export async function findLink(db: Db, id: string) {
  return id.length <= 36 ? db.selectFrom('organisation_links').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
}

export async function setLinkConfirmed(db: Db, id: string): Promise<void> {
  await db.updateTable('organisation_links').set({ confirmed: 1 }).where('id', '=', id).execute();
}

export async function deleteLink(db: Db, id: string): Promise<void> {
  await db.deleteFrom('organisation_links').where('id', '=', id).execute();
}

/** The registrations whose named partners were linked already (the migration of registration partners runs once per registration). */
export async function registrationsWithNamedLinks(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('organisation_links').select('registration_id').where('source', '=', 'registratie').distinct().execute();
  return new Set(rows.map((r) => r.registration_id));
}

// ---------------------------------------------------------------- introductions

export async function insertIntroduction(db: Db, row: Insertable<IntroductionTable>): Promise<void> {
  await db.insertInto('introductions').values(row).execute();
}

export async function findIntroduction(db: Db, id: string) {
  return id.length <= 36 ? db.selectFrom('introductions').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
}

/** Moves an introduction on, only from the states given: false when another answer came first. */
export async function moveIntroduction(db: Db, id: string, from: string[], change: Updateable<IntroductionTable>): Promise<boolean> {
  const r = await db.updateTable('introductions').set(change).where('id', '=', id).where('state', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function introductionsOf(db: Db, by: { organisationId?: string; registrationId?: string }) {
  let q = db.selectFrom('introductions').selectAll();
  if (by.organisationId) q = q.where('organisation_id', '=', by.organisationId);
  if (by.registrationId) q = q.where('registration_id', '=', by.registrationId);
  return q.orderBy('proposed_at', 'desc').execute();
}

/** Every pair with its introductions' states (for excluding declined and open pairs from suggestions). */
export async function introductionPairs(db: Db) {
  return db.selectFrom('introductions').select(['organisation_id', 'registration_id', 'state']).execute();
}

export async function introductionsInStates(db: Db, states: string[]) {
  return db.selectFrom('introductions').selectAll().where('state', 'in', states).execute();
}

export async function claimIntroduction(db: Db, id: string, column: 'reminded_at' | 'outcome_asked_at', atIso: string): Promise<boolean> {
  const r = await db
    .updateTable('introductions')
    .set({ [column]: atIso })
    .where('id', '=', id)
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------- merging

/** Moves links, introductions and contacts from one record to another; a link the survivor already has is dropped. */
export async function moveEverything(db: Db, fromId: string, toId: string): Promise<void> {
  const existing = await db
    .selectFrom('organisation_links')
    .select(['registration_id', 'role'])
    .where('organisation_id', '=', toId)
    .execute();
  const have = new Set(existing.map((l) => `${l.registration_id}:${l.role}`));
  for (const l of await linksOfOrganisation(db, fromId)) {
    if (have.has(`${l.registration_id}:${l.role}`)) await deleteLink(db, l.id);
    else await db.updateTable('organisation_links').set({ organisation_id: toId }).where('id', '=', l.id).execute();
  }
  await db.updateTable('introductions').set({ organisation_id: toId }).where('organisation_id', '=', fromId).execute();
  const users = await db.selectFrom('organisation_users').select('user_id').where('organisation_id', '=', toId).execute();
  const known = new Set(users.map((u) => u.user_id));
  for (const u of await db.selectFrom('organisation_users').select('user_id').where('organisation_id', '=', fromId).execute()) {
    if (known.has(u.user_id))
      await db.deleteFrom('organisation_users').where('organisation_id', '=', fromId).where('user_id', '=', u.user_id).execute();
    else
      await db
        .updateTable('organisation_users')
        .set({ organisation_id: toId })
        .where('organisation_id', '=', fromId)
        .where('user_id', '=', u.user_id)
        .execute();
  }
}

// ---------------------------------------------------------------- contacts' accounts

export async function addOrganisationUser(db: Db, organisationId: string, userId: string, atIso: string): Promise<void> {
  await db
    .insertInto('organisation_users')
    .values({ organisation_id: organisationId, user_id: userId, created_at: atIso })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
    .execute();
}

/** Built once: `/mijn` asks it for everyone who opens it (most have no organisation). */
const ofUser = prepared((db: Db, userId: string) =>
  db
    .selectFrom('organisation_users')
    .innerJoin('organisations', 'organisations.id', 'organisation_users.organisation_id')
    .selectAll('organisations')
    .where('organisation_users.user_id', '=', userId)
    .where('organisations.state', '<>', 'samengevoegd')
    .orderBy('organisations.name'),
);

export async function organisationsOfUser(db: Db, userId: string) {
  return ofUser(db, userId);
}

export async function isOrganisationUser(db: Db, organisationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisation_users')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Removes the organisations whose contact is in this (demo) domain, and the records made from
 * registrations that no longer exist (no link or introduction left), with what hangs on them.
 * Returns their ids (for their audit events).
 */
export async function deleteOrganisationsOf(db: Db, domain: string): Promise<string[]> {
  const byDomain = await db.selectFrom('organisations').select('id').where('contact_email', 'like', `%@${domain}`).execute();
  const orphans = await db
    .selectFrom('organisations')
    .select('id')
    .where('source', '=', 'registratie')
    .where((eb) =>
      eb.and([
        eb.not(
          eb.exists(
            eb.selectFrom('organisation_links').select('id').whereRef('organisation_links.organisation_id', '=', 'organisations.id'),
          ),
        ),
        eb.not(eb.exists(eb.selectFrom('introductions').select('id').whereRef('introductions.organisation_id', '=', 'organisations.id'))),
      ]),
    )
    .execute();
  const ids = [...new Set([...byDomain, ...orphans].map((r) => r.id))];
  if (!ids.length) return [];
  await db.deleteFrom('introductions').where('organisation_id', 'in', ids).execute();
  await db.deleteFrom('organisation_links').where('organisation_id', 'in', ids).execute();
  await db.deleteFrom('organisation_users').where('organisation_id', 'in', ids).execute();
  // A record merged into one of these points at it: it goes too.
  await db.deleteFrom('organisations').where('merged_into', 'in', ids).execute();
  await db.deleteFrom('organisations').where('id', 'in', ids).execute();
  return ids;
}
