import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, Client, signIn } from '../../../test/helpers.ts';
import { addStory } from '../catalogue/index.ts';
import { createEvent } from '../events/index.ts';
import { createItem, type ItemText, publishItem, restoreRevision, runReviewJob, saveItem } from './index.ts';
import { handoutChapters } from './rules.ts';

type Site = Awaited<ReturnType<typeof buildTestApp>>;

const text = (over: Partial<ItemText> = {}): ItemText => ({
  title: 'Werkplekleren in kleine bedrijven',
  summary: 'Wat werkt in een klein bedrijf.',
  body: 'Een goede leerwerkplek heeft een vaste begeleider.',
  themes: ['supervision'],
  audiences: ['mkb'],
  criteria: [],
  fileId: null,
  ...over,
});

async function team(site: Site, email = 'tessa@programma.nl', name = 'Tessa Team') {
  return user(site.db, email, 'team', { name });
}

async function titlesOf(site: Site, kind: string) {
  const rows = await site.db
    .selectFrom('knowledge_items')
    .select(['title', 'published_at'])
    .where('kind', '=', kind)
    .where('published_at', 'is not', null)
    .orderBy('title')
    .execute();
  return rows.map((r) => r.title);
}

describe('knowledge: revisions, publishing, the guide', () => {
  test('every save is a revision; a draft of a published article stays off the site until published; unpublished is gone everywhere', async (t) => {
    const site = await buildTestApp(t);
    const tessa = await team(site);
    const id = await createItem(site.db, tessa, 'article', text());
    const anonymous = new Client(site.app);
    const page = '/kennis/artikelen/werkplekleren-in-kleine-bedrijven';
    assert.equal((await anonymous.get(page)).statusCode, 404, 'a draft is not public');
    await publishItem(site.db, tessa, id);
    const published = await anonymous.get(page);
    assert.equal(published.statusCode, 200);
    assert.match(published.body, /Een goede leerwerkplek heeft een vaste begeleider\./);

    await saveItem(site.db, tessa, id, text({ body: 'Nieuwe tekst, nog in concept.' }), { baseRevision: 1, publish: false });
    const still = await anonymous.get(page);
    assert.match(still.body, /vaste begeleider/, 'the published text stays until the draft is published');
    assert.doesNotMatch(still.body, /nog in concept/);
    const found = await anonymous.get('/zoeken?q=concept');
    assert.match(found.body, /Niets gevonden voor “concept”/, 'a draft is not searchable');

    await saveItem(site.db, tessa, id, text({ body: 'Nu gepubliceerd.' }), { baseRevision: 2, publish: true });
    assert.match((await anonymous.get(page)).body, /Nu gepubliceerd\./);
    assert.match((await anonymous.get('/zoeken?q=gepubliceerd')).body, /Artikelen \(1\)/);
    assert.match((await anonymous.get('/feed.xml')).body, /werkplekleren-in-kleine-bedrijven/);
    assert.match((await anonymous.get('/sitemap.xml')).body, /\/kennis\/artikelen\/werkplekleren-in-kleine-bedrijven/);

    const client = await signIn(site.app, site.db, 'tessa@programma.nl');
    await client.get(`/beheer/kennis/${id}`);
    const off = await client.post(`/beheer/kennis/${id}/depubliceren`, {});
    assert.equal(off.headers.location, `/beheer/kennis/${id}?melding=gedepubliceerd`);
    assert.equal((await anonymous.get(page)).statusCode, 404);
    assert.match((await anonymous.get('/zoeken?q=gepubliceerd')).body, /Niets gevonden/);
    assert.doesNotMatch((await anonymous.get('/feed.xml')).body, /werkplekleren/);
    assert.doesNotMatch((await anonymous.get('/sitemap.xml')).body, /werkplekleren/);
    assert.doesNotMatch((await anonymous.get('/kennis')).body, /Werkplekleren/);
    const revisions = await site.db
      .selectFrom('knowledge_revisions')
      .select(['number', 'body_md'])
      .where('item_id', '=', id)
      .orderBy('number')
      .execute();
    assert.deepEqual(
      revisions.map((r) => r.number),
      [1, 2, 3],
      'unpublishing keeps every revision',
    );
  });

  test('two team members saving at once both keep their text; a restore after someone else saved names them and keeps both', async (t) => {
    const site = await buildTestApp(t);
    const tessa = await team(site);
    const bram = await team(site, 'bram@programma.nl', 'Bram Beheer');
    const id = await createItem(site.db, tessa, 'article', text());
    await publishItem(site.db, tessa, id);
    // Both opened revision 1; Bram saves first, then Tessa.
    const bramSave = await saveItem(site.db, bram, id, text({ body: 'Tekst van Bram.' }), { baseRevision: 1, publish: false });
    assert.deepEqual(bramSave.overlap, null);
    const tessaSave = await saveItem(site.db, tessa, id, text({ body: 'Tekst van Tessa.' }), { baseRevision: 1, publish: false });
    assert.equal(tessaSave.revision, 3);
    assert.equal(tessaSave.overlap?.by, 'Bram Beheer');
    assert.equal(tessaSave.overlap?.number, 2);

    // Tessa looks at the history (latest 3) and restores revision 1; meanwhile Bram saved revision 4.
    await saveItem(site.db, bram, id, text({ body: 'Bram nog eens.' }), { baseRevision: 3, publish: false });
    const restored = await restoreRevision(site.db, tessa, id, 1, 3);
    assert.equal(restored.revision, 5);
    assert.equal(restored.overlap?.by, 'Bram Beheer');
    const all = await site.db
      .selectFrom('knowledge_revisions')
      .select(['number', 'body_md', 'restored_from'])
      .where('item_id', '=', id)
      .orderBy('number')
      .execute();
    assert.deepEqual(
      all.map((r) => [r.number, r.body_md, r.restored_from]),
      [
        [1, 'Een goede leerwerkplek heeft een vaste begeleider.', null],
        [2, 'Tekst van Bram.', null],
        [3, 'Tekst van Tessa.', null],
        [4, 'Bram nog eens.', null],
        [5, 'Een goede leerwerkplek heeft een vaste begeleider.', 1],
      ],
    );
    // The item was published: the restored text is public at once.
    const item = await site.db
      .selectFrom('knowledge_items')
      .select(['published_revision', 'body_md'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(item, { published_revision: 5, body_md: 'Een goede leerwerkplek heeft een vaste begeleider.' });

    // Through the pages: the restore form carries what Tessa saw, and the edit page names Bram.
    const client = await signIn(site.app, site.db, 'tessa@programma.nl');
    await client.get(`/beheer/kennis/${id}/versies/2`);
    await saveItem(site.db, bram, id, text({ body: 'Bram derde keer.' }), { baseRevision: 5, publish: false });
    const res = await client.post(`/beheer/kennis/${id}/versies/2/terugzetten`, { seen: '5' });
    assert.equal(res.headers.location, `/beheer/kennis/${id}?melding=teruggezet&overlap=6`);
    const edit = await client.get(String(res.headers.location));
    assert.match(edit.body, /Bram Beheer sloeg op .* versie 6 op, nadat u begon/);
  });

  test('the seeded guide has parts and chapters with review dates; a reworded criterion flags exactly the chapters that refer to it and the owner is mailed once', async (t) => {
    const site = await buildTestApp(t);
    assert.deepEqual(await titlesOf(site, 'chapter'), [
      'De tripartiete overeenkomst',
      'De werkplek in het mkb en de praktijkbegeleider',
      'Leren en werken verbinden: curriculum en toetsing',
      'Nieuwe doelgroepen werven',
      'Salaris en scholingsregelingen',
      'Samen vormgeven met bedrijven en branches',
      'Wat een Mkb-route in het hbo is',
    ]);
    const anonymous = new Client(site.app);
    const contents = await anonymous.get('/handreiking');
    assert.match(
      contents.body,
      /De basis[\s\S]*Wat een Mkb-route in het hbo is[\s\S]*De route inrichten[\s\S]*De tripartiete overeenkomst/,
    );
    const chapter = await anonymous.get('/handreiking/de-tripartiete-overeenkomst');
    assert.match(chapter.body, /Laatst beoordeeld op \d+ \w+ \d{4} · volgende beoordeling \d+ \w+ \d{4}/);
    assert.match(chapter.body, /Vorige: De werkplek in het mkb en de praktijkbegeleider/);
    assert.match(chapter.body, /Volgende: Salaris en scholingsregelingen/);

    const admin = await user(site.db, 'admin@programma.nl', 'admin', { name: 'Ada Admin' });
    const owner = await team(site);
    await site.db.updateTable('knowledge_items').set({ owner_id: owner.id }).where('kind', '=', 'chapter').execute();
    const client = await signIn(site.app, site.db, 'admin@programma.nl');
    await client.get('/beheer/teksten');
    const res = await client.post('/beheer/teksten/criteria/C3', {
      title_C3: 'Tripartiete overeenkomst',
      description_C3: 'Student, hogeschool en bedrijf tekenen samen.',
    });
    assert.equal(res.headers.location, '/beheer/teksten?klaar=C3');
    const flagged = await site.db
      .selectFrom('knowledge_items')
      .select(['title', 'review_reason'])
      .where('review_reason', 'is not', null)
      .orderBy('title')
      .execute();
    assert.deepEqual(
      flagged.map((f) => f.title),
      ['De tripartiete overeenkomst', 'Wat een Mkb-route in het hbo is'],
    );
    assert.match(flagged[0]?.review_reason ?? '', /^De tekst van criterium C3 \(Tripartiete overeenkomst\) is gewijzigd op /);
    assert.match(
      (await anonymous.get('/criteria')).body,
      /Student, hogeschool en bedrijf tekenen samen\./,
      'the public page shows the new wording at once',
    );

    assert.equal(await runReviewJob(site.db, site.config), 2);
    assert.equal(await runReviewJob(site.db, site.config), 0, 'mailed once per occasion');
    const mails = await site.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('subject', 'like', 'Beoordeling nodig%')
      .orderBy('subject')
      .execute();
    assert.deepEqual(mails, [
      { to_address: 'tessa@programma.nl', subject: 'Beoordeling nodig: De tripartiete overeenkomst' },
      { to_address: 'tessa@programma.nl', subject: 'Beoordeling nodig: Wat een Mkb-route in het hbo is' },
    ]);
    // The owner sees them first thing on /beheer, and confirms one.
    const tessa = await signIn(site.app, site.db, 'tessa@programma.nl');
    const beheer = await tessa.get('/beheer');
    assert.match(beheer.body, /Hoofdstukken om te beoordelen \(2\)/);
    const id = (
      await site.db.selectFrom('knowledge_items').select('id').where('title', '=', 'De tripartiete overeenkomst').executeTakeFirstOrThrow()
    ).id;
    await tessa.get(`/beheer/kennis/${id}`);
    await tessa.post(`/beheer/kennis/${id}/beoordeeld`, {});
    assert.match((await tessa.get('/beheer')).body, /Hoofdstukken om te beoordelen \(1\)/);
    // A review date that passed: the owner is mailed about that too, once.
    await site.db.updateTable('knowledge_items').set({ review_due: '2020-01-01' }).where('id', '=', id).execute();
    assert.equal(await runReviewJob(site.db, site.config), 1);
    assert.equal(await runReviewJob(site.db, site.config), 0);
    assert.ok(admin.id);
  });

  test('the route handout has exactly the chapters for its open verdicts, its conditions and its chosen themes', async (t) => {
    const site = await buildTestApp(t);
    const made = await registration(site, 'accepted', {
      answers: { deelname: { themes: 'funding' } },
      verdicts: {
        C1: { verdict: 'meets', explanation: '' },
        C2: { verdict: 'partly', explanation: 'Een van de bedrijven is te groot.' },
        C3: { verdict: 'meets', explanation: '' },
        C4: { verdict: 'meets', explanation: '' },
        C5: { verdict: 'meets', explanation: '' },
      },
      conditions: 'Lever voor de start de getekende driepartijenovereenkomst aan.',
    });
    const anna = await signIn(site.app, site.db, 'anna@avans.nl');
    const mijn = await anna.get('/mijn');
    assert.match(mijn.body, new RegExp(`href="/mijn/handreiking/${made.id}"`));
    const handout = await anna.get(`/mijn/handreiking/${made.id}`);
    assert.equal(handout.statusCode, 200);
    const chapters = [...handout.body.matchAll(/<article class="mkb-print-chapter"[^>]*><h2[^>]*>([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(chapters, [
      'Wat een Mkb-route in het hbo is',
      'De werkplek in het mkb en de praktijkbegeleider',
      'De tripartiete overeenkomst',
      'Salaris en scholingsregelingen',
    ]);
    assert.match(handout.body, /Waarom dit hoofdstuk: C2 Werkplek in het mkb: voldeed deels of was onduidelijk\./);
    assert.match(handout.body, /voorwaarde bij de toelating over C3 Driepartijenovereenkomst/);
    assert.match(handout.body, /thema dat u koos: Financiering en scholingsregelingen/);
    assert.match(handout.body, /class="mkb-running">Handreiking voor MKB-\d{4}-0001/);
    // Another hogeschool does not get it.
    await user(site.db, 'bob@hva.nl', 'applicant', { brin: '21QA' });
    const bob = await signIn(site.app, site.db, 'bob@hva.nl');
    assert.equal((await bob.get(`/mijn/handreiking/${made.id}`)).statusCode, 404);
  });

  test('a theme page gathers its chapters, articles, stories, routes and coming events; themes are in the feed and sitemap; the guide prints per audience', async (t) => {
    const site = await buildTestApp(t);
    const tessa = await team(site);
    const made = await registration(site, 'accepted', { answers: { deelname: { themes: 'supervision' } } });
    const route = await site.db.selectFrom('routes').select(['id', 'title']).where('id', '=', made.id).executeTakeFirstOrThrow();
    await addStory(
      site.db,
      tessa,
      {
        routeId: route.id,
        title: 'Begeleiden op de werkvloer',
        quote: '',
        person: 'Sam',
        role: 'praktijkbegeleider',
        organisation: 'Metaal & Co',
        consentDate: '2026-11-01',
        consentNote: 'Formulier',
        theme: 'supervision',
        body: 'Sam begeleidt twee studenten.',
        imageAlt: '',
      },
      null,
    );
    const article = await createItem(site.db, tessa, 'article', text());
    await publishItem(site.db, tessa, article);
    await createItem(site.db, tessa, 'article', text({ title: 'Nog een concept' }));
    const starts = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await createEvent(site.db, tessa, {
      title: 'Leernetwerk begeleiding',
      description: 'Tekst',
      themes: ['supervision'],
      audiences: ['hogeschool'],
      mode: 'online',
      link: 'https://meet.example/x',
      address: null,
      startsAt: starts,
      endsAt: new Date(Date.parse(starts) + 3_600_000).toISOString(),
      deadline: starts,
      capacity: null,
      waitlist: false,
      reminderHours: 0,
      reminderText: '',
      organiserId: null,
      questions: [],
    });
    const anonymous = new Client(site.app);
    const page = (await anonymous.get('/kennis/praktijkbegeleiding')).body;
    const section = (id: string) => {
      const start = page.indexOf(`id="${id}"`);
      return start < 0 ? '' : page.slice(start, page.indexOf('</section>', start));
    };
    assert.match(section('handreiking'), /De werkplek in het mkb en de praktijkbegeleider/);
    assert.match(section('artikelen'), /Werkplekleren in kleine bedrijven/);
    assert.doesNotMatch(page, /Nog een concept/);
    assert.match(section('verhalen'), /Begeleiden op de werkvloer/);
    assert.match(section('routes'), new RegExp(route.title));
    assert.match(section('bijeenkomsten'), /Leernetwerk begeleiding/);
    assert.match((await anonymous.get('/feed.xml')).body, /<title>Thema: Praktijkbegeleiding<\/title>/);
    assert.match((await anonymous.get('/sitemap.xml')).body, /\/kennis\/praktijkbegeleiding</);

    const forBranches = (await anonymous.get('/handreiking/afdrukken?doelgroep=branche')).body;
    assert.deepEqual(
      [...forBranches.matchAll(/<article class="mkb-print-chapter"[^>]*><h2[^>]*>([^<]+)</g)].map((m) => m[1]),
      ['Wat een Mkb-route in het hbo is', 'Samen vormgeven met bedrijven en branches', 'Nieuwe doelgroepen werven'],
    );
    assert.match(forBranches, /Handreiking Mkb-route in het hbo voor brancheverenigingen/);

    // Renaming a theme flags the chapters on it, and its page and lists show the new name at once.
    await user(site.db, 'admin@programma.nl', 'admin');
    const admin = await signIn(site.app, site.db, 'admin@programma.nl');
    await admin.get('/beheer/teksten');
    const empty = await admin.post('/beheer/teksten/themas/supervision', { name_supervision: '  ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Vul de naam van het thema in/);
    await admin.post('/beheer/teksten/themas/supervision', { name_supervision: 'Kwaliteit van praktijkbegeleiding' });
    const flagged = await site.db.selectFrom('knowledge_items').select('title').where('review_reason', 'is not', null).execute();
    assert.deepEqual(
      flagged.map((f) => f.title),
      ['De werkplek in het mkb en de praktijkbegeleider'],
    );
    assert.match((await anonymous.get('/kennis/praktijkbegeleiding')).body, /<h1[^>]*>Kwaliteit van praktijkbegeleiding<\/h1>/);
  });

  test('the handout rule: a condition names a criterion by code or by its title’s words', () => {
    const criteria = [
      { code: 'C3', title: 'Driepartijenovereenkomst' },
      { code: 'C4', title: 'Salaris' },
    ];
    const chapters = [
      { id: 'a', criteria: ['C3'], themes: [] },
      { id: 'b', criteria: ['C4'], themes: ['funding'] },
      { id: 'c', criteria: [], themes: ['vision'] },
    ];
    const pick = (conditions: string[], themes: string[] = []) =>
      handoutChapters(chapters, { criteria: [], conditions, themes }, criteria).map((x) => [x.chapter.id, x.reasons.map((r) => r.kind)]);
    assert.deepEqual(pick(['Zorg dat c3 op orde is']), [['a', ['condition']]]);
    assert.deepEqual(pick(['De salarissen moeten marktconform zijn']), [['b', ['condition']]]);
    assert.deepEqual(pick(['Iets anders'], ['funding']), [['b', ['theme']]]);
    assert.deepEqual(pick([]), []);
  });
});

describe('knowledge: the team’s forms survive bad input', () => {
  /** Posts the item form as a browser does (multipart, repeated checkboxes, one file). */
  function poster(site: Site, client: Client) {
    return (url: string, fields: [string, string][], file?: { field: string; name: string; type: string; content: Buffer }) => {
      const boundary = '----kennis';
      const parts: Buffer[] = [['_csrf', client.lastCsrf ?? ''] as [string, string], ...fields].map(([k, v]) =>
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      );
      if (file) {
        parts.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
          ),
          file.content,
          Buffer.from('\r\n'),
        );
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return site.app.inject({
        method: 'POST',
        url,
        payload: Buffer.concat(parts),
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
    };
  }

  test('hostile Markdown is sanitised; 1 MB, an image without description or from elsewhere is refused with the text kept', async (t) => {
    const site = await buildTestApp(t);
    await team(site);
    const client = await signIn(site.app, site.db, 'tessa@programma.nl');
    await client.get('/beheer/kennis/nieuw?soort=article');
    const post = poster(site, client);
    const base: [string, string][] = [
      ['title', 'Veilig schrijven'],
      ['summary', 'Over wat wel en niet mag.'],
      ['audiences', 'hogeschool'],
      ['audiences', 'mkb'],
      ['themes', 'curriculum'],
      ['base', '0'],
    ];
    const huge = await post('/beheer/kennis/nieuw?soort=article', [
      ...base,
      ['body', `Begin ${'x'.repeat(1_000_000)}`],
      ['actie', 'publiceren'],
    ]);
    assert.equal(huge.statusCode, 422);
    assert.match(huge.body, /De tekst is hooguit 60\.000 tekens lang; u typte er 1\.000\.006/);
    assert.match(huge.body, /value="Veilig schrijven"/, 'the title is kept');
    assert.match(huge.body, /<textarea[^>]*name="body"[^>]*>Begin x/, 'the text is kept');
    const noAlt = await post('/beheer/kennis/nieuw?soort=article', [
      ...base,
      ['body', 'Zie ![](/kennis/afbeeldingen/00000000-0000-4000-8000-000000000000)'],
      ['actie', 'concept'],
    ]);
    assert.equal(noAlt.statusCode, 422);
    assert.match(noAlt.body, /Geef elke afbeelding een beschrijving/);
    const elsewhere = await post('/beheer/kennis/nieuw?soort=article', [
      ...base,
      ['body', '![Logo](https://evil.example/x.png)'],
      ['actie', 'concept'],
    ]);
    assert.match(elsewhere.body, /Afbeelding https:\/\/evil\.example\/x\.png: voeg afbeeldingen toe met “Afbeelding toevoegen”/);
    const noAudience = await post('/beheer/kennis/nieuw?soort=article', [
      ['title', 'X'],
      ['summary', 'Y'],
      ['body', 'Z'],
      ['actie', 'concept'],
    ]);
    assert.match(noAudience.body, /Kies voor wie dit is bedoeld/);
    const articles = await site.db.selectFrom('knowledge_items').where('kind', '=', 'article').select('id').execute();
    assert.equal(articles.length, 0, 'nothing stored');

    const hostile = [
      '## Kop',
      '<script>alert(1)</script>',
      '[klik](javascript:alert(1))',
      '<img src=x onerror="alert(1)">',
      '<a href="https://ok.example" onclick="alert(1)">link</a>',
      '| a | b |\n| --- | --- |\n| 1 | 2 |',
    ].join('\n\n');
    const ok = await post('/beheer/kennis/nieuw?soort=article', [...base, ['body', hostile], ['actie', 'publiceren']]);
    assert.equal(ok.statusCode, 303);
    const page = await new Client(site.app).get('/kennis/artikelen/veilig-schrijven');
    const main = page.body.slice(page.body.indexOf('<main'), page.body.indexOf('</main>'));
    assert.doesNotMatch(main, /<script|javascript:|onerror|onclick|<img/);
    assert.match(main, /<h2>Kop<\/h2>/);
    assert.match(main, /<table>/);
    assert.match(main, /<a href="https:\/\/ok\.example">link<\/a>/);
  });

  test('an image goes in with its description; a document needs a real PDF, which is served only while published', async (t) => {
    const site = await buildTestApp(t);
    await team(site);
    const client = await signIn(site.app, site.db, 'tessa@programma.nl');
    await client.get('/beheer/kennis/nieuw?soort=article');
    const post = poster(site, client);
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#0b4f6c' } })
      .png()
      .toBuffer();
    const fields: [string, string][] = [
      ['title', 'Met afbeelding'],
      ['summary', 'Een plaatje.'],
      ['body', 'Tekst vooraf.'],
      ['audiences', 'hogeschool'],
      ['base', '0'],
    ];
    const noAlt = await post('/beheer/kennis/nieuw?soort=article', [...fields, ['actie', 'afbeelding']], {
      field: 'image',
      name: 'a.png',
      type: 'image/png',
      content: png,
    });
    assert.match(noAlt.body, /Beschrijf wat er op de afbeelding te zien is/);
    assert.equal((await site.db.selectFrom('knowledge_files').select('id').execute()).length, 0);
    const withAlt = await post(
      '/beheer/kennis/nieuw?soort=article',
      [...fields, ['image_alt', 'Een blauw vlak'], ['actie', 'afbeelding']],
      {
        field: 'image',
        name: 'a.png',
        type: 'image/png',
        content: png,
      },
    );
    const image = /!\[Een blauw vlak\]\((\/kennis\/afbeeldingen\/[0-9a-f-]{36})\)/.exec(withAlt.body)?.[1];
    assert.ok(image, 'the image line is put in the text');
    assert.match(withAlt.body, /Tekst vooraf\./, 'the text typed before is kept');
    const img = await new Client(site.app).get(image);
    assert.equal(img.headers['content-type'], 'image/jpeg');

    await client.get('/beheer/kennis/nieuw?soort=document');
    const docFields: [string, string][] = [
      ['title', 'Modelovereenkomst'],
      ['summary', 'Een model om mee te beginnen.'],
      ['body', ''],
      ['audiences', 'mkb'],
      ['base', '0'],
      ['actie', 'publiceren'],
    ];
    const fake = await post('/beheer/kennis/nieuw?soort=document', docFields, {
      field: 'file',
      name: 'x.pdf',
      type: 'application/pdf',
      content: Buffer.from('MZ not a pdf'),
    });
    assert.match(fake.body, /Dit bestand is geen pdf van hoogstens 10 MB/);
    const none = await post('/beheer/kennis/nieuw?soort=document', docFields);
    assert.match(none.body, /Kies de pdf van dit document/);
    const real = await post('/beheer/kennis/nieuw?soort=document', docFields, {
      field: 'file',
      name: 'model.pdf',
      type: 'application/pdf',
      content: Buffer.from('%PDF-1.4 model'),
    });
    assert.equal(real.statusCode, 303);
    const anonymous = new Client(site.app);
    const page = await anonymous.get('/kennis/documenten/modelovereenkomst');
    assert.match(page.body, /model\.pdf downloaden/);
    const pdf = await anonymous.get('/kennis/documenten/modelovereenkomst/bestand');
    assert.equal(pdf.body, '%PDF-1.4 model');
    const id = String(real.headers.location).split('/')[3]?.split('?')[0] as string;
    await client.get(`/beheer/kennis/${id}`);
    await client.post(`/beheer/kennis/${id}/depubliceren`, {});
    assert.equal((await anonymous.get('/kennis/documenten/modelovereenkomst/bestand')).statusCode, 404);
  });

  test('the guide’s parts are renamed, reordered and added to by the team; a wrong place keeps what was typed', async (t) => {
    const site = await buildTestApp(t);
    await team(site);
    const client = await signIn(site.app, site.db, 'tessa@programma.nl');
    await client.get('/beheer/kennis/delen');
    const fields = {
      title_basis: 'De basis',
      position_basis: '3',
      title_inrichten: 'Inrichten',
      position_inrichten: 'twee',
      title_samenwerken: 'Samenwerken en groeien',
      position_samenwerken: '1',
      new: 'Bijlagen',
    };
    const wrong = await client.post('/beheer/kennis/delen', fields);
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Vul bij De route inrichten als plaats een heel getal in, zoals 2/);
    assert.match(wrong.body, /value="Inrichten"/);
    assert.match(wrong.body, /value="Bijlagen"/);
    const ok = await client.post('/beheer/kennis/delen', { ...fields, position_inrichten: '2' });
    assert.equal(ok.headers.location, '/beheer/kennis?melding=delen');
    const parts = await site.db
      .selectFrom('guide_parts')
      .select(['code', 'title', 'position'])
      .orderBy('position')
      .orderBy('code')
      .execute();
    assert.deepEqual(parts, [
      { code: 'samenwerken', title: 'Samenwerken en groeien', position: 1 },
      { code: 'inrichten', title: 'Inrichten', position: 2 },
      { code: 'basis', title: 'De basis', position: 3 },
      { code: 'bijlagen', title: 'Bijlagen', position: 4 },
    ]);
    const contents = (await new Client(site.app).get('/handreiking')).body;
    assert.match(contents, /Samenwerken en groeien[\s\S]*Inrichten[\s\S]*De basis/);
    assert.doesNotMatch(contents, /Bijlagen/, 'a part without published chapters is not shown');
  });
});
