import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse, compoundParts, fts5Match, parseQuery, snippet, stem, tsQuery } from './dutch-search.ts';

test('stems make inflections, f/v and s/z one token', () => {
  assert.equal(stem('logistieke'), stem('logistiek'));
  assert.equal(stem('bouwen'), 'bouw');
  assert.equal(stem('bedrijven'), stem('bedrijf'));
  assert.equal(stem('huizen'), stem('huis'));
  assert.equal(stem('salarissen'), stem('salaris'));
  assert.equal(stem('2026'), '2026');
});

test('a compound carries its known parts after the text, its own stem first', () => {
  assert.deepEqual(compoundParts('transportbedrijven').sort(), ['bedrijf', 'transport']);
  assert.deepEqual(compoundParts('bedrijfsopleiding').sort(), ['bedrijf', 'opleid']);
  assert.deepEqual(compoundParts('werk'), []);
  assert.equal(analyse('Transportbedrijven in Gelderland'), 'transportbedrijf in gelderland bedrijf transport');
});

test('a query: words, phrases and exclusions; operators and 10 kB reduced to words; nothing to look for is null', () => {
  assert.deepEqual(parseQuery('"kwaliteit van praktijkbegeleiding" -zorg bouwen'), {
    terms: ['bouw'],
    phrases: [['kwaliteit', 'van', 'praktijkbegeleid']],
    excluded: ['zorg'],
  });
  assert.deepEqual(parseQuery('de zorg'), { terms: ['zorg'], phrases: [], excluded: [] }, 'stop words are not required');
  assert.deepEqual(parseQuery('AND ( * NEAR"'), { terms: ['and', 'near'], phrases: [], excluded: [] });
  assert.equal(parseQuery('-zorg'), null);
  assert.equal(parseQuery('()*^"'), null);
  const long = parseQuery(`${'woord '.repeat(2000)}`);
  assert.deepEqual(long?.terms, ['woord']);
  assert.ok((parseQuery(`${'x'.repeat(10_000)}`)?.terms[0]?.length ?? 99) <= 40, 'one word of at most 40 characters');
  const q = parseQuery('"leren en werken" bouw -zorg') as NonNullable<ReturnType<typeof parseQuery>>;
  assert.equal(fts5Match(q), '("bouw"* AND "ler en werk") NOT "zorg"');
  assert.equal(tsQuery(q), 'bouw:* & (ler <-> en <-> werk) & !zorg');
});

test('a snippet marks the words that matched, compounds included, and leaves escaping to the view', () => {
  const parts = snippet('Wij werken met <b>transportbedrijven</b> en logistieke partners.', parseQuery('bedrijf logistiek'));
  assert.deepEqual(
    parts.filter((p) => p.mark).map((p) => p.text),
    ['transportbedrijven', 'logistieke'],
  );
  assert.equal(parts.map((p) => p.text).join(''), 'Wij werken met <b>transportbedrijven</b> en logistieke partners.');
  const far = snippet(`${'Inleiding zonder treffer. '.repeat(20)}Hier gaat het over bouwen.`, parseQuery('bouw'), 80);
  assert.equal(far[0]?.text.startsWith('… '), true);
  assert.deepEqual(
    far.filter((p) => p.mark).map((p) => p.text),
    ['bouwen'],
  );
});
