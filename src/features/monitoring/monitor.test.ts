import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, Client, lastMailTo, signIn } from '../../../test/helpers.ts';
import { PERSONAL_DATA } from '../../personal-data.ts';
import { erasePerson, findPerson } from '../../platform/privacy/engine.ts';
import { setRoutePublication } from '../catalogue/index.ts';
import { publishSnapshot } from './figures.ts';
import { openYear, runMonitorReminders } from './monitor.ts';
import { GROUPS } from './rules.ts';

type Site = Awaited<ReturnType<typeof buildTestApp>>;
const DAY = 86_400_000;

/** A full students step as a browser posts it: every group 0 unless given. */
function studentsForm(counts: Record<string, [number | string, number | string, number | string, number | string]> = {}) {
  const form: Record<string, string> = {};
  for (const g of GROUPS) {
    const [n, e, gr, d] = counts[g.value] ?? [0, 0, 0, 0];
    Object.assign(form, {
      [`${g.value}_new`]: String(n),
      [`${g.value}_enrolled`]: String(e),
      [`${g.value}_graduates`]: String(gr),
      [`${g.value}_dropouts`]: String(d),
    });
  }
  return form;
}

async function report(site: Site, year: number, registrationId: string) {
  return site.db
    .selectFrom('monitor_reports')
    .selectAll()
    .where('year', '=', year)
    .where('registration_id', '=', registrationId)
    .executeTakeFirstOrThrow();
}

/** Fills in and submits a report through the pages, as the route's staff do. */
async function fillAndSubmit(client: Client, id: string, students = studentsForm({ havo_vwo: [6, 20, 3, 1] }), companies = '8') {
  await client.get(`/mijn/monitor/${id}/studenten`);
  assert.equal((await client.post(`/mijn/monitor/${id}/studenten`, students)).statusCode, 303);
  assert.equal((await client.post(`/mijn/monitor/${id}/bedrijven`, { companies, supervisors: '9' })).statusCode, 303);
  assert.equal((await client.post(`/mijn/monitor/${id}/terugblik`, { reflection: 'Een goed jaar.' })).statusCode, 303);
  return client.post(`/mijn/monitor/${id}/indienen`, {});
}

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const site = await buildTestApp(t);
  const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
  const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa' });
  const route = await registration(site, 'accepted', { applicant: anna, team: tessa });
  return { site, anna, tessa, route };
}

describe('monitoring: the yearly monitor', () => {
  test('opening a year gives every admitted route a report and its contacts a mail; a second opening is refused', async (t) => {
    const { site, anna, tessa, route } = await setup(t);
    await registration(site, 'submitted', { applicant: anna });
    const team = await signIn(site.app, site.db, 'tessa@programma.nl');
    await team.get('/beheer/monitor');
    const bad = await team.post('/beheer/monitor', { year: '26', deadline: '31-02-2027' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vul het jaar in met vier cijfers, zoals 2026/);
    assert.match(bad.body, /Vul de termijn in als dd-mm-jjjj/);
    assert.match(bad.body, /value="26"/, 'what was typed stays');
    const ok = await team.post('/beheer/monitor', { year: '2026', deadline: '15-01-2027' });
    assert.equal(ok.headers.location, '/beheer/monitor/2026?melding=geopend');
    const rows = await site.db.selectFrom('monitor_reports').selectAll().execute();
    assert.deepEqual(
      rows.map((r) => [r.registration_id, r.state, r.prefilled]),
      [[route.id, 'open', 0]],
      'only the admitted route, not the submitted one',
    );
    const mail = await lastMailTo(site.db, 'bram@avans.nl');
    assert.equal(mail?.subject, 'Monitor 2026: cijfers van Ad Technische Bedrijfskunde');
    assert.match(mail?.body_text ?? '', /vóór 15 januari 2027/);
    assert.match(mail?.body_text ?? '', new RegExp(`/mijn/monitor/${rows[0]?.id}`));
    const again = await team.post('/beheer/monitor', { year: '2026', deadline: '15-01-2027' });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /Monitor 2026 is al geopend/);
    await assert.rejects(
      openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2027-01-15' }),
      /bestaat al/,
    );

    // A route admitted while the year is open reports for it too.
    const later = await registration(site, 'accepted', { applicant: anna, team: tessa });
    assert.equal((await report(site, 2026, later.id)).state, 'open');
  });

  test('a step with wrong numbers says what is wrong per field, keeps what was typed and stores nothing', async (t) => {
    const { site, tessa, route } = await setup(t);
    await openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2099-01-15' });
    const id = (await report(site, 2026, route.id)).id;
    const anna = await signIn(site.app, site.db, 'anna@avans.nl');
    await anna.get(`/mijn/monitor/${id}/studenten`);
    const form = studentsForm({
      havo_vwo: [4, 10, 12, 0],
      career_switcher: [-2, 5, 0, 0],
      mbo_worker: ['veel', 5, 0, 0],
      mbo_bbl: [3, 8, 5, 4],
    });
    const res = await anna.post(`/mijn/monitor/${id}/studenten`, { ...form, mbo_bol_enrolled: '' });
    assert.equal(res.statusCode, 422);
    const messages = [...res.body.matchAll(/<li><a href="#veld-([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(messages, [
      [
        'mbo_bbl_dropouts',
        'Bij Mbo-studenten uit de bbl (doorstroom) zijn gediplomeerden en uitvallers samen (9) meer dan het aantal ingeschreven studenten (8)',
      ],
      ['mbo_bol_enrolled', 'Vul het aantal ingeschreven studenten bij Mbo-studenten uit de bol (doorstroom) in (0 als er geen zijn)'],
      ['havo_vwo_graduates', 'Bij Havisten en vwo’ers zijn meer studenten gediplomeerd (12) dan er ingeschreven waren (10)'],
      ['career_switcher_new', 'Het aantal nieuwe studenten bij Zij-instromers kan niet negatief zijn'],
      [
        'mbo_worker_new',
        'Vul bij het aantal nieuwe studenten bij Werkenden met een mbo-opleiding (op-, om- en bijscholing) een heel getal in, zoals 12',
      ],
    ]);
    assert.match(res.body, /id="veld-mbo_worker_new"[^>]*value="veel"|value="veel"[^>]*id="veld-mbo_worker_new"/, 'the typed text stays');
    assert.match(res.body, /name="havo_vwo_graduates"[^>]*value="12"/);
    const stored = await report(site, 2026, route.id);
    assert.deepEqual(JSON.parse(stored.answers).groups, {}, 'nothing stored');
    assert.equal(stored.steps_done, '[]');
    // The same numbers, corrected, are stored.
    const good = await anna.post(`/mijn/monitor/${id}/studenten`, studentsForm({ havo_vwo: [4, 10, 6, 1], mbo_bbl: [3, 8, 5, 3] }));
    assert.equal(good.headers.location, `/mijn/monitor/${id}?melding=opgeslagen`);
    const saved = JSON.parse((await report(site, 2026, route.id)).answers);
    assert.deepEqual(saved.groups.havo_vwo, { new: 4, enrolled: 10, graduates: 6, dropouts: 1 });
    assert.deepEqual(saved.groups.mbo_bbl, { new: 3, enrolled: 8, graduates: 5, dropouts: 3 });
  });

  test('submitting: every step first; then frozen, receipted, on the timeline; after the deadline accepted and marked late', async (t) => {
    const { site, tessa, route } = await setup(t);
    await openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2020-01-15' });
    const id = (await report(site, 2026, route.id)).id;
    const anna = await signIn(site.app, site.db, 'anna@avans.nl');
    await anna.get(`/mijn/monitor/${id}`);
    const early = await anna.post(`/mijn/monitor/${id}/indienen`, {});
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /Studenten per doelgroep: nog niet opgeslagen/);
    assert.match(early.body, /Terugblik: nog niet opgeslagen/);
    const done = await fillAndSubmit(anna, id);
    assert.equal(done.headers.location, `/mijn/monitor/${id}?melding=te-laat`);
    const row = await report(site, 2026, route.id);
    assert.equal(row.state, 'submitted');
    assert.equal(row.late, 1);
    assert.match((await lastMailTo(site.db, 'anna@avans.nl'))?.subject ?? '', /^Ontvangen: Monitor 2026 van /);
    const page = (await anna.get(`/mijn/monitor/${id}?melding=te-laat`)).body;
    assert.match(page, /Ingediend \(na de termijn\)/);
    assert.doesNotMatch(page, /Monitor indienen/);
    // Expected in the registration (24 new a year, 6 companies) beside what was reported.
    assert.match(page, /<th scope="row">Nieuwe studenten per jaar<\/th><td>24<\/td><td>6<\/td>/);
    assert.match(page, /<th scope="row">Mkb-bedrijven<\/th><td>6<\/td><td>8<\/td>/);
    // Frozen: the step page leads back, a posted step is refused, nothing changes.
    assert.equal((await anna.get(`/mijn/monitor/${id}/studenten`)).headers.location, `/mijn/monitor/${id}`);
    const late = await anna.post(`/mijn/monitor/${id}/bedrijven`, { companies: '99', supervisors: '1' });
    assert.equal(late.statusCode, 409);
    assert.equal(JSON.parse((await report(site, 2026, route.id)).answers).companies, 8);
    // The registration's timeline says so.
    const timeline = (await anna.get(`/aanmeldingen/${route.id}`)).body;
    assert.match(timeline, /Monitor 2026 ingediend \(na de termijn\)/);
  });

  test("next year starts from last year's answers; the team reopens single fields, the route changes only those and resubmits", async (t) => {
    const { site, tessa, route } = await setup(t);
    await openYear(site.db, site.config, tessa, { year: 2025, title: 'Monitor 2025', deadline: '2099-01-15' });
    const anna = await signIn(site.app, site.db, 'anna@avans.nl');
    await fillAndSubmit(anna, (await report(site, 2025, route.id)).id);
    await openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2099-01-15' });
    const next = await report(site, 2026, route.id);
    assert.equal(next.prefilled, 1);
    assert.deepEqual(JSON.parse(next.answers), JSON.parse((await report(site, 2025, route.id)).answers));
    assert.equal(next.steps_done, '[]', 'every step still to be confirmed');
    const step = (await anna.get(`/mijn/monitor/${next.id}/studenten`)).body;
    assert.match(step, /name="havo_vwo_enrolled"[^>]*value="20"/);
    assert.match((await anna.get(`/mijn/monitor/${next.id}`)).body, /De cijfers van vorig jaar staan al ingevuld/);

    const id = next.id;
    await fillAndSubmit(anna, id);
    const team = await signIn(site.app, site.db, 'tessa@programma.nl');
    await team.get(`/beheer/monitor/2026/${id}`);
    const empty = await team.post(`/beheer/monitor/2026/${id}/openzetten`, { message: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Kies ten minste één onderdeel om open te zetten/);
    assert.match(empty.body, /Schrijf erbij wat er aangepast moet worden/);
    const reopen = await team.post(`/beheer/monitor/2026/${id}/openzetten`, {
      fields: 'groep:havo_vwo',
      message: 'Het aantal havisten lijkt dubbel geteld.',
    });
    assert.equal(reopen.statusCode, 303);
    const mail = await lastMailTo(site.db, 'bram@avans.nl');
    assert.equal(mail?.subject, 'Monitor 2026: graag een aanpassing voor Ad Technische Bedrijfskunde');
    assert.match(mail?.body_text ?? '', /- Studenten: Havisten en vwo’ers\n/);
    assert.match(mail?.body_text ?? '', /Het aantal havisten lijkt dubbel geteld\./);
    // Only the reopened row is on the form, and only it changes, whatever else is posted.
    const form = (await anna.get(`/mijn/monitor/${id}/studenten`)).body;
    assert.match(form, /name="havo_vwo_new"/);
    assert.doesNotMatch(form, /name="mbo_bbl_new"/);
    await anna.post(`/mijn/monitor/${id}/studenten`, studentsForm({ havo_vwo: [3, 10, 2, 1], mbo_bbl: [50, 50, 0, 0] }));
    assert.equal((await anna.post(`/mijn/monitor/${id}/bedrijven`, { companies: '1', supervisors: '1' })).statusCode, 409);
    const resubmit = await anna.post(`/mijn/monitor/${id}/indienen`, {});
    assert.equal(resubmit.headers.location, `/mijn/monitor/${id}?melding=ingediend`);
    const after = await report(site, 2026, route.id);
    const answers = JSON.parse(after.answers);
    assert.deepEqual(answers.groups.havo_vwo, { new: 3, enrolled: 10, graduates: 2, dropouts: 1 });
    assert.deepEqual(answers.groups.mbo_bbl, { new: 0, enrolled: 0, graduates: 0, dropouts: 0 });
    assert.equal(answers.companies, 8);
    assert.equal(after.state, 'submitted');
    assert.equal(after.reopened_fields, null);
  });

  test('reminders: one before the deadline, one after it, none for a submitted report, each once', async (t) => {
    const { site, tessa, route } = await setup(t);
    const other = await registration(site, 'accepted', { applicant: await user(site.db, 'anna@avans.nl', 'applicant'), team: tessa });
    await openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2027-01-15' });
    const anna = await signIn(site.app, site.db, 'anna@avans.nl');
    await fillAndSubmit(anna, (await report(site, 2026, other.id)).id);
    const at = (day: string) => new Date(`${day}T10:00:00Z`);
    assert.equal(await runMonitorReminders(site.db, site.config, at('2026-12-20')), 0, 'too early');
    assert.equal(await runMonitorReminders(site.db, site.config, at('2027-01-02')), 1);
    assert.equal((await lastMailTo(site.db, 'bram@avans.nl'))?.subject, 'Herinnering: Monitor 2026 vóór 15 januari 2027');
    assert.equal(await runMonitorReminders(site.db, site.config, at('2027-01-03')), 0, 'once');
    assert.equal(await runMonitorReminders(site.db, site.config, at('2027-01-15')), 0, 'the deadline day itself is not late');
    assert.equal(await runMonitorReminders(site.db, site.config, at('2027-01-16')), 1);
    assert.equal((await lastMailTo(site.db, 'bram@avans.nl'))?.subject, 'Monitor 2026: de termijn is verstreken');
    assert.equal(await runMonitorReminders(site.db, site.config, at('2027-01-20')), 0);
    const r = await report(site, 2026, route.id);
    assert.ok(r.reminded_before_at && r.reminded_after_at);
    const done = await report(site, 2026, other.id);
    assert.equal(done.reminded_before_at, null, 'a submitted report is not reminded');
  });
});

describe('monitoring: public figures', () => {
  test('"<5" in page, CSV and API; a published year never changes; the next year lists the correction', async (t) => {
    const { site, anna, tessa, route } = await setup(t);
    const second = await registration(site, 'accepted', { applicant: anna, team: tessa });
    await openYear(site.db, site.config, tessa, { year: 2025, title: 'Monitor 2025', deadline: '2099-01-15' });
    const client = await signIn(site.app, site.db, 'anna@avans.nl');
    await fillAndSubmit(client, (await report(site, 2025, route.id)).id, studentsForm({ havo_vwo: [6, 20, 3, 1] }), '3');
    await fillAndSubmit(client, (await report(site, 2025, second.id)).id, studentsForm({ havo_vwo: [2, 4, 1, 0] }), '3');
    const anonymous = new Client(site.app);
    assert.match((await anonymous.get('/in-cijfers')).body, /Nog geen gegevens/);

    await publishSnapshot(site.db, tessa, 2025);
    const page = (await anonymous.get('/in-cijfers')).body;
    const row = (label: string) =>
      new RegExp(`<th scope="row">${label}</th><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td>`).exec(page)?.slice(1);
    assert.deepEqual(row('Havisten en vwo’ers'), ['8', '24', '&lt;5']);
    assert.deepEqual(row('Zij-instromers'), ['0', '0', '0']);
    assert.match(page, /met 6 mkb-bedrijven/);
    assert.match(page, /&lt;5 routes van &lt;5 hogescholen/);
    const csv = parse((await anonymous.get('/in-cijfers.csv')).body.replace(/^\ufeff/, '')) as string[][];
    assert.deepEqual(csv[0], ['Jaar', 'Cijfer', 'Indeling', 'Aantal']);
    assert.deepEqual(
      csv.filter((r) => r[2] === 'Havisten en vwo’ers'),
      [
        ['2025', 'Nieuwe studenten', 'Havisten en vwo’ers', '8'],
        ['2025', 'Ingeschreven studenten', 'Havisten en vwo’ers', '24'],
        ['2025', 'Gediplomeerden', 'Havisten en vwo’ers', '<5'],
      ],
    );
    const api = JSON.parse((await anonymous.get('/api/v1/figures')).body);
    assert.equal(api.data[0].year, 2025);
    assert.equal(api.data[0].routes, '<5');
    assert.deepEqual(
      api.data[0].students.find((s: { targetGroup: string }) => s.targetGroup === 'havo_vwo'),
      {
        targetGroup: 'havo_vwo',
        name: 'Havisten en vwo’ers',
        new: 8,
        enrolled: 24,
        graduates: '<5',
      },
    );
    assert.equal(api.data[0].companies, 6);
    const openapi = JSON.parse((await anonymous.get('/api/v1/openapi.json')).body);
    assert.ok(openapi.paths['/figures'].get);
    assert.deepEqual(openapi.components.schemas.YearFigures.properties.companies.oneOf[1], { type: 'string', enum: ['<5'] });

    // Consent withdrawn for one route: 2025 as published stays exactly the same.
    const year2025 = (body: string) =>
      body.slice(body.indexOf('id="jaar-2025"'), body.indexOf('</section>', body.indexOf('id="jaar-2025"')));
    await setRoutePublication(site.db, tessa, second.id, false, 'Toestemming ingetrokken');
    assert.equal(year2025((await anonymous.get('/in-cijfers')).body), year2025(page), 'unchanged');
    await assert.rejects(publishSnapshot(site.db, tessa, 2025), /al gepubliceerd/);
    // The next year's publication says what a new count of 2025 gives.
    await openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2099-01-15' });
    await publishSnapshot(site.db, tessa, 2026);
    const after = (await anonymous.get('/in-cijfers')).body;
    assert.match(after, /2025, Ingeschreven studenten, Havisten en vwo’ers: was 24, nu 20/);
    assert.match(after, /2025, Nieuwe studenten, Havisten en vwo’ers: was 8, nu 6/);
    assert.match(after, /2025, Betrokken mkb-bedrijven: was 6, nu &lt;5/);
    assert.equal(year2025(after).replace(/<h3[\s\S]*$/, ''), year2025(page).replace(/<h3[\s\S]*$/, ''), '2025 itself still as published');
  });

  test('an erasure after publication changes no published figure and needs no correction', async (t) => {
    const { site, anna, tessa, route } = await setup(t);
    await openYear(site.db, site.config, tessa, { year: 2025, title: 'Monitor 2025', deadline: '2099-01-15' });
    const client = await signIn(site.app, site.db, 'anna@avans.nl');
    await fillAndSubmit(client, (await report(site, 2025, route.id)).id, studentsForm({ havo_vwo: [6, 20, 3, 1] }), '3');
    await publishSnapshot(site.db, tessa, 2025);
    const anonymous = new Client(site.app);
    const before = (await anonymous.get('/in-cijfers')).body;
    const csvBefore = (await anonymous.get('/in-cijfers.csv')).body;

    // Anna, who submitted the monitor and is a contact person of the route, is erased.
    const person = await findPerson(site.db, PERSONAL_DATA, anna.email);
    const done = await erasePerson(site.db, PERSONAL_DATA, person, {
      ledgerPath: site.config.erasureLedger,
      byUserId: null,
      replacements: { [route.id]: { name: 'Quinten Quist', email: 'quinten@avans.nl', phone: '' } },
    });
    assert.ok(done.ok);
    assert.equal((await anonymous.get('/in-cijfers')).body, before, 'the page is the same, byte for byte');
    assert.equal((await anonymous.get('/in-cijfers.csv')).body, csvBefore);
    // Counts are not people: the next year's publication finds nothing to correct.
    await openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2099-01-15' });
    await publishSnapshot(site.db, tessa, 2026);
    assert.doesNotMatch((await anonymous.get('/in-cijfers')).body, /was \d+, nu/);
  });
});
