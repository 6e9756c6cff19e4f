import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { prepared } from '../../db/prepared.ts';
import type { LinkRequestTable, OidcAttemptTable, OidcIdentityTable, OidcPendingLinkTable, SignInTokenTable, UserTable } from './tables.ts';

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertUser(db: Kysely<Database>, row: Insertable<UserTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function setUserRole(
  db: Kysely<Database>,
  id: string,
  role: UserTable['role'],
  institutionBrin: string | null,
): Promise<void> {
  await db.updateTable('users').set({ role, institution_brin: institutionBrin, disabled_at: null }).where('id', '=', id).execute();
}

export async function touchSignIn(db: Kysely<Database>, id: string, atIso: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: atIso }).where('id', '=', id).execute();
}

export async function insertSignInToken(db: Kysely<Database>, row: Insertable<SignInTokenTable>): Promise<void> {
  await db.insertInto('sign_in_tokens').values(row).execute();
}

export async function countRecentTokens(
  db: Kysely<Database>,
  by: { email: string } | { ipHash: string },
  sinceIso: string,
): Promise<number> {
  const row = await db
    .selectFrom('sign_in_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$if('email' in by, (qb) => qb.where('email', '=', (by as { email: string }).email))
    .$if('ipHash' in by, (qb) => qb.where('ip_hash', '=', (by as { ipHash: string }).ipHash))
    .where('created_at', '>', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUsableToken(db: Kysely<Database>, tokenHash: string, nowIso: string) {
  return db
    .selectFrom('sign_in_tokens')
    .select(['email', 'return_to', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
}

/** Marks the token used in the same statement that checks it, so two clicks cannot both win. */
export async function consumeToken(db: Kysely<Database>, tokenHash: string, nowIso: string) {
  return db
    .updateTable('sign_in_tokens')
    .set({ used_at: nowIso })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .returning(['email', 'return_to'])
    .executeTakeFirst();
}

export async function deleteOldTokens(db: Kysely<Database>, beforeIso: string): Promise<void> {
  await db.deleteFrom('sign_in_tokens').where('created_at', '<', beforeIso).execute();
}

/** Active team members and admins, for choice lists and mail to the team. */
export async function listTeam(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('role', 'in', ['team', 'admin'])
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute();
}

export async function emailsOfUsers(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).execute();
}

/** A user with the name of their hogeschool, as the signed-in user is known to pages and services. */
export async function findUserWithInstitution(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('users')
    .leftJoin('institutions', 'institutions.brin', 'users.institution_brin')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.institution_brin', 'institutions.name as institution_name'])
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export async function userIdsInDomain(db: Kysely<Database>, domain: string): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('email', 'like', `%@${domain}`).execute()).map((r) => r.id);
}

/** Deletes users; their sessions, assignments, slots and the like go by ON DELETE CASCADE. */
export async function deleteUsers(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('sign_in_tokens')
    .where('email', 'in', db.selectFrom('users').select('email').where('id', 'in', ids))
    .execute();
  await db.deleteFrom('users').where('id', 'in', ids).execute();
}

export async function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setUserInstitution(db: Kysely<Database>, id: string, institutionBrin: string): Promise<void> {
  await db.updateTable('users').set({ institution_brin: institutionBrin }).where('id', '=', id).execute();
}

export async function insertOidcAttempt(db: Kysely<Database>, row: Insertable<OidcAttemptTable>): Promise<void> {
  await db.insertInto('oidc_attempts').values(row).execute();
}

/** Takes a round trip's state out in the statement that reads it: a state works once. */
export async function takeOidcAttempt(db: Kysely<Database>, stateHash: string, nowIso: string) {
  return db
    .deleteFrom('oidc_attempts')
    .where('state_hash', '=', stateHash)
    .where('expires_at', '>', nowIso)
    .returning(['nonce', 'code_verifier', 'return_to'])
    .executeTakeFirst();
}

export async function findIdentity(db: Kysely<Database>, issuer: string, subject: string) {
  return db.selectFrom('oidc_identities').selectAll().where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
}

export async function findIdentityOfUser(db: Kysely<Database>, userId: string, issuer: string) {
  return db.selectFrom('oidc_identities').selectAll().where('user_id', '=', userId).where('issuer', '=', issuer).executeTakeFirst();
}

export async function insertIdentity(db: Kysely<Database>, row: Insertable<OidcIdentityTable>): Promise<void> {
  await db.insertInto('oidc_identities').values(row).execute();
}

export async function touchIdentity(db: Kysely<Database>, issuer: string, subject: string, atIso: string): Promise<void> {
  await db
    .updateTable('oidc_identities')
    .set({ last_used_at: atIso })
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .execute();
}

export async function insertPendingLink(db: Kysely<Database>, row: Insertable<OidcPendingLinkTable>): Promise<void> {
  await db.insertInto('oidc_pending_links').values(row).execute();
}

export async function findPendingLink(db: Kysely<Database>, tokenHash: string, nowIso: string) {
  return db
    .selectFrom('oidc_pending_links')
    .innerJoin('users', 'users.id', 'oidc_pending_links.user_id')
    .select(['oidc_pending_links.user_id', 'oidc_pending_links.issuer', 'oidc_pending_links.subject', 'users.email'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
}

export async function takePendingLink(db: Kysely<Database>, tokenHash: string, nowIso: string) {
  return db
    .deleteFrom('oidc_pending_links')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', nowIso)
    .returning(['user_id', 'issuer', 'subject', 'institution_brin', 'return_to'])
    .executeTakeFirst();
}

export async function deleteExpiredOidcRows(db: Kysely<Database>, nowIso: string): Promise<void> {
  await db.deleteFrom('oidc_attempts').where('expires_at', '<', nowIso).execute();
  await db.deleteFrom('oidc_pending_links').where('expires_at', '<', nowIso).execute();
}

export async function insertLinkRequest(db: Kysely<Database>, row: Insertable<LinkRequestTable>): Promise<void> {
  await db.insertInto('link_requests').values(row).execute();
}

/** The newest request of a user (open or decided), for their /mijn. */
export async function latestLinkRequestOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('link_requests')
    .innerJoin('institutions', 'institutions.brin', 'link_requests.institution_brin')
    .select([
      'link_requests.id',
      'link_requests.institution_brin',
      'institutions.name as institution_name',
      'link_requests.reason',
      'link_requests.created_at',
      'link_requests.decision',
      'link_requests.decision_note',
      'link_requests.decided_at',
    ])
    .where('link_requests.user_id', '=', userId)
    .orderBy('link_requests.created_at', 'desc')
    .orderBy('link_requests.id', 'desc')
    .executeTakeFirst();
}

/** Requests waiting for a decision, oldest first; only the one with `id` when given. */
export async function listOpenLinkRequests(db: Kysely<Database>, id?: string) {
  return db
    .selectFrom('link_requests')
    .innerJoin('users', 'users.id', 'link_requests.user_id')
    .innerJoin('institutions', 'institutions.brin', 'link_requests.institution_brin')
    .select([
      'link_requests.id',
      'link_requests.user_id',
      'users.email',
      'users.name',
      'link_requests.institution_brin',
      'institutions.name as institution_name',
      'link_requests.reason',
      'link_requests.created_at',
    ])
    .where('link_requests.decision', 'is', null)
    .$if(id !== undefined, (qb) => qb.where('link_requests.id', '=', id as string))
    .orderBy('link_requests.created_at')
    .execute();
}

export async function countOpenLinkRequests(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('link_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('decision', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Decides an open request; false when it was decided already (two team members at once). */
export async function decideLinkRequest(
  db: Kysely<Database>,
  id: string,
  decision: { decision: 'approved' | 'refused'; note: string | null; by: string; atIso: string },
) {
  return db
    .updateTable('link_requests')
    .set({ decision: decision.decision, decision_note: decision.note, decided_by: decision.by, decided_at: decision.atIso })
    .where('id', '=', id)
    .where('decision', 'is', null)
    .returning(['user_id', 'institution_brin'])
    .executeTakeFirst();
}

// ---------------------------------------------------------------- people (administration)

export type PeopleFilters = { q?: string; role?: UserTable['role'] };

function peopleQuery(db: Kysely<Database>, f: PeopleFilters) {
  let q = db.selectFrom('users').leftJoin('institutions', 'institutions.brin', 'users.institution_brin');
  if (f.role) q = q.where('users.role', '=', f.role);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['users.email']), 'like', like), eb(eb.fn('lower', ['users.name']), 'like', like)]));
  }
  return q;
}

export async function listPeople(db: Kysely<Database>, f: PeopleFilters, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    peopleQuery(db, f)
      .select([
        'users.id',
        'users.email',
        'users.name',
        'users.role',
        'users.last_sign_in_at',
        'users.disabled_at',
        'institutions.name as institution_name',
      ])
      .orderBy('users.email')
      .limit(limit)
      .offset(offset)
      .execute(),
    peopleQuery(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Administrators who can still sign in. */
export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUser(db: Kysely<Database>, id: string, change: Updateable<UserTable>): Promise<void> {
  await db.updateTable('users').set(change).where('id', '=', id).execute();
}

/** The administrators' rows, locked for the rest of the transaction on PostgreSQL (SQLite's write lock does the same): two demotions at once cannot both pass the last-admin check. */
export async function lockAdmins(db: Kysely<Database>) {
  const q = db.selectFrom('users').select('id').where('role', '=', 'admin');
  return (isPostgres(db) ? q.forUpdate() : q).execute();
}

/** Built once: a team member's `/mijn` asks it on every view. */
const expertiseRow = prepared((db: Kysely<Database>, id: string) => db.selectFrom('users').select('expertise').where('id', '=', id));

export async function expertiseOf(db: Kysely<Database>, id: string): Promise<string[]> {
  const row = (await expertiseRow(db, id))[0];
  return row?.expertise ? (JSON.parse(row.expertise) as string[]) : [];
}

export async function countUsersPerInstitution(db: Kysely<Database>, brins: string[]) {
  if (brins.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['institution_brin', (eb) => eb.fn.countAll<number>().as('n')])
    .where('institution_brin', 'in', brins)
    .groupBy('institution_brin')
    .execute();
}

/** Active team members and administrators with the themes they declared. */
export async function listTeamWithExpertise(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'expertise'])
    .where('role', 'in', ['team', 'admin'])
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute();
}

export async function listUsersOfInstitution(db: Kysely<Database>, brin: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('institution_brin', '=', brin)
    .where('disabled_at', 'is', null)
    .execute();
}
