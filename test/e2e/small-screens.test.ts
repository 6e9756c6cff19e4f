import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadDemoContent } from '../../src/demo/load.ts';
import { signIn } from '../helpers.ts';
import { Journey, launchBrowser, startSite } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * The demo platform at a phone's width (375 × 812) and a laptop's (1280): every page a visitor, an
 * applicant and the team use is checked with axe and must fit the window (no sideways scrolling).
 */
describe('small screens and wide ones (Chromium + axe-core)', () => {
  test('every core page fits 375 px and 1280 px, with the menu behind a button on a phone and the error summary focused', async (t) => {
    const site = await startSite(t);
    assert.equal(await loadDemoContent(site.db, site.config), true);
    const route = await site.db.selectFrom('routes').select('slug').where('published', '=', 1).orderBy('slug').executeTakeFirstOrThrow();
    const story = await site.db.selectFrom('stories').select('id').executeTakeFirstOrThrow();
    const asset = await site.db.selectFrom('toolkit_assets').select('id').executeTakeFirstOrThrow();
    const inReview = await site.db.selectFrom('registrations').select('id').where('state', '=', 'in_review').executeTakeFirstOrThrow();
    const kickoff = await site.db.selectFrom('kickoffs').select('id').where('state', 'in', ['booked', 'held']).executeTakeFirstOrThrow();
    const applicant = await signIn(site.app, site.db, 'aanvrager@demo.mkbroute.nl');
    await applicant.get('/aanmelden');
    const draft = String((await applicant.post('/aanmelden', {})).headers.location).split('/')[2];
    const mine = await site.db
      .selectFrom('registrations')
      .innerJoin('users', 'users.id', 'registrations.created_by')
      .select('registrations.id')
      .where('users.email', '=', 'aanvrager@demo.mkbroute.nl')
      .where('registrations.state', '!=', 'draft')
      .executeTakeFirstOrThrow();
    const team = await signIn(site.app, site.db, 'team@demo.mkbroute.nl');
    const guest = await signIn(site.app, site.db, 'gastdocent@demo.mkbroute.nl');
    const admin = await signIn(site.app, site.db, 'beheerder@demo.mkbroute.nl');
    const linkRequest = await site.db.selectFrom('link_requests').select('id').executeTakeFirstOrThrow();
    const fullEvent = await site.db.selectFrom('events').select('id').where('capacity', '=', 3).executeTakeFirstOrThrow();
    const pastEvent = await site.db.selectFrom('events').select('id').where('capacity', '=', 150).executeTakeFirstOrThrow();
    const mySeat = await site.db
      .selectFrom('event_registrations')
      .select('id')
      .where('email', '=', 'aanvrager@demo.mkbroute.nl')
      .executeTakeFirstOrThrow();

    const pages: { who: 'bezoeker' | 'aanvrager' | 'team' | 'gast' | 'beheerder'; path: string }[] = [
      { who: 'bezoeker', path: '/' },
      { who: 'bezoeker', path: '/routes' },
      { who: 'bezoeker', path: `/routes/${route.slug}` },
      { who: 'bezoeker', path: '/kaart' },
      { who: 'bezoeker', path: '/succesverhalen' },
      { who: 'bezoeker', path: `/succesverhalen/${story.id}` },
      { who: 'bezoeker', path: '/toolkit' },
      { who: 'bezoeker', path: '/criteria' },
      { who: 'bezoeker', path: '/inloggen' },
      { who: 'bezoeker', path: '/bijeenkomsten' },
      { who: 'bezoeker', path: `/bijeenkomsten/${fullEvent.id}` },
      { who: 'bezoeker', path: `/bijeenkomsten/${fullEvent.id}/aanmelden` },
      { who: 'aanvrager', path: `/bijeenkomsten/aanmelding/${mySeat.id}` },
      { who: 'aanvrager', path: '/mijn' },
      { who: 'aanvrager', path: '/aanmelden' },
      { who: 'aanvrager', path: `/aanmelden/${draft}/organisatie` },
      { who: 'aanvrager', path: `/aanmelden/${draft}/mkb-werkplek` },
      { who: 'aanvrager', path: `/aanmelden/${draft}/samen-vormgeven` },
      { who: 'aanvrager', path: `/aanmelden/${draft}/overzicht` },
      { who: 'aanvrager', path: `/aanmeldingen/${mine.id}` },
      { who: 'team', path: '/beheer' },
      { who: 'team', path: '/beheer/aanmeldingen' },
      { who: 'team', path: `/beheer/aanmeldingen/${inReview.id}` },
      { who: 'team', path: '/beheer/startgesprekken' },
      { who: 'team', path: '/beheer/startgesprekken?soort=reeks' },
      { who: 'team', path: `/beheer/startgesprekken/${kickoff.id}` },
      { who: 'team', path: '/beheer/routes' },
      { who: 'team', path: '/beheer/verhalen' },
      { who: 'team', path: `/beheer/verhalen/${story.id}` },
      { who: 'team', path: '/beheer/toolkit' },
      { who: 'team', path: `/beheer/toolkit/${asset.id}` },
      { who: 'team', path: '/beheer/sjablonen' },
      { who: 'team', path: '/beheer/bijeenkomsten' },
      { who: 'team', path: '/beheer/bijeenkomsten/nieuw' },
      { who: 'team', path: `/beheer/bijeenkomsten/${pastEvent.id}` },
      { who: 'team', path: `/beheer/bijeenkomsten/${fullEvent.id}` },
      { who: 'team', path: '/beheer/koppelverzoeken' },
      { who: 'team', path: `/beheer/koppelverzoeken/${linkRequest.id}` },
      { who: 'gast', path: '/mijn' },
      { who: 'gast', path: '/mijn/koppeling' },
      { who: 'beheerder', path: '/beheer/maildomeinen' },
      { who: 'beheerder', path: '/beheer/teksten' },
      { who: 'team', path: '/beheer/dashboard' },
      { who: 'team', path: '/beheer/kennis' },
      { who: 'bezoeker', path: '/kennis' },
      { who: 'bezoeker', path: '/zoeken?q=praktijkbegeleiding' },
    ];
    const cookies = { bezoeker: null, aanvrager: applicant, team, gast: guest, beheerder: admin } as const;
    const checked: string[] = [];
    const violations: Record<string, unknown> = {};
    const overflow: Record<string, number> = {};
    // Each width and person in its own browser context, three at a time (the pages only read).
    const runs = [375, 1280].flatMap((width) =>
      (['bezoeker', 'aanvrager', 'team', 'gast', 'beheerder'] as const).map((who) => ({ width, who })),
    );
    const visit = async ({ width, who }: (typeof runs)[number]) => {
      const context = await browser.newContext({ locale: 'nl-NL', viewport: { width, height: width === 375 ? 812 : 900 } });
      const client = cookies[who];
      if (client) await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: site.url })));
      const page = await context.newPage();
      const journey = new Journey(page);
      for (const p of pages.filter((x) => x.who === who)) {
        const response = await page.goto(`${site.url}${p.path}`);
        assert.equal(response?.status(), 200, `${who} ${p.path}`);
        await journey.check(`${width} ${who} ${p.path}`);
      }
      if (width === 375 && who === 'bezoeker') {
        // The main menu sits behind one "Menu" button and opens without JavaScript.
        await page.goto(`${site.url}/`);
        assert.equal(await page.getByRole('link', { name: 'Succesverhalen', exact: true }).isVisible(), false);
        await page.getByText('Menu', { exact: true }).click();
        assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count(), 1, 'one menu, the one opened');
        await page.getByRole('link', { name: 'Succesverhalen', exact: true }).click();
        assert.equal(new URL(page.url()).pathname, '/succesverhalen');
        // On /routes the results come before the folded filters.
        await page.goto(`${site.url}/routes`);
        const first = await page.locator('.mkb-cards').boundingBox();
        assert.ok(first && first.y < 812, 'the first route is on the first screen');
        await journey.check('375 bezoeker menu open');
      }
      checked.push(...journey.visited);
      Object.assign(violations, journey.violations);
      Object.assign(overflow, journey.overflow);
      await context.close();
    };
    const queue = [...runs];
    await Promise.all(
      [1, 2, 3].map(async () => {
        for (let run = queue.shift(); run; run = queue.shift()) await visit(run);
      }),
    );

    // Without JavaScript, a form that comes back with errors puts the focus on its error summary.
    const noScript = await browser.newContext({ locale: 'nl-NL', javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    await noScript.addCookies([...applicant.cookies].map(([name, value]) => ({ name, value, url: site.url })));
    const form = await noScript.newPage();
    await form.goto(`${site.url}/aanmelden/${draft}/organisatie`);
    await form.getByRole('button', { name: 'Opslaan en volgende' }).click();
    assert.match((await form.locator('#foutoverzicht').textContent()) ?? '', /Er zijn 4 fouten in het formulier/);
    const focused = await form.evaluate(() => document.activeElement?.id);
    assert.equal(focused, 'foutoverzicht');
    await noScript.close();

    assert.deepEqual(violations, {});
    assert.deepEqual(overflow, {}, 'no page is wider than the window');
    assert.equal(checked.length, pages.length * 2 + 1);
  });
});
