import { countMentions, scrubRows } from './repo.ts';
import type { Person, PersonalDataSource } from './types.ts';

/** What a name becomes in running text. */
export const ERASED_NAME = 'verwijderde persoon';
/** What a name field (an account, a guest, a contact person) becomes. */
export const ERASED_PERSON = 'Verwijderde persoon';
/** What an e-mail address or phone number becomes in running text. */
export const ERASED_VALUE = '[verwijderd]';
/** The address an anonymised account or guest keeps: unique, and never deliverable (.invalid, RFC 2606). */
export const erasedAddress = (id: string) => `verwijderd-${id}@verwijderd.invalid`;

/**
 * Removes a person's values from text. `values` are what is searched for (lower case); `text`
 * replaces every occurrence, whatever its case. Names are only searched from four characters and
 * replaced as whole words; `withoutNames` gives the scrubber for fields that belong to someone
 * else (another registration's contact), where only addresses and numbers are removed.
 */
export type Scrubber = {
  values: string[];
  text: (value: string) => string;
  withoutNames: () => Scrubber;
  isEmpty: boolean;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The digits of a phone number written with spaces or dashes also match its other spellings. */
function phonePattern(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return null;
  return digits.split('').join('[\\s.()-]*');
}

export function scrubberFor(person: Person, options: { names?: boolean } = {}): Scrubber {
  const names = options.names === false ? [] : unique(person.names.map((n) => n.trim()).filter((n) => n.length >= 4));
  const emails = unique(person.emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
  const phones = unique(person.phones.map((p) => p.trim()).filter((p) => p.replace(/\D/g, '').length >= 8));
  const parts: { pattern: string; by: string }[] = [
    ...emails.map((e) => ({ pattern: escapeRegExp(e), by: ERASED_VALUE })),
    ...phones.flatMap((p) => {
      const pattern = phonePattern(p);
      return pattern ? [{ pattern, by: ERASED_VALUE }] : [];
    }),
    ...names.map((n) => ({ pattern: `(?<![\\p{L}\\p{N}])${escapeRegExp(n).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, by: ERASED_NAME })),
  ];
  // Longest first: an address that contains a name goes as a whole.
  parts.sort((a, b) => b.pattern.length - a.pattern.length);
  const regexps = parts.map((p) => ({ re: new RegExp(p.pattern, 'giu'), by: p.by }));
  return {
    // What the database is searched for (LIKE): a phone number as typed and as bare digits.
    values: [...emails, ...phones, ...phones.map((p) => p.replace(/\D/g, '')), ...names.map((n) => n.toLowerCase())],
    text: (value) => regexps.reduce((acc, { re, by }) => acc.replace(re, by), value),
    withoutNames: () => scrubberFor(person, { names: false }),
    isEmpty: parts.length === 0,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * A feature's part that only holds people in free text (notes, articles, answers): each listed
 * table's columns are searched and scrubbed; nothing is exported (the text is about the work, not
 * the person). The feature declares it in its own privacy.ts, over its own tables.
 */
export function mentionsOnly(def: {
  key: string;
  title: string;
  what: string;
  tables: { table: string; key: string | string[]; columns: string[] }[];
}): PersonalDataSource {
  return {
    key: def.key,
    title: def.title,
    identify: async () => ({}),
    export: async () => null,
    async plan(db, _person, s) {
      let count = 0;
      for (const t of def.tables) count += await countMentions(db, t.table, t.columns, s);
      return [{ action: 'geanonimiseerd', what: def.what, count }];
    },
    async erase(trx, _person, s) {
      for (const t of def.tables) await scrubRows(trx, t.table, t.key, t.columns, s);
    },
  };
}
