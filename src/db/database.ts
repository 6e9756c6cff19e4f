import type { ColumnType } from 'kysely';

/**
 * The database as Kysely sees it. Columns are snake_case; services map rows to camelCase domain
 * types. Timestamps are ISO-8601 UTC strings in the application on both engines (PostgreSQL stores
 * `timestamptz`, SQLite stores text); see docs/decisions/002-two-database-engines.md.
 */
type Timestamp = string;
type WithDefault<T> = ColumnType<T, T | undefined, T>;

export interface InstitutionTable {
  brin: string;
  name: string;
  short_name: string | null;
  city: string;
  province: string;
  website: string | null;
}

export interface SectorTable {
  code: string;
  name_nl: string;
  name_en: string;
}

export interface ProvinceTable {
  code: string;
  name: string;
}

export interface CriterionTable {
  code: string;
  position: number;
  title: string;
  description: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string | null;
  role: 'applicant' | 'team' | 'admin';
  institution_brin: string | null;
  created_at: Timestamp;
  last_sign_in_at: Timestamp | null;
  disabled_at: Timestamp | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string | null;
  /** Set while a new address that proved it owns its mailbox still has to choose a hogeschool. */
  pending_email: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface SignInTokenTable {
  token_hash: string;
  email: string;
  ip_hash: string;
  return_to: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
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

export interface PageTable {
  slug: string;
  title: string;
  summary: string;
  body_md: string;
  position: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface Database {
  institutions: InstitutionTable;
  sectors: SectorTable;
  provinces: ProvinceTable;
  criteria: CriterionTable;
  users: UserTable;
  sessions: SessionTable;
  sign_in_tokens: SignInTokenTable;
  outbox: OutboxTable;
  audit_events: AuditEventTable;
  pages: PageTable;
  settings: SettingTable;
}
