import type { ColumnType } from 'kysely';
import type { Timestamp, WithDefault } from '../db/columns.ts';

export interface SessionTable {
  id_hash: string;
  user_id: string | null;
  /** Set while a new address that proved it owns its mailbox still has to choose a hogeschool. */
  pending_email: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: Timestamp;
  attempts: WithDefault<number>;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  sent_at: Timestamp | null;
  last_error: string | null;
  /** JSON: [{ filename, contentType, base64 }] or null. */
  attachments: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where a reply goes (a support thread's own address), or null for the sender. */
  reply_to: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditEventTable {
  id: string;
  at: Timestamp;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** A scheduled job's turn: which process holds it until when, and when it is due again. */
export interface JobRunTable {
  name: string;
  holder: string | null;
  lease_until: Timestamp | null;
  next_due_at: Timestamp;
  last_run_at: Timestamp | null;
  last_ok: number | null;
}

/** One erasure or retention action: identifiers only (platform/privacy/ledger.ts). */
export interface ErasureLedgerTable {
  id: string;
  at: Timestamp;
  /** 'verzoek' (a person's request) or 'bewaartermijn' (a retention period ran out). */
  kind: string;
  /** The retention rule's key, for 'bewaartermijn'. */
  rule: string | null;
  /** JSON: the identifiers ("<source>:<table>:<id>") the person or record was found by. */
  anchors: string;
  /** JSON: per source, how many records were erased or anonymised (numbers only). */
  counts: string | null;
  by_user_id: string | null;
}

/** The tables owned by the platform: only platform/ reads or writes them (scripts/check-structure.ts). */
export interface PlatformTables {
  sessions: SessionTable;
  outbox: OutboxTable;
  audit_events: AuditEventTable;
  settings: SettingTable;
  job_runs: JobRunTable;
  erasure_ledger: ErasureLedgerTable;
}
