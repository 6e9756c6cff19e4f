import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { buildTestApp, Client, countRows, lastMailTo, linkToken, signIn } from '../../../test/helpers.ts';
import { sha256 } from '../../platform/crypto.ts';
import { ensureUser } from './service.ts';

/** Signs a new address in up to the last step: link mailed, opened and confirmed. */
async function pendingSignup(app: Parameters<typeof signIn>[0], db: Parameters<typeof signIn>[1], email: string): Promise<Client> {
  const client = new Client(app);
  await client.get('/inloggen');
  await client.post('/inloggen', { email });
  const token = linkToken((await lastMailTo(db, email))?.body_text ?? '');
  await client.get(`/inloggen/link?token=${token}`);
  const res = await client.post('/inloggen/link', { token });
  assert.equal(res.headers.location, '/inloggen/hogeschool');
  return client;
}

describe('sign-in by e-mail link', () => {
  test('a known user signs in through the link and lands on /mijn; the token is stored only as a hash', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'teamlid@programma.nl', role: 'team', name: 'Tessa Team' });
    const client = new Client(app);
    await client.get('/inloggen');
    const requested = await client.post('/inloggen', { email: '  Teamlid@Programma.NL ' });
    assert.equal(requested.statusCode, 303);
    assert.equal(requested.headers.location, '/inloggen/verstuurd');

    const mail = await lastMailTo(db, 'teamlid@programma.nl');
    assert.ok(mail);
    assert.equal(mail.subject, 'Uw inloglink voor Mkb-route in het hbo');
    const token = linkToken(mail.body_text);
    const stored = await db.selectFrom('sign_in_tokens').selectAll().execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.token_hash, sha256(token));
    assert.ok(!JSON.stringify(stored).includes(token), 'raw token must not be stored');
    const minutes = (Date.parse(stored[0]?.expires_at ?? '') - Date.parse(stored[0]?.created_at ?? '')) / 60_000;
    assert.equal(minutes, 15);

    const confirm = await client.get(`/inloggen/link?token=${token}`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /U logt in als teamlid@programma\.nl/);
    assert.equal(await countRows(db, 'sessions'), 0, 'opening the link alone signs nobody in');

    const done = await client.post('/inloggen/link', { token });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/mijn?welkom=1');
    const cookie = String(done.headers['set-cookie'])
      .split(/,(?=\s*\w+=)/)
      .find((c) => c.startsWith('mkb_sessie='));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);

    const mine = await client.get('/mijn?welkom=1');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /teamlid@programma\.nl/);
    assert.match(mine.body, /Lid programmateam/);
    assert.match(mine.body, /Tessa Team/);
    const audit = await db.selectFrom('audit_events').select('action').where('action', '=', 'user.signed_in').execute();
    assert.equal(audit.length, 1);
  });

  test('a link works once: the second use gets the "werkt niet meer" page and no session', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'a@hogeschool.nl', role: 'applicant', institutionBrin: '07GR' });
    const client = await signIn(app, db, 'a@hogeschool.nl');
    const token = linkToken((await lastMailTo(db, 'a@hogeschool.nl'))?.body_text ?? '');
    const other = new Client(app);
    assert.equal((await other.get(`/inloggen/link?token=${token}`)).statusCode, 400);
    await other.get('/inloggen');
    const again = await other.post('/inloggen/link', { token });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /Deze link werkt niet meer/);
    assert.equal(other.cookies.has('mkb_sessie'), false);
    assert.equal((await client.get('/mijn')).statusCode, 200);
  });

  test('an expired link is refused and the confirmation page says so', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = new Client(app);
    await client.get('/inloggen');
    await client.post('/inloggen', { email: 'laat@hogeschool.nl' });
    const token = linkToken((await lastMailTo(db, 'laat@hogeschool.nl'))?.body_text ?? '');
    await db
      .updateTable('sign_in_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const page = await client.get(`/inloggen/link?token=${token}`);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /Deze link werkt niet meer/);
    const post = await client.post('/inloggen/link', { token });
    assert.equal(post.statusCode, 400);
    assert.equal(await countRows(db, 'sessions'), 0);
  });

  test('known and unknown addresses get the very same answer (no account enumeration)', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'bekend@hogeschool.nl', role: 'applicant', institutionBrin: '07GR' });
    const answers = [];
    for (const email of ['bekend@hogeschool.nl', 'onbekend@hogeschool.nl']) {
      const client = new Client(app);
      await client.get('/inloggen');
      const res = await client.post('/inloggen', { email });
      answers.push({ status: res.statusCode, location: res.headers.location, body: res.body });
    }
    assert.deepEqual(answers[0], answers[1]);
    assert.equal(await countRows(db, 'outbox'), 2);
  });

  test('a new address of a hogeschool domain becomes an applicant of that hogeschool; the session id changes', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = new Client(app);
    await client.get('/inloggen');
    await client.post('/inloggen', { email: 'nieuw@avans.nl' });
    const token = linkToken((await lastMailTo(db, 'nieuw@avans.nl'))?.body_text ?? '');
    assert.match((await lastMailTo(db, 'nieuw@avans.nl'))?.body_text ?? '', /nog geen account/);
    await client.get(`/inloggen/link?token=${token}`);
    const res = await client.post('/inloggen/link', { token });
    assert.equal(res.headers.location, '/inloggen/hogeschool');
    const pendingCookie = client.cookies.get('mkb_sessie');
    assert.ok(pendingCookie);
    assert.equal((await client.get('/mijn')).headers.location, '/inloggen?terug=%2Fmijn', 'not signed in yet');

    const form = await client.get('/inloggen/hogeschool');
    assert.match(form.body, /Voor nieuw@avans\.nl is nog geen account\. Dit e-mailadres hoort bij Avans Hogeschool/);
    assert.doesNotMatch(form.body, /name="institution"/, 'nothing to choose: the domain decides');

    const long = await client.post('/inloggen/hogeschool', { name: 'N'.repeat(121) });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /Uw naam is hooguit 120 tekens lang; u typte er 121/);
    assert.equal(await countRows(db, 'users'), 0);

    // A hogeschool sent along (a tampered form) changes nothing: the domain decides.
    const ok = await client.post('/inloggen/hogeschool', { name: 'Noor Nieuw', institution: '21QA', reason: 'x' });
    assert.equal(ok.statusCode, 303);
    assert.notEqual(client.cookies.get('mkb_sessie'), pendingCookie, 'session id rotated');
    const users = await db.selectFrom('users').select(['email', 'role', 'institution_brin', 'name']).execute();
    assert.deepEqual(users, [{ email: 'nieuw@avans.nl', role: 'applicant', institution_brin: '07GR', name: 'Noor Nieuw' }]);
    assert.equal(await countRows(db, 'link_requests'), 0);
    assert.equal(await countRows(db, 'sessions'), 1, 'the pending session is gone');
    const mine = await client.get('/mijn');
    assert.match(mine.body, /Aanmeldingen van Avans Hogeschool/);
  });

  test('an address of no hogeschool domain gets an account without one, and may ask to be linked', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await pendingSignup(app, db, 'iemand@gmail.com');
    const form = await client.get('/inloggen/hogeschool');
    assert.match(form.body, /Het domein gmail\.com hoort niet bij een hogeschool die wij kennen/);
    assert.match(form.body, /<option value="07GR">Avans Hogeschool \(Tilburg\)<\/option>/);

    const bad = await client.post('/inloggen/hogeschool', { name: 'Iris <b>Iemand</b>', institution: '07GR', reason: '' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Schrijf kort waarom u bij deze hogeschool hoort/);
    assert.match(bad.body, /value="Iris &lt;b>Iemand&lt;\/b>"/, 'input kept, escaped');
    assert.match(bad.body, /<option value="07GR" selected>/);
    const unknown = await client.post('/inloggen/hogeschool', { name: 'Iris', institution: 'ZZZZ', reason: 'Docent' });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /Kies een hogeschool uit de lijst/);
    assert.equal(await countRows(db, 'users'), 0, 'nothing stored for a refused form');

    const ok = await client.post('/inloggen/hogeschool', {
      name: 'Iris Iemand',
      institution: '07GR',
      reason: 'Docent, gedetacheerd via Bureau X.',
    });
    assert.equal(ok.headers.location, '/mijn?welkom=1');
    const users = await db.selectFrom('users').select(['email', 'role', 'institution_brin']).execute();
    assert.deepEqual(users, [{ email: 'iemand@gmail.com', role: 'applicant', institution_brin: null }]);
    const requests = await db.selectFrom('link_requests').select(['institution_brin', 'reason', 'decision']).execute();
    assert.deepEqual(requests, [{ institution_brin: '07GR', reason: 'Docent, gedetacheerd via Bureau X.', decision: null }]);
    const mine = await client.get('/mijn');
    assert.match(mine.body, /U vroeg op .* om een koppeling aan Avans Hogeschool/);
    assert.match(mine.body, /Deelnemer \(niet gekoppeld aan een hogeschool\)/);
    assert.doesNotMatch(mine.body, /Aanmeldingen van/, 'no registrations without a hogeschool');
    assert.doesNotMatch(mine.body, /href="\/aanmelden"/);
    const start = await client.post('/aanmelden', {});
    assert.notEqual(start.statusCode, 303, 'cannot start a registration');
    assert.equal(await countRows(db, 'registrations'), 0);
    const again = await client.post('/mijn/koppeling', { institution: '21QA', reason: 'Toch een andere' });
    assert.equal(again.statusCode, 422, 'one open request at a time');
    assert.match(again.body, /U heeft al een aanvraag lopen; wacht op het besluit van het programmateam/);
    assert.equal(await countRows(db, 'link_requests'), 1);
  });

  test('the team approves or refuses a link request; the person is told by mail, and approved can register', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'team@programma.nl', role: 'team' });
    await ensureUser(db, { email: 'eerste@gmail.com', role: 'applicant' });
    await ensureUser(db, { email: 'tweede@outlook.com', role: 'applicant' });
    for (const [email, brin] of [
      ['eerste@gmail.com', '25KB'],
      ['tweede@outlook.com', '07GR'],
    ] as const) {
      const c = await signIn(app, db, email);
      await c.get('/mijn/koppeling');
      const asked = await c.post('/mijn/koppeling', { institution: brin, reason: `Ik werk bij ${brin}.` });
      assert.equal(asked.headers.location, '/mijn');
    }
    const team = await signIn(app, db, 'team@programma.nl');
    assert.match((await team.get('/beheer')).body, /2 wachten op een besluit/);
    const list = await team.get('/beheer/koppelverzoeken');
    const ids = [...list.body.matchAll(/href="\/beheer\/koppelverzoeken\/([^"]+)"/g)].map((m) => m[1]);
    assert.equal(ids.length, 2);
    const [first, second] = ids;

    await team.get(`/beheer/koppelverzoeken/${second}`);
    const noReason = await team.post(`/beheer/koppelverzoeken/${second}`, { besluit: 'afwijzen', note: '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /Schrijf waarom u afwijst; de aanvrager leest dit/);
    assert.equal(await countRows(db, 'outbox'), 3, 'only the three sign-in links so far');
    const refused = await team.post(`/beheer/koppelverzoeken/${second}`, { besluit: 'afwijzen', note: 'Niet bekend bij Avans.' });
    assert.equal(refused.headers.location, '/beheer/koppelverzoeken?klaar=afgewezen');
    const refusal = await lastMailTo(db, 'tweede@outlook.com');
    assert.equal(refusal?.subject, 'Uw aanvraag voor een koppeling is afgewezen');
    assert.match(refusal?.body_text ?? '', /Reden: Niet bekend bij Avans\./);

    await team.get(`/beheer/koppelverzoeken/${first}`);
    const approved = await team.post(`/beheer/koppelverzoeken/${first}`, { besluit: 'goedkeuren', note: '' });
    assert.equal(approved.headers.location, '/beheer/koppelverzoeken?klaar=goedgekeurd');
    const approval = await lastMailTo(db, 'eerste@gmail.com');
    assert.equal(approval?.subject, 'Uw account is gekoppeld aan Hogeschool van Arnhem en Nijmegen');
    const twice = await team.post(`/beheer/koppelverzoeken/${first}`, { besluit: 'afwijzen', note: 'toch niet' });
    assert.equal(twice.statusCode, 404, 'a decided request cannot be decided again');

    const users = await db
      .selectFrom('users')
      .select(['email', 'institution_brin'])
      .where('role', '=', 'applicant')
      .orderBy('email')
      .execute();
    assert.deepEqual(users, [
      { email: 'eerste@gmail.com', institution_brin: '25KB' },
      { email: 'tweede@outlook.com', institution_brin: null },
    ]);
    const audit = await db.selectFrom('audit_events').select('action').where('action', 'like', 'user.link%').orderBy('id').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['user.link_requested', 'user.link_requested', 'user.link_refused', 'user.link_approved'],
    );
    const linked = await signIn(app, db, 'eerste@gmail.com');
    assert.match((await linked.get('/mijn')).body, /Aanmeldingen van Hogeschool van Arnhem en Nijmegen/);
    const refusedMine = await (await signIn(app, db, 'tweede@outlook.com')).get('/mijn');
    assert.match(refusedMine.body, /is afgewezen\. Reden: Niet bekend bij Avans\./);
    assert.match(refusedMine.body, /href="\/mijn\/koppeling">Koppeling aanvragen/, 'may ask again');
  });

  test('the hogeschool step is not reachable without a proven address', async (t) => {
    const { app } = await buildTestApp(t);
    const res = await new Client(app).get('/inloggen/hogeschool');
    assert.equal(res.statusCode, 404);
  });

  test('an invalid address gets a Dutch message, the error summary and its input back (422)', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = new Client(app);
    await client.get('/inloggen');
    const res = await client.post('/inloggen', { email: 'geen-adres<script>' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Er is 1 fout in het formulier/);
    assert.match(res.body, /<a href="#veld-email">Vul een geldig e-mailadres in, zoals naam@hogeschool\.nl<\/a>/);
    assert.match(res.body, /value="geen-adres&lt;script>"/);
    assert.match(res.body, /aria-describedby="uitleg-email fout-email"/);
    assert.equal(await countRows(db, 'outbox'), 0);
  });

  test('more than 3 links for one address within 15 minutes are refused with a clear message', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = new Client(app);
    await client.get('/inloggen');
    for (let i = 0; i < 3; i++) assert.equal((await client.post('/inloggen', { email: 'veel@hogeschool.nl' })).statusCode, 303);
    const fourth = await client.post('/inloggen', { email: 'veel@hogeschool.nl' });
    assert.equal(fourth.statusCode, 429);
    assert.match(fourth.body, /te veel inloglinks gevraagd/);
    assert.equal(await countRows(db, 'outbox'), 3);
    assert.equal((await client.post('/inloggen', { email: 'ander@hogeschool.nl' })).statusCode, 303, 'other addresses go on');
  });

  test('more than 20 links from one network address within an hour are refused', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = new Client(app);
    await client.get('/inloggen');
    for (let i = 0; i < 20; i++) {
      assert.equal((await client.post('/inloggen', { email: `p${i}@hogeschool.nl` })).statusCode, 303);
    }
    const limited = await client.post('/inloggen', { email: 'p20@hogeschool.nl' });
    assert.equal(limited.statusCode, 429);
    assert.equal(await countRows(db, 'outbox'), 20);
    const elsewhere = await app.inject({ method: 'GET', url: '/inloggen', remoteAddress: '10.9.8.7' });
    assert.equal(elsewhere.statusCode, 200);
  });

  test('a sign-in returns to the page that asked for it, never to another site', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'team@programma.nl', role: 'team' });
    const client = new Client(app);
    const asked = await client.get('/beheer');
    assert.equal(asked.statusCode, 303);
    assert.equal(asked.headers.location, '/inloggen?terug=%2Fbeheer');
    const form = await client.get('/inloggen?terug=%2Fbeheer');
    assert.match(form.body, /name="terug" value="\/beheer"/);
    await client.post('/inloggen', { email: 'team@programma.nl', terug: '/beheer' });
    const token = linkToken((await lastMailTo(db, 'team@programma.nl'))?.body_text ?? '');
    const done = await client.post('/inloggen/link', { token });
    assert.equal(done.headers.location, '/beheer');

    const evil = new Client(app);
    const evilForm = await evil.get('/inloggen?terug=%2F%2Fevil.example');
    assert.doesNotMatch(evilForm.body, /name="terug"/);
  });

  test('sign out ends this session; sign out everywhere ends all sessions of the user', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'twee@hogeschool.nl', role: 'applicant', institutionBrin: '07GR' });
    const laptop = await signIn(app, db, 'twee@hogeschool.nl');
    const phone = await signIn(app, db, 'twee@hogeschool.nl');
    const third = await signIn(app, db, 'twee@hogeschool.nl');
    assert.equal(await countRows(db, 'sessions'), 3);

    await third.get('/mijn');
    const out = await third.post('/uitloggen', {});
    assert.equal(out.headers.location, '/inloggen?uitgelogd=1');
    assert.equal(third.cookies.has('mkb_sessie'), false);
    assert.equal(await countRows(db, 'sessions'), 2);
    assert.match((await third.get('/inloggen?uitgelogd=1')).body, /U bent uitgelogd\./);

    await laptop.get('/mijn');
    const everywhere = await laptop.post('/uitloggen/overal', {});
    assert.equal(everywhere.headers.location, '/inloggen?uitgelogd=overal');
    assert.equal(await countRows(db, 'sessions'), 0);
    assert.equal((await phone.get('/mijn')).statusCode, 303, 'the other device is signed out too');
  });

  test('cookies are Secure when BASE_URL is https', async (t) => {
    const { app, db } = await buildTestApp(t, { env: { BASE_URL: 'https://mkbroute.example' } });
    await ensureUser(db, { email: 'veilig@hogeschool.nl', role: 'team' });
    const client = new Client(app);
    const page = await client.get('/inloggen');
    assert.match(String(page.headers['set-cookie']), /_csrf=.*Secure/);
    await client.post('/inloggen', { email: 'veilig@hogeschool.nl' });
    const token = linkToken((await lastMailTo(db, 'veilig@hogeschool.nl'))?.body_text ?? '');
    const res = await client.post('/inloggen/link', { token });
    assert.match(String(res.headers['set-cookie']), /mkb_sessie=[^;]+;.*Secure/);
    assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
  });

  test('logs of a whole sign-in carry request ids but no e-mail address or token', async (t) => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk) => lines.push(String(chunk)));
    const { app, db } = await buildTestApp(t, { env: { LOG_LEVEL: 'info' }, logStream: stream });
    await ensureUser(db, { email: 'privacy@hogeschool.nl', role: 'team' });
    await signIn(app, db, 'privacy@hogeschool.nl');
    const token = linkToken((await lastMailTo(db, 'privacy@hogeschool.nl'))?.body_text ?? '');
    const log = lines.join('');
    // One line per request: the four requests of a sign-in (form, request, link, confirmation).
    const requests = log.split('\n').filter((l) => l.includes('"msg":"request"'));
    assert.deepEqual(
      requests.map((l) => (JSON.parse(l) as { req: { method: string; path: string } }).req).map((r) => `${r.method} ${r.path}`),
      ['GET /inloggen', 'POST /inloggen', 'GET /inloggen/link', 'POST /inloggen/link'],
    );
    assert.ok(!log.includes('privacy@hogeschool.nl'), 'no e-mail address in logs');
    assert.ok(!log.includes(token), 'no token in logs');
    assert.match(log, /"reqId":"[0-9a-f-]{36}"/);
    assert.match(log, /"path":"\/inloggen\/link"/);
  });
});
