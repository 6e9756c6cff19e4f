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
  /** JSON: [{ filename, contentType, base64 }] or null. */
  attachments: ColumnType<string | null, string | null | undefined, string | null>;
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

export interface ThemeTable {
  code: string;
  position: number;
  name: string;
}

export type RegistrationState = 'draft' | 'submitted' | 'in_review' | 'info_requested' | 'accepted' | 'declined' | 'withdrawn';

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
  participation_wish: ColumnType<string | null, string | null | undefined, string | null>;
  info_deadline: ColumnType<string | null, string | null | undefined, string | null>;
  info_reminded_at: ColumnType<string | null, string | null | undefined, string | null>;
  info_escalated_at: ColumnType<string | null, string | null | undefined, string | null>;
  review_reminded_at: ColumnType<string | null, string | null | undefined, string | null>;
  participant_at: ColumnType<string | null, string | null | undefined, string | null>;
}

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

export interface AssignmentTable {
  registration_id: string;
  user_id: string;
  assigned_by: string | null;
  assigned_at: Timestamp;
}

export interface MemberAffiliationTable {
  id: string;
  user_id: string;
  kind: 'institution' | 'organisation';
  value: string;
  created_at: Timestamp;
}

export interface ConflictDismissalTable {
  registration_id: string;
  user_id: string;
  reason: string;
  dismissed_by: string | null;
  dismissed_at: Timestamp;
}

export interface AssessmentTable {
  registration_id: string;
  assessor_id: string;
  version: number;
  /** JSON: { C1: { verdict, explanation }, … } */
  verdicts: string;
  recommendation: string | null;
  proposed_participation: string | null;
  summary: string | null;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
}

export interface CommentTable {
  id: string;
  registration_id: string;
  author_id: string | null;
  body: string;
  created_at: Timestamp;
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

export interface MailTemplateTable {
  key: string;
  subject: string;
  body: string;
  updated_at: Timestamp;
  updated_by: string | null;
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

export interface RouteTable {
  id: string;
  slug: string;
  title: string;
  institution_brin: string;
  institution_name: string;
  institution_website: string | null;
  level: string;
  mode: string;
  sector: string;
  province: string;
  participation: string;
  croho: string | null;
  description: string | null;
  locations: string | null;
  /** JSON array of target-group codes, or null when not consented. */
  target_groups: string | null;
  /** JSON array of { name, role } or null when not consented. */
  partners: string | null;
  contact_name: string | null;
  contact_email: string | null;
  /** 1 = in the catalogue; 0 = unpublished by the team. */
  published: number;
  unpublished_reason: string | null;
  first_published_at: Timestamp;
  updated_at: Timestamp;
}

export interface StoryTable {
  id: string;
  route_id: string;
  title: string;
  quote: string | null;
  person_name: string;
  person_role: string;
  organisation: string;
  consent_date: string;
  consent_note: string;
  theme: string | null;
  body_md: string;
  image: Buffer | null;
  image_alt: string | null;
  created_by: string | null;
  published_at: Timestamp;
}

export interface ToolkitAssetTable {
  id: string;
  title: string;
  description: string;
  filename: string;
  content_type: string;
  content: Buffer;
  created_by: string | null;
  created_at: Timestamp;
}

export interface Database {
  routes: RouteTable;
  stories: StoryTable;
  toolkit_assets: ToolkitAssetTable;
  slots: SlotTable;
  kickoffs: KickoffTable;
  assignments: AssignmentTable;
  member_affiliations: MemberAffiliationTable;
  conflict_dismissals: ConflictDismissalTable;
  assessments: AssessmentTable;
  comments: CommentTable;
  decisions: DecisionTable;
  mail_templates: MailTemplateTable;
  themes: ThemeTable;
  registrations: RegistrationTable;
  registration_versions: RegistrationVersionTable;
  registration_files: RegistrationFileTable;
  reference_counters: ReferenceCounterTable;
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
