import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** Signs in the way a person does: the form, the dev mailbox, the link, the button. */
async function signInThroughMailbox(journey: Journey, base: string, email: string) {
  const { page } = journey;
  await page.goto(`${base}/inloggen`);
  await journey.check('inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await page.waitForURL(`${base}/inloggen/verstuurd`);
  assert.equal(await page.locator('h1').textContent(), 'Kijk in uw mailbox');
  await journey.check('link verstuurd');
  await page.goto(`${base}/dev/mailbox`);
  await journey.check('postvak');
  await page
    .getByRole('row', { name: new RegExp(email.replace('.', '\\.')) })
    .getByRole('link')
    .first()
    .click();
  await journey.check('bericht in postvak');
  await page.locator('.mkb-mail a').click();
  assert.equal(await page.locator('h1').textContent(), 'Inloggen bevestigen');
  await journey.check('inloggen bevestigen');
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('browser journeys (Chromium + axe-core)', () => {
  test('the public pages, keyboard first: skip link, navigation, 404; axe finds nothing', async (t) => {
    const site = await startSite(t);
    const page = await newPage();
    const journey = new Journey(page);
    await page.goto(`${site.url}/`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Naar de inhoud');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud');
    await journey.check('home');
    for (const label of ['Het programma', 'Criteria', 'Wat we bieden', 'Deelnemen', 'Contact']) {
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: label }).click();
      assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).locator('[aria-current="page"]').textContent(), label);
      if (label === 'Criteria') assert.equal(await page.locator('.mkb-criteria li').count(), 5);
      await journey.check(label);
    }
    for (const label of ['Privacyverklaring', 'Toegankelijkheidsverklaring']) {
      await page.getByRole('contentinfo').getByRole('link', { name: label }).click();
      assert.equal(await page.locator('h1').textContent(), label);
      await journey.check(label);
    }
    const missing = await page.goto(`${site.url}/bestaat-niet`);
    assert.equal(missing?.status(), 404);
    await journey.check('404');
    assert.deepEqual(journey.violations, {});
    assert.deepEqual(journey.overflow, {}, 'no page wider than the window');
    assert.equal(journey.visited.length, 9);
  });

  test('sign-in round trip through the dev mailbox, with the error state first; then sign out', async (t) => {
    const site = await startSite(t);
    await ensureUser(site.db, { email: 'team@programma.nl', role: 'team', name: 'Tessa Team' });
    const page = await newPage();
    const journey = new Journey(page);

    await page.goto(`${site.url}/inloggen`);
    await page.getByLabel('E-mailadres').fill('geen adres');
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    assert.equal(await page.locator('#foutoverzicht h2').textContent(), 'Er is 1 fout in het formulier');
    assert.equal(await page.getByLabel('E-mailadres').inputValue(), 'geen adres');
    assert.equal(await page.getByLabel('E-mailadres').getAttribute('aria-invalid'), 'true');
    await journey.check('inloggen met fout');
    await page.locator('#foutoverzicht a').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'veld-email');

    await signInThroughMailbox(journey, site.url, 'team@programma.nl');
    await page.waitForURL(`${site.url}/mijn?welkom=1`);
    assert.equal(await page.locator('.mkb-notice').textContent(), 'U bent ingelogd.');
    assert.match((await page.locator('main').textContent()) ?? '', /Tessa Team/);
    await journey.check('mijn omgeving');

    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.waitForURL(`${site.url}/inloggen?uitgelogd=1`);
    assert.equal(await page.locator('.mkb-notice').textContent(), 'U bent uitgelogd.');
    await journey.check('uitgelogd');
    await page.goto(`${site.url}/mijn`);
    assert.equal(page.url(), `${site.url}/inloggen?terug=%2Fmijn`);
    await journey.check('inloggen na uitloggen');
    assert.deepEqual(journey.violations, {});
    assert.deepEqual(journey.overflow, {}, 'no page wider than the window');
  });

  test('a new address of a hogeschool domain is tied to it and arrives signed in', async (t) => {
    const site = await startSite(t);
    const page = await newPage();
    const journey = new Journey(page);
    await signInThroughMailbox(journey, site.url, 'nieuw@han.nl');
    await page.waitForURL(`${site.url}/inloggen/hogeschool`);
    assert.match((await page.locator('.mkb-lead').textContent()) ?? '', /hoort bij Hogeschool van Arnhem en Nijmegen/);
    await journey.check('account aanmaken met hogeschool');
    await page.getByLabel('Uw naam').fill('Hanna');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.waitForURL(`${site.url}/mijn?welkom=1`);
    assert.match((await page.locator('main').textContent()) ?? '', /Hogeschool van Arnhem en Nijmegen/);
    await journey.check('mijn omgeving aanvrager');
    assert.deepEqual(journey.violations, {});
    assert.deepEqual(journey.overflow, {}, 'no page wider than the window');
  });

  test('an address of no hogeschool asks to be linked; the team approves; the person can register', async (t) => {
    const site = await startSite(t);
    await ensureUser(site.db, { email: 'team@programma.nl', role: 'team' });
    const page = await newPage();
    const journey = new Journey(page);
    await signInThroughMailbox(journey, site.url, 'docent@gmail.com');
    await page.waitForURL(`${site.url}/inloggen/hogeschool`);
    await journey.check('account aanmaken zonder hogeschool');
    await page.getByLabel('Koppeling aanvragen bij').selectOption({ label: 'Avans Hogeschool (Tilburg)' });
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    assert.equal(
      await page.locator('#foutoverzicht a').textContent(),
      'Schrijf kort waarom u bij deze hogeschool hoort, bijvoorbeeld uw functie',
    );
    await journey.check('account aanmaken met fout');
    await page.getByLabel('Toelichting voor het programmateam').fill('Docent bij Avans, via een detacheringsbureau.');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.waitForURL(`${site.url}/mijn?welkom=1`);
    assert.match((await page.locator('#koppeling-titel + p').textContent()) ?? '', /om een koppeling aan Avans Hogeschool/);
    await journey.check('mijn zonder hogeschool');

    const team = await newPage();
    const teamJourney = new Journey(team);
    await signInThroughMailbox(teamJourney, site.url, 'team@programma.nl');
    await team.waitForURL(`${site.url}/mijn?welkom=1`);
    await team.goto(`${site.url}/beheer`);
    assert.equal(await team.locator('.mkb-card__count').filter({ hasText: 'op een besluit' }).textContent(), '1 wacht op een besluit');
    await team.getByRole('link', { name: 'Koppelverzoeken' }).click();
    await teamJourney.check('koppelverzoeken');
    await team.getByRole('link', { name: 'docent@gmail.com' }).click();
    await teamJourney.check('koppelverzoek');
    await team.getByRole('button', { name: 'Afwijzen' }).click();
    assert.equal(await team.locator('#foutoverzicht a').textContent(), 'Schrijf waarom u afwijst; de aanvrager leest dit');
    await teamJourney.check('koppelverzoek met fout');
    await team.getByRole('button', { name: 'Goedkeuren en koppelen' }).click();
    assert.equal(await team.locator('.mkb-notice').textContent(), 'Het verzoek is goedgekeurd.');
    await teamJourney.check('koppelverzoek goedgekeurd');

    await page.goto(`${site.url}/mijn`);
    assert.equal(await page.locator('#aanmeldingen-titel').textContent(), 'Aanmeldingen van Avans Hogeschool');
    await journey.check('mijn na koppeling');
    for (const j of [journey, teamJourney]) {
      assert.deepEqual(j.violations, {});
      assert.deepEqual(j.overflow, {}, 'no page wider than the window');
    }
  });

  test('a team member edits a content page in the back office: error, preview, save, public page', async (t) => {
    const site = await startSite(t);
    await ensureUser(site.db, { email: 'redactie@programma.nl', role: 'team' });
    const page = await newPage();
    const journey = new Journey(page);
    await signInThroughMailbox(journey, site.url, 'redactie@programma.nl');
    await page.waitForURL(`${site.url}/mijn?welkom=1`);

    await page.getByRole('banner').getByRole('link', { name: 'Beheer' }).click();
    await journey.check('beheer');
    await page.getByRole('link', { name: 'Bewerken Contact' }).click();
    await journey.check('pagina bewerken');
    await page.getByLabel('Titel').fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    assert.equal(await page.locator('#foutoverzicht a').textContent(), 'Vul een titel in');
    assert.match(await page.getByLabel('Tekst').inputValue(), /Programmateam Mkb-route in het hbo/, 'the text is still there');
    await journey.check('pagina bewerken met fout');

    await page.getByLabel('Titel').fill('Contact en bereikbaarheid');
    await page.getByLabel('Tekst').fill('## Telefoon\n\nWe zijn op **werkdagen** bereikbaar.');
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    assert.equal(await page.locator('#voorbeeld-titel').textContent(), 'Voorbeeld (nog niet opgeslagen)');
    await journey.check('voorbeeld');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(`${site.url}/beheer?opgeslagen=contact`);
    assert.equal(await page.locator('.mkb-notice').textContent(), 'De pagina ‘Contact en bereikbaarheid’ is opgeslagen.');
    await journey.check('beheer na opslaan');

    await page.getByRole('link', { name: '/contact' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Contact en bereikbaarheid');
    assert.equal(await page.locator('.mkb-prose strong').textContent(), 'werkdagen');
    await journey.check('contact na wijziging');
    assert.deepEqual(journey.violations, {});
    assert.deepEqual(journey.overflow, {}, 'no page wider than the window');
  });
});
