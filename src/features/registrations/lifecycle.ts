import { recordAudit } from '../../platform/audit/repo.ts';
import { type EventContext, emit } from '../../platform/events.ts';
import { enqueueMail, type MailInput } from '../../platform/mail/repo.ts';
import './events.ts';
import { findVersion, insertDecision, insertVersion, listRegistrationsOfInstitution, moveState, nextReferenceNumber } from './repo.ts';
import { type Action, type Answers, type DecisionKind, formatReference, inGroup, nextState, STATES, type State } from './rules.ts';

export type DecisionInput = {
  id: string;
  participation: string | null;
  conditions: string | null;
  message: string;
  reopenedSteps: string[] | null;
  deadline: string | null;
  mailSubject: string;
  mailBody: string;
};

export type TransitionInput =
  | { action: 'submit'; snapshot: string; mails: (reference: string) => Promise<MailInput[]> }
  | { action: 'withdraw'; reason: string; mails: MailInput[] }
  | { action: 'start_review' }
  | { action: DecisionKind; decision: DecisionInput; mails: MailInput[] }
  | { action: 'become_participant'; outcome: string };

/** Where a move happens: the caller's open transaction, who made it and when. */
export type LifecycleContext = EventContext & { actorUserId: string };

/** The registration as its caller already holds it (what the move and its event need). */
type Moving = {
  id: string;
  state: State;
  version: number;
  reference: string | null;
  title: string | null;
  institutionBrin: string;
  createdBy: string | null;
  answers: Answers;
};

export type TransitionResult = { ok: true; to: State; reference: string | null; version: number } | { ok: false; current: State | null };

/**
 * The one function that changes the state of a registration. It runs inside the caller's
 * transaction and writes, together:
 * - submit (draft or info_requested → submitted): version + 1, the reference on first submission
 *   (`MKB-<year>-<nnnn>`, counted in the database), submitted_at, a frozen snapshot of the answers
 *   as that version, an audit event, and the confirmation mails (with the receipt).
 * - withdraw (submitted, in_review or info_requested → withdrawn): the reason, an audit event, and
 *   a mail to the contact persons.
 * - start_review (submitted → in_review): an audit event.
 * - accept / request_info / decline (in_review → accepted / info_requested / declined): the
 *   decision row (one per version, enforced by a unique index), the participation (accept) or the
 *   reopened steps and deadline (request_info), an audit event with the mails it queued, and the
 *   decision mail exactly as previewed. Acceptance then raises `registration.accepted`, whose
 *   subscribers (src/workflows.ts: the kick-off invitation, the catalogue) run in this transaction.
 * - become_participant (accepted → participant), when the kick-off was held with the outcome to go
 *   on: participant_at and an audit event.
 * The state moves with one conditional UPDATE, so of two racing requests only one succeeds; the
 * other gets `{ ok: false }` and the state it found.
 */
export async function transition(ctx: LifecycleContext, reg: Moving, input: TransitionInput): Promise<TransitionResult> {
  const { trx, actorUserId, now } = ctx;
  const to = nextState(input.action as Action, reg.state);
  /** Every move leaves one audit event on the registration, by the actor, at the same moment. */
  const audit = (action: string, detail: Record<string, unknown>) =>
    recordAudit(trx, { actorUserId, action, subjectType: 'registration', subjectId: reg.id, detail }, now);
  if (!to) return { ok: false, current: reg.state };

  if (input.action === 'submit') {
    const version = reg.version + 1;
    const reference = reg.reference ?? formatReference(now.getUTCFullYear(), await nextReferenceNumber(trx, now.getUTCFullYear()));
    const moved = await moveState(trx, reg.id, [reg.state], {
      state: to,
      version,
      reference,
      submitted_at: now.toISOString(),
      reopened_steps: null,
      updated_at: now.toISOString(),
      updated_by: actorUserId,
    });
    if (!moved) return { ok: false, current: null };
    await insertVersion(trx, {
      registration_id: reg.id,
      version,
      reference,
      snapshot: input.snapshot,
      submitted_at: now.toISOString(),
      submitted_by: actorUserId,
    });
    await audit('registration.submitted', { from: reg.state, to, version, reference });
    for (const mail of await input.mails(reference)) await enqueueMail(trx, mail, now);
    if (reg.state === 'info_requested') await emit('registration.resubmitted', { registrationId: reg.id, reference, version }, ctx);
    return { ok: true, to, reference, version };
  }

  if (input.action === 'start_review') {
    const moved = await moveState(trx, reg.id, [reg.state], { state: to, updated_at: now.toISOString(), updated_by: actorUserId });
    if (!moved) return { ok: false, current: null };
    await audit('registration.review_started', { from: reg.state, to });
    return { ok: true, to, reference: reg.reference, version: reg.version };
  }

  if (input.action === 'become_participant') {
    const moved = await moveState(trx, reg.id, [reg.state], {
      state: to,
      participant_at: now.toISOString(),
      updated_at: now.toISOString(),
      updated_by: actorUserId,
    });
    if (!moved) return { ok: false, current: null };
    await audit('registration.participant', { from: reg.state, to, outcome: input.outcome });
    return { ok: true, to, reference: reg.reference, version: reg.version };
  }

  if ('decision' in input) {
    const d = input.decision;
    const moved = await moveState(trx, reg.id, [reg.state], {
      state: to,
      participation: input.action === 'accept' ? d.participation : null,
      reopened_steps: input.action === 'request_info' ? JSON.stringify(d.reopenedSteps ?? []) : null,
      info_deadline: input.action === 'request_info' ? d.deadline : null,
      info_reminded_at: null,
      info_escalated_at: null,
      updated_at: now.toISOString(),
      updated_by: actorUserId,
    });
    if (!moved) return { ok: false, current: null };
    await insertDecision(trx, {
      id: d.id,
      registration_id: reg.id,
      version: reg.version,
      kind: input.action,
      participation: d.participation,
      conditions: d.conditions,
      message: d.message,
      reopened_steps: d.reopenedSteps ? JSON.stringify(d.reopenedSteps) : null,
      deadline: d.deadline,
      mail_subject: d.mailSubject,
      mail_body: d.mailBody,
      decided_by: actorUserId,
      decided_at: now.toISOString(),
    });
    await audit(
      `registration.${input.action === 'request_info' ? 'info_requested' : input.action === 'accept' ? 'accepted' : 'declined'}`,
      {
        from: reg.state,
        to,
        version: reg.version,
        participation: d.participation,
        reopened: d.reopenedSteps,
        deadline: d.deadline,
      },
    );
    for (const mail of input.mails) {
      const outboxId = await enqueueMail(trx, mail, now);
      await audit('mail.queued', { subject: mail.subject, outboxId });
    }
    if (input.action === 'accept' && d.participation) {
      const frozen = await findVersion(trx, reg.id, reg.version);
      await emit(
        'registration.accepted',
        {
          registration: {
            id: reg.id,
            reference: reg.reference,
            title: reg.title,
            institutionBrin: reg.institutionBrin,
            createdBy: reg.createdBy,
            answers: frozen ? (JSON.parse(frozen.snapshot) as Answers) : reg.answers,
          },
          participation: d.participation,
        },
        ctx,
      );
    }
    return { ok: true, to, reference: reg.reference, version: reg.version };
  }

  const moved = await moveState(trx, reg.id, [reg.state], {
    state: to,
    withdrawn_reason: input.reason,
    updated_at: now.toISOString(),
    updated_by: actorUserId,
  });
  if (!moved) return { ok: false, current: null };
  await audit('registration.withdrawn', { from: reg.state, to, reason: input.reason });
  for (const mail of input.mails) await enqueueMail(trx, mail, now);
  return { ok: true, to, reference: reg.reference, version: reg.version };
}

export function isState(value: string): value is State {
  return (STATES as readonly string[]).includes(value);
}

/**
 * Subscriber of event.attended (src/workflows.ts): someone of this hogeschool came to a
 * bijeenkomst, so each of its admitted routes shows it on its timeline.
 */
export async function noteEventAttendance(
  event: { institutionBrin: string; eventTitle: string; startsAt: string; attendeeName: string },
  ctx: EventContext,
): Promise<void> {
  for (const r of await listRegistrationsOfInstitution(ctx.trx, event.institutionBrin)) {
    if (!inGroup('admitted', r.state as State)) continue;
    await recordAudit(
      ctx.trx,
      {
        actorUserId: ctx.actorUserId,
        action: 'registration.event_attended',
        subjectType: 'registration',
        subjectId: r.id,
        // The event, not the person: the audit trail keeps no copies of personal data.
        detail: { event: event.eventTitle, startsAt: event.startsAt },
      },
      ctx.now,
    );
  }
}
