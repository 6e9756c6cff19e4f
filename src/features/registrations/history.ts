import type { Db } from '../../db/connect.ts';
import { timelineOf } from '../../platform/audit/repo.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import type { CurrentUser } from '../../ui/context.ts';
import { findInstitution } from '../reference/index.ts';
import { readout } from './readout.ts';
import { renderReceipt } from './receipt.ts';
import { findVersion, latestDecision, latestDecisionRows } from './repo.ts';
import type { Answers } from './rules.ts';
import { choices, getRegistration, type TimelineEntry } from './service.ts';

/** The registration's history for its owners: what happened when, from the audit trail. */
export async function timeline(db: Db, id: string): Promise<TimelineEntry[]> {
  return timelineOf(db, 'registration', id);
}

/** The receipt of a submitted version, rebuilt from its frozen snapshot. */
export async function receiptPdf(db: Db, user: CurrentUser, id: string, version: number): Promise<{ filename: string; pdf: Buffer }> {
  const reg = await getRegistration(db, user, id);
  const v = Number.isInteger(version) && version > 0 ? await findVersion(db, id, version) : undefined;
  if (!v) throw new NotFoundError('version');
  const institution = await findInstitution(db, reg.institutionBrin);
  const pdf = await renderReceipt({
    reference: v.reference,
    version: v.version,
    submittedAt: v.submitted_at,
    institutionName: institution?.name ?? reg.institutionBrin,
    sections: readout(JSON.parse(v.snapshot) as Answers, await choices(db)),
  });
  return { filename: `ontvangstbewijs-${v.reference}-v${v.version}.pdf`, pdf };
}

export type DecisionSummary = {
  kind: 'accept' | 'request_info' | 'decline';
  message: string;
  participation: string | null;
  conditions: string | null;
  deadline: string | null;
  reopened: string[];
  decidedAt: string;
};

type DecisionRow = NonNullable<Awaited<ReturnType<typeof latestDecision>>>;

const summary = (d: DecisionRow): DecisionSummary => ({
  kind: d.kind,
  message: d.message,
  participation: d.participation,
  conditions: d.conditions,
  deadline: d.deadline,
  reopened: d.reopened_steps ? (JSON.parse(d.reopened_steps) as string[]) : [],
  decidedAt: d.decided_at,
});

/** The latest decision, as the applicant reads it on the registration page. */
export async function decisionOf(db: Db, id: string): Promise<DecisionSummary | null> {
  const d = await latestDecision(db, id);
  return d ? summary(d) : null;
}

/** The latest decision of each of several registrations (those without one are absent), in one query. */
export async function decisionsOf(db: Db, ids: string[]): Promise<Map<string, DecisionSummary>> {
  return new Map([...(await latestDecisionRows(db, ids))].map(([id, d]) => [id, summary(d)]));
}

/** The answers of a submitted version as they were frozen, or null when there is no such version. */
export async function frozenAnswers(db: Db, id: string, version: number): Promise<Answers | null> {
  const v = Number.isInteger(version) && version > 0 ? await findVersion(db, id, version) : undefined;
  return v ? (JSON.parse(v.snapshot) as Answers) : null;
}
