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

test('a sector is renamed from the same page; an empty or overlong name is refused with the typed value kept', async (t) => {
  const site = await buildTestApp(t);
  await user(site.db, 'beheer@programma.nl', 'admin', { name: 'Bea Beheer' });
  const admin = await signIn(site.app, site.db, 'beheer@programma.nl');
  const page = await admin.get('/beheer/teksten');
  assert.match(page.body, /<label class="utrecht-form-label" for="veld-sector_Q">Sector Q<\/label>/);
  const empty = await admin.post('/beheer/teksten/sectoren/Q', { sector_Q: '   ' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Vul de naam van de sector in/);
  const long = await admin.post('/beheer/teksten/sectoren/Q', { sector_Q: 'x'.repeat(201) });
  assert.match(long.body, /Een naam is hooguit 200 tekens lang/);
  assert.match(long.body, new RegExp(`value="${'x'.repeat(201)}"`));
  const ok = await admin.post('/beheer/teksten/sectoren/Q', { sector_Q: 'Zorg en welzijn' });
  assert.equal(ok.headers.location, '/beheer/teksten?klaar=Q');
  const { referenceOptions } = await import('./index.ts');
  assert.equal((await referenceOptions(site.db)).sectors.find((s) => s.value === 'Q')?.label, 'Q – Zorg en welzijn');
  assert.match((await site.app.inject({ url: '/routes' })).body, /Q – Zorg en welzijn/);
  const audit = await site.db
    .selectFrom('audit_events')
    .select(['action', 'subject_id'])
    .where('action', '=', 'reference.sector_renamed')
    .execute();
  assert.deepEqual(audit, [{ action: 'reference.sector_renamed', subject_id: 'Q' }]);
});
