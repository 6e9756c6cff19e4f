import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId, newToken } from '../../platform/crypto.ts';
import type { EventContext } from '../../platform/events.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { readSetting } from '../../platform/settings/registry.ts';
import type { CurrentUser } from '../../ui/context.ts';
import type { AcceptedRegistration } from '../registrations/index.ts';
import { contactsOf } from '../registrations/index.ts';
import { moveKickoffState } from './lifecycle.ts';
import { MAILS, refuse, SlotTakenError } from './messages.ts';
import { insertKickoff } from './repo.ts';
import { formatSlot, NOTICE_SETTING, withinNotice } from './rules.ts';
import { describe, inviteMails, isUniqueViolation, type KickoffAccess, kickoffFor, kickoffLink, load } from './service.ts';
import { freeSlot } from './slots.ts';

/**
 * Subscriber of registration.accepted (src/workflows.ts): the kick-off to plan, and the
 * invitation to book it by mail with a signed link, in the acceptance's transaction.
 */
export async function inviteToKickoff(event: { registration: AcceptedRegistration }, ctx: EventContext): Promise<void> {
  const { trx, config, now } = ctx;
  const reg = event.registration;
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
  await recordAudit(trx, { actorUserId: ctx.actorUserId, action: 'kickoff.invited', subjectType: 'registration', subjectId: reg.id }, now);
  const mail = MAILS.invitation({ reference: reg.reference, title: reg.title, link: kickoffLink(config, { id, nonce }) });
  for (const to of await contactsOf(trx, reg)) await enqueueMail(trx, { to, ...mail }, now);
}

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
      if (k.state === 'booked' || k.state === 'held') throw refuse.alreadyPlanned();
      const slot = await freeSlot(trx, slotId, now);
      const nonce = newToken().slice(0, 24);
      const ctx = { trx, config, actorUserId: access.user?.id ?? null, now };
      const change = {
        slot_id: slot.id,
        booked_at: now.toISOString(),
        link_nonce: nonce,
        day_before_reminded_at: null,
        updated_at: now.toISOString(),
      };
      const moved = await moveKickoffState(ctx, k, 'book', change, { slot: formatSlot(slot.startsAt, slot.endsAt), host: slot.host });
      if (!moved) throw refuse.plannedMeanwhile();
      const when = formatSlot(slot.startsAt, slot.endsAt);
      const mail = MAILS.booked(k, { when, host: slot.host, details: describe(k, slot, config, nonce) });
      for (const m of inviteMails(k, slot, k.sequence + 1, 'REQUEST', mail.subject, mail.text, config, nonce))
        await enqueueMail(trx, m, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlotTakenError();
    throw error;
  }
}

/**
 * The programme team acts as host and organiser: it may move or cancel a meeting at any time
 * before it starts (the notice period binds the hogeschool), and the mails say it was the team.
 */
const byTeam = (access: KickoffAccess) => access.user?.role === 'team' || access.user?.role === 'admin';

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
      if (k.state !== 'booked' || !k.slot) throw refuse.nothingToMove();
      const hours = await readSetting(trx, NOTICE_SETTING);
      const team = byTeam(access);
      if (team ? k.slot.startsAt <= now.toISOString() : !withinNotice(k.slot.startsAt, now, hours)) {
        throw refuse.tooLate('verzetten', hours, k.slot.host, k.slot.hostEmail);
      }
      const slot = await freeSlot(trx, slotId, now);
      if (slot.id === k.slot.id) throw refuse.sameSlot();
      const nonce = newToken().slice(0, 24);
      const ctx = { trx, config, actorUserId: access.user?.id ?? null, now };
      const change = { slot_id: slot.id, link_nonce: nonce, day_before_reminded_at: null, updated_at: now.toISOString() };
      const detail = { from: formatSlot(k.slot.startsAt, k.slot.endsAt), to: formatSlot(slot.startsAt, slot.endsAt), reason, byTeam: team };
      const moved = await moveKickoffState(ctx, k, 'reschedule', change, detail);
      if (!moved) throw refuse.changedMeanwhile();
      const when = formatSlot(slot.startsAt, slot.endsAt);
      const mail = MAILS.rescheduled(k, { when, host: slot.host, reason, byTeam: team, details: describe(k, slot, config, nonce) });
      const mails = inviteMails(k, slot, k.sequence + 1, 'REQUEST', mail.subject, mail.text, config, nonce);
      if (k.slot.hostEmail !== slot.hostEmail) {
        const from = formatSlot(k.slot.startsAt, k.slot.endsAt);
        mails.push({ to: k.slot.hostEmail, ...MAILS.slotFreed(k, { from, to: when, host: slot.host, reason }) });
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
    if (k.state !== 'booked' || !k.slot) throw refuse.nothingToCancel();
    const hours = await readSetting(trx, NOTICE_SETTING);
    const team = byTeam(access);
    if (team ? k.slot.startsAt <= now.toISOString() : !withinNotice(k.slot.startsAt, now, hours)) {
      throw refuse.tooLate('annuleren', hours, k.slot.host, k.slot.hostEmail);
    }
    const nonce = newToken().slice(0, 24);
    const ctx = { trx, config, actorUserId: access.user?.id ?? null, now };
    const change = { slot_id: null, link_nonce: nonce, updated_at: now.toISOString() };
    const moved = await moveKickoffState(ctx, k, 'cancel', change, {
      slot: formatSlot(k.slot.startsAt, k.slot.endsAt),
      reason,
      byTeam: team,
    });
    if (!moved) throw refuse.changedMeanwhile();
    const link = kickoffLink(config, { id: k.id, nonce });
    const mail = MAILS.cancelled(k, { when: formatSlot(k.slot.startsAt, k.slot.endsAt), reason, link, byTeam: team });
    for (const m of inviteMails(k, k.slot, k.sequence + 1, 'CANCEL', mail.subject, mail.text, config, nonce))
      await enqueueMail(trx, m, now);
  });
}

/** The host records how it went; the route becomes a participant ("Deelnemer"). */
export async function recordOutcome(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  user: CurrentUser,
  id: string,
  input: { notes: string; outcome: string },
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const k = await load(trx, id);
    if (k.state !== 'booked' || !k.slot) throw refuse.notHeld();
    if (k.slot.startsAt > now.toISOString()) throw refuse.notYet();
    const change = { notes: input.notes, outcome: input.outcome, held_at: now.toISOString(), updated_at: now.toISOString() };
    const moved = await moveKickoffState({ trx, config, actorUserId: user.id, now }, k, 'hold', change, { outcome: input.outcome });
    if (!moved) throw refuse.changedMeanwhile();
  });
}
