import { recordAudit } from '../../platform/audit/repo.ts';
import type { EventContext } from '../../platform/events.ts';
import { registrationById, transition } from '../registrations/index.ts';
import { type KickoffChange, moveKickoff } from './repo.ts';
import type { KickoffState } from './tables.ts';

/** Every allowed move of a kick-off; nothing else changes its state. */
export const KICKOFF_MOVES = {
  book: { from: ['invited', 'cancelled'], to: 'booked', audit: 'kickoff.booked' },
  reschedule: { from: ['booked'], to: 'booked', audit: 'kickoff.rescheduled' },
  cancel: { from: ['booked'], to: 'cancelled', audit: 'kickoff.cancelled' },
  hold: { from: ['booked'], to: 'held', audit: 'kickoff.held' },
} as const satisfies Record<string, { from: readonly KickoffState[]; to: KickoffState; audit: string }>;

export type KickoffMove = keyof typeof KICKOFF_MOVES;

/**
 * The one function that changes a kick-off's state, in the caller's transaction. It writes, together:
 * - the state with one conditional UPDATE (of two racing requests one wins; `false` for the other);
 *   book and reschedule hold the slot, and the unique index on slot_id refuses a slot someone else
 *   just took (the caller turns that into "Dit tijdstip is net vergeven");
 * - for book, reschedule and cancel: the calendar SEQUENCE + 1 and the new link nonce in `change`,
 *   so the .ics the caller sends replaces the earlier one and older links stop working;
 * - an audit event on the registration;
 * - for hold with the outcome "continue": the registration's move to "participant", through the
 *   registration lifecycle.
 * The caller sends the mails (invitation, update or cancellation with .ics) after a successful move.
 */
export async function moveKickoffState(
  ctx: EventContext,
  k: { id: string; registrationId: string },
  move: KickoffMove,
  change: KickoffChange,
  detail: Record<string, unknown>,
): Promise<boolean> {
  const m = KICKOFF_MOVES[move];
  const moved = await moveKickoff(ctx.trx, k.id, m.from, { ...change, state: m.to }, move !== 'hold');
  if (!moved) return false;
  await recordAudit(
    ctx.trx,
    { actorUserId: ctx.actorUserId, action: m.audit, subjectType: 'registration', subjectId: k.registrationId, detail },
    ctx.now,
  );
  if (move === 'hold' && detail.outcome === 'continue') {
    const reg = await registrationById(ctx.trx, k.registrationId);
    if (reg && ctx.actorUserId) {
      await transition({ ...ctx, actorUserId: ctx.actorUserId }, reg, { action: 'become_participant', outcome: 'continue' });
    }
  }
  return true;
}
