import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureUser } from '../../src/features/accounts/index.ts';
import { signIn } from '../helpers.ts';
import { applicant, fillAll, startDraft, submit } from '../registration-fixtures.ts';
import { Journey, launchBrowser, pageAs, startSite } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('assessment journey (Chromium + axe-core)', () => {
  test('assign → assess C1…C5 → request info on C3 → applicant edits only C3 → change shown → accept as pilot → mail and status → audit in order', async (t) => {
    const site = await startSite(t);
    const base = site.url;
    const anna = await applicant(site.app, site.db, 'anna@avans.nl');
    const id = await startDraft(anna);
    await fillAll(anna, id);
    await submit(anna, id);
    await ensureUser(site.db, { email: 'tessa@programma.nl', role: 'team', name: 'Tessa Team' });
    const tessa = await pageAs(browser, await signIn(site.app, site.db, 'tessa@programma.nl'), base);
    const annaPage = await pageAs(browser, anna, base);
    const team = new Journey(tessa);
    const hogeschool = new Journey(annaPage);
    const future = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

    // Queue → assessment page → assign.
    await tessa.goto(`${base}/beheer`);
    await team.check('beheer');
    await tessa.getByRole('link', { name: 'Aanmeldingen beoordelen' }).click();
    await team.check('wachtrij');
    await tessa.getByRole('link', { name: /MKB-\d{4}-0001/ }).click();
    await team.check('beoordelen');
    await tessa.getByLabel(/Tessa Team/).check();
    await tessa.getByRole('button', { name: 'Beoordelaars opslaan' }).click();
    await team.check('toegewezen');
    assert.match((await tessa.locator('main').textContent()) ?? '', /In beoordeling/);

    // Assess C1…C5: first without the C3 explanation.
    for (const code of ['C1', 'C2', 'C4', 'C5'])
      await tessa
        .getByRole('group', { name: `Oordeel ${code}` })
        .getByLabel('Voldoet', { exact: true })
        .check();
    await tessa.getByRole('group', { name: 'Oordeel C3' }).getByLabel('Voldoet deels').check();
    await tessa.getByRole('group', { name: 'Advies' }).getByLabel('Aanvulling vragen').check();
    await tessa.getByRole('button', { name: 'Beoordeling indienen' }).click();
    assert.equal(await tessa.locator('#foutoverzicht a').textContent(), 'Licht het oordeel over C3 toe');
    await team.check('beoordelen met fout');
    await tessa.getByLabel('Toelichting C3').fill('Het model van de overeenkomst ontbreekt.');
    await tessa.getByRole('button', { name: 'Beoordeling indienen' }).click();
    assert.match((await tessa.locator('.mkb-notice').first().textContent()) ?? '', /Je beoordeling is ingediend/);

    // Request information on C3, via the preview.
    await tessa.getByRole('group', { name: 'Wat besluit het team?', exact: true }).getByLabel('Aanvulling vragen').check();
    await tessa.getByLabel('Criterium 3: driepartijenovereenkomst').check();
    await tessa.getByLabel('Uiterste datum').fill(future);
    await tessa.getByLabel('Bericht aan de hogeschool').fill('Wilt u het model van de overeenkomst toevoegen?');
    await tessa.getByRole('button', { name: 'Voorbeeld van de e-mail bekijken' }).click();
    assert.match((await tessa.locator('.mkb-mail').textContent()) ?? '', /meer informatie nodig over: C3 driepartijenovereenkomst/);
    await team.check('voorbeeld besluit');
    await tessa.getByRole('button', { name: 'Besluit nemen en e-mail versturen' }).click();
    await team.check('besluit genomen');
    assert.match((await tessa.locator('main').textContent()) ?? '', /Aanvulling gevraagd/);

    // The applicant sees the request, can open only C3, and resubmits.
    await annaPage.goto(`${base}/aanmeldingen/${id}`);
    assert.match((await annaPage.locator('#besluit-titel').textContent()) ?? '', /Aanvulling gevraagd/);
    await hogeschool.check('aanvulling gevraagd');
    await annaPage.getByRole('link', { name: 'Aanvulling invullen' }).click();
    assert.deepEqual(
      await annaPage.locator('.mkb-steps a').allTextContents(),
      ['6. Criterium 3: driepartijenovereenkomst', 'Overzicht en indienen'],
      'only C3 and the summary are open',
    );
    await annaPage.getByLabel('Soort overeenkomst').fill('Leerwerkovereenkomst met model');
    await hogeschool.check('aanvulling C3');
    await annaPage.getByRole('button', { name: 'Opslaan en volgende' }).click();
    await hogeschool.check('overzicht aanvulling');
    await annaPage.getByLabel(/Ik verklaar/).check();
    await annaPage.getByRole('button', { name: 'Aanmelding indienen' }).click();
    await hogeschool.check('aanvulling ingediend');
    assert.match((await annaPage.locator('main').textContent()) ?? '', /Ingediend/);

    // The assessor sees what changed, and accepts as pilot partner.
    await tessa.goto(`${base}/beheer/aanmeldingen/${id}`);
    const changes = (await tessa.locator('.mkb-changes').textContent()) ?? '';
    assert.match(changes, /PraktijkovereenkomstLeerwerkovereenkomst met model/);
    await team.check('wijzigingen');
    await tessa.getByRole('button', { name: 'Beoordeling starten' }).click();
    await team.check('beoordeling gestart');
    // Version 2 needs its own assessment before the decision form appears (issue 11, item 6).
    assert.match(
      (await tessa.locator('section[aria-labelledby="besluit-titel"]').textContent()) ?? '',
      /Het besluit volgt op ten minste één ingediende beoordeling van deze versie/,
    );
    for (const code of ['C1', 'C2', 'C3', 'C4', 'C5'])
      await tessa
        .getByRole('group', { name: `Oordeel ${code}` })
        .getByLabel('Voldoet', { exact: true })
        .check();
    await tessa.getByRole('group', { name: 'Advies' }).getByLabel('Toelaten').check();
    await tessa.getByRole('group', { name: 'Voorgestelde deelname (bij toelaten)' }).getByLabel('Pilotpartner').check();
    await tessa.getByRole('button', { name: 'Beoordeling indienen' }).click();
    await tessa.getByRole('group', { name: 'Wat besluit het team?', exact: true }).getByLabel('Toelaten').check();
    await tessa.getByRole('group', { name: 'Toelaten als (bij toelaten)' }).getByLabel('Pilotpartner').check();
    await tessa.getByLabel('Bericht aan de hogeschool').fill('Welkom in het programma.');
    await tessa.getByRole('button', { name: 'Voorbeeld van de e-mail bekijken' }).click();
    await tessa.getByRole('button', { name: 'Besluit nemen en e-mail versturen' }).click();
    await team.check('besluit genomen');

    // The applicant: the mail, and the status.
    await annaPage.goto(`${base}/dev/mailbox`);
    await annaPage
      .getByRole('link', { name: /is toegelaten/ })
      .first()
      .click();
    assert.match((await annaPage.locator('.mkb-mail').textContent()) ?? '', /U doet mee als pilotpartner\./);
    await annaPage.goto(`${base}/mijn`);
    assert.equal(await annaPage.locator('.mkb-state').first().textContent(), 'Toegelaten als pilotpartner');
    await hogeschool.check('mijn toegelaten');

    // The audit trail, in order.
    await tessa.goto(`${base}/beheer/aanmeldingen/${id}`);
    const rows = (await tessa.locator('.mkb-audit tbody tr td:nth-child(3)').allTextContents()).map((r) => r.replace(/ \(.*\)$/, ''));
    assert.deepEqual(
      rows.filter((r) => r !== 'E-mail in de wachtrij'),
      [
        'Aanmelding begonnen',
        'Ingediend',
        'Beoordelaars toegewezen',
        'Beoordeling gestart',
        'Beoordeling ingediend',
        'Besluit: aanvulling gevraagd',
        'Ingediend',
        'Beoordeling gestart',
        'Beoordeling ingediend',
        'Besluit: toegelaten',
        'Uitgenodigd voor het startgesprek',
      ],
    );
    // Without SMTP nothing leaves the outbox, so the trail says the decision mails are queued, not sent.
    assert.equal(rows.filter((r) => r === 'E-mail in de wachtrij').length, 4);
    assert.equal(rows.filter((r) => r === 'E-mail verstuurd').length, 0);
    await team.check('audit na besluit');
    assert.deepEqual(team.violations, {});
    assert.deepEqual(team.overflow, {}, 'no page wider than the window');
    assert.deepEqual(hogeschool.violations, {});
    assert.deepEqual(hogeschool.overflow, {}, 'no page wider than the window');
  });
});
