import type { Config } from '../../config.ts';
import type { Db, Trx } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { assessorsOf } from '../assessments/index.ts';
import { contactsOf, registrationById, registrationSummaries } from '../registrations/index.ts';
import { MAILS, refuse } from './messages.ts';
import { deleteFreeSlot, findSlot, insertSlot, openKickoffs, overlappingSlots, slotsFrom, unbookedKickoffs } from './repo.ts';
import { formatSlot } from './rules.ts';
import { type Kickoff, kickoffLink, type Slot, toSlot, who } from './service.ts';

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
export async function publishSlots(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  user: CurrentUser,
  slots: SlotInput[],
  now = new Date(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    for (const [i, s] of slots.entries()) {
      if (s.startsAt <= now.toISOString()) throw refuse.slotInPast(formatSlot(s.startsAt, s.endsAt));
      const clash =
        (await overlappingSlots(trx, s.hostId, s.startsAt, s.endsAt)).length > 0 ||
        slots.some((o, j) => j < i && o.hostId === s.hostId && o.startsAt < s.endsAt && s.startsAt < o.endsAt);
      if (clash) throw refuse.overlap(formatSlot(s.startsAt, s.endsAt));
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
    // The booking page promises the routes still without a meeting that they hear of new times.
    if (slots.length > 0) await tellUnbookedOfNewSlots(trx, config, now);
    return slots.length;
  });
}

export async function removeSlot(db: Db, id: string): Promise<void> {
  if (!(await deleteFreeSlot(db, id.slice(0, 36)))) throw refuse.slotBooked();
}

export async function upcomingSlots(db: Db, now = new Date(), hostId?: string): Promise<Slot[]> {
  const rows = await slotsFrom(db, now.toISOString(), hostId);
  const summaries = await registrationSummaries(
    db,
    rows.flatMap((r) => (r.registration_id ? [r.registration_id] : [])),
  );
  return rows.map((r) => toSlot(r, summaries));
}

/** For the team: invitations not booked after a reminder ("niet ingepland") and upcoming meetings. */
export async function teamOverview(db: Db) {
  const rows = await openKickoffs(db);
  const summaries = await registrationSummaries(
    db,
    rows.map((r) => r.registration_id),
  );
  const open = rows.map((r) => ({ ...r, ...(summaries.get(r.registration_id) ?? { reference: null, title: null }) }));
  return {
    unplanned: open
      .filter((k) => k.unbooked_escalated_at && k.state !== 'booked')
      .map((k) => ({ id: k.id, reference: k.reference, title: k.title, invitedAt: k.invited_at })),
    waiting: open
      .filter((k) => !k.unbooked_escalated_at && k.state !== 'booked')
      .map((k) => ({ id: k.id, reference: k.reference, title: k.title, invitedAt: k.invited_at })),
  };
}

export async function bookableSlots(db: Db, k: Kickoff, now = new Date()): Promise<{ preferred: Slot[]; others: Slot[] }> {
  const free = (await upcomingSlots(db, now)).filter((s) => !s.booked && s.startsAt > now.toISOString());
  const assessors = new Set((await assessorsOf(db, k.registrationId)).map((a) => a.id));
  return { preferred: free.filter((s) => assessors.has(s.hostId)), others: free.filter((s) => !assessors.has(s.hostId)) };
}

export async function freeSlot(db: Db, slotId: string, now: Date): Promise<Slot> {
  const s = slotId.length <= 36 ? await findSlot(db, slotId) : undefined;
  if (!s) throw refuse.unknownSlot();
  if (s.starts_at <= now.toISOString()) throw refuse.slotPassed();
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

/** Each route invited but not (or no longer) booked gets one mail with its own booking link. */
async function tellUnbookedOfNewSlots(trx: Trx, config: Pick<Config, 'baseUrl' | 'sessionSecret'>, now: Date): Promise<void> {
  for (const row of await unbookedKickoffs(trx)) {
    // Only what the mail needs: not the whole kick-off (agenda, slot) that load() assembles.
    const reg = await registrationById(trx, row.registration_id);
    if (!reg) continue;
    const mail = MAILS.newSlots({
      reference: reg.reference,
      title: reg.title,
      link: kickoffLink(config, { id: row.id, nonce: row.link_nonce }),
    });
    for (const to of await contactsOf(trx, reg)) await enqueueMail(trx, { to, ...mail }, now);
  }
}
