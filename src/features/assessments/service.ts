import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import { enqueueMail } from '../../platform/mail/repo.ts';
import type { SettingDefinition } from '../../platform/settings/registry.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { getRegistration, inGroup, type Registration, STATE_GROUPS, transition } from '../registrations/index.ts';
import { MAILS, REFUSALS } from './messages.ts';
import {
  affiliationsOf,
  assignmentsOf,
  deleteAffiliation,
  findTemplate,
  insertAffiliation,
  insertComment,
  insertDismissal,
  insertMissingTemplates,
  listTemplates,
  replaceAssignments,
  teamWithLoad,
  updateTemplate,
  upsertAssessment,
} from './repo.ts';
import { type Recommendation, unknownPlaceholders, type Verdicts, verdictProblems } from './rules.ts';
import { DEFAULT_TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from './templates.ts';

export const PAGE_SIZE = 50;
/** Defaults; `review_reminder_days` in the settings table overrides the first. */
export const REVIEW_REMINDER_DAYS = 10;
/** The assessment's settings, shown and changed at /beheer/instellingen. */
export const REVIEW_REMINDER_SETTING: SettingDefinition = {
  key: 'review_reminder_days',
  label: 'Herinnering bij een open beoordeling',
  description: 'Na zoveel dagen zonder besluit krijgen de beoordelaars (of het team) een herinnering.',
  unit: 'dagen',
  default: REVIEW_REMINDER_DAYS,
  min: 1,
  max: 90,
};
export const INFO_ESCALATION_DAYS = 5;

type LifecycleConfig = Pick<Config, 'baseUrl' | 'sessionSecret'>;

export const who = (r: { name: string | null; email: string }) => r.name ?? r.email;

export async function registrationForTeam(db: Db, user: CurrentUser, id: string): Promise<Registration> {
  const reg = await getRegistration(db, user, id);
  if (reg.state === 'draft') throw new NotFoundError('draft');
  return reg;
}

export async function ensureTemplates(db: Db, now = new Date()): Promise<void> {
  await insertMissingTemplates(
    db,
    TEMPLATE_KEYS.map((key) => ({ key, ...DEFAULT_TEMPLATES[key], updated_at: now.toISOString() })),
  );
}

// ---------------------------------------------------------------- assignment and conflicts

/**
 * Sets who assesses the registration. Side effects (one transaction): the assignments, an audit
 * event with their account ids, a mail to each newly assigned member, and — when the registration was just
 * submitted — the move to "in beoordeling".
 */
export async function assign(db: Db, config: LifecycleConfig, user: CurrentUser, id: string, memberIds: string[], now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const reg = await registrationForTeam(trx, user, id);
    const team = await teamWithLoad(trx, STATE_GROUPS.open);
    const valid = [...new Set(memberIds)].filter((m) => team.some((t) => t.id === m));
    if (valid.length !== new Set(memberIds).size) throw new ConflictError(REFUSALS.unknownMember.title, REFUSALS.unknownMember.text);
    const before = new Set((await assignmentsOf(trx, id)).map((a) => a.user_id));
    await replaceAssignments(trx, id, valid, user.id, now.toISOString());
    // The assessors by account id: the trail shows their names as they are now (AVG: no copies).
    await recordAudit(
      trx,
      { actorUserId: user.id, action: 'registration.assigned', subjectType: 'registration', subjectId: id, detail: { userIds: valid } },
      now,
    );
    for (const m of valid.filter((v) => !before.has(v))) {
      const member = team.find((t) => t.id === m);
      if (!member) continue;
      await enqueueMail(
        trx,
        {
          to: member.email,
          ...MAILS.assigned({ reference: reg.reference, title: reg.title, link: `${config.baseUrl}/beheer/aanmeldingen/${id}` }),
        },
        now,
      );
    }
    if (reg.state === 'submitted' && valid.length > 0)
      await transition({ trx, config, actorUserId: user.id, now }, reg, { action: 'start_review' });
  });
}

export async function startReview(db: Db, config: LifecycleConfig, user: CurrentUser, id: string, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const reg = await registrationForTeam(trx, user, id);
    const result = await transition({ trx, config, actorUserId: user.id, now }, reg, { action: 'start_review' });
    if (!result.ok) throw new ConflictError(REFUSALS.cannotStart.title, REFUSALS.cannotStart.text);
  });
}

export async function dismissConflict(db: Db, user: CurrentUser, id: string, memberId: string, reason: string, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    await registrationForTeam(trx, user, id);
    await insertDismissal(trx, { registration_id: id, user_id: memberId, reason, dismissed_by: user.id, dismissed_at: now.toISOString() });
    await recordAudit(
      trx,
      {
        actorUserId: user.id,
        action: 'conflict.dismissed',
        subjectType: 'registration',
        subjectId: id,
        detail: { member: memberId, reason },
      },
      now,
    );
  });
}

// ---------------------------------------------------------------- assessments and comments

export type AssessmentInput = { verdicts: Verdicts; recommendation: Recommendation | ''; proposedParticipation: string; summary: string };

/** Saves the user's own assessment of the current version; submitting freezes it. */
export async function saveAssessment(db: Db, user: CurrentUser, id: string, input: AssessmentInput, submit: boolean, now = new Date()) {
  const problems = verdictProblems(input.verdicts, submit);
  if (submit && !input.recommendation) problems.push({ field: 'recommendation', message: 'Kies een advies' });
  if (submit && input.recommendation === 'accept' && !input.proposedParticipation) {
    problems.push({ field: 'proposed_participation', message: 'Kies de voorgestelde vorm van deelname' });
  }
  if (problems.length) return { ok: false as const, errors: problems };
  await db.transaction().execute(async (trx) => {
    const reg = await registrationForTeam(trx, user, id);
    if (!inGroup('assessable', reg.state)) {
      throw new ConflictError(REFUSALS.cannotAssess.title, REFUSALS.cannotAssess.text);
    }
    const saved = await upsertAssessment(trx, {
      registration_id: id,
      assessor_id: user.id,
      version: reg.version,
      verdicts: JSON.stringify(input.verdicts),
      recommendation: input.recommendation || null,
      proposed_participation: input.proposedParticipation || null,
      summary: input.summary || null,
      updated_at: now.toISOString(),
      submitted_at: submit ? now.toISOString() : null,
    });
    if (!saved) throw new ConflictError(REFUSALS.assessmentFixed.title, REFUSALS.assessmentFixed.text);
    if (submit) {
      await recordAudit(
        trx,
        {
          actorUserId: user.id,
          action: 'assessment.submitted',
          subjectType: 'registration',
          subjectId: id,
          detail: { version: reg.version, recommendation: input.recommendation },
        },
        now,
      );
    }
  });
  return { ok: true as const };
}

export async function addComment(db: Db, user: CurrentUser, id: string, body: string, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    await registrationForTeam(trx, user, id);
    await insertComment(trx, { id: newId(), registration_id: id, author_id: user.id, body, created_at: now.toISOString() });
    await recordAudit(trx, { actorUserId: user.id, action: 'comment.added', subjectType: 'registration', subjectId: id }, now);
  });
}

// ---------------------------------------------------------------- templates

export async function templates(db: Db) {
  return (await listTemplates(db)).map((t) => ({ key: t.key as TemplateKey, subject: t.subject, body: t.body, updatedAt: t.updated_at }));
}

export async function template(db: Db, key: string) {
  if (!(TEMPLATE_KEYS as readonly string[]).includes(key)) throw new NotFoundError('template');
  const t = await findTemplate(db, key);
  if (!t) throw new NotFoundError('template');
  return { key: key as TemplateKey, subject: t.subject, body: t.body };
}

export async function saveTemplate(db: Db, user: CurrentUser, key: string, input: { subject: string; body: string }, now = new Date()) {
  await template(db, key);
  const unknown = [...new Set([...unknownPlaceholders(input.subject), ...unknownPlaceholders(input.body)])];
  if (unknown.length) {
    return {
      ok: false as const,
      errors: [
        { field: 'body', message: `Onbekende invulplaats${unknown.length > 1 ? 'en' : ''}: ${unknown.map((u) => `{${u}}`).join(', ')}` },
      ],
    };
  }
  await db.transaction().execute(async (trx) => {
    await updateTemplate(trx, key, { subject: input.subject, body: input.body, updated_at: now.toISOString(), updated_by: user.id });
    await recordAudit(trx, { actorUserId: user.id, action: 'template.updated', subjectType: 'template', subjectId: key }, now);
  });
  return { ok: true as const };
}

// ---------------------------------------------------------------- affiliations

export async function myAffiliations(db: Db, user: CurrentUser) {
  const rows = await affiliationsOf(db, [user.id]);
  return rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value }));
}

export async function addAffiliation(db: Db, user: CurrentUser, kind: 'institution' | 'organisation', value: string, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    await insertAffiliation(trx, { id: newId(), user_id: user.id, kind, value, created_at: now.toISOString() });
    await recordAudit(
      trx,
      { actorUserId: user.id, action: 'affiliation.added', subjectType: 'user', subjectId: user.id, detail: { kind, value } },
      now,
    );
  });
}

export async function removeAffiliation(db: Db, user: CurrentUser, id: string, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    if (!(await deleteAffiliation(trx, user.id, id))) throw new NotFoundError('affiliation');
    await recordAudit(trx, { actorUserId: user.id, action: 'affiliation.removed', subjectType: 'user', subjectId: user.id }, now);
  });
}
