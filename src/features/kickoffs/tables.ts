import type { Timestamp, WithDefault } from '../../db/columns.ts';

export interface SlotTable {
  id: string;
  host_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  mode: 'online' | 'location';
  link: string | null;
  address: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export type KickoffState = 'invited' | 'booked' | 'held' | 'cancelled';

export interface KickoffTable {
  id: string;
  registration_id: string;
  state: KickoffState;
  slot_id: string | null;
  sequence: WithDefault<number>;
  /** Part of what signed links are signed over; changes invalidate older links. */
  link_nonce: string;
  invited_at: Timestamp;
  booked_at: Timestamp | null;
  unbooked_reminded_at: Timestamp | null;
  unbooked_escalated_at: Timestamp | null;
  day_before_reminded_at: Timestamp | null;
  notes: string | null;
  outcome: string | null;
  held_at: Timestamp | null;
  updated_at: Timestamp;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface KickoffsTables {
  slots: SlotTable;
  kickoffs: KickoffTable;
}
