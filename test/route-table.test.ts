import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { ensureUser } from '../src/features/accounts/index.ts';
import { assign } from '../src/features/assessments/index.ts';
import { addAsset, addStory, prepareImage } from '../src/features/catalogue/index.ts';
import { createEvent, registerSignedIn } from '../src/features/events/index.ts';
import { book, publishSlots } from '../src/features/kickoffs/index.ts';
import { addImage, addPdf, createItem, publishItem } from '../src/features/knowledge/index.ts';
import { openYear } from '../src/features/monitoring/index.ts';
import { addOrganisation } from '../src/features/network/index.ts';
import { keepImport } from '../src/features/reference/index.ts';
import { storeUpload } from '../src/features/registrations/index.ts';
import { createRequest } from '../src/features/support/index.ts';
import { enqueueMail } from '../src/platform/mail/repo.ts';
import { assessAndAccept, registration, user } from './factories.ts';
import { buildTestApp, Client, countRows, signIn } from './helpers.ts';
import { startProvider } from './oidc-provider.ts';
import { fillAll, startDraft, submit } from './registration-fixtures.ts';

type Role = 'anonymous' | 'applicantA' | 'applicantB' | 'team' | 'admin' | 'partner';
const ROLES: Role[] = ['anonymous', 'applicantA', 'applicantB', 'team', 'admin', 'partner'];

/**
 * Collects warnings and errors the app logs. A refused request must stop at the guard: a handler
 * that runs anyway shows up here as "Reply was already sent" or as a failed request.
 */
function logWatcher() {
  const stream = new PassThrough();
  const problems: string[] = [];
  stream.on('data', (chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      if ((JSON.parse(line) as { level: number }).level >= 40) problems.push(line);
    }
  });
  return { stream, problems };
}

/**
 * Every route of the app and who may use it. A new route fails this test until it is added here,
 * so nobody adds a route without deciding who may use it.
 */
const EXPECTED: Record<string, 'public' | 'signedIn' | 'team' | 'admin' | 'pendingSignup' | 'development'> = {
  'GET /': 'public',
  'GET /programma': 'public',
  'GET /criteria': 'public',
  'GET /aanbod': 'public',
  'GET /deelnemen': 'public',
  'GET /privacy': 'public',
  'GET /toegankelijkheid': 'public',
  'GET /contact': 'public',
  'GET /healthz': 'public',
  'GET /robots.txt': 'public',
  'GET /favicon.svg': 'public',
  'GET /favicon.ico': 'public',
  'GET /.well-known/security.txt': 'public',
  'GET /readyz': 'public',
  'GET /static/app-*.css': 'public',
  'GET /inloggen': 'public',
  'POST /inloggen': 'public',
  'GET /inloggen/verstuurd': 'public',
  'GET /inloggen/link': 'public',
  'POST /inloggen/link': 'public',
  'GET /inloggen/hogeschool': 'pendingSignup',
  'POST /inloggen/hogeschool': 'pendingSignup',
  'GET /inloggen/surfconext': 'public',
  'GET /inloggen/surfconext/terug': 'public',
  'GET /inloggen/surfconext/koppelen': 'public',
  'POST /inloggen/surfconext/koppelen': 'public',
  'GET /mijn/koppeling': 'signedIn',
  'POST /mijn/koppeling': 'signedIn',
  'GET /beheer/koppelverzoeken': 'team',
  'GET /beheer/koppelverzoeken/:id': 'team',
  'POST /beheer/koppelverzoeken/:id': 'team',
  'GET /beheer/maildomeinen': 'admin',
  'POST /beheer/maildomeinen': 'admin',
  'POST /beheer/maildomeinen/verwijderen': 'admin',
  'POST /uitloggen': 'public',
  'POST /uitloggen/overal': 'signedIn',
  'GET /mijn': 'signedIn',
  'GET /aanmelden': 'signedIn',
  'POST /aanmelden': 'signedIn',
  'GET /aanmelden/:id/:step': 'signedIn',
  'POST /aanmelden/:id/:step': 'signedIn',
  'POST /aanmelden/:id/indienen': 'signedIn',
  'GET /aanmeldingen/:id': 'signedIn',
  'POST /aanmeldingen/:id/intrekken': 'signedIn',
  'GET /aanmeldingen/:id/ontvangstbewijs/:version': 'signedIn',
  'GET /aanmeldingen/:id/bestanden/:file': 'signedIn',
  'GET /beheer': 'team',
  'GET /beheer/paginas/:slug': 'team',
  'POST /beheer/paginas/:slug': 'team',
  'GET /beheer/aanmeldingen': 'team',
  'GET /beheer/aanmeldingen/:id': 'team',
  'POST /beheer/aanmeldingen/:id/toewijzen': 'team',
  'POST /beheer/aanmeldingen/:id/starten': 'team',
  'POST /beheer/aanmeldingen/:id/belang': 'team',
  'POST /beheer/aanmeldingen/:id/beoordeling': 'team',
  'POST /beheer/aanmeldingen/:id/opmerkingen': 'team',
  'POST /beheer/aanmeldingen/:id/besluit': 'team',
  'GET /startgesprek/:id': 'public',
  'POST /startgesprek/:id/boeken': 'public',
  'POST /startgesprek/:id/verzetten': 'public',
  'POST /startgesprek/:id/annuleren': 'public',
  'GET /startgesprek/:id/startgesprek.ics': 'public',
  'GET /beheer/startgesprekken': 'team',
  'POST /beheer/startgesprekken/tijden': 'team',
  'POST /beheer/startgesprekken/tijden/:id/verwijderen': 'team',
  'GET /beheer/startgesprekken/:id': 'team',
  'POST /beheer/startgesprekken/:id/verzetten': 'team',
  'POST /beheer/startgesprekken/:id/annuleren': 'team',
  'POST /beheer/startgesprekken/:id/verslag': 'team',
  'GET /routes': 'public',
  'GET /routes/:slug': 'public',
  'GET /routes/:slug/badge.svg': 'public',
  'GET /kaart': 'public',
  'GET /api/v1/routes': 'public',
  'GET /api/v1/routes.csv': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /feed.xml': 'public',
  'GET /sitemap.xml': 'public',
  'GET /succesverhalen': 'public',
  'GET /succesverhalen/:id': 'public',
  'GET /succesverhalen/:id/afbeelding.jpg': 'public',
  'GET /toolkit': 'public',
  'GET /toolkit/:id': 'public',
  'GET /mijn/routes/:id': 'signedIn',
  'POST /mijn/routes/:id': 'signedIn',
  'GET /beheer/routes': 'team',
  'POST /beheer/routes/:id/publicatie': 'team',
  'GET /beheer/verhalen': 'team',
  'POST /beheer/verhalen': 'team',
  'GET /beheer/toolkit': 'team',
  'POST /beheer/toolkit': 'team',
  'GET /beheer/verhalen/:id': 'team',
  'POST /beheer/verhalen/:id': 'team',
  'POST /beheer/verhalen/:id/verwijderen': 'team',
  'GET /beheer/toolkit/:id': 'team',
  'POST /beheer/toolkit/:id': 'team',
  'POST /beheer/toolkit/:id/verwijderen': 'team',
  'GET /beheer/sjablonen': 'team',
  'GET /beheer/sjablonen/:key': 'team',
  'POST /beheer/sjablonen/:key': 'team',
  'GET /beheer/belangen': 'team',
  'POST /beheer/belangen': 'team',
  'POST /beheer/belangen/:id/verwijderen': 'team',
  'GET /bijeenkomsten': 'public',
  'GET /bijeenkomsten/:id': 'public',
  'GET /bijeenkomsten/:id/aanmelden': 'public',
  'POST /bijeenkomsten/:id/aanmelden': 'public',
  'GET /bijeenkomsten/:id/bevestigen': 'public',
  'POST /bijeenkomsten/:id/bevestigen': 'public',
  'GET /bijeenkomsten/aanmelding/:id': 'public',
  'GET /bijeenkomsten/aanmelding/:id/ik-kom': 'public',
  'GET /bijeenkomsten/aanmelding/:id/niet-meer': 'public',
  'POST /bijeenkomsten/aanmelding/:id/ik-kom': 'public',
  'POST /bijeenkomsten/aanmelding/:id/niet-meer': 'public',
  'POST /bijeenkomsten/aanmelding/:id/afmelden': 'public',
  'GET /bijeenkomsten/aanmelding/:id/bijeenkomst.ics': 'public',
  'GET /beheer/bijeenkomsten': 'team',
  'GET /beheer/bijeenkomsten/nieuw': 'team',
  'POST /beheer/bijeenkomsten': 'team',
  'GET /beheer/bijeenkomsten/:id': 'team',
  'GET /beheer/bijeenkomsten/:id/bewerken': 'team',
  'POST /beheer/bijeenkomsten/:id': 'team',
  'POST /beheer/bijeenkomsten/:id/annuleren': 'team',
  'POST /beheer/bijeenkomsten/:id/aanwezigheid': 'team',
  'POST /beheer/bijeenkomsten/:id/afwezig': 'team',
  'GET /beheer/bijeenkomsten/:id/aanwezigheid.csv': 'team',
  'GET /zoeken': 'public',
  'GET /kennis': 'public',
  'GET /kennis/:slug': 'public',
  'GET /kennis/artikelen/:slug': 'public',
  'GET /kennis/documenten/:slug': 'public',
  'GET /kennis/documenten/:slug/bestand': 'public',
  'GET /kennis/afbeeldingen/:id': 'public',
  'GET /handreiking': 'public',
  'GET /handreiking/afdrukken': 'public',
  'GET /handreiking/:slug': 'public',
  'GET /mijn/handreiking/:id': 'signedIn',
  'GET /beheer/kennis': 'team',
  'GET /beheer/kennis/nieuw': 'team',
  'POST /beheer/kennis/nieuw': 'team',
  'GET /beheer/kennis/:id': 'team',
  'POST /beheer/kennis/:id': 'team',
  'POST /beheer/kennis/:id/depubliceren': 'team',
  'POST /beheer/kennis/:id/beoordeeld': 'team',
  'GET /beheer/kennis/:id/versies': 'team',
  'GET /beheer/kennis/:id/versies/:n': 'team',
  'POST /beheer/kennis/:id/versies/:n/terugzetten': 'team',
  'GET /beheer/kennis/themas/:code': 'team',
  'GET /beheer/kennis/delen': 'team',
  'POST /beheer/kennis/delen': 'team',
  'POST /beheer/kennis/themas/:code': 'team',
  'GET /beheer/teksten': 'admin',
  'GET /beheer/dashboard': 'team',
  'GET /beheer/dashboard/csv/:figure': 'team',
  'GET /beheer/monitor': 'team',
  'GET /beheer/instellingen': 'admin',
  'GET /mijn/ondersteuning/nieuw': 'signedIn',
  'POST /mijn/ondersteuning/nieuw': 'signedIn',
  'GET /ondersteuning/:id': 'signedIn',
  'POST /ondersteuning/:id': 'signedIn',
  'GET /ondersteuning/:id/bijlagen/:file': 'signedIn',
  'GET /beheer/ondersteuning': 'team',
  'GET /beheer/ondersteuning.csv': 'team',
  'POST /beheer/ondersteuning/afsluiten': 'team',
  'GET /beheer/ondersteuning/vastgehouden': 'team',
  'POST /beheer/ondersteuning/vastgehouden/:id': 'team',
  'GET /beheer/ondersteuning/:id': 'team',
  'POST /beheer/ondersteuning/:id/bericht': 'team',
  'POST /beheer/ondersteuning/:id/notitie': 'team',
  'POST /beheer/ondersteuning/:id/adviseur': 'team',
  'POST /beheer/ondersteuning/:id/afsluiten': 'team',
  'POST /inkomend/mail': 'public',
  'GET /beheer/gebruikers': 'admin',
  'POST /mijn/expertise': 'signedIn',
  'POST /beheer/gebruikers': 'admin',
  'POST /beheer/gebruikers/:id/rol': 'admin',
  'POST /beheer/gebruikers/:id/uitzetten': 'admin',
  'POST /beheer/gebruikers/:id/aanzetten': 'admin',
  'POST /beheer/instellingen': 'admin',
  'POST /beheer/teksten/sectoren/:code': 'admin',
  'GET /netwerk': 'public',
  'GET /netwerk/aanmelden': 'public',
  'POST /netwerk/aanmelden': 'public',
  'GET /netwerk/bevestigen': 'public',
  'POST /netwerk/bevestigen': 'public',
  'GET /netwerk/:slug': 'public',
  'GET /api/v1/organisations': 'public',
  'GET /netwerk/introductie/:id': 'public',
  'POST /netwerk/introductie/:id': 'public',
  'GET /beheer/netwerk': 'team',
  'GET /beheer/netwerk/nieuw': 'team',
  'POST /beheer/netwerk/nieuw': 'team',
  'GET /beheer/netwerk/routes': 'team',
  'GET /beheer/netwerk/routes/:id': 'team',
  'GET /beheer/netwerk/:id': 'team',
  'POST /beheer/netwerk/:id': 'team',
  'POST /beheer/netwerk/:id/samenvoegen': 'team',
  'POST /beheer/netwerk/:id/voorstellen': 'team',
  'POST /beheer/netwerk/introducties/:id/uitkomst': 'team',
  'POST /beheer/netwerk/koppelingen/:id/bevestigen': 'team',
  'GET /mijn/organisaties/:id': 'signedIn',
  'POST /mijn/organisaties/:id': 'signedIn',
  'POST /mijn/organisaties/:id/toestemming': 'signedIn',
  'GET /mijn/gegevens': 'signedIn',
  'GET /mijn/gegevens.json': 'signedIn',
  'GET /beheer/privacy': 'admin',
  'GET /beheer/privacy/persoon': 'admin',
  'GET /beheer/privacy/persoon.json': 'admin',
  'POST /beheer/privacy/verwijderen': 'admin',
  'POST /beheer/privacy/bewaartermijnen': 'admin',
  'GET /beheer/audit': 'admin',
  'GET /beheer/hogescholen': 'admin',
  'POST /beheer/hogescholen': 'admin',
  'GET /beheer/hogescholen/import/:id': 'admin',
  'POST /beheer/hogescholen/import/:id': 'admin',
  'GET /beheer/audit.csv': 'admin',
  'GET /beheer/aanmeldingen.csv': 'team',
  'GET /beheer/routes.csv': 'team',
  'GET /beheer/bijeenkomsten.csv': 'team',
  'POST /beheer/monitor': 'team',
  'GET /beheer/monitor/:year': 'team',
  'GET /beheer/monitor/:year/antwoorden.csv': 'team',
  'POST /beheer/monitor/:year/publiceren': 'team',
  'GET /beheer/monitor/:year/:id': 'team',
  'POST /beheer/monitor/:year/:id/openzetten': 'team',
  'GET /mijn/monitor/:id': 'signedIn',
  'GET /mijn/monitor/:id/:step': 'signedIn',
  'POST /mijn/monitor/:id/:step': 'signedIn',
  'POST /mijn/monitor/:id/indienen': 'signedIn',
  'GET /in-cijfers': 'public',
  'GET /in-cijfers.csv': 'public',
  'GET /api/v1/figures': 'public',
  'POST /beheer/teksten/criteria/:code': 'admin',
  'POST /beheer/teksten/themas/:code': 'admin',
  'GET /dev/mailbox': 'development',
  'GET /dev/mailbox/:id': 'development',
  'GET /dev/mailbox/:id/bijlagen/:n': 'development',
};

/** Public routes that need input to do anything; without it they answer this for everyone. */
const WITHOUT_INPUT: Record<string, number> = {
  '/inloggen/link': 400,
  // No state, or no pending link, of this browser: "Deze inlogpoging is verlopen".
  '/inloggen/surfconext/terug': 400,
  '/inloggen/surfconext/koppelen': 400,
};
/** Public routes that send everyone on to another site (the OpenID provider). */
const OFFSITE = new Set(['/inloggen/surfconext']);

function expectedGetStatus(access: string, role: Role, url: string): number {
  switch (access) {
    case 'public':
    case 'development':
      return WITHOUT_INPUT[url] ?? 200;
    case 'pendingSignup':
      return 404;
    case 'signedIn':
      return role === 'anonymous' ? 303 : 200;
    case 'team':
      return role === 'anonymous' ? 303 : role === 'team' || role === 'admin' ? 200 : 403;
    case 'admin':
      return role === 'anonymous' ? 303 : role === 'admin' ? 200 : 403;
  }
  throw new Error(`unknown access ${access}`);
}

describe('route table', () => {
  test('every route is listed with its access level', async (t) => {
    const { app } = await buildTestApp(t);
    const actual = Object.fromEntries(
      app.routeTable.map((r) => [`${r.method} ${r.url.replace(/app-[0-9a-f]+\.css$/, 'app-*.css')}`, r.access]),
    );
    assert.deepEqual(actual, EXPECTED);
  });

  test('every GET route answers each role exactly as its access level says', async (t) => {
    const logs = logWatcher();
    const provider = await startProvider(t, 'http://localhost:3000');
    const { app, db } = await buildTestApp(t, { env: { ...provider.env, LOG_LEVEL: 'warn' }, logStream: logs.stream });
    await ensureUser(db, { email: 'a@avans.nl', role: 'applicant', institutionBrin: '07GR' });
    await ensureUser(db, { email: 'b@hva.nl', role: 'applicant', institutionBrin: '21QA' });
    await ensureUser(db, { email: 'team@programma.nl', role: 'team' });
    await ensureUser(db, { email: 'admin@programma.nl', role: 'admin' });
    // Someone without a hogeschool who asked to be linked, so the team's request page has one to show.
    await ensureUser(db, { email: 'c@gmail.com', role: 'applicant' });
    const unlinked = await signIn(app, db, 'c@gmail.com');
    await unlinked.get('/mijn/koppeling');
    await unlinked.post('/mijn/koppeling', { institution: '07GR', reason: 'Ik werk bij Avans via een detacheerder.' });
    const linkRequest = (await db.selectFrom('link_requests').select('id').executeTakeFirstOrThrow()).id;
    // The contact of an organisation in the network (role partner): sees only that organisation.
    const partnerOrg = await addOrganisation(db, null, {
      name: 'Partner BV',
      kind: 'mkb',
      kvk: '12121212',
      sectors: 'C',
      province: 'Utrecht',
      offers: 'leerwerkplekken',
      contact_name: 'Pim Partner',
      contact_email: 'p@partnerbv.nl',
      consent: 'ja',
    });
    const organisationId = partnerOrg.ok ? partnerOrg.id : '';
    const clients: Record<Role, Client> = {
      anonymous: new Client(app),
      applicantA: await signIn(app, db, 'a@avans.nl'),
      applicantB: await signIn(app, db, 'b@hva.nl'),
      team: await signIn(app, db, 'team@programma.nl'),
      admin: await signIn(app, db, 'admin@programma.nl'),
      partner: await signIn(app, db, 'p@partnerbv.nl'),
    };
    const mailId = await enqueueMail(db, { to: 'x@y.nl', subject: 'Route-table', text: 'x' });
    // A's data, so that B's refusals are refusals of something that exists.
    const submitted = await startDraft(clients.applicantA);
    await fillAll(clients.applicantA, submitted);
    const me = { id: '', email: 'a@avans.nl', name: null, role: 'applicant' as const, institutionBrin: '07GR', institutionName: null };
    me.id = (await db.selectFrom('users').select('id').where('email', '=', 'a@avans.nl').executeTakeFirstOrThrow()).id;
    await storeUpload(db, me, submitted, 'overeenkomst', 'agreement_template', {
      filename: 'm.pdf',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF-1.4'),
    });
    await submit(clients.applicantA, submitted);
    // Accepted, with a booked kick-off, so the kick-off pages have something to show.
    const teamUser = {
      id: (await db.selectFrom('users').select('id').where('email', '=', 'team@programma.nl').executeTakeFirstOrThrow()).id,
      email: 'team@programma.nl',
      name: null,
      role: 'team' as const,
      institutionBrin: null,
      institutionName: null,
    };
    await assign(db, app.config, teamUser, submitted, [teamUser.id]);
    await assessAndAccept({ db, config: app.config }, teamUser, submitted);
    const kickoff = (await db.selectFrom('kickoffs').select('id').executeTakeFirstOrThrow()).id;
    await openYear(db, app.config, teamUser, { year: 2026, title: 'Monitor 2026', deadline: '2099-12-31' });
    const report = (await db.selectFrom('monitor_reports').select('id').executeTakeFirstOrThrow()).id;
    const importId = await keepImport(db, { id: teamUser.id }, 'duo.csv', [
      { brin: '07GR', name: 'Avans Hogeschool', city: 'Breda', province: 'Noord-Brabant', website: null },
    ]);
    const support = await createRequest(
      db,
      app.config,
      me as never,
      { registrationId: submitted, theme: 'supervision', subject: 'Vraag', question: 'Tekst', condition: null },
      { filename: 'plan.pdf', content: Buffer.from('%PDF-1.4 plan'), truncated: false },
    );
    const supportId = support.ok ? support.id : '';
    const supportFile = (await db.selectFrom('support_files').select('id').executeTakeFirstOrThrow()).id;
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await publishSlots(db, app.config, teamUser, [
      {
        hostId: teamUser.id,
        startsAt: start,
        endsAt: new Date(Date.parse(start) + 3_600_000).toISOString(),
        mode: 'online',
        link: 'https://meet.example/x',
        address: null,
      },
    ]);
    const slot = (await db.selectFrom('slots').select('id').executeTakeFirstOrThrow()).id;
    await book(db, app.config, { user: me as never, key: undefined }, kickoff, slot);
    const route = await db.selectFrom('routes').select(['id', 'slug']).executeTakeFirstOrThrow();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0b4f6c' } })
      .png()
      .toBuffer();
    const story = await addStory(
      db,
      teamUser,
      {
        routeId: route.id,
        title: 'Verhaal',
        quote: '',
        person: 'P',
        role: 'R',
        organisation: 'O',
        consentDate: '2026-11-01',
        consentNote: 'mail',
        theme: '',
        body: 'Tekst',
        imageAlt: 'Logo',
      },
      await prepareImage(png),
    );
    await addAsset(db, teamUser, { title: 'Logo', description: 'Het logo', filename: 'logo.pdf' }, Buffer.from('%PDF-1.4 logo'));
    const assetId = (await db.selectFrom('toolkit_assets').select('id').executeTakeFirstOrThrow()).id;
    const draft = await startDraft(clients.applicantA);
    const file = (await db.selectFrom('registration_files').select('id').executeTakeFirstOrThrow()).id;
    // A bijeenkomst with A registered (signed in), so the pages of one registration have an owner.
    const eventId = await createEvent(db, teamUser, {
      title: 'Webinar',
      description: 'Tekst',
      themes: [],
      audiences: ['hogeschool'],
      mode: 'online',
      link: 'https://meet.example/w',
      address: null,
      startsAt: start,
      endsAt: new Date(Date.parse(start) + 3_600_000).toISOString(),
      deadline: start,
      capacity: 10,
      waitlist: true,
      reminderHours: 48,
      reminderText: '',
      organiserId: null,
      questions: [],
    });
    const seat = (await registerSignedIn(db, app.config, me as never, eventId, {})).registrationId;
    // Knowledge: an article with an image and a document, published; a chapter of the seeded guide.
    const article = await createItem(db, teamUser, 'article', {
      title: 'Artikel',
      summary: 'Kort.',
      body: 'Tekst.',
      themes: [],
      audiences: ['hogeschool'],
      criteria: [],
      fileId: null,
    });
    await publishItem(db, teamUser, article);
    const image = await addImage(db, teamUser, png, 'a.png', 'Een vlak');
    const pdf = await addPdf(db, teamUser, Buffer.from('%PDF-1.4 doc'), 'doc.pdf');
    const documentId = await createItem(db, teamUser, 'document', {
      title: 'Document',
      summary: 'Kort.',
      body: '',
      themes: [],
      audiences: ['mkb'],
      criteria: [],
      fileId: pdf,
    });
    await publishItem(db, teamUser, documentId);
    const chapter = (await db.selectFrom('knowledge_items').select(['id', 'slug']).where('kind', '=', 'chapter').executeTakeFirstOrThrow())
      .slug;
    const withAttachment = (await db.selectFrom('outbox').select('id').where('attachments', 'is not', null).executeTakeFirstOrThrow()).id;
    const samples: Record<string, string> = {
      '/beheer/privacy/persoon.json': '/beheer/privacy/persoon.json?email=a%40avans.nl',
      '/netwerk/:slug': '/netwerk/partner-bv',
      '/netwerk/bevestigen': '/netwerk/bevestigen?token=onbekend',
      '/netwerk/introductie/:id': `/netwerk/introductie/${organisationId}?kant=org&sleutel=x`,
      '/beheer/netwerk/:id': `/beheer/netwerk/${organisationId}`,
      '/beheer/netwerk/routes/:id': `/beheer/netwerk/routes/${submitted}`,
      '/mijn/organisaties/:id': `/mijn/organisaties/${organisationId}`,
      '/beheer/privacy/persoon': '/beheer/privacy/persoon?email=a%40avans.nl',
      '/beheer/paginas/:slug': '/beheer/paginas/contact',
      '/beheer/aanmeldingen/:id': `/beheer/aanmeldingen/${submitted}`,
      '/beheer/sjablonen/:key': '/beheer/sjablonen/decision_accept',
      '/dev/mailbox/:id': `/dev/mailbox/${mailId}`,
      '/dev/mailbox/:id/bijlagen/:n': `/dev/mailbox/${withAttachment}/bijlagen/0`,
      '/aanmelden/:id/:step': `/aanmelden/${draft}/organisatie`,
      '/aanmeldingen/:id': `/aanmeldingen/${submitted}`,
      '/aanmeldingen/:id/ontvangstbewijs/:version': `/aanmeldingen/${submitted}/ontvangstbewijs/1`,
      '/aanmeldingen/:id/bestanden/:file': `/aanmeldingen/${submitted}/bestanden/${file}`,
      '/startgesprek/:id': `/startgesprek/${kickoff}`,
      '/startgesprek/:id/startgesprek.ics': `/startgesprek/${kickoff}/startgesprek.ics`,
      '/beheer/startgesprekken/:id': `/beheer/startgesprekken/${kickoff}`,
      '/routes/:slug': `/routes/${route.slug}`,
      '/routes/:slug/badge.svg': `/routes/${route.slug}/badge.svg`,
      '/succesverhalen/:id': `/succesverhalen/${story}`,
      '/succesverhalen/:id/afbeelding.jpg': `/succesverhalen/${story}/afbeelding.jpg`,
      '/toolkit/:id': `/toolkit/${assetId}`,
      '/beheer/verhalen/:id': `/beheer/verhalen/${story}`,
      '/beheer/toolkit/:id': `/beheer/toolkit/${assetId}`,
      '/mijn/routes/:id': `/mijn/routes/${route.id}`,
      '/beheer/koppelverzoeken/:id': `/beheer/koppelverzoeken/${linkRequest}`,
      '/bijeenkomsten/:id': `/bijeenkomsten/${eventId}`,
      '/bijeenkomsten/:id/aanmelden': `/bijeenkomsten/${eventId}/aanmelden`,
      '/bijeenkomsten/:id/bevestigen': `/bijeenkomsten/${eventId}/bevestigen`,
      '/bijeenkomsten/aanmelding/:id': `/bijeenkomsten/aanmelding/${seat}`,
      '/bijeenkomsten/aanmelding/:id/ik-kom': `/bijeenkomsten/aanmelding/${seat}/ik-kom`,
      '/bijeenkomsten/aanmelding/:id/niet-meer': `/bijeenkomsten/aanmelding/${seat}/niet-meer`,
      '/bijeenkomsten/aanmelding/:id/bijeenkomst.ics': `/bijeenkomsten/aanmelding/${seat}/bijeenkomst.ics`,
      '/beheer/bijeenkomsten/:id': `/beheer/bijeenkomsten/${eventId}`,
      '/beheer/bijeenkomsten/:id/bewerken': `/beheer/bijeenkomsten/${eventId}/bewerken`,
      '/beheer/bijeenkomsten/:id/aanwezigheid.csv': `/beheer/bijeenkomsten/${eventId}/aanwezigheid.csv`,
      '/zoeken': '/zoeken?q=route',
      '/kennis/:slug': '/kennis/visie-en-concept',
      '/kennis/artikelen/:slug': '/kennis/artikelen/artikel',
      '/kennis/documenten/:slug': '/kennis/documenten/document',
      '/kennis/documenten/:slug/bestand': '/kennis/documenten/document/bestand',
      '/kennis/afbeeldingen/:id': image?.url ?? '',
      '/handreiking/:slug': `/handreiking/${chapter}`,
      '/mijn/handreiking/:id': `/mijn/handreiking/${submitted}`,
      '/beheer/kennis/nieuw': '/beheer/kennis/nieuw?soort=chapter',
      '/beheer/kennis/:id': `/beheer/kennis/${article}`,
      '/beheer/kennis/:id/versies': `/beheer/kennis/${article}/versies`,
      '/beheer/kennis/:id/versies/:n': `/beheer/kennis/${article}/versies/1`,
      '/beheer/kennis/themas/:code': '/beheer/kennis/themas/funding',
      '/beheer/dashboard/csv/:figure': '/beheer/dashboard/csv/status',
      '/beheer/hogescholen/import/:id': `/beheer/hogescholen/import/${importId}`,
      '/ondersteuning/:id': `/ondersteuning/${supportId}`,
      '/ondersteuning/:id/bijlagen/:file': `/ondersteuning/${supportId}/bijlagen/${supportFile}`,
      '/beheer/ondersteuning/:id': `/beheer/ondersteuning/${supportId}`,
      '/beheer/monitor/:year': '/beheer/monitor/2026',
      '/beheer/monitor/:year/antwoorden.csv': '/beheer/monitor/2026/antwoorden.csv',
      '/beheer/monitor/:year/:id': `/beheer/monitor/2026/${report}`,
      '/mijn/monitor/:id': `/mijn/monitor/${report}`,
      '/mijn/monitor/:id/:step': `/mijn/monitor/${report}/studenten`,
    };
    // Routes about one hogeschool's registration: its colleagues and the team see it, others do not.
    const ownedByA: Record<Role, number> = { anonymous: 303, applicantA: 200, applicantB: 404, team: 200, admin: 200, partner: 404 };
    const ownSeat: Record<Role, number> = { anonymous: 404, applicantA: 200, applicantB: 404, team: 404, admin: 404, partner: 404 };
    const special: Record<string, Partial<Record<Role, number>>> = {
      '/aanmelden/:id/:step': { ...ownedByA, team: 409, admin: 409 },
      '/aanmeldingen/:id': ownedByA,
      '/aanmeldingen/:id/ontvangstbewijs/:version': ownedByA,
      '/aanmeldingen/:id/bestanden/:file': ownedByA,
      // Without the signed link, only those who may see the registration get the kick-off.
      '/startgesprek/:id': { ...ownedByA, anonymous: 404 },
      '/startgesprek/:id/startgesprek.ics': { ...ownedByA, anonymous: 404 },
      // A public profile is edited by the hogeschool's own staff only.
      '/mijn/routes/:id': { anonymous: 303, applicantA: 200, applicantB: 404, team: 404, admin: 404, partner: 404 },
      // The handout of an admitted route: its hogeschool and the team.
      '/mijn/handreiking/:id': ownedByA,
      // A route's monitor: its hogeschool reads and fills it in; the team reads it (and fills in nothing).
      '/mijn/monitor/:id': ownedByA,
      '/mijn/monitor/:id/:step': { ...ownedByA, team: 403, admin: 403 },
      // Support: the route's own staff and the team read a request; only staff of an admitted route ask.
      '/ondersteuning/:id': ownedByA,
      '/ondersteuning/:id/bijlagen/:file': ownedByA,
      '/mijn/ondersteuning/nieuw': { anonymous: 303, applicantA: 200, applicantB: 403, team: 403, admin: 403, partner: 403 },
      // Only someone without a hogeschool has a link to ask for.
      '/mijn/koppeling': { anonymous: 303, applicantA: 404, applicantB: 404, team: 404, admin: 404, partner: 404 },
      '/inloggen/surfconext': { anonymous: 303, applicantA: 303, applicantB: 303, team: 303, admin: 303, partner: 303 },
      // The guest form is for visitors; signed in, one click on the event page does it.
      '/bijeenkomsten/:id/aanmelden': { anonymous: 200, applicantA: 303, applicantB: 303, team: 303, admin: 303, partner: 303 },
      // Without the token from the mail: "Deze bevestigingslink werkt niet meer".
      '/bijeenkomsten/:id/bevestigen': { anonymous: 410, applicantA: 410, applicantB: 410, team: 410, admin: 410, partner: 410 },
      // One person's registration: without the signed link, only its owner.
      '/bijeenkomsten/aanmelding/:id': ownSeat,
      '/bijeenkomsten/aanmelding/:id/ik-kom': ownSeat,
      '/bijeenkomsten/aanmelding/:id/niet-meer': ownSeat,
      '/bijeenkomsten/aanmelding/:id/bijeenkomst.ics': ownSeat,
      // The network: a confirmation link that does not exist, an answer link with a wrong key.
      '/netwerk/bevestigen': { anonymous: 410, applicantA: 410, applicantB: 410, team: 410, admin: 410, partner: 410 },
      '/netwerk/introductie/:id': { anonymous: 409, applicantA: 409, applicantB: 409, team: 409, admin: 409, partner: 409 },
      // An organisation's own page: its contact only (the team works on /beheer/netwerk).
      '/mijn/organisaties/:id': { anonymous: 303, applicantA: 404, applicantB: 404, team: 404, admin: 404, partner: 200 },
    };
    /** Routes that send signed-in people elsewhere on the site (not to sign in). */
    const ELSEWHERE = new Set(['/bijeenkomsten/:id/aanmelden']);
    const stylesheet = app.routeTable.find((r) => r.url.startsWith('/static/'))?.url ?? '';

    const mismatches: string[] = [];
    for (const [key, access] of Object.entries(EXPECTED)) {
      const [method, pattern] = key.split(' ') as [string, string];
      if (method !== 'GET') continue;
      const url = pattern === '/static/app-*.css' ? stylesheet : (samples[pattern] ?? pattern);
      for (const role of ROLES) {
        const res = await clients[role].get(url);
        const want = special[pattern]?.[role] ?? expectedGetStatus(access, role, url);
        if (res.statusCode !== want) mismatches.push(`${role} ${url}: ${res.statusCode}, expected ${want}`);
        if (OFFSITE.has(url)) {
          if (!String(res.headers.location).startsWith(`${provider.issuer}/`))
            mismatches.push(`${role} ${url}: sent to ${res.headers.location}`);
        } else if (want === 303 && ELSEWHERE.has(pattern)) {
          if (res.headers.location !== url.replace(/\/aanmelden$/, '')) mismatches.push(`${role} ${url}: sent to ${res.headers.location}`);
        } else if (want === 303 && res.headers.location !== `/inloggen?terug=${encodeURIComponent(url)}`) {
          mismatches.push(`${role} ${url}: redirected to ${res.headers.location}`);
        }
      }
    }
    assert.deepEqual(mismatches, []);
    assert.deepEqual(logs.problems, [], 'no handler ran behind a refusal');
  });

  test('state-changing routes refuse roles that may not use them, before doing anything', async (t) => {
    const logs = logWatcher();
    const { app, db } = await buildTestApp(t, { env: { LOG_LEVEL: 'warn' }, logStream: logs.stream });
    await ensureUser(db, { email: 'a@avans.nl', role: 'applicant', institutionBrin: '07GR' });
    const applicant = await signIn(app, db, 'a@avans.nl');
    const anonymous = new Client(app);
    await anonymous.get('/inloggen');
    await applicant.get('/mijn');
    const form = { title: 'Gekaapt', summary: 'x', body: 'x' };

    assert.equal((await anonymous.post('/beheer/paginas/home', form)).headers.location, '/inloggen?terug=%2Fmijn');
    assert.equal((await applicant.post('/beheer/paginas/home', form)).statusCode, 403);
    assert.equal((await anonymous.post('/uitloggen/overal', {})).statusCode, 303);
    assert.equal((await anonymous.post('/inloggen/hogeschool', { institution: '07GR' })).statusCode, 404);
    assert.equal((await applicant.post('/inloggen/hogeschool', { institution: '21QA' })).statusCode, 404);
    const home = await db.selectFrom('pages').select('title').where('slug', '=', 'home').executeTakeFirstOrThrow();
    assert.equal(home.title, 'Mkb-route in het hbo');
    const users = await db.selectFrom('users').select(['email', 'institution_brin']).execute();
    assert.deepEqual(users, [{ email: 'a@avans.nl', institution_brin: '07GR' }]);
    assert.deepEqual(logs.problems, [], 'no handler ran behind a refusal');
  });

  test('every POST route refuses every role that may not use it, and changes nothing', async (t) => {
    const logs = logWatcher();
    const { app, db } = await buildTestApp(t, { env: { LOG_LEVEL: 'warn' }, logStream: logs.stream });
    await ensureUser(db, { email: 'a@avans.nl', role: 'applicant', institutionBrin: '07GR' });
    await ensureUser(db, { email: 'b@hva.nl', role: 'applicant', institutionBrin: '21QA' });
    await ensureUser(db, { email: 'team@programma.nl', role: 'team' });
    await addOrganisation(db, null, {
      name: 'Partner BV',
      kind: 'mkb',
      kvk: '12121212',
      sectors: 'C',
      province: 'Utrecht',
      offers: 'leerwerkplekken',
      contact_name: 'Pim Partner',
      contact_email: 'p@partnerbv.nl',
    });
    const clients: Record<Exclude<Role, 'admin'>, Client> = {
      anonymous: new Client(app),
      applicantA: await signIn(app, db, 'a@avans.nl'),
      applicantB: await signIn(app, db, 'b@hva.nl'),
      team: await signIn(app, db, 'team@programma.nl'),
      partner: await signIn(app, db, 'p@partnerbv.nl'),
    };
    // A's accepted registration (through the services), so refusals are refusals of something that exists.
    const submitted = (
      await registration({ db, config: app.config }, 'accepted', {
        applicant: await user(db, 'a@avans.nl', 'applicant'),
        team: await user(db, 'team@programma.nl', 'team'),
      })
    ).id;
    const kickoff = (await db.selectFrom('kickoffs').select('id').executeTakeFirstOrThrow()).id;
    await openYear(db, app.config, await user(db, 'team@programma.nl', 'team'), {
      year: 2026,
      title: 'Monitor 2026',
      deadline: '2099-12-31',
    });
    const report = (await db.selectFrom('monitor_reports').select('id').executeTakeFirstOrThrow()).id;
    const supportId = (
      (await createRequest(
        db,
        app.config,
        await user(db, 'a@avans.nl', 'applicant'),
        { registrationId: submitted, theme: 'supervision', subject: 'Vraag', question: 'Tekst', condition: null },
        null,
      )) as { id: string }
    ).id;
    const route = (await db.selectFrom('routes').select('id').executeTakeFirstOrThrow()).id;
    for (const c of Object.values(clients)) await c.get('/inloggen');

    const samples: Record<string, string> = {
      ':id/:step': `${submitted}/organisatie`,
      '/beheer/paginas/:slug': '/beheer/paginas/home',
      '/startgesprek/:id': `/startgesprek/${kickoff}`,
      '/beheer/startgesprekken/:id': `/beheer/startgesprekken/${kickoff}`,
      '/mijn/routes/:id': `/mijn/routes/${route}`,
      '/beheer/routes/:id': `/beheer/routes/${route}`,
      '/beheer/sjablonen/:key': '/beheer/sjablonen/decision_accept',
      '/beheer/kennis/nieuw': '/beheer/kennis/nieuw?soort=article',
      '/beheer/kennis/themas/:code': '/beheer/kennis/themas/funding',
      '/beheer/teksten/criteria/:code': '/beheer/teksten/criteria/C1',
      '/beheer/teksten/themas/:code': '/beheer/teksten/themas/funding',
      '/mijn/monitor/:id/:step': `/mijn/monitor/${report}/studenten`,
      '/mijn/monitor/:id': `/mijn/monitor/${report}`,
      '/beheer/ondersteuning/vastgehouden/:id': '/beheer/ondersteuning/vastgehouden/x',
      '/beheer/ondersteuning/:id': `/beheer/ondersteuning/${supportId}`,
      '/ondersteuning/:id': `/ondersteuning/${supportId}`,
      '/beheer/monitor/:year/:id': `/beheer/monitor/2026/${report}`,
      '/beheer/monitor/:year': '/beheer/monitor/2026',
    };
    const urlOf = (pattern: string) => {
      let url = pattern;
      for (const [from, to] of Object.entries(samples)) if (url.startsWith(from)) url = to + url.slice(from.length);
      return url.replace(':id/:step', `${submitted}/organisatie`).replace(/:id|:key|:slug/g, submitted);
    };
    /** Who may not use a route, and what they get instead. */
    function refusals(access: string, url: string): Partial<Record<Exclude<Role, 'admin'>, number>> {
      const ownedByA = url.includes(submitted) || url.includes(route);
      if (access === 'team') return { anonymous: 303, applicantA: 403, applicantB: 403, partner: 403 };
      if (access === 'admin') return { anonymous: 303, applicantA: 403, applicantB: 403, team: 403, partner: 403 };
      if (access === 'pendingSignup') return { anonymous: 404, applicantA: 404, applicantB: 404, team: 404, partner: 404 };
      if (access === 'signedIn') {
        if (url.startsWith('/mijn/routes/')) return { anonymous: 303, applicantB: 404, team: 404, partner: 404 };
        if (url.startsWith('/mijn/monitor/')) return { anonymous: 303, applicantB: 404, team: 403, partner: 404 };
        if (url.startsWith('/ondersteuning/')) return { anonymous: 303, applicantB: 404, partner: 404 };
        if (url === '/mijn/ondersteuning/nieuw') return { anonymous: 303, applicantB: 403, team: 403, partner: 403 };
        if (url === '/mijn/koppeling') return { anonymous: 303, applicantA: 404, applicantB: 404, team: 404, partner: 404 };
        // Another organisation's record (the sample id is a registration's): nobody's.
        if (url.startsWith('/mijn/organisaties/')) return { anonymous: 303, applicantA: 404, applicantB: 404, team: 404, partner: 404 };
        if (url.startsWith('/aanmelden/') && ownedByA) return { anonymous: 303, applicantB: 404, team: 409, partner: 404 };
        if (ownedByA) return { anonymous: 303, applicantB: 404, partner: 404 };
        return { anonymous: 303 };
      }
      if (url.startsWith('/startgesprek/')) return { anonymous: 404, applicantB: 404, partner: 404 };
      return {};
    }
    const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_') && n !== 'sessions');
    const snapshot = async () => Object.fromEntries(await Promise.all(tables.map(async (n) => [n, await countRows(db, n)] as const)));
    const before = await snapshot();
    const pageBefore = await db.selectFrom('pages').select('title').where('slug', '=', 'home').executeTakeFirstOrThrow();

    const mismatches: string[] = [];
    let checked = 0;
    for (const [key, access] of Object.entries(EXPECTED)) {
      const [method, pattern] = key.split(' ') as [string, string];
      if (method !== 'POST') continue;
      const url = urlOf(pattern);
      for (const [role, want] of Object.entries(refusals(access, url)) as [Exclude<Role, 'admin'>, number][]) {
        const res = await clients[role].post(url, { title: 'Gekaapt', reason: 'x', body: 'x', slot: 'x', actie: 'versturen' });
        checked++;
        if (res.statusCode !== want) mismatches.push(`${role} POST ${url}: ${res.statusCode}, expected ${want}`);
        if (want === 303 && !String(res.headers.location).startsWith('/inloggen?terug=')) {
          mismatches.push(`${role} POST ${url}: redirected to ${res.headers.location}`);
        }
      }
    }
    assert.deepEqual(mismatches, []);
    assert.ok(checked >= 60, `only ${checked} refusals checked`);
    assert.deepEqual(await snapshot(), before, 'no refused request changed a table');
    assert.deepEqual(await db.selectFrom('pages').select('title').where('slug', '=', 'home').executeTakeFirstOrThrow(), pageBefore);
    assert.deepEqual(logs.problems, [], 'no handler ran behind a refusal');
  });

  test('the dev mailbox does not exist once SMTP is configured', async (t) => {
    const { app } = await buildTestApp(t, { env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
    assert.equal((await app.inject({ method: 'GET', url: '/dev/mailbox' })).statusCode, 404);
  });
});
