import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { ConflictError } from '../../platform/errors.tsx';
import type { MailInput } from '../../platform/mail/repo.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { findInstitution } from '../reference/index.ts';
import { transition } from './lifecycle.ts';
import { CannotWithdrawError, MAILS, MESSAGES } from './messages.ts';
import { readout } from './readout.ts';
import { renderReceipt } from './receipt.ts';
import { allStepsComplete, canWithdraw } from './rules.ts';
import { choices, contactsOf, getEditableRegistration, getRegistration } from './service.ts';

type LifecycleConfig = Pick<Config, 'baseUrl' | 'sessionSecret'>;

/**
 * Submits the registration once. A second click, a second tab or a withdraw racing it finds the
 * state already moved and changes nothing.
 */
export async function submitRegistration(
  db: Db,
  config: LifecycleConfig,
  user: CurrentUser,
  id: string,
  now = new Date(),
): Promise<{ reference: string; alreadySubmitted: boolean }> {
  const options = await choices(db);
  return db.transaction().execute(async (trx) => {
    const reg = await getRegistration(trx, user, id);
    if (reg.state === 'submitted' && reg.reference) return { reference: reg.reference, alreadySubmitted: true };
    await getEditableRegistration(trx, user, id);
    if (!allStepsComplete(reg.answers)) throw new ConflictError(MESSAGES.notComplete.title, MESSAGES.notComplete.text);
    const institution = await findInstitution(trx, reg.institutionBrin);
    const sections = readout(reg.answers, options);
    const recipients = await contactsOf(trx, reg, [user.email]);
    const programme = sections.find((s) => s.slug === 'opleiding')?.rows.find((r) => r.label === 'Naam van de opleiding')?.value ?? '';
    const result = await transition({ trx, config, actorUserId: user.id, now }, reg, {
      action: 'submit',
      snapshot: JSON.stringify(reg.answers),
      mails: async (reference) => {
        const pdf = await renderReceipt({
          reference,
          version: reg.version + 1,
          submittedAt: now.toISOString(),
          institutionName: institution?.name ?? reg.institutionBrin,
          sections,
        });
        const mail = MAILS.confirmation({ reference, programme, link: `${config.baseUrl}/aanmeldingen/${id}` });
        return recipients.map(
          (to): MailInput => ({
            to,
            ...mail,
            attachments: [{ filename: `ontvangstbewijs-${reference}.pdf`, contentType: 'application/pdf', content: pdf }],
          }),
        );
      },
    });
    if (!result.ok || !result.reference) throw new ConflictError(MESSAGES.changedMeanwhile.title, MESSAGES.changedMeanwhile.text);
    return { reference: result.reference, alreadySubmitted: false };
  });
}

export async function withdrawRegistration(
  db: Db,
  config: LifecycleConfig,
  user: CurrentUser,
  id: string,
  reason: string,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const reg = await getRegistration(trx, user, id);
    if (!canWithdraw(user, reg)) throw new CannotWithdrawError(reg.state);
    const mail = MAILS.withdrawn({ reference: reg.reference ?? '', by: user.name ?? user.email, reason });
    const recipients = await contactsOf(trx, reg, [user.email]);
    const result = await transition({ trx, config, actorUserId: user.id, now }, reg, {
      action: 'withdraw',
      reason,
      mails: recipients.map((to) => ({ to, ...mail })),
    });
    if (!result.ok) throw new ConflictError(MESSAGES.changedRetry.title, MESSAGES.changedRetry.text);
  });
}
