import { type Db, postgresSideQuery, rawSqlite } from '../db/connect.ts';
import { prepared } from '../db/prepared.ts';

/**
 * Data behind a signed-in list, kept per process and keyed on a version counter that the database
 * raises itself (triggers, migration 2026-11-30T0000-team-version) in the transaction of every
 * change to the tables the list reads. Exactness: the version is read *before* the data is
 * computed, so data computed while a change commits is stored under the old version and never
 * served after the new one is seen; a change made by any process shows on the next request.
 * What is kept here is data (and parts of pages rendered from it); whole pages, per browser, are
 * kept by page-cache.ts under the same counters.
 */

/**
 * The counters read with every session (session/repo.ts), in the same statement, for the pages
 * kept whole: `team_version`, `assessment_version` and `mijn_version` are raised by triggers (their migrations),
 * `reference_version` by the reference lists' writers.
 */
export const SESSION_COUNTERS = ['team_version', 'assessment_version', 'reference_version', 'mijn_version'] as const;

/**
 * The counter of the signed-in person's own hogeschool, read with the session under this name:
 * raised by every change to that hogeschool's registrations and what belongs to them (migration
 * 2026-12-01T0400); '0' for a hogeschool nothing changed at yet and for a person without one.
 */
export const MIJN_SCOPE = 'mijn_scope';

/** The rows of `settings` that hold a hogeschool's `/mijn` counter: this, then its BRIN. */
export const MIJN_SCOPE_PREFIX = 'mijn_version:';

/** One counter, built once (and on PostgreSQL planned once per connection). */
const settingValue = prepared((db: Db, key: string) => db.selectFrom('settings').select('value').where('key', '=', key));

const readers = new WeakMap<Db, Map<string, () => string | Promise<string>>>();

/** The current value of a version counter: a synchronous read of one row on SQLite; on PostgreSQL a query on the side connection (connect.ts#postgresSideQuery). */
export function dataVersion(db: Db, key: string): string | Promise<string> {
  let perDb = readers.get(db);
  if (!perDb) {
    perDb = new Map();
    readers.set(db, perDb);
  }
  let read = perDb.get(key);
  if (!read) {
    const raw = rawSqlite(db);
    const side = postgresSideQuery(db);
    if (raw) {
      const statement = raw.prepare('select value from settings where key = ?').pluck();
      read = () => String(statement.get(key) ?? '0');
    } else if (side) {
      read = async () => String((await side('setting_value', 'select value from settings where key = $1', [key]))[0]?.[0] ?? '0');
    } else {
      read = async () => (await settingValue(db, key))[0]?.value ?? '0';
    }
    perDb.set(key, read);
  }
  return read();
}

/** A small least-recently-used store of computed data per database, each entry valid for one version. */
export class ViewCache<T> {
  private readonly stores = new WeakMap<Db, Map<string, { version: string; value: Promise<T> }>>();

  constructor(
    private readonly versionKey: string,
    private readonly max = 200,
  ) {}

  /**
   * The data for `key` at the current version, computed (once, also for concurrent callers) when
   * missing or outdated. A request that uses several caches on the same counter reads it once and
   * passes it as `version` (read before any of the data).
   */
  async get(db: Db, key: string, compute: () => Promise<T>, version?: string): Promise<T> {
    version ??= await dataVersion(db, this.versionKey);
    // No counter (a database the migration has not reached): nothing is kept, everything is read afresh.
    if (version === '0') return compute();
    let entries = this.stores.get(db);
    if (!entries) {
      entries = new Map();
      this.stores.set(db, entries);
    }
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    entries.set(key, { version, value });
    // A failed computation is not kept.
    const store = entries;
    value.catch(() => {
      if (store.get(key)?.value === value) store.delete(key);
    });
    if (entries.size > this.max) entries.delete(entries.keys().next().value as string);
    return value;
  }
}
