import type { Db } from '../db/connect.ts';
import { removeUsers, usersInDomain } from '../features/accounts/index.ts';
import { forgetRoutes, removeContentOf } from '../features/catalogue/index.ts';
import { removeEventsOf } from '../features/events/index.ts';
import { removeKnowledgeOf } from '../features/knowledge/index.ts';
import { removeMonitoringOf } from '../features/monitoring/index.ts';
import { removeNetworkOf } from '../features/network/index.ts';
import { removeRegistrationsOf } from '../features/registrations/index.ts';
import { deleteAuditOf } from '../platform/audit/repo.ts';
import { deleteMailToDomain } from '../platform/mail/repo.ts';
import { deleteSetting } from '../platform/settings/repo.ts';
import { DEMO_DOMAIN } from './load.ts';

export type Removed = { users: number; registrations: number; content: number; mails: number };

/**
 * Removes the demo, in one transaction, and nothing else: the people with an address in the demo
 * domain, the registrations they started (and what hangs on them: assessments, decisions,
 * kick-offs, public routes, stories of those routes), the stories and files they added, the
 * bijeenkomsten they published (with who registered), the audit events about all of that, and the mails to demo addresses. Real registrations — started
 * by real people — stay, even where a demo team member touched them (their assignments go).
 */
export async function removeDemoContent(db: Db): Promise<Removed> {
  const users = await usersInDomain(db, DEMO_DOMAIN);
  return db.transaction().execute(async (trx) => {
    // Their stories first (out of the search with them), then their registrations and the routes made from them.
    const content = await removeContentOf(trx, users);
    const registrations = await removeRegistrationsOf(trx, users);
    await forgetRoutes(trx, registrations);
    const events = await removeEventsOf(trx, users);
    await removeKnowledgeOf(trx, users);
    await removeMonitoringOf(trx, users);
    const organisations = await removeNetworkOf(trx, DEMO_DOMAIN);
    await deleteAuditOf(trx, [...registrations, ...events, ...users, ...organisations], users);
    const mails = await deleteMailToDomain(trx, DEMO_DOMAIN);
    await removeUsers(trx, users);
    await deleteSetting(trx, 'demo_content_loaded_at');
    return { users: users.length, registrations: registrations.length, content, mails };
  });
}
