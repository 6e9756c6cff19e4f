import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { newId } from '../../platform/crypto.ts';
import { ConflictError } from '../../platform/errors.tsx';
import type { MailInput } from '../../platform/mail/repo.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { findInstitution } from '../reference/index.ts';
import { contactsOf, PARTICIPATION_LABELS, type Registration, transition } from '../registrations/index.ts';
import { AlreadyDecidedError, REFUSALS, WithdrawnError } from './messages.ts';
import { assessmentsOf, findTemplate } from './repo.ts';
import { CRITERION_STEPS, fillTemplate } from './rules.ts';
import { registrationForTeam } from './service.ts';
import { DEFAULT_TEMPLATES, type TemplateKey } from './templates.ts';

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
  const values: Record<string, string> = {
    naam: typeof contactName === 'string' && contactName ? contactName : 'heer, mevrouw',
    kenmerk: reg.reference ?? '',
    opleiding: reg.title ?? 'uw opleiding',
    hogeschool: institution?.name ?? reg.institutionBrin,
    deelname: PARTICIPATION_LABELS[form.participation] ?? '',
    voorwaarden: form.conditions,
    criteria: CRITERION_STEPS.filter((c) => form.reopen.includes(c.slug))
      .map((c) => c.title.replace(/^Criterium \d: /, `${c.code} `))
      .join(', '),
    termijn: form.deadline ? dateFormat.format(new Date(`${form.deadline}T00:00:00Z`)) : '',
    bericht: form.message,
    link: `${config.baseUrl}/aanmeldingen/${reg.id}`,
  };
  const recipients = await contactsOf(db, reg);
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
    if (reg.state === 'withdrawn') throw new WithdrawnError();
    if (reg.state !== 'in_review') throw new AlreadyDecidedError(true);
    if (!(await assessmentsOf(trx, id)).some((a) => a.version === reg.version && a.submitted_at))
      throw new ConflictError(REFUSALS.notAssessed.title, REFUSALS.notAssessed.text);
    const mail = await decisionMail(trx, config, reg, form);
    const mails: MailInput[] = mail.to.map((to) => ({ to, subject: mail.subject, text: mail.text }));
    let result: Awaited<ReturnType<typeof transition>>;
    try {
      result = await transition({ trx, config, actorUserId: user.id, now }, reg, {
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
      });
    } catch (error) {
      // The unique index on (registration, version) stops a second decision that slipped past the state check.
      if (/unique|duplicate/i.test(String(error))) result = { ok: false, current: null };
      else throw error;
    }
    if (!result.ok) throw new AlreadyDecidedError();
    // What acceptance sets in motion (the kick-off invitation, the catalogue) runs as subscribers
    // of registration.accepted, in this transaction: see src/workflows.ts.
  });
}
