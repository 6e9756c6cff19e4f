import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import sharp from 'sharp';
import { assessAndAccept } from '../../../test/factories.ts';
import { buildTestApp, type Client, countRows, signIn } from '../../../test/helpers.ts';
import { applicant, saveStep, startDraft, submit, VALID } from '../../../test/registration-fixtures.ts';
import { buildApp } from '../../app.ts';
import { connect } from '../../db/connect.ts';
import { parseQuery } from '../../platform/dutch-search.ts';
import { ensureUser } from '../accounts/index.ts';
import { assign } from '../assessments/index.ts';
import { catalogue } from './index.ts';
import { badgeLines } from './open-data.ts';
import { listPublished, saveRoute } from './repo.ts';
import { shade, shadeLegend } from './rules.ts';

type Site = Awaited<ReturnType<typeof buildTestApp>>;

let counter = 0;
/** An accepted registration with the given programme name, province and publication consent. */
async function acceptedRoute(
  site: Site,
  opts: { name: string; province?: string; sector?: string; publish: string[]; description?: string; brin?: string },
) {
  counter++;
  const client = await applicant(site.app, site.db, `aanvrager${counter}@hogeschool.nl`, opts.brin ?? '07GR');
  const id = await startDraft(client);
  const steps: Record<string, Record<string, string | null>> = {
    ...VALID,
    opleiding: {
      ...VALID.opleiding,
      institution: opts.brin ?? '07GR',
      programme_name: opts.name,
      province: opts.province ?? 'Noord-Brabant',
      sector: opts.sector ?? 'C',
    },
    route: { ...VALID.route, description: opts.description ?? `${opts.name}: leren en werken in de maakindustrie.` },
    publicatie: { publish: null },
  };
  for (const [slug, form] of Object.entries(steps)) await saveStep(client, id, slug, form);
  // Several consents: posted as repeated fields, the way a browser sends checkboxes.
  await client.get(`/aanmelden/${id}/publicatie`);
  await site.app.inject({
    method: 'POST',
    url: `/aanmelden/${id}/publicatie`,
    payload: new URLSearchParams([
      ['_csrf', client.lastCsrf ?? ''],
      ...opts.publish.map((p) => ['publish', p]),
      ['actie', 'volgende'],
    ]).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  await submit(client, id);
  const teamId = await ensureUser(site.db, { email: 'team@programma.nl', role: 'team' });
  const team = { id: teamId, email: 'team@programma.nl', name: null, role: 'team' as const, institutionBrin: null, institutionName: null };
  await assign(site.db, site.config, team, id, [teamId]);
  await assessAndAccept(site, team, id);
  return { id, client };
}

async function get(site: Site, url: string) {
  return site.app.inject({ method: 'GET', url });
}

describe('catalogue: consent', () => {
  test('a route without consent never appears: not in page, search, API, CSV, feed or sitemap; consented fields only', async (t) => {
    const site = await buildTestApp(t);
    await acceptedRoute(site, { name: 'Ad Zichtbaar Bouwen', publish: ['description', 'locations'] });
    await acceptedRoute(site, { name: 'Ad Geheim Bouwen', publish: [] });
    assert.equal(await countRows(site.db, 'routes'), 1);
    for (const url of [
      '/routes',
      '/routes?q=geheim',
      '/api/v1/routes',
      '/api/v1/routes?q=geheim',
      '/api/v1/routes.csv',
      '/feed.xml',
      '/sitemap.xml',
      '/kaart',
    ]) {
      const res = await get(site, url);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, /Geheim/, url);
    }
    const page = await get(site, '/routes');
    assert.match(page.body, /Ad Zichtbaar Bouwen/);
    const api = (await get(site, '/api/v1/routes')).json();
    assert.equal(api.data.length, 1);
    assert.equal(api.data[0].title, 'Ad Zichtbaar Bouwen');
    assert.equal(api.data[0].locations, 'Breda, Tilburg');
    assert.equal(api.data[0].contact, null, 'no consent for the contact person');
    assert.equal(api.data[0].partners, null);
    const routePage = await get(site, `/routes/${api.data[0].slug}`);
    assert.doesNotMatch(routePage.body, /anna@avans\.nl|Anna Ad/);
    assert.equal((await get(site, '/routes/ad-geheim-bouwen-avans')).statusCode, 404);
  });
});

describe('catalogue: finding routes', () => {
  test('filters combine and live in the URL; unknown values are ignored with a notice; a page past the end shows the last', async (t) => {
    const site = await buildTestApp(t);
    await acceptedRoute(site, { name: 'Ad Zorg en Welzijn', province: 'Utrecht', sector: 'Q', publish: ['description'] });
    await acceptedRoute(site, { name: 'Ad Techniek Brabant', province: 'Noord-Brabant', sector: 'C', publish: ['description'] });
    await acceptedRoute(site, { name: 'Bachelor Bouw Utrecht', province: 'Utrecht', sector: 'F', publish: ['description'], brin: '25BE' });
    const utrecht = await get(site, '/routes?provincie=Utrecht');
    assert.match(utrecht.body, /2 routes gevonden/);
    const both = await get(site, '/routes?provincie=Utrecht&sector=Q&niveau=AD&deelname=pilot');
    assert.match(both.body, /1 route gevonden/);
    assert.match(both.body, /Ad Zorg en Welzijn/);
    assert.match(both.body, /<option value="Utrecht" selected>Utrecht<\/option>/, 'the filter shows in the form');
    const unknown = await get(site, '/routes?provincie=Atlantis&sector=ZZ');
    assert.equal(unknown.statusCode, 200);
    assert.match(unknown.body, /Niet herkende filters zijn genegeerd: sector=ZZ, provincie=Atlantis/);
    assert.match(unknown.body, /3 routes gevonden/);
    assert.equal((await get(site, '/routes?pagina=999')).statusCode, 200);
    assert.deepEqual((await get(site, '/api/v1/routes?pagina=999')).json().meta, { total: 3, page: 1, pages: 1, ignored: [] });
  });

  test('Dutch full-text search: prefixes, accents, several words; query syntax and 10 kB strings are handled', async (t) => {
    const site = await buildTestApp(t);
    await acceptedRoute(site, {
      name: 'Ad Zorg en Welzijn',
      publish: ['description'],
      description: 'Werken in de thuiszorg en het sociaal domein.',
    });
    await acceptedRoute(site, {
      name: 'Ad Techniek',
      publish: ['description'],
      description: 'Onderhoud van machines in de procesindustrie.',
    });
    const titles = async (q: string) =>
      ((await get(site, `/api/v1/routes?q=${encodeURIComponent(q)}`)).json().data as { title: string }[]).map((r) => r.title);
    assert.deepEqual(await titles('thuiszorg'), ['Ad Zorg en Welzijn']);
    assert.deepEqual(await titles('machine'), ['Ad Techniek'], 'prefix');
    assert.deepEqual(await titles('WELZIJN zorg'), ['Ad Zorg en Welzijn'], 'all words, any case');
    assert.deepEqual(await titles('zorg machines'), [], 'words combine with AND');
    for (const hostile of ['"onderhoud OR', 'NEAR(x y)', "' OR 1=1 --", '*:*', '-zorg', `${'x'.repeat(10_000)} zorg`, 'ünïcödé', '()"^']) {
      const res = await get(site, `/routes?q=${encodeURIComponent(hostile)}`);
      assert.equal(res.statusCode, 200, hostile.slice(0, 20));
      assert.equal((await get(site, `/api/v1/routes?q=${encodeURIComponent(hostile)}`)).statusCode, 200);
    }
  });

  test('the catalogue search reads Dutch: inflections, f/v and s/z, compounds and their parts, phrases and exclusions (same answers on both engines)', async (t) => {
    const site = await buildTestApp(t);
    const corpus = [
      { name: 'Ad Logistiek', description: 'Plannen en regelen voor transportbedrijven in de regio.' },
      { name: 'Bachelor Bouwkunde', description: 'De student werkt in de bouw bij een aannemer en leert huizen verduurzamen.' },
      { name: 'Ad Zorg', description: 'Leren en werken in de thuiszorg, met een vaste praktijkbegeleider.' },
    ];
    for (const r of corpus) await acceptedRoute(site, { name: r.name, publish: ['description'], description: r.description });
    const titles = async (q: string) =>
      ((await get(site, `/api/v1/routes?q=${encodeURIComponent(q)}`)).json().data as { title: string }[]).map((r) => r.title).sort();
    const expected: [string, string[]][] = [
      ['logistieke', ['Ad Logistiek']],
      ['bouwen', ['Bachelor Bouwkunde']],
      ['transportbedrijf', ['Ad Logistiek']],
      ['bedrijf', ['Ad Logistiek']],
      ['transport', ['Ad Logistiek']],
      ['huis', ['Bachelor Bouwkunde']],
      ['begeleider', ['Ad Zorg']],
      ['praktijkbegeleiders', ['Ad Zorg']],
      ['"leren en werken"', ['Ad Zorg']],
      ['"werken en leren"', []],
      ['regio -transportbedrijven', []],
      ['student -thuiszorg', ['Bachelor Bouwkunde']],
      ['Zorg', ['Ad Zorg']],
    ];
    for (const [q, want] of expected) assert.deepEqual(await titles(q), want, q);
  });
  test('a search lists the same routes in the same order whichever plan reads them: few matches, many, none; paged newest first', async (t) => {
    const { db } = await buildTestApp(t);
    // 340 routes (more matches than the few that are read through the search index first on
    // PostgreSQL): 320 mention "zorg", 10 of them also "bouw"; publication times repeat, so the id decides ties.
    const base = Date.parse('2026-06-01T00:00:00Z');
    for (let i = 0; i < 340; i++) {
      const id = `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
      const at = new Date(base - (i % 170) * 60_000).toISOString();
      await db
        .insertInto('registrations')
        .values({ id, institution_brin: '07GR', reference: `MKB-T-${i}`, state: 'accepted', answers: '{}', created_at: at, updated_at: at })
        .execute();
      const words = i < 320 ? (i % 32 === 0 ? 'zorg en bouw' : 'zorg') : 'techniek';
      const row = {
        id,
        slug: `route-${i}`,
        title: `Ad ${words} ${i}`,
        institution_brin: '07GR',
        institution_name: 'Avans Hogeschool',
        level: 'AD',
        mode: 'duaal',
        sector: i % 2 ? 'Q' : 'C',
        province: 'Utrecht',
        participation: 'pilot',
        croho: '80072',
        description: `Werkend leren: ${words}.`,
        locations: 'Breda',
        target_groups: '[]',
        published: 1,
        first_published_at: at,
        updated_at: at,
      };
      await saveRoute(db, row, `${row.title} ${row.description}`);
    }
    const expected = (match: (i: number) => boolean) =>
      Array.from({ length: 340 }, (_, i) => i)
        .filter(match)
        .sort((a, b) => (a % 170) - (b % 170) || a - b)
        .map((i) => `route-${i}`);
    const slugs = async (q: string, page: number, sector?: string) => {
      const r = await catalogue(db, { search: parseQuery(q), page, sector });
      return { total: r.total, slugs: r.routes.map((x) => x.slug) };
    };
    const many = expected((i) => i < 320);
    assert.deepEqual(await slugs('zorg', 1), { total: 320, slugs: many.slice(0, 20) });
    assert.deepEqual(await slugs('zorg', 16), { total: 320, slugs: many.slice(300, 320) });
    const few = expected((i) => i < 320 && i % 32 === 0);
    assert.deepEqual(await slugs('zorg bouw', 1), { total: 10, slugs: few });
    const fewQ = expected((i) => i < 320 && i % 2 === 1);
    assert.deepEqual(await slugs('zorg', 2, 'Q'), { total: 160, slugs: fewQ.slice(20, 40) });
    assert.deepEqual(await slugs('zorg techniek', 1), { total: 0, slugs: [] });
    // The page read by either plan is the same.
    const filters = { search: parseQuery('zorg') };
    const viaListing = await listPublished(db, filters, 20, 40);
    const viaSearchIndex = await listPublished(db, filters, 20, 40, 1);
    assert.deepEqual(
      viaSearchIndex.map((r) => r.slug),
      viaListing.map((r) => r.slug),
    );
    assert.deepEqual(
      viaListing.map((r) => r.slug),
      many.slice(40, 60),
    );
  });
});

describe('catalogue: route page, map, open data', () => {
  test('the badge wraps a long name over two lines and only then shortens it; the map legend names what each shade means', () => {
    assert.deepEqual(badgeLines('Ad Techniek'), ['Ad Techniek']);
    assert.deepEqual(badgeLines('Associate degree Technische Bedrijfskunde duaal'), ['Associate degree Technische', 'Bedrijfskunde duaal']);
    assert.deepEqual(badgeLines('Associate degree Technische Bedrijfskunde in de maakindustrie van Brabant'), [
      'Associate degree Technische',
      'Bedrijfskunde in de maakindustrie…',
    ]);
    assert.deepEqual(shadeLegend(0), [{ step: 0, label: 'geen routes' }]);
    assert.deepEqual(
      shadeLegend(9).map((l) => l.label),
      ['geen routes', '1 tot en met 2 routes', '3 tot en met 4 routes', '5 tot en met 6 routes', '7 tot en met 9 routes'],
    );
    assert.deepEqual(
      shadeLegend(2).map((l) => [l.step, l.label]),
      [
        [0, 'geen routes'],
        [2, '1 route'],
        [4, '2 routes'],
      ],
    );
    // Every count lands on a shade the legend names, with the words that fit it.
    for (const max of [1, 2, 3, 5, 9, 40]) {
      const legend = shadeLegend(max);
      for (let n = 0; n <= max; n++)
        assert.ok(
          legend.some((l) => l.step === shade(n, max)),
          `${n} of ${max}`,
        );
    }
  });

  test('the route page carries schema.org JSON-LD and a badge that links back; the map shades and links all 12 provinces', async (t) => {
    const site = await buildTestApp(t);
    await acceptedRoute(site, { name: 'Ad Techniek <Brabant>', publish: ['description', 'contact'] });
    const { slug } = (await get(site, '/api/v1/routes')).json().data[0];
    const page = await get(site, `/routes/${slug}`);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)?.[1] ?? '';
    const ld = JSON.parse(json);
    assert.equal(ld['@type'], 'EducationalOccupationalProgram');
    assert.equal(ld.name, 'Ad Techniek <Brabant>');
    assert.equal(ld.provider.name, 'Avans Hogeschool');
    assert.ok(!json.includes('<Brabant>'), '< is escaped inside the script block');
    assert.match(page.body, /anna@avans\.nl/, 'contact consented here');
    const badge = await get(site, `/routes/${slug}/badge.svg`);
    assert.equal(badge.headers['content-type'], 'image/svg+xml; charset=utf-8');
    assert.equal(badge.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.match(badge.body, /Ad Techniek &lt;Brabant&gt;/);
    assert.match(
      page.body,
      new RegExp(
        `&lt;a href=&quot;http://localhost:3000/routes/${slug}&quot;>&lt;img src=&quot;http://localhost:3000/routes/${slug}/badge.svg`,
      ),
    );
    const map = await get(site, '/kaart');
    assert.equal([...map.body.matchAll(/<path d="M/g)].length, 12);
    assert.match(map.body, /<a href="\/routes\?provincie=Noord-Brabant" aria-label="Noord-Brabant: 1 route">/);
    assert.match(map.body, /<td><a class="utrecht-link" href="\/routes\?provincie=Noord-Brabant">Noord-Brabant<\/a><\/td><td>1<\/td>/);
    assert.match(
      map.body,
      /<td><a class="utrecht-link" href="\/routes\?provincie=Friesland">|<td><a class="utrecht-link" href="\/routes\?provincie=Frysl%C3%A2n">Fryslân<\/a><\/td><td>0<\/td>/,
    );
  });

  test('open data: JSON with paging links, CSV, CORS open for GET, and an OpenAPI 3.1 document a validator accepts', async (t) => {
    const site = await buildTestApp(t);
    await acceptedRoute(site, { name: '=HYPERLINK("x") Ad', publish: ['description'] });
    const res = await get(site, '/api/v1/routes?provincie=Noord-Brabant');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['data', 'links', 'meta']);
    assert.equal(body.links.self, 'http://localhost:3000/api/v1/routes?provincie=Noord-Brabant&pagina=1');
    assert.equal(body.links.next, null);
    const csv = await get(site, '/api/v1/routes.csv');
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\r\n');
    assert.equal(lines[0], 'id,titel,hogeschool,brin,niveau,vorm,sector,provincie,deelname,croho,plaatsen,url,gepubliceerd');
    assert.match(lines[1] ?? '', /,"'=HYPERLINK\(""x""\) Ad",Avans Hogeschool,07GR,/, 'a formula is defused and quoted');
    const doc = (await get(site, '/api/v1/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    assert.deepEqual(result, { valid: true });
  });
});

describe('catalogue: owners, the team, stories, toolkit', () => {
  test('an owner edits the public profile (logged); another hogeschool cannot; the page updates at once', async (t) => {
    const site = await buildTestApp(t);
    const { id, client } = await acceptedRoute(site, { name: 'Ad Logistiek', publish: ['description'] });
    const slug = (await get(site, '/api/v1/routes')).json().data[0].slug;
    const before = await get(site, `/routes/${slug}`);
    assert.match(before.body, /Ad Logistiek: leren en werken/);
    await client.get(`/mijn/routes/${id}`);
    const bad = await client.post(`/mijn/routes/${id}`, {
      description: 'Nieuw',
      locations: '',
      contact_name: '',
      contact_email: 'geen-adres',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vul een geldig e-mailadres in/);
    const ok = await client.post(`/mijn/routes/${id}`, {
      description: 'Nu ook in <Venlo>.',
      locations: 'Venlo',
      contact_name: '',
      contact_email: '',
    });
    assert.equal(ok.statusCode, 303);
    const after = await get(site, `/routes/${slug}`);
    assert.match(after.body, /Nu ook in &lt;Venlo>\./);
    const audit = await site.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'route.profile_updated')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.detail ?? '{}'), { changed: ['description', 'locations'] });
    const other = await applicant(site.app, site.db, 'eve@hva.nl', '21QA');
    assert.equal((await other.get(`/mijn/routes/${id}`)).statusCode, 404);
  });

  test('the team unpublishes with a reason: gone everywhere, the badge claims nothing; republishing brings it back', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await acceptedRoute(site, { name: 'Ad Verdwijnt', publish: ['description'] });
    const slug = (await get(site, '/api/v1/routes')).json().data[0].slug;
    const team = await signIn(site.app, site.db, 'team@programma.nl');
    await team.get('/beheer/routes');
    assert.equal((await team.post(`/beheer/routes/${id}/publicatie`, { actie: 'verbergen', reason: '' })).statusCode, 422);
    // A reason past 1,000 characters is refused with a word, and what was typed comes back (never cut).
    const long = `Reden ${'r'.repeat(1_000)}`;
    const refused = await team.post(`/beheer/routes/${id}/publicatie`, { actie: 'verbergen', reason: long });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, new RegExp(`<a href="#veld-reden-${id}">De reden is hooguit 1\\.000 tekens lang; u typte er 1\\.006\\.`));
    assert.ok(refused.body.includes(`value="${long}"`));
    assert.equal((await get(site, `/routes/${slug}`)).statusCode, 200, 'still published');
    assert.equal(
      (await team.post(`/beheer/routes/${id}/publicatie`, { actie: 'verbergen', reason: 'Voldoet niet meer aan C4' })).statusCode,
      303,
    );
    for (const url of ['/routes', '/api/v1/routes', '/api/v1/routes.csv', '/feed.xml', '/sitemap.xml'])
      assert.doesNotMatch((await get(site, url)).body, /Verdwijnt/, url);
    assert.equal((await get(site, `/routes/${slug}`)).statusCode, 404);
    const badge = await get(site, `/routes/${slug}/badge.svg`);
    assert.equal(badge.statusCode, 404);
    assert.match(badge.body, /Niet \(meer\) in het overzicht/);
    assert.doesNotMatch(badge.body, /Verdwijnt/);
    await team.post(`/beheer/routes/${id}/publicatie`, { actie: 'tonen' });
    assert.equal((await get(site, `/routes/${slug}`)).statusCode, 200);
  });

  test('stories: consent and alt text required, images checked and resized, listed by theme and sector, on the route page and in the feed', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await acceptedRoute(site, { name: 'Ad Verhaal', publish: ['description'] });
    const team = await signIn(site.app, site.db, 'team@programma.nl');
    await team.get('/beheer/verhalen');
    const cookie = [...team.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const post = (fields: Record<string, string>, file?: { name: string; content: Buffer }, url = '/beheer/verhalen') => {
      const boundary = '----story';
      const parts: Buffer[] = Object.entries({ _csrf: team.lastCsrf ?? '', ...fields }).map(([k, v]) =>
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      );
      if (file)
        parts.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="${file.name}"\r\nContent-Type: image/png\r\n\r\n`,
          ),
          file.content,
          Buffer.from('\r\n'),
        );
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return site.app.inject({
        method: 'POST',
        url,
        payload: Buffer.concat(parts),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
      });
    };
    const fields = {
      route: id,
      title: 'Van bbl naar Ad',
      quote: 'Ik leer elke dag',
      person: 'Sam',
      role: 'student',
      organisation: 'Metaal & Co',
      consent_date: '2026-11-01',
      consent_note: 'Formulier getekend',
      theme: 'recruitment',
      body: 'Sam werkt **vier** dagen.',
      image_alt: '',
    };
    const missing = await post({ ...fields, consent_date: '' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /Vul de datum van de toestemming in/);
    const notImage = await post(fields, { name: 'foto.png', content: Buffer.from('dit is tekst') });
    assert.match(notImage.body, /Dit bestand is geen bruikbare afbeelding/);
    const big = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#f2a900' } })
      .png()
      .toBuffer();
    const noAlt = await post(fields, { name: 'foto.png', content: big });
    assert.match(noAlt.body, /Beschrijf wat er op de foto staat/);
    assert.equal((await post({ ...fields, image_alt: 'Sam aan de draaibank' }, { name: 'foto.png', content: big })).statusCode, 303);
    const story = await site.db.selectFrom('stories').selectAll().executeTakeFirstOrThrow();
    const meta = await sharp(story.image ?? Buffer.alloc(0)).metadata();
    assert.deepEqual([meta.format, meta.width], ['jpeg', 1200], 'resized on upload');
    assert.match((await get(site, '/succesverhalen?thema=recruitment&sector=C')).body, /Van bbl naar Ad/);
    assert.doesNotMatch((await get(site, '/succesverhalen?thema=funding')).body, /Van bbl naar Ad/);
    const slug = (await get(site, '/api/v1/routes')).json().data[0].slug;
    assert.match((await get(site, `/routes/${slug}`)).body, /Van bbl naar Ad/);
    const storyPage = await get(site, `/succesverhalen/${story.id}`);
    assert.match(
      storyPage.body,
      /<img class="mkb-story-image" src="\/succesverhalen\/[\w-]+\/afbeelding\.jpg" alt="Sam aan de draaibank"\/>/,
    );
    assert.match(storyPage.body, /Sam werkt <strong>vier<\/strong> dagen\./);
    assert.match((await get(site, '/feed.xml')).body, /<title>Succesverhaal: Van bbl naar Ad<\/title>/);

    // The team edits it: a new title and no photo any more; every public place shows it at once.
    const edit = await team.get(`/beheer/verhalen/${story.id}`);
    assert.match(edit.body, /name="title" type="text" value="Van bbl naar Ad"/);
    assert.match(edit.body, /Er staat nu een foto bij het verhaal/);
    const badEdit = await post({ ...fields, title: '', image_alt: 'Sam aan de draaibank' }, undefined, `/beheer/verhalen/${story.id}`);
    assert.equal(badEdit.statusCode, 422);
    assert.match(badEdit.body, /Vul een titel in/);
    assert.match(badEdit.body, /value="Sam aan de draaibank"/, 'what was typed comes back');
    const edited = await post(
      { ...fields, title: 'Van bbl naar Ad, en verder', remove_image: 'ja' },
      undefined,
      `/beheer/verhalen/${story.id}`,
    );
    assert.equal(edited.headers.location, '/beheer/verhalen?melding=gewijzigd');
    const after = await site.db.selectFrom('stories').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([after.title, after.image, after.image_alt], ['Van bbl naar Ad, en verder', null, null]);
    assert.match((await get(site, `/succesverhalen/${story.id}`)).body, /<h1 class="utrecht-heading-1">Van bbl naar Ad, en verder<\/h1>/);
    assert.equal((await get(site, `/succesverhalen/${story.id}/afbeelding.jpg`)).statusCode, 404);

    // Removed: gone from its page, the list, the route page, the feed and the sitemap at once; the consent stays on record.
    for (const url of [`/succesverhalen/${story.id}`, '/succesverhalen', `/routes/${slug}`, '/feed.xml', '/sitemap.xml'])
      await get(site, url);
    await team.get(`/beheer/verhalen/${story.id}`);
    assert.equal((await team.post(`/beheer/verhalen/${story.id}/verwijderen`, {})).headers.location, '/beheer/verhalen?melding=verwijderd');
    assert.equal((await get(site, `/succesverhalen/${story.id}`)).statusCode, 404);
    for (const url of ['/succesverhalen', `/routes/${slug}`, '/feed.xml', '/sitemap.xml'])
      assert.doesNotMatch((await get(site, url)).body, new RegExp(`Van bbl naar Ad|${story.id}`), url);
    assert.equal((await team.get(`/beheer/verhalen/${story.id}`)).statusCode, 404);
    const kept = await site.db
      .selectFrom('stories')
      .select(['consent_date', 'consent_note', 'person_name', 'removed_at', 'removed_by'])
      .executeTakeFirstOrThrow();
    assert.deepEqual([kept.consent_date, kept.consent_note, kept.person_name], ['2026-11-01', 'Formulier getekend', 'Sam']);
    assert.ok(kept.removed_at && kept.removed_by);
    const audit = await site.db.selectFrom('audit_events').select('action').where('subject_id', '=', story.id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['story.published', 'story.removed', 'story.updated']);
  });

  test('toolkit: the team uploads by content; anyone downloads; other kinds are refused', async (t) => {
    const site = await buildTestApp(t);
    await ensureUser(site.db, { email: 'team@programma.nl', role: 'team' });
    const team: Client = await signIn(site.app, site.db, 'team@programma.nl');
    await team.get('/beheer/toolkit');
    const cookie = [...team.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const upload = (name: string, content: Buffer | null, url = '/beheer/toolkit', title = 'Logo') => {
      const b = '----asset';
      const payload = Buffer.concat([
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${team.lastCsrf}\r\n--${b}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n--${b}\r\nContent-Disposition: form-data; name="description"\r\n\r\nHet logo\r\n`,
        ),
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        content ?? Buffer.alloc(0),
        Buffer.from(`\r\n--${b}--\r\n`),
      ]);
      return site.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie },
      });
    };
    const exe = await upload('logo.pdf', Buffer.from('MZ\x90\x00'));
    assert.equal(exe.statusCode, 422);
    assert.match(exe.body, /Dit soort bestand kan niet in de toolkit/);
    assert.equal((await upload('logo.bin', Buffer.from('%PDF-1.4 logo'))).statusCode, 303);
    const list = await get(site, '/toolkit');
    const href = /href="(\/toolkit\/[\w-]+)"/.exec(list.body)?.[1] ?? '';
    const file = await get(site, href);
    assert.deepEqual(
      [file.headers['content-type'], file.headers['content-disposition']],
      ['application/pdf', 'attachment; filename="logo.pdf"'],
    );

    // The team renames it and replaces the file; then removes it: gone from the page and the download at once.
    const id = href.split('/')[2] ?? '';
    await team.get(`/beheer/toolkit/${id}`);
    assert.equal((await upload('', null, `/beheer/toolkit/${id}`, '')).statusCode, 422, 'a title is needed');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    assert.equal(
      (await upload('logo-nieuw.png', png, `/beheer/toolkit/${id}`, 'Logo 2027')).headers.location,
      '/beheer/toolkit?melding=gewijzigd',
    );
    assert.match((await get(site, '/toolkit')).body, /Logo 2027/);
    const replaced = await get(site, href);
    assert.deepEqual(
      [replaced.headers['content-type'], replaced.headers['content-disposition']],
      ['image/png', 'attachment; filename="logo-nieuw.png"'],
    );
    await team.get(`/beheer/toolkit/${id}`);
    assert.equal((await team.post(`/beheer/toolkit/${id}/verwijderen`, {})).headers.location, '/beheer/toolkit?melding=verwijderd');
    assert.doesNotMatch((await get(site, '/toolkit')).body, /Logo 2027/);
    assert.equal((await get(site, href)).statusCode, 404);
    const audit = await site.db.selectFrom('audit_events').select('action').where('subject_id', '=', id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['toolkit.added', 'toolkit.removed', 'toolkit.updated']);
  });
});

describe('render cache', () => {
  test('ETag and 304; a change made through another process shows at once', async (t) => {
    const site = await buildTestApp(t);
    const first = await get(site, '/contact');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"\d+-[0-9a-f]{12}"$/);
    const again = await site.app.inject({ method: 'GET', url: '/contact', headers: { 'if-none-match': etag } });
    assert.deepEqual([again.statusCode, again.body], [304, '']);

    // A second app (another process, in production) on the same database changes the page.
    const db2 = connect(site.config.database);
    const other = await buildApp({ config: site.config, db: db2 });
    t.after(async () => {
      await other.close();
      await db2.destroy();
    });
    await ensureUser(site.db, { email: 'redactie@programma.nl', role: 'team' });
    const editor = await signIn(other, db2, 'redactie@programma.nl');
    await editor.get('/beheer/paginas/contact');
    await editor.post('/beheer/paginas/contact', { title: 'Contact (nieuw)', summary: 'Anders', body: 'Tekst', actie: 'opslaan' });
    const fresh = await site.app.inject({ method: 'GET', url: '/contact', headers: { 'if-none-match': etag } });
    assert.equal(fresh.statusCode, 200);
    assert.match(fresh.body, /Contact \(nieuw\)/);
    assert.notEqual(fresh.headers.etag, etag);
  });
});
