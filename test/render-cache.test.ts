import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { prepareDatabase } from '../src/boot.ts';
import { connect } from '../src/db/connect.ts';
import { setRoutePublication } from '../src/features/catalogue/index.ts';
import { savePage } from '../src/features/content/index.ts';
import { publicContentChanged } from '../src/platform/public-cache.ts';
import { dataVersion } from '../src/platform/view-cache.ts';
import { registration, user } from './factories.ts';
import { buildTestApp, ENGINE, freshDatabaseUrl, signIn, testConfig } from './helpers.ts';

/** Headers that differ between any two responses, cached or not. */
const VARYING = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);
const stable = (headers: Headers) => Object.fromEntries([...headers].filter(([name]) => !VARYING.has(name)));

async function listening(t: { after: (fn: () => unknown) => void }) {
  const lines: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (c) => lines.push(String(c)));
  const site = await buildTestApp(t, { env: { LOG_LEVEL: 'info' }, logStream });
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(site.app.server.address() as { port: number }).port}`;
  return { ...site, base, lines };
}

describe('render cache over HTTP', () => {
  test('a cached answer from node:http is byte for byte what Fastify sent, compressed on request, 304 on its ETag', async (t) => {
    const { base, lines } = await listening(t);
    const first = await fetch(`${base}/programma`, { headers: { 'accept-encoding': 'identity' } });
    const firstBody = await first.text();
    const second = await fetch(`${base}/programma`, { headers: { 'accept-encoding': 'identity' } });
    const secondBody = await second.text();
    assert.equal(second.status, 200);
    assert.equal(secondBody, firstBody);
    assert.deepEqual(stable(second.headers), stable(first.headers));
    assert.match(String(second.headers.get('permissions-policy')), /camera=\(\)/);
    assert.match(String(second.headers.get('content-security-policy')), /default-src 'self'/);
    assert.match(String(second.headers.get('x-request-id')), /^[0-9a-f-]{36}$/);
    assert.notEqual(second.headers.get('x-request-id'), first.headers.get('x-request-id'));
    // The second came from the fast path: one log line each, the second marked as a cache hit.
    const requests = lines
      .join('')
      .split('\n')
      .filter((l) => l.includes('"msg":"request"') && l.includes('/programma'));
    assert.equal(requests.length, 2);
    // The hit's line is built by hand: the same fields, in the same order, as the line Fastify wrote.
    const [made, hit] = requests.map((l) => JSON.parse(l));
    const shape = (line: Record<string, unknown>) =>
      Object.entries(line).map(([key, value]) => (typeof value === 'object' && value ? [key, Object.keys(value)] : key));
    assert.deepEqual(shape(hit), [...shape(made).slice(0, -1), 'cache', 'msg']);
    assert.deepEqual(
      { ...hit, time: 0, responseTime: 0 },
      { ...made, reqId: second.headers.get('x-request-id'), time: 0, responseTime: 0, cache: 'hit' },
    );
    assert.ok(hit.time >= made.time && hit.responseTime >= 0 && hit.responseTime < 1_000);

    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await fetch(`${base}/programma`, { headers: { 'accept-encoding': encoding } });
      // fetch decodes the body itself; node:http below shows the bytes as sent.
      assert.equal(res.headers.get('content-encoding'), encoding);
      assert.equal(await res.text(), firstBody);
      const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        import('node:http').then(({ get }) =>
          get(`${base}/programma`, { headers: { 'accept-encoding': encoding } }, (r) => {
            const chunks: Buffer[] = [];
            r.on('data', (c) => chunks.push(c));
            r.on('end', () => resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }));
          }).on('error', reject),
        );
      });
      assert.equal(raw.encoding, encoding);
      assert.ok(raw.body.length < Buffer.byteLength(firstBody) / 2, `${encoding} is smaller`);
      assert.equal(decode(raw.body).toString(), firstBody);
    }
    const notModified = await fetch(`${base}/programma`, { headers: { 'if-none-match': String(first.headers.get('etag')) } });
    assert.equal(notModified.status, 304);
    assert.equal(await notModified.text(), '');
  });

  test('a request with a session is never answered from the cache', async (t) => {
    const site = await listening(t);
    await fetch(`${site.base}/`);
    await fetch(`${site.base}/`);
    await user(site.db, 'tessa@programma.nl', 'team');
    const client = await signIn(site.app, site.db, 'tessa@programma.nl');
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const page = await (await fetch(`${site.base}/`, { headers: { cookie } })).text();
    assert.match(page, /Uitloggen/);
    const anonymous = await (await fetch(`${site.base}/`)).text();
    assert.doesNotMatch(anonymous, /Uitloggen/);
  });
});

/** src/server.ts in a process of its own, on the given database. */
async function serverProcess(databaseUrl: string, t: { after: (fn: () => unknown) => void }): Promise<string> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      SESSION_SECRET: 'two-processes-two-processes-two-processes',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (c) => {
      out += String(c);
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (c) => {
      out += String(c);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

test('PostgreSQL: the version read has a connection of its own, ended with the pool and opened anew after it is lost', {
  skip: ENGINE === 'postgres' ? false : 'runs in the PostgreSQL pass',
}, async (t) => {
  const config = testConfig(await freshDatabaseUrl(t));
  const { db } = await prepareDatabase(config, connect(config.database));
  t.after(() => db.destroy());
  const other = connect(config.database);
  t.after(() => other.destroy());
  const backends = async () =>
    (
      await sql<{
        pid: number;
        query: string;
      }>`select pid, query from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(other)
    ).rows;

  const before = await dataVersion(db, 'public_version');
  const side = (await backends()).filter((b) => b.query === 'select value from settings where key = $1');
  assert.equal(side.length, 1, 'one connection ran the version read');
  // Another process publishes something; the read sees it at once.
  await publicContentChanged(other);
  assert.equal(await dataVersion(db, 'public_version'), String(Number(before) + 1));

  // The connection is lost (a restart of the server, a terminated backend): the next reads open a new one.
  await sql`select pg_terminate_backend(${side[0]?.pid})`.execute(other);
  await publicContentChanged(other);
  let read: string | undefined;
  for (let i = 0; i < 50 && read === undefined; i++) {
    read = await Promise.resolve(dataVersion(db, 'public_version')).catch(() => undefined);
    if (read === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal(read, String(Number(before) + 2), 'the read works again and sees the latest change');
  const now = (await backends()).filter((b) => b.query === 'select value from settings where key = $1');
  assert.equal(now.length, 1);
  assert.notEqual(now[0]?.pid, side[0]?.pid, 'on a new connection');

  // Reads of several counters at once take turns on the connection (pg deprecates queueing them on a client).
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  await db
    .insertInto('settings')
    .values({ key: 'team_version', value: '7' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: '7' }))
    .execute();
  const reads = await Promise.all(
    ['public_version', 'team_version', 'nobody_version', 'public_version'].map((key) => dataVersion(db, key)),
  );
  await new Promise((resolve) => setImmediate(resolve));
  process.off('warning', onWarning);
  assert.deepEqual(reads, [String(Number(before) + 2), '7', '0', String(Number(before) + 2)]);
  assert.deepEqual(warnings, []);

  // A read that gets no answer (the table locked by someone else) is given up after 5 s with its
  // connection, so the reads queued behind it go on over a new one.
  const hungPid = (await backends()).find((b) => b.query === 'select value from settings where key = $1')?.pid;
  let release = () => {};
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const lock = other.transaction().execute(async (trx) => {
    await sql`lock table settings in access exclusive mode`.execute(trx);
    locked();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await isLocked;
  const started = Date.now();
  const hung = Promise.resolve(dataVersion(db, 'public_version')).then(
    () => 'answered',
    (error: Error) => error.message,
  );
  const queued = Promise.resolve(dataVersion(db, 'team_version'));
  assert.equal(await hung, 'Query read timeout');
  assert.ok(Date.now() - started >= 4_900, 'after the timeout');
  release();
  await lock;
  assert.equal(await queued, '7', 'the read queued behind it is answered');
  // (The given-up backend leaves once its statement, freed by the lock's release, finds no client.)
  const renewed = (await backends()).filter((b) => b.query === 'select value from settings where key = $1' && b.pid !== hungPid);
  assert.equal(renewed.length, 1, 'over a new connection');

  // Ending the Db ends that connection too (or it would keep the process alive).
  await db.destroy();
  for (let i = 0; i < 50 && (await backends()).some((b) => b.pid === renewed[0]?.pid); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(
    (await backends()).filter((b) => b.pid === renewed[0]?.pid),
    [],
    'closed with the pool',
  );
});

test('two processes on one database: an edited page and a withdrawn route show on the very next request', async (t) => {
  const databaseUrl = await freshDatabaseUrl(t);
  const config = testConfig(databaseUrl);
  const { db } = await prepareDatabase(config, connect(config.database));
  t.after(() => db.destroy());
  const made = await registration({ db, config }, 'accepted');
  const slug = (await db.selectFrom('routes').select('slug').executeTakeFirstOrThrow()).slug;
  const other = await serverProcess(databaseUrl, t);

  // Warm the other process's cache, twice, so the second answer is a cache hit.
  for (let i = 0; i < 2; i++) {
    assert.equal((await fetch(`${other}/routes/${slug}`)).status, 200);
    assert.match(await (await fetch(`${other}/contact`)).text(), /<h1[^>]*>Contact/);
  }
  assert.match(await (await fetch(`${other}/routes`)).text(), new RegExp(`/routes/${slug}`));

  // This process (the test) withdraws the route from publication and edits a page.
  const team = made.team ?? (await user(db, 'tessa@programma.nl', 'team'));
  await setRoutePublication(db, team, made.id, false, 'De hogeschool trok de toestemming in');
  await savePage(db, 'contact', { title: 'Contact (gewijzigd)', summary: 'Nieuw', body: 'Tekst' }, team.id);

  assert.equal((await fetch(`${other}/routes/${slug}`)).status, 404);
  assert.doesNotMatch(await (await fetch(`${other}/routes`)).text(), new RegExp(`/routes/${slug}`));
  assert.doesNotMatch(await (await fetch(`${other}/api/v1/routes`)).text(), new RegExp(slug));
  assert.doesNotMatch(await (await fetch(`${other}/sitemap.xml`)).text(), new RegExp(slug));
  assert.match(await (await fetch(`${other}/contact`)).text(), /Contact \(gewijzigd\)/);
});
