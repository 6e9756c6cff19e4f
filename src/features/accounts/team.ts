import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { emailsOfUsers, findUserWithInstitution, listTeam } from './repo.ts';
import { ensureUser } from './service.ts';

export type TeamMember = { id: string; name: string; email: string };

/** The programme team (team members and admins who are not disabled), by e-mail address. */
export async function teamMembers(db: Db): Promise<TeamMember[]> {
  return (await listTeam(db)).map((m) => ({ id: m.id, name: m.name ?? m.email, email: m.email }));
}

/** The e-mail addresses of these users, in the order asked; unknown ids are left out. */
export async function emailsOf(db: Db, ids: string[]): Promise<string[]> {
  const rows = await emailsOfUsers(db, [...new Set(ids)]);
  return ids.flatMap((id) => rows.filter((r) => r.id === id).map((r) => r.email));
}

/** A user as services know the one acting (what a session gives a request), or null. */
export async function currentUser(db: Db, id: string): Promise<CurrentUser | null> {
  const u = await findUserWithInstitution(db, id);
  if (!u) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role, institutionBrin: u.institution_brin, institutionName: u.institution_name };
}

/** Makes (or updates) a user and returns them as services know the one acting: for the demo and tests. */
export async function ensureCurrentUser(
  db: Db,
  input: { email: string; role: CurrentUser['role']; name?: string | null; institutionBrin?: string | null },
): Promise<CurrentUser> {
  const found = await currentUser(db, await ensureUser(db, input));
  if (!found) throw new Error(`user ${input.email} was not stored`);
  return found;
}
