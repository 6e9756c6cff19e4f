import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import { type Db, rawSqlite } from './connect.ts';
import { isPostgres } from './dialect.ts';
import * as foundation from './migrations/2026-11-26T1800-foundation.ts';
import * as registrations from './migrations/2026-11-26T1900-registrations.ts';
import * as assessments from './migrations/2026-11-26T2000-assessments.ts';
import * as kickoffs from './migrations/2026-11-26T2100-kickoffs.ts';
import * as catalogue from './migrations/2026-11-26T2200-catalogue.ts';
import * as participantState from './migrations/2026-11-29T2000-participant-state.ts';
import * as queueIndex from './migrations/2026-11-29T2100-queue-index.ts';
import * as storyAssetRemoval from './migrations/2026-11-29T2300-story-asset-removal.ts';
import * as teamVersion from './migrations/2026-11-30T0000-team-version.ts';
import * as institutionSignIn from './migrations/2026-11-30T0200-institution-sign-in.ts';
import * as jobRuns from './migrations/2026-11-30T0300-job-runs.ts';
import * as events from './migrations/2026-11-30T0400-events.ts';
import * as knowledge from './migrations/2026-11-30T0800-knowledge.ts';
import * as assessmentVersion from './migrations/2026-11-30T0900-assessment-version.ts';
import * as monitor from './migrations/2026-11-30T1000-monitor.ts';
import * as figureColumns from './migrations/2026-11-30T1100-figure-columns.ts';
import * as administration from './migrations/2026-11-30T1200-administration.ts';
import * as support from './migrations/2026-11-30T1300-support.ts';
import * as privacy from './migrations/2026-11-30T1400-privacy.ts';
import * as criterionVersions from './migrations/2026-11-30T1500-criterion-versions.ts';
import * as auditSequence from './migrations/2026-11-30T1600-audit-sequence.ts';
import * as supportCounters from './migrations/2026-11-30T1700-support-counters.ts';
import * as partnerRole from './migrations/2026-11-30T1750-partner-role.ts';
import * as network from './migrations/2026-11-30T1800-network.ts';
import * as mijnVersion from './migrations/2026-11-30T1900-mijn-version.ts';
import * as mijnPerHogeschool from './migrations/2026-12-01T0400-mijn-per-hogeschool.ts';

// Listed explicitly (not read from disk) so the set is checked by the compiler and bundled as is.
const migrations: Record<string, Migration> = {
  '2026-11-26T1800-foundation': foundation,
  '2026-11-26T1900-registrations': registrations,
  '2026-11-26T2000-assessments': assessments,
  '2026-11-26T2100-kickoffs': kickoffs,
  '2026-11-26T2200-catalogue': catalogue,
  '2026-11-29T2000-participant-state': participantState,
  '2026-11-29T2100-queue-index': queueIndex,
  '2026-11-29T2300-story-asset-removal': storyAssetRemoval,
  '2026-11-30T0000-team-version': teamVersion,
  '2026-11-30T0200-institution-sign-in': institutionSignIn,
  '2026-11-30T0300-job-runs': jobRuns,
  '2026-11-30T0400-events': events,
  '2026-11-30T0800-knowledge': knowledge,
  '2026-11-30T0900-assessment-version': assessmentVersion,
  '2026-11-30T1000-monitor': monitor,
  '2026-11-30T1100-figure-columns': figureColumns,
  '2026-11-30T1200-administration': administration,
  '2026-11-30T1300-support': support,
  '2026-11-30T1400-privacy': privacy,
  '2026-11-30T1500-criterion-versions': criterionVersions,
  '2026-11-30T1600-audit-sequence': auditSequence,
  '2026-11-30T1700-support-counters': supportCounters,
  '2026-11-30T1750-partner-role': partnerRole,
  '2026-11-30T1800-network': network,
  '2026-11-30T1900-mijn-version': mijnVersion,
  '2026-12-01T0400-mijn-per-hogeschool': mijnPerHogeschool,
};

/**
 * On PostgreSQL the migration bookkeeping lives in the schema the connection works in (its
 * search_path). Without naming it, Kysely's "does the table exist" check sees the tables of every
 * schema and skips creating its own, which breaks several databases on one server.
 */
async function migrator(db: Kysely<any>): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (isPostgres(db)) {
    const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = result.rows[0]?.schema;
  }
  return new Migrator({ db, migrationTableSchema, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'onbekend';
    throw new Error(`Migratie ${failed} mislukt: ${String(result.error)}`);
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'uitgevoerd' : 'teruggedraaid'}: ${r.migrationName}`);
}

/**
 * Migrations may edit SQLite's stored table definitions (to widen a CHECK constraint, which SQLite
 * cannot ALTER: 2026-11-30T1750-partner-role), which better-sqlite3's defensive mode forbids; it is
 * lifted for the migrations only, and restored whatever happens.
 */
async function withSchemaEdits<T>(db: Kysely<any>, run: () => Promise<T>): Promise<T> {
  const raw = rawSqlite(db as Db);
  raw?.unsafeMode(true);
  try {
    return await run();
  } finally {
    raw?.unsafeMode(false);
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return withSchemaEdits(db, async () => unwrap(await (await migrator(db)).migrateToLatest()));
}

export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return withSchemaEdits(db, async () => unwrap(await (await migrator(db)).migrateDown()));
}

export async function migrateAllDown(db: Kysely<any>): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    const step = await migrateDown(db);
    if (step.length === 0) return done;
    done.push(...step);
  }
}

/** The migrations this version of the platform knows, oldest first. */
export function knownMigrations(): string[] {
  return Object.keys(migrations).sort();
}

/** Runs the migrations up to and including `name` (to load data written at that schema). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<string[]> {
  return withSchemaEdits(db, async () => unwrap(await (await migrator(db)).migrateTo(name)));
}
