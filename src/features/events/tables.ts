import type { ColumnType } from 'kysely';
import type { Timestamp, WithDefault } from '../../db/columns.ts';

export type EventState = 'published' | 'cancelled';

/** A bijeenkomst. Lists (themes, audiences, questions) are JSON text, read and written by repo.ts only. */
export interface EventTable {
  id: string;
  title: string;
  description: string;
  /** JSON: theme codes (reference data). */
  themes: string;
  /** JSON: audience keys (rules.ts#AUDIENCES). */
  audiences: string;
  mode: 'online' | 'location';
  link: string | null;
  address: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** Null: no limit. */
  capacity: number | null;
  registration_deadline: Timestamp;
  /** 1 when a full event keeps a waiting list. */
  waitlist: number;
  reminder_hours: number;
  reminder_text: string;
  /** JSON: the questions a registration answers (rules.ts#Question). */
  questions: string;
  state: EventState;
  /** Raised on every change of time or place: the SEQUENCE of the calendar invitations. */
  sequence: WithDefault<number>;
  /** Who organises it: the ORGANIZER's name in the invitation and who hears when it fills up. */
  organiser_id: string | null;
  /** Arrivals so far: the next registration's place in the order of arrival. */
  arrivals: WithDefault<number>;
  /** A last-24-hours round of open offers is under way (all on the list were told a seat is free). */
  open_round_at: Timestamp | null;
  alerted_80_at: Timestamp | null;
  alerted_100_at: Timestamp | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * Where a person stands: `confirmed` has a seat; `offered` holds one until `offer_expires_at`;
 * `waiting` is in line by `arrival`; the others have left (cancelled, declined an offer, let it
 * expire, or left the list) and hold nothing.
 */
export type SeatState = 'confirmed' | 'offered' | 'waiting' | 'cancelled' | 'declined' | 'expired' | 'left';

export interface EventRegistrationTable {
  id: string;
  event_id: string;
  user_id: string | null;
  name: string;
  /** Lower case; one registration per address per event (a unique index). */
  email: string;
  state: SeatState;
  /** The order of arrival within the event (events.arrivals when this person came). */
  arrival: number;
  /** JSON: question id → answer. */
  answers: string;
  /** The personal code shown at the door and typed by the team to mark attendance. */
  code: string;
  /** Part of what this person's links are signed over; a new one voids older links. */
  link_nonce: string;
  offer_expires_at: Timestamp | null;
  /** When this person was last told of a free seat in an open (last-24-hours) round. */
  open_offer_at: Timestamp | null;
  attendance: 'present' | 'absent' | null;
  attendance_at: Timestamp | null;
  reminded_at: Timestamp | null;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  updated_at: Timestamp;
  /** When the guest's name and address were removed (retention or an erasure request). */
  anonymised_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A guest's registration waiting for the click on the confirmation link (double opt-in). */
export interface EventPendingTable {
  id: string;
  event_id: string;
  name: string;
  email: string;
  answers: string;
  token_hash: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface EventsTables {
  events: EventTable;
  event_registrations: EventRegistrationTable;
  event_pending: EventPendingTable;
}
