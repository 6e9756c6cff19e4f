import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { buildTestApp, Client, countRows, signIn } from '../../../test/helpers.ts';
import { ProviderBrowser, startProvider } from '../../../test/oidc-provider.ts';
import { ensureUser, purgeOldSignInTokens } from './service.ts';
import { startSurfconext } from './surfconext.ts';

const BASE = 'http://localhost:3000';

/** A platform with SURFconext pointing at a fresh test provider; its log lines are kept. */
async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const provider = await startProvider(t, BASE);
  const stream = new PassThrough();
  const log: { level: number; surfconext?: string; cause?: string; [k: string]: unknown }[] = [];
  stream.on('data', (chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) log.push(JSON.parse(line));
  });
  const site = await buildTestApp(t, { env: { ...provider.env, LOG_LEVEL: 'info' }, logStream: stream });
  return { ...site, provider, log, logText: () => log.map((l) => JSON.stringify(l)).join('\n') };
}

/** Clicks "Inloggen met SURFconext" and returns the authorization URL the platform sent the browser to. */
async function begin(client: Client): Promise<string> {
  const res = await client.get('/inloggen/surfconext');
  assert.equal(res.statusCode, 303, res.body);
  return String(res.headers.location);
}

/** Comes back from the provider to the platform. */
async function back(client: Client, callback: URL) {
  assert.equal(callback.origin + callback.pathname, `${BASE}/inloggen/surfconext/terug`);
  return client.get(callback.pathname + callback.search);
}

async function roundTrip(client: Client, login: string) {
  return back(client, await new ProviderBrowser().signIn(await begin(client), login));
}

const accounts = async (db: Awaited<ReturnType<typeof setup>>['db']) =>
  db.selectFrom('users').select(['email', 'name', 'role', 'institution_brin']).orderBy('email').execute();
const identities = async (db: Awaited<ReturnType<typeof setup>>['db']) =>
  db.selectFrom('oidc_identities').innerJoin('users', 'users.id', 'oidc_identities.user_id').select(['subject', 'users.email']).execute();

describe('sign-in with SURFconext (a real OpenID provider in the process)', () => {
  test('staff of a known domain: a new account tied to the hogeschool; returning finds it by subject', async (t) => {
    const { app, db, provider } = await setup(t);
    const client = new Client(app);
    const page = await client.get('/inloggen');
    assert.match(page.body, /<a [^>]*href="\/inloggen\/surfconext">Inloggen met SURFconext<\/a>/);

    const authorization = new URL(await begin(client));
    assert.equal(authorization.origin, provider.issuer);
    assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorization.searchParams.get('redirect_uri'), `${BASE}/inloggen/surfconext/terug`);
    assert.equal(authorization.searchParams.get('scope'), 'openid email profile');
    assert.ok(authorization.searchParams.get('nonce'));
    const state = authorization.searchParams.get('state') ?? '';
    assert.equal(client.cookies.get('mkb_surf_state'), state);
    const stored = await db.selectFrom('oidc_attempts').selectAll().execute();
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored).includes(state), 'the state is stored as a hash only');

    const res = await back(client, await new ProviderBrowser().signIn(authorization.href, 'docent-avans'));
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/mijn?welkom=1');
    assert.deepEqual(await accounts(db), [{ email: 'docent@avans.nl', name: 'Dirk Docent', role: 'applicant', institution_brin: '07GR' }]);
    assert.deepEqual(await identities(db), [{ subject: 'docent-avans', email: 'docent@avans.nl' }]);
    assert.equal(await countRows(db, 'oidc_attempts'), 0, 'the state is used up');
    const mine = await client.get('/mijn');
    assert.match(mine.body, /Aanmeldingen van Avans Hogeschool/);

    // Returning, in another browser: the same account, found by issuer + subject.
    const again = new Client(app);
    const second = await roundTrip(again, 'docent-avans');
    assert.equal(second.headers.location, '/mijn?welkom=1');
    assert.equal(await countRows(db, 'users'), 1);
    assert.match((await again.get('/mijn')).body, /docent@avans\.nl/);
    const audit = await db.selectFrom('audit_events').select(['action', 'detail']).orderBy('id').execute();
    assert.deepEqual(
      audit.map((a) => [a.action, JSON.parse(a.detail ?? '{}').method]),
      [
        ['user.created', 'surfconext'],
        ['user.signed_in', 'surfconext'],
      ],
    );
  });

  test('an existing e-mail account is linked only after saying yes in that browser', async (t) => {
    const { app, db } = await setup(t);
    await ensureUser(db, { email: 'bekend@hu.nl', role: 'applicant', institutionBrin: '25DW', name: 'Bert' });
    const before = await accounts(db);

    const client = new Client(app);
    const res = await roundTrip(client, 'bekend-hu');
    assert.equal(res.headers.location, '/inloggen/surfconext/koppelen');
    assert.equal(await countRows(db, 'oidc_identities'), 0, 'nothing linked before the answer');
    assert.equal((await client.get('/mijn')).statusCode, 303, 'not signed in before the answer');
    const question = await client.get('/inloggen/surfconext/koppelen');
    assert.match(question.body, /<h1[^>]*>Wilt u dit account koppelen\?<\/h1>/);
    assert.match(question.body, /al een account op ons platform met het e-mailadres bekend@hu\.nl/);

    // The question belongs to this browser: another one gets nothing out of it.
    const other = new Client(app);
    assert.equal((await other.get('/inloggen/surfconext/koppelen')).statusCode, 400);

    const no = await client.post('/inloggen/surfconext/koppelen', { keuze: 'nee' });
    assert.equal(no.headers.location, '/inloggen?koppelen=nee');
    assert.equal(await countRows(db, 'oidc_identities'), 0);
    assert.equal(await countRows(db, 'oidc_pending_links'), 0, 'the question is used up');
    assert.match((await client.get('/inloggen?koppelen=nee')).body, /Er is niets gekoppeld en u bent niet ingelogd\./);
    assert.equal((await client.get('/mijn')).statusCode, 303);

    await roundTrip(client, 'bekend-hu');
    await client.get('/inloggen/surfconext/koppelen');
    const yes = await client.post('/inloggen/surfconext/koppelen', { keuze: 'ja' });
    assert.equal(yes.headers.location, '/mijn?welkom=1');
    assert.deepEqual(await identities(db), [{ subject: 'bekend-hu', email: 'bekend@hu.nl' }]);
    assert.deepEqual(await accounts(db), before, 'the account itself is unchanged');
    assert.match((await client.get('/mijn')).body, /Aanmeldingen van Hogeschool Utrecht/);

    // Next time the subject finds the account straight away.
    const later = await roundTrip(new Client(app), 'bekend-hu');
    assert.equal(later.headers.location, '/mijn?welkom=1');
  });

  test('a changed subject for a known e-mail address is refused; nothing is linked or created', async (t) => {
    const { app, db, logText } = await setup(t);
    await ensureUser(db, { email: 'bekend@hu.nl', role: 'applicant', institutionBrin: '25DW' });
    const client = new Client(app);
    await roundTrip(client, 'bekend-hu');
    await client.get('/inloggen/surfconext/koppelen');
    await client.post('/inloggen/surfconext/koppelen', { keuze: 'ja' });

    const res = await roundTrip(new Client(app), 'bekend-hu-nieuw');
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Dit account hoort bij een ander SURFconext-account/);
    assert.deepEqual(await identities(db), [{ subject: 'bekend-hu', email: 'bekend@hu.nl' }]);
    assert.equal(await countRows(db, 'users'), 1);
    assert.match(logText(), /"surfconext":"subjectChanged"/);
  });

  test('a student, a non-staff member and an unknown home organisation get their own page and no account', async (t) => {
    const { app, db, logText } = await setup(t);
    const student = await roundTrip(new Client(app), 'student-avans');
    assert.equal(student.statusCode, 403);
    assert.match(student.body, /<h1[^>]*>Dit platform is voor medewerkers<\/h1>/);
    assert.match(student.body, /U logde in als student/);
    assert.match(student.body, /href="\/routes"/);

    const member = await roundTrip(new Client(app), 'lid-avans');
    assert.equal(member.statusCode, 403);
    assert.match(member.body, /Volgens uw instelling bent u geen medewerker/);

    const unknown = await roundTrip(new Client(app), 'onbekend-domein');
    assert.equal(unknown.statusCode, 403);
    assert.match(unknown.body, /SURFconext meldt dat u van voorbeeldacademie\.nl komt/);
    await roundTrip(new Client(app), 'onbekend-domein');
    const listed = await db.selectFrom('unknown_home_organisations').select(['domain', 'attempts']).execute();
    assert.deepEqual(listed, [{ domain: 'voorbeeldacademie.nl', attempts: 2 }]);
    assert.equal(await countRows(db, 'users'), 0);
    assert.equal(await countRows(db, 'oidc_identities'), 0);

    // An admin maps the domain; the same person then gets in, tied to that hogeschool.
    await ensureUser(db, { email: 'beheer@programma.nl', role: 'admin' });
    const admin = await signIn(app, db, 'beheer@programma.nl');
    const page = await admin.get('/beheer/maildomeinen');
    assert.match(page.body, /<td>voorbeeldacademie\.nl<\/td><td>2<\/td>/);
    const mapped = await admin.post('/beheer/maildomeinen', { domain: 'VoorbeeldAcademie.nl', institution: '21RI' });
    assert.equal(mapped.headers.location, '/beheer/maildomeinen?klaar=gekoppeld&domein=voorbeeldacademie.nl');
    assert.equal(await countRows(db, 'unknown_home_organisations'), 0);
    const now = await roundTrip(new Client(app), 'onbekend-domein');
    assert.equal(now.headers.location, '/mijn?welkom=1');
    const created = await db
      .selectFrom('users')
      .select('institution_brin')
      .where('email', '=', 'medewerker@voorbeeldacademie.nl')
      .executeTakeFirst();
    assert.equal(created?.institution_brin, '21RI');

    const text = logText();
    for (const outcome of ['student', 'notStaff', 'unknownDomain']) assert.match(text, new RegExp(`"surfconext":"${outcome}"`));
    for (const personal of [
      'student@student.avans.nl',
      'Stijn',
      'lid@avans.nl',
      'medewerker@voorbeeldacademie',
      'student-avans',
      'lid-avans',
    ]) {
      assert.ok(!text.includes(personal), `the log holds no personal data (${personal})`);
    }
  });

  test('claims not released: a page that says which, and no account', async (t) => {
    const { app, db } = await setup(t);
    const noMail = await roundTrip(new Client(app), 'zonder-mail');
    assert.equal(noMail.statusCode, 403);
    assert.match(noMail.body, /SURFconext gaf door uw instelling niet door: uw e-mailadres\./);
    const noOrg = await roundTrip(new Client(app), 'zonder-instelling');
    assert.equal(noOrg.statusCode, 403);
    assert.match(noOrg.body, /niet door: de naam van uw instelling\./);
    assert.equal(await countRows(db, 'users'), 0);
  });

  test('a wrong or foreign state, a replayed callback and a replayed code are refused and change nothing', async (t) => {
    const { app, db, logText } = await setup(t);
    const client = new Client(app);
    const callback = await new ProviderBrowser().signIn(await begin(client), 'docent-avans');

    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'een-andere-state');
    const wrong = await back(client, tampered);
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Deze inlogpoging is verlopen/);

    // The right URL in another browser (a link planted on someone): no state cookie there.
    const planted = await back(new Client(app), callback);
    assert.equal(planted.statusCode, 400);

    // The state was not used by the refusals above: the own browser still finishes, once.
    const good = await back(client, callback);
    assert.equal(good.headers.location, '/mijn?welkom=1');
    const firstCookie = client.cookies.get('mkb_sessie');
    const replay = await back(client, callback);
    assert.equal(replay.statusCode, 400, 'a callback works once');

    // The old code with a fresh state of this browser: the provider refuses the used code.
    const fresh = new URL(await begin(client));
    const withOldCode = new URL(callback);
    withOldCode.searchParams.set('state', fresh.searchParams.get('state') ?? '');
    const replayedCode = await back(client, withOldCode);
    assert.equal(replayedCode.statusCode, 400);
    assert.match(replayedCode.body, /Inloggen is niet gelukt/);
    assert.equal(client.cookies.get('mkb_sessie'), firstCookie, 'the session is not replaced');
    assert.equal(await countRows(db, 'users'), 1);
    assert.match(logText(), /"surfconext":"rejected","cause":"token response refused: invalid_grant/);
  });

  test('a wrong nonce and a PKCE mismatch are refused; nothing is created', async (t) => {
    const { app, db, log, logText } = await setup(t);
    const client = new Client(app);
    const authorization = new URL(await begin(client));
    authorization.searchParams.set('nonce', 'een-nonce-van-iemand-anders');
    const wrongNonce = await back(client, await new ProviderBrowser().signIn(authorization.href, 'docent-avans'));
    assert.equal(wrongNonce.statusCode, 400);
    assert.match(wrongNonce.body, /Inloggen is niet gelukt/);
    assert.ok(log.some((l) => l.surfconext === 'rejected' && /unexpected ID Token "nonce" claim value/.test(String(l.cause))));

    const second = new URL(await begin(client));
    // A code_challenge of another verifier: the code is bound to it, so our verifier does not fit.
    second.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const pkce = await back(client, await new ProviderBrowser().signIn(second.href, 'docent-avans'));
    assert.equal(pkce.statusCode, 400);
    assert.match(logText(), /"surfconext":"rejected","cause":"token response refused: invalid_grant/);
    assert.equal(await countRows(db, 'users'), 0);
    assert.equal(await countRows(db, 'oidc_identities'), 0);
  });

  test('cancelling at the provider: a clear page, nothing changed', async (t) => {
    const { app, db, logText } = await setup(t);
    const client = new Client(app);
    const callback = await new ProviderBrowser().cancel(await begin(client));
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    const res = await back(client, callback);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<h1[^>]*>Inloggen afgebroken<\/h1>/);
    assert.equal(await countRows(db, 'users'), 0);
    assert.match(logText(), /"surfconext":"cancelled","cause":"provider returned access_denied"/);
  });

  test('the provider down before or during a round, or too slow: 503 with a clear page, no account', async (t) => {
    const { app, db, provider, log } = await setup(t);
    const client = new Client(app);
    const callback = await new ProviderBrowser().signIn(await begin(client), 'docent-avans');
    await provider.stop();
    const during = await back(client, callback);
    assert.equal(during.statusCode, 503);
    assert.match(during.body, /<h1[^>]*>SURFconext is nu niet bereikbaar<\/h1>/);
    assert.equal(await countRows(db, 'users'), 0);
    assert.ok(log.some((l) => l.level === 40 && l.surfconext === 'unavailable' && String(l.cause).startsWith('token request failed')));

    // A provider that was never reachable: discovery fails at the first click.
    const down = await buildTestApp(t, { env: { ...provider.env, OIDC_ISSUER: 'http://127.0.0.1:9' } });
    const start = await new Client(down.app).get('/inloggen/surfconext');
    assert.equal(start.statusCode, 503);
    assert.match(start.body, /SURFconext is nu niet bereikbaar/);
    assert.equal(await countRows(down.db, 'oidc_attempts'), 0);

    // A provider that accepts the connection and never answers: the timeout ends the wait.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    t.after(() => {
      silent.closeAllConnections();
      silent.close();
    });
    const slowIssuer = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const slow = await buildTestApp(t, { env: { ...provider.env, OIDC_ISSUER: slowIssuer, OIDC_TIMEOUT_SECONDS: '1' } });
    const began = Date.now();
    const waited = await new Client(slow.app).get('/inloggen/surfconext');
    assert.equal(waited.statusCode, 503);
    assert.ok(Date.now() - began < 5000, 'answered within the timeout, not after the default 30 s');
  });

  test('without configuration there is no button and no SURFconext route; signing out says SURFconext stays signed in', async (t) => {
    const { app } = await buildTestApp(t);
    const page = await new Client(app).get('/inloggen');
    assert.doesNotMatch(page.body, /SURFconext/);
    assert.equal((await new Client(app).get('/inloggen/surfconext')).statusCode, 404);
    assert.equal((await new Client(app).get('/inloggen?uitgelogd=1')).body.includes('bij SURFconext zelf nog ingelogd'), false);

    const configured = await setup(t);
    const client = new Client(configured.app);
    await roundTrip(client, 'staf-han');
    await client.get('/mijn');
    const out = await client.post('/uitloggen', {});
    assert.equal(out.headers.location, '/inloggen?uitgelogd=1');
    assert.equal((await client.get('/mijn')).statusCode, 303, 'the platform session is over');
    const notice = await client.get('/inloggen?uitgelogd=1');
    assert.match(notice.body, /U bent uitgelogd\. Logde u in met SURFconext\? Dan bent u bij SURFconext zelf nog ingelogd/);
    const han = await configured.db.selectFrom('users').select(['email', 'institution_brin']).executeTakeFirst();
    assert.deepEqual(
      han,
      { email: 'staf@han.nl', institution_brin: '25KB' },
      'scoped affiliation staff@han.nl counts as staff; address lower-cased',
    );
  });

  test('round trips and pending links that were never finished are cleared by the housekeeping', async (t) => {
    const { db, config } = await setup(t);
    const settings = config.oidc;
    assert.ok(settings);
    const old = new Date(Date.now() - 11 * 60_000);
    assert.equal((await startSurfconext(db, settings, null, old)).ok, true);
    assert.equal((await startSurfconext(db, settings, '/mijn')).ok, true);
    await purgeOldSignInTokens(db);
    const left = await db.selectFrom('oidc_attempts').select('return_to').execute();
    assert.deepEqual(left, [{ return_to: '/mijn' }], 'only the unexpired round is kept');
  });

  test('linking gives an account without hogeschool the hogeschool of its staff home organisation; a team member stays team', async (t) => {
    const { app, db } = await setup(t);
    await ensureUser(db, { email: 'docent@avans.nl', role: 'applicant' });
    await ensureUser(db, { email: 'staf@han.nl', role: 'team' });
    for (const login of ['docent-avans', 'staf-han']) {
      const client = new Client(app);
      await roundTrip(client, login);
      await client.get('/inloggen/surfconext/koppelen');
      assert.equal((await client.post('/inloggen/surfconext/koppelen', { keuze: 'ja' })).headers.location, '/mijn?welkom=1');
    }
    assert.deepEqual(await accounts(db), [
      { email: 'docent@avans.nl', name: null, role: 'applicant', institution_brin: '07GR' },
      { email: 'staf@han.nl', name: null, role: 'team', institution_brin: null },
    ]);
  });

  test('the same new person coming back in two tabs at once gets one account, and both tabs are signed in', async (t) => {
    const { app, db } = await setup(t);
    const tabs = [new Client(app), new Client(app)];
    const callbacks = await Promise.all(tabs.map(async (tab) => new ProviderBrowser().signIn(await begin(tab), 'docent-avans')));
    const answers = await Promise.all(tabs.map((tab, i) => back(tab, callbacks[i] as URL)));
    assert.deepEqual(
      answers.map((a) => a.headers.location),
      ['/mijn?welkom=1', '/mijn?welkom=1'],
    );
    assert.equal(await countRows(db, 'users'), 1);
    assert.deepEqual(await identities(db), [{ subject: 'docent-avans', email: 'docent@avans.nl' }]);
  });
});
