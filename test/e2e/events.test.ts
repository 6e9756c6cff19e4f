import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { ensureUser } from '../../src/features/accounts/index.ts';
import { signIn } from '../helpers.ts';
import { Journey, launchBrowser, pageAs, startSite } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('events journey (Chromium + axe-core)', () => {
  test('team publishes → a guest registers through the confirmation mail → full → the next waits → a cancel → the offer mail → "Ik kom" → attendance → CSV', async (t) => {
    const site = await startSite(t);
    const base = site.url;
    const { db } = site;
    await ensureUser(db, { email: 'tessa@programma.nl', role: 'team', name: 'Tessa Team' });
    await ensureUser(db, { email: 'anna@avans.nl', role: 'applicant', name: 'Anna Aanvrager', institutionBrin: '07GR' });
    const tessa = await pageAs(browser, await signIn(site.app, db, 'tessa@programma.nl'), base);
    const anna = await pageAs(browser, await signIn(site.app, db, 'anna@avans.nl'), base);
    const guestContext = await browser.newContext({ locale: 'nl-NL', viewport: { width: 375, height: 812 } });
    const guest = await guestContext.newPage();
    const team = new Journey(tessa);
    const visitor = new Journey(guest);
    const school = new Journey(anna);
    const mailTo = async (to: string, subject: string) => {
      const m = await db
        .selectFrom('outbox')
        .selectAll()
        .where('to_address', '=', to)
        .where('subject', 'like', `${subject}%`)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      assert.ok(m, `a mail "${subject}" to ${to}`);
      return m;
    };
    const linkIn = (text: string, after: string) => {
      const m = new RegExp(`${after}:?\\n(http\\S+)`).exec(text) ?? /(http\S+bevestigen\?token=\S+)/.exec(text);
      assert.ok(m?.[1], `a link after "${after}" in:\n${text}`);
      return (m[1] as string).replace('http://localhost:3000', base);
    };

    // The team publishes a meeting with one place and a waiting list; a wrong end time is caught first.
    const day = DateTime.now().setZone('Europe/Amsterdam').plus({ days: 8 }).toISODate() ?? '';
    await tessa.goto(`${base}/beheer`);
    await tessa.locator('main').getByRole('link', { name: 'Bijeenkomsten' }).click();
    await team.check('bijeenkomsten (team)');
    await tessa.getByRole('link', { name: 'Nieuwe bijeenkomst' }).click();
    await team.check('nieuwe bijeenkomst');
    await tessa.getByLabel('Titel').fill('Leernetwerk praktijkbegeleiding');
    await tessa.getByLabel('Beschrijving').fill('Twee routes vertellen hoe zij **begeleiding** regelen.');
    await tessa.getByLabel('Op locatie', { exact: true }).check();
    await tessa.getByLabel('Adres').fill('Jaarbeurs, Utrecht');
    await tessa.getByLabel('Datum', { exact: true }).fill(day);
    await tessa.getByLabel('Begintijd').fill('14:00');
    await tessa.getByLabel('Eindtijd').fill('13:00');
    await tessa.getByLabel('Aantal plaatsen').fill('1');
    await tessa.getByRole('button', { name: 'Opslaan en publiceren' }).click();
    assert.match(await tessa.locator('.mkb-error-summary').innerText(), /De eindtijd ligt voor of op de begintijd/);
    assert.equal(await tessa.getByLabel('Titel').inputValue(), 'Leernetwerk praktijkbegeleiding', 'nothing typed is lost');
    await team.check('formulier met fout');
    await tessa.getByLabel('Eindtijd').fill('16:00');
    await tessa.getByRole('button', { name: 'Opslaan en publiceren' }).click();
    assert.match(await tessa.locator('.mkb-notice').first().innerText(), /gepubliceerd/);
    await team.check('bijeenkomst (team)');
    const eventUrl = new URL(tessa.url()).pathname.replace('/beheer', '');

    // A guest registers with name and address, and confirms through the mail.
    await guest.goto(`${base}/bijeenkomsten`);
    await visitor.check('bijeenkomsten');
    await guest.getByRole('link', { name: 'Leernetwerk praktijkbegeleiding' }).click();
    assert.match(await guest.locator('main').innerText(), /Nog 1 plek/);
    assert.equal(await guest.locator('script[type="application/ld+json"]').count(), 1);
    await visitor.check('bijeenkomst');
    await guest.getByRole('link', { name: /Aanmelden met naam en e-mailadres/ }).click();
    await guest.getByLabel('Uw naam').fill('Gijs Gast');
    await guest.getByLabel('Uw e-mailadres').fill('gijs@bouwbedrijf.nl');
    await guest.getByRole('button', { name: 'Stuur de bevestigingslink' }).click();
    assert.match(await guest.locator('.mkb-notice').innerText(), /bevestigingslink gestuurd naar gijs@bouwbedrijf\.nl/);
    await visitor.check('link verstuurd');
    assert.equal(
      await db
        .selectFrom('event_registrations')
        .select('id')
        .execute()
        .then((r) => r.length),
      0,
      'nothing registered before the click',
    );
    const confirm = await mailTo('gijs@bouwbedrijf.nl', 'Bevestig uw aanmelding');
    await guest.goto(linkIn(confirm.body_text, 'bevestigen'));
    await visitor.check('bevestigen');
    await guest.getByRole('button', { name: 'Bevestig mijn aanmelding' }).click();
    assert.match(await guest.locator('.mkb-notice').innerText(), /U bent aangemeld/);
    assert.match(await guest.locator('main').innerText(), /Status\s+Aangemeld/);
    await visitor.check('aanmelding (gast)');
    const confirmed = await mailTo('gijs@bouwbedrijf.nl', 'Aangemeld');
    assert.match(confirmed.body_text, /Waar: Jaarbeurs, Utrecht/);
    assert.match(String(confirmed.attachments), /bijeenkomst\.ics/);

    // Full now: Anna, signed in, joins the waiting list in one click and sees her place on /mijn.
    await anna.goto(`${base}${eventUrl}`);
    assert.match(await anna.locator('main').innerText(), /op volgorde van aanmelding/);
    await school.check('bijeenkomst vol (ingelogd)');
    await anna.getByRole('button', { name: 'Op de wachtlijst' }).click();
    assert.match(await anna.locator('.mkb-notice').innerText(), /u staat op de wachtlijst/);
    assert.match(await anna.locator('main').innerText(), /plaats 1 op de wachtlijst/);
    await school.check('op de wachtlijst');
    await anna.goto(`${base}/mijn`);
    assert.match(await anna.locator('main').innerText(), /Leernetwerk praktijkbegeleiding.*Op de wachtlijst, plaats 1/);
    await school.check('mijn omgeving');

    // Gijs cancels: Anna gets the seat offered, held for 48 hours, and says "Ik kom" from the mail.
    await guest.getByRole('button', { name: 'Afmelden' }).click();
    assert.match(await guest.locator('.mkb-notice').innerText(), /U bent afgemeld/);
    await visitor.check('afgemeld');
    const offer = await mailTo('anna@avans.nl', 'Er is een plek voor u vrij');
    await anna.goto(linkIn(offer.body_text, 'Ik kom'));
    await school.check('ik kom');
    await anna.getByRole('button', { name: 'Ik kom' }).click();
    assert.match(await anna.locator('.mkb-notice').innerText(), /uw plek is bevestigd/);
    await school.check('plek bevestigd');
    // The same link again: a clear page, nothing changes.
    await anna.goto(linkIn(offer.body_text, 'Ik kom'));
    await anna.getByRole('button', { name: 'Ik kom' }).click();
    assert.match(await anna.locator('.mkb-notice').innerText(), /U had uw plek al bevestigd/);

    // On the day: the team moves it to today, and marks Anna present by her code; the list as CSV.
    const today = DateTime.now().setZone('Europe/Amsterdam').toISODate() ?? '';
    await tessa.getByRole('link', { name: 'Wijzigen' }).click();
    await tessa.getByLabel('Datum', { exact: true }).fill(today);
    await tessa.getByLabel('Begintijd').fill('00:00');
    await tessa.getByLabel('Eindtijd').fill('23:59');
    await tessa.getByRole('button', { name: 'Opslaan en publiceren' }).click();
    assert.match(await tessa.locator('.mkb-notice').first().innerText(), /opgeslagen/);
    assert.match((await mailTo('anna@avans.nl', 'Gewijzigd')).body_text, /Wanneer: .*00:00–23:59 uur/);
    const code = (await db.selectFrom('event_registrations').select('code').where('email', '=', 'anna@avans.nl').executeTakeFirstOrThrow())
      .code;
    await tessa.getByLabel('Persoonlijke code').fill('ZZZ999');
    await tessa.getByRole('button', { name: 'Aanwezig melden' }).click();
    assert.match(await tessa.locator('.mkb-error-summary').innerText(), /geen aanmelding met deze code/);
    await team.check('onbekende code');
    await tessa.getByLabel('Persoonlijke code').fill(code.toLowerCase());
    await tessa.getByRole('button', { name: 'Aanwezig melden' }).click();
    assert.match(await tessa.locator('.mkb-notice').first().innerText(), /Aanwezigheid vastgelegd/);
    assert.match(await tessa.getByRole('row', { name: /Anna Aanvrager/ }).innerText(), /Aanwezig/);
    await team.check('aanwezigheid');
    const csvHref = await tessa.getByRole('link', { name: /Deelnemerslijst als CSV \(2 rijen\)/ }).getAttribute('href');
    const csv = await (await tessa.request.get(`${base}${csvHref}`)).text();
    const rows = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(rows.length, 3);
    assert.match(rows.find((r) => r.startsWith('Anna')) ?? '', /^Anna Aanvrager,anna@avans\.nl,Aangemeld,Aanwezig,/);
    assert.match(rows.find((r) => r.startsWith('Gijs')) ?? '', /^Gijs Gast,gijs@bouwbedrijf\.nl,Afgemeld,,/);

    for (const j of [team, visitor, school]) {
      assert.deepEqual(j.violations, {});
      assert.deepEqual(j.overflow, {}, 'no page wider than the window');
    }
    await guestContext.close();
  });
});
