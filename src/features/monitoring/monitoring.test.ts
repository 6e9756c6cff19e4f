import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, Client, signIn } from '../../../test/helpers.ts';
import { withdrawRegistration } from '../registrations/index.ts';
import { figureCsv } from './routes.tsx';

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

    for (const key of ['status', 'per-maand', 'doorlooptijd', 'sectoren']) {
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

  test('CSV cells that a spreadsheet would run are escaped', () => {
    assert.equal(
      figureCsv(
        ['Naam', 'Aantal'],
        [
          { label: '=HYPERLINK("x")', value: 3 },
          { label: 'Bouw, installatie', value: -1 },
        ],
      ),
      '\ufeffNaam,Aantal\r\n"\'=HYPERLINK(""x"")",3\r\n"Bouw, installatie",\'-1\r\n',
    );
  });
});
