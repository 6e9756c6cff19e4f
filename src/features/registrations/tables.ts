import type { ColumnType } from 'kysely';
import type { Timestamp, WithDefault } from '../../db/columns.ts';

export type RegistrationState =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'info_requested'
  | 'accepted'
  | 'participant'
  | 'declined'
  | 'withdrawn';

export interface RegistrationTable {
  id: string;
  institution_brin: string;
  reference: string | null;
  state: RegistrationState;
  version: WithDefault<number>;
  /** JSON: the answers per step, as entered (see features/registrations/steps.ts). */
  answers: string;
  /** Raised on every save; lets a form notice that a colleague saved in between. */
  revision: WithDefault<number>;
  title: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  withdrawn_reason: string | null;
  /** JSON array of step slugs an information request reopened, or null. */
  reopened_steps: string | null;
  participation: ColumnType<string | null, string | null | undefined, string | null>;
  sector: ColumnType<string | null, string | null | undefined, string | null>;
  province: ColumnType<string | null, string | null | undefined, string | null>;
  participation_wish: ColumnType<string | null, string | null | undefined, string | null>;
  info_deadline: ColumnType<string | null, string | null | undefined, string | null>;
  info_reminded_at: ColumnType<string | null, string | null | undefined, string | null>;
  info_escalated_at: ColumnType<string | null, string | null | undefined, string | null>;
  review_reminded_at: ColumnType<string | null, string | null | undefined, string | null>;
  participant_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When its contact persons were anonymised (a retention period or an erasure request). */
  anonymised_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DecisionTable {
  id: string;
  registration_id: string;
  version: number;
  kind: 'accept' | 'request_info' | 'decline';
  participation: string | null;
  conditions: string | null;
  message: string;
  reopened_steps: string | null;
  deadline: string | null;
  mail_subject: string;
  mail_body: string;
  decided_by: string | null;
  decided_at: Timestamp;
}

export interface RegistrationVersionTable {
  registration_id: string;
  version: number;
  reference: string;
  snapshot: string;
  submitted_at: Timestamp;
  submitted_by: string | null;
}

export interface RegistrationFileTable {
  id: string;
  registration_id: string;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  created_at: Timestamp;
  created_by: string | null;
}

export interface ReferenceCounterTable {
  year: number;
  last_number: number;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface RegistrationsTables {
  registrations: RegistrationTable;
  decisions: DecisionTable;
  registration_versions: RegistrationVersionTable;
  registration_files: RegistrationFileTable;
  reference_counters: ReferenceCounterTable;
}
