import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

describe('privacy journey (Chromium + axe-core)', () => {
  test('admin invites a team member → imports the DUO file → erases a person after the preview → the pages show the result', async (t) => {
    const site = await startSite(t);
    const base = site.url;
    await user(site.db, 'beheer@programma.nl', 'admin', { name: 'Bram Beheer' });
    const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna Ad' });
    const petra = await user(site.db, 'petra.pieterse@avans.nl', 'applicant', { name: 'Petra Pieterse' });
    const made = await registration(site, 'submitted', {
      applicant: anna,
      answers: {
        organisatie: { contact_name: 'Petra Pieterse', contact_email: 'petra.pieterse@avans.nl', contact2_name: '', contact2_email: '' },
      },
    });

    // Petra looks at what the platform holds about her.
    const petraPage = await pageAs(browser, await signIn(site.app, site.db, 'petra.pieterse@avans.nl'), base);
    const pj = new Journey(petraPage);
    await petraPage.goto(`${base}/mijn`);
    await petraPage.getByRole('link', { name: 'Bekijk en download alles wat het platform over u bewaart' }).click();
    assert.match((await petraPage.locator('main').textContent()) ?? '', /Contactpersoon bij aanmelding/);
    await pj.check('mijn gegevens');

    const page = await pageAs(browser, await signIn(site.app, site.db, 'beheer@programma.nl'), base);
    const j = new Journey(page);
    // 1. Invite a team member.
    await page.goto(`${base}/beheer/gebruikers`);
    await page.getByLabel('E-mailadres', { exact: true }).fill('nieuw@programma.nl');
    await page.getByLabel(/^Naam/).fill('Nina Nieuw');
    await page.getByRole('radio', { name: 'Lid programmateam' }).check();
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    assert.equal((await page.locator('.mkb-notice').first().textContent()) ?? '', 'De uitnodiging is verstuurd.');
    assert.match((await page.locator('main tbody').textContent()) ?? '', /Nina Nieuw/);
    await j.check('uitgenodigd');

    // 2. The DUO file: compare, then apply.
    await page.goto(`${base}/beheer/hogescholen`);
    // DUO's file as published, with one hogeschool moved (so there is a change to apply).
    const duo = readFileSync(new URL('../data/duo-adressen-hbo-wo.csv', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => (l.includes(';27NF;') ? l.replace('ARNHEM', 'ZWOLLE') : l))
      .join('\n');
    await page
      .getByLabel('DUO-bestand (CSV)')
      .setInputFiles({ name: 'instellingen.csv', mimeType: 'text/csv', buffer: Buffer.from(duo, 'utf8') });
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    await j.check('duo voorbeeld');
    assert.match((await page.locator('main').textContent()) ?? '', /Gewijzigd/);
    await page.getByRole('button', { name: 'Wijzigingen toepassen' }).click();
    assert.match((await page.locator('main tbody').textContent()) ?? '', /ZWOLLE|Zwolle/);
    await j.check('duo toegepast');

    // 3. The erasure: look the person up, read the preview, name a replacement contact.
    await page.goto(`${base}/beheer`);
    await page.locator('main').getByRole('link', { name: 'Privacy (AVG)' }).click();
    await j.check('privacy');
    await page.getByLabel('E-mailadres').fill('Petra.Pieterse@avans.nl');
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    assert.match((await page.locator('main').textContent()) ?? '', /de enige contactpersoon van de lopende aanmelding/);
    await j.check('verwijdervoorbeeld');
    await page.getByRole('button', { name: 'Gegevens verwijderen' }).click();
    assert.match((await page.locator('.mkb-error-summary').textContent()) ?? '', /Vul de naam van de nieuwe contactpersoon/);
    await j.check('verwijderen fout');
    await page.getByLabel('Naam', { exact: true }).fill('Quinten Quist');
    await page.getByLabel('E-mailadres', { exact: true }).fill('quinten@avans.nl');
    await page.getByRole('checkbox', { name: /Ik heb het verzoek/ }).check();
    await page.getByRole('button', { name: 'Gegevens verwijderen' }).click();
    assert.match((await page.locator('.mkb-notice').first().textContent()) ?? '', /De gegevens zijn verwijderd en geanonimiseerd/);
    assert.match((await page.locator('main').textContent()) ?? '', /verzoek/);
    await j.check('verwijderd');

    // 4. The hogeschool's registration names the new contact; Petra's account is gone.
    const annaPage = await pageAs(browser, await signIn(site.app, site.db, 'anna@avans.nl'), base);
    const aj = new Journey(annaPage);
    await annaPage.goto(`${base}/aanmeldingen/${made.id}`);
    const text = (await annaPage.locator('main').textContent()) ?? '';
    assert.match(text, /Quinten Quist/);
    assert.doesNotMatch(text, /Petra/);
    await aj.check('aanmelding na verwijderen');
    await petraPage.goto(`${base}/mijn/gegevens`);
    assert.match(petraPage.url(), /\/inloggen/);
    const account = await site.db.selectFrom('users').select(['name', 'disabled_at']).where('id', '=', petra.id).executeTakeFirstOrThrow();
    assert.equal(account.name, 'Verwijderde persoon');
    assert.deepEqual({ ...j.violations, ...pj.violations, ...aj.violations }, {});
    assert.deepEqual({ ...j.overflow, ...pj.overflow, ...aj.overflow }, {});
  });
});
