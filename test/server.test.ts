import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { connect } from '../src/db/connect.ts';
import { knownMigrations } from '../src/db/migrate.ts';
import { freshDatabaseUrl, testConfig } from './helpers.ts';
import { baseEnv, exited, startServer, TSX } from './server-process.ts';

describe('the server process', () => {
  test('the production build (compiled JavaScript, no TypeScript loader) starts and serves the home page', async (t) => {
    // Inside the project, so that the compiled files find node_modules as dist/ does.
    mkdirSync('tmp', { recursive: true });
    const out = mkdtempSync(join('tmp', 'build-'));
    t.after(() => rmSync(out, { recursive: true, force: true }));
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', out], {
      encoding: 'utf8',
    });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    cpSync('src/ui/static', join(out, 'ui/static'), { recursive: true });
    cpSync('src/reference', join(out, 'reference'), { recursive: true });
    const server = await startServer(
      baseEnv(await freshDatabaseUrl(t), {
        NODE_ENV: 'production',
        BASE_URL: 'https://mkbroute.example',
        SESSION_SECRET: 'production-secret-production-secret-123',
        HOST: '127.0.0.1',
        SMTP_URL: 'smtp://127.0.0.1:1',
        SECURITY_CONTACT: 'mailto:security@mkbroute.example',
      }),
      [join(out, 'server.js')],
    );
    t.after(() => server.child.kill('SIGKILL'));
    const home = await fetch(`http://127.0.0.1:${server.port}/`);
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /<title>Mkb-route in het hbo<\/title>/);
    const css = /href="(\/static\/app-[0-9a-f]+\.css)"/.exec(html)?.[1] ?? '';
    assert.equal((await fetch(`http://127.0.0.1:${server.port}${css}`)).status, 200);
    // Nothing in the process loaded a TypeScript loader.
    assert.doesNotMatch(server.output(), /tsx/);
  });

  test('a bad configuration stops it at boot with one plain line per problem', () => {
    const res = spawnSync(process.execPath, [...TSX, 'src/server.ts'], {
      env: { PATH: process.env.PATH, PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'kort' },
      encoding: 'utf8',
    });
    assert.equal(res.status, 1);
    assert.equal(
      res.stderr,
      [
        'Ongeldige configuratie:',
        '- PORT moet een getal zijn',
        '- DATABASE_URL moet beginnen met sqlite: (met een bestandspad) of postgres://',
        '- SESSION_SECRET moet minstens 32 tekens lang zijn',
        '',
      ].join('\n'),
    );
  });

  test('it starts with demo content, says how to sign in, serves pages, and stops cleanly on SIGTERM', async (t) => {
    const databaseUrl = await freshDatabaseUrl(t);
    const server = await startServer(baseEnv(databaseUrl));
    t.after(() => server.child.kill('SIGKILL'));
    assert.match(server.output(), /Inloggen: ga naar \/inloggen en vul een van deze demo-adressen in:/);
    assert.match(server.output(), /team@demo\.mkbroute\.nl \(team\)/);
    assert.match(server.output(), /\/dev\/mailbox/);
    const home = await fetch(`http://127.0.0.1:${server.port}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Demo-omgeving/);
    assert.deepEqual(await (await fetch(`http://127.0.0.1:${server.port}/readyz`)).json(), { status: 'ok' });

    const done = exited(server.child);
    server.child.kill('SIGTERM');
    assert.equal(await done, 0);
    assert.match(server.output(), /"msg":"stopped"/);

    const db = connect(testConfig(databaseUrl).database);
    t.after(() => db.destroy());
    const users = await db.selectFrom('users').select(['email', 'role']).orderBy('email').execute();
    // The three sign-in addresses printed at start, among the demo's other (fictitious) people.
    for (const u of [
      { email: 'aanvrager@demo.mkbroute.nl', role: 'applicant' },
      { email: 'beheerder@demo.mkbroute.nl', role: 'admin' },
      { email: 'team@demo.mkbroute.nl', role: 'team' },
    ]) {
      assert.ok(
        users.some((found) => found.email === u.email && found.role === u.role),
        u.email,
      );
    }
    assert.ok(users.every((u) => u.email.endsWith('@demo.mkbroute.nl')));
    assert.equal((await db.selectFrom('registrations').select('id').execute()).length, 40);
  });

  test('SIGTERM lets a request in flight finish before the process exits', async (t) => {
    const server = await startServer(baseEnv(await freshDatabaseUrl(t), { DEMO_CONTENT: 'off' }));
    t.after(() => server.child.kill('SIGKILL'));
    const socket = netConnect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let response = '';
    socket.on('data', (c) => {
      response += String(c);
    });
    const body = 'email=iemand%40hogeschool.nl&_csrf=x';
    socket.write(
      `POST /inloggen HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const done = exited(server.child);
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write(body.slice(10));
    const code = await done;
    assert.match(response, /^HTTP\/1\.1 403/, 'the request in flight got its full answer');
    assert.match(response, /Formulier verlopen/);
    assert.equal(code, 0);
  });

  test('npm run create-admin makes an administrator; a bad address is refused', async (t) => {
    const databaseUrl = await freshDatabaseUrl(t);
    const env = baseEnv(databaseUrl);
    const bad = spawnSync(process.execPath, [...TSX, 'src/cli/create-admin.ts', 'geen-adres'], { env, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Gebruik: npm run create-admin -- naam@voorbeeld\.nl/);
    const ok = spawnSync(process.execPath, [...TSX, 'src/cli/create-admin.ts', 'Baas@Programma.nl'], { env, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /baas@programma\.nl is beheerder/);
    const db = connect(testConfig(databaseUrl).database);
    t.after(() => db.destroy());
    const users = await db.selectFrom('users').select(['email', 'role']).execute();
    assert.deepEqual(users, [{ email: 'baas@programma.nl', role: 'admin' }]);
  });

  test('npm run migrate goes up and, with "down", back', async (t) => {
    const env = baseEnv(await freshDatabaseUrl(t));
    const run = (...args: string[]) => spawnSync(process.execPath, [...TSX, 'src/cli/migrate.ts', ...args], { env, encoding: 'utf8' });
    const up = run();
    assert.equal(up.status, 0, up.stderr);
    assert.equal(
      up.stdout,
      knownMigrations()
        .map((m) => `uitgevoerd: ${m}\n`)
        .join(''),
    );
    assert.equal(run('up').stdout, 'Database is al bij.\n');
    assert.equal(run('down').stdout, `teruggedraaid: ${knownMigrations().at(-1)}\n`);
    assert.equal(run('sideways').status, 2);
  });
});
