/** Assessments (beoordelen): the public surface other features and app.ts may use. */
import type { Db } from '../../db/connect.ts';
import { newId } from '../../platform/crypto.ts';
import type { EventContext } from '../../platform/events.ts';
import { affiliationsOf, assessmentsOf, assigneesOf, fulfilmentsOfMany, insertFulfilment, submittedVerdictRows } from './repo.ts';
import { type Affiliation, conflictReasons, type Verdicts } from './rules.ts';

export { type DecisionForm, decide } from './decisions.ts';
export { AUDIT_LABELS } from './messages.ts';
export { runReminders, tellAssessorsOfResubmission } from './reminders.ts';
export { default as assessmentRoutes } from './routes.tsx';
export { CRITERION_STEPS, type Verdicts } from './rules.ts';
export { assign, ensureTemplates, saveAssessment } from './service.ts';
export { assessmentSurfaces } from './surfaces.tsx';

/** The team members assigned to a registration (id, name, e-mail). */
export async function assessorsOf(db: Db, registrationId: string) {
  return (await assigneesOf(db, [registrationId])).map((a) => ({ id: a.id, name: a.name ?? a.email, email: a.email }));
}

/** The submitted assessments of one version of a registration: who judged which criterion how. */
export async function submittedVerdicts(db: Db, registrationId: string, version: number): Promise<Verdicts[]> {
  return (await assessmentsOf(db, registrationId))
    .filter((a) => a.version === version && a.submitted_at)
    .map((a) => JSON.parse(a.verdicts) as Verdicts);
}

/** Conflicts of interest of team members with a hogeschool (the rule of the assessment queue), per member. */
export async function conflictsWith(
  db: Db,
  memberIds: string[],
  institution: { brin: string; name: string },
): Promise<Map<string, string[]>> {
  const rows = await affiliationsOf(db, memberIds);
  return new Map(
    memberIds.map((id) => [
      id,
      conflictReasons(
        rows.filter((r) => r.user_id === id).map((r) => ({ kind: r.kind, value: r.value }) as Affiliation),
        { institutionBrin: institution.brin, institutionName: institution.name, partnerNames: [] },
      ),
    ]),
  );
}

/** Subscriber of `support.condition_met`: the acceptance condition is recorded as fulfilled, in the same transaction. */
export async function markConditionMet(
  event: { registrationId: string; condition: string; source: string },
  ctx: EventContext,
): Promise<void> {
  await insertFulfilment(ctx.trx, {
    id: newId(),
    registration_id: event.registrationId,
    condition_text: event.condition,
    source: event.source,
    fulfilled_at: ctx.now.toISOString(),
    fulfilled_by: ctx.actorUserId,
  });
}

/** The acceptance conditions each of several routes has fulfilled, with when and how (in one query). */
export async function fulfilledConditionsOf(db: Db, registrationIds: string[]) {
  const out = new Map<string, { condition: string; source: string; at: string }[]>();
  for (const f of await fulfilmentsOfMany(db, registrationIds))
    out.set(f.registration_id, [
      ...(out.get(f.registration_id) ?? []),
      { condition: f.condition_text, source: f.source, at: f.fulfilled_at },
    ]);
  return out;
}

/** The submitted verdicts on the current version of several registrations, per registration (in one query). */
export async function submittedVerdictsOf(db: Db, registrations: { id: string; version: number }[]): Promise<Map<string, Verdicts[]>> {
  const current = new Map(registrations.map((r) => [r.id, r.version]));
  const out = new Map<string, Verdicts[]>();
  for (const a of await submittedVerdictRows(db, [...current.keys()]))
    if (a.version === current.get(a.registration_id))
      out.set(a.registration_id, [...(out.get(a.registration_id) ?? []), JSON.parse(a.verdicts) as Verdicts]);
  return out;
}
export { assessmentsPersonalData } from './privacy.ts';
