import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { addOrganisation } from '../../src/features/network/index.ts';
import { registration, user } from '../factories.ts';
import { Client, lastMailTo, signIn } from '../helpers.ts';
import { Journey, launchBrowser, pageAs, startSite } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('network journey (Chromium + axe-core)', () => {
  test('a company signs up → confirms → the team merges a duplicate → a suggestion on a route with its reasons → introduction → both "ja" → the mail in the mailbox', async (t) => {
    const site = await startSite(t);
    const base = site.url;
    const team = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna Ad' });
    const route = await registration(site, 'accepted', {
      applicant: anna,
      team,
      answers: {
        opleiding: { sector: 'F', province: 'Gelderland' },
        deelname: { participation: 'pilot', support_needs: 'Praktijkbegeleiders op de bouwplaats', themes: 'supervision' },
      },
    });
    // The same company, entered earlier by the team without a KvK number.
    const earlier = await addOrganisation(site.db, team, {
      name: 'Bouwbedrijf Jansen B.V.',
      kind: 'anders',
      province: 'Gelderland',
      place: 'Arnhem',
      offers: 'gastlessen',
    });
    assert.ok(earlier.ok);

    // 1. The company signs up in the browser.
    const visitor = await (await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } })).newPage();
    const v = new Journey(visitor);
    await visitor.goto(`${base}/netwerk`);
    await v.check('netwerk leeg');
    await visitor.getByRole('link', { name: 'Meld uw organisatie aan' }).click();
    await visitor.getByLabel('Naam van de organisatie').fill('Bouwbedrijf Jansen');
    await visitor.getByRole('radio', { name: 'Mkb-bedrijf' }).check();
    await visitor.getByLabel(/^KvK-nummer/).fill('8765432');
    await visitor.getByRole('checkbox', { name: /^F – / }).check();
    await visitor.getByLabel('Provincie').selectOption('Gelderland');
    await visitor.getByLabel(/^Plaats/).fill('Arnhem');
    await visitor.getByRole('checkbox', { name: 'Leerwerkplekken' }).check();
    await visitor.getByRole('checkbox', { name: 'Praktijkbegeleiders' }).check();
    await visitor.getByLabel('Naam contactpersoon').fill('Jan Jansen');
    await visitor.getByLabel('E-mailadres contactpersoon').fill('jan@jansenbouw.nl');
    await visitor.getByRole('checkbox', { name: /mag met naam, plaats/ }).check();
    await visitor.getByRole('button', { name: 'Stuur de bevestigingslink' }).click();
    // A KvK number of seven digits: a message on the field, nothing typed lost.
    assert.match((await visitor.locator('.mkb-error-summary').textContent()) ?? '', /Een KvK-nummer heeft precies 8 cijfers/);
    assert.equal(await visitor.getByLabel('Naam contactpersoon').inputValue(), 'Jan Jansen');
    await v.check('aanmelden fout');
    await visitor.getByLabel(/^KvK-nummer/).fill('87654321');
    await visitor.getByRole('button', { name: 'Stuur de bevestigingslink' }).click();
    assert.match((await visitor.locator('.mkb-notice').textContent()) ?? '', /bevestigingslink naar jan@jansenbouw\.nl/);
    await v.check('aanmelden verstuurd');

    // 2. The link in the mail, then the button (a mail scanner opening the link confirms nothing).
    const mail = await lastMailTo(site.db, 'jan@jansenbouw.nl');
    const link = /http:\/\/\S+\/netwerk\/bevestigen\?token=\S+/.exec(mail?.body_text ?? '')?.[0] ?? '';
    await visitor.goto(link.replace(/^http:\/\/[^/]+/, base));
    await v.check('bevestigen');
    await visitor.getByRole('button', { name: 'Bevestigen' }).click();
    assert.match((await visitor.locator('.mkb-notice').textContent()) ?? '', /Uw organisatie is aangemeld/);

    // 3. The team sees the new sign-up flagged as a possible duplicate and merges the earlier record into it.
    const teamPage = await pageAs(browser, await signIn(site.app, site.db, 'tessa@programma.nl'), base);
    const j = new Journey(teamPage);
    await teamPage.goto(`${base}/beheer`);
    assert.match((await teamPage.locator('main').textContent()) ?? '', /1 nieuwe aanmelding/);
    await teamPage.locator('main').getByRole('link', { name: 'Netwerk' }).click();
    await teamPage.getByLabel('Status').selectOption('dubbel');
    await teamPage.getByRole('button', { name: 'Filteren' }).click();
    await j.check('netwerk dubbel');
    await teamPage.getByRole('link', { name: 'Bouwbedrijf Jansen', exact: true }).click();
    await teamPage.getByLabel('Samenvoegen met').selectOption({ label: 'Bouwbedrijf Jansen B.V. (zelfde naam in Arnhem)' });
    await teamPage.getByRole('button', { name: 'Samenvoegen in dit record' }).click();
    assert.match((await teamPage.locator('.mkb-notice').first().textContent()) ?? '', /De twee records zijn samengevoegd/);
    assert.equal(
      await teamPage.getByRole('checkbox', { name: 'Gastlessen' }).isChecked(),
      true,
      'the survivor took what the other offered',
    );
    await j.check('samengevoegd');

    // 4. The route's suggestions, with their reasons; the team proposes an introduction.
    await teamPage.goto(`${base}/beheer/aanmeldingen/${route.id}`);
    await teamPage.getByRole('link', { name: 'Passende partners uit het netwerk' }).click();
    const reasons = (await teamPage.locator('main .mkb-item').first().textContent()) ?? '';
    assert.match(reasons, /Bouwbedrijf Jansen/);
    assert.match(reasons, /sector bouwnijverheid: ja/);
    assert.match(reasons, /provincie Gelderland: ja/);
    assert.match(reasons, /zoekt praktijkbegeleiders: ja/);
    await j.check('suggesties');
    await teamPage.getByLabel('Toelichting in de mail').fill('Jullie zoeken allebei praktijkbegeleiders.');
    await teamPage.getByRole('button', { name: 'Kennismaking voorstellen' }).click();
    assert.match((await teamPage.locator('.mkb-notice').first().textContent()) ?? '', /de organisatie is gevraagd/);

    // 5. The company says yes, then the route's contact.
    const answer = async (to: string, label: string) => {
      const body = (await lastMailTo(site.db, to))?.body_text ?? '';
      const url = /http:\/\/\S+\/netwerk\/introductie\/\S+/.exec(body)?.[0] ?? '';
      const page = await (await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } })).newPage();
      const pj = new Journey(page);
      await page.goto(url.replace(/^http:\/\/[^/]+/, base));
      await pj.check(label);
      await page.getByRole('button', { name: 'Ja, graag' }).click();
      assert.match((await page.locator('.mkb-notice').textContent()) ?? '', /uw antwoord is vastgelegd/);
      await pj.check(`${label} ja`);
      return pj;
    };
    const orgJourney = await answer('jan@jansenbouw.nl', 'organisatie gevraagd');
    const routeJourney = await answer('anna@avans.nl', 'route gevraagd');

    // 6. The introduction mail, in the dev mailbox, to both.
    await teamPage.goto(`${base}/dev/mailbox`);
    const rows = (await teamPage.locator('main tbody').textContent()) ?? '';
    assert.match(rows, /Kennismaking: Bouwbedrijf Jansen en Ad Technische Bedrijfskunde/);
    await teamPage
      .getByRole('row', { name: /jan@jansenbouw\.nl/ })
      .filter({ hasText: /Kennismaking: Bouwbedrijf Jansen/ })
      .getByRole('link')
      .first()
      .click();
    const text = (await teamPage.locator('main').textContent()) ?? '';
    assert.match(text, /Contactpersoon: Anna Ad <anna@avans\.nl>/);
    assert.match(text, /Contactpersoon: Jan Jansen <jan@jansenbouw\.nl>/);
    await j.check('mail kennismaking');

    // The directory shows the company now (the merge made it active); its page names no contact person.
    const anonymous = new Client(site.app);
    assert.match((await anonymous.get('/netwerk')).body, /Bouwbedrijf Jansen/);
    await visitor.goto(`${base}/netwerk/bouwbedrijf-jansen`);
    assert.doesNotMatch((await visitor.locator('main').textContent()) ?? '', /Jan Jansen/);
    await v.check('organisatie openbaar');
    assert.deepEqual({ ...v.violations, ...j.violations, ...orgJourney.violations, ...routeJourney.violations }, {});
    assert.deepEqual({ ...v.overflow, ...j.overflow, ...orgJourney.overflow, ...routeJourney.overflow }, {});
  });
});
