/** Assessments (beoordelen): the public surface other features and app.ts may use. */
import type { Db } from '../../db/connect.ts';
import { assessmentsOf, assigneesOf } from './repo.ts';
import type { Verdicts } from './rules.ts';

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
