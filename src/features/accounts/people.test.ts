import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { user } from '../../../test/factories.ts';
import { buildTestApp, Client, lastMailTo, signIn } from '../../../test/helpers.ts';

describe('accounts: people (/beheer/gebruikers)', () => {
  test('invite a team member by mail, find people by name and role; a bad address or a known one is refused with the form kept', async (t) => {
    const site = await buildTestApp(t);
    await user(site.db, 'bram@programma.nl', 'admin', { name: 'Bram Beheer' });
    await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna Aanvrager' });
    const admin = await signIn(site.app, site.db, 'bram@programma.nl');
    await admin.get('/beheer/gebruikers');
    const bad = await admin.post('/beheer/gebruikers', { email: 'geen-adres', name: 'Tessa', role: 'team' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vul een geldig e-mailadres in, zoals naam@programma\.nl/);
    assert.match(bad.body, /name="name"[^>]*value="Tessa"/);
    const known = await admin.post('/beheer/gebruikers', { email: 'Anna@avans.nl', name: '', role: 'team' });
    assert.match(
      known.body,
      /Dit adres heeft al een account \(aanvrager \(medewerker hogeschool\)\)\. Zoek het op in de lijst en wijzig daar de rol\./,
    );

    const ok = await admin.post('/beheer/gebruikers', { email: 'Tessa@Programma.nl', name: 'Tessa Team', role: 'team' });
    assert.equal(ok.headers.location, '/beheer/gebruikers?melding=uitgenodigd');
    const mail = await lastMailTo(site.db, 'tessa@programma.nl');
    assert.equal(mail?.subject, 'Uitnodiging voor het platform Mkb-route in het hbo');
    assert.match(mail?.body_text ?? '', /als lid programmateam/);
    // The link in the invitation signs Tessa in, as a team member, also days later.
    const token = /\/inloggen\/link\?token=([A-Za-z0-9_-]+)/.exec(mail?.body_text ?? '')?.[1] ?? '';
    const tessa = new Client(site.app);
    await tessa.get(`/inloggen/link?token=${token}`);
    const signedIn = await tessa.post('/inloggen/link', { token });
    assert.equal(signedIn.statusCode, 303);
    assert.equal((await tessa.get('/beheer')).statusCode, 200);

    const search = (await admin.get('/beheer/gebruikers?q=tess')).body;
    assert.match(search, /role="status">1 gebruiker</);
    assert.match(search, /Tessa Team<span class="mkb-meta"> tessa@programma\.nl/);
    const applicants = (await admin.get('/beheer/gebruikers?rol=applicant')).body;
    assert.match(applicants, /role="status">1 gebruiker</);
    assert.match(applicants, /Anna Aanvrager/);
    const audit = await site.db.selectFrom('audit_events').select(['action', 'detail']).where('action', '=', 'user.invited').execute();
    assert.deepEqual(
      audit.map((a) => JSON.parse(a.detail ?? '{}')),
      [{ role: 'team' }],
    );
  });

  test('roles change and accounts go off and on, audited; the last active administrator can be neither demoted nor turned off', async (t) => {
    const site = await buildTestApp(t);
    const bram = await user(site.db, 'bram@programma.nl', 'admin', { name: 'Bram' });
    const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa' });
    const admin = await signIn(site.app, site.db, 'bram@programma.nl');
    const tessaClient = await signIn(site.app, site.db, 'tessa@programma.nl');
    await admin.get('/beheer/gebruikers');

    // Nobody turns themselves off.
    const self = await admin.post(`/beheer/gebruikers/${bram.id}/uitzetten`, {});
    assert.equal(self.statusCode, 409);
    assert.match(self.body, /U kunt uzelf niet uitzetten/);

    assert.equal(
      (await admin.post(`/beheer/gebruikers/${tessa.id}/rol`, { role: 'admin' })).headers.location,
      '/beheer/gebruikers?melding=rol',
    );
    // Now Tessa (admin) demotes Bram; then Bram is not an admin any more and Tessa is the last one.
    const tessaAdmin = await signIn(site.app, site.db, 'tessa@programma.nl');
    await tessaAdmin.get('/beheer/gebruikers');
    assert.equal((await tessaAdmin.post(`/beheer/gebruikers/${bram.id}/rol`, { role: 'team' })).statusCode, 303);
    const last = await admin.post(`/beheer/gebruikers/${tessa.id}/rol`, { role: 'team' });
    assert.equal(last.statusCode, 403, 'Bram is no administrator any more');
    await user(site.db, 'carla@programma.nl', 'admin', { name: 'Carla' });
    const carla = await signIn(site.app, site.db, 'carla@programma.nl');
    await carla.get('/beheer/gebruikers');
    await carla.post(`/beheer/gebruikers/${tessa.id}/uitzetten`, {});
    // Tessa is off: her sessions ended; Carla is now the last active administrator.
    assert.equal((await tessaClient.get('/beheer')).statusCode, 303);
    await tessaAdmin.get('/beheer/gebruikers');
    const lastOne = (await site.db.selectFrom('users').select('id').where('email', '=', 'carla@programma.nl').executeTakeFirstOrThrow()).id;
    const { changeRole, setDisabled } = await import('./people.ts');
    await assert.rejects(changeRole(site.db, bram, lastOne, 'team'), /laatste beheerder/);
    await assert.rejects(setDisabled(site.db, bram, lastOne, true), /laatste beheerder/);
    await carla.post(`/beheer/gebruikers/${tessa.id}/aanzetten`, {});
    await setDisabled(site.db, bram, lastOne, true);
    const actions = await site.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('action', 'in', ['user.role_changed', 'user.disabled', 'user.enabled'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      actions.map((a) => [a.action, a.detail ? JSON.parse(a.detail) : null]),
      [
        ['user.role_changed', { from: 'team', to: 'admin' }],
        ['user.role_changed', { from: 'admin', to: 'team' }],
        ['user.disabled', null],
        ['user.enabled', null],
        ['user.disabled', null],
      ],
    );
  });

  test('a team member declares expertise on /mijn; unknown themes are ignored; an applicant has no such form', async (t) => {
    const site = await buildTestApp(t);
    await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa' });
    await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    const tessa = await signIn(site.app, site.db, 'tessa@programma.nl');
    const mijn = (await tessa.get('/mijn')).body;
    assert.match(mijn, /Uw expertise/);
    assert.match(mijn, /href="\/beheer\/belangen"/);
    const body = new URLSearchParams([
      ['_csrf', tessa.lastCsrf ?? ''],
      ['themes', 'supervision'],
      ['themes', 'funding'],
      ['themes', 'bestaat-niet'],
    ]).toString();
    const res = await site.app.inject({
      method: 'POST',
      url: '/mijn/expertise',
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...tessa.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(res.headers.location, '/mijn?expertise=opgeslagen#expertise-titel');
    const row = await site.db.selectFrom('users').select('expertise').where('email', '=', 'tessa@programma.nl').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.expertise ?? '[]'), ['supervision', 'funding']);
    const after = (await tessa.get('/mijn?expertise=opgeslagen')).body;
    assert.match(after, /value="supervision" checked/);
    assert.match(after, /role="status">Opgeslagen\.</);
    const anna = await signIn(site.app, site.db, 'anna@avans.nl');
    assert.doesNotMatch((await anna.get('/mijn')).body, /Uw expertise/);
    assert.equal((await anna.post('/mijn/expertise', { themes: 'funding' })).statusCode, 404);
  });
});
