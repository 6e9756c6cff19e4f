import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { SignInTokenTable, UserTable } from './tables.ts';

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
