import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
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

async function icsFromMailbox(page: Page, base: string, subject: RegExp, to: string): Promise<string> {
  await page.goto(`${base}/dev/mailbox`);
  await page
    .getByRole('row', { name: new RegExp(to.replace('.', '\\.')) })
    .filter({ hasText: subject })
    .getByRole('link')
    .first()
    .click();
  const href = await page.locator('main ul a').first().getAttribute('href');
  return (await page.request.get(`${base}${href}`)).text();
}

describe('kick-off journey (Chromium + axe-core)', () => {
  test('publish slots → accepted applicant books → both mails with .ics → reschedule (same UID, higher SEQUENCE) → host records notes → /mijn shows the meeting', async (t) => {
    const site = await startSite(t);
    const base = site.url;
    const annaClient = await applicant(site.app, site.db, 'anna@avans.nl');
    const id = await startDraft(annaClient);
    await fillAll(annaClient, id);
    await submit(annaClient, id);
    const tessaId = await ensureUser(site.db, { email: 'tessa@programma.nl', role: 'team', name: 'Tessa Team' });
    const tessaClient = await signIn(site.app, site.db, 'tessa@programma.nl');
    await tessaClient.get(`/beheer/aanmeldingen/${id}`);
    await tessaClient.post(`/beheer/aanmeldingen/${id}/toewijzen`, { members: tessaId });
    await tessaClient.get(`/beheer/aanmeldingen/${id}`);
    await tessaClient.post(`/beheer/aanmeldingen/${id}/beoordeling`, {
      ...Object.fromEntries(['C1', 'C2', 'C4', 'C5'].map((c) => [`verdict_${c}`, 'meets'])),
      verdict_C3: 'partly',
      explanation_C3: 'Model ontbreekt',
      recommendation: 'accept',
      proposed_participation: 'pilot',
      actie: 'indienen',
    });
    await tessaClient.post(`/beheer/aanmeldingen/${id}/besluit`, {
      kind: 'accept',
      participation: 'pilot',
      conditions: 'Jaarlijks monitoren',
      message: 'Welkom',
      actie: 'versturen',
    });

    const tessa = await pageAs(browser, tessaClient, base);
    const anna = await pageAs(browser, annaClient, base);
    const team = new Journey(tessa);
    const school = new Journey(anna);
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

    // The host publishes two slots.
    await tessa.goto(`${base}/beheer`);
    await team.check('beheer');
    await tessa.getByRole('link', { name: 'Startgesprekken' }).click();
    await team.check('startgesprekken');
    for (const [date, time] of [
      [day(8), '10:00'],
      [day(9), '14:30'],
    ] as const) {
      await tessa.getByLabel('Datum', { exact: true }).fill(date);
      await tessa.getByLabel('Begintijd (Nederlandse tijd)').fill(time);
      await tessa.getByLabel('Link naar het online gesprek').fill('https://meet.example/mkb');
      await tessa.getByRole('button', { name: 'Tijdstip opslaan' }).click();
      assert.equal(await tessa.locator('.mkb-notice').first().textContent(), 'De tijden zijn opgeslagen.');
    }
    await team.check('startgesprekken met tijden');

    // The applicant books from /mijn.
    await anna.goto(`${base}/mijn`);
    await school.check('mijn met uitnodiging');
    await anna.getByRole('link', { name: /Plan het startgesprek voor/ }).click();
    await school.check('boeken');
    await anna.getByLabel(/10:00–11:00 uur met Tessa Team/).check();
    await anna.getByRole('button', { name: 'Dit tijdstip boeken' }).click();
    assert.match((await anna.locator('.mkb-notice').first().textContent()) ?? '', /Het startgesprek is ingepland/);
    await school.check('geboekt');

    // Both sides got the invitation with an .ics.
    const forAnna = await icsFromMailbox(anna, base, /Startgesprek ingepland/, 'anna@avans.nl');
    const forTessa = await icsFromMailbox(anna, base, /Startgesprek ingepland/, 'tessa@programma.nl');
    await school.check('uitnodiging in postvak');
    const first = new ICAL.Event(new ICAL.Component(ICAL.parse(forAnna)).getFirstSubcomponent('vevent') ?? undefined);
    const hostCopy = new ICAL.Event(new ICAL.Component(ICAL.parse(forTessa)).getFirstSubcomponent('vevent') ?? undefined);
    assert.equal(first.uid, hostCopy.uid);
    assert.equal(first.sequence, 1);

    // Reschedule to the other slot.
    await anna.goto(`${base}/mijn`);
    await anna.getByRole('link', { name: /Startgesprek Ad Technische Bedrijfskunde/ }).click();
    await school.check('gesprek om te verzetten');
    await anna
      .getByRole('group', { name: /Kies een tijdstip/ })
      .getByLabel(/14:30–15:30 uur/)
      .check();
    await anna.getByLabel('Reden van verzetten').fill('Examencommissie op die dag');
    await anna.getByRole('button', { name: 'Verzetten' }).click();
    assert.match((await anna.locator('.mkb-notice').first().textContent()) ?? '', /verzet/);
    await school.check('verzet');
    const update = await icsFromMailbox(anna, base, /Startgesprek verzet/, 'anna@avans.nl');
    const moved = new ICAL.Event(new ICAL.Component(ICAL.parse(update)).getFirstSubcomponent('vevent') ?? undefined);
    assert.equal(moved.uid, first.uid, 'same meeting');
    assert.equal(moved.sequence, 2, 'a newer version of it');
    assert.equal(moved.startDate.toString().slice(11, 16), '14:30');

    // After the meeting (time moved to the past here), the host records notes.
    await site.db
      .updateTable('slots')
      .set({ starts_at: new Date(Date.now() - 2 * 3_600_000).toISOString(), ends_at: new Date(Date.now() - 3_600_000).toISOString() })
      .where('starts_at', '>', new Date(Date.now() + 8.5 * 86_400_000).toISOString())
      .execute();
    await tessa.goto(`${base}/beheer/startgesprekken`);
    await team.check('startgesprekken na het gesprek');
    const kickoff = (await site.db.selectFrom('kickoffs').select('id').executeTakeFirstOrThrow()).id;
    await tessa.goto(`${base}/beheer/startgesprekken/${kickoff}`);
    await team.check('gesprek');
    await tessa.getByLabel('Verslag').fill('Afspraken gemaakt over praktijkbegeleiding.');
    await tessa.getByLabel('Uitkomst').selectOption('continue');
    await tessa.getByRole('button', { name: 'Verslag opslaan' }).click();
    assert.match((await tessa.locator('main').textContent()) ?? '', /Afspraken gemaakt over praktijkbegeleiding/);
    await team.check('gesprek met verslag');

    await anna.goto(`${base}/mijn`);
    assert.equal(await anna.locator('.mkb-state').first().textContent(), 'Deelnemer (pilotpartner)');
    await anna
      .getByRole('region', { name: 'Aanmeldingen van Avans Hogeschool' })
      .getByRole('link', { name: 'Ad Technische Bedrijfskunde', exact: true })
      .click();
    assert.match(
      (await anna.locator('.mkb-timeline').textContent()) ?? '',
      /Startgesprek ingepland.*Startgesprek verzet.*Startgesprek gehouden/s,
    );
    await school.check('aanmelding met gesprek');
    assert.deepEqual(team.violations, {});
    assert.deepEqual(team.overflow, {}, 'no page wider than the window');
    assert.deepEqual(school.violations, {});
    assert.deepEqual(school.overflow, {}, 'no page wider than the window');
  });
});
