import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { ensureUser } from '../../src/features/accounts/index.ts';
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

const SHOTS = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'kennis-shots-'));

describe('knowledge journey (Chromium + axe-core)', () => {
  test('team writes a chapter with an image → publishes → a visitor finds it by search → prints the guide → the applicant prints the route handout', async (t) => {
    const site = await startSite(t);
    const base = site.url;
    const { db } = site;
    await ensureUser(db, { email: 'tessa@programma.nl', role: 'team', name: 'Tessa Team' });
    const tessa = await pageAs(browser, await signIn(site.app, db, 'tessa@programma.nl'), base);
    const team = new Journey(tessa);
    const png = await sharp({ create: { width: 320, height: 160, channels: 3, background: '#0b4f6c' } })
      .png()
      .toBuffer();

    // The team writes a chapter: an image first (its description is required), then the rest.
    await tessa.goto(`${base}/beheer`);
    await tessa.locator('main').getByRole('link', { name: 'Kennis en handreiking' }).click();
    await team.check('kennis (team)');
    await tessa.getByRole('link', { name: 'Nieuw: hoofdstuk van de handreiking' }).click();
    await team.check('nieuw hoofdstuk');
    await tessa.getByLabel('Titel').fill('Werkplekbezoeken plannen');
    await tessa.getByLabel('Samenvatting').fill('Hoe vaak de docent langskomt, en wat er dan gebeurt.');
    await tessa
      .getByLabel('Tekst (Markdown)')
      .fill('Een docent bezoekt elke student **twee keer per semester** op de werkplek.\n\n## Het gesprek\n\nDrie partijen aan tafel.');
    await tessa.getByLabel('Afbeelding', { exact: true }).setInputFiles({ name: 'bezoek.png', mimeType: 'image/png', buffer: png });
    await tessa.getByRole('button', { name: 'Afbeelding in de tekst zetten' }).click();
    assert.match((await tessa.locator('.mkb-error-summary').textContent()) ?? '', /Beschrijf wat er op de afbeelding te zien is/);
    assert.equal(await tessa.getByLabel('Titel').inputValue(), 'Werkplekbezoeken plannen', 'nothing typed is lost');
    await team.check('afbeelding zonder beschrijving');
    await tessa.getByLabel('Afbeelding', { exact: true }).setInputFiles({ name: 'bezoek.png', mimeType: 'image/png', buffer: png });
    await tessa.getByLabel('Beschrijving van de afbeelding').fill('Een docent en een student aan een werkbank');
    await tessa.getByRole('button', { name: 'Afbeelding in de tekst zetten' }).click();
    assert.match(
      await tessa.getByLabel('Tekst (Markdown)').inputValue(),
      /!\[Een docent en een student aan een werkbank\]\(\/kennis\/afbeeldingen\/[0-9a-f-]{36}\)/,
    );
    await tessa.getByLabel('Hogescholen').check();
    await tessa.getByLabel('Mkb-bedrijven').check();
    await tessa.getByLabel('Praktijkbegeleiding').check();
    await tessa.getByLabel('C2 Werkplek in het mkb').check();
    await tessa.getByLabel('Deel', { exact: true }).selectOption({ label: 'De route inrichten' });
    await tessa.getByLabel('Plaats binnen het deel').fill('4');
    await tessa.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    assert.equal(await tessa.locator('.mkb-preview img').getAttribute('alt'), 'Een docent en een student aan een werkbank');
    await team.check('voorbeeld');
    await tessa.getByRole('button', { name: 'Opslaan en publiceren' }).click();
    assert.match((await tessa.locator('.mkb-notice').first().textContent()) ?? '', /Opgeslagen en gepubliceerd/);
    await team.check('hoofdstuk gepubliceerd');

    // A visitor on a phone finds it by a word in another form ("werkplekbezoek" → "werkplekbezoeken").
    const visitorContext = await browser.newContext({ locale: 'nl-NL', viewport: { width: 375, height: 812 } });
    const guest = await visitorContext.newPage();
    const visitor = new Journey(guest);
    await guest.goto(`${base}/`);
    await guest.getByRole('link', { name: 'Zoeken' }).click();
    await guest.getByLabel('Zoek in de handreiking, artikelen, documenten, verhalen en routes').fill('werkplekbezoek semester');
    await guest.getByRole('button', { name: 'Zoeken' }).click();
    await visitor.check('zoekresultaten');
    assert.match((await guest.locator('#groep-chapter').textContent()) ?? '', /Handreiking \(1\)/);
    assert.deepEqual(await guest.locator('.mkb-search-hits mark').allTextContents(), ['semester']);
    await guest.getByRole('link', { name: 'Werkplekbezoeken plannen' }).click();
    await visitor.check('hoofdstuk');
    assert.equal(await guest.getByRole('img').first().getAttribute('alt'), 'Een docent en een student aan een werkbank');
    assert.match((await guest.locator('main').textContent()) ?? '', /Laatst beoordeeld op/);
    assert.match((await guest.getByRole('link', { name: /^Vorige:/ }).textContent()) ?? '', /Salaris en scholingsregelingen/);

    // The visitor prints the whole guide: no menus, each chapter on its own page, the edition on every page.
    await guest.getByRole('link', { name: 'Inhoud', exact: true }).click();
    await visitor.check('handreiking');
    await guest.getByRole('link', { name: 'De hele handreiking afdrukken' }).click();
    await visitor.check('handreiking afdrukken (scherm)');
    await guest.emulateMedia({ media: 'print' });
    await visitor.check('handreiking afdrukken (print)');
    assert.equal(await guest.locator('header.mkb-header').isVisible(), false, 'no menus in print');
    assert.equal(await guest.locator('.mkb-print-chapter').count(), 8);
    assert.equal(
      await guest
        .locator('.mkb-print-chapter')
        .first()
        .evaluate((e) => getComputedStyle(e).breakBefore),
      'page',
    );
    assert.equal(await guest.locator('.mkb-running').evaluate((e) => getComputedStyle(e).position), 'fixed');
    assert.match(
      (await guest.locator('.mkb-running').textContent()) ?? '',
      /Handreiking Mkb-route in het hbo · editie \d+ \w+ \d{4} · http:\/\/127\.0\.0\.1:\d+\/handreiking\/afdrukken/,
    );
    const shot = join(SHOTS, 'handreiking-print.png');
    await guest.screenshot({ path: shot, fullPage: true });
    assert.ok(statSync(shot).size > 10_000, 'the print view was rendered');
    await guest.emulateMedia({ media: 'screen' });

    // An accepted route whose C2 was "voldoet deels" prints its own handout, with the new chapter in it.
    const anna = await user(db, 'anna@avans.nl', 'applicant', { name: 'Anna Aanvrager' });
    const made = await registration({ db, config: site.config }, 'accepted', {
      applicant: anna,
      verdicts: {
        C1: { verdict: 'meets', explanation: '' },
        C2: { verdict: 'partly', explanation: 'Eén bedrijf is groter dan 250.' },
        C3: { verdict: 'meets', explanation: '' },
        C4: { verdict: 'meets', explanation: '' },
        C5: { verdict: 'meets', explanation: '' },
      },
    });
    const annaPage = await pageAs(browser, await signIn(site.app, db, 'anna@avans.nl'), base);
    const school = new Journey(annaPage);
    await annaPage.goto(`${base}/mijn`);
    await school.check('mijn');
    await annaPage.getByRole('link', { name: /Handreiking voor deze route/ }).click();
    assert.equal(new URL(annaPage.url()).pathname, `/mijn/handreiking/${made.id}`);
    await school.check('handout (scherm)');
    const chapters = await annaPage.locator('.mkb-print-chapter h2').allTextContents();
    assert.ok(chapters.includes('Werkplekbezoeken plannen'), chapters.join(', '));
    assert.ok(chapters.includes('De werkplek in het mkb en de praktijkbegeleider'));
    assert.ok(!chapters.includes('Salaris en scholingsregelingen'), 'only chapters for its open items');
    await annaPage.emulateMedia({ media: 'print' });
    await school.check('handout (print)');
    assert.match((await annaPage.locator('.mkb-running').textContent()) ?? '', /^Handreiking voor MKB-\d{4}-\d{4} · /);
    await annaPage.screenshot({ path: join(SHOTS, 'handout-print.png'), fullPage: true });

    for (const j of [team, visitor, school]) {
      assert.deepEqual(j.violations, {});
      assert.deepEqual(j.overflow, {}, 'no page wider than the window');
    }
    await visitorContext.close();
  });
});
