import type { CurrentUser } from '../../ui/context.ts';

export const SIGN_IN_LINK_LIFETIME_MINUTES = 15;
/** Links asked for one address within the window; then the address has to wait. */
export const MAX_LINKS_PER_ADDRESS = 3;
export const ADDRESS_WINDOW_MINUTES = 15;
/** Links asked for from one network address within the window. */
export const MAX_LINKS_PER_IP = 20;
export const IP_WINDOW_MINUTES = 60;

export type Role = CurrentUser['role'];

export const ROLE_LABELS: Record<Role, string> = {
  applicant: 'Aanvrager (medewerker hogeschool)',
  team: 'Lid programmateam',
  admin: 'Beheerder',
  partner: 'Contactpersoon partnerorganisatie',
};

/** Applicants belong to exactly one hogeschool; team members and administrators to none. */
export function roleNeedsInstitution(role: Role): boolean {
  return role === 'applicant';
}

export function isRateLimited(recentForAddress: number, recentForIp: number): boolean {
  return recentForAddress >= MAX_LINKS_PER_ADDRESS || recentForIp >= MAX_LINKS_PER_IP;
}
