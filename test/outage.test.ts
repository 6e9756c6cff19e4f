import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { connect, rawSqlite } from '../src/db/connect.ts';
import { ensureUser } from '../src/features/accounts/index.ts';
import { buildTestApp, POSTGRES_URL, signIn } from './helpers.ts';
import { CLUSTER_POSSIBLE, startCluster } from './pg-cluster.ts';
import { baseEnv, startServer } from './server-process.ts';

type Answer = { at: number; path: string; status: number | 'geen antwoord'; body: string };

describe('outages', () => {
  test('PostgreSQL stopped and started under load: only 503s during the gap, /readyz says so, the same process recovers', {
    skip: !POSTGRES_URL ? 'runs in the PostgreSQL pass' : !CLUSTER_POSSIBLE ? 'no PostgreSQL programs here' : false,
  }, async (t) => {
    const cluster = await startCluster(t);
    const server = await startServer(baseEnv(cluster.url, { NODE_ENV: 'test' }));
    t.after(() => server.child.kill('SIGKILL'));
    const base = `http://127.0.0.1:${server.port}`;

    const answers: Answer[] = [];
    let running = true;
    const worker = async (path: string) => {
      while (running) {
        const at = Date.now();
        try {
          const res = await fetch(base + path, { signal: AbortSignal.timeout(10_000) });
          answers.push({ at, path, status: res.status, body: await res.text() });
        } catch {
          answers.push({ at, path, status: 'geen antwoord', body: '' });
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const load = Promise.all(['/routes', '/routes?q=zorg', '/criteria', '/readyz'].map(worker));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const gapStart = Date.now();
    cluster.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    cluster.start();
    const gapEnd = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    running = false;
    await load;

    assert.equal(server.child.exitCode, null, 'the server process never stopped');
    const unexpected = answers.filter((a) => a.status !== 200 && a.status !== 503);
    assert.deepEqual(
      unexpected.map((a) => `${a.path}: ${a.status}`),
      [],
      'every answer is a page or a clean 503',
    );
    const before = answers.filter((a) => a.at < gapStart - 100);
    assert.ok(before.length > 10 && before.every((a) => a.status === 200), 'all well before the outage');
    const during = answers.filter((a) => a.status === 503);
    assert.ok(during.length > 0, 'the outage was noticed');
    assert.ok(
      during.every((a) => a.at >= gapStart - 500 && a.at <= gapEnd + 1000),
      '503 only around the gap',
    );
    const page = during.find((a) => a.path === '/routes');
    assert.match(page?.body ?? '', /<h1[^>]*>Even niet beschikbaar<\/h1>/);
    assert.ok(during.some((a) => a.path === '/readyz' && a.body.includes('database onbereikbaar')));
    const after = answers.filter((a) => a.at > gapEnd + 1000);
    assert.ok(after.length > 20, `requests after the gap (${after.length})`);
    assert.deepEqual(
      after.filter((a) => a.status !== 200).map((a) => `${a.path}: ${a.status}`),
      [],
      'all succeed after the gap, without a restart',
    );
  });

  test('SQLite storage full: a clear 503 page, the earlier data intact, the database not corrupt, and writing works again once there is room', {
    skip: POSTGRES_URL ? 'SQLite only' : false,
  }, async (t) => {
    const { app, db, config } = await buildTestApp(t);
    await ensureUser(db, { email: 'redactie@programma.nl', role: 'team' });
    const client = await signIn(app, db, 'redactie@programma.nl');
    await client.get('/beheer/paginas/contact');
    const saved = await client.post('/beheer/paginas/contact', { title: 'Contact', summary: 'Eerst', body: 'Bewaarde tekst.' });
    assert.equal(saved.statusCode, 303);

    const sqlite = rawSqlite(db);
    assert.ok(sqlite);
    const pages = Number(sqlite.pragma('page_count', { simple: true }));
    sqlite.pragma(`max_page_count = ${pages}`);
    await client.get('/beheer/paginas/contact');
    const full = await client.post('/beheer/paginas/contact', { title: 'Contact', summary: 'Later', body: 'Lange tekst. '.repeat(3_800) });
    assert.equal(full.statusCode, 503);
    assert.match(full.body, /<h1[^>]*>Opslag vol<\/h1>/);
    assert.equal(full.headers['retry-after'], '60');

    sqlite.pragma('max_page_count = 1073741823');
    assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok');
    const check = connect(config.database);
    t.after(() => check.destroy());
    const page = await check.selectFrom('pages').select(['summary', 'body_md']).where('slug', '=', 'contact').executeTakeFirstOrThrow();
    assert.deepEqual(page, { summary: 'Eerst', body_md: 'Bewaarde tekst.' }, 'the earlier version, whole');
    await client.get('/beheer/paginas/contact');
    const again = await client.post('/beheer/paginas/contact', { title: 'Contact', summary: 'Weer', body: 'Er is weer ruimte.' });
    assert.equal(again.statusCode, 303);
  });
});
