import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { buildInvite } from '../../platform/calendar.ts';
import { NotFoundError, PageError } from '../../platform/errors.tsx';
import type { MailInput } from '../../platform/mail/repo.ts';
import { readSetting } from '../../platform/settings/registry.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { CRITERION_STEPS, submittedVerdicts } from '../assessments/index.ts';
import { type Answers, canViewRegistration, contactsOf, decisionOf, registrationById, type State } from '../registrations/index.ts';
import { findKickoff, findSlot, kickoffOfRegistration, kickoffsOfRegistrations, slotsFrom } from './repo.ts';
import { buildAgenda, formatSlot, NOTICE_SETTING, signLink, verifyLink } from './rules.ts';
import type { KickoffCard } from './views/card.tsx';

export type Slot = {
  id: string;
  hostId: string;
  host: string;
  hostEmail: string;
  startsAt: string;
  endsAt: string;
  mode: 'online' | 'location';
  link: string | null;
  address: string | null;
  booked: { kickoffId: string; reference: string | null; title: string | null } | null;
};

export type Kickoff = {
  id: string;
  registrationId: string;
  reference: string | null;
  title: string | null;
  institutionBrin: string;
  registrationState: State;
  registrationVersion: number;
  state: 'invited' | 'booked' | 'held' | 'cancelled';
  sequence: number;
  slot: Slot | null;
  agenda: string[];
  notes: string | null;
  outcome: string | null;
  nonce: string;
  contacts: string[];
};

/** Signed in as someone who may see the registration, or holding the signed link from the mail. */
export type KickoffAccess = { user: CurrentUser | null; key: unknown };

export const who = (name: string | null, email: string) => name ?? email;
export const isUniqueViolation = (error: unknown) =>
  /unique|duplicate key/i.test(String((error as { message?: string })?.message ?? error));

export function toSlot(
  r: Awaited<ReturnType<typeof slotsFrom>>[number],
  summaries: Map<string, { reference: string | null; title: string | null }>,
): Slot {
  const booked = r.registration_id ? summaries.get(r.registration_id) : undefined;
  return {
    id: r.id,
    hostId: r.host_id,
    host: who(r.host_name, r.host_email),
    hostEmail: r.host_email,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    mode: r.mode,
    link: r.link,
    address: r.address,
    booked: r.kickoff_id ? { kickoffId: r.kickoff_id, reference: booked?.reference ?? null, title: booked?.title ?? null } : null,
  };
}

// ---------------------------------------------------------------- kick-off

async function agendaFor(db: Db, registrationId: string, version: number, answers: Answers): Promise<string[]> {
  const assessments = await submittedVerdicts(db, registrationId, version);
  const doubtful = CRITERION_STEPS.map((c) => {
    const verdicts = assessments.map((a) => a[c.code]).filter((v) => v && (v.verdict === 'partly' || v.verdict === 'unclear'));
    return {
      code: c.code,
      title: c.title,
      explanations: verdicts.map((v) => v?.explanation ?? '').filter(Boolean),
      count: verdicts.length,
    };
  }).filter((c) => c.count > 0);
  const decision = await decisionOf(db, registrationId);
  const support = answers.deelname?.values.support_needs;
  return buildAgenda({
    doubtful,
    conditions: decision?.kind === 'accept' ? decision.conditions : null,
    supportNeeds: typeof support === 'string' && support ? support : null,
  });
}

export async function load(db: Db, id: string): Promise<Kickoff> {
  const k = id.length <= 36 ? await findKickoff(db, id) : undefined;
  if (!k) throw new NotFoundError('kickoff');
  const reg = await registrationById(db, k.registration_id);
  if (!reg) throw new NotFoundError('registration');
  const slotRow = k.slot_id ? await findSlot(db, k.slot_id) : undefined;
  return {
    id: k.id,
    registrationId: reg.id,
    reference: reg.reference,
    title: reg.title,
    institutionBrin: reg.institutionBrin,
    registrationState: reg.state,
    registrationVersion: reg.version,
    state: k.state,
    sequence: k.sequence,
    slot: slotRow
      ? {
          id: slotRow.id,
          hostId: slotRow.host_id,
          host: who(slotRow.host_name, slotRow.host_email),
          hostEmail: slotRow.host_email,
          startsAt: slotRow.starts_at,
          endsAt: slotRow.ends_at,
          mode: slotRow.mode,
          link: slotRow.link,
          address: slotRow.address,
          booked: { kickoffId: k.id, reference: reg.reference, title: reg.title },
        }
      : null,
    agenda: await agendaFor(db, reg.id, reg.version, reg.answers),
    notes: k.notes,
    outcome: k.outcome,
    nonce: k.link_nonce,
    contacts: await contactsOf(db, reg),
  };
}

/** The kick-off, if the request may see it; a wrong or outdated link gets a page that says so. */
export async function kickoffFor(db: Db, config: Pick<Config, 'sessionSecret'>, access: KickoffAccess, id: string): Promise<Kickoff> {
  const k = await load(db, id);
  if (access.user && canViewRegistration(access.user, { institutionBrin: k.institutionBrin })) return k;
  if (access.key !== undefined && verifyLink(config.sessionSecret, k.id, k.nonce, access.key)) return k;
  if (access.key !== undefined) {
    throw new PageError(
      403,
      'Deze link werkt niet (meer)',
      'De link is niet compleet, of het gesprek is intussen gewijzigd. Gebruik de link uit de laatste e-mail, of log in en ga naar Mijn omgeving.',
    );
  }
  throw new NotFoundError('kickoff');
}

export function kickoffLink(config: Pick<Config, 'baseUrl' | 'sessionSecret'>, k: { id: string; nonce: string }): string {
  return `${config.baseUrl}/startgesprek/${k.id}?sleutel=${signLink(config.sessionSecret, k.id, k.nonce)}`;
}

/** Called inside the acceptance's transaction: the invitation to book, by mail with a signed link. */
export function describe(k: Kickoff, slot: Slot, config: Pick<Config, 'baseUrl' | 'sessionSecret'>, nonce: string): string {
  return [
    `Startgesprek Mkb-route in het hbo: ${k.title ?? ''} (${k.reference ?? ''})`,
    '',
    'Agenda:',
    ...k.agenda.map((a, i) => `${i + 1}. ${a}`),
    '',
    slot.mode === 'online' ? `Online: ${slot.link ?? ''}` : `Adres: ${slot.address ?? ''}`,
    '',
    `Verzetten of annuleren: ${kickoffLink(config, { id: k.id, nonce })}`,
  ].join('\n');
}

export function invite(
  k: Kickoff,
  slot: Slot,
  sequence: number,
  method: 'REQUEST' | 'CANCEL',
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  nonce: string,
) {
  return buildInvite({
    calendarName: 'Startgesprek Mkb-route in het hbo',
    uid: `startgesprek-${k.id}@${new URL(config.baseUrl).hostname}`,
    sequence,
    method,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    summary: `Startgesprek Mkb-route in het hbo: ${k.title ?? k.reference ?? ''}`,
    description: describe(k, slot, config, nonce),
    location: slot.mode === 'online' ? (slot.link ?? 'Online') : (slot.address ?? ''),
    url: slot.mode === 'online' ? slot.link : null,
    organizer: { name: slot.host, email: slot.hostEmail },
    attendees: k.contacts.map((email) => ({ name: email, email })),
  });
}

export function inviteMails(
  k: Kickoff,
  slot: Slot,
  sequence: number,
  method: 'REQUEST' | 'CANCEL',
  subject: string,
  text: string,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  nonce: string,
): MailInput[] {
  const ics = Buffer.from(invite(k, slot, sequence, method, config, nonce));
  return [...new Set([...k.contacts, slot.hostEmail])].map((to) => ({
    to,
    subject,
    text,
    attachments: [
      {
        filename: method === 'CANCEL' ? 'annulering.ics' : 'startgesprek.ics',
        contentType: `text/calendar; charset=utf-8; method=${method}`,
        content: ics,
      },
    ],
  }));
}

export async function kickoffForTeam(db: Db, id: string): Promise<Kickoff> {
  return load(db, id);
}

export function icsOf(k: Kickoff, config: Pick<Config, 'baseUrl' | 'sessionSecret'>): string | null {
  if (!k.slot || k.state !== 'booked') return null;
  return invite(k, k.slot, k.sequence, 'REQUEST', config, k.nonce);
}

export async function noticeHours(db: Db): Promise<number> {
  return readSetting(db, NOTICE_SETTING);
}

/** For /mijn: the kick-off of each registration, if any. */
export async function kickoffCards(db: Db, registrations: { id: string; title: string | null }[]): Promise<KickoffCard[]> {
  const summaries = new Map(registrations.map((r) => [r.id, r]));
  const rows = await kickoffsOfRegistrations(db, [...summaries.keys()]);
  return rows.map((r) => ({
    id: r.id,
    title: summaries.get(r.registration_id)?.title ?? null,
    state: r.state,
    when: r.starts_at && r.ends_at && r.state === 'booked' ? formatSlot(r.starts_at, r.ends_at) : null,
  }));
}

/** The id of a registration's kick-off, if it was invited to one. */
export async function kickoffIdOf(db: Db, registrationId: string): Promise<string | null> {
  return (await kickoffOfRegistration(db, registrationId))?.id ?? null;
}

/** The id of a host's slot at a moment, if there is one. */
export async function slotIdAt(db: Db, hostId: string, startsAt: string): Promise<string | null> {
  return (await slotsFrom(db, startsAt, hostId)).find((s) => s.starts_at === startsAt)?.id ?? null;
}
