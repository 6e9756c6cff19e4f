import type { Timestamp } from '../../db/columns.ts';

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

export interface MailTemplateTable {
  key: string;
  subject: string;
  body: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
/** An acceptance condition the route has fulfilled (from a support request closed with "voorwaarde vervuld"). */
export interface ConditionFulfilmentTable {
  id: string;
  registration_id: string;
  condition_text: string;
  /** What fulfilled it, in words ("ondersteuningsvraag ONDS-2026-0003"). */
  source: string;
  fulfilled_at: string;
  fulfilled_by: string | null;
}

export interface AssessmentsTables {
  condition_fulfilments: ConditionFulfilmentTable;
  assignments: AssignmentTable;
  member_affiliations: MemberAffiliationTable;
  conflict_dismissals: ConflictDismissalTable;
  assessments: AssessmentTable;
  comments: CommentTable;
  mail_templates: MailTemplateTable;
}
