import type { Db } from './db/connect.ts';
import { ensureUser } from './features/accounts/index.ts';
import { getSetting, setSetting } from './platform/settings/repo.ts';

/** Demo people; the `demo.` domain and the banner on every page say they are not real. */
export const DEMO_USERS = [
  { email: 'beheerder@demo.mkbroute.nl', role: 'admin', name: 'Demo Beheerder' },
  { email: 'team@demo.mkbroute.nl', role: 'team', name: 'Demo Teamlid' },
  { email: 'aanvrager@demo.mkbroute.nl', role: 'applicant', name: 'Demo Aanvrager', institutionBrin: '07GR' },
] as const;

/** Loads the demo content once per database; returns whether it did so now. */
export async function loadDemoContent(db: Db): Promise<boolean> {
  if (await getSetting(db, 'demo_content_loaded_at')) return false;
  for (const user of DEMO_USERS) await ensureUser(db, { ...user });
  await setSetting(db, 'demo_content_loaded_at', new Date().toISOString());
  return true;
}
