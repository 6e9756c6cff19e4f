import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { prepareDatabase } from '../src/boot.ts';
import { createBackup, type Manifest, restoreBackup, verifyBackup } from '../src/db/backup.ts';
import { connect, type Db } from '../src/db/connect.ts';
import { knownMigrations, migrateDown, migrateToLatest } from '../src/db/migrate.ts';

/** The newest migration and the one before it: the backups name them. */
const [PREVIOUS, LATEST] = knownMigrations().slice(-2) as [string, string];

import { summarise } from '../src/db/snapshot.ts';
import { exportData, importData } from '../src/db/transfer.ts';
import { addAsset, rebuildSearchIndex } from '../src/features/catalogue/index.ts';
import { recordAudit } from '../src/platform/audit/repo.ts';
import { registration } from './factories.ts';
import { buildTestApp, Client, ENGINE, freshDatabaseUrl, POSTGRES_URL, signIn, testConfig } from './helpers.ts';

const folder = (t: { after: (fn: () => unknown) => void }) => {
  const dir = mkdtempSync(join(tmpdir(), 'mkbroute-backup-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** Data of every kind: an accepted registration (versions, decisions, a kick-off, a public route) and a file. */
async function seed(site: Awaited<ReturnType<typeof buildTestApp>>) {
  const made = await registration(site, 'accepted');
  await addAsset(
    site.db,
    made.team as never,
    { title: 'Logo', description: 'Het logo', filename: 'logo.pdf' },
    Buffer.from('%PDF-1.4 logo\u0000\u00ff'),
  );
  return made;
}

/** The backup command as an operator runs it: another process, next to the running platform. */
function backupProcess(databaseUrl: string, dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', dir], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += String(c);
    });
    child.stderr.on('data', (c) => {
      stderr += String(c);
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const auditIds = async (db: Db) => (await db.selectFrom('audit_events').select('id').execute()).map((r) => r.id);

describe(`backups (${ENGINE})`, () => {
  test('a backup taken while writes go on: none fails, verify passes, a restore is identical to the backup', async (t) => {
    const site = await buildTestApp(t);
    await seed(site);
    const url = site.config.database.kind === 'sqlite' ? `sqlite:${site.config.database.path}` : site.config.database.url;
    const dir = folder(t);

    // A stream of writes from this process while another process makes the backup.
    const acknowledged: string[] = [];
    let writing = true;
    let failures = 0;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        try {
          await recordAudit(site.db, { actorUserId: null, action: 'test.write', subjectType: 'test', subjectId: String(i) });
          acknowledged.push(String(i));
        } catch {
          failures++;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const before = await auditIds(site.db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const run = await backupProcess(url, dir);
    writing = false;
    await writer;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Back-up gemaakt: /);
    assert.equal(failures, 0, 'no write failed during the backup');
    assert.ok(acknowledged.length > 10, `writes went on (${acknowledged.length})`);

    const [name] = readdirSync(dir);
    const backup = join(dir, name ?? '');
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8')) as Manifest;
    assert.equal(manifest.engine, ENGINE);
    assert.equal(manifest.lastMigration, LATEST);
    assert.ok(manifest.tables.toolkit_assets?.rows === 1 && manifest.tables.registration_versions?.rows === 1);

    const verified = await verifyBackup(site.config, backup);
    assert.deepEqual(verified.problems, []);
    assert.equal(verified.ok, true);

    // Restore into an empty database: every table as the manifest says, and a consistent cut of the writes.
    const target = testConfig(await freshDatabaseUrl(t));
    const restored = await restoreBackup(target, backup);
    assert.deepEqual(restored, { ok: true, migrated: [], rows: verified.rows });
    const db = connect(target.database);
    t.after(() => db.destroy());
    assert.deepEqual(await summarise(db), manifest.tables);
    const inBackup = new Set(await auditIds(db));
    const live = new Set(await auditIds(site.db));
    for (const id of before) assert.ok(inBackup.has(id), 'everything written before the backup is in it');
    for (const id of inBackup) assert.ok(live.has(id), 'the backup holds nothing the database never had');
    const file = await db.selectFrom('toolkit_assets').select('content').executeTakeFirstOrThrow();
    assert.deepEqual(Buffer.from(file.content), Buffer.from('%PDF-1.4 logo\u0000\u00ff'), 'the uploaded file byte for byte');

    // The restored database runs the platform: the accepted route is on the catalogue.
    const app = await buildApp({ config: target, db });
    t.after(() => app.close());
    assert.match((await app.inject({ method: 'GET', url: '/routes' })).body, /1 route gevonden/);
  });

  test('a changed byte, a missing file or a missing manifest fails verify with a plain reason', async (t) => {
    const site = await buildTestApp(t);
    await seed(site);
    const { path } = await createBackup(site.config, folder(t));
    const file = readdirSync(path).find((f) => f.startsWith('database.')) ?? '';

    const changed = `${path}-gewijzigd`;
    cpSync(path, changed, { recursive: true });
    const bytes = readFileSync(join(changed, file));
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    writeFileSync(join(changed, file), bytes);
    const one = await verifyBackup(site.config, changed);
    assert.equal(one.ok, false);
    assert.deepEqual(one.problems, [`${file}: het controlegetal klopt niet: het bestand is beschadigd of gewijzigd`]);

    const missing = `${path}-zonder`;
    cpSync(path, missing, { recursive: true });
    rmSync(join(missing, file));
    assert.deepEqual((await verifyBackup(site.config, missing)).problems, [`${file} ontbreekt`]);

    rmSync(join(missing, 'manifest.json'));
    assert.deepEqual((await verifyBackup(site.config, missing)).problems, [
      `manifest.json ontbreekt in ${missing}: dit is geen (volledige) back-up`,
    ]);

    // A restore refuses what verify refuses, and leaves the target untouched.
    const target = testConfig(await freshDatabaseUrl(t));
    const refused = await restoreBackup(target, changed);
    assert.equal(refused.ok, false);
    const db = connect(target.database);
    t.after(() => db.destroy());
    assert.deepEqual(await summarise(db), {});
  });

  test('a backup of a newer schema is refused; an older one is migrated forward; a non-empty target needs --force', async (t) => {
    const site = await buildTestApp(t);
    await seed(site);
    const dir = folder(t);

    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-uit-de-toekomst', '2099-01-01T00:00:00.000Z')`.execute(
      site.db,
    );
    const newer = await createBackup(site.config, dir, new Date('2026-11-30T10:00:00Z'));
    const target = testConfig(await freshDatabaseUrl(t));
    assert.deepEqual(await restoreBackup(target, newer.path), {
      ok: false,
      problems: [
        'deze back-up komt van een nieuwere versie van het platform (migratie 2099-01-01T0000-uit-de-toekomst); werk eerst het platform bij',
      ],
    });
    await sql`delete from kysely_migration where name = '2099-01-01T0000-uit-de-toekomst'`.execute(site.db);

    await migrateDown(site.db);
    const older = await createBackup(site.config, dir, new Date('2026-11-30T11:00:00Z'));
    assert.equal(older.manifest.lastMigration, PREVIOUS);
    const restored = await restoreBackup(target, older.path);
    assert.equal(restored.ok, true);
    assert.deepEqual(restored.ok && restored.migrated, [`uitgevoerd: ${LATEST}`]);

    await migrateToLatest(site.db);
    const current = await createBackup(site.config, dir, new Date('2026-11-30T12:00:00Z'));
    const notEmpty = await restoreBackup(target, current.path);
    assert.equal(notEmpty.ok, false);
    assert.match(notEmpty.ok ? '' : (notEmpty.problems[0] ?? ''), /niet leeg; herstellen overschrijft alles: gebruik --force/);
    const forced = await restoreBackup(target, current.path, { force: true });
    assert.equal(forced.ok, true);
    const db = connect(target.database);
    t.after(() => db.destroy());
    assert.deepEqual(await summarise(db), current.manifest.tables);
  });

  test(`moving engines: export → import into ${POSTGRES_URL ? 'PostgreSQL (from SQLite)' : 'a new SQLite database'} → the same rows and the same behaviour`, async (t) => {
    // The source is always SQLite: the move the documentation describes.
    const dir = folder(t);
    const source = testConfig(`sqlite:${join(dir, 'bron.sqlite')}`);
    const sourceDb = (await prepareDatabase(source, connect(source.database))).db;
    t.after(() => sourceDb.destroy());
    const sourceApp = await buildApp({ config: source, db: sourceDb });
    t.after(() => sourceApp.close());
    await seed({ app: sourceApp, db: sourceDb, config: source });
    const exported = await exportData(sourceDb, join(dir, 'export'));
    assert.equal(exported.engine, 'sqlite');
    assert.equal(existsSync(join(dir, 'export', 'export.json')), true);

    const target = testConfig(await freshDatabaseUrl(t));
    const db = connect(target.database);
    t.after(() => db.destroy());
    const imported = await importData(db, join(dir, 'export'));
    assert.deepEqual(imported, { ok: true, rows: exported.tables.reduce((n, x) => n + x.rows, 0), migrated: [] });
    assert.deepEqual(await summarise(db), await summarise(sourceDb), 'every table identical, checked by content');
    // Rebuilt after the comparison: rewriting the routes raises the /mijn counter (a cache key, not data).
    assert.equal(await rebuildSearchIndex(db), 1);
    assert.equal((await importData(db, join(dir, 'export'))).ok, false, 'never into a database that has data');

    // The application behaves the same on the imported data: search, a sign-in, the team's queue.
    const app = await buildApp({ config: target, db });
    t.after(() => app.close());
    for (const url of ['/routes', '/routes?q=techniek', '/routes?q=bestaatniet']) {
      const count = (body: string) => /(\d+) routes? gevonden|Geen routes gevonden/.exec(body)?.[0];
      assert.equal(
        count((await app.inject({ method: 'GET', url })).body),
        count((await sourceApp.inject({ method: 'GET', url })).body),
        url,
      );
    }
    const team = await signIn(app, db, 'tessa@programma.nl');
    const queue = await team.get('/beheer/aanmeldingen?status=alle');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /MKB-\d{4}-0001/);
    const applicant = await signIn(app, db, 'anna@avans.nl', new Client(app));
    assert.match((await applicant.get('/mijn')).body, /Aanmeldingen van Avans Hogeschool/);
  });

  test('an export that does not match its manifest loads nothing and says which table', async (t) => {
    const site = await buildTestApp(t);
    await seed(site);
    const dir = folder(t);
    const exported = await exportData(site.db, join(dir, 'export'));
    const usersFile = join(dir, 'export', exported.tables.find((x) => x.name === 'users')?.file ?? '');
    writeFileSync(usersFile, readFileSync(usersFile, 'utf8').replace('anna@avans.nl', 'iemand@anders.nl'));
    const first = testConfig(await freshDatabaseUrl(t));
    const db = connect(first.database);
    t.after(() => db.destroy());
    const changed = await importData(db, join(dir, 'export'));
    assert.deepEqual(changed, {
      ok: false,
      problems: [
        'tabel users: de inhoud wijkt af van de export',
        'er is niets geladen; de database heeft wel het schema: maak een nieuwe, lege database voor de volgende poging',
      ],
    });
    assert.equal((await db.selectFrom('users').select('id').execute()).length, 0, 'nothing loaded');

    writeFileSync(usersFile, `${readFileSync(usersFile, 'utf8')}{niet af\n`);
    const second = connect(testConfig(await freshDatabaseUrl(t)).database);
    t.after(() => second.destroy());
    const broken = await importData(second, join(dir, 'export'));
    assert.equal(broken.ok, false);
    assert.match(broken.ok ? '' : (broken.problems[0] ?? ''), /^laden mislukte: /);
    assert.equal((await second.selectFrom('registrations').select('id').execute()).length, 0);
  });
});
