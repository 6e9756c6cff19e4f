import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { PDFParse } from 'pdf-parse';
import type { Browser, Page } from 'playwright-core';
import { ensureUser } from '../../src/features/accounts/index.ts';
import { Journey, launchBrowser, startSite } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const SHOTS = process.env.SCREENSHOT_DIR;

async function next(page: Page, journey: Journey, label: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${label}.png`, fullPage: true });
  await journey.check(label);
  await page.getByRole('button', { name: 'Opslaan en volgende' }).click();
}

describe('registration journey (Chromium + axe-core)', () => {
  test('sign in → every step (one with errors first) → submit → mail with receipt → PDF → /mijn says Ingediend', async (t) => {
    const site = await startSite(t);
    await ensureUser(site.db, { email: 'ad@avans.nl', role: 'applicant', institutionBrin: '07GR', name: 'Anna Ad' });
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const journey = new Journey(page);
    const base = site.url;

    // Sign in through the mailbox.
    await page.goto(`${base}/inloggen?terug=%2Faanmelden`);
    await page.getByLabel('E-mailadres').fill('ad@avans.nl');
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.goto(`${base}/dev/mailbox`);
    await page.locator('tbody a').first().click();
    await page.locator('.mkb-mail a').click();
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${base}/aanmelden`);
    await journey.check('aanmelden start');
    await page.getByRole('button', { name: 'Nieuwe aanmelding starten' }).click();

    // 1. Organisation, first with errors.
    await page.getByLabel('Naam contactpersoon').fill('Anna Ad');
    await page.getByLabel('Telefoonnummer contactpersoon').fill('12345');
    await page.getByRole('button', { name: 'Opslaan en volgende' }).click();
    assert.equal(await page.locator('#foutoverzicht h2').textContent(), 'Er zijn 3 fouten in het formulier');
    assert.deepEqual(await page.locator('#foutoverzicht a').allTextContents(), [
      'Vul de functie van de contactpersoon in',
      'Vul het e-mailadres van de contactpersoon in',
      'Vul een geldig telefoonnummer in, zoals 030 123 45 67',
    ]);
    assert.equal(await page.getByLabel('Naam contactpersoon').inputValue(), 'Anna Ad', 'input kept');
    await journey.check('stap organisatie met fouten');
    await page.getByLabel('Functie contactpersoon').fill('Opleidingsmanager');
    await page.getByLabel('E-mailadres contactpersoon').fill('Anna.Ad@Avans.nl');
    await page.getByLabel('Telefoonnummer contactpersoon').fill('076 523 50 00');
    await page.getByLabel('Postcode').fill('4818aj');
    await next(page, journey, 'stap organisatie');

    // 2. Programme.
    assert.equal(await page.getByLabel('Hogeschool').inputValue(), '07GR', 'own hogeschool preselected');
    await page.getByLabel('Naam van de opleiding').fill('Ad Technische Bedrijfskunde');
    await page.getByLabel('CROHO-code').fill('80072');
    await page.getByLabel('Associate degree (Ad)').check();
    await page.getByLabel('Duaal').check();
    await page.getByLabel('Plaatsen waar de opleiding wordt gegeven').fill('Breda, Tilburg');
    await page.getByLabel('Sector').selectOption('C');
    await page.getByLabel('Provincie').selectOption('Noord-Brabant');
    await next(page, journey, 'stap opleiding');

    // 3. Route.
    await page.getByLabel('Nieuwe route').check();
    await page.getByLabel('Startdatum (eerste of volgende cohort)').fill('2027-09-01');
    await page.getByLabel('Aantal studenten nu').fill('0');
    await page.getByLabel('Verwacht aantal nieuwe studenten per jaar').fill('24');
    await page.getByLabel('Mbo-studenten uit de bbl (doorstroom)').check();
    await page.getByLabel('Zij-instromers').check();
    await page.getByLabel('Beschrijving van de route').fill('Twee jaar leren en werken in de maakindustrie.');
    await next(page, journey, 'stap route');

    // 4–8. The five criteria.
    await page.getByLabel('Dagen per week op de werkplek').fill('4');
    await page.getByLabel('Dagen per week onderwijs').fill('1');
    await page.getByLabel('Hoe zijn werken en leren met elkaar verbonden?').fill('Opdrachten komen uit het eigen werk.');
    await next(page, journey, 'stap c1');
    await page.getByLabel('Aantal deelnemende mkb-bedrijven').fill('6');
    await page.getByLabel('Alle deelnemende bedrijven hebben minder dan 250 medewerkers.').check();
    await page.getByLabel('Naam bedrijf, rij 1').fill('Metaal & Co');
    await page.getByLabel('KvK-nummer, rij 1').fill('12345678');
    await next(page, journey, 'stap c2');
    await page.getByLabel('Ja, er wordt een overeenkomst getekend').check();
    await page.getByLabel('Soort overeenkomst').fill('Praktijkovereenkomst (duaal)');
    await page.getByLabel('Model van de overeenkomst (pdf)').setInputFiles({
      name: 'model.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await next(page, journey, 'stap c3');
    await page.getByLabel('Ja', { exact: true }).check();
    await page.getByLabel('Cao of indicatie van het salaris').fill('Cao Metaal en Techniek');
    await next(page, journey, 'stap c4');
    await page.getByLabel('Naam, rij 1').first().fill('Koninklijke Metaalunie');
    await page.getByLabel('Hoe geven jullie de route samen vorm?').fill('Een werkveldcommissie met bedrijven en de branche.');
    await next(page, journey, 'stap c5');

    // 9–10. Participation and publication.
    await page.getByLabel('Pilotpartner').check();
    await page.getByLabel('Waarbij wilt u ondersteuning?').fill('Werving van zij-instromers.');
    await page.getByLabel('Praktijkbegeleiding').check();
    await next(page, journey, 'stap deelname');
    await page.getByLabel('De beschrijving van de route').check();
    await next(page, journey, 'stap publicatie');

    // Summary: everything listed, warnings that do not block, then the declaration.
    assert.equal(await page.locator('h1').textContent(), 'Overzicht en indienen');
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /4818 AJ/, 'postcode normalised');
    assert.match(main, /anna\.ad@avans\.nl/);
    // Companies as a table, one row each (issue 11, item 12); dates written out in Dutch.
    assert.deepEqual(await page.locator('.mkb-readout__row', { hasText: 'Deelnemende bedrijven' }).locator('tr').allInnerTexts(), [
      'Naam bedrijf\tKvK-nummer',
      'Metaal & Co\t12345678',
    ]);
    assert.match(main, /Startdatum \(eerste of volgende cohort\)1 september 2027/);
    assert.match(main, /model\.pdf/);
    assert.match((await page.locator('#aanbevolen-titel + ul').textContent()) ?? '', /tweede contactpersoon/);
    await journey.check('overzicht');
    await page.getByRole('button', { name: 'Aanmelding indienen' }).click();
    assert.equal(await page.locator('#foutoverzicht a').textContent(), 'Verklaar dat de gegevens juist en volledig zijn');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'foutoverzicht', 'the error summary has the focus');
    await journey.check('overzicht met fout');
    await page.getByLabel(/Ik verklaar dat ik deze aanmelding/).check();
    await page.getByRole('button', { name: 'Aanmelding indienen' }).click();
    const year = new Date().getUTCFullYear();
    const reference = `MKB-${year}-0001`;
    // The reference in the confirmation itself, what happens next, and withdrawing folded away.
    assert.equal(await page.locator('#ingediend-titel').textContent(), `Aanmelding ingediend onder kenmerk ${reference}`);
    assert.match((await page.locator('.mkb-notice').textContent()) ?? '', /Wat gebeurt er nu\?.*ontvangstbewijs.*startgesprek/s);
    assert.equal(await page.getByRole('button', { name: 'Aanmelding intrekken' }).isVisible(), false);
    assert.ok(await page.locator('summary', { hasText: 'Aanmelding intrekken' }).isVisible(), 'the fold itself is there');
    await journey.check('aanmelding ingediend');

    // The confirmation mail with the receipt attached.
    await page.goto(`${base}/dev/mailbox`);
    await page
      .getByRole('row', { name: /anna\.ad@avans\.nl/ })
      .getByRole('link', { name: `Aanmelding ontvangen: ${reference}` })
      .click();
    assert.match((await page.locator('.mkb-mail').textContent()) ?? '', new RegExp(`Het kenmerk is ${reference}`));
    assert.equal(await page.locator('main ul a').textContent(), `ontvangstbewijs-${reference}.pdf`);
    await journey.check('bevestiging in postvak');

    // The receipt downloads from the registration page and holds the reference.
    await page.goto(`${base}/mijn`);
    assert.equal(await page.locator('.mkb-state').first().textContent(), 'Ingediend');
    await journey.check('mijn na indienen');
    await page.getByRole('link', { name: 'Ad Technische Bedrijfskunde' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ontvangstbewijs versie 1 (pdf)' }).click(),
    ]);
    const pdf = readFileSync((await download.path()) ?? '');
    const text = (await new PDFParse({ data: pdf }).getText()).text;
    assert.match(text, new RegExp(`Kenmerk: ${reference} \\(versie 1\\)`));
    assert.match(text, /Ad Technische Bedrijfskunde/);
    assert.deepEqual(journey.violations, {});
    assert.deepEqual(journey.overflow, {}, 'no page wider than the window');
  });
});
