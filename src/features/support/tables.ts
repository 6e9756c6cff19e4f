import type { Timestamp } from '../../db/columns.ts';

export interface SupportRequestTable {
  id: string;
  /** ONDS-2026-0001 */
  reference: string;
  registration_id: string;
  theme: string;
  subject: string;
  /** The acceptance condition the request is about, when drafted from one ("voorwaarde vervuld" marks it met). */
  condition_text: string | null;
  /** new | open | closed (rules.ts#STATES) */
  state: string;
  advisor_id: string | null;
  /** The token of the thread's reply address, reply+<token>@… */
  reply_token: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  first_response_at: Timestamp | null;
  closed_at: Timestamp | null;
  outcome: string | null;
  summary: string | null;
  unassigned_alerted_at: Timestamp | null;
  first_reminded_at: Timestamp | null;
  solution_reminded_at: Timestamp | null;
}

/** The thread: what the route and the advisor write. Never an internal note. */
export interface SupportMessageTable {
  id: string;
  request_id: string;
  author_id: string | null;
  author_name: string;
  /** 1 when written by the programme team. */
  from_team: number;
  body: string;
  /** web | mail */
  via: string;
  /** The Message-ID of a mail that was posted, so a mail delivered twice is posted once. */
  message_id: string | null;
  created_at: Timestamp;
}

/** The team's internal notes: a table of their own, read only by the team's pages. */
export interface SupportNoteTable {
  id: string;
  request_id: string;
  author_id: string | null;
  body: string;
  created_at: Timestamp;
}

export interface SupportFileTable {
  id: string;
  request_id: string;
  message_id: string;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  created_at: Timestamp;
}

/** Which outgoing mail belongs to which request (threading by In-Reply-To/References, as a fallback). */
export interface SupportMailRefTable {
  outbox_id: string;
  request_id: string;
}

/** A mail that arrived but is not posted: an unknown token or sender. The team decides. */
export interface SupportHeldTable {
  id: string;
  received_at: Timestamp;
  from_address: string;
  subject: string;
  body: string;
  message_id: string | null;
  request_id: string | null;
  reason: string;
  handled_at: Timestamp | null;
}

/** The last reference number given per year (ONDS-<year>-<number>). */
export interface SupportCounterTable {
  year: number;
  last_number: number;
}

export interface SupportTables {
  support_counters: SupportCounterTable;
  support_requests: SupportRequestTable;
  support_messages: SupportMessageTable;
  support_notes: SupportNoteTable;
  support_files: SupportFileTable;
  support_mail_refs: SupportMailRefTable;
  support_held: SupportHeldTable;
}
