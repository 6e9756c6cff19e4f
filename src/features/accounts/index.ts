import type { Db, Trx } from '../../db/connect.ts';
import { askForLink } from './links.ts';
import { countUsersPerInstitution, deleteUsers, listTeamWithExpertise, listUsersOfInstitution, userIdsInDomain } from './repo.ts';

/** Accounts (inloggen, mensen): the public surface other features and app.ts may use. */
export { AUDIT_LABELS } from './messages.ts';
export { default as accountRoutes } from './routes.tsx';
export { ROLE_LABELS, type Role } from './rules.ts';
export { signInSchema } from './schemas.ts';
export { ensurePartnerAccount, ensureUser, purgeOldSignInTokens } from './service.ts';

/** Asks the team to link a user without hogeschool to one (the demo uses it; people use /mijn/koppeling). */
export async function askToBeLinked(db: Db, input: { userId: string; institutionBrin: string; reason: string }): Promise<void> {
  const outcome = await db.transaction().execute((trx) => askForLink(trx, input));
  if (!outcome.ok) throw new Error(outcome.message);
}
export { accountSurfaces } from './surfaces.tsx';
export { currentUser, emailsOf, ensureCurrentUser, type TeamMember, teamMembers } from './team.ts';

/** The ids of the users whose address is in this domain. */
export async function usersInDomain(db: Db, domain: string): Promise<string[]> {
  return userIdsInDomain(db, domain);
}

/** Removes these users with their sessions and sign-in links. */
export async function removeUsers(trx: Trx, ids: string[]): Promise<void> {
  await deleteUsers(trx, ids);
}

/** How many accounts belong to each of these hogescholen. */
export async function usersPerInstitution(db: Db, brins: string[]): Promise<Map<string, number>> {
  return new Map((await countUsersPerInstitution(db, brins)).map((r) => [r.institution_brin ?? '', Number(r.n)]));
}

/** Active team members with the themes they declared expertise in (for suggesting an advisor). */
export async function teamWithExpertise(db: Db): Promise<{ id: string; name: string; email: string; expertise: string[] }[]> {
  return (await listTeamWithExpertise(db)).map((m) => ({
    id: m.id,
    name: m.name ?? m.email,
    email: m.email,
    expertise: m.expertise ? (JSON.parse(m.expertise) as string[]) : [],
  }));
}

/** The active accounts of a hogeschool (its colleagues), for checking who wrote a mail. */
export async function usersOfInstitution(db: Db, brin: string) {
  return listUsersOfInstitution(db, brin);
}
export { accountsPersonalData } from './privacy.ts';
