import type { Db, Trx } from '../../db/connect.ts';
import { newId } from '../../platform/crypto.ts';
import { getSetting, setSetting } from '../../platform/settings/repo.ts';
import { admittedRouteFacts, type RouteFacts, routeFactsOf } from '../registrations/index.ts';
import { findLiveByKvk, insertLink, insertOrganisation, liveOrganisations, registrationsWithNamedLinks } from './repo.ts';
import { nameKey } from './rules.ts';
import { freeSlug } from './service.ts';

// ---------------------------------------------------------------- partners named in registrations

/**
 * Links the companies (C3), associations and partners (C5) an admitted registration names to
 * organisation records: the same KvK number links for certain; without one, a record with the
 * same name is only suggested (`confirmed` 0) for the team to confirm; a name the network does not
 * know gets a record of its own (not shown in the directory: no consent). Once per registration.
 */
export async function linkNamedPartners(trx: Db | Trx, route: RouteFacts, now = new Date()): Promise<number> {
  const nowIso = now.toISOString();
  const live = await liveOrganisations(trx);
  const byName = new Map(live.map((o) => [nameKey(o.name), o]));
  const named = [
    ...route.companies.map((c) => ({ name: c.name, kvk: c.kvk, role: 'bedrijf', kind: 'mkb' })),
    ...route.associations.map((name) => ({ name, kvk: null, role: 'branche', kind: 'branche' })),
    ...route.partners.map((name) => ({ name, kvk: null, role: 'partner', kind: 'anders' })),
  ];
  let linked = 0;
  for (const n of named) {
    const byKvk = n.kvk ? await findLiveByKvk(trx, n.kvk) : undefined;
    const sameName = byKvk ? undefined : byName.get(nameKey(n.name));
    let organisationId = byKvk?.id ?? sameName?.id;
    if (!organisationId) {
      organisationId = newId();
      await insertOrganisation(trx, {
        id: organisationId,
        slug: await freeSlug(trx, n.name),
        kvk: n.kvk,
        name: n.name,
        kind: n.kind,
        sectors: JSON.stringify(route.sector && n.kind === 'mkb' ? [route.sector] : []),
        province: n.kind === 'mkb' ? route.province : null,
        place: null,
        size: null,
        website: null,
        offers: JSON.stringify(n.kind === 'mkb' ? ['leerwerkplekken'] : []),
        description: null,
        contact_name: null,
        contact_email: null,
        consent_at: null,
        state: 'actief',
        merged_into: null,
        source: 'registratie',
        created_at: nowIso,
        updated_at: nowIso,
      });
      byName.set(nameKey(n.name), { id: organisationId } as (typeof live)[number]);
    }
    await insertLink(trx, {
      id: newId(),
      organisation_id: organisationId,
      registration_id: route.id,
      role: n.role,
      named_as: n.name,
      // Same KvK, or a record made from this very name: certain. A name that matched another record: a suggestion.
      confirmed: sameName ? 0 : 1,
      source: 'registratie',
      created_at: nowIso,
    });
    linked++;
  }
  return linked;
}

/** At start-up: the admitted registrations whose partners were never linked (the existing data, once). */
export async function ensureNetworkLinks(db: Db): Promise<number> {
  // Once per database: routes admitted later are linked by the subscriber, so later starts read nothing.
  if (await getSetting(db, LINKED_ONCE)) return 0;
  const done = await registrationsWithNamedLinks(db);
  let n = 0;
  for (const route of await admittedRouteFacts(db)) {
    if (done.has(route.id)) continue;
    n += await db.transaction().execute((trx) => linkNamedPartners(trx, route));
  }
  await setSetting(db, LINKED_ONCE, new Date().toISOString());
  return n;
}

const LINKED_ONCE = 'network_named_partners_linked_at';

/** Subscriber of `registration.accepted`: the new route's named partners are linked in its transaction. */
export async function linkPartnersOfAccepted(event: { registration: { id: string } }, ctx: { trx: Trx; now: Date }): Promise<void> {
  const route = await routeFactsOf(ctx.trx, event.registration.id);
  if (route) await linkNamedPartners(ctx.trx, route, ctx.now);
}
