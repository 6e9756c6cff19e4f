/**
 * Registrations (aanmelden): the public surface other features and app.ts may use. Everything
 * else in this folder is private to it (scripts/check-structure.ts).
 */
import type { Db, Trx } from '../../db/connect.ts';
import {
  admittedPerProvince,
  admittedPerSector,
  claimReminder as claim,
  countByState,
  countPerInstitution,
  deleteRegistrationsCreatedBy,
  findRegistrationIdsByReference,
  openRegistrations,
} from './repo.ts';
import { type Answers, STATE_GROUPS, STATES, type State } from './rules.ts';

export { saveStep, startRegistration, storeUpload } from './editing.ts';
export type { AcceptedRegistration } from './events.ts';
export { decisionOf, decisionsOf, frozenAnswers } from './history.ts';
export { type LifecycleContext, noteEventAttendance, type TransitionResult, transition } from './lifecycle.ts';
export { AUDIT_LABELS } from './messages.ts';
export { admittedRouteFacts, type RouteFacts, routeFacts, routeFactsOf } from './partners.ts';
export { type ReadoutSection, readout } from './readout.ts';
export { default as registrationRoutes } from './routes.tsx';
export {
  type Answers,
  canViewRegistration,
  inGroup,
  PARTICIPATION_LABELS,
  STATE_GROUPS,
  STATE_LABELS,
  STATES,
  type State,
  stateLabel,
} from './rules.ts';
export { type Choices, rawValues, validateStep } from './schemas.ts';
export {
  admittedRegistrations,
  choices,
  contactsOf,
  getRegistration,
  myRegistrations,
  type Registration,
  type RegistrationListItem,
  registrationById,
  registrationSummaries,
  registrationsByIds,
  registrationsOfInstitution,
  registrationsOfUser,
} from './service.ts';
export { FILE_MAX_BYTES, LEVELS, MODES, PARTICIPATION, STEPS, stepBySlug, TARGET_GROUPS } from './steps.ts';
export { submitRegistration, withdrawRegistration } from './submission.ts';
export { registrationSurfaces } from './surfaces.tsx';
export { CriterionWording, ReadoutValue } from './views/parts.tsx';

/** Registrations waiting for a decision, with what the reminder job needs to decide. */
export async function registrationsAwaitingDecision(db: Db) {
  return openRegistrations(db, STATE_GROUPS.open);
}

/** Marks a reminder as sent; `false` when another worker already did (so it is sent once). */
export async function claimReminder(
  trx: Trx,
  id: string,
  column: 'review_reminded_at' | 'info_reminded_at' | 'info_escalated_at',
  now: Date,
): Promise<boolean> {
  return claim(trx, id, column, now.toISOString());
}

/** Removes the registrations these (demo) users started, with everything that hangs on them. */
export async function removeRegistrationsOf(trx: Trx, userIds: string[]): Promise<string[]> {
  return deleteRegistrationsCreatedBy(trx, userIds);
}

/** Registrations per state, every state listed (zero where there are none), for the team's figures. */
export async function registrationsPerState(db: Db): Promise<{ state: State; count: number }[]> {
  const rows = new Map((await countByState(db)).map((r) => [r.state, Number(r.n)]));
  return STATES.map((state) => ({ state, count: rows.get(state) ?? 0 }));
}

/** Admitted routes per sector code (null: no sector given), largest first. */
export async function admittedRoutesPerSector(db: Db): Promise<{ sector: string | null; count: number }[]> {
  return (await admittedPerSector(db, STATE_GROUPS.admitted))
    .map((r) => ({ sector: r.sector, count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || String(a.sector).localeCompare(String(b.sector)));
}

/** Admitted routes per province code (null: none given), largest first. */
export async function admittedRoutesPerProvince(db: Db): Promise<{ province: string | null; count: number }[]> {
  return (await admittedPerProvince(db, STATE_GROUPS.admitted))
    .map((r) => ({ province: r.province, count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || String(a.province).localeCompare(String(b.province)));
}

/** The themes a registration chose (step "deelname"), as codes. */
export function chosenThemes(answers: Answers): string[] {
  const v = answers.deelname?.values.themes;
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
}

/** The id of the registration with this reference (MKB-2026-0042), if there is one. */
export async function registrationIdByReference(db: Db, reference: string): Promise<string | null> {
  return (await findRegistrationIdsByReference(db, reference.trim().toUpperCase()))[0]?.id ?? null;
}

/** How many registrations refer to each of these hogescholen (a reference-data import shows it before anything changes). */
export async function registrationsPerInstitution(db: Db, brins: string[]): Promise<Map<string, number>> {
  return new Map((await countPerInstitution(db, brins)).map((r) => [r.institution_brin, Number(r.n)]));
}
export { registrationsPersonalData } from './privacy.ts';
