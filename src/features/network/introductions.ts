import type { Config } from '../../config.ts';
import type { Db, Trx } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId, newToken } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import { breathe } from '../../platform/jobs/run.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { readSetting } from '../../platform/settings/registry.ts';
import { DAY } from '../../platform/time.ts';
import { teamMembers } from '../accounts/index.ts';
import { findInstitution } from '../reference/index.ts';
import { contactsOf, registrationById } from '../registrations/index.ts';
import { MAILS, REFUSALS } from './messages.ts';
import {
  claimIntroduction,
  findIntroduction,
  findOrganisation,
  insertIntroduction,
  insertLink,
  introductionPairs,
  introductionsInStates,
  moveIntroduction,
} from './repo.ts';
import { type Answer, answerIntro, DECLINED, type IntroState, OPEN_INTRO, OUTCOMES, offerLabel, signIntro, verifyIntro } from './rules.ts';

type SiteConfig = Pick<Config, 'baseUrl' | 'sessionSecret'>;

export const REMINDER_SETTING = {
  key: 'network.reminder_days',
  label: 'Herinnering bij een onbeantwoorde kennismaking',
  description: 'Zo veel dagen na de vraag krijgt wie nog niet antwoordde één herinnering.',
  unit: 'dagen' as const,
  default: 7,
  min: 1,
  max: 60,
};
export const OUTCOME_SETTING = {
  key: 'network.outcome_days',
  label: 'Uitkomst van een kennismaking vragen na',
  description: 'Zo veel dagen nadat twee partijen aan elkaar zijn voorgesteld, vraagt het platform het team naar de uitkomst.',
  unit: 'dagen' as const,
  default: 56,
  min: 7,
  max: 365,
};

export const answerLink = (config: SiteConfig, intro: { id: string; nonce: string }, side: 'org' | 'route') =>
  `${config.baseUrl}/netwerk/introductie/${intro.id}?kant=${side}&sleutel=${signIntro(config.sessionSecret, intro.id, side, intro.nonce)}`;

async function routeSide(db: Db | Trx, registrationId: string) {
  const reg = await registrationById(db, registrationId);
  if (!reg) throw new NotFoundError('registration');
  const contact = reg.answers.organisatie?.values ?? {};
  const institution = await findInstitution(db, reg.institutionBrin);
  return {
    reg,
    title: reg.title ?? reg.reference ?? 'de route',
    institution: institution?.name ?? reg.institutionBrin,
    contactName: typeof contact.contact_name === 'string' ? contact.contact_name : '',
    contactEmail: typeof contact.contact_email === 'string' ? contact.contact_email : '',
    recipients: await contactsOf(db, reg),
  };
}

async function mailOrganisation(
  trx: Trx,
  config: SiteConfig,
  intro: { id: string; nonce: string; note: string | null },
  org: { name: string; contact_name: string | null; contact_email: string | null },
  route: Awaited<ReturnType<typeof routeSide>>,
  reminder: boolean,
  now: Date,
) {
  if (!org.contact_email) return;
  await enqueueMail(
    trx,
    {
      to: org.contact_email,
      ...MAILS.askOrganisation({
        name: org.contact_name ?? 'heer, mevrouw',
        organisation: org.name,
        route: route.title,
        institution: route.institution,
        note: intro.note ?? '',
        link: answerLink(config, intro, 'org'),
        reminder,
      }),
    },
    now,
  );
}

async function mailRoute(
  trx: Trx,
  config: SiteConfig,
  intro: { id: string; nonce: string; note: string | null },
  org: { name: string; offers: string },
  route: Awaited<ReturnType<typeof routeSide>>,
  reminder: boolean,
  now: Date,
) {
  const offers = (JSON.parse(org.offers) as string[]).map((o) => offerLabel(o).toLowerCase()).join(', ') || 'samenwerking';
  for (const to of route.recipients)
    await enqueueMail(
      trx,
      {
        to,
        ...MAILS.askRoute({
          organisation: org.name,
          route: route.title,
          offers,
          note: intro.note ?? '',
          link: answerLink(config, intro, 'route'),
          reminder,
        }),
      },
      now,
    );
}

/**
 * The team proposes an introduction: the organisation is asked first (double opt-in). Refused for
 * a pair that said no before, a pair with one under way, and an organisation without a contact.
 */
export async function proposeIntroduction(
  db: Db,
  config: SiteConfig,
  actor: { id: string },
  organisationId: string,
  registrationId: string,
  note: string,
  now = new Date(),
): Promise<string> {
  const org = await findOrganisation(db, organisationId);
  if (!org) throw new NotFoundError('organisation');
  if (org.state === 'samengevoegd') throw new ConflictError('Samengevoegd', REFUSALS.notLive);
  if (!org.contact_email) throw new ConflictError('Geen contactpersoon', REFUSALS.noContact);
  const pairs = (await introductionPairs(db)).filter((p) => p.organisation_id === organisationId && p.registration_id === registrationId);
  if (pairs.some((p) => DECLINED.includes(p.state as IntroState))) throw new ConflictError('Eerder nee', REFUSALS.declinedBefore);
  if (pairs.some((p) => OPEN_INTRO.includes(p.state as IntroState) || p.state === 'introduced'))
    throw new ConflictError('Loopt al', REFUSALS.openAlready);
  const route = await routeSide(db, registrationId);
  const id = newId();
  const intro = { id, nonce: newToken().slice(0, 32), note: note.trim().slice(0, 1000) || null };
  await db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString();
    await insertIntroduction(trx, {
      id,
      organisation_id: organisationId,
      registration_id: registrationId,
      state: 'asked_org',
      nonce: intro.nonce,
      note: intro.note,
      proposed_by: actor.id,
      proposed_at: nowIso,
      org_answer: null,
      org_answered_at: null,
      route_answer: null,
      route_answered_at: null,
      introduced_at: null,
      outcome: null,
      outcome_at: null,
      outcome_asked_at: null,
      reminded_at: null,
      updated_at: nowIso,
    });
    await mailOrganisation(trx, config, intro, org, route, false, now);
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: 'introduction.proposed',
        subjectType: 'registration',
        subjectId: registrationId,
        detail: { organisation: org.name, introduction: id },
      },
      now,
    );
  });
  return id;
}

/** The introduction behind an answer link, if the link is genuine. */
export async function introductionForLink(db: Db, config: SiteConfig, id: string, side: unknown, key: unknown) {
  if (side !== 'org' && side !== 'route') throw new ConflictError('Link werkt niet', REFUSALS.linkGone);
  const intro = await findIntroduction(db, id);
  if (!intro || !verifyIntro(config.sessionSecret, intro.id, side, intro.nonce, key))
    throw new ConflictError('Link werkt niet', REFUSALS.linkGone);
  const org = await findOrganisation(db, intro.organisation_id);
  const route = await routeSide(db, intro.registration_id);
  return { intro, side: side as 'org' | 'route', org, route };
}

/**
 * One side's answer by its signed link. "Ja" from the organisation asks the route; "ja" from the
 * route introduces both in one mail with each other's contact details (both said yes: consent is on
 * record). An answer twice, or after the other side said no, changes nothing and says so.
 */
export async function answerIntroduction(
  db: Db,
  config: SiteConfig,
  id: string,
  side: unknown,
  key: unknown,
  answer: unknown,
  now = new Date(),
): Promise<IntroState> {
  const { intro, side: s, org, route } = await introductionForLink(db, config, id, side, key);
  if (answer !== 'ja' && answer !== 'nee' && answer !== 'later') throw new ConflictError('Geen antwoord', 'Kies ja, nee of nu niet.');
  const state = intro.state as IntroState;
  const next = answerIntro(state, s, answer as Answer);
  if (!next) {
    if (DECLINED.includes(state) || state === 'later') throw new ConflictError('Gaat niet door', REFUSALS.otherDeclined);
    throw new ConflictError('Al beantwoord', REFUSALS.answeredAlready);
  }
  const nowIso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const change =
      s === 'org'
        ? { state: next, org_answer: answer as string, org_answered_at: nowIso, updated_at: nowIso, reminded_at: null }
        : { state: next, route_answer: answer as string, route_answered_at: nowIso, updated_at: nowIso, reminded_at: null };
    if (!(await moveIntroduction(trx, id, [state], next === 'introduced' ? { ...change, introduced_at: nowIso } : change)))
      throw new ConflictError('Al beantwoord', REFUSALS.answeredAlready);
    await recordAudit(
      trx,
      {
        actorUserId: null,
        action: 'introduction.answered',
        subjectType: 'registration',
        subjectId: intro.registration_id,
        detail: { side: s, answer },
      },
      now,
    );
    if (next === 'asked_route' && org) await mailRoute(trx, config, intro, org, route, false, now);
    if (next === 'introduced' && org?.contact_email) {
      const orgContact = [
        `${org.name}`,
        `Contactpersoon: ${org.contact_name ?? ''} <${org.contact_email}>`,
        org.website ? `Website: ${org.website}` : '',
      ]
        .filter(Boolean)
        .join('\n');
      const routeContact = [`${route.title} (${route.institution})`, `Contactpersoon: ${route.contactName} <${route.contactEmail}>`].join(
        '\n',
      );
      const mail = MAILS.introduced({ organisation: org.name, route: route.title, orgContact, routeContact });
      for (const to of new Set([org.contact_email, ...route.recipients])) await enqueueMail(trx, { to, ...mail }, now);
      await recordAudit(
        trx,
        {
          actorUserId: null,
          action: 'introduction.introduced',
          subjectType: 'registration',
          subjectId: intro.registration_id,
          detail: { organisation: org.name, introduction: id },
        },
        now,
      );
    }
  });
  return next;
}

/** The team records what came of an introduction; "partner" links the organisation to the route. */
export async function recordOutcome(db: Db, actor: { id: string }, id: string, outcome: string, now = new Date()): Promise<string> {
  const intro = await findIntroduction(db, id);
  if (!intro) throw new NotFoundError('introduction');
  if (!OUTCOMES.some((o) => o.value === outcome)) throw new ConflictError('Geen uitkomst', 'Kies wat er uit de kennismaking is gekomen.');
  const org = await findOrganisation(db, intro.organisation_id);
  await db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString();
    if (!(await moveIntroduction(trx, id, ['introduced'], { state: 'closed', outcome, outcome_at: nowIso, updated_at: nowIso })))
      throw new ConflictError('Niet voorgesteld', 'Een uitkomst leg je vast nadat beide kanten ja zeiden; dat is hier (nog) niet zo.');
    if (outcome === 'partner')
      await insertLink(trx, {
        id: newId(),
        organisation_id: intro.organisation_id,
        registration_id: intro.registration_id,
        role: 'partner',
        named_as: null,
        confirmed: 1,
        source: 'introductie',
        created_at: nowIso,
      });
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: 'introduction.outcome',
        subjectType: 'registration',
        subjectId: intro.registration_id,
        detail: { outcome, organisation: org?.name ?? '' },
      },
      now,
    );
  });
  return intro.organisation_id;
}

/**
 * The hourly turn: one reminder to whoever has not answered after the set days, and the team asked
 * for the outcome the set days after an introduction. Each once.
 */
export async function runIntroductionJobs(db: Db, config: SiteConfig, now = new Date()): Promise<number> {
  const reminderDays = await readSetting(db, REMINDER_SETTING);
  const outcomeDays = await readSetting(db, OUTCOME_SETTING);
  let sent = 0;
  for (const intro of await introductionsInStates(db, ['asked_org', 'asked_route', 'introduced'])) {
    const nowIso = now.toISOString();
    if (intro.state !== 'introduced' && !intro.reminded_at && Date.parse(intro.updated_at) + reminderDays * DAY <= now.getTime()) {
      const org = await findOrganisation(db, intro.organisation_id);
      const route = await routeSide(db, intro.registration_id);
      await db.transaction().execute(async (trx) => {
        if (!org || !(await claimIntroduction(trx, intro.id, 'reminded_at', nowIso))) return;
        if (intro.state === 'asked_org') await mailOrganisation(trx, config, intro, org, route, true, now);
        else await mailRoute(trx, config, intro, org, route, true, now);
        sent++;
      });
    }
    if (
      intro.state === 'introduced' &&
      !intro.outcome_asked_at &&
      intro.introduced_at &&
      Date.parse(intro.introduced_at) + outcomeDays * DAY <= now.getTime()
    ) {
      const org = await findOrganisation(db, intro.organisation_id);
      const route = await routeSide(db, intro.registration_id);
      await db.transaction().execute(async (trx) => {
        if (!(await claimIntroduction(trx, intro.id, 'outcome_asked_at', nowIso))) return;
        const link = `${config.baseUrl}/beheer/netwerk/${intro.organisation_id}#kennismakingen`;
        const mail = MAILS.askOutcome({ organisation: org?.name ?? '', route: route.title, weeks: Math.round(outcomeDays / 7), link });
        for (const m of await teamMembers(trx)) await enqueueMail(trx, { to: m.email, ...mail }, now);
        sent++;
      });
    }
    await breathe();
  }
  return sent;
}
