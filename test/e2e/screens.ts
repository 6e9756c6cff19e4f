/**
 * Screenshots to look at, the way a person sees the pages: the demo platform served in-process,
 * each page captured at 375 and 1280 px wide, as a visitor and as the demo people.
 *
 *   npx tsx test/e2e/screens.ts <out-dir> [path-filter]
 *
 * Pages are named `<who>_<path>_<width>.png`. The list below is the core flow; a filter (a
 * substring of the path) takes part of it. Not a test: the journeys assert; this is for the eye.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDemoContent } from '../../src/demo/load.ts';
import { signIn } from '../helpers.ts';
import { launchBrowser, startSite } from './browser.ts';

const out = process.argv[2] ?? '/tmp/screens';
const filter = process.argv[3] ?? '';
mkdirSync(out, { recursive: true });

const cleanups: (() => unknown)[] = [];
const site = await startSite({ after: (fn: () => unknown) => cleanups.push(fn) });
await loadDemoContent(site.db, site.config);
const firstRoute = await site.db.selectFrom('routes').select('slug').where('published', '=', 1).orderBy('slug').executeTakeFirstOrThrow();
const applicant = await site.db
  .selectFrom('users')
  .select('id')
  .where('email', '=', 'aanvrager@demo.mkbroute.nl')
  .executeTakeFirstOrThrow();
const mine = site.db.selectFrom('registrations').select('id').where('created_by', '=', applicant.id);
// A brand-new draft, started as the applicant would.
const starter = await signIn(site.app, site.db, 'aanvrager@demo.mkbroute.nl');
await starter.get('/aanmelden');
const started = await starter.post('/aanmelden', {});
const aDraft = { id: String(started.headers.location).split('/')[2] };
const submitted = await mine.where('state', 'not in', ['draft', 'withdrawn']).executeTakeFirstOrThrow();
const story = await site.db.selectFrom('stories').select('id').executeTakeFirstOrThrow();
const fullEvent = await site.db.selectFrom('events').select('id').where('capacity', '=', 3).executeTakeFirstOrThrow();
const pastEvent = await site.db.selectFrom('events').select('id').where('capacity', '=', 150).executeTakeFirstOrThrow();
const mySeat = await site.db
  .selectFrom('event_registrations')
  .select('id')
  .where('email', '=', 'aanvrager@demo.mkbroute.nl')
  .executeTakeFirstOrThrow();
const admitted = await mine.where('state', 'in', ['accepted', 'participant']).executeTakeFirst();
const chapter = await site.db.selectFrom('knowledge_items').select('id').where('kind', '=', 'chapter').executeTakeFirstOrThrow();
const year = new Date().getUTCFullYear();
const myReports = admitted
  ? await site.db.selectFrom('monitor_reports').select(['id', 'year']).where('registration_id', '=', admitted.id).execute()
  : [];
const openReport = myReports.find((r) => r.year === year);
const doneReport = myReports.find((r) => r.year === year - 1);
const supportRequest = await site.db.selectFrom('support_requests').select('id').where('state', '=', 'open').executeTakeFirst();
const demoOrg = await site.db
  .selectFrom('organisations')
  .select('id')
  .where('name', '=', 'Bouwbedrijf Voorbeeld (demo)')
  .executeTakeFirst();
const inReview = await site.db.selectFrom('registrations').select('id').where('state', '=', 'in_review').executeTakeFirstOrThrow();

const who: Record<string, string | null> = {
  bezoeker: null,
  aanvrager: 'aanvrager@demo.mkbroute.nl',
  team: 'team@demo.mkbroute.nl',
  admin: 'beheerder@demo.mkbroute.nl',
};
const pages: [keyof typeof who, string][] = [
  ['bezoeker', '/'],
  ['bezoeker', '/routes'],
  ['bezoeker', `/routes/${firstRoute.slug}`],
  ['bezoeker', '/kaart'],
  ['bezoeker', '/succesverhalen'],
  ['bezoeker', '/toolkit'],
  ['bezoeker', '/inloggen'],
  ['bezoeker', '/bijeenkomsten'],
  ['bezoeker', `/bijeenkomsten/${fullEvent.id}`],
  ['bezoeker', `/bijeenkomsten/${fullEvent.id}/aanmelden`],
  ['aanvrager', `/bijeenkomsten/${fullEvent.id}`],
  ['aanvrager', `/bijeenkomsten/aanmelding/${mySeat.id}`],
  ['aanvrager', '/mijn'],
  ...(admitted ? ([['aanvrager', `/mijn/handreiking/${admitted.id}`]] as [keyof typeof who, string][]) : []),
  ...(openReport
    ? ([
        ['aanvrager', `/mijn/monitor/${openReport.id}`],
        ['aanvrager', `/mijn/monitor/${openReport.id}/studenten`],
        ['aanvrager', `/mijn/monitor/${openReport.id}/bedrijven`],
        ['team', `/beheer/monitor/${year}/${openReport.id}`],
      ] as [keyof typeof who, string][])
    : []),
  ...(doneReport ? ([['team', `/beheer/monitor/${year - 1}/${doneReport.id}`]] as [keyof typeof who, string][]) : []),
  ['bezoeker', '/in-cijfers'],
  ['aanvrager', '/mijn/ondersteuning/nieuw'],
  ...(supportRequest
    ? ([
        ['aanvrager', `/ondersteuning/${supportRequest.id}`],
        ['team', `/beheer/ondersteuning/${supportRequest.id}`],
      ] as [keyof typeof who, string][])
    : []),
  ['team', '/beheer/ondersteuning'],
  ['bezoeker', '/netwerk'],
  ['bezoeker', '/netwerk/bouwbedrijf-voorbeeld-demo'],
  ['bezoeker', '/netwerk/aanmelden'],
  ['team', '/beheer/netwerk'],
  ...(demoOrg ? ([['team', `/beheer/netwerk/${demoOrg.id}`]] as [keyof typeof who, string][]) : []),
  ['team', '/beheer/netwerk/routes'],
  ['admin', '/beheer/privacy'],
  ['aanvrager', '/mijn/gegevens'],
  ['team', '/beheer/monitor'],
  ['team', `/beheer/monitor/${year - 1}`],
  ['team', `/beheer/monitor/${year}`],
  ['bezoeker', '/kennis'],
  ['bezoeker', '/kennis/praktijkbegeleiding'],
  ['bezoeker', '/handreiking'],
  ['bezoeker', '/handreiking/de-tripartiete-overeenkomst'],
  ['bezoeker', '/handreiking/afdrukken'],
  ['bezoeker', '/zoeken?q=bedrijf'],
  ['aanvrager', '/aanmelden'],
  ['aanvrager', `/aanmelden/${aDraft.id}/organisatie`],
  ['aanvrager', `/aanmelden/${aDraft.id}/opleiding`],
  ['aanvrager', `/aanmelden/${aDraft.id}/mkb-werkplek`],
  ['aanvrager', `/aanmelden/${aDraft.id}/overzicht`],
  ['aanvrager', `/aanmeldingen/${aDraft.id}`],
  ['aanvrager', `/aanmeldingen/${submitted.id}`],
  ['team', '/beheer'],
  ['team', '/beheer/aanmeldingen'],
  ['team', `/beheer/aanmeldingen/${inReview.id}`],
  ['team', '/beheer/startgesprekken'],
  ['team', '/beheer/routes'],
  ['team', '/beheer/verhalen'],
  ['team', `/beheer/verhalen/${story.id}`],
  ['team', '/beheer/toolkit'],
  ['team', '/beheer/bijeenkomsten'],
  ['team', '/beheer/bijeenkomsten/nieuw'],
  ['team', `/beheer/bijeenkomsten/${pastEvent.id}`],
  ['team', `/beheer/bijeenkomsten/${fullEvent.id}`],
  ['team', '/beheer/kennis'],
  ['team', '/beheer/dashboard'],
  ['team', '/beheer/kennis/nieuw?soort=chapter'],
  ['team', `/beheer/kennis/${chapter.id}`],
  ['team', `/beheer/kennis/${chapter.id}/versies`],
];

const browser = await launchBrowser();
try {
  for (const width of [375, 1280]) {
    for (const [person, email] of Object.entries(who)) {
      const context = await browser.newContext({ locale: 'nl-NL', viewport: { width, height: width === 375 ? 812 : 900 } });
      if (email) {
        const client = await signIn(site.app, site.db, email);
        await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: site.url })));
      }
      const page = await context.newPage();
      for (const [p, path] of pages) {
        if (p !== person || !path.includes(filter)) continue;
        const response = await page.goto(`${site.url}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        const name = `${person}_${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}_${width}.png`;
        await page.screenshot({ path: join(out, name), fullPage: true });
        console.log(`${response?.status()} ${name}${overflow > 0 ? `  OVERFLOW ${overflow}px` : ''}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const fn of cleanups.reverse()) await fn();
}
