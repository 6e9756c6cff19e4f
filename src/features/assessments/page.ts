import type { Db } from '../../db/connect.ts';
import { trailOf } from '../../platform/audit/repo.ts';
import { ViewCache } from '../../platform/view-cache.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { criteriaAt, findInstitution } from '../reference/index.ts';
import { type Answers, choices, frozenAnswers as frozenVersion, type Registration, readout, STATE_GROUPS } from '../registrations/index.ts';
import { affiliationsOf, assessmentsOf, assignmentsOf, commentsOf, dismissalsOf, teamWithLoad } from './repo.ts';
import { type Affiliation, type Change, changes, conflictReasons, type Recommendation, suggestAssignee, type Verdicts } from './rules.ts';
import { registrationForTeam, who } from './service.ts';

// ---------------------------------------------------------------- the assessment page

export type Member = { id: string; name: string; load: number; assigned: boolean; conflicts: string[]; dismissed: string | null };
export type AssessmentRecord = {
  assessorId: string;
  assessor: string;
  version: number;
  verdicts: Verdicts;
  recommendation: Recommendation | null;
  proposedParticipation: string | null;
  summary: string;
  submittedAt: string | null;
};

function partnerNames(answers: Answers): string[] {
  const names: string[] = [];
  for (const [step, prefix] of [
    ['mkb-werkplek', 'companies_'],
    ['samen-vormgeven', 'associations_'],
    ['samen-vormgeven', 'partners_'],
  ] as const) {
    for (const [k, v] of Object.entries(answers[step]?.values ?? {})) {
      if (k.startsWith(prefix) && k.endsWith('_name') && typeof v === 'string' && v.trim()) names.push(v);
    }
  }
  return names;
}

function toRecord(r: Awaited<ReturnType<typeof assessmentsOf>>[number]): AssessmentRecord {
  return {
    assessorId: r.assessor_id,
    assessor: r.assessor_name ?? r.assessor_email,
    version: r.version,
    verdicts: JSON.parse(r.verdicts) as Verdicts,
    recommendation: (r.recommendation as Recommendation | null) || null,
    proposedParticipation: r.proposed_participation || null,
    summary: r.summary ?? '',
    submittedAt: r.submitted_at,
  };
}

async function frozenAnswers(db: Db, reg: Registration, version: number): Promise<Answers> {
  return (await frozenVersion(db, reg.id, version)) ?? reg.answers;
}

const teamLoad = new ViewCache<Awaited<ReturnType<typeof teamWithLoad>>>('team_version');

/**
 * The page's data per registration and person, kept under `assessment_version`, which the
 * database raises on every change to anything the page shows (migration
 * 2026-11-30T0900-assessment-version, ADR 010). Nothing on the page moves with the clock alone.
 */
const pageData = new ViewCache<Awaited<ReturnType<typeof readAssessmentPage>>>('assessment_version', 500);

/** Everything the assessment page shows; other assessors' verdicts only once the user submitted. */
export async function assessmentPage(db: Db, user: CurrentUser, id: string) {
  // Who may see it is settled before this (the route admits team members only); whether it exists
  // (and is no draft) is settled by the computation, which throws and is then not kept. A change of
  // the person's role or of the registration raises the version, so no stale answer outlives it.
  return pageData.get(db, `${id}:${user.id}`, () => readAssessmentPage(db, user, id));
}

async function readAssessmentPage(db: Db, user: CurrentUser, id: string) {
  const reg = await registrationForTeam(db, user, id);
  const institution = await findInstitution(db, reg.institutionBrin);
  const options = await choices(db);
  const current = await frozenAnswers(db, reg, reg.version);
  // The criteria in the words the registration was (last) submitted against.
  const sections = readout(current, options, await criteriaAt(db, reg.submittedAt ?? new Date().toISOString()));

  // The team with its open load counts every open registration: kept behind team_version (ADR 010).
  const team = await teamLoad.get(db, 'open', () => teamWithLoad(db, STATE_GROUPS.open));
  const affiliations = await affiliationsOf(
    db,
    team.map((m) => m.id),
  );
  const assigned = new Set((await assignmentsOf(db, id)).map((a) => a.user_id));
  const dismissals = await dismissalsOf(db, id);
  const partners = partnerNames(current);
  const members: Member[] = team.map((m) => {
    const conflicts = conflictReasons(
      affiliations.filter((a) => a.user_id === m.id).map((a): Affiliation => ({ kind: a.kind, value: a.value })),
      { institutionBrin: reg.institutionBrin, institutionName: institution?.name ?? reg.institutionBrin, partnerNames: partners },
    );
    return {
      id: m.id,
      name: who(m),
      load: Number(m.load),
      assigned: assigned.has(m.id),
      conflicts,
      dismissed: dismissals.find((d) => d.user_id === m.id)?.reason ?? null,
    };
  });
  const suggestion = suggestAssignee(members.map((m) => ({ ...m, conflicted: m.conflicts.length > 0 && !m.dismissed })));

  const all = (await assessmentsOf(db, id)).map(toRecord);
  const mine = all.filter((a) => a.assessorId === user.id);
  const myCurrent = mine.find((a) => a.version === reg.version) ?? null;
  const mySubmitted = myCurrent?.submittedAt != null;
  const others = mySubmitted ? all.filter((a) => a.assessorId !== user.id && a.version === reg.version && a.submittedAt) : [];
  const othersPending = all.filter((a) => a.assessorId !== user.id && a.version === reg.version && a.submittedAt).length;

  // What changed since the last version this assessor assessed (or, failing that, the previous one).
  const lastSeen = mine.filter((a) => a.version < reg.version).at(-1)?.version ?? (reg.version > 1 ? reg.version - 1 : null);
  let changed: Change[] | null = null;
  if (lastSeen !== null) changed = changes(readout(await frozenAnswers(db, reg, lastSeen), options), sections);

  const comments = (await commentsOf(db, id)).map((c) => ({
    id: c.id,
    body: c.body,
    at: c.created_at,
    author: c.author_name ?? c.author_email ?? 'onbekend',
  }));
  const trail = await trailOf(db, 'registration', id);

  return {
    reg,
    institutionName: institution?.name ?? reg.institutionBrin,
    sections,
    members,
    suggestion,
    myAssessment: myCurrent,
    mySubmitted,
    others,
    othersHidden: mySubmitted ? 0 : othersPending,
    /** Assessments of this version submitted by anyone: a decision needs at least one. */
    submittedCount: all.filter((a) => a.version === reg.version && a.submittedAt).length,
    changed,
    lastSeen,
    comments,
    trail,
  };
}
