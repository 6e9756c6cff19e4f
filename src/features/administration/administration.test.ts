import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, signIn } from '../../../test/helpers.ts';
import { getSetting } from '../../platform/settings/repo.ts';
import { runMonitorReminders } from '../monitoring/index.ts';

describe('administration: settings', () => {
  test('every setting in one form with its default and unit; wrong values refused per field, nothing saved; changes audited and used', async (t) => {
    const site = await buildTestApp(t);
    await user(site.db, 'beheer@programma.nl', 'admin', { name: 'Bram Beheer' });
    const admin = await signIn(site.app, site.db, 'beheer@programma.nl');
    const page = (await admin.get('/beheer/instellingen')).body;
    for (const key of ['review_reminder_days', 'kickoff_notice_hours', 'kickoff_reminder_days', 'monitor_reminder_days'])
      assert.match(page, new RegExp(`name="${key}"`), key);
    assert.match(page, /Herinnering vóór de termijn van de monitor \(dagen\)/);
    assert.match(page, /Standaard: 14 dagen; mogelijk van 0 tot en met 60\./);

    const bad = await admin.post('/beheer/instellingen', {
      review_reminder_days: '0',
      kickoff_notice_hours: 'twee',
      kickoff_reminder_days: '3',
      monitor_reminder_days: '21',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Herinnering bij een open beoordeling: kies een getal van 1 tot en met 90 dagen/);
    assert.match(
      bad.body,
      /Startgesprek boeken of verzetten tot: vul een heel getal in \(uren\), of laat het leeg voor de standaard \(24\)/,
    );
    assert.match(bad.body, /name="kickoff_notice_hours"[^>]*value="twee"/, 'what was typed stays');
    assert.equal(await getSetting(site.db, 'monitor_reminder_days'), null, 'nothing saved');

    const ok = await admin.post('/beheer/instellingen', {
      review_reminder_days: '',
      kickoff_notice_hours: '48',
      kickoff_reminder_days: '',
      monitor_reminder_days: '21',
    });
    assert.equal(ok.headers.location, '/beheer/instellingen?opgeslagen=2');
    assert.equal(await getSetting(site.db, 'kickoff_notice_hours'), '48');
    assert.equal(await getSetting(site.db, 'monitor_reminder_days'), '21');
    const again = await admin.post('/beheer/instellingen', { kickoff_notice_hours: '', monitor_reminder_days: '21' });
    assert.equal(again.headers.location, '/beheer/instellingen?opgeslagen=1');
    assert.equal(await getSetting(site.db, 'kickoff_notice_hours'), null, 'emptied: the default again');
    const log = await site.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id', 'detail'])
      .where('action', '=', 'settings.changed')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      log.map((e) => [e.subject_id, JSON.parse(e.detail ?? '{}')]),
      [
        ['kickoff_notice_hours', { key: 'kickoff_notice_hours', from: null, to: 48 }],
        ['monitor_reminder_days', { key: 'monitor_reminder_days', from: null, to: 21 }],
        ['kickoff_notice_hours', { key: 'kickoff_notice_hours', from: 48, to: null }],
      ],
    );

    // The setting is what the job uses: 21 days ahead the monitor reminder goes out (with 14 it would not).
    const tessa = await user(site.db, 'tessa@programma.nl', 'team');
    await registration(site, 'accepted', { applicant: await user(site.db, 'anna@avans.nl', 'applicant'), team: tessa });
    const { openYear } = await import('../monitoring/index.ts');
    await openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2027-01-21' });
    assert.equal(await runMonitorReminders(site.db, site.config, new Date('2026-12-31T10:00:00Z')), 1);

    // A team member may not change settings.
    const team = await signIn(site.app, site.db, 'tessa@programma.nl');
    assert.equal((await team.get('/beheer/instellingen')).statusCode, 403);
  });
});

describe('administration: the audit log', () => {
  test('filters by who, what, object (a reference) and period; paginated; the CSV has the same rows', async (t) => {
    const site = await buildTestApp(t);
    await user(site.db, 'beheer@programma.nl', 'admin', { name: 'Bram Beheer' });
    const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    const a = await registration(site, 'accepted', { applicant: anna, team: tessa });
    await registration(site, 'submitted', { applicant: anna });
    const reference = (await site.db.selectFrom('registrations').select('reference').where('id', '=', a.id).executeTakeFirstOrThrow())
      .reference;
    const admin = await signIn(site.app, site.db, 'beheer@programma.nl');

    const byTessa = (await admin.get('/beheer/audit?wie=tessa')).body;
    const whoColumn = [...byTessa.matchAll(/<tr><td>[^<]+<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    assert.ok(whoColumn.length > 0);
    assert.deepEqual([...new Set(whoColumn)], ['Tessa Team']);

    const accepted = (await admin.get('/beheer/audit?actie=registration.accepted')).body;
    assert.match(accepted, /role="status">1 gebeurtenis</);
    assert.match(accepted, new RegExp(`aanmelding ${reference}`));

    const ofA = (await admin.get(`/beheer/audit?object=${reference?.toLowerCase()}`)).body;
    const objects = [...ofA.matchAll(/<td>(aanmelding [^<]+|[a-z]+ [^<]+)<\/td><\/tr>/g)].map((m) => m[1]);
    assert.ok(objects.length >= 4, objects.join(', '));
    assert.deepEqual([...new Set(objects)], [`aanmelding ${reference}`]);

    const future = (await admin.get('/beheer/audit?van=2099-01-01')).body;
    assert.match(future, /role="status">0 gebeurtenissen</);
    const wrong = (await admin.get('/beheer/audit?van=gisteren')).body;
    assert.match(wrong, /De begindatum &quot;gisteren&quot; is geen datum \(jjjj-mm-dd\); hij is niet gebruikt\./);

    const total = Number(/role="status">(\d+) gebeurtenissen/.exec((await admin.get('/beheer/audit')).body)?.[1]);
    const csv = parse((await admin.get('/beheer/audit.csv')).body.replace(/^\ufeff/, '')) as string[][];
    assert.deepEqual(csv[0], ['wanneer', 'wie', 'handeling', 'wat', 'details', 'object']);
    assert.equal(csv.length - 1, total);
    const csvTessa = parse((await admin.get('/beheer/audit.csv?wie=tessa')).body.replace(/^\ufeff/, '')) as string[][];
    assert.equal(csvTessa.length - 1, whoColumn.length);
    assert.ok(csvTessa.slice(1).every((r) => r[1] === 'Tessa Team'));
  });
});
