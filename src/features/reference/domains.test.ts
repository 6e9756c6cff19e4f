import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, Client, countRows, lastMailTo, linkToken, signIn } from '../../../test/helpers.ts';
import { ensureUser } from '../accounts/index.ts';
import { normaliseDomain } from './domains.ts';
import { ensureReferenceData } from './service.ts';

describe('mail domains of hogescholen', () => {
  test('a domain is written one way: lower case, no @, no trailing dot; anything else is no domain', () => {
    assert.equal(normaliseDomain(' @Avans.NL. '), 'avans.nl');
    assert.equal(normaliseDomain('org.hanze.nl'), 'org.hanze.nl');
    for (const bad of ['', 'avans', 'https://avans.nl', 'naam@avans.nl', 'ava ns.nl', '-avans.nl', 'a.b'])
      assert.equal(normaliseDomain(bad), null, bad);
  });

  test('the shipped domains are loaded once; a removed one stays removed after the next start', async (t) => {
    const { app, db } = await buildTestApp(t);
    const avans = await db
      .selectFrom('institution_domains')
      .select(['domain', 'removed_at'])
      .where('institution_brin', '=', '07GR')
      .execute();
    assert.deepEqual(avans, [{ domain: 'avans.nl', removed_at: null }]);
    assert.equal(await countRows(db, 'institution_domains'), 36);

    await ensureUser(db, { email: 'beheer@programma.nl', role: 'admin' });
    const admin = await signIn(app, db, 'beheer@programma.nl');
    const page = await admin.get('/beheer/maildomeinen');
    assert.match(page.body, /<th scope="row">Avans Hogeschool<\/th><td><ul class="mkb-domains"><li>.*?avans\.nl/);
    const removed = await admin.post('/beheer/maildomeinen/verwijderen', { domain: 'avans.nl' });
    assert.equal(removed.headers.location, '/beheer/maildomeinen?klaar=verwijderd&domein=avans.nl');
    await ensureReferenceData(db);
    const after = await db
      .selectFrom('institution_domains')
      .select(['removed_at', 'removed_by'])
      .where('domain', '=', 'avans.nl')
      .executeTakeFirstOrThrow();
    assert.ok(after.removed_at, 'still removed after the shipped data was loaded again');
    assert.ok(after.removed_by);
    assert.match((await admin.get('/beheer/maildomeinen?klaar=verwijderd&domein=avans.nl')).body, /avans\.nl is verwijderd\./);

    // A new address of that domain is no longer an applicant of Avans.
    const client = new Client(app);
    await client.get('/inloggen');
    await client.post('/inloggen', { email: 'nieuw@avans.nl' });
    const token = linkToken((await lastMailTo(db, 'nieuw@avans.nl'))?.body_text ?? '');
    await client.get(`/inloggen/link?token=${token}`);
    await client.post('/inloggen/link', { token });
    assert.match((await client.get('/inloggen/hogeschool')).body, /Het domein avans\.nl hoort niet bij een hogeschool die wij kennen/);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'subject_id', 'detail'])
      .where('action', 'like', 'mail_domain.%')
      .execute();
    assert.deepEqual(audit, [{ action: 'mail_domain.removed', subject_id: '07GR', detail: '{"domain":"avans.nl"}' }]);
  });

  test('adding: bad input gets a Dutch message and keeps what was typed; one domain never fits two hogescholen', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'beheer@programma.nl', role: 'admin' });
    const admin = await signIn(app, db, 'beheer@programma.nl');
    await admin.get('/beheer/maildomeinen');

    const empty = await admin.post('/beheer/maildomeinen', { domain: '', institution: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Vul een domein in/);
    assert.match(empty.body, /Kies een hogeschool/);

    const url = await admin.post('/beheer/maildomeinen', { domain: 'https://www.avans.nl/', institution: '07GR' });
    assert.equal(url.statusCode, 422);
    assert.match(url.body, /Vul een domeinnaam in, zoals hogeschool\.nl \(zonder @ of https:\/\/\)/);
    assert.match(url.body, /value="https:\/\/www\.avans\.nl\/"/);

    const taken = await admin.post('/beheer/maildomeinen', { domain: 'hva.nl', institution: '07GR' });
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /hva\.nl hoort al bij Hogeschool van Amsterdam\. Verwijder het daar eerst als het niet klopt\./);
    const unknownSchool = await admin.post('/beheer/maildomeinen', { domain: 'nieuw.nl', institution: 'ZZZZ' });
    assert.equal(unknownSchool.statusCode, 422);
    assert.match(unknownSchool.body, /Kies een hogeschool uit de lijst/);

    const ok = await admin.post('/beheer/maildomeinen', { domain: 'Student.Avans.nl', institution: '07GR' });
    assert.equal(ok.headers.location, '/beheer/maildomeinen?klaar=gekoppeld&domein=student.avans.nl');
    const rows = await db
      .selectFrom('institution_domains')
      .select('domain')
      .where('institution_brin', '=', '07GR')
      .orderBy('domain')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.domain),
      ['avans.nl', 'student.avans.nl'],
    );
    assert.equal(
      (await db.selectFrom('institution_domains').select('institution_brin').where('domain', '=', 'hva.nl').executeTakeFirstOrThrow())
        .institution_brin,
      '28DN',
    );
  });
});
