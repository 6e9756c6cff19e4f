import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { registration, user } from '../factories.ts';
import { signIn } from '../helpers.ts';
import { Journey, launchBrowser, pageAs, startSite } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('monitor journey (Chromium + axe-core)', () => {
  test('team opens a monitor year → the route fills it in (a wrong number first) → dashboard chart and table → published with "<5"', async (t) => {
    const site = await startSite(t);
    const base = site.url;
    const { db } = site;
    const tessaUser = await user(db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    const anna = await user(db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    await registration(site, 'accepted', { applicant: anna, team: tessaUser });

    // The team opens Monitor 2026.
    const tessa = await pageAs(browser, await signIn(site.app, db, 'tessa@programma.nl'), base);
    const team = new Journey(tessa);
    await tessa.goto(`${base}/beheer`);
    await tessa.locator('main').getByRole('link', { name: 'Monitor' }).click();
    await team.check('monitor (team)');
    await tessa.getByLabel('Jaar').fill('2026');
    await tessa.getByLabel('Indienen tot en met').fill('2099-01-31');
    await tessa.getByRole('button', { name: 'Monitorjaar openen' }).click();
    assert.match((await tessa.locator('.mkb-notice').first().textContent()) ?? '', /Het monitorjaar is geopend/);
    assert.match((await tessa.locator('main table').textContent()) ?? '', /Open tot en met 31 januari 2099/);
    await team.check('monitorjaar');

    // The route's colleague fills it in from /mijn; a wrong number first.
    const annaPage = await pageAs(browser, await signIn(site.app, db, 'anna@avans.nl'), base);
    const school = new Journey(annaPage);
    await annaPage.goto(`${base}/mijn`);
    await school.check('mijn');
    await annaPage.getByRole('link', { name: /Monitor 2026: Ad Technische Bedrijfskunde/ }).click();
    await school.check('monitor (route)');
    await annaPage.getByRole('link', { name: 'Studenten per doelgroep' }).click();
    const group = (name: RegExp) => annaPage.getByRole('group', { name });
    for (const g of await annaPage.locator('fieldset.mkb-count-group').all())
      for (const input of await g.locator('input').all()) await input.fill('0');
    await group(/Havisten/)
      .getByLabel('Nieuwe studenten')
      .fill('3');
    await group(/Havisten/)
      .getByLabel('Ingeschreven (totaal)')
      .fill('12');
    await group(/Havisten/)
      .getByLabel('Gediplomeerd')
      .fill('14');
    await group(/Zij-instromers/)
      .getByLabel('Nieuwe studenten')
      .fill('2');
    await group(/Zij-instromers/)
      .getByLabel('Ingeschreven (totaal)')
      .fill('7');
    await annaPage.getByRole('button', { name: 'Opslaan en verder' }).click();
    assert.match(
      (await annaPage.locator('.mkb-error-summary').textContent()) ?? '',
      /Bij Havisten en vwo’ers zijn meer studenten gediplomeerd \(14\) dan er ingeschreven waren \(12\)/,
    );
    assert.equal(
      await group(/Zij-instromers/)
        .getByLabel('Ingeschreven (totaal)')
        .inputValue(),
      '7',
      'nothing typed is lost',
    );
    await school.check('fout in de aantallen');
    await group(/Havisten/)
      .getByLabel('Gediplomeerd')
      .fill('4');
    await annaPage.getByRole('button', { name: 'Opslaan en verder' }).click();
    await annaPage.getByRole('link', { name: 'Bedrijven en begeleiders' }).click();
    await annaPage.getByLabel('Aantal mkb-bedrijven waar studenten van de route werken').fill('3');
    await annaPage.getByLabel('Aantal praktijkbegeleiders in die bedrijven').fill('4');
    await annaPage.getByRole('button', { name: 'Opslaan en verder' }).click();
    await annaPage.getByRole('link', { name: 'Terugblik' }).click();
    await annaPage.getByLabel('Terugblik op het jaar').fill('Meer havisten dan verwacht.');
    await annaPage.getByRole('button', { name: 'Opslaan en verder' }).click();
    await school.check('alles opgeslagen');
    await annaPage.getByRole('button', { name: 'Monitor indienen' }).click();
    assert.match((await annaPage.locator('.mkb-notice').first().textContent()) ?? '', /De monitor is ingediend/);
    await school.check('ingediend');

    // The dashboard: a line per target group, and the table with the same numbers.
    await tessa.goto(`${base}/beheer/dashboard`);
    const figure = tessa.locator('section', { has: tessa.locator('#figuur-studenten') });
    assert.equal(await figure.locator('svg.mkb-chart polyline').count(), 5);
    await figure.getByText('De cijfers als tabel').click();
    assert.deepEqual(await figure.locator('tbody tr').first().locator('td').allTextContents(), ['0', '0', '12', '7', '0']);
    await team.check('dashboard');

    // Published: the public page shows 1 to 4 as "<5".
    await tessa.goto(`${base}/beheer/monitor/2026`);
    await tessa.getByRole('button', { name: 'Cijfers over 2026 publiceren' }).click();
    await team.check('gepubliceerd');
    const visitor = await (await browser.newContext({ locale: 'nl-NL', viewport: { width: 375, height: 812 } })).newPage();
    const guest = new Journey(visitor);
    await visitor.goto(`${base}/`);
    await visitor.getByRole('link', { name: 'In cijfers' }).click();
    await guest.check('in cijfers');
    const row = visitor.getByRole('row', { name: /Havisten en vwo’ers/ });
    assert.deepEqual(await row.locator('td').allTextContents(), ['<5', '12', '<5']);
    assert.match((await visitor.locator('main').textContent()) ?? '', /met <5 mkb-bedrijven en <5 praktijkbegeleiders/);

    for (const j of [team, school, guest]) {
      assert.deepEqual(j.violations, {});
      assert.deepEqual(j.overflow, {}, 'no page wider than the window');
    }
  });
});
