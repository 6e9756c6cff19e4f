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

const SECRET = 'een-geheim-van-de-mailserver-0123456789';

describe('support journey (Chromium + axe-core)', () => {
  test('a draft from the acceptance → request → advisor → reply by web and by mail → a note the route never sees → closed with "voorwaarde vervuld" → the condition shows as met', async (t) => {
    const site = await startSite(t, { env: { INBOUND_MAIL_SECRET: SECRET } });
    const base = site.url;
    const { db } = site;
    const tessa = await user(db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    const anna = await user(db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    await registration(site, 'accepted', { applicant: anna, team: tessa, conditions: 'Het model van de overeenkomst nasturen' });

    // The route starts from the condition of its acceptance.
    const annaPage = await pageAs(browser, await signIn(site.app, db, 'anna@avans.nl'), base);
    const school = new Journey(annaPage);
    await annaPage.goto(`${base}/mijn`);
    await school.check('mijn');
    await annaPage.getByRole('link', { name: 'Voorwaarde: Het model van de overeenkomst nasturen' }).click();
    await school.check('vraag (concept)');
    assert.match(await annaPage.getByLabel('Uw vraag').inputValue(), /Bij de toelating is als voorwaarde gesteld/);
    await annaPage.getByLabel('Thema').selectOption('agreement');
    await annaPage.getByLabel('Uw vraag').fill('Mag het model van de Metaalunie gebruikt worden?');
    await annaPage
      .getByLabel('Bijlage (niet verplicht)')
      .setInputFiles({ name: 'model.docx', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 model') });
    await annaPage.getByRole('button', { name: 'Vraag versturen' }).click();
    assert.match((await annaPage.locator('.mkb-error-summary').textContent()) ?? '', /model\.docx is eigenlijk een pdf-bestand/);
    assert.equal(
      await annaPage.getByLabel('Uw vraag').inputValue(),
      'Mag het model van de Metaalunie gebruikt worden?',
      'the text is kept',
    );
    await school.check('bijlage geweigerd');
    await annaPage
      .getByLabel('Bijlage (niet verplicht)')
      .setInputFiles({ name: 'model.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 model') });
    await annaPage.getByRole('button', { name: 'Vraag versturen' }).click();
    assert.match((await annaPage.locator('.mkb-notice').first().textContent()) ?? '', /Uw vraag is verstuurd/);
    await school.check('vraag gesteld');
    const id = new URL(annaPage.url()).pathname.split('/')[2] ?? '';

    // The team assigns the suggested advisor, answers, and writes a note.
    const teamPage = await pageAs(browser, await signIn(site.app, db, 'tessa@programma.nl'), base);
    const team = new Journey(teamPage);
    await teamPage.goto(`${base}/beheer`);
    await teamPage.locator('main').getByRole('link', { name: 'Ondersteuning' }).click();
    await team.check('wachtrij');
    await teamPage.getByRole('link', { name: /Voorwaarde: Het model/ }).click();
    await teamPage.getByRole('button', { name: 'Adviseur toewijzen' }).click();
    await teamPage.getByLabel('Bericht aan de route').fill('Ja, dat model voldoet. Stuur het getekende exemplaar mee.');
    await teamPage.getByRole('button', { name: 'Bericht versturen' }).click();
    await teamPage.getByRole('textbox', { name: 'Interne notitie' }).fill('INTERN: eerst nagaan bij de jurist.');
    await teamPage.getByRole('button', { name: 'Notitie opslaan' }).click();
    await team.check('vraag (team) met notitie');
    assert.match((await teamPage.locator('.mkb-notes').textContent()) ?? '', /INTERN: eerst nagaan bij de jurist\./);

    // Anna answers by mail (the mail server posts it to the platform); Bram's reply goes through the same door.
    const req = await db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const raw = [
      'From: Anna <anna@avans.nl>',
      `To: reply+${req.reply_token}@127.0.0.1`,
      `Subject: Re: [${req.reference}] ${req.subject}`,
      'Message-ID: <anna-1@avans.nl>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Prima, het getekende model zit in de bijlage van de volgende mail.',
      '',
      'Op 30 nov. 2026 schreef Tessa Team:',
      '> Ja, dat model voldoet.',
    ].join('\r\n');
    const posted = await site.app.inject({
      method: 'POST',
      url: '/inkomend/mail',
      payload: raw,
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${SECRET}` },
    });
    assert.equal(JSON.parse(posted.body).result, 'posted');

    // The route sees the answer and its own mail, never the note.
    await annaPage.goto(`${base}/ondersteuning/${id}`);
    const thread = (await annaPage.locator('.mkb-thread').textContent()) ?? '';
    assert.match(thread, /Ja, dat model voldoet\./);
    assert.match(thread, /Prima, het getekende model zit in de bijlage van de volgende mail\./);
    assert.doesNotMatch(thread, /Ja, dat model voldoet\.[\s\S]*Ja, dat model voldoet\./, 'the quoted history was cut');
    assert.doesNotMatch(await annaPage.content(), /INTERN/);
    await school.check('draad (route)');

    // Closed with "voorwaarde vervuld": the condition shows as met on /mijn.
    await teamPage.goto(`${base}/beheer/ondersteuning/${id}`);
    await teamPage.getByLabel('Voorwaarde vervuld').check();
    await teamPage.getByLabel('Samenvatting: wat is er gebeurd?').fill('Het getekende model is ontvangen.');
    await teamPage.getByRole('button', { name: 'Vraag afsluiten' }).click();
    assert.match((await teamPage.locator('.mkb-notice').first().textContent()) ?? '', /De vraag is afgesloten/);
    await team.check('afgesloten');
    await annaPage.goto(`${base}/mijn`);
    assert.match(
      (await annaPage.locator('#ondersteuning-titel + *, section[aria-labelledby="ondersteuning-titel"]').first().textContent()) ?? '',
      /Het model van de overeenkomst nasturen \(Ad Technische Bedrijfskunde\) — vervuld op/,
    );
    await school.check('mijn met vervulde voorwaarde');

    // Another request closed from the queue, by its checkbox (it belongs to the form below the table).
    await annaPage.goto(`${base}/mijn/ondersteuning/nieuw`);
    await annaPage.getByLabel('Thema').selectOption('funding');
    await annaPage.getByLabel('Korte titel').fill('Scholingsregeling');
    await annaPage.getByLabel('Uw vraag').fill('Welke regeling geldt voor de metaal?');
    await annaPage.getByRole('button', { name: 'Vraag versturen' }).click();
    await teamPage.goto(`${base}/beheer/ondersteuning`);
    await teamPage.getByRole('checkbox', { name: /Kies ONDS-\d{4}-0002/ }).check();
    await teamPage.getByLabel('Advies gegeven').check();
    await teamPage.getByLabel('Samenvatting: wat is er gebeurd?').fill('Beantwoord met het overzicht van de regelingen.');
    await teamPage.getByRole('button', { name: 'Gekozen vragen afsluiten' }).click();
    assert.match((await teamPage.locator('.mkb-notice').first().textContent()) ?? '', /De vraag is afgesloten/);
    await team.check('wachtrij na afsluiten');
    const states = await db.selectFrom('support_requests').select(['reference', 'state', 'outcome']).orderBy('reference').execute();
    assert.deepEqual(
      states.map((r) => [r.state, r.outcome]),
      [
        ['closed', 'condition_met'],
        ['closed', 'advice'],
      ],
    );

    for (const j of [school, team]) {
      assert.deepEqual(j.violations, {});
      assert.deepEqual(j.overflow, {}, 'no page wider than the window');
    }
  });
});
