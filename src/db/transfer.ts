import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.ts';
import { knownMigrations, migrateTo, migrateToLatest } from './migrate.ts';
import { appliedMigrations, dataTables, fromPlain, isEmptyDatabase, rowLine, summarise, type TableShape, tableRows } from './snapshot.ts';

/**
 * Moving between engines: `exportData` writes every data table as JSON Lines (one file per table,
 * in an order that respects foreign keys) with a manifest of rows and checksums; `importData` loads
 * such an export into an empty database of either engine and proves the rows arrived unchanged.
 * The checksums are the same on both engines (snapshot.ts), so "nothing lost" is checked, not hoped.
 */

export const EXPORT_MANIFEST = 'export.json';
const FORMAT = 'mkbroute-export/1';
/** Written last on import: the database raises counters in it while the other tables are loaded. */
const LAST = 'settings';

export type ExportManifest = {
  format: typeof FORMAT;
  engine: 'sqlite' | 'postgres';
  createdAt: string;
  lastMigration: string | null;
  migrations: string[];
  tables: { name: string; file: string; rows: number; sha256: string }[];
};

/** Reads inside one transaction that sees a single moment, without blocking writers. */
async function inSnapshot<T>(db: Kysely<any>, fn: (db: Kysely<any>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(isPostgres(db) ? 'begin isolation level repeatable read read only' : 'begin').execute(connection);
    try {
      return await fn(connection);
    } finally {
      await sql.raw('commit').execute(connection);
    }
  });
}

export async function exportData(db: Kysely<any>, dir: string, now = new Date()): Promise<ExportManifest> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is niet leeg; kies een nieuwe map`);
  mkdirSync(dir, { recursive: true });
  return inSnapshot(db, async (snap) => {
    const shapes = await dataTables(snap);
    const migrations = await appliedMigrations(snap);
    const tables: ExportManifest['tables'] = [];
    for (const [i, shape] of shapes.entries()) {
      const file = `${String(i + 1).padStart(2, '0')}-${shape.name}.jsonl`;
      const out = createWriteStream(join(dir, file));
      const hashes: string[] = [];
      for await (const row of tableRows(snap, shape)) {
        const line = rowLine(shape, row);
        hashes.push(createHash('sha256').update(line).digest('hex'));
        if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      hashes.sort();
      tables.push({ name: shape.name, file, rows: hashes.length, sha256: createHash('sha256').update(hashes.join('\n')).digest('hex') });
    }
    const manifest: ExportManifest = {
      format: FORMAT,
      engine: isPostgres(db) ? 'postgres' : 'sqlite',
      createdAt: now.toISOString(),
      lastMigration: migrations.at(-1) ?? null,
      migrations,
      tables,
    };
    writeFileSync(join(dir, EXPORT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  });
}

class ExportMismatch extends Error {}

export type Imported = { ok: true; rows: number; migrated: string[] } | { ok: false; problems: string[] };

async function insertFile(db: Kysely<any>, shape: TableShape, path: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  // Rows per statement: PostgreSQL takes at most 65,535 parameters in one.
  const size = Math.max(1, Math.floor(30_000 / Math.max(1, shape.columns.length)));
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length) await db.insertInto(shape.name).values(batch).execute();
    count += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    if (!line.trim()) continue;
    const plain = JSON.parse(line) as Record<string, unknown>;
    batch.push(Object.fromEntries(shape.columns.map((c) => [c, fromPlain(plain[c] ?? null)])));
    if (batch.length >= Math.min(size, 200)) await flush();
  }
  await flush();
  return count;
}

/**
 * Loads an export into an empty database: the schema as it was at the export, the rows table by
 * table in one transaction, then the migrations since. Compares rows and checksums with the export.
 */
export async function importData(db: Kysely<any>, dir: string): Promise<Imported> {
  const path = join(dir, EXPORT_MANIFEST);
  if (!existsSync(path)) return { ok: false, problems: [`${EXPORT_MANIFEST} ontbreekt in ${dir}: dit is geen export`] };
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as ExportManifest;
  } catch {
    return { ok: false, problems: [`${EXPORT_MANIFEST} is geen geldige JSON`] };
  }
  if (manifest.format !== FORMAT) return { ok: false, problems: [`${EXPORT_MANIFEST} heeft een onbekend formaat`] };
  const newer = manifest.migrations.filter((m) => !knownMigrations().includes(m));
  if (newer.length)
    return { ok: false, problems: [`de export komt van een nieuwere versie van het platform (migratie ${newer.join(', ')})`] };
  const missing = manifest.tables.filter((t) => !existsSync(join(dir, t.file))).map((t) => t.file);
  if (missing.length) return { ok: false, problems: missing.map((f) => `${f} ontbreekt`) };
  if (!(await isEmptyDatabase(db)))
    return { ok: false, problems: ['de database is niet leeg: importeren kan alleen in een lege database'] };

  if (manifest.lastMigration) await migrateTo(db, manifest.lastMigration);
  const shapes = new Map((await dataTables(db)).map((s) => [s.name, s]));
  const unknown = manifest.tables.filter((t) => !shapes.has(t.name)).map((t) => t.name);
  if (unknown.length) return { ok: false, problems: unknown.map((n) => `tabel ${n} bestaat niet in het schema van deze versie`) };
  const order = [...manifest.tables.filter((t) => t.name !== LAST), ...manifest.tables.filter((t) => t.name === LAST)];
  const problems: string[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      // Counters raised at commit (deferred triggers, `mijn_version`) are raised as each table loads
      // instead, so that the settings loaded last are what the database keeps.
      if (isPostgres(trx)) await sql`set constraints all immediate`.execute(trx);
      // The migrations may have put rows in (settings); the export holds the real ones.
      for (const t of [...order].reverse()) await trx.deleteFrom(t.name).execute();
      for (const t of order) {
        // Loading the other tables raised counters, some of them rows of their own (a hogeschool's
        // `mijn_version:<BRIN>`): the export's settings replace them all.
        if (t.name === LAST) await trx.deleteFrom(LAST).execute();
        await insertFile(trx, shapes.get(t.name) as TableShape, join(dir, t.file));
      }
      // Compared before the commit: an export that does not match its manifest loads nothing.
      const loaded = await summarise(
        trx,
        order.map((t) => shapes.get(t.name) as TableShape),
      );
      for (const t of manifest.tables) {
        const found = loaded[t.name];
        if (found?.rows !== t.rows) problems.push(`tabel ${t.name}: ${found?.rows ?? 0} rijen geladen, ${t.rows} in de export`);
        else if (found.sha256 !== t.sha256) problems.push(`tabel ${t.name}: de inhoud wijkt af van de export`);
      }
      if (problems.length) throw new ExportMismatch();
    });
  } catch (error) {
    // The rows rolled back; the schema stays, so the next try needs a new, empty database.
    if (!(error instanceof ExportMismatch)) problems.push(`laden mislukte: ${error instanceof Error ? error.message : String(error)}`);
    return {
      ok: false,
      problems: [
        ...problems,
        'er is niets geladen; de database heeft wel het schema: maak een nieuwe, lege database voor de volgende poging',
      ],
    };
  }
  const migrated = await migrateToLatest(db);
  return { ok: true, rows: manifest.tables.reduce((n, t) => n + t.rows, 0), migrated };
}
