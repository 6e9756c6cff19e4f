/** Accounts (inloggen, mensen): the public surface other features and app.ts may use. */
export { default as accountRoutes } from './routes.tsx';
export { ROLE_LABELS, type Role } from './rules.ts';
export { signInSchema } from './schemas.ts';
export { ensureUser, purgeOldSignInTokens } from './service.ts';
export { accountSurfaces } from './surfaces.tsx';
export { currentUser, emailsOf, type TeamMember, teamMembers } from './team.ts';
