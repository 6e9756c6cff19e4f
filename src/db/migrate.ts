import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as foundation from './migrations/2026-11-26T1800-foundation.ts';

// Listed explicitly (not read from disk) so the set is checked by the compiler and bundled as is.
const migrations: Record<string, Migration> = {
  '2026-11-26T1800-foundation': foundation,
};

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'onbekend';
    throw new Error(`Migratie ${failed} mislukt: ${String(result.error)}`);
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'uitgevoerd' : 'teruggedraaid'}: ${r.migrationName}`);
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return unwrap(await migrator(db).migrateToLatest());
}

export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return unwrap(await migrator(db).migrateDown());
}

export async function migrateAllDown(db: Kysely<any>): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    const step = unwrap(await migrator(db).migrateDown());
    if (step.length === 0) return done;
    done.push(...step);
  }
}
