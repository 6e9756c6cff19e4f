import type { Db } from '../../db/connect.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import type { SharedRead } from '../../platform/surfaces.tsx';
import type { CurrentUser } from '../../ui/context.ts';
import { emailsOf } from '../accounts/index.ts';
import { referenceOptions } from '../reference/index.ts';
import { isState } from './lifecycle.ts';
import { RegistrationClosedError } from './messages.ts';
import {
  findRegistration,
  findRegistrations,
  findRegistrationsInStates,
  latestDecisionRows,
  listRegistrationsOfInstitution,
} from './repo.ts';
import { type Answers, canEditRegistration, canEditStep, canViewRegistration, STATE_GROUPS, type State } from './rules.ts';
import type { Choices } from './schemas.ts';

export type Registration = {
  id: string;
  institutionBrin: string;
  reference: string | null;
  state: State;
  version: number;
  answers: Answers;
  revision: number;
  title: string | null;
  createdAt: string;
  createdBy: string | null;
  participation: string | null;
  updatedAt: string;
  submittedAt: string | null;
  withdrawnReason: string | null;
  reopenedSteps: string[] | null;
};

export type RegistrationListItem = Pick<
  Registration,
  'id' | 'reference' | 'state' | 'title' | 'createdAt' | 'updatedAt' | 'submittedAt' | 'participation'
> & {
  updatedBy: string | null;
  decisionMessage: string | null;
  /** The acceptance conditions of the latest decision, one a line, if it set any. */
  decisionConditions: string | null;
};
export type TimelineEntry = { at: string; label: string };

function parseState(value: string): State {
  if (!isState(value)) throw new Error(`unknown registration state ${value}`);
  return value;
}

export function rowToRegistration(row: NonNullable<Awaited<ReturnType<typeof findRegistration>>>): Registration {
  return {
    id: row.id,
    institutionBrin: row.institution_brin,
    reference: row.reference,
    state: parseState(row.state),
    version: row.version,
    answers: JSON.parse(row.answers) as Answers,
    revision: row.revision,
    title: row.title,
    createdAt: row.created_at,
    createdBy: row.created_by,
    participation: row.participation,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    withdrawnReason: row.withdrawn_reason,
    reopenedSteps: row.reopened_steps ? (JSON.parse(row.reopened_steps) as string[]) : null,
  };
}

export async function choices(db: Db): Promise<Choices> {
  return referenceOptions(db);
}

/**
 * A registration the user may see. Anything else, also another hogeschool's, is "not found":
 * the answer does not reveal that it exists.
 */
export async function getRegistration(db: Db, user: CurrentUser, id: string): Promise<Registration> {
  const row = id.length <= 36 ? await findRegistration(db, id) : undefined;
  if (!row || !canViewRegistration(user, { institutionBrin: row.institution_brin })) throw new NotFoundError('registration');
  return rowToRegistration(row);
}

export async function getEditableRegistration(db: Db, user: CurrentUser, id: string, slug?: string): Promise<Registration> {
  const reg = await getRegistration(db, user, id);
  if (!canEditRegistration(user, reg) || (slug && !canEditStep(reg, slug))) throw new RegistrationClosedError(reg.state);
  return reg;
}

export async function registrationsOfUser(db: Db, user: CurrentUser): Promise<RegistrationListItem[]> {
  if (!user.institutionBrin) return [];
  const rows = await listRegistrationsOfInstitution(db, user.institutionBrin);
  const decisions = await latestDecisionRows(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    decisionMessage: decisions.get(r.id)?.message ?? null,
    decisionConditions: decisions.get(r.id)?.conditions ?? null,
    id: r.id,
    reference: r.reference,
    state: parseState(r.state),
    title: r.title,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    participation: r.participation,
    updatedBy: r.updated_by_name ?? r.updated_by_email,
  }));
}

/**
 * The registrations of the person's hogeschool, for the cards of `/mijn` to share
 * (`SurfaceContext.once(myRegistrations)`): the list is read once for the page, not once a card.
 */
export const myRegistrations: SharedRead<RegistrationListItem[]> = ({ db, user }) => registrationsOfUser(db, user);

/** Several registrations by id in one query (unknown ids are left out); no access check. */
export async function registrationsByIds(db: Db, ids: string[]): Promise<Registration[]> {
  return (
    await findRegistrations(
      db,
      ids.filter((id) => id.length <= 36),
    )
  ).map(rowToRegistration);
}

/** A registration by id, for other features that hold its id (the kick-off, the catalogue); no access check. */
export async function registrationById(db: Db, id: string): Promise<Registration | null> {
  const row = id.length <= 36 ? await findRegistration(db, id) : undefined;
  return row ? rowToRegistration(row) : null;
}

/** Every registration admitted to the programme (accepted or participant), by reference. */
export async function admittedRegistrations(db: Db): Promise<Registration[]> {
  return (await findRegistrationsInStates(db, STATE_GROUPS.admitted)).map(rowToRegistration);
}

/** Reference and title of several registrations at once, for lists in other features. */
export async function registrationSummaries(
  db: Db,
  ids: string[],
): Promise<Map<string, { reference: string | null; title: string | null }>> {
  const rows = await findRegistrations(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { reference: r.reference, title: r.title }]));
}

/**
 * Who hears about a registration: the contact persons named in its first step and the account that
 * started it, each address once. The one list every mail about a registration goes to; a mail
 * about something a person just did also goes to that person (`alsoTo`).
 */
export async function contactsOf(db: Db, reg: { answers: Answers; createdBy: string | null }, alsoTo: string[] = []): Promise<string[]> {
  const org = reg.answers.organisatie?.values ?? {};
  const creator = reg.createdBy ? ((await emailsOf(db, [reg.createdBy]))[0] ?? null) : null;
  const all = [org.contact_email, org.contact2_email, creator, ...alsoTo];
  return [...new Set(all.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

/** Reference and title of each of a hogeschool's registrations, by id (for other features' cards on /mijn). */
export async function registrationsOfInstitution(
  db: Db,
  brin: string,
): Promise<Map<string, { reference: string | null; title: string | null }>> {
  return new Map((await listRegistrationsOfInstitution(db, brin)).map((r) => [r.id, { reference: r.reference, title: r.title }]));
}
