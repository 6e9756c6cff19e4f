import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { prepareDatabase } from '../src/boot.ts';
import { connect } from '../src/db/connect.ts';
import { DEMO_DOMAIN } from '../src/demo/load.ts';
import { DEMO_ROUTES } from '../src/demo/routes.ts';
import { registration, user } from './factories.ts';
import { countRows, freshDatabaseUrl, testConfig } from './helpers.ts';

test('the demo loads once through the services, fills the catalogue and the map, and one command removes it and nothing else', async (t) => {
  const databaseUrl = await freshDatabaseUrl(t);
  const config = testConfig(databaseUrl, { NODE_ENV: 'development', DEMO_CONTENT: 'on' });
  const { db, demoLoaded } = await prepareDatabase(config, connect(config.database));
  t.after(() => db.destroy());
  assert.equal(demoLoaded, true);

  // Every state of the lifecycle, all twelve provinces, many sectors.
  const states = await db.selectFrom('registrations').select('state').distinct().execute();
  assert.deepEqual(states.map((s) => s.state).sort(), [
    'accepted',
    'declined',
    'draft',
    'in_review',
    'info_requested',
    'participant',
    'submitted',
    'withdrawn',
  ]);
  assert.equal(await countRows(db, 'registrations'), DEMO_ROUTES.length);
  assert.equal(new Set(DEMO_ROUTES.map((r) => r.province)).size, 12);
  const published = await db.selectFrom('routes').select(['title', 'province', 'sector']).where('published', '=', 1).execute();
  assert.equal(published.length, DEMO_ROUTES.filter((r) => r.state === 'accepted' || r.state === 'participant').length);
  assert.ok(
    published.every((r) => r.title.endsWith('(demo)')),
    'every public demo route says it is a demo',
  );
  assert.ok(new Set(published.map((r) => r.province)).size >= 11);
  assert.ok(new Set(published.map((r) => r.sector)).size >= 8);
  assert.equal(await countRows(db, 'stories'), 2);
  const articles = await db
    .selectFrom('knowledge_items')
    .select(['title', 'published_at'])
    .where('kind', '=', 'article')
    .orderBy('title')
    .execute();
  assert.deepEqual(
    articles.map((a) => [a.title, a.published_at !== null]),
    [
      ['Scholingsregelingen per branche (concept, demo)', false],
      ['Vijf lessen uit de eerste pilots (demo)', true],
    ],
  );
  // The monitor: last year's filled in by four routes in five and published, this year's open.
  const year = new Date().getUTCFullYear();
  assert.deepEqual(
    (await db.selectFrom('monitor_years').select('year').orderBy('year').execute()).map((y) => y.year),
    [year - 1, year],
  );
  const admitted = DEMO_ROUTES.filter((r) => r.state === 'accepted' || r.state === 'participant').length;
  const reports = await db.selectFrom('monitor_reports').select(['year', 'state']).execute();
  assert.equal(reports.filter((r) => r.year === year - 1 && r.state === 'submitted').length, admitted - Math.floor(admitted / 5));
  assert.equal(reports.filter((r) => r.year === year && r.state === 'open').length, admitted);
  // Support: one request waiting, one in conversation, one closed with its outcome.
  assert.deepEqual((await db.selectFrom('support_requests').select('state').execute()).map((r) => r.state).sort(), [
    'closed',
    'new',
    'open',
  ]);
  const users = await db.selectFrom('users').select('email').execute();
  assert.ok(users.every((u) => u.email.endsWith(`@${DEMO_DOMAIN}`)));

  // Not again on the next start.
  assert.equal((await prepareDatabase(config, db)).demoLoaded, false);
  assert.equal(await countRows(db, 'registrations'), DEMO_ROUTES.length);

  // It shows on the catalogue and the map, with the banner.
  const app = await buildApp({ config, db });
  assert.match(
    (await app.inject({ method: 'GET', url: '/in-cijfers' })).body,
    new RegExp(`Cijfers over ${new Date().getUTCFullYear() - 1}`),
  );
  t.after(() => app.close());
  const catalogue = (await app.inject({ method: 'GET', url: '/routes' })).body;
  assert.match(catalogue, new RegExp(`${published.length} routes gevonden`));
  assert.match(catalogue, /Demo-omgeving/);
  const map = (await app.inject({ method: 'GET', url: '/kaart' })).body;
  assert.match(map, /Noord-Brabant/);
  assert.match(map, /Zeeland/);

  // Page weight: each page's HTML plus the stylesheet, as sent compressed, stays under 60 KB.
  const css = /href="(\/static\/app-[0-9a-f]+\.css)"/.exec(catalogue)?.[1] ?? '';
  const cssBytes = (await app.inject({ method: 'GET', url: css, headers: { 'accept-encoding': 'br' } })).rawPayload.length;
  assert.ok(cssBytes > 1000 && cssBytes < 15_000, `stylesheet ${cssBytes} bytes compressed`);
  for (const url of [
    '/',
    '/routes',
    '/kaart',
    '/succesverhalen',
    '/toolkit',
    '/programma',
    '/kennis',
    '/handreiking',
    '/handreiking/afdrukken',
  ]) {
    await app.inject({ method: 'GET', url });
    const page = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    assert.equal(page.headers['content-encoding'], 'br', url);
    const total = page.rawPayload.length + cssBytes;
    assert.ok(total < 60 * 1024, `${url}: ${total} bytes compressed with its stylesheet`);
  }

  // A real hogeschool registers a real route next to the demo.
  const anna = await user(db, 'anna@avans.nl', 'applicant');
  const tessa = await user(db, 'tessa@programma.nl', 'team');
  const real = await registration({ db, config }, 'accepted', { applicant: anna, team: tessa });
  const realMails = await db.selectFrom('outbox').select('id').where('to_address', 'not like', `%@${DEMO_DOMAIN}`).execute();

  const removed = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/demo.ts', 'remove'], {
    env: { PATH: process.env.PATH, NODE_ENV: 'development', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  assert.equal(removed.status, 0, removed.stderr);
  assert.match(removed.stdout, new RegExp(`Demo verwijderd: \\d+ demo-gebruikers, ${DEMO_ROUTES.length} aanmeldingen`));

  assert.deepEqual(
    (await db.selectFrom('registrations').select('id').execute()).map((r) => r.id),
    [real.id],
  );
  assert.deepEqual(
    (await db.selectFrom('routes').select('id').execute()).map((r) => r.id),
    [real.id],
  );
  assert.deepEqual(
    (await db.selectFrom('users').select('email').orderBy('email').execute()).map((u) => u.email),
    ['anna@avans.nl', 'tessa@programma.nl'],
  );
  assert.equal(await countRows(db, 'stories'), 0);
  assert.equal(await countRows(db, 'monitor_years'), 0);
  assert.equal(await countRows(db, 'support_requests'), 0, 'gone with the registrations');
  assert.equal(await countRows(db, 'figure_snapshots'), 0);
  assert.match((await app.inject({ method: 'GET', url: '/in-cijfers' })).body, /Nog geen gegevens/);
  // Its knowledge is gone, the platform's guide stays; nothing of the demo is left in the search.
  assert.equal((await db.selectFrom('knowledge_items').select('id').where('kind', '=', 'article').execute()).length, 0);
  assert.equal((await db.selectFrom('knowledge_items').select('id').where('kind', '=', 'chapter').execute()).length, 7);
  assert.deepEqual(
    (await db.selectFrom('search_entries').select(['kind', 'ref_id']).where('kind', 'in', ['route', 'story', 'article']).execute()).map(
      (e) => [e.kind, e.ref_id],
    ),
    [['route', real.id]],
  );
  assert.equal((await db.selectFrom('outbox').select('id').where('to_address', 'like', `%@${DEMO_DOMAIN}`).execute()).length, 0);
  assert.equal((await db.selectFrom('outbox').select('id').execute()).length, realMails.length);
  const after = (await app.inject({ method: 'GET', url: '/routes' })).body;
  assert.match(after, /1 route gevonden|1 routes gevonden/);
  assert.doesNotMatch(after, /\(demo\)/);
});
