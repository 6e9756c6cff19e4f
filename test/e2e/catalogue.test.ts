import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { ensureUser } from '../../src/features/accounts/index.ts';
import { assign } from '../../src/features/assessments/index.ts';
import { addStory, prepareImage } from '../../src/features/catalogue/index.ts';
import { assessAndAccept } from '../factories.ts';
import { applicant, fillAll, startDraft, submit } from '../registration-fixtures.ts';
import { Journey, launchBrowser, startSite } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('catalogue journey (Chromium + axe-core)', () => {
  test('catalogue → filter → map → route page → story', async (t) => {
    const site = await startSite(t);
    const teamId = await ensureUser(site.db, { email: 'team@programma.nl', role: 'team', name: 'Tessa' });
    const team = {
      id: teamId,
      email: 'team@programma.nl',
      name: 'Tessa',
      role: 'team' as const,
      institutionBrin: null,
      institutionName: null,
    };
    const anna = await applicant(site.app, site.db, 'anna@avans.nl');
    const id = await startDraft(anna);
    await fillAll(anna, id);
    await submit(anna, id);
    await assign(site.db, site.config, team, id, [teamId]);
    await assessAndAccept(site, team, id);
    const image = await prepareImage(
      await sharp({ create: { width: 600, height: 400, channels: 3, background: '#3f7d99' } })
        .png()
        .toBuffer(),
    );
    await addStory(
      site.db,
      team,
      {
        routeId: id,
        title: 'Van de bbl naar een Ad',
        quote: 'Mijn werk is mijn casus',
        person: 'Sam',
        role: 'student',
        organisation: 'Metaal & Co',
        consentDate: '2026-11-01',
        consentNote: 'Formulier',
        theme: 'recruitment',
        body: 'Sam werkt vier dagen per week.',
        imageAlt: 'Sam aan de draaibank',
      },
      image,
    );

    const page = await (await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } })).newPage();
    const journey = new Journey(page);
    await page.goto(`${site.url}/`);
    await journey.check('home');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Routes' }).click();
    await journey.check('catalogus');
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /1 route gevonden/);

    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Provincie').selectOption('Utrecht');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    assert.match(page.url(), /provincie=Utrecht/);
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /0 routes gevonden/);
    assert.equal(await page.locator('summary').filter({ hasText: 'Filters' }).textContent(), 'Filters (1 gekozen)', 'open while in use');
    assert.ok(await page.getByLabel('Provincie').isVisible());
    await journey.check('catalogus gefilterd');

    await page.getByRole('contentinfo').getByRole('link', { name: 'Kaart' }).click();
    await journey.check('kaart');
    await page.getByRole('table').getByRole('link', { name: 'Noord-Brabant' }).click();
    await journey.check('catalogus per provincie');
    assert.match(page.url(), /provincie=Noord-Brabant/);
    await page.getByRole('link', { name: 'Ad Technische Bedrijfskunde' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Ad Technische Bedrijfskunde');
    assert.equal(await page.locator('script[type="application/ld+json"]').count(), 1);
    await journey.check('routepagina');

    await page.getByRole('link', { name: 'Van de bbl naar een Ad' }).click();
    assert.equal(await page.locator('img.mkb-story-image').getAttribute('alt'), 'Sam aan de draaibank');
    assert.equal(await page.evaluate(() => (document.querySelector('img.mkb-story-image') as HTMLImageElement).naturalWidth), 600);
    await journey.check('succesverhaal');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Succesverhalen' }).click();
    await journey.check('succesverhalen');
    await page.goto(`${site.url}/toolkit`);
    await journey.check('toolkit');
    assert.deepEqual(journey.violations, {});
    assert.deepEqual(journey.overflow, {}, 'no page wider than the window');
  });
});
