import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import type { EventContext } from '../../platform/events.ts';
import { breathe } from '../../platform/jobs/run.ts';
import { enqueueMail, type MailInput } from '../../platform/mail/repo.ts';
import { readSetting } from '../../platform/settings/registry.ts';
import { teamMembers } from '../accounts/index.ts';
import { type Answers, claimReminder, contactsOf, registrationsAwaitingDecision } from '../registrations/index.ts';
import { MAILS } from './messages.ts';
import { assigneesOf } from './repo.ts';
import { daysBetween, infoEscalationDue, infoReminderDue, reviewReminderDue } from './rules.ts';
import { INFO_ESCALATION_DAYS, REVIEW_REMINDER_SETTING } from './service.ts';

/**
 * Subscriber of registration.resubmitted (src/workflows.ts): the assessors hear that the
 * information they asked for is in, in the resubmission's transaction.
 */
export async function tellAssessorsOfResubmission(
  event: { registrationId: string; reference: string; version: number },
  ctx: EventContext,
): Promise<void> {
  for (const a of await assigneesOf(ctx.trx, [event.registrationId])) {
    await enqueueMail(
      ctx.trx,
      {
        to: a.email,
        ...MAILS.resubmitted({ ...event, link: `${ctx.config.baseUrl}/beheer/aanmeldingen/${event.registrationId}` }),
      },
      ctx.now,
    );
  }
}

/**
 * Sends the reminders that are due: assessments open too long (to the assignees, or the team
 * when nobody is assigned), information requests past their deadline (to the applicant), and those
 * still unanswered some days later (to the assignees). Each at most once, also with several workers.
 */
export async function runReminders(db: Db, config: Pick<Config, 'baseUrl'>, now = new Date()) {
  const reviewDays = await readSetting(db, REVIEW_REMINDER_SETTING);
  let sent = 0;
  for (const r of await registrationsAwaitingDecision(db)) {
    await breathe();
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
      const team = assignees.length ? assignees : (await teamMembers(trx)).map((m) => m.email);
      const mails: MailInput[] = [];
      let action = '';
      if (review && (await claimReminder(trx, r.id, 'review_reminded_at', now))) {
        action = 'reminder.review';
        for (const to of team) {
          const days = daysBetween(r.submitted_at ?? now.toISOString(), now);
          mails.push({ to, ...MAILS.reviewReminder({ reference: r.reference, title: r.title, days, link }) });
        }
      } else if (info && (await claimReminder(trx, r.id, 'info_reminded_at', now))) {
        action = 'reminder.info_request';
        const answers = JSON.parse(r.answers) as Answers;
        for (const to of await contactsOf(trx, { answers, createdBy: r.created_by })) {
          mails.push({ to, ...MAILS.infoReminder({ reference: r.reference, link: `${config.baseUrl}/aanmeldingen/${r.id}` }) });
        }
      } else if (escalate && (await claimReminder(trx, r.id, 'info_escalated_at', now))) {
        action = 'reminder.info_escalated';
        for (const to of team) {
          mails.push({ to, ...MAILS.infoEscalated({ reference: r.reference, link }) });
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
