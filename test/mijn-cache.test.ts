import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { prepareDatabase } from '../src/boot.ts';
import { connect, type Db } from '../src/db/connect.ts';
import { isPostgres } from '../src/db/dialect.ts';
import { MIJN_SCOPED_TABLES } from '../src/db/migrations/2026-12-01T0400-mijn-per-hogeschool.ts';
import { DEMO_DOMAIN, DEMO_USERS } from '../src/demo/load.ts';
import { askToBeLinked, ensureCurrentUser } from '../src/features/accounts/index.ts';
import { signedInPageStats } from '../src/platform/page-cache.ts';
import { registration } from './factories.ts';
import { type Client, ENGINE, freshDatabaseUrl, signIn, testConfig } from './helpers.ts';

/** The tables the `mijn_version` triggers watch, as the database has them. */
async function watchedTables(db: Db): Promise<string[]> {
  const rows = isPostgres(db)
    ? await sql<{ name: string }>`select distinct c.relname as name from pg_trigger t
        join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and t.tgname like '%mijn_version'`.execute(db)
    : await sql<{
        name: string;
      }>`select distinct tbl_name as name from sqlite_master where type = 'trigger' and name like '%mijn_version%'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

test(`/mijn is kept whole per browser and every table its cards read raises mijn_version (${ENGINE})`, async (t) => {
  const config = testConfig(await freshDatabaseUrl(t), { NODE_ENV: 'development', DEMO_CONTENT: 'on' });
  // Every statement the app runs while `recording` is on: the tables it names, and the settings it asks for.
  let recording = false;
  let statements = 0;
  // The statements of the page being recorded, with their parameters: no card reads what another read.
  let page: string[] = [];
  const read = new Set<string>();
  const settingKeys = new Set<string>();
  const { db } = await prepareDatabase(
    config,
    connect(config.database, {
      onQuery: (text, parameters) => {
        if (!recording) return;
        statements++;
        page.push(`${text} ${JSON.stringify(parameters)}`);
        for (const m of text.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/gi)) read.add(m[1] as string);
        if (/"settings"/.test(text))
          for (const p of [...parameters, ...text.matchAll(/'([a-z_]+)'/g)].map((p) => (Array.isArray(p) ? p[1] : p)))
            if (typeof p === 'string' && /^[a-z]+(_[a-z]+)+$/.test(p)) settingKeys.add(p);
      },
    }),
  );
  const app = await buildApp({ config, db });
  await app.ready();
  t.after(async () => {
    await app.close();
    await db.destroy();
  });

  const watched = await watchedTables(db);
  const counter = async (key: string) =>
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? '0';
  // Signed in once each (sign-in is rate-limited per address); the later parts reuse the browsers.
  const clients = new Map<string, Client>();
  const browser = (email: string) => {
    const client = clients.get(email);
    if (!client) throw new Error(`${email} is not signed in`);
    return client;
  };
  assert.ok(watched.includes('registrations') && watched.includes('event_registrations') && watched.includes('organisation_users'));

  await t.test('every table a card reads, for every kind of person, is watched', async () => {
    // Beside the demo's people: someone without a hogeschool who asked to be linked to one.
    const loose = await ensureCurrentUser(db, { email: `los@${DEMO_DOMAIN}`, role: 'applicant', name: 'Los', institutionBrin: null });
    await askToBeLinked(db, { userId: loose.id, institutionBrin: '07GR', reason: 'Ik werk aan de route' });
    // And a partner: the demo network's organisations have their contacts as partner accounts.
    const partner = await db.selectFrom('users').select(['email', 'role']).where('email', '=', `bouw@${DEMO_DOMAIN}`).executeTakeFirst();
    assert.equal(partner?.role, 'partner', 'the demo has a partner account');
    const people = [...DEMO_USERS.map((u) => u.email), loose.email, `bouw@${DEMO_DOMAIN}`];
    for (const email of people) {
      const client = await signIn(app, db, email);
      clients.set(email, client);
      page = [];
      recording = true;
      const res = await client.get('/mijn');
      recording = false;
      assert.equal(res.statusCode, 200, email);
      if (email === `bouw@${DEMO_DOMAIN}`) assert.match(res.body, /Bouwbedrijf Voorbeeld \(demo\)/, 'the partner sees its organisation');
      const twice = page.filter((statement, i) => page.indexOf(statement) !== i);
      assert.deepEqual(twice, [], `${email}: /mijn ran these statements more than once (cards share reads through SurfaceContext.once)`);
    }
    // The observer saw the cards: these come from three features and five kinds of person.
    for (const table of ['registrations', 'event_registrations', 'organisation_users', 'link_requests', 'monitor_reports'])
      assert.ok(read.has(table), `${table} was read`);
    const known = new Set(
      (isPostgres(db)
        ? (
            await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)
          ).rows
        : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows
      ).map((r) => r.name),
    );
    // The session (the person is part of the page's key) and the counters themselves are not cards' data.
    const unwatched = [...read].filter(
      (table) => known.has(table) && !watched.includes(table) && table !== 'sessions' && table !== 'settings',
    );
    assert.deepEqual(unwatched, [], 'tables /mijn reads that no mijn_version trigger watches');
    assert.deepEqual(
      [...settingKeys].filter((k) => !k.endsWith('_version')),
      [],
      'settings /mijn reads (a setting is no counter: no trigger can watch it)',
    );
  });

  await t.test('a repeated view comes whole from the kept pages; a change by another process shows on the next', async (t) => {
    const applicant = browser(`aanvrager@${DEMO_DOMAIN}`);
    // The counters this page is kept under: anyone's, and the hogeschool's (07GR, the demo applicant's).
    const version = async () => `${await counter('mijn_version')}.${await counter('mijn_version:07GR')}`;
    const first = (await applicant.get('/mijn')).body;
    const hits = signedInPageStats.hits;
    const before = await version();
    assert.equal((await applicant.get('/mijn')).body, first);
    assert.equal(signedInPageStats.hits, hits + 1, 'the page came whole from the kept pages');
    assert.equal(await version(), before, 'reading /mijn raises nothing');

    // Another process (its own connection) renames one of the hogeschool's registrations.
    const db2 = connect(config.database);
    t.after(() => db2.destroy());
    const reg = await db2
      .selectFrom('registrations')
      .select(['id', 'title'])
      .where('institution_brin', '=', '07GR')
      .where('title', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    assert.match(first, new RegExp(String(reg.title).replace(/[()]/g, '\\$&')));
    await db2.updateTable('registrations').set({ title: 'Hernoemde route (demo)' }).where('id', '=', reg.id).execute();
    assert.notEqual(await version(), before, 'the database raised the counter in the writing transaction');
    assert.equal((await version()).split('.')[0], before.split('.')[0], "the hogeschool's counter, not everyone's");
    assert.match((await applicant.get('/mijn')).body, /Hernoemde route \(demo\)/);

    // Overlapping requests of one browser after a change: the page is made once, the rest wait for it.
    await db2.updateTable('registrations').set({ title: 'Nog eens hernoemd (demo)' }).where('id', '=', reg.id).execute();
    const counted = { ...signedInPageStats };
    const pages = await Promise.all(Array.from({ length: 5 }, () => applicant.get('/mijn')));
    assert.equal(new Set(pages.map((p) => p.body)).size, 1, 'the same page for all five');
    assert.match(pages[0]?.body ?? '', /Nog eens hernoemd \(demo\)/);
    assert.equal(signedInPageStats.stored, counted.stored + 1, 'made once');
    assert.equal(signedInPageStats.shared - counted.shared + (signedInPageStats.hits - counted.hits), 4);
    assert.ok(signedInPageStats.shared > counted.shared, 'at least one waited for the page being made');

    // Signing in somewhere else changes nothing /mijn shows: the counter stays.
    const renamed = await version();
    await db2
      .updateTable('users')
      .set({ last_sign_in_at: new Date().toISOString() })
      .where('email', '=', `aanvrager@${DEMO_DOMAIN}`)
      .execute();
    assert.equal(await version(), renamed);

    // Another person is no key to this page: the team member's /mijn is their own.
    const team = browser(`team@${DEMO_DOMAIN}`);
    await team.get('/mijn');
    assert.doesNotMatch((await team.get('/mijn')).body, /Hernoemde route/);
  });

  await t.test(
    "a change to another hogeschool's registrations leaves the page kept, and the kept page is the page made afresh",
    async (t) => {
      const applicant = browser(`aanvrager@${DEMO_DOMAIN}`);
      const team = browser(`team@${DEMO_DOMAIN}`);
      const kept = (await applicant.get('/mijn')).body;
      const teamKept = (await team.get('/mijn')).body;
      const db2 = connect(config.database);
      t.after(() => db2.destroy());
      const everyone = await counter('mijn_version');
      const own = await counter('mijn_version:07GR');
      // Every table whose rows belong to one hogeschool: a change to a row of another one raises
      // that hogeschool's counter only (a no-op update: the triggers fire all the same).
      const touched = new Set<string>();
      // A row added and (below) removed count as well: a fulfilled condition at another hogeschool.
      const elsewhere = await db2
        .selectFrom('registrations')
        .select(['id', 'institution_brin'])
        .where('institution_brin', '<>', '07GR')
        .where('state', 'in', ['accepted', 'participant'])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const fulfilled = await counter(`mijn_version:${elsewhere.institution_brin}`);
      await db2
        .insertInto('condition_fulfilments')
        .values({
          id: '00000000-0000-4000-8000-00000000c0de',
          registration_id: elsewhere.id,
          condition_text: 'Een ondertekende overeenkomst',
          source: 'decision',
          fulfilled_at: new Date().toISOString(),
          fulfilled_by: null,
        })
        .execute();
      assert.equal(Number(await counter(`mijn_version:${elsewhere.institution_brin}`)), Number(fulfilled) + 1, 'an added row raises it');
      for (const table of MIJN_SCOPED_TABLES) {
        const byColumn = table === 'registrations' || table === 'routes';
        const row = (
          await sql<{ brin: string; key: string }>`select ${sql.raw(byColumn ? 't.institution_brin' : 'r.institution_brin')} as brin,
            ${sql.raw(byColumn ? 't.id' : 't.registration_id')} as key
          from ${sql.table(table)} as t ${sql.raw(byColumn ? '' : 'join registrations r on r.id = t.registration_id')}
          where ${sql.raw(byColumn ? 't.institution_brin' : 'r.institution_brin')} <> '07GR' order by 2 limit 1`.execute(db2)
        ).rows[0];
        assert.ok(row, `the demo has a row of ${table} at another hogeschool than 07GR`);
        const before = await counter(`mijn_version:${row.brin}`);
        const column = byColumn ? 'id' : 'registration_id';
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)} where ${sql.ref(column)} = ${row.key}`.execute(
          db2,
        );
        // (Once per transaction on PostgreSQL, once per row on SQLite.)
        assert.ok(Number(await counter(`mijn_version:${row.brin}`)) > Number(before), `${table}: ${row.brin}'s counter raised`);
        touched.add(row.brin);
      }
      const removed = await counter(`mijn_version:${elsewhere.institution_brin}`);
      await db2.deleteFrom('condition_fulfilments').where('id', '=', '00000000-0000-4000-8000-00000000c0de').execute();
      assert.equal(Number(await counter(`mijn_version:${elsewhere.institution_brin}`)), Number(removed) + 1, 'a removed row raises it');
      assert.equal(await counter('mijn_version'), everyone, "no change raised everyone's counter");
      assert.equal(await counter('mijn_version:07GR'), own, "nor 07GR's");

      // A visible change at one of those hogescholen: its staff see it at once, 07GR's page stays kept.
      const [brin] = [...touched];
      const reg = await db2
        .selectFrom('registrations')
        .select('id')
        .where('institution_brin', '=', brin as string)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await db2.updateTable('registrations').set({ title: 'Route van een andere hogeschool (demo)' }).where('id', '=', reg.id).execute();
      const staff = await ensureCurrentUser(db, {
        email: `staf@${DEMO_DOMAIN}`,
        role: 'applicant',
        name: 'Staf',
        institutionBrin: brin as string,
      });
      const theirs = await signIn(app, db, staff.email);
      assert.match((await theirs.get('/mijn')).body, /Route van een andere hogeschool \(demo\)/);
      // (Creating that person raised everyone's counter: a new name; so make both pages once more, then change again.)
      const applicantNow = (await applicant.get('/mijn')).body;
      const teamNow = (await team.get('/mijn')).body;
      assert.equal(applicantNow, kept, 'nothing 07GR sees changed');
      assert.equal(teamNow, teamKept);
      const hits = signedInPageStats.hits;
      await db2.updateTable('registrations').set({ title: 'Nog een naam (demo)' }).where('id', '=', reg.id).execute();
      assert.equal((await applicant.get('/mijn')).body, kept);
      assert.equal((await team.get('/mijn')).body, teamKept);
      assert.equal(signedInPageStats.hits, hits + 2, "07GR's and the team member's pages came whole from the kept pages");
      assert.match((await theirs.get('/mijn')).body, /Nog een naam \(demo\)/);

      // And the kept page is the page made afresh: the same person in another browser (nothing kept for it).
      const fresh = await signIn(app, db, `aanvrager@${DEMO_DOMAIN}`);
      const before = { ...signedInPageStats };
      const made = (await fresh.get('/mijn')).body;
      assert.equal(signedInPageStats.hits + signedInPageStats.shared, before.hits + before.shared, 'made afresh');
      const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
      assert.equal(withoutToken(made), withoutToken(kept));
    },
  );

  await t.test('a bijeenkomst moves to "Geweest" the moment it ends, from a kept page', async (t) => {
    const applicant = browser(`aanvrager@${DEMO_DOMAIN}`);
    const seat = await db
      .selectFrom('event_registrations')
      .innerJoin('events', 'events.id', 'event_registrations.event_id')
      .select(['events.id', 'events.title'])
      .where('event_registrations.email', '=', `aanvrager@${DEMO_DOMAIN}`)
      .where('event_registrations.state', '=', 'confirmed')
      .orderBy('events.starts_at', 'desc')
      .executeTakeFirstOrThrow();
    // The bijeenkomst is moved to end within the hour (the counter is raised: the page is made again).
    const start = Date.now();
    const endsAt = start + 60 * 60_000;
    await db
      .updateTable('events')
      .set({ starts_at: new Date(start + 30 * 60_000).toISOString(), ends_at: new Date(endsAt).toISOString() })
      .where('id', '=', seat.id)
      .execute();
    const past = async () => {
      const body = (await applicant.get('/mijn')).body;
      const geweest = body.indexOf('Geweest');
      const at = body.indexOf(seat.title);
      assert.ok(at > 0, 'the bijeenkomst is on the page');
      return geweest > 0 && at > geweest;
    };
    t.mock.timers.enable({ apis: ['Date'], now: endsAt - 2000 });
    assert.equal(await past(), false);
    const hits = signedInPageStats.hits;
    assert.equal(await past(), false);
    assert.equal(signedInPageStats.hits, hits + 1, 'a second before it ends: still kept');
    t.mock.timers.tick(2000);
    assert.equal(await past(), true, 'it ended: made again, under "Geweest"');
    assert.equal(signedInPageStats.hits, hits + 1);
  });

  await t.test('a page made afresh asks no query per route: one more admitted route, the same statements', async () => {
    const applicant = browser(`aanvrager@${DEMO_DOMAIN}`);
    const count = async () => {
      // A change to a watched table: the next view is made afresh.
      await db
        .updateTable('institutions')
        .set({ name: `Avans Hogeschool ${statements}` })
        .where('brin', '=', '07GR')
        .execute();
      statements = 0;
      recording = true;
      const page = await applicant.get('/mijn');
      recording = false;
      assert.equal(page.statusCode, 200);
      return { statements, body: page.body };
    };
    const before = await count();
    const me = await ensureCurrentUser(db, {
      email: `aanvrager@${DEMO_DOMAIN}`,
      role: 'applicant',
      name: 'Demo Aanvrager',
      institutionBrin: '07GR',
    });
    await registration({ db, config }, 'accepted', {
      applicant: me,
      conditions: 'Een getekende samenwerkingsovereenkomst',
      verdicts: Object.fromEntries(
        ['C1', 'C2', 'C3', 'C4', 'C5'].map((c) => [
          c,
          c === 'C2'
            ? { verdict: 'partly' as const, explanation: 'De begeleiding op de werkplek is nog dun.' }
            : { verdict: 'meets' as const, explanation: '' },
        ]),
      ),
    });
    const after = await count();
    // The new route shows: its condition on the support card and a ready draft for its criterion C2.
    assert.match(after.body, /Een getekende samenwerkingsovereenkomst/);
    assert.match(after.body, /Hulp bij criterium C2/);
    assert.ok(before.statements > 5, `the observer counted the page's statements (${before.statements})`);
    assert.equal(after.statements, before.statements, 'the same number of statements with one more admitted route');
  });
});
