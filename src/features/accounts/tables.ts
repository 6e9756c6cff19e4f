import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../db/columns.ts';

export interface UserTable {
  id: string;
  email: string;
  name: string | null;
  role: 'applicant' | 'team' | 'admin' | 'partner';
  institution_brin: string | null;
  created_at: Timestamp;
  last_sign_in_at: Timestamp | null;
  disabled_at: Timestamp | null;
  /** Team members: JSON list of the theme codes they declare expertise in; null when none. */
  expertise: ColumnType<string | null, string | null | undefined, string | null>;
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

/** A SURFconext (OpenID Connect) identity: the account is found by issuer + subject, never by e-mail. */
export interface OidcIdentityTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

/** One round trip to the provider: found by the hash of its `state`, used once. */
export interface OidcAttemptTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A SURFconext identity waiting for the person to confirm linking it to the account with their address. */
export interface OidcPendingLinkTable {
  token_hash: string;
  user_id: string;
  issuer: string;
  subject: string;
  /** The hogeschool of the person's home organisation when they are staff: given to an account that has none. */
  institution_brin: string | null;
  return_to: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** Someone without a hogeschool asks the team to be linked to one. */
export interface LinkRequestTable {
  id: string;
  user_id: string;
  institution_brin: string;
  reason: string;
  created_at: Timestamp;
  decision: 'approved' | 'refused' | null;
  decision_note: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface AccountsTables {
  users: UserTable;
  sign_in_tokens: SignInTokenTable;
  oidc_identities: OidcIdentityTable;
  oidc_attempts: OidcAttemptTable;
  oidc_pending_links: OidcPendingLinkTable;
  link_requests: LinkRequestTable;
}
