import type { Db, Trx } from '../../db/connect.ts';
import type { SettingDefinition } from '../settings/registry.ts';
import type { Scrubber } from './scrub.ts';

/**
 * A person as the platform finds them: every e-mail address, account, name and phone number that
 * belongs to them across the features. Built from an e-mail address (a request) or from the
 * identifiers in the erasure ledger (a replay after a restore).
 */
export type Person = { emails: string[]; userIds: string[]; names: string[]; phones: string[] };

/** What one feature knows identifies the person: the rows that name them, and the values found there. */
export type Found = {
  userIds?: string[];
  names?: string[];
  phones?: string[];
  emails?: string[];
  /** Identifiers of the rows the person was found in ("<table>:<id>"), kept in the ledger. */
  anchors?: string[];
};

/** One thing about the person, for the overview (a label and its fields, all text). */
export type ExportItem = { label: string; fields: [string, string][] };
export type ExportPart = { items: ExportItem[]; data: unknown };

export type PlanAction = 'verwijderd' | 'geanonimiseerd' | 'bewaard';
/** One line of an erasure preview: what happens to how many records, and (when kept) why. */
export type PlanLine = { action: PlanAction; what: string; count: number; why?: string };

/** Something that must be settled before the erasure can be carried out. */
export type Blocker = {
  text: string;
  /** A live registration whose only contact the person is: a replacement contact is asked for. */
  replacementFor?: { registrationId: string; reference: string; title: string };
};

export type Replacement = { name: string; email: string; phone: string };
export type EraseOptions = { now: Date; replacements: Record<string, Replacement> };

/**
 * Where one feature keeps personal data and what it does with it on a request. Every feature that
 * stores something about people adds one through its index.ts; `src/personal-data.ts` lists them,
 * and export, erasure, retention and the ledger's replay all go through that one list.
 */
export type PersonalDataSource = {
  key: string;
  /** The heading in the overview: "Aanmeldingen", "Bijeenkomsten". */
  title: string;
  /** Finds the person from an e-mail address (lower case). */
  identify(db: Db, email: string): Promise<Found>;
  /** Finds the person again from the anchors of a ledger entry (a restored older database). */
  recall?(db: Db, anchors: string[]): Promise<Found>;
  export(db: Db, person: Person): Promise<ExportPart | null>;
  plan(db: Db, person: Person, s: Scrubber): Promise<PlanLine[]>;
  blockers?(db: Db, person: Person): Promise<Blocker[]>;
  /** Carries out the erasure in the caller's transaction; must be safe to run again. */
  erase(trx: Trx, person: Person, s: Scrubber, options: EraseOptions): Promise<void>;
  retention?: RetentionRule[];
};

/** A record a retention rule will handle, with the moment its period started. */
export type RetentionCandidate = { id: string; since: string; label: string };

/**
 * A retention period for one kind of record: after `setting` (months or days) since `since`, the
 * record is anonymised or deleted by `apply`, one record per transaction.
 */
export type RetentionRule = {
  key: string;
  /** "Concepten die nooit zijn ingediend". */
  label: string;
  action: 'verwijderd' | 'geanonimiseerd';
  /** Why, in words, for the admin's preview: "omdat ze 12 maanden niet zijn ingediend". */
  because: (period: number) => string;
  setting: SettingDefinition;
  /** Records not yet handled whose period started before `before` (ISO), oldest first. */
  candidates(db: Db, before: string, limit: number): Promise<RetentionCandidate[]>;
  /** Anonymises or deletes one record; false when there was nothing (left) to do. */
  apply(trx: Trx, id: string, now: Date): Promise<boolean>;
};
