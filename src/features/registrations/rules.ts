import type { CurrentUser } from '../../ui/context.ts';
import { fieldNames } from './rows.ts';
import type { Values } from './schemas.ts';
import { STEPS, type Step } from './steps.ts';

export const STATES = ['draft', 'submitted', 'in_review', 'info_requested', 'accepted', 'participant', 'declined', 'withdrawn'] as const;
export type State = (typeof STATES)[number];

/** The groups of states the rest of the code asks about, named once. */
export const STATE_GROUPS = {
  /** Submitted and waiting for a decision: what assessors carry as load and reminders look at. */
  open: ['submitted', 'in_review', 'info_requested'],
  /** The applicant can still withdraw: before a decision. */
  withdrawable: ['submitted', 'in_review', 'info_requested'],
  /** The applicant edits (an information request reopens only some steps). */
  editable: ['draft', 'info_requested'],
  /** A team member may record an assessment. */
  assessable: ['submitted', 'in_review'],
  /** Admitted to the programme: accepted, and after the kick-off a participant. */
  admitted: ['accepted', 'participant'],
} as const satisfies Record<string, readonly State[]>;

export const inGroup = (group: keyof typeof STATE_GROUPS, state: State): boolean =>
  (STATE_GROUPS[group] as readonly State[]).includes(state);

export const STATE_LABELS: Record<State, string> = {
  draft: 'Concept',
  submitted: 'Ingediend',
  in_review: 'In beoordeling',
  info_requested: 'Aanvulling gevraagd',
  accepted: 'Toegelaten',
  participant: 'Deelnemer',
  declined: 'Afgewezen',
  withdrawn: 'Ingetrokken',
};

export type Action = 'submit' | 'withdraw' | 'start_review' | 'accept' | 'request_info' | 'decline' | 'become_participant';
export type DecisionKind = 'accept' | 'request_info' | 'decline';

/** Every allowed move of the lifecycle (DOMAIN.md); nothing else may change a state. */
const TRANSITIONS: Record<Action, { from: readonly State[]; to: State }> = {
  submit: { from: ['draft', 'info_requested'], to: 'submitted' },
  withdraw: { from: STATE_GROUPS.withdrawable, to: 'withdrawn' },
  start_review: { from: ['submitted'], to: 'in_review' },
  accept: { from: ['in_review'], to: 'accepted' },
  request_info: { from: ['in_review'], to: 'info_requested' },
  decline: { from: ['in_review'], to: 'declined' },
  become_participant: { from: ['accepted'], to: 'participant' },
};

export const PARTICIPATION_LABELS: Record<string, string> = {
  pilot: 'pilotpartner',
  development: 'ontwikkelpartner',
  knowledge: 'kennispartner',
};

/** "Toegelaten als pilotpartner" once accepted, "Deelnemer (pilotpartner)" after the kick-off; the plain label otherwise. */
export function stateLabel(state: State, participation: string | null): string {
  const as = participation ? PARTICIPATION_LABELS[participation] : undefined;
  if (state === 'participant') return as ? `Deelnemer (${as})` : 'Deelnemer';
  if (state === 'accepted' && as) return `Toegelaten als ${as}`;
  return STATE_LABELS[state];
}

export function nextState(action: Action, from: State): State | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

export type RegistrationAccess = { institutionBrin: string; state: State };

export const canStartRegistration = (user: CurrentUser | null): boolean => user?.role === 'applicant' && user.institutionBrin !== null;

/** Colleagues of one hogeschool share its registrations; the programme team sees all. */
export function canViewRegistration(user: CurrentUser | null, reg: { institutionBrin: string }): boolean {
  if (!user) return false;
  if (user.role === 'team' || user.role === 'admin') return true;
  return user.role === 'applicant' && user.institutionBrin === reg.institutionBrin;
}

/** Only applicants of the hogeschool edit, and only while the registration is open to them. */
export function canEditRegistration(user: CurrentUser | null, reg: RegistrationAccess): boolean {
  return user?.role === 'applicant' && user.institutionBrin === reg.institutionBrin && inGroup('editable', reg.state);
}

/** During an information request only the reopened steps can change; a draft is open throughout. */
export function canEditStep(reg: { state: State; reopenedSteps: string[] | null }, slug: string): boolean {
  if (reg.state === 'draft') return true;
  if (reg.state === 'info_requested') return (reg.reopenedSteps ?? []).includes(slug);
  return false;
}

export function canWithdraw(user: CurrentUser | null, reg: RegistrationAccess): boolean {
  return user?.role === 'applicant' && user.institutionBrin === reg.institutionBrin && inGroup('withdrawable', reg.state);
}

export type StepAnswers = { values: Values; complete: boolean };
export type Answers = Record<string, StepAnswers>;

export type StepStatus = 'complete' | 'incomplete' | 'empty';

export function stepStatus(answers: Answers, slug: string): StepStatus {
  const a = answers[slug];
  if (!a) return 'empty';
  return a.complete ? 'complete' : 'incomplete';
}

export function allStepsComplete(answers: Answers): boolean {
  return STEPS.every((s) => answers[s.slug]?.complete === true);
}

/** The first step that still needs work: where "resume" takes the user. */
export function resumeStep(answers: Answers): string | null {
  return STEPS.find((s) => !answers[s.slug]?.complete)?.slug ?? null;
}

function isEmpty(step: Step, values: Values, name: string): boolean {
  const field = step.fields.find((f) => f.name === name);
  if (!field) return true;
  return fieldNames(field, values).every((n) => {
    const v = values[n];
    return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  });
}

export type Warning = { step: string; field: string; message: string };

/** Recommended-but-optional answers that are missing: shown on the summary, never blocking. */
export function warnings(answers: Answers): Warning[] {
  const found: Warning[] = [];
  for (const step of STEPS) {
    const values = answers[step.slug]?.values ?? {};
    for (const field of step.fields) {
      if (field.recommended && isEmpty(step, values, field.name)) {
        found.push({ step: step.slug, field: fieldNames(field)[0] ?? field.name, message: field.recommended });
      }
    }
  }
  return found;
}

/** `MKB-2026-0042`: the year of submission and a number counted per year. */
export function formatReference(year: number, n: number): string {
  return `MKB-${year}-${String(n).padStart(4, '0')}`;
}

/** Facts other features filter on, copied into columns whenever the answers are saved. */
export function answerFacts(answers: Answers): {
  title: string | null;
  sector: string | null;
  province: string | null;
  participation_wish: string | null;
} {
  const pick = (step: string, name: string) => {
    const v = answers[step]?.values[name];
    return typeof v === 'string' && v ? v.slice(0, 16) : null;
  };
  return {
    title: registrationTitle(answers),
    sector: pick('opleiding', 'sector'),
    province: pick('opleiding', 'province'),
    participation_wish: pick('deelname', 'participation'),
  };
}

/** A short name for lists: the programme's name once the applicant gave it. */
export function registrationTitle(answers: Answers): string | null {
  const name = answers.opleiding?.values.programme_name;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : null;
}
