import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import { enqueueMail, type MailInput } from '../../platform/mail/repo.ts';
import { getSetting } from '../../platform/settings/repo.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { publishRoute } from '../catalogue/service.ts';
import { inviteToKickoff } from '../kickoffs/service.ts';
import { findInstitution } from '../reference/repo.ts';
import { transition } from '../registrations/lifecycle.ts';
import { readout } from '../registrations/readout.ts';
import { findVersion } from '../registrations/repo.ts';
import { type Answers, PARTICIPATION_LABELS, type State } from '../registrations/rules.ts';
import { choices, getRegistration, type Registration } from '../registrations/service.ts';
import {
  affiliationsOf,
  assessmentsOf,
  assigneesOf,
  assignmentsOf,
  auditTrail,
  commentsOf,
  countsByState,
  deleteAffiliation,
  dismissalsOf,
  findTemplate,
  insertAffiliation,
  insertComment,
  insertDismissal,
  insertMissingTemplates,
  listTeam,
  listTemplates,
  markReminded,
  openRegistrations,
  type QueueFilters,
  type QueueSort,
  queueCount,
  queuePage,
  replaceAssignments,
  teamWithLoad,
  updateTemplate,
  upsertAssessment,
  userEmail,
} from './repo.ts';
import {
  type Affiliation,
  type Change,
  CRITERION_STEPS,
  changes,
  conflictReasons,
  daysBetween,
  fillTemplate,
  infoEscalationDue,
  infoReminderDue,
  OPEN_STATES,
  type Recommendation,
  reviewReminderDue,
  suggestAssignee,
  unknownPlaceholders,
  type Verdicts,
  verdictProblems,
} from './rules.ts';
import { DEFAULT_TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from './templates.ts';

export const PAGE_SIZE = 50;
/** Defaults; `review_reminder_days` in the settings table overrides the first. */
export const REVIEW_REMINDER_DAYS = 10;
export const INFO_ESCALATION_DAYS = 5;

const who = (r: { name: string | null; email: string }) => r.name ?? r.email;

export async function ensureTemplates(db: Db, now = new Date()): Promise<void> {
  await insertMissingTemplates(
    db,
    TEMPLATE_KEYS.map((key) => ({ key, ...DEFAULT_TEMPLATES[key], updated_at: now.toISOString() })),
  );
}

// ---------------------------------------------------------------- queue

export type QueueRow = {
  id: string;
  reference: string | null;
  state: State;
  participation: string | null;
  title: string | null;
  institution: string;
  sector: string | null;
  wish: string | null;
  daysWaiting: number | null;
  assignees: string[];
};

export async function queue(db: Db, filters: QueueFilters, sort: QueueSort, page: number, now = new Date()) {
  const total = await queueCount(db, filters);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await queuePage(db, filters, sort, PAGE_SIZE, (current - 1) * PAGE_SIZE);
  const assignees = await assigneesOf(
    db,
    rows.map((r) => r.id),
  );
  const counts = Object.fromEntries((await countsByState(db)).map((c) => [c.state, Number(c.n)]));
  return {
    total,
    page: current,
    pages,
    counts,
    rows: rows.map(
      (r): QueueRow => ({
        id: r.id,
        reference: r.reference,
        state: r.state as State,
        participation: r.participation,
        title: r.title,
        institution: r.institution_name,
        sector: r.sector,
        wish: r.participation_wish,
        daysWaiting: r.submitted_at ? daysBetween(r.submitted_at, now) : null,
        assignees: assignees.filter((a) => a.registration_id === r.id).map(who),
      }),
    ),
  };
}

export async function teamMembers(db: Db) {
  return (await listTeam(db)).map((m) => ({ id: m.id, name: who(m) }));
}

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
export type TrailEntry = { at: string; actor: string; action: string; detail: Record<string, unknown> };

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
  const v = await findVersion(db, reg.id, version);
  return v ? (JSON.parse(v.snapshot) as Answers) : reg.answers;
}

export async function registrationForTeam(db: Db, user: CurrentUser, id: string): Promise<Registration> {
  const reg = await getRegistration(db, user, id);
  if (reg.state === 'draft') throw new NotFoundError('draft');
  return reg;
}

/** Everything the assessment page shows; other assessors' verdicts only once the user submitted. */
export async function assessmentPage(db: Db, user: CurrentUser, id: string) {
  const reg = await registrationForTeam(db, user, id);
  const institution = await findInstitution(db, reg.institutionBrin);
  const options = await choices(db);
  const current = await frozenAnswers(db, reg, reg.version);
  const sections = readout(current, options);

  const team = await teamWithLoad(db, OPEN_STATES);
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
  const trail: TrailEntry[] = (await auditTrail(db, id)).map((e) => ({
    at: e.at,
    actor: e.actor_name ?? e.actor_email ?? 'systeem',
    action: e.action,
    detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {},
  }));

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
    changed,
    lastSeen,
    comments,
    trail,
  };
}

// ---------------------------------------------------------------- assignment and conflicts

/**
 * Sets who assesses the registration. Side effects (one transaction): the assignments, an audit
 * event naming them, a mail to each newly assigned member, and — when the registration was just
 * submitted — the move to "in beoordeling".
 */
export async function assign(
  db: Db,
  config: Pick<Config, 'baseUrl'>,
  user: CurrentUser,
  id: string,
  memberIds: string[],
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const reg = await registrationForTeam(trx, user, id);
    const team = await teamWithLoad(trx, OPEN_STATES);
    const valid = [...new Set(memberIds)].filter((m) => team.some((t) => t.id === m));
    if (valid.length !== new Set(memberIds).size) throw new ConflictError('Onbekend teamlid', 'Kies alleen teamleden uit de lijst.');
    const before = new Set((await assignmentsOf(trx, id)).map((a) => a.user_id));
    await replaceAssignments(trx, id, valid, user.id, now.toISOString());
    const names = valid.map((m) => who(team.find((t) => t.id === m) ?? { name: null, email: m }));
    await recordAudit(
      trx,
      { actorUserId: user.id, action: 'registration.assigned', subjectType: 'registration', subjectId: id, detail: { assignees: names } },
      now,
    );
    for (const m of valid.filter((v) => !before.has(v))) {
      const member = team.find((t) => t.id === m);
      if (!member) continue;
      await enqueueMail(
        trx,
        {
          to: member.email,
          subject: `Toegewezen: aanmelding ${reg.reference ?? ''}`,
          text: `Je bent toegewezen om de aanmelding ${reg.reference ?? ''} (${reg.title ?? ''}) te beoordelen.\n\n${config.baseUrl}/beheer/aanmeldingen/${id}\n`,
        },
        now,
      );
    }
    if (reg.state === 'submitted' && valid.length > 0) await transition(trx, reg, { action: 'start_review' }, user.id, now);
  });
}

export async function startReview(db: Db, user: CurrentUser, id: string, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const reg = await registrationForTeam(trx, user, id);
    const result = await transition(trx, reg, { action: 'start_review' }, user.id, now);
    if (!result.ok) throw new ConflictError('Beoordeling kan niet starten', 'De aanmelding is niet (meer) in de status ‘ingediend’.');
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
    if (!['submitted', 'in_review'].includes(reg.state)) {
      throw new ConflictError('Beoordelen kan nu niet', 'Alleen een ingediende aanmelding die nog geen besluit heeft, wordt beoordeeld.');
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
    if (!saved) throw new ConflictError('Beoordeling al ingediend', 'Een ingediende beoordeling ligt vast.');
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

// ---------------------------------------------------------------- decisions

export type DecisionForm = {
  kind: 'accept' | 'request_info' | 'decline';
  participation: string;
  conditions: string;
  reopen: string[];
  message: string;
  deadline: string;
};

const TEMPLATE_FOR: Record<DecisionForm['kind'], TemplateKey> = {
  accept: 'decision_accept',
  request_info: 'decision_request_info',
  decline: 'decision_decline',
};

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });

/** The decision mail exactly as it will be sent: recipients, subject and text from the template. */
export async function decisionMail(db: Db, config: Pick<Config, 'baseUrl'>, reg: Registration, form: DecisionForm) {
  const template = (await findTemplate(db, TEMPLATE_FOR[form.kind])) ?? { ...DEFAULT_TEMPLATES[TEMPLATE_FOR[form.kind]] };
  const institution = await findInstitution(db, reg.institutionBrin);
  const contactName = reg.answers.organisatie?.values.contact_name;
  const contactEmail = reg.answers.organisatie?.values.contact_email;
  const creator = await userEmail(db, reg.createdBy);
  const values: Record<string, string> = {
    naam: typeof contactName === 'string' && contactName ? contactName : 'heer, mevrouw',
    kenmerk: reg.reference ?? '',
    opleiding: reg.title ?? 'uw opleiding',
    hogeschool: institution?.name ?? reg.institutionBrin,
    deelname: PARTICIPATION_LABELS[form.participation] ?? '',
    voorwaarden: form.conditions || 'geen',
    criteria: CRITERION_STEPS.filter((c) => form.reopen.includes(c.slug))
      .map((c) => c.title.replace(/^Criterium \d: /, `${c.code} `))
      .join(', '),
    termijn: form.deadline ? dateFormat.format(new Date(`${form.deadline}T00:00:00Z`)) : '',
    bericht: form.message,
    link: `${config.baseUrl}/aanmeldingen/${reg.id}`,
  };
  const recipients = [...new Set([typeof contactEmail === 'string' ? contactEmail : '', creator ?? ''].filter(Boolean))];
  return { to: recipients, subject: fillTemplate(template.subject, values), text: fillTemplate(template.body, values) };
}

export async function previewDecision(db: Db, config: Pick<Config, 'baseUrl'>, user: CurrentUser, id: string, form: DecisionForm) {
  const reg = await registrationForTeam(db, user, id);
  return decisionMail(db, config, reg, form);
}

/**
 * Takes the decision through the lifecycle's transition. Of two team members deciding at once,
 * one wins; the other gets a clear message and nothing of theirs is written or sent.
 */
export async function decide(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  user: CurrentUser,
  id: string,
  form: DecisionForm,
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const reg = await registrationForTeam(trx, user, id);
    if (reg.state === 'withdrawn')
      throw new ConflictError('De aanmelding is ingetrokken', 'Over een ingetrokken aanmelding wordt geen besluit meer genomen.');
    if (reg.state !== 'in_review') {
      throw new ConflictError(
        'Er is al een besluit genomen',
        'Iemand anders heeft net over deze aanmelding besloten, of de beoordeling is nog niet gestart. Bekijk de actuele stand.',
      );
    }
    const mail = await decisionMail(trx, config, reg, form);
    const mails: MailInput[] = mail.to.map((to) => ({ to, subject: mail.subject, text: mail.text }));
    let result: Awaited<ReturnType<typeof transition>>;
    try {
      result = await transition(
        trx,
        reg,
        {
          action: form.kind,
          decision: {
            id: newId(),
            participation: form.kind === 'accept' ? form.participation : null,
            conditions: form.kind === 'accept' ? form.conditions || null : null,
            message: form.message,
            reopenedSteps: form.kind === 'request_info' ? form.reopen : null,
            deadline: form.kind === 'request_info' ? form.deadline : null,
            mailSubject: mail.subject,
            mailBody: mail.text,
          },
          mails,
        },
        user.id,
        now,
      );
    } catch (error) {
      // The unique index on (registration, version) stops a second decision that slipped past the state check.
      if (/unique|duplicate/i.test(String(error))) result = { ok: false, current: null };
      else throw error;
    }
    if (!result.ok)
      throw new ConflictError(
        'Er is al een besluit genomen',
        'Iemand anders heeft net over deze aanmelding besloten. Bekijk de actuele stand.',
      );
    // Acceptance invites the hogeschool to plan the kick-off, in the same transaction.
    if (form.kind === 'accept') {
      await inviteToKickoff(trx, config, reg, user.id, now);
      // With consent, the route appears in the public catalogue at once.
      await publishRoute(trx, reg.id, form.participation, now);
    }
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

// ---------------------------------------------------------------- reminders (worker job)

/**
 * Sends the reminders that are due: assessments open too long (to the assignees, or the team
 * when nobody is assigned), information requests past their deadline (to the applicant), and those
 * still unanswered some days later (to the assignees). Each at most once, also with several workers.
 */
export async function runReminders(db: Db, config: Pick<Config, 'baseUrl'>, now = new Date()) {
  const setting = Number.parseInt((await getSetting(db, 'review_reminder_days')) ?? '', 10);
  const reviewDays = Number.isInteger(setting) && setting > 0 ? setting : REVIEW_REMINDER_DAYS;
  let sent = 0;
  for (const r of await openRegistrations(db)) {
    const link = `${config.baseUrl}/beheer/aanmeldingen/${r.id}`;
    const review = reviewReminderDue(
      { state: r.state, submittedAt: r.submitted_at, reviewRemindedAt: r.review_reminded_at },
      reviewDays,
      now,
    );
    const info = infoReminderDue({ state: r.state, infoDeadline: r.info_deadline, infoRemindedAt: r.info_reminded_at }, now);
    const escalate = infoEscalationDue(
      { state: r.state, infoRemindedAt: r.info_reminded_at, infoEscalatedAt: r.info_escalated_at },
      INFO_ESCALATION_DAYS,
      now,
    );
    if (!review && !info && !escalate) continue;
    await db.transaction().execute(async (trx) => {
      const assignees = (await assigneesOf(trx, [r.id])).map((a) => a.email);
      const team = assignees.length ? assignees : (await teamWithLoad(trx, OPEN_STATES)).map((m) => m.email);
      const mails: MailInput[] = [];
      let action = '';
      if (review && (await markReminded(trx, r.id, 'review_reminded_at', now.toISOString()))) {
        action = 'reminder.review';
        for (const to of team) {
          mails.push({
            to,
            subject: `Herinnering: aanmelding ${r.reference ?? ''} wacht op beoordeling`,
            text: `De aanmelding ${r.reference ?? ''} (${r.title ?? ''}) is al ${daysBetween(r.submitted_at ?? now.toISOString(), now)} dagen ingediend en nog niet besloten.\n\n${link}\n`,
          });
        }
      } else if (info && (await markReminded(trx, r.id, 'info_reminded_at', now.toISOString()))) {
        action = 'reminder.info_request';
        const answers = JSON.parse(r.answers) as Answers;
        const contact = answers.organisatie?.values.contact_email;
        const creator = await userEmail(trx, r.created_by);
        for (const to of new Set([typeof contact === 'string' ? contact : '', creator ?? ''].filter(Boolean))) {
          mails.push({
            to,
            subject: `Herinnering: aanvulling voor ${r.reference ?? ''}`,
            text: `De termijn voor de aanvulling van de aanmelding ${r.reference ?? ''} is verstreken. Wilt u de aanvulling zo snel mogelijk indienen?\n\n${config.baseUrl}/aanmeldingen/${r.id}\n`,
          });
        }
      } else if (escalate && (await markReminded(trx, r.id, 'info_escalated_at', now.toISOString()))) {
        action = 'reminder.info_escalated';
        for (const to of team) {
          mails.push({
            to,
            subject: `Aanvulling blijft uit: ${r.reference ?? ''}`,
            text: `De hogeschool heeft de gevraagde aanvulling voor ${r.reference ?? ''} nog niet ingediend, ook niet na een herinnering.\n\n${link}\n`,
          });
        }
      }
      if (!action) return;
      for (const m of mails) await enqueueMail(trx, m, now);
      await recordAudit(
        trx,
        { actorUserId: null, action, subjectType: 'registration', subjectId: r.id, detail: { recipients: mails.length } },
        now,
      );
      sent += mails.length;
    });
  }
  return sent;
}
