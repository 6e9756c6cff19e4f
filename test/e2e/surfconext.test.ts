import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureUser } from '../../src/features/accounts/index.ts';
import { Client, lastMailTo, linkToken } from '../helpers.ts';
import { startProvider } from '../oidc-provider.ts';
import { freePort, Journey, launchBrowser, pageAs, startSite } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** The platform with SURFconext pointing at a test provider on this machine. */
async function siteWithProvider(t: Parameters<typeof startSite>[0]) {
  const port = await freePort();
  const provider = await startProvider(t, `http://127.0.0.1:${port}`);
  return startSite(t, { port, env: provider.env });
}

/** At the provider's own (development) login page: not our page, so no axe there. */
async function loginAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('wachtwoord');
  await page.locator('button[type="submit"]').click();
}

describe('SURFconext in the browser (Chromium + axe-core, a local OpenID provider)', () => {
  test('staff sign in, see their hogeschool, sign out; a student and a cancel get their own page', async (t) => {
    const site = await siteWithProvider(t);
    const page = await newPage();
    const journey = new Journey(page);
    await page.goto(`${site.url}/inloggen`);
    await journey.check('inloggen met SURFconext-knop');
    await page.getByRole('link', { name: 'Inloggen met SURFconext' }).click();
    await loginAtProvider(page, 'docent-avans');
    await page.waitForURL(`${site.url}/mijn?welkom=1`);
    assert.equal(await page.locator('#aanmeldingen-titel').textContent(), 'Aanmeldingen van Avans Hogeschool');
    await journey.check('mijn na SURFconext');
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.waitForURL(`${site.url}/inloggen?uitgelogd=1`);
    assert.match((await page.locator('.mkb-notice').textContent()) ?? '', /bij SURFconext zelf nog ingelogd/);
    await journey.check('uitgelogd met SURFconext-uitleg');

    const student = await newPage();
    const studentJourney = new Journey(student);
    await student.goto(`${site.url}/inloggen`);
    await student.getByRole('link', { name: 'Inloggen met SURFconext' }).click();
    await loginAtProvider(student, 'student-avans');
    await student.waitForURL(`${site.url}/inloggen/surfconext/terug?**`);
    assert.equal(await student.locator('h1').textContent(), 'Dit platform is voor medewerkers');
    await studentJourney.check('student');

    const cancelling = await newPage();
    const cancelJourney = new Journey(cancelling);
    await cancelling.goto(`${site.url}/inloggen`);
    await cancelling.getByRole('link', { name: 'Inloggen met SURFconext' }).click();
    await cancelling.getByRole('link', { name: /Cancel/ }).click();
    await cancelling.waitForURL(`${site.url}/inloggen/surfconext/terug?**`);
    assert.equal(await cancelling.locator('h1').textContent(), 'Inloggen afgebroken');
    await cancelJourney.check('afgebroken');

    for (const j of [journey, studentJourney, cancelJourney]) {
      assert.deepEqual(j.violations, {});
      assert.deepEqual(j.overflow, {}, 'no page wider than the window');
    }
    assert.equal((await site.db.selectFrom('users').select('email').execute()).length, 1);
  });

  test('an e-mail account is linked after "Ja, koppelen"; an unknown domain is mapped by an admin', async (t) => {
    const site = await siteWithProvider(t);
    await ensureUser(site.db, { email: 'bekend@hu.nl', role: 'applicant', institutionBrin: '25DW' });
    const page = await newPage();
    const journey = new Journey(page);
    await page.goto(`${site.url}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen met SURFconext' }).click();
    await loginAtProvider(page, 'bekend-hu');
    await page.waitForURL(`${site.url}/inloggen/surfconext/koppelen`);
    assert.equal(await page.locator('h1').textContent(), 'Wilt u dit account koppelen?');
    await journey.check('koppelen vragen');
    await page.getByRole('button', { name: 'Ja, koppelen en inloggen' }).click();
    await page.waitForURL(`${site.url}/mijn?welkom=1`);
    assert.equal(await page.locator('#aanmeldingen-titel').textContent(), 'Aanmeldingen van Hogeschool Utrecht');

    const outsider = await newPage();
    const outsiderJourney = new Journey(outsider);
    await outsider.goto(`${site.url}/inloggen`);
    await outsider.getByRole('link', { name: 'Inloggen met SURFconext' }).click();
    await loginAtProvider(outsider, 'onbekend-domein');
    await outsider.waitForURL(`${site.url}/inloggen/surfconext/terug?**`);
    assert.equal(await outsider.locator('h1').textContent(), 'Uw instelling kennen wij nog niet');
    await outsiderJourney.check('onbekende instelling');

    // The admin signs in by mail link and maps the domain from the list of unknown ones.
    await ensureUser(site.db, { email: 'beheer@programma.nl', role: 'admin' });
    const client = new Client(site.app);
    await client.get('/inloggen');
    await client.post('/inloggen', { email: 'beheer@programma.nl' });
    const token = linkToken((await lastMailTo(site.db, 'beheer@programma.nl'))?.body_text ?? '');
    await client.get(`/inloggen/link?token=${token}`);
    await client.post('/inloggen/link', { token });
    const admin = await pageAs(browser, client, site.url);
    const adminJourney = new Journey(admin);
    await admin.goto(`${site.url}/beheer`);
    await admin.getByRole('link', { name: 'Maildomeinen van hogescholen' }).click();
    await adminJourney.check('maildomeinen');
    await admin.getByRole('link', { name: 'Koppelen voorbeeldacademie.nl' }).click();
    assert.equal(await admin.getByLabel('Domein', { exact: true }).inputValue(), 'voorbeeldacademie.nl');
    await admin.getByRole('button', { name: 'Domein koppelen' }).click();
    assert.equal(await admin.locator('#foutoverzicht a').textContent(), 'Kies een hogeschool');
    await adminJourney.check('maildomeinen met fout');
    await admin.getByLabel('Hogeschool', { exact: true }).selectOption({ label: 'Hogeschool Leiden (Leiden)' });
    await admin.getByRole('button', { name: 'Domein koppelen' }).click();
    assert.equal(await admin.locator('.mkb-notice').textContent(), 'voorbeeldacademie.nl is gekoppeld.');
    await adminJourney.check('maildomein gekoppeld');

    await outsider.goto(`${site.url}/inloggen`);
    await outsider.getByRole('link', { name: 'Inloggen met SURFconext' }).click();
    await outsider.waitForURL(`${site.url}/mijn?welkom=1`);
    assert.equal(await outsider.locator('#aanmeldingen-titel').textContent(), 'Aanmeldingen van Hogeschool Leiden');
    await outsiderJourney.check('mijn na koppeling domein');

    for (const j of [journey, outsiderJourney, adminJourney]) {
      assert.deepEqual(j.violations, {});
      assert.deepEqual(j.overflow, {}, 'no page wider than the window');
    }
  });
});
