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

describe('administration journey (Chromium + axe-core)', () => {
  test('admin changes a setting (a wrong value first) → finds the change in the log by what and who', async (t) => {
    const site = await startSite(t);
    const base = site.url;
    await user(site.db, 'beheer@programma.nl', 'admin', { name: 'Bram Beheer' });
    await registration(site, 'submitted', { applicant: await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' }) });
    const page = await pageAs(browser, await signIn(site.app, site.db, 'beheer@programma.nl'), base);
    const j = new Journey(page);
    await page.goto(`${base}/beheer`);
    await page.locator('main').getByRole('link', { name: 'Instellingen' }).click();
    await j.check('instellingen');
    const field = page.getByLabel('Herinnering vóór de termijn van de monitor (dagen)');
    await field.fill('90');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    assert.match((await page.locator('.mkb-error-summary').textContent()) ?? '', /kies een getal van 0 tot en met 60 dagen/);
    assert.equal(await field.inputValue(), '90', 'what was typed stays');
    await j.check('instelling fout');
    await field.fill('21');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    assert.match((await page.locator('.mkb-notice').first().textContent()) ?? '', /1 instelling opgeslagen/);
    assert.equal(await field.inputValue(), '21');

    await page.goto(`${base}/beheer`);
    await page.locator('main').getByRole('link', { name: 'Logboek' }).click();
    await page.getByLabel('Wat').selectOption('settings.changed');
    await page.getByLabel('Wie (naam, e-mailadres of “systeem”)').fill('bram');
    await page.getByRole('button', { name: 'Filteren' }).click();
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /^1 gebeurtenis$/);
    assert.match((await page.locator('main tbody').textContent()) ?? '', /Instelling gewijzigd — monitor_reminder_days: standaard → 21/);
    await j.check('logboek gefilterd');
    assert.deepEqual(j.violations, {});
    assert.deepEqual(j.overflow, {});
  });
});
