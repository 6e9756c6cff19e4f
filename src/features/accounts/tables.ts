import type { Timestamp } from '../../db/columns.ts';

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

export interface SignInTokenTable {
  token_hash: string;
  email: string;
  ip_hash: string;
  return_to: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** The tables owned by this feature: only its repo.ts reads or writes them (scripts/check-structure.ts). */
export interface AccountsTables {
  users: UserTable;
  sign_in_tokens: SignInTokenTable;
}
