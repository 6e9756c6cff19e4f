import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId, newToken } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError, PageError } from '../../platform/errors.tsx';
import { enqueueMail, type MailInput } from '../../platform/mail/repo.ts';
import { getSetting } from '../../platform/settings/repo.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { assessmentsOf, assigneesOf } from '../assessments/repo.ts';
import { CRITERION_STEPS, type Verdicts } from '../assessments/rules.ts';
import { findRegistration, latestDecision } from '../registrations/repo.ts';
import { type Answers, canViewRegistration } from '../registrations/rules.ts';
import { buildInvite } from './ics.ts';
import {
  deleteFreeSlot,
  findKickoff,
  findSlot,
  insertKickoff,
  insertSlot,
  kickoffsOfRegistrations,
  markKickoff,
  markParticipant,
  moveKickoff,
  openKickoffs,
  overlappingSlots,
  slotsFrom,
} from './repo.ts';
import {
  buildAgenda,
  formatSlot,
  NOTICE_HOURS_DEFAULT,
  signLink,
  UNBOOKED_REMINDER_DAYS_DEFAULT,
  verifyLink,
  withinNotice,
} from './rules.ts';

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

export class SlotTakenError extends PageError {
  constructor() {
    super(409, 'Dit tijdstip is net vergeven', 'Iemand anders boekte dit tijdstip net voor u. Kies een van de tijden die nog vrij zijn.');
  }
}

const who = (name: string | null, email: string) => name ?? email;
const isUniqueViolation = (error: unknown) => /unique|duplicate key/i.test(String((error as { message?: string })?.message ?? error));

async function setting(db: Db, key: string, fallback: number): Promise<number> {
  const v = Number.parseInt((await getSetting(db, key)) ?? '', 10);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function toSlot(r: Awaited<ReturnType<typeof slotsFrom>>[number]): Slot {
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
    booked: r.kickoff_id ? { kickoffId: r.kickoff_id, reference: r.reference, title: r.title } : null,
  };
}

// ---------------------------------------------------------------- slots (team)

export type SlotInput = {
  hostId: string;
  startsAt: string;
  endsAt: string;
  mode: 'online' | 'location';
  link: string | null;
  address: string | null;
};

/** Publishes slots; refuses any that overlaps another slot of the same host (and then none of them). */
export async function publishSlots(db: Db, user: CurrentUser, slots: SlotInput[], now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    for (const [i, s] of slots.entries()) {
      if (s.startsAt <= now.toISOString())
        throw new ConflictError('Tijdstip in het verleden', `Het tijdstip ${formatSlot(s.startsAt, s.endsAt)} is al voorbij.`);
      const clash =
        (await overlappingSlots(trx, s.hostId, s.startsAt, s.endsAt)).length > 0 ||
        slots.some((o, j) => j < i && o.hostId === s.hostId && o.startsAt < s.endsAt && s.startsAt < o.endsAt);
      if (clash)
        throw new ConflictError(
          'Overlap met een ander tijdstip',
          `Op ${formatSlot(s.startsAt, s.endsAt)} heeft deze gastheer of gastvrouw al een tijdstip. Er is niets opgeslagen.`,
        );
      await insertSlot(trx, {
        id: newId(),
        host_id: s.hostId,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        mode: s.mode,
        link: s.link,
        address: s.address,
        created_by: user.id,
        created_at: now.toISOString(),
      });
    }
    await recordAudit(
      trx,
      { actorUserId: user.id, action: 'slots.published', subjectType: 'user', subjectId: user.id, detail: { count: slots.length } },
      now,
    );
    return slots.length;
  });
}

export async function removeSlot(db: Db, id: string): Promise<void> {
  if (!(await deleteFreeSlot(db, id.slice(0, 36))))
    throw new ConflictError(
      'Tijdstip niet verwijderd',
      'Een geboekt tijdstip kan niet worden verwijderd; verzet of annuleer eerst het gesprek.',
    );
}

export async function upcomingSlots(db: Db, now = new Date(), hostId?: string): Promise<Slot[]> {
  return (await slotsFrom(db, now.toISOString(), hostId)).map(toSlot);
}

/** For the team: invitations not booked after a reminder ("niet ingepland") and upcoming meetings. */
export async function teamOverview(db: Db) {
  const open = await openKickoffs(db);
  return {
    unplanned: open
      .filter((k) => k.unbooked_escalated_at && k.state !== 'booked')
      .map((k) => ({ id: k.id, reference: k.reference, title: k.title, invitedAt: k.invited_at })),
    waiting: open
      .filter((k) => !k.unbooked_escalated_at && k.state !== 'booked')
      .map((k) => ({ id: k.id, reference: k.reference, title: k.title, invitedAt: k.invited_at })),
  };
}

// ---------------------------------------------------------------- kick-off

async function contactsOf(db: Db, answers: Answers, createdBy: string | null): Promise<string[]> {
  const contact = answers.organisatie?.values.contact_email;
  const contact2 = answers.organisatie?.values.contact2_email;
  const creator = createdBy
    ? (await db.selectFrom('users').select('email').where('id', '=', createdBy).executeTakeFirst())?.email
    : undefined;
  return [...new Set([contact, contact2, creator].filter((v): v is string => typeof v === 'string' && v !== ''))];
}

async function agendaFor(db: Db, registrationId: string, version: number, answers: Answers): Promise<string[]> {
  const assessments = (await assessmentsOf(db, registrationId)).filter((a) => a.version === version && a.submitted_at);
  const doubtful = CRITERION_STEPS.map((c) => {
    const verdicts = assessments
      .map((a) => (JSON.parse(a.verdicts) as Verdicts)[c.code])
      .filter((v) => v && (v.verdict === 'partly' || v.verdict === 'unclear'));
    return {
      code: c.code,
      title: c.title,
      explanations: verdicts.map((v) => v?.explanation ?? '').filter(Boolean),
      count: verdicts.length,
    };
  }).filter((c) => c.count > 0);
  const decision = await latestDecision(db, registrationId);
  const support = answers.deelname?.values.support_needs;
  return buildAgenda({
    doubtful,
    conditions: decision?.kind === 'accept' ? decision.conditions : null,
    supportNeeds: typeof support === 'string' && support ? support : null,
  });
}

async function load(db: Db, id: string): Promise<Kickoff> {
  const k = id.length <= 36 ? await findKickoff(db, id) : undefined;
  if (!k) throw new NotFoundError('kickoff');
  const reg = await findRegistration(db, k.registration_id);
  if (!reg) throw new NotFoundError('registration');
  const answers = JSON.parse(reg.answers) as Answers;
  const slotRow = k.slot_id ? await findSlot(db, k.slot_id) : undefined;
  return {
    id: k.id,
    registrationId: reg.id,
    reference: reg.reference,
    title: reg.title,
    institutionBrin: reg.institution_brin,
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
    agenda: await agendaFor(db, reg.id, reg.version, answers),
    notes: k.notes,
    outcome: k.outcome,
    nonce: k.link_nonce,
    contacts: await contactsOf(db, answers, reg.created_by),
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
export async function inviteToKickoff(
  trx: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  reg: { id: string; reference: string | null; title: string | null; answers: Answers; createdBy: string | null },
  actorUserId: string,
  now = new Date(),
): Promise<void> {
  const id = newId();
  const nonce = newToken().slice(0, 24);
  await insertKickoff(trx, {
    id,
    registration_id: reg.id,
    state: 'invited',
    slot_id: null,
    link_nonce: nonce,
    invited_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  await recordAudit(trx, { actorUserId, action: 'kickoff.invited', subjectType: 'registration', subjectId: reg.id }, now);
  const link = kickoffLink(config, { id, nonce });
  for (const to of await contactsOf(trx, reg.answers, reg.createdBy)) {
    await enqueueMail(
      trx,
      {
        to,
        subject: `Plan het startgesprek voor ${reg.reference ?? 'uw route'}`,
        text: `Goedendag,\n\nNu de route ${reg.title ?? ''} is toegelaten, plannen we graag een startgesprek met u. Kies een tijdstip dat u past:\n\n${link}\n\nU kunt ook inloggen en het gesprek inplannen vanuit Mijn omgeving.\n\nProgrammateam Mkb-route in het hbo`,
      },
      now,
    );
  }
}

/** Free slots from now, those of the registration's assessors first. */
export async function bookableSlots(db: Db, k: Kickoff, now = new Date()): Promise<{ preferred: Slot[]; others: Slot[] }> {
  const free = (await upcomingSlots(db, now)).filter((s) => !s.booked && s.startsAt > now.toISOString());
  const assessors = new Set((await assigneesOf(db, [k.registrationId])).map((a) => a.id));
  return { preferred: free.filter((s) => assessors.has(s.hostId)), others: free.filter((s) => !assessors.has(s.hostId)) };
}

function describe(k: Kickoff, slot: Slot, config: Pick<Config, 'baseUrl' | 'sessionSecret'>, nonce: string): string {
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

function invite(
  k: Kickoff,
  slot: Slot,
  sequence: number,
  method: 'REQUEST' | 'CANCEL',
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  nonce: string,
) {
  return buildInvite({
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

function inviteMails(
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

async function freeSlot(db: Db, slotId: string, now: Date): Promise<Slot> {
  const s = slotId.length <= 36 ? await findSlot(db, slotId) : undefined;
  if (!s) throw new ConflictError('Onbekend tijdstip', 'Dit tijdstip bestaat niet (meer). Kies een van de tijden op de pagina.');
  if (s.starts_at <= now.toISOString()) throw new ConflictError('Dit tijdstip is voorbij', 'Kies een tijdstip in de toekomst.');
  return {
    id: s.id,
    hostId: s.host_id,
    host: who(s.host_name, s.host_email),
    hostEmail: s.host_email,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    mode: s.mode,
    link: s.link,
    address: s.address,
    booked: null,
  };
}

/**
 * Books a slot. Side effects (one transaction): the kick-off moves to "booked" holding the slot
 * (the unique index on slot_id refuses a second booking, also from another process), a new link
 * nonce, an audit event, and the invitation with .ics (METHOD:REQUEST) to both sides.
 */
export async function book(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  access: KickoffAccess,
  id: string,
  slotId: string,
  now = new Date(),
) {
  try {
    await db.transaction().execute(async (trx) => {
      const k = await kickoffFor(trx, config, access, id);
      if (k.state === 'booked' || k.state === 'held')
        throw new ConflictError('Het gesprek is al ingepland', 'Verzet het gesprek als u een ander tijdstip wilt.');
      const slot = await freeSlot(trx, slotId, now);
      const nonce = newToken().slice(0, 24);
      const moved = await moveKickoff(trx, k.id, ['invited', 'cancelled'], {
        state: 'booked',
        slot_id: slot.id,
        booked_at: now.toISOString(),
        link_nonce: nonce,
        day_before_reminded_at: null,
        updated_at: now.toISOString(),
      });
      if (!moved) throw new ConflictError('Het gesprek is al ingepland', 'Het gesprek is intussen al ingepland. Bekijk de actuele stand.');
      await recordAudit(
        trx,
        {
          actorUserId: access.user?.id ?? null,
          action: 'kickoff.booked',
          subjectType: 'registration',
          subjectId: k.registrationId,
          detail: { slot: formatSlot(slot.startsAt, slot.endsAt), host: slot.host },
        },
        now,
      );
      const text = `Goedendag,\n\nHet startgesprek voor ${k.title ?? ''} (${k.reference ?? ''}) staat gepland op ${formatSlot(slot.startsAt, slot.endsAt)} met ${slot.host}.\n\n${describe(k, slot, config, nonce)}\n\nDe uitnodiging voor uw agenda zit bij dit bericht.\n\nProgrammateam Mkb-route in het hbo`;
      for (const m of inviteMails(
        k,
        slot,
        k.sequence + 1,
        'REQUEST',
        `Startgesprek ingepland: ${formatSlot(slot.startsAt, slot.endsAt)}`,
        text,
        config,
        nonce,
      ))
        await enqueueMail(trx, m, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlotTakenError();
    throw error;
  }
}

/** Moves the meeting to another slot, up to the notice period, with a reason; same UID, higher SEQUENCE. */
export async function reschedule(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  access: KickoffAccess,
  id: string,
  slotId: string,
  reason: string,
  now = new Date(),
) {
  try {
    await db.transaction().execute(async (trx) => {
      const k = await kickoffFor(trx, config, access, id);
      if (k.state !== 'booked' || !k.slot) throw new ConflictError('Er is geen gesprek om te verzetten', 'Plan eerst een gesprek in.');
      const hours = await setting(trx, 'kickoff_notice_hours', NOTICE_HOURS_DEFAULT);
      if (!withinNotice(k.slot.startsAt, now, hours)) {
        throw new ConflictError(
          'Verzetten kan niet meer',
          `Tot ${hours} uur voor het gesprek kunt u het zelf verzetten. Neem nu contact op met ${k.slot.host} (${k.slot.hostEmail}).`,
        );
      }
      const slot = await freeSlot(trx, slotId, now);
      if (slot.id === k.slot.id) throw new ConflictError('Hetzelfde tijdstip', 'Kies een ander tijdstip dan het huidige.');
      const nonce = newToken().slice(0, 24);
      const moved = await moveKickoff(trx, k.id, ['booked'], {
        state: 'booked',
        slot_id: slot.id,
        link_nonce: nonce,
        day_before_reminded_at: null,
        updated_at: now.toISOString(),
      });
      if (!moved) throw new ConflictError('Het gesprek is intussen gewijzigd', 'Bekijk de actuele stand.');
      await recordAudit(
        trx,
        {
          actorUserId: access.user?.id ?? null,
          action: 'kickoff.rescheduled',
          subjectType: 'registration',
          subjectId: k.registrationId,
          detail: { from: formatSlot(k.slot.startsAt, k.slot.endsAt), to: formatSlot(slot.startsAt, slot.endsAt), reason },
        },
        now,
      );
      const text = `Goedendag,\n\nHet startgesprek voor ${k.title ?? ''} (${k.reference ?? ''}) is verzet naar ${formatSlot(slot.startsAt, slot.endsAt)} met ${slot.host}.\nReden: ${reason}\n\n${describe(k, slot, config, nonce)}\n\nDe bijgewerkte uitnodiging zit bij dit bericht.\n\nProgrammateam Mkb-route in het hbo`;
      const mails = inviteMails(
        k,
        slot,
        k.sequence + 1,
        'REQUEST',
        `Startgesprek verzet: ${formatSlot(slot.startsAt, slot.endsAt)}`,
        text,
        config,
        nonce,
      );
      if (k.slot.hostEmail !== slot.hostEmail) {
        mails.push({
          to: k.slot.hostEmail,
          subject: `Startgesprek ${k.reference ?? ''} verzet`,
          text: `Het gesprek op ${formatSlot(k.slot.startsAt, k.slot.endsAt)} is verzet naar ${formatSlot(slot.startsAt, slot.endsAt)} bij ${slot.host}. Je tijdstip is weer vrij.\nReden: ${reason}`,
        });
      }
      for (const m of mails) await enqueueMail(trx, m, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlotTakenError();
    throw error;
  }
}

/** Cancels the meeting, up to the notice period, with a reason: METHOD:CANCEL to both sides; the slot is free again. */
export async function cancel(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  access: KickoffAccess,
  id: string,
  reason: string,
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const k = await kickoffFor(trx, config, access, id);
    if (k.state !== 'booked' || !k.slot) throw new ConflictError('Er is geen gesprek om te annuleren', 'Het gesprek is niet ingepland.');
    const hours = await setting(trx, 'kickoff_notice_hours', NOTICE_HOURS_DEFAULT);
    if (!withinNotice(k.slot.startsAt, now, hours)) {
      throw new ConflictError(
        'Annuleren kan niet meer',
        `Tot ${hours} uur voor het gesprek kunt u het zelf annuleren. Neem nu contact op met ${k.slot.host} (${k.slot.hostEmail}).`,
      );
    }
    const nonce = newToken().slice(0, 24);
    const moved = await moveKickoff(trx, k.id, ['booked'], {
      state: 'cancelled',
      slot_id: null,
      link_nonce: nonce,
      updated_at: now.toISOString(),
    });
    if (!moved) throw new ConflictError('Het gesprek is intussen gewijzigd', 'Bekijk de actuele stand.');
    await recordAudit(
      trx,
      {
        actorUserId: access.user?.id ?? null,
        action: 'kickoff.cancelled',
        subjectType: 'registration',
        subjectId: k.registrationId,
        detail: { slot: formatSlot(k.slot.startsAt, k.slot.endsAt), reason },
      },
      now,
    );
    const text = `Goedendag,\n\nHet startgesprek voor ${k.title ?? ''} (${k.reference ?? ''}) op ${formatSlot(k.slot.startsAt, k.slot.endsAt)} is geannuleerd.\nReden: ${reason}\n\nEen nieuw tijdstip kiest u hier: ${kickoffLink(config, { id: k.id, nonce })}\n\nProgrammateam Mkb-route in het hbo`;
    for (const m of inviteMails(k, k.slot, k.sequence + 1, 'CANCEL', `Startgesprek geannuleerd: ${k.reference ?? ''}`, text, config, nonce))
      await enqueueMail(trx, m, now);
  });
}

/** The host records how it went; the route becomes a participant ("Deelnemer"). */
export async function recordOutcome(db: Db, user: CurrentUser, id: string, input: { notes: string; outcome: string }, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const k = await load(trx, id);
    if (k.state !== 'booked' || !k.slot)
      throw new ConflictError('Geen gehouden gesprek', 'Alleen een ingepland gesprek kan worden vastgelegd.');
    if (k.slot.startsAt > now.toISOString())
      throw new ConflictError('Het gesprek is nog niet geweest', 'Leg de uitkomst vast na het gesprek.');
    const moved = await moveKickoff(
      trx,
      k.id,
      ['booked'],
      { state: 'held', notes: input.notes, outcome: input.outcome, held_at: now.toISOString(), updated_at: now.toISOString() },
      false,
    );
    if (!moved) throw new ConflictError('Het gesprek is intussen gewijzigd', 'Bekijk de actuele stand.');
    if (input.outcome === 'continue') await markParticipant(trx, k.registrationId, now.toISOString());
    await recordAudit(
      trx,
      {
        actorUserId: user.id,
        action: 'kickoff.held',
        subjectType: 'registration',
        subjectId: k.registrationId,
        detail: { outcome: input.outcome },
      },
      now,
    );
  });
}

export async function kickoffForTeam(db: Db, id: string): Promise<Kickoff> {
  return load(db, id);
}

export function icsOf(k: Kickoff, config: Pick<Config, 'baseUrl' | 'sessionSecret'>): string | null {
  if (!k.slot || k.state !== 'booked') return null;
  return invite(k, k.slot, k.sequence, 'REQUEST', config, k.nonce);
}

// ---------------------------------------------------------------- reminders

/** The day before: both sides. Unbooked after N days: the applicant once; N days later: shown to the team. */
export async function runKickoffReminders(db: Db, config: Pick<Config, 'baseUrl' | 'sessionSecret'>, now = new Date()): Promise<number> {
  const days = await setting(db, 'kickoff_reminder_days', UNBOOKED_REMINDER_DAYS_DEFAULT);
  let sent = 0;
  for (const row of await openKickoffs(db)) {
    const dayBefore =
      row.state === 'booked' &&
      row.starts_at &&
      !row.day_before_reminded_at &&
      Date.parse(row.starts_at) > now.getTime() &&
      Date.parse(row.starts_at) - now.getTime() <= 86_400_000;
    const unbookedFor = (now.getTime() - Date.parse(row.unbooked_reminded_at ?? row.invited_at)) / 86_400_000;
    const remind = row.state !== 'booked' && !row.unbooked_reminded_at && unbookedFor >= days;
    const escalate = row.state !== 'booked' && row.unbooked_reminded_at && !row.unbooked_escalated_at && unbookedFor >= days;
    if (!dayBefore && !remind && !escalate) continue;
    await db.transaction().execute(async (trx) => {
      const k = await load(trx, row.id);
      if (dayBefore && k.slot && (await markKickoff(trx, k.id, 'day_before_reminded_at', now.toISOString()))) {
        for (const to of [...new Set([...k.contacts, k.slot.hostEmail])]) {
          await enqueueMail(
            trx,
            {
              to,
              subject: `Morgen: startgesprek ${k.reference ?? ''}`,
              text: `Herinnering: morgen is het startgesprek, ${formatSlot(k.slot.startsAt, k.slot.endsAt)}.\n\n${describe(k, k.slot, config, k.nonce)}\n`,
            },
            now,
          );
          sent++;
        }
        await recordAudit(
          trx,
          { actorUserId: null, action: 'kickoff.reminded', subjectType: 'registration', subjectId: k.registrationId },
          now,
        );
      } else if (remind && (await markKickoff(trx, k.id, 'unbooked_reminded_at', now.toISOString()))) {
        for (const to of k.contacts) {
          await enqueueMail(
            trx,
            {
              to,
              subject: `Herinnering: plan het startgesprek voor ${k.reference ?? ''}`,
              text: `U heeft nog geen tijdstip gekozen voor het startgesprek. Kies er een via:\n\n${kickoffLink(config, k)}\n`,
            },
            now,
          );
          sent++;
        }
        await recordAudit(
          trx,
          { actorUserId: null, action: 'kickoff.unbooked_reminded', subjectType: 'registration', subjectId: k.registrationId },
          now,
        );
      } else if (escalate && (await markKickoff(trx, k.id, 'unbooked_escalated_at', now.toISOString()))) {
        await recordAudit(
          trx,
          { actorUserId: null, action: 'kickoff.not_planned', subjectType: 'registration', subjectId: k.registrationId },
          now,
        );
      }
    });
  }
  return sent;
}

export async function noticeHours(db: Db): Promise<number> {
  return setting(db, 'kickoff_notice_hours', NOTICE_HOURS_DEFAULT);
}

/** For /mijn: the kick-off of each registration, if any. */
export async function kickoffCards(db: Db, registrationIds: string[]) {
  const rows = await kickoffsOfRegistrations(db, registrationIds);
  return rows.map((r) => ({
    id: r.id,
    registrationId: r.registration_id,
    state: r.state,
    when: r.starts_at && r.ends_at && r.state === 'booked' ? formatSlot(r.starts_at, r.ends_at) : null,
  }));
}
