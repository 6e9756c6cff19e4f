import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { connect } from './connect.ts';
import { knownMigrations, migrateToLatest } from './migrate.ts';
import { runPgTool } from './pg-tools.ts';
import { appliedMigrations, isEmptyDatabase, summarise, type TableSummary } from './snapshot.ts';

/**
 * Backups that can be proven: `createBackup` copies a running database without stopping it
 * (SQLite: `VACUUM INTO` a temporary name, then renamed; PostgreSQL: `pg_dump -Fc` inside the same
 * snapshot the checksums are taken in) and writes a manifest; `verifyBackup` restores it into a
 * scratch database and compares; `restoreBackup` puts it into an empty database and migrates it
 * forward. Uploaded files (registration attachments, story photos, toolkit files) live in the
 * database, so they are in the copy and in the table checksums.
 */

export const MANIFEST = 'manifest.json';
const FORMAT = 'mkbroute-backup/1';
const FILE = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const;

export type Manifest = {
  format: typeof FORMAT;
  platformVersion: string;
  engine: 'sqlite' | 'postgres';
  createdAt: string;
  lastMigration: string | null;
  migrations: string[];
  files: Record<string, { bytes: number; sha256: string }>;
  tables: TableSummary;
  uploads: string;
};

function platformVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** An SQLite file opened read-only, without turning on WAL (a backup copy must stay one file). */
function openSqliteReadonly(path: string): Kysely<any> {
  const handle = new SQLite(path, { readonly: true, fileMustExist: true });
  return new Kysely<any>({ dialect: new SqliteDialect({ database: handle }) });
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');

/** Makes `<dir>/mkbroute-<engine>-<time>/` with the database copy and manifest.json; returns its path. */
export async function createBackup(
  config: Pick<Config, 'database'>,
  dir: string,
  now = new Date(),
): Promise<{ path: string; manifest: Manifest }> {
  const engine = config.database.kind;
  if (config.database.kind === 'sqlite' && !existsSync(config.database.path)) {
    throw new Error(`${config.database.path} bestaat niet: DATABASE_URL wijst niet naar een database`);
  }
  const target = join(dir, `mkbroute-${engine}-${stamp(now)}`);
  if (existsSync(target)) throw new Error(`${target} bestaat al`);
  const work = `${target}.bezig`;
  mkdirSync(work, { recursive: true });
  try {
    const file = join(work, FILE[engine]);
    let tables: TableSummary;
    let migrations: string[];
    if (config.database.kind === 'sqlite') {
      const source = new SQLite(config.database.path, { fileMustExist: true });
      try {
        source.pragma('busy_timeout = 5000');
        // One read transaction: a consistent copy while other processes keep writing (WAL).
        source.prepare('vacuum into ?').run(file);
      } finally {
        source.close();
      }
      const copy = openSqliteReadonly(file);
      try {
        tables = await summarise(copy);
        migrations = await appliedMigrations(copy);
      } finally {
        await copy.destroy();
      }
    } else {
      const url = config.database.url;
      const db = connect(config.database, { poolSize: 1 });
      try {
        ({ tables, migrations } = await db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute(async (trx) => {
            const snapshot = (await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx)).rows[0]?.id ?? '';
            // pg_dump reads the very snapshot this transaction sees, so the checksums describe the dump.
            await runPgTool(
              'pg_dump',
              ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${file}`],
              url,
            );
            return { tables: await summarise(trx), migrations: await appliedMigrations(trx) };
          }));
      } finally {
        await db.destroy();
      }
    }
    const manifest: Manifest = {
      format: FORMAT,
      platformVersion: platformVersion(),
      engine,
      createdAt: now.toISOString(),
      lastMigration: migrations.at(-1) ?? null,
      migrations,
      files: { [FILE[engine]]: { bytes: statSync(file).size, sha256: await fileSha256(file) } },
      tables,
      uploads: 'in de database: registration_files.content, stories.image, toolkit_assets.content (in de tabelcontrolegetallen)',
    };
    writeFileSync(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(work, target);
    return { path: target, manifest };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

export type Verification = { ok: boolean; problems: string[]; manifest: Manifest | null; rows: number };

function readManifest(backup: string, problems: string[]): Manifest | null {
  const path = join(backup, MANIFEST);
  if (!existsSync(path)) {
    problems.push(`${MANIFEST} ontbreekt in ${backup}: dit is geen (volledige) back-up`);
    return null;
  }
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    if (manifest.format !== FORMAT) problems.push(`${MANIFEST} heeft een onbekend formaat (${String(manifest.format)})`);
    return problems.length ? null : manifest;
  } catch {
    problems.push(`${MANIFEST} is geen geldige JSON: het bestand is beschadigd`);
    return null;
  }
}

async function checkFiles(backup: string, manifest: Manifest, problems: string[]): Promise<void> {
  for (const [name, expected] of Object.entries(manifest.files)) {
    const path = join(backup, name);
    if (!existsSync(path)) {
      problems.push(`${name} ontbreekt`);
      continue;
    }
    const bytes = statSync(path).size;
    if (bytes !== expected.bytes)
      problems.push(`${name} is ${bytes} bytes, volgens de manifest ${expected.bytes}: het bestand is beschadigd of ingekort`);
    else if ((await fileSha256(path)) !== expected.sha256)
      problems.push(`${name}: het controlegetal klopt niet: het bestand is beschadigd of gewijzigd`);
  }
}

function compare(manifest: Manifest, migrations: string[], tables: TableSummary, problems: string[]): void {
  if (migrations.join(',') !== manifest.migrations.join(','))
    problems.push('de herstelde database heeft andere migraties dan de manifest noemt');
  for (const [name, expected] of Object.entries(manifest.tables)) {
    const found = tables[name];
    if (!found) problems.push(`tabel ${name} ontbreekt na herstellen`);
    else if (found.rows !== expected.rows)
      problems.push(`tabel ${name}: ${found.rows} rijen na herstellen, ${expected.rows} volgens de manifest`);
    else if (found.sha256 !== expected.sha256) problems.push(`tabel ${name}: de inhoud wijkt af van de manifest`);
  }
  for (const name of Object.keys(tables)) if (!(name in manifest.tables)) problems.push(`tabel ${name} staat niet in de manifest`);
}

/** A scratch PostgreSQL database on the server DATABASE_URL points at; dropped by `drop()`. */
async function scratchPostgres(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `mkb_controle_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Restores a backup into a scratch database and compares it with its manifest: every file and its
 * checksum, the integrity of the database, its migrations, and rows and checksum of every table.
 */
export async function verifyBackup(config: Pick<Config, 'database'>, backup: string): Promise<Verification> {
  const problems: string[] = [];
  const manifest = readManifest(backup, problems);
  if (!manifest) return { ok: false, problems, manifest, rows: 0 };
  await checkFiles(backup, manifest, problems);
  if (problems.length) return { ok: false, problems, manifest, rows: 0 };

  const file = join(backup, FILE[manifest.engine]);
  if (manifest.engine === 'sqlite') {
    const scratch = mkdtempSync(join(tmpdir(), 'mkbroute-controle-'));
    try {
      const copy = join(scratch, 'controle.sqlite');
      copyFileSync(file, copy);
      const handle = new SQLite(copy, { fileMustExist: true });
      const integrity = handle.pragma('integrity_check', { simple: true });
      const dangling = handle.pragma('foreign_key_check') as unknown[];
      handle.close();
      if (integrity !== 'ok') problems.push(`de database is niet in orde (integrity_check: ${String(integrity)})`);
      if (dangling.length) problems.push(`${dangling.length} verwijzingen naar rijen die niet bestaan (foreign_key_check)`);
      const db = openSqliteReadonly(copy);
      try {
        compare(manifest, await appliedMigrations(db), await summarise(db), problems);
      } finally {
        await db.destroy();
      }
    } catch (error) {
      problems.push(`de database is niet te openen: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  } else {
    if (config.database.kind !== 'postgres') {
      problems.push(
        'een PostgreSQL-back-up controleren kan alleen met DATABASE_URL naar een PostgreSQL-server (om in een tijdelijke database te herstellen)',
      );
      return { ok: false, problems, manifest, rows: 0 };
    }
    const scratch = await scratchPostgres(config.database.url);
    try {
      // Constraints are created after the data, so a dangling reference fails the restore itself.
      await runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', file], scratch.url);
      const db = connect({ kind: 'postgres', url: scratch.url }, { poolSize: 1 });
      try {
        compare(manifest, await appliedMigrations(db), await summarise(db), problems);
      } finally {
        await db.destroy();
      }
    } catch (error) {
      problems.push(`herstellen in een tijdelijke database mislukte: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await scratch.drop();
    }
  }
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  return { ok: problems.length === 0, problems, manifest, rows };
}

export type Restored = { ok: true; migrated: string[]; rows: number } | { ok: false; problems: string[] };

/**
 * Puts a verified backup into the database DATABASE_URL names, which must be empty unless `force`.
 * A backup from a newer schema is refused; an older one is migrated forward. The erasure ledger of
 * issue 17 does not exist yet; when it does, it is applied here before the platform serves again.
 */
export async function restoreBackup(
  config: Pick<Config, 'database'>,
  backup: string,
  options: { force?: boolean } = {},
): Promise<Restored> {
  const verification = await verifyBackup(config, backup);
  if (!verification.ok || !verification.manifest) return { ok: false, problems: verification.problems };
  const manifest = verification.manifest;
  if (manifest.engine !== config.database.kind) {
    return {
      ok: false,
      problems: [
        `deze back-up is van ${manifest.engine}, DATABASE_URL wijst naar ${config.database.kind}: verhuizen gaat met npm run export en npm run import`,
      ],
    };
  }
  const known = new Set(knownMigrations());
  const newer = manifest.migrations.filter((m) => !known.has(m));
  if (newer.length) {
    return {
      ok: false,
      problems: [`deze back-up komt van een nieuwere versie van het platform (migratie ${newer.join(', ')}); werk eerst het platform bij`],
    };
  }
  const file = join(backup, FILE[manifest.engine]);
  if (config.database.kind === 'sqlite') {
    const path = config.database.path;
    if (existsSync(path) && !options.force) {
      const current = openSqliteReadonly(path);
      const empty = await isEmptyDatabase(current).finally(() => current.destroy());
      if (!empty)
        return { ok: false, problems: [`${path} is niet leeg; herstellen overschrijft alles: gebruik --force als dat de bedoeling is`] };
    }
    mkdirSync(dirname(path), { recursive: true });
    const incoming = join(dirname(path), `.${basename(path)}.herstel`);
    copyFileSync(file, incoming);
    for (const leftover of [`${path}-wal`, `${path}-shm`]) rmSync(leftover, { force: true });
    renameSync(incoming, path);
  } else {
    const db = connect(config.database, { poolSize: 1 });
    try {
      if (!(await isEmptyDatabase(db))) {
        if (!options.force)
          return {
            ok: false,
            problems: ['de database is niet leeg; herstellen overschrijft alles: gebruik --force als dat de bedoeling is'],
          };
        const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? 'public';
        await sql.raw(`drop schema "${schema}" cascade; create schema "${schema}"`).execute(db);
      }
    } finally {
      await db.destroy();
    }
    await runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', file], config.database.url);
  }
  const db = connect(config.database, { poolSize: 1 });
  try {
    const migrated = await migrateToLatest(db);
    return { ok: true, migrated, rows: verification.rows };
  } finally {
    await db.destroy();
  }
}
