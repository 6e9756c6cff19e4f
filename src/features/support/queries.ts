import type { Db } from '../../db/connect.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { readSetting } from '../../platform/settings/registry.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { teamWithExpertise } from '../accounts/index.ts';
import { conflictsWith, fulfilledConditionsOf, submittedVerdictsOf } from '../assessments/index.ts';
import { findInstitution, referenceOptions } from '../reference/index.ts';
import {
  inGroup,
  type RegistrationListItem,
  registrationById,
  registrationSummaries,
  registrationsByIds,
  registrationsOfUser,
} from '../registrations/index.ts';
import { filesOf, findRequest, listRequests, messagesOf, notesOf, openLoad, type RequestFilters, requestsOfRoutes } from './repo.ts';
import { type Clock, clock, FIRST_RESPONSE_SETTING, SOLUTION_SETTING, type SupportState, suggestAdvisors } from './rules.ts';

const day = (iso: string) => iso.slice(0, 10);
const isTeam = (u: Pick<CurrentUser, 'role'>) => u.role === 'team' || u.role === 'admin';

/** The admitted routes of the person's hogeschool: the ones that may ask. */
export async function routesThatMayAsk(db: Db, user: CurrentUser) {
  return user.role === 'applicant' ? admitted(await registrationsOfUser(db, user)) : [];
}

const admitted = (registrations: RegistrationListItem[]) => registrations.filter((r) => inGroup('admitted', r.state));

export type Draft = {
  key: string;
  registrationId: string;
  route: string;
  theme: string;
  subject: string;
  question: string;
  condition: string | null;
  why: string;
};

type AdmittedRoute = Awaited<ReturnType<typeof routesThatMayAsk>>[number];

/**
 * What support needs to know of each admitted route, for all of them at once: the registration,
 * the verdicts on its current version and the conditions already fulfilled (three queries,
 * whatever the number of routes; the latest decision's conditions come with the route).
 */
async function admittedFacts(db: Db, routes: AdmittedRoute[]) {
  const ids = routes.map((r) => r.id);
  const [registrations, fulfilled] = await Promise.all([registrationsByIds(db, ids), fulfilledConditionsOf(db, ids)]);
  const verdicts = await submittedVerdictsOf(
    db,
    registrations.map((r) => ({ id: r.id, version: r.version })),
  );
  return { registrations: new Map(registrations.map((r) => [r.id, r])), fulfilled, verdicts };
}
type Facts = Awaited<ReturnType<typeof admittedFacts>>;

const conditionsIn = (route: AdmittedRoute) =>
  (route.decisionConditions ?? '')
    .split(/\n+/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * Ready drafts from what the platform knows of each admitted route: the support it asked for in its
 * registration, the criteria judged "voldoet deels" or "onduidelijk", and each acceptance
 * condition not yet fulfilled.
 */
function draftsFrom(routes: AdmittedRoute[], facts: Facts, themeCodes: string[]): Draft[] {
  const out: Draft[] = [];
  const themes = new Set(themeCodes);
  const pick = (t: string) => (themes.has(t) ? t : ([...themes][0] ?? ''));
  for (const r of routes) {
    const reg = facts.registrations.get(r.id);
    if (!reg) continue;
    const route = reg.title ?? reg.reference ?? 'uw route';
    const needs = reg.answers.deelname?.values.support_needs;
    const chosen = reg.answers.deelname?.values.themes;
    const firstTheme = Array.isArray(chosen) ? String(chosen[0] ?? '') : typeof chosen === 'string' ? chosen : '';
    if (typeof needs === 'string' && needs.trim())
      out.push({
        key: `${reg.id}:needs`,
        registrationId: reg.id,
        route,
        theme: pick(firstTheme),
        subject: 'Ondersteuning zoals gevraagd bij de aanmelding',
        question: needs.trim(),
        condition: null,
        why: 'uit uw aanmelding',
      });
    const open = new Set<string>();
    for (const v of facts.verdicts.get(reg.id) ?? [])
      for (const [code, j] of Object.entries(v)) if (j.verdict === 'partly' || j.verdict === 'unclear') open.add(code);
    for (const code of [...open].sort())
      out.push({
        key: `${reg.id}:${code}`,
        registrationId: reg.id,
        route,
        theme: pick(firstTheme),
        subject: `Hulp bij criterium ${code}`,
        question: `Bij de beoordeling was criterium ${code} nog niet helemaal duidelijk. Wij willen graag hulp bij: `,
        condition: null,
        why: `criterium ${code} voldeed deels of was onduidelijk`,
      });
    const fulfilled = new Set((facts.fulfilled.get(reg.id) ?? []).map((f) => f.condition));
    conditionsIn(r).forEach((c, i) => {
      if (!fulfilled.has(c))
        out.push({
          key: `${reg.id}:v${i}`,
          registrationId: reg.id,
          route,
          theme: pick(firstTheme),
          subject: `Voorwaarde: ${c.slice(0, 100)}`,
          question: `Bij de toelating is als voorwaarde gesteld: "${c}". Wij willen graag hulp om hieraan te voldoen: `,
          condition: c,
          why: 'een voorwaarde van de toelating',
        });
    });
  }
  return out;
}

/** Each admitted route's acceptance conditions with whether (and how) they were fulfilled. */
function conditionsFrom(routes: AdmittedRoute[], facts: Facts) {
  const out: { route: string; condition: string; fulfilled: { at: string; source: string } | null }[] = [];
  for (const r of routes) {
    const done = facts.fulfilled.get(r.id) ?? [];
    for (const c of conditionsIn(r)) {
      const f = done.find((d) => d.condition === c);
      out.push({ route: r.title ?? r.reference ?? 'route', condition: c, fulfilled: f ? { at: f.at, source: f.source } : null });
    }
  }
  return out;
}

const themeCodes = async (db: Db) => (await referenceOptions(db)).themes.map((t) => t.value);

/** The ready drafts of the person's admitted routes (the new-request page starts from one). */
export async function draftsFor(db: Db, user: CurrentUser): Promise<Draft[]> {
  const routes = await routesThatMayAsk(db, user);
  if (routes.length === 0) return [];
  const [facts, themes] = await Promise.all([admittedFacts(db, routes), themeCodes(db)]);
  return draftsFrom(routes, facts, themes);
}

/**
 * `/mijn`'s support card: the admitted routes of the person's hogeschool, their requests, the
 * ready drafts and the acceptance conditions — from the hogeschool's registrations the page has
 * read, the rest in five queries whatever their number. `null` when the person has no route that may ask.
 */
export async function supportOverview(db: Db, user: CurrentUser, registrations: RegistrationListItem[]) {
  const routes = user.role === 'applicant' ? admitted(registrations) : [];
  if (routes.length === 0) return null;
  const names = new Map(routes.map((r) => [r.id, r.title ?? r.reference ?? 'route']));
  const [facts, themes, requests] = await Promise.all([admittedFacts(db, routes), themeCodes(db), requestsOfRoutes(db, [...names.keys()])]);
  return {
    requests: requests.map((r) => ({
      id: r.id,
      reference: r.reference,
      subject: r.subject,
      state: r.state as SupportState,
      route: names.get(r.registration_id) ?? '',
    })),
    drafts: draftsFrom(routes, facts, themes),
    conditions: conditionsFrom(routes, facts),
  };
}

/** One request as its route or the team sees it; the team also gets the notes (`withNotes`). */
export async function requestView(db: Db, user: CurrentUser, id: string, withNotes: boolean) {
  const req = id.length <= 36 ? await findRequest(db, id) : undefined;
  if (!req) throw new NotFoundError('request');
  const reg = await registrationById(db, req.registration_id);
  if (!reg) throw new NotFoundError('request');
  if (!isTeam(user) && !(user.role === 'applicant' && user.institutionBrin === reg.institutionBrin)) throw new NotFoundError('request');
  if (withNotes && !isTeam(user)) throw new NotFoundError('request');
  const [messages, files, team] = await Promise.all([messagesOf(db, id), filesOf(db, id), teamWithExpertise(db)]);
  return {
    request: req,
    route: reg.title ?? reg.reference ?? 'route',
    registration: { id: reg.id, reference: reg.reference, institutionBrin: reg.institutionBrin },
    advisor: team.find((m) => m.id === req.advisor_id)?.name ?? null,
    messages: messages.map((m) => ({ ...m, files: files.filter((f) => f.message_id === m.id) })),
    notes: withNotes ? await notesOf(db, id) : [],
  };
}

/** Advisor suggestions for a request: expertise in its theme, lowest load, no conflict of interest. */
export async function advisorSuggestions(db: Db, request: { theme: string }, institutionBrin: string) {
  const [team, load, institution] = await Promise.all([teamWithExpertise(db), openLoad(db), findInstitution(db, institutionBrin)]);
  const conflicts = await conflictsWith(
    db,
    team.map((m) => m.id),
    { brin: institutionBrin, name: institution?.name ?? institutionBrin },
  );
  return suggestAdvisors(
    request.theme,
    team.map((m) => ({
      id: m.id,
      name: m.name,
      expertise: m.expertise,
      load: Number(load.find((l) => l.advisor_id === m.id)?.n ?? 0),
      conflicts: conflicts.get(m.id) ?? [],
    })),
  );
}

export type QueueRow = {
  id: string;
  reference: string;
  subject: string;
  theme: string;
  route: string;
  state: SupportState;
  advisor: string | null;
  ageDays: number;
  first: Clock;
  solution: Clock;
  outcome: string | null;
};

/** The team's queue with both clocks per request, on the working-day calendar. */
export async function supportQueue(db: Db, filters: RequestFilters, now = new Date()): Promise<QueueRow[]> {
  const [rows, team, firstDays, solutionDays] = await Promise.all([
    listRequests(db, filters),
    teamWithExpertise(db),
    readSetting(db, FIRST_RESPONSE_SETTING),
    readSetting(db, SOLUTION_SETTING),
  ]);
  const names = await registrationSummaries(
    db,
    rows.map((r) => r.registration_id),
  );
  const today = day(now.toISOString());
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    subject: r.subject,
    theme: r.theme,
    route: names.get(r.registration_id)?.title ?? names.get(r.registration_id)?.reference ?? '',
    state: r.state as SupportState,
    advisor: team.find((m) => m.id === r.advisor_id)?.name ?? null,
    ageDays: Math.floor((now.getTime() - Date.parse(r.created_at)) / 86_400_000),
    first: clock(day(r.created_at), firstDays, r.first_response_at ? day(r.first_response_at) : null, today),
    solution: clock(day(r.created_at), solutionDays, r.closed_at ? day(r.closed_at) : null, today),
    outcome: r.outcome,
  }));
}

/** Requests per theme and outcome (open ones apart), for the team dashboard. */
export async function requestsPerThemeAndOutcome(db: Db) {
  return listRequests(db, {});
}
