/**
 * State for tests, built through the platform's own services — the same lifecycle, audit events,
 * mails and event subscribers as a person clicking through — but without HTTP round trips. Use
 * these where a test needs "a registration in state X"; test the HTTP path itself in the feature's
 * own tests. Nothing here inserts rows directly.
 */
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/connect.ts';
import { ensureCurrentUser } from '../src/features/accounts/index.ts';
import { assign, decide, saveAssessment, type Verdicts } from '../src/features/assessments/index.ts';
import {
  choices,
  rawValues,
  STEPS,
  saveStep,
  startRegistration,
  submitRegistration,
  validateStep,
} from '../src/features/registrations/index.ts';
import type { CurrentUser } from '../src/ui/context.ts';
import { VALID } from './registration-fixtures.ts';

type Site = { db: Db; config: Config };

/** A user (made or updated) as services know the one acting. */
export async function user(
  db: Db,
  email: string,
  role: 'applicant' | 'team' | 'admin',
  options: { brin?: string; name?: string } = {},
): Promise<CurrentUser> {
  return ensureCurrentUser(db, {
    email,
    role,
    name: options.name,
    institutionBrin: options.brin ?? (role === 'applicant' ? '07GR' : null),
  });
}

export type RegistrationState = 'draft' | 'submitted' | 'in_review' | 'accepted';

export type Made = { id: string; applicant: CurrentUser; team: CurrentUser | null };

/**
 * A registration of `applicant`'s hogeschool in the given state, with the VALID answers (and any
 * `answers` overriding them per step). `in_review` assigns `team`; `accepted` also records the
 * team member's assessment (`verdicts`, if given) and accepts as pilot partner, which invites to
 * the kick-off and publishes the route (with consent) as acceptance always does.
 */
export async function registration(
  site: Site,
  state: RegistrationState,
  options: {
    applicant?: CurrentUser;
    team?: CurrentUser;
    answers?: Partial<Record<keyof typeof VALID, Record<string, string>>>;
    verdicts?: Verdicts;
    conditions?: string;
  } = {},
): Promise<Made> {
  const { db, config } = site;
  const applicant = options.applicant ?? (await user(db, 'anna@avans.nl', 'applicant', { name: 'anna' }));
  const id = await startRegistration(db, applicant);
  const options_ = await choices(db);
  for (const step of STEPS) {
    const raw = { ...(VALID as Record<string, Record<string, string>>)[step.slug], ...options.answers?.[step.slug as keyof typeof VALID] };
    const result = validateStep(step, rawValues(step, raw), options_);
    if (!result.ok) throw new Error(`factory answers for ${step.slug} do not validate: ${JSON.stringify(result.errors)}`);
    await saveStep(db, applicant, id, step.slug, result.values, true, null);
  }
  if (state === 'draft') return { id, applicant, team: null };
  await submitRegistration(db, config, applicant, id);
  if (state === 'submitted') return { id, applicant, team: null };
  const team = options.team ?? (await user(db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' }));
  await assign(db, config, team, id, [team.id]);
  if (state === 'in_review') return { id, applicant, team };
  await assessAndAccept(site, team, id, { verdicts: options.verdicts, conditions: options.conditions, message: 'Welkom' });
  return { id, applicant, team };
}

/** What the team does to accept an assigned registration: an assessment submitted (all "voldoet" unless given), then the decision. */
export async function assessAndAccept(
  site: { db: Db; config: Config },
  team: CurrentUser,
  id: string,
  options: { verdicts?: Verdicts; conditions?: string; message?: string } = {},
) {
  const verdicts =
    options.verdicts ?? Object.fromEntries(['C1', 'C2', 'C3', 'C4', 'C5'].map((c) => [c, { verdict: 'meets' as const, explanation: '' }]));
  await saveAssessment(site.db, team, id, { verdicts, recommendation: 'accept', proposedParticipation: 'pilot', summary: '' }, true);
  await decide(site.db, site.config, team, id, {
    kind: 'accept',
    participation: 'pilot',
    conditions: options.conditions ?? '',
    reopen: [],
    message: options.message ?? '',
    deadline: '',
  });
}
