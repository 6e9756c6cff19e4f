import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, signIn } from '../../../test/helpers.ts';
import { criteriaAt } from './index.ts';

test('a criterion reworded keeps its earlier wording as a version; each registration shows the wording it was submitted against', async (t) => {
  const site = await buildTestApp(t);
  const { app, db } = site;
  await user(db, 'beheer@programma.nl', 'admin', { name: 'Bea Beheer' });
  const anna = await user(db, 'anna@avans.nl', 'applicant', { name: 'Anna Ad' });
  const before = await registration(site, 'in_review', { applicant: anna });
  const draft = await registration(site, 'draft', { applicant: anna });

  const admin = await signIn(app, db, 'beheer@programma.nl');
  await admin.get('/beheer/teksten');
  const res = await admin.post('/beheer/teksten/criteria/C1', {
    title_C1: 'Leren en werken tegelijk',
    description_C1: 'Het meeste leren gebeurt op de werkplek, verbonden met de opleiding.',
  });
  assert.equal(res.headers.location, '/beheer/teksten?klaar=C1');
  const after = await registration(site, 'submitted', { applicant: anna });

  const versions = await db
    .selectFrom('criterion_versions')
    .select(['version', 'title'])
    .where('code', '=', 'C1')
    .orderBy('version')
    .execute();
  assert.deepEqual(versions, [
    { version: 1, title: 'Werkend leren' },
    { version: 2, title: 'Leren en werken tegelijk' },
  ]);
  assert.equal((await criteriaAt(db, '2001-01-01T00:00:00.000Z')).find((c) => c.code === 'C1')?.title, 'Werkend leren');

  const client = await signIn(app, db, 'anna@avans.nl');
  const old = await client.get(`/aanmeldingen/${before.id}`);
  assert.match(
    old.body,
    /Criterium 1: <strong>Werkend leren<\/strong> — Het is een Associate degree- of bacheloropleiding[^<]*\(oorspronkelijke tekst\)/,
  );
  assert.doesNotMatch(old.body, /Leren en werken tegelijk/);
  const fresh = await client.get(`/aanmeldingen/${after.id}`);
  assert.match(
    fresh.body,
    /Criterium 1: <strong>Leren en werken tegelijk<\/strong> — Het meeste leren gebeurt op de werkplek, verbonden met de opleiding\. \(tekst van \d{1,2} \w+ \d{4}\)/,
  );
  // A draft is answered against the wording of today.
  assert.match((await client.get(`/aanmeldingen/${draft.id}`)).body, /Criterium 1: <strong>Leren en werken tegelijk<\/strong>/);
  // The assessor sees the wording the registration was submitted against too.
  const tessa = await signIn(app, db, 'tessa@programma.nl');
  const page = await tessa.get(`/beheer/aanmeldingen/${before.id}`);
  assert.match(page.body, /Criterium 1: <strong>Werkend leren<\/strong>/);
});
