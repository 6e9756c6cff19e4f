import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, signIn } from '../../../test/helpers.ts';
import { createEvent } from '../events/index.ts';
import { createRequest } from '../support/index.ts';
import { openYear } from './monitor.ts';

const rows = (body: string) => parse(body.replace(/^\ufeff/, '')) as string[][];

describe('team exports: each list as CSV with its own filters', () => {
  test('registrations (queue filters), routes, bijeenkomsten (period) and monitor answers', async (t) => {
    const site = await buildTestApp(t);
    const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa' });
    await registration(site, 'accepted', { applicant: anna, team: tessa });
    await registration(site, 'submitted', { applicant: anna, answers: { opleiding: { programme_name: '=HYPERLINK("x")' } } });
    await registration(site, 'in_review', { applicant: anna, team: tessa });
    const team = await signIn(site.app, site.db, 'tessa@programma.nl');

    // The queue: the link on the page carries its filters; the CSV has the same rows as the filter.
    const page = (await team.get('/beheer/aanmeldingen?state=submitted')).body;
    assert.match(
      page,
      /href="\/beheer\/aanmeldingen\.csv\?state=submitted&amp;sort=waiting">Deze lijst als CSV \(1 aanmelding, alle pagina’s\)/,
    );
    const submitted = rows((await team.get('/beheer/aanmeldingen.csv?state=submitted&sort=waiting')).body);
    assert.deepEqual(submitted[0], [
      'Kenmerk',
      'Opleiding',
      'Hogeschool',
      'Sector',
      'Status',
      'Deelnamewens',
      'Ingediend op',
      'Dagen wachtend',
      'Beoordelaars',
    ]);
    assert.equal(submitted.length, 2);
    assert.equal(submitted[1]?.[1], '\'=HYPERLINK("x")', 'a formula is escaped');
    assert.equal(submitted[1]?.[4], 'Ingediend');
    assert.equal(submitted[1]?.[7], '0');
    const all = rows((await team.get('/beheer/aanmeldingen.csv')).body);
    assert.deepEqual(
      all
        .slice(1)
        .map((r) => r[4])
        .sort(),
      ['Ingediend', 'In beoordeling', 'Toegelaten'].sort(),
    );
    assert.equal(all.find((r) => r[4] === 'In beoordeling')?.[8], 'Tessa');

    // Routes: every route in the catalogue, hidden ones too.
    const routes = rows((await team.get('/beheer/routes.csv')).body);
    assert.equal(routes.length, 2);
    assert.deepEqual(routes[1]?.slice(0, 2), ['Ad Technische Bedrijfskunde', 'Avans Hogeschool']);
    assert.equal(routes[1]?.[7], 'ja');

    // Bijeenkomsten: per period as on the page.
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
      capacity: 20,
      waitlist: false,
      reminderHours: 0,
      reminderText: '',
      organiserId: null,
      questions: [],
    });
    await createEvent(site.db, tessa, input('Leernetwerk', Date.now() + 10 * 86_400_000));
    const planned = rows((await team.get('/beheer/bijeenkomsten.csv?periode=gepland')).body);
    assert.deepEqual(planned[0], ['bijeenkomst', 'begint', 'eindigt', 'vorm', 'status', 'plaatsen', 'bevestigd', 'wachtlijst', 'aanwezig']);
    assert.deepEqual(
      planned.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[6], r[8]]),
      [['Leernetwerk', 'online', 'gepubliceerd', '20', '0', '']],
    );
    assert.equal(rows((await team.get('/beheer/bijeenkomsten.csv?periode=geweest')).body).length, 1, 'only the header');

    // Monitor answers: one row per route of the year.
    await openYear(site.db, site.config, tessa, { year: 2026, title: 'Monitor 2026', deadline: '2099-01-01' });
    const answers = rows((await team.get('/beheer/monitor/2026/antwoorden.csv')).body);
    assert.equal(answers.length, 2);
    assert.deepEqual(answers[1]?.slice(0, 4), [answers[1]?.[0], 'Ad Technische Bedrijfskunde', 'open', 'nee']);
    assert.equal(answers[0]?.length, 5 + 5 * 4 + 3);
    assert.match(answers[1]?.[0] ?? '', /^MKB-\d{4}-\d{4}$/);

    // Support requests: the queue's filters.
    const routeId = (await site.db.selectFrom('registrations').select('id').where('state', '=', 'accepted').executeTakeFirstOrThrow()).id;
    const annaUser = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    for (const theme of ['supervision', 'funding'])
      await createRequest(
        site.db,
        site.config,
        annaUser,
        { registrationId: routeId, theme, subject: `Vraag over ${theme}`, question: 'Tekst', condition: null },
        null,
      );
    const supportPage = (await team.get('/beheer/ondersteuning?thema=funding')).body;
    assert.match(supportPage, /href="\/beheer\/ondersteuning\.csv\?thema=funding">Deze lijst als CSV \(1 vraag\)/);
    const support = rows((await team.get('/beheer/ondersteuning.csv?thema=funding')).body);
    assert.deepEqual(support[0], [
      'kenmerk',
      'onderwerp',
      'route',
      'thema',
      'stand',
      'adviseur',
      'dagen oud',
      'eerste reactie uiterlijk',
      'afgerond uiterlijk',
      'uitkomst',
    ]);
    assert.deepEqual(
      support.slice(1).map((r) => [r[1], r[3], r[4]]),
      [['Vraag over funding', 'Financiering en scholingsregelingen', 'Nieuw, nog zonder adviseur']],
    );
  });
});
