import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, Client, countRows } from '../../../test/helpers.ts';
import { ProviderBrowser, startProvider } from '../../../test/oidc-provider.ts';
import { ensureUser } from './service.ts';

const BASE = 'http://localhost:3000';

/** A platform with SURFconext pointing at a fresh test provider. */
async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const provider = await startProvider(t, BASE);
  const site = await buildTestApp(t, { env: provider.env });
  return { ...site, provider };
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
});
