import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { user } from '../../../test/factories.ts';
import { buildTestApp, Client } from '../../../test/helpers.ts';
import { createItem, publishItem } from '../knowledge/index.ts';

type Site = Awaited<ReturnType<typeof buildTestApp>>;

async function article(site: Site, title: string, body: string, over: { audiences?: string[]; themes?: string[]; summary?: string } = {}) {
  const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa' });
  const id = await createItem(site.db, tessa, 'article', {
    title,
    summary: over.summary ?? 'Samenvatting.',
    body,
    themes: over.themes ?? [],
    audiences: over.audiences ?? ['hogeschool'],
    criteria: [],
    fileId: null,
  });
  await publishItem(site.db, tessa, id);
  return id;
}

/** The result titles of one group, in the order shown. */
function group(body: string, label: string): string[] {
  const section = body.split(`id="groep-`).find((s) => s.includes(`>${label} (`));
  if (!section) return [];
  const hits = section.slice(0, section.indexOf('</ol>'));
  return [...hits.matchAll(/<li><a class="utrecht-link" href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] as string);
}

describe('search (/zoeken)', () => {
  test('ranking, phrases, exclusions and filters on a fixed corpus; the same answers on both engines', async (t) => {
    const site = await buildTestApp(t);
    await article(
      site,
      'Werving van zij-instromers',
      'Over het bereiken van werkenden die willen overstappen. Ook praktijkbegeleiding komt kort aan bod.',
    );
    await article(site, 'Praktijkbegeleiding in kleine bedrijven', 'Wat een begeleider nodig heeft.', {
      audiences: ['mkb'],
      themes: ['supervision'],
    });
    await article(site, 'Toetsen op de werkplek', 'De praktijkbegeleider geeft input; leren en werken gaan samen.');
    const anonymous = new Client(site.app);
    const search = async (q: string, extra = '') => (await anonymous.get(`/zoeken?q=${encodeURIComponent(q)}&soort=article${extra}`)).body;

    assert.deepEqual(
      group(await search('praktijkbegeleiding'), 'Artikelen'),
      ['Praktijkbegeleiding in kleine bedrijven', 'Toetsen op de werkplek', 'Werving van zij-instromers'],
      'the title match first; "praktijkbegeleider" found by its stem',
    );
    assert.deepEqual(
      group(await search('begeleider'), 'Artikelen'),
      ['Praktijkbegeleiding in kleine bedrijven', 'Toetsen op de werkplek'],
      'a compound found by its part',
    );
    assert.deepEqual(group(await search('"leren en werken"'), 'Artikelen'), ['Toetsen op de werkplek']);
    assert.deepEqual(group(await search('"werken en leren"'), 'Artikelen'), []);
    assert.deepEqual(group(await search('praktijkbegeleiding -werkplek'), 'Artikelen'), [
      'Praktijkbegeleiding in kleine bedrijven',
      'Werving van zij-instromers',
    ]);
    assert.deepEqual(group(await search('praktijkbegeleiding', '&doelgroep=mkb'), 'Artikelen'), [
      'Praktijkbegeleiding in kleine bedrijven',
    ]);
    assert.deepEqual(group(await search('praktijkbegeleiding', '&thema=supervision'), 'Artikelen'), [
      'Praktijkbegeleiding in kleine bedrijven',
    ]);

    // Grouped with counts: the seeded guide answers too.
    const all = (await anonymous.get('/zoeken?q=praktijkbegeleiding')).body;
    assert.match(all, /<h3 class="utrecht-heading-3" id="groep-chapter">Handreiking \(\d+\)<\/h3>/);
    assert.match(all, /<h3 class="utrecht-heading-3" id="groep-article">Artikelen \(3\)<\/h3>/);
    assert.match(all, /<mark>praktijkbegeleiding<\/mark>/);
  });

  test('hostile input: operators, 10 kB and markup are reduced to words, never an error; snippets are escaped', async (t) => {
    const site = await buildTestApp(t);
    await article(site, 'Scripts in tekst', 'Schrijf nooit <script>alert(1)</script> in een hoofdstuk over curriculum.');
    const anonymous = new Client(site.app);
    for (const q of [
      '"onafgesloten',
      'NEAR(x y)',
      "' OR 1=1 --",
      '*:*',
      '() & | ! <->',
      `${'woord '.repeat(2_000)}`,
      '\u0000\u0007',
      '-alleen -uitsluiten',
    ]) {
      const res = await anonymous.get(`/zoeken?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 200, q.slice(0, 20));
    }
    assert.match((await anonymous.get('/zoeken?q=-zorg')).body, /Geef ten minste één woord op dat u zoekt/);
    const res = await anonymous.get('/zoeken?q=curriculum+script');
    assert.match(res.body, /Artikelen \(1\)/);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.match(res.body, /&lt;<mark>script<\/mark>>alert\(1\)/, 'escaped: the text, not a tag');
    assert.match((await anonymous.get('/zoeken?q=x&thema=onbekend')).body, /Niet herkende filters zijn genegeerd: thema=onbekend/);
  });
});
