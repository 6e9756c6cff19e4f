import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, Client, signIn } from '../../../test/helpers.ts';
import { connect } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { createEvent, markAttendance, registerDirect } from '../events/index.ts';
import { withdrawRegistration } from '../registrations/index.ts';
import { closeRequests, createRequest } from '../support/index.ts';
import { openYear } from './monitor.ts';
import { figureCsv } from './routes.tsx';
import { ACTIONS, dashboard } from './service.ts';

type Site = Awaited<ReturnType<typeof buildTestApp>>;

/** One figure's section of the dashboard page. */
function section(body: string, key: string): string {
  const start = body.indexOf(`id="figuur-${key}"`);
  assert.ok(start > 0, `figure ${key} on the page`);
  const next = body.indexOf('class="mkb-dashboard-figure"', start);
  return body.slice(start, next > 0 ? next : body.indexOf('</main>', start));
}

async function teamClient(site: Site) {
  await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa' });
  return signIn(site.app, site.db, 'tessa@programma.nl');
}

describe('monitoring: the team dashboard', () => {
  test('an empty programme says "nog geen gegevens" instead of drawing empty charts', async (t) => {
    const site = await buildTestApp(t);
    const tessa = await teamClient(site);
    const page = (await tessa.get('/beheer/dashboard')).body;
    assert.match(section(page, 'doorlooptijd'), /Nog geen gegevens: er is nog geen besluit genomen\./);
    assert.doesNotMatch(section(page, 'doorlooptijd'), /<svg/);
    assert.match(section(page, 'sectoren'), /Nog geen gegevens/);
    assert.match(section(page, 'status'), /<svg/, 'the states are always there, all at zero');
  });

  test('chart, table and CSV show the same rows; the figures count what happened', async (t) => {
    const site = await buildTestApp(t);
    const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    await registration(site, 'accepted', { applicant: anna });
    await registration(site, 'accepted', { applicant: anna, answers: { opleiding: { sector: 'F' } } });
    await registration(site, 'submitted', { applicant: anna });
    const gone = await registration(site, 'submitted', { applicant: anna });
    await withdrawRegistration(site.db, site.config, anna, gone.id, 'Toch niet dit jaar.');
    await registration(site, 'draft', { applicant: anna });
    const tessa = await teamClient(site);
    const page = (await tessa.get('/beheer/dashboard')).body;

    for (const key of ['status', 'per-maand', 'doorlooptijd', 'sectoren', 'provincies']) {
      const s = section(page, key);
      const table = [...s.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
      const chartValues = [...s.matchAll(/class="mkb-chart__value"[^>]*>([^<]+)</g)].map((m) => m[1]);
      const csv = (parse((await tessa.get(`/beheer/dashboard/csv/${key}`)).body.replace(/^\ufeff/, '')) as string[][]).slice(1);
      assert.ok(table.length > 0, key);
      assert.deepEqual(
        chartValues,
        table.map((r) => r[1]),
        `${key}: chart = table`,
      );
      assert.deepEqual(
        csv,
        table.map((r) => [r[0], String(r[1]).replace(/\./g, '')]),
        `${key}: CSV = table`,
      );
      assert.match(s, new RegExp(`Download als CSV \\(${table.length} rij`));
    }
    const status = Object.fromEntries(
      [...section(page, 'status').matchAll(/<th scope="row">([^<]+)<\/th><td>([^<]+)</g)].map((m) => [m[1], Number(m[2])]),
    );
    assert.equal(status.Concept, 1);
    assert.equal(status.Ingetrokken, 1);
    assert.equal(status.Toegelaten, 2);
    assert.match(section(page, 'per-maand'), /4 aanmeldingen in twaalf maanden/);
    assert.match(section(page, 'doorlooptijd'), /Over 2 besluiten: de helft binnen 0 dagen/);
    assert.match(section(page, 'sectoren'), /2 routes in 2 sectoren/);
    assert.match(section(page, 'startgesprek'), /Nog geen gegevens: geen route is al 14 dagen toegelaten\./);
    // Each chart is one image named by its title and summary.
    assert.match(
      section(page, 'status'),
      /<svg class="mkb-chart"[^>]*role="img" aria-labelledby="figuur-status figuur-status-samenvatting"/,
    );
    assert.equal((await tessa.get('/beheer/dashboard/csv/onbekend')).statusCode, 404);
    assert.equal((await new Client(site.app).get('/beheer/dashboard')).statusCode, 303);
  });

  test('attendance per past event: seats confirmed and who came; a coming event is not counted', async (t) => {
    const site = await buildTestApp(t);
    const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa' });
    const start = Date.now() + 2 * 86_400_000;
    const input = (title: string, startsAt: number) => ({
      title,
      description: 'Tekst',
      themes: [],
      audiences: ['hogeschool'],
      mode: 'online' as const,
      link: 'https://meet.example/x',
      address: null,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3_600_000).toISOString(),
      deadline: new Date(startsAt).toISOString(),
      capacity: null,
      waitlist: false,
      reminderHours: 0,
      reminderText: '',
      organiserId: null,
      questions: [],
    });
    const past = await createEvent(site.db, tessa, input('Leernetwerk', start));
    await createEvent(site.db, tessa, input('Later', start + 30 * 86_400_000));
    const seats = [];
    for (const n of [1, 2, 3]) {
      seats.push(
        (await registerDirect(site.db, site.config, past, { userId: null, name: `P${n}`, email: `p${n}@example.nl`, answers: {} }))
          .registrationId,
      );
    }
    const during = new Date(start + 1_800_000);
    for (const id of seats.slice(0, 2))
      await markAttendance(site.db, site.config, tessa, past, { registrationId: id as string }, 'present', during);
    const figures = await dashboard(site.db, new Date(start + 86_400_000));
    const f = figures.find((x) => x.key === 'bijeenkomsten');
    assert.deepEqual(
      f?.rows.map((r) => r.values[0]),
      [2],
    );
    assert.match(f?.rows[0]?.label ?? '', /^Leernetwerk \(\d{2}-\d{2}-\d{4}\)$/);
    assert.equal(f?.summary, '2 van de 3 mensen met een plek kwamen naar de laatste bijeenkomst.');
  });

  test('students per target group over the years: one line per group, the table and the CSV with the same numbers', async (t) => {
    const site = await buildTestApp(t);
    const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa' });
    const a = await registration(site, 'accepted', { applicant: anna, team: tessa });
    const b = await registration(site, 'accepted', { applicant: anna, team: tessa });
    const client = await signIn(site.app, site.db, 'anna@avans.nl');
    const fill = async (year: number, reg: string, enrolled: Record<string, number>) => {
      const id = (
        await site.db
          .selectFrom('monitor_reports')
          .select('id')
          .where('year', '=', year)
          .where('registration_id', '=', reg)
          .executeTakeFirstOrThrow()
      ).id;
      const form: Record<string, string> = {};
      for (const g of ['mbo_bbl', 'mbo_bol', 'havo_vwo', 'career_switcher', 'mbo_worker'])
        Object.assign(form, {
          [`${g}_new`]: '0',
          [`${g}_enrolled`]: String(enrolled[g] ?? 0),
          [`${g}_graduates`]: '0',
          [`${g}_dropouts`]: '0',
        });
      await client.get(`/mijn/monitor/${id}/studenten`);
      await client.post(`/mijn/monitor/${id}/studenten`, form);
      await client.post(`/mijn/monitor/${id}/bedrijven`, { companies: '1', supervisors: '1' });
      await client.post(`/mijn/monitor/${id}/terugblik`, { reflection: 'Goed.' });
      assert.equal((await client.post(`/mijn/monitor/${id}/indienen`, {})).statusCode, 303);
    };
    await openYear(site.db, site.config, tessa, { year: 2025, title: 'Monitor 2025', deadline: '2099-01-01' });
    await fill(2025, a.id, { havo_vwo: 10, mbo_bbl: 2 });
    await fill(2025, b.id, { havo_vwo: 5, career_switcher: 7 });
    await openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2099-01-01' });
    await fill(2026, a.id, { havo_vwo: 1200 });
    const team = await teamClient(site);
    const s = section((await team.get('/beheer/dashboard')).body, 'studenten');
    const table = [...s.matchAll(/<tr><th scope="row">(\d{4})<\/th>((?:<td>[^<]+<\/td>)+)<\/tr>/g)].map((m) => [
      m[1],
      ...[...(m[2] as string).matchAll(/<td>([^<]+)<\/td>/g)].map((x) => x[1]),
    ]);
    assert.deepEqual(table, [
      ['2025', '2', '0', '15', '7', '0'],
      ['2026', '0', '0', '1.200', '0', '0'],
    ]);
    assert.equal([...s.matchAll(/<polyline /g)].length, 5, 'a line per target group');
    assert.match(s, /In 2026 stonden 1200 studenten ingeschreven volgens 1 monitor; de grootste doelgroep was havisten en vwo’ers\./);
    const csv = parse((await team.get('/beheer/dashboard/csv/studenten')).body.replace(/^\ufeff/, '')) as string[][];
    assert.deepEqual(csv[0], [
      'Jaar',
      'Mbo-studenten uit de bbl (doorstroom)',
      'Mbo-studenten uit de bol (doorstroom)',
      'Havisten en vwo’ers',
      'Zij-instromers',
      'Werkenden met een mbo-opleiding (op-, om- en bijscholing)',
    ]);
    assert.deepEqual(
      csv.slice(1),
      table.map((r) => r.map((v) => String(v).replace(/\./g, ''))),
    );
  });

  test('the trail figures are kept until an event they read is added: trail_version moves with exactly those', async (t) => {
    const site = await buildTestApp(t);
    const version = async () =>
      (await site.db.selectFrom('settings').select('value').where('key', '=', 'trail_version').executeTakeFirstOrThrow()).value;
    const add = (action: string, subject = 'reg-1') =>
      recordAudit(site.db, { actorUserId: null, action, subjectType: 'registration', subjectId: subject }, new Date());
    for (const action of ACTIONS) {
      const before = await version();
      await add(action);
      assert.notEqual(await version(), before, `${action} raises trail_version`);
    }
    const before = await version();
    await add('assessment.saved');
    await add('registration.comment_added');
    await recordAudit(site.db, { actorUserId: null, action: 'registration.submitted', subjectType: 'event', subjectId: 'x' }, new Date());
    assert.equal(await version(), before, 'other events do not');
    // And the figure follows: a new submission after the dashboard was seen is counted at once.
    const count = async () => (await dashboard(site.db)).find((f) => f.key === 'per-maand')?.rows.at(-1)?.values[0];
    const n = await count();
    await add('registration.submitted', 'reg-2');
    assert.equal(await count(), (n ?? 0) + 1);
  });

  test('the trail kept in a process and brought up to date by what was written since equals a fresh read, after additions, a backdated event and a removal', async (t) => {
    const site = await buildTestApp(t);
    const now = new Date();
    const day = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const add = (action: string, subject: string, at: Date) =>
      recordAudit(site.db, { actorUserId: null, action, subjectType: 'registration', subjectId: subject }, at);
    const trailFigures = (figures: Awaited<ReturnType<typeof dashboard>>) =>
      figures
        .filter((f) => ['per-maand', 'doorlooptijd', 'startgesprek'].includes(f.key))
        .map((f) => ({ key: f.key, rows: f.rows, summary: f.summary }));
    /** The same figures from a second connection: a process that reads the whole trail afresh. */
    const fresh = async () => {
      const other = connect(site.config.database);
      try {
        return trailFigures(await dashboard(other, now));
      } finally {
        await other.destroy();
      }
    };
    await add('registration.submitted', 'r1', day(40));
    await add('registration.accepted', 'r1', day(30));
    assert.deepEqual(trailFigures(await dashboard(site.db, now)), await fresh());
    // Added since: a registration with an information request, then a decision.
    await add('registration.submitted', 'r2', day(20));
    await add('registration.info_requested', 'r2', day(18));
    await add('registration.submitted', 'r2', day(10));
    await add('registration.declined', 'r2', day(5));
    const kept = trailFigures(await dashboard(site.db, now));
    assert.deepEqual(kept, await fresh());
    assert.match(kept.find((f) => f.key === 'doorlooptijd')?.summary ?? '', /2 besluiten/);
    // Written now with a time in the past (an import): put in its place, not at the end.
    await add('registration.submitted', 'r3', day(60));
    await add('registration.accepted', 'r3', day(59));
    assert.deepEqual(trailFigures(await dashboard(site.db, now)), await fresh());
    // A removal: the count no longer adds up and the trail is read again.
    await site.db.deleteFrom('audit_events').where('subject_id', '=', 'r2').execute();
    const afterRemoval = trailFigures(await dashboard(site.db, now));
    assert.deepEqual(afterRemoval, await fresh());
    assert.match(afterRemoval.find((f) => f.key === 'doorlooptijd')?.summary ?? '', /2 besluiten/);
  });

  test('support requests per theme and outcome: stacked bars, the table and the CSV with the same numbers', async (t) => {
    const site = await buildTestApp(t);
    const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa' });
    const route = await registration(site, 'accepted', { applicant: anna, team: tessa });
    const ask = async (theme: string) => {
      const r = await createRequest(
        site.db,
        site.config,
        anna,
        { registrationId: route.id, theme, subject: 'Vraag', question: 'Tekst', condition: null },
        null,
      );
      return r.ok ? r.id : '';
    };
    const a = await ask('supervision');
    const b = await ask('supervision');
    await ask('supervision');
    const c = await ask('funding');
    await closeRequests(site.db, site.config, tessa, [a, b], 'advice', 'Beantwoord.');
    await closeRequests(site.db, site.config, tessa, [c], 'not_possible', 'Valt buiten het programma.');
    const team = await teamClient(site);
    const s = section((await team.get('/beheer/dashboard')).body, 'ondersteuning');
    const table = [...s.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td>[^<]+<\/td>)+)<\/tr>/g)].map((m) => [
      m[1],
      ...[...(m[2] as string).matchAll(/<td>([^<]+)<\/td>/g)].map((x) => x[1]),
    ]);
    assert.deepEqual(
      table,
      [
        ['Praktijkbegeleiding', '1', '2', '0', '0', '0'],
        ['Financiering en scholingsregelingen', '0', '0', '0', '0', '1'],
      ].sort((x, y) => 0 * (x.length - y.length)),
    );
    assert.match(s, /4 vragen, waarvan 1 open; de meeste over praktijkbegeleiding\./);
    assert.equal([...s.matchAll(/height="20" class="mkb-chart__stack mkb-chart__series-\d"/g)].length, 3, 'one segment per non-zero value');
    const csv = parse((await team.get('/beheer/dashboard/csv/ondersteuning')).body.replace(/^\ufeff/, '')) as string[][];
    assert.deepEqual(csv[0], [
      'Thema',
      'Open',
      'Advies gegeven',
      'Doorverwezen naar een bijeenkomst of partner',
      'Voorwaarde vervuld',
      'Niet mogelijk',
    ]);
    assert.deepEqual(csv.slice(1), table);
  });

  test('CSV cells that a spreadsheet would run are escaped', () => {
    assert.equal(
      figureCsv(
        ['Naam', 'Aantal'],
        [
          { label: '=HYPERLINK("x")', values: [3] },
          { label: 'Bouw, installatie', values: [-1] },
        ],
      ),
      '\ufeffNaam,Aantal\r\n"\'=HYPERLINK(""x"")",3\r\n"Bouw, installatie",\'-1\r\n',
    );
  });
});
