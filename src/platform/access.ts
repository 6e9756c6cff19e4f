import type { CurrentUser } from '../ui/context.ts';

/**
 * Who may use a route. Every route declares one in `config.access`; the app refuses to start with
 * a route that does not (see app.ts), and test/route-table.test.ts walks them all for every role.
 */
export type Access = 'public' | 'signedIn' | 'team' | 'admin' | 'pendingSignup' | 'development';

export const isSignedIn = (user: CurrentUser | null): user is CurrentUser => user !== null;
export const isTeamMember = (user: CurrentUser | null): boolean => user?.role === 'team' || user?.role === 'admin';
export const isAdmin = (user: CurrentUser | null): boolean => user?.role === 'admin';

export type AccessVerdict = 'allow' | 'signIn' | 'forbidden' | 'notFound';

export function checkAccess(
  access: Access,
  who: { user: CurrentUser | null; pendingEmail: string | null; devMailbox: boolean },
): AccessVerdict {
  switch (access) {
    case 'public':
      return 'allow';
    case 'development':
      return who.devMailbox ? 'allow' : 'notFound';
    case 'pendingSignup':
      return who.pendingEmail && !who.user ? 'allow' : 'notFound';
    case 'signedIn':
      return isSignedIn(who.user) ? 'allow' : 'signIn';
    case 'team':
      if (!isSignedIn(who.user)) return 'signIn';
      return isTeamMember(who.user) ? 'allow' : 'forbidden';
    case 'admin':
      if (!isSignedIn(who.user)) return 'signIn';
      return isAdmin(who.user) ? 'allow' : 'forbidden';
  }
}
