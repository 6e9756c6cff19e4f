import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { BODY_LIMIT_BYTES } from '../src/app.ts';
import { securityHeaders } from '../src/platform/security-headers.ts';
import { buildTestApp, Client, countRows } from './helpers.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '\u202Egnp.exe\u0000\u0007',
  '{{constructor.constructor("alert(1)")()}}',
  '../../etc/passwd',
  'x'.repeat(100_000),
];

describe('security baseline', () => {
  test('responses carry a strict CSP without unsafe-inline and the other protective headers', async (t) => {
    const { app } = await buildTestApp(t);
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.equal(
      res.headers['content-security-policy'],
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'self';object-src 'none'",
    );
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(res.headers['cross-origin-embedder-policy'], undefined);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS on plain http');
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    assert.doesNotMatch(res.body, /<script|<style|style="/, 'no inline script or style');
  });

  test('the security headers are worked out once, and a per-request directive is refused rather than frozen', () => {
    const headers = securityHeaders({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"] } }, hsts: false });
    assert.equal(headers['content-security-policy'], "default-src 'self'");
    assert.equal(headers['strict-transport-security'], undefined);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.throws(
      () => securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-x'"] } } }),
      /per-request CSP directive/,
    );
  });

  test('a form posted without a CSRF token, with a wrong one, or from another site is refused and changes nothing', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = new Client(app);
    await client.get('/inloggen');
    const missing = await client.post('/inloggen', { email: 'a@b.nl', _csrf: null });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /<h1 class="utrecht-heading-1">Formulier verlopen<\/h1>/);
    assert.equal((await client.post('/inloggen', { email: 'a@b.nl', _csrf: 'vervalst' })).statusCode, 403);
    const crossSite = await client.post('/inloggen', { email: 'a@b.nl' }, { 'sec-fetch-site': 'cross-site' });
    assert.equal(crossSite.statusCode, 403);
    const noCookie = await app.inject({
      method: 'POST',
      url: '/inloggen',
      payload: `email=a%40b.nl&_csrf=${client.lastCsrf}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(noCookie.statusCode, 403, 'a token without its cookie is worthless');
    assert.equal(await countRows(db, 'outbox'), 0);
    assert.equal((await client.post('/inloggen', { email: 'a@b.nl' })).statusCode, 303, 'the same form with its token works');
  });

  test('a browser keeps one CSRF token per secret; a forged secret cookie gets a new secret, not a kept token', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = new Client(app);
    await client.get('/inloggen'); // sets the secret
    await client.get('/inloggen');
    const first = client.lastCsrf;
    const secret = client.cookies.get('_csrf');
    await client.get('/zoeken');
    await client.get('/inloggen');
    assert.equal(client.lastCsrf, first, 'the same token for the same secret');
    assert.equal(client.cookies.get('_csrf'), secret, 'no new secret');
    const other = new Client(app);
    await other.get('/inloggen');
    assert.notEqual(other.lastCsrf, first, 'another browser, another token');
    // A cookie with a broken signature: the page sets a new secret, and its token works with it.
    const forged = new Client(app);
    forged.cookies.set('_csrf', `${String(secret).split('.')[0]}.vervalst`);
    const page = await forged.get('/inloggen');
    assert.match(String(page.headers['set-cookie']), /^_csrf=/);
    assert.notEqual(forged.cookies.get('_csrf'), `${String(secret).split('.')[0]}.vervalst`);
    assert.notEqual(forged.lastCsrf, first);
    assert.equal((await forged.post('/inloggen', { email: 'a@b.nl' })).statusCode, 303);
    assert.equal(await countRows(db, 'outbox'), 1);
    // A kept token is still refused with another browser's secret.
    assert.equal((await other.post('/inloggen', { email: 'c@d.nl', _csrf: String(first) })).statusCode, 403);
  });

  test('an oversized body gets a Dutch 413 page, not a crash', async (t) => {
    const { app } = await buildTestApp(t);
    const client = new Client(app);
    await client.get('/inloggen');
    const res = await client.post('/inloggen', { email: 'a'.repeat(BODY_LIMIT_BYTES + 10) });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /Te veel gegevens verstuurd/);
    assert.equal((await app.inject({ method: 'GET', url: '/' })).statusCode, 200, 'still serving');
  });

  test('a body in a format the page does not take gets 415; broken JSON gets 400; neither leaks internals', async (t) => {
    const { app } = await buildTestApp(t);
    const plain = await app.inject({ method: 'POST', url: '/inloggen', payload: '<x/>', headers: { 'content-type': 'application/xml' } });
    assert.equal(plain.statusCode, 415);
    assert.match(plain.body, /Onbekend formaat/);
    const json = await app.inject({ method: 'POST', url: '/inloggen', payload: '{"a":', headers: { 'content-type': 'application/json' } });
    assert.equal(json.statusCode, 400);
    assert.match(json.body, /Verzoek niet begrepen/);
    assert.doesNotMatch(plain.body + json.body, /FST_|at .*\.js:\d+|Unexpected end/);
  });

  test('an unexpected error shows a Dutch 500 page with a reference, and no stack trace or SQL', async (t) => {
    const { app } = await buildTestApp(t, {
      beforeReady: (a) =>
        a.get('/test/stuk', { config: { access: 'public' } }, async () => {
          throw new Error('SQLITE_ERROR: no such column: secret_column in SELECT * FROM users');
        }),
    });
    const res = await app.inject({ method: 'GET', url: '/test/stuk' });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /<h1 class="utrecht-heading-1">Er ging iets mis<\/h1>/);
    assert.match(res.body, new RegExp(`Foutcode: (<!-- -->)?${res.headers['x-request-id']}`));
    assert.doesNotMatch(res.body, /SQLITE|secret_column|SELECT|\.ts:\d+/);
  });

  test('hostile strings in the sign-in form are refused with a message or escaped, never a 500', async (t) => {
    const { app } = await buildTestApp(t);
    const client = new Client(app);
    await client.get('/inloggen');
    for (const value of HOSTILE) {
      const res = await client.post('/inloggen', { email: value, terug: value });
      assert.equal(res.statusCode, 422, value.slice(0, 30));
      assert.doesNotMatch(res.body, /<script>alert/);
    }
    const wrongType = await app.inject({
      method: 'POST',
      url: '/inloggen',
      payload: `_csrf=${client.lastCsrf}&email=a@b.nl&email=c@d.nl`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(wrongType.statusCode, 422, 'two values for one field is refused, not a crash');
  });

  test('/healthz says the process is up; /readyz says whether the database answers', async (t) => {
    const { app, db } = await buildTestApp(t);
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    assert.deepEqual([health.statusCode, health.json()], [200, { status: 'ok' }]);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    assert.deepEqual([ready.statusCode, ready.json()], [200, { status: 'ok' }]);
    await db.destroy();
    const down = await app.inject({ method: 'GET', url: '/readyz' });
    assert.deepEqual([down.statusCode, down.json()], [503, { status: 'database onbereikbaar' }]);
  });
});

describe('what internet.nl and browsers look for', () => {
  test('every page names its icon and has a description; /favicon.ico is a 32 px PNG, /favicon.svg the SVG', async (t) => {
    const { app } = await buildTestApp(t);
    const ico = await app.inject({ method: 'GET', url: '/favicon.ico' });
    assert.equal(ico.headers['content-type'], 'image/png');
    const meta = await sharp(ico.rawPayload).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 32, 32]);
    const svg = await app.inject({ method: 'GET', url: '/favicon.svg' });
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.match(svg.body, /^<svg /);
    for (const url of ['/', '/routes', '/inloggen', '/kaart']) {
      const page = await app.inject({ method: 'GET', url });
      assert.match(page.body, /<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"\/>/, url);
      const description = /<meta name="description" content="([^"]+)"\/>/.exec(page.body)?.[1] ?? '';
      assert.ok(description.length > 40 && description.length <= 160, `${url}: ${description}`);
    }
    const routes = await app.inject({ method: 'GET', url: '/routes' });
    assert.match(routes.body, /<meta name="description" content="Alle opleidingsroutes in het hbo/);
  });

  test('robots.txt keeps sign-in links and personal pages out and points at the sitemap; security.txt follows RFC 9116', async (t) => {
    const { app } = await buildTestApp(t, { env: { SECURITY_CONTACT: 'mailto:security@mkbroute.example' } });
    const robots = await app.inject({ method: 'GET', url: '/robots.txt' });
    assert.equal(robots.headers['content-type'], 'text/plain; charset=utf-8');
    for (const path of ['/beheer', '/mijn', '/inloggen', '/aanmeldingen', '/startgesprek']) {
      assert.match(robots.body, new RegExp(`^Disallow: ${path}$`, 'm'));
    }
    assert.match(robots.body, /^Sitemap: http:\/\/localhost:3000\/sitemap\.xml$/m);
    const security = await app.inject({ method: 'GET', url: '/.well-known/security.txt' });
    assert.equal(security.statusCode, 200);
    assert.match(security.body, /^Contact: mailto:security@mkbroute\.example$/m);
    assert.match(security.body, /^Canonical: http:\/\/localhost:3000\/\.well-known\/security\.txt$/m);
    const expires = /^Expires: (\S+)$/m.exec(security.body)?.[1] ?? '';
    const days = (Date.parse(expires) - Date.now()) / 86_400_000;
    assert.ok(days > 300 && days <= 366, `Expires ${expires} is within a year`);
    const home = await app.inject({ method: 'GET', url: '/' });
    assert.match(String(home.headers['permissions-policy']), /geolocation=\(\)/);
  });
});
