import type { ColumnType } from 'kysely';

/**
 * Timestamps are ISO-8601 UTC strings in the application on both engines (PostgreSQL stores
 * `timestamptz`, SQLite stores text); see docs/decisions/002-two-database-engines.md.
 */
export type Timestamp = string;
/** A column the database fills when an insert leaves it out. */
export type WithDefault<T> = ColumnType<T, T | undefined, T>;
