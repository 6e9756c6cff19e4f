import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../db/columns.ts';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * An organisation in the network: an mkb company or a sector association, one record per KvK
 * number where it has one. Lists (sectors, offers) are JSON text, read and written by repo.ts only.
 */
export interface OrganisationTable {
  id: string;
  slug: string;
  kvk: Nullable<string>;
  name: string;
  /** 'mkb' | 'branche' | 'anders' (rules.ts#KINDS). */
  kind: string;
  /** JSON: SBI section letters. */
  sectors: string;
  province: Nullable<string>;
  place: Nullable<string>;
  /** '1-9' | '10-49' | '50-249' | null. */
  size: Nullable<string>;
  website: Nullable<string>;
  /** JSON: what it offers or seeks (rules.ts#OFFERS). */
  offers: string;
  description: Nullable<string>;
  contact_name: Nullable<string>;
  contact_email: Nullable<string>;
  /** When it consented to being shown in the directory; null: not shown. */
  consent_at: Nullable<string>;
  /** 'nieuw' (signed up, not yet seen by the team), 'actief', 'samengevoegd' (merged into another). */
  state: string;
  merged_into: Nullable<string>;
  /** Where the record came from: 'aanmelding' (the public form), 'registratie' (named in a registration), 'team'. */
  source: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A sign-up waiting for its e-mail address to be confirmed (double opt-in): nothing else is stored before. */
export interface OrganisationSignupTable {
  id: string;
  email: string;
  /** JSON: the form as validated. */
  payload: string;
  token_hash: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

/** An organisation working with a route: named in its registration, or added after an introduction. */
export interface OrganisationLinkTable {
  id: string;
  organisation_id: string;
  registration_id: string;
  /** 'bedrijf' (C3 companies), 'branche' (C5 associations), 'partner' (C5 partners, or after an introduction). */
  role: string;
  /** The name as the registration wrote it. */
  named_as: Nullable<string>;
  /** 1: certain (same KvK number, confirmed by the team, or an introduction); 0: a name match for the team to confirm. */
  confirmed: number;
  source: string;
  created_at: Timestamp;
}

/** A double opt-in introduction between an organisation and a route (rules.ts#INTRO_STATES). */
export interface IntroductionTable {
  id: string;
  organisation_id: string;
  registration_id: string;
  state: string;
  nonce: string;
  note: Nullable<string>;
  proposed_by: Nullable<string>;
  proposed_at: Timestamp;
  org_answer: Nullable<string>;
  org_answered_at: Nullable<string>;
  route_answer: Nullable<string>;
  route_answered_at: Nullable<string>;
  introduced_at: Nullable<string>;
  outcome: Nullable<string>;
  outcome_at: Nullable<string>;
  outcome_asked_at: Nullable<string>;
  reminded_at: Nullable<string>;
  updated_at: Timestamp;
}

/** Accounts that may see and change an organisation's record (its contact, signed in as `partner`). */
export interface OrganisationUserTable {
  organisation_id: string;
  user_id: string;
  created_at: Timestamp;
}

/** The tables owned by this feature: only its repo.ts (and privacy.ts) read or write them (scripts/check-structure.ts). */
export interface NetworkTables {
  organisations: OrganisationTable;
  organisation_signups: OrganisationSignupTable;
  organisation_links: OrganisationLinkTable;
  introductions: IntroductionTable;
  organisation_users: OrganisationUserTable;
}
