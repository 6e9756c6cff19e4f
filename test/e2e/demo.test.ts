import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadDemoContent } from '../../src/demo/load.ts';
import { Journey, launchBrowser, startSite } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('the demo platform (Chromium + axe-core)', () => {
  test('home page with figures, small map, newest routes and a story → map → a demo route → stories → toolkit', async (t) => {
    const site = await startSite(t);
    assert.equal(await loadDemoContent(site.db, site.config), true);
    const page = await (await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } })).newPage();
    const journey = new Journey(page);

    await page.goto(`${site.url}/`);
    const figures = await page.locator('.mkb-figure__number').allTextContents();
    assert.deepEqual(figures.slice(0, 3), ['21', '13', '12'], 'routes, hogescholen, provinces');
    assert.equal(await page.locator('.mkb-newest li').count(), 4);
    const photo = page.locator('.mkb-home-story img');
    assert.match(String(await photo.getAttribute('alt')), /Voorbeeldfoto/);
    // The photo is lazy (below the fold): in view, it must load, not fail.
    await photo.scrollIntoViewIfNeeded();
    assert.ok(
      await photo.evaluate((element) => {
        const img = element as HTMLImageElement;
        if (img.complete) return img.naturalWidth > 0;
        return new Promise<boolean>((done) => {
          img.addEventListener('load', () => done(img.naturalWidth > 0));
          img.addEventListener('error', () => done(false));
        });
      }),
      'the photo loads',
    );
    await journey.check('home');

    await page.getByRole('link', { name: 'Bekijk de kaart met de routes per provincie' }).click();
    assert.equal(new URL(page.url()).pathname, '/kaart');
    await journey.check('kaart');

    await page.goto(`${site.url}/`);
    await page.locator('.mkb-newest a').first().click();
    assert.match((await page.locator('h1').textContent()) ?? '', /\(demo\)$/);
    await journey.check('route');

    await page.goto(`${site.url}/succesverhalen`);
    await journey.check('succesverhalen');
    await page.goto(`${site.url}/toolkit`);
    assert.match((await page.locator('main').textContent()) ?? '', /Factsheet \(demo\)/);
    await journey.check('toolkit');

    assert.deepEqual(journey.violations, {});

    assert.deepEqual(journey.overflow, {}, 'no page wider than the window');
    assert.deepEqual(journey.visited, ['home', 'kaart', 'route', 'succesverhalen', 'toolkit']);
  });
});
