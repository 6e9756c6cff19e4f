import type { Db } from '../../db/connect.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { referenceOptions } from '../reference/index.ts';
import { admittedRouteFacts, type RouteFacts, routeFactsOf } from '../registrations/index.ts';
import { allLinks, findOrganisation, introductionPairs, liveOrganisations } from './repo.ts';
import {
  DECLINED,
  type IntroState,
  type MatchOrganisation,
  type MatchRoute,
  type Offer,
  rank,
  routeNeeds,
  type Suggestion,
  suggest,
} from './rules.ts';

type OrgRow = Awaited<ReturnType<typeof liveOrganisations>>[number];

const asMatchOrg = (o: OrgRow): MatchOrganisation => ({
  id: o.id,
  name: o.name,
  sectors: JSON.parse(o.sectors) as string[],
  province: o.province,
  offers: JSON.parse(o.offers) as Offer[],
});
const asMatchRoute = (r: RouteFacts): MatchRoute => ({
  id: r.id,
  title: r.title,
  sector: r.sector,
  province: r.province,
  needs: routeNeeds(r),
});

async function sectorNames(db: Db): Promise<(code: string) => string> {
  const names = new Map((await referenceOptions(db)).sectors.map((s) => [s.value, s.label.replace(/^[A-Z] – /, '')]));
  return (code) => names.get(code) ?? code;
}

/**
 * Pairs never suggested: already linked (named in the registration, confirmed or not), an
 * introduction under way or done, and any pair where one side said no. "Nu niet" may come again.
 */
async function excludedPairs(db: Db): Promise<Set<string>> {
  const out = new Set<string>();
  for (const l of await allLinks(db)) out.add(`${l.organisation_id}:${l.registration_id}`);
  for (const p of await introductionPairs(db)) if (p.state !== 'later') out.add(`${p.organisation_id}:${p.registration_id}`);
  return out;
}

/** Whether this pair declined an introduction before (never asked again). */
export async function declinedBefore(db: Db, organisationId: string, registrationId: string): Promise<boolean> {
  return (await introductionPairs(db)).some(
    (p) => p.organisation_id === organisationId && p.registration_id === registrationId && DECLINED.includes(p.state as IntroState),
  );
}

export type RouteSuggestions = { route: RouteFacts; needs: Offer[]; items: { org: OrgRow; suggestion: Suggestion }[] };

/** What ranking partners for routes reads, once: organisations that can be introduced, excluded pairs, sector names. */
async function partnerContext(db: Db) {
  return {
    name: await sectorNames(db),
    excluded: await excludedPairs(db),
    orgs: (await liveOrganisations(db)).filter((o) => o.contact_email),
  };
}

function partnersFor(route: RouteFacts, c: Awaited<ReturnType<typeof partnerContext>>): RouteSuggestions {
  const mr = asMatchRoute(route);
  const ranked = rank(
    c.orgs.map((o) => ({ item: o, suggestion: suggest(mr, asMatchOrg(o), c.name) })),
    new Set(c.orgs.filter((o) => c.excluded.has(`${o.id}:${route.id}`)).map((o) => o.id)),
  );
  return { route, needs: mr.needs, items: ranked.map((r) => ({ org: r.item, suggestion: r.suggestion })) };
}

/** The organisations that fit a route, best first, each with its reasons. Only organisations with a contact can be introduced. */
export async function suggestionsForRoute(db: Db, registrationId: string): Promise<RouteSuggestions> {
  const route = await routeFactsOf(db, registrationId);
  if (!route) throw new NotFoundError('registration');
  return partnersFor(route, await partnerContext(db));
}

/** Every admitted route with how many organisations fit it (the team's overview), read once for all. */
export async function suggestionCounts(db: Db): Promise<{ id: string; title: string; count: number }[]> {
  const c = await partnerContext(db);
  return (await admittedRouteFacts(db)).map((r) => ({ id: r.id, title: r.title, count: partnersFor(r, c).items.length }));
}

export type OrganisationSuggestions = { items: { route: RouteFacts; suggestion: Suggestion }[] };

/** The admitted routes an organisation fits, best first, each with its reasons. */
export async function suggestionsForOrganisation(db: Db, organisationId: string): Promise<OrganisationSuggestions> {
  const org = await findOrganisation(db, organisationId);
  if (!org || org.state === 'samengevoegd') throw new NotFoundError('organisation');
  const name = await sectorNames(db);
  const excluded = await excludedPairs(db);
  const mo = asMatchOrg(org);
  const routes = await admittedRouteFacts(db);
  const ranked = rank(
    routes.map((r) => ({ item: { ...r, name: r.title }, suggestion: suggest(asMatchRoute(r), mo, name) })),
    new Set(routes.filter((r) => excluded.has(`${org.id}:${r.id}`)).map((r) => r.id)),
  );
  return { items: ranked.map((r) => ({ route: r.item, suggestion: r.suggestion })) };
}
