import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('configuration', () => {
  test('an empty environment gives the development defaults of the contract table', () => {
    const config = loadConfig({});
    assert.equal(config.env, 'development');
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.deepEqual(config.database, { kind: 'sqlite', path: './data/mkbroute.sqlite' });
    assert.equal(config.devMailbox, true);
    assert.equal(config.demoContent, true);
    assert.equal(config.secure, false);
    assert.ok(config.sessionSecret.length >= 32);
  });

  test('BASE_URL follows PORT when not set, and loses a trailing slash when set', () => {
    assert.equal(loadConfig({ PORT: '8080' }).baseUrl, 'http://localhost:8080');
    assert.equal(loadConfig({ BASE_URL: 'https://mkbroute.example/' }).baseUrl, 'https://mkbroute.example');
  });

  test('a postgres:// DATABASE_URL selects PostgreSQL', () => {
    assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' }).database, {
      kind: 'postgres',
      url: 'postgres://u:p@127.0.0.1:5432/db',
    });
  });

  test('SMTP_URL turns the dev mailbox off', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    assert.equal(config.devMailbox, false);
    assert.equal(config.smtpUrl, 'smtp://127.0.0.1:2525');
  });

  test('every bad value is reported, one plain line each', () => {
    assert.deepEqual(problems({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', SESSION_SECRET: 'kort' }), [
      'PORT moet een getal zijn',
      'DATABASE_URL moet beginnen met sqlite: (met een bestandspad) of postgres://',
      'SMTP_URL moet de vorm smtp://gebruiker:wachtwoord@host:poort of smtps://… hebben',
      'SESSION_SECRET moet minstens 32 tekens lang zijn',
    ]);
    assert.deepEqual(problems({ BASE_URL: 'ftp://x', DATABASE_URL: 'sqlite:' }), [
      'BASE_URL moet een volledige http(s)-URL zijn, zoals https://mkbroute.nl',
      'DATABASE_URL moet beginnen met sqlite: (met een bestandspad) of postgres://',
    ]);
    assert.deepEqual(problems({ PORT: '70000', NODE_ENV: 'staging' }), [
      'NODE_ENV moet development, production of test zijn',
      'PORT moet tussen 0 en 65535 liggen',
    ]);
  });

  test('production insists on https, SMTP, a session secret, a security contact and no demo content', () => {
    assert.deepEqual(problems({ NODE_ENV: 'production', BASE_URL: 'http://mkbroute.example', DEMO_CONTENT: 'on' }), [
      'BASE_URL moet in productie met https:// beginnen',
      'SMTP_URL is verplicht in productie',
      'SESSION_SECRET is verplicht in productie',
      'DEMO_CONTENT kan niet aan staan in productie',
      'SECURITY_CONTACT is verplicht in productie (voor /.well-known/security.txt)',
    ]);
    assert.deepEqual(problems({ SECURITY_CONTACT: 'security@mkbroute.nl' }), [
      'SECURITY_CONTACT moet een mailto:-adres of een https-URL zijn',
    ]);
    const config = loadConfig({
      NODE_ENV: 'production',
      BASE_URL: 'https://mkbroute.example',
      SMTP_URL: 'smtps://u:p@mail.example:465',
      SESSION_SECRET: 'x'.repeat(40),
      SECURITY_CONTACT: 'mailto:security@mkbroute.example',
    });
    assert.equal(config.securityContact, 'mailto:security@mkbroute.example');
    assert.equal(config.devMailbox, false);
    assert.equal(config.demoContent, false);
    assert.equal(config.secure, true);
  });

  test('reachable from other machines without NODE_ENV=production: no dev mailbox, no demo content', () => {
    const exposed = loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0' });
    assert.deepEqual([exposed.devMailbox, exposed.demoContent, exposed.exposedWithoutProduction], [false, false, true]);
    const local = loadConfig({ NODE_ENV: 'development', HOST: '127.0.0.1' });
    assert.deepEqual([local.devMailbox, local.demoContent, local.exposedWithoutProduction], [true, true, false]);
    assert.equal(loadConfig({ NODE_ENV: 'development', HOST: '::1' }).devMailbox, true);
    assert.equal(loadConfig({ NODE_ENV: 'development', HOST: '192.168.1.10', DEMO_CONTENT: 'on' }).demoContent, false);
  });

  test('SURFconext: all three OIDC settings or none; https in production; the redirect URI follows BASE_URL', () => {
    assert.equal(loadConfig({}).oidc, null);
    const oidc = { OIDC_ISSUER: 'https://connect.test.surfconext.nl', OIDC_CLIENT_ID: 'mkbroute', OIDC_CLIENT_SECRET: 'geheim' };
    assert.deepEqual(loadConfig({ ...oidc, BASE_URL: 'https://mkbroute.example/' }).oidc, {
      issuer: 'https://connect.test.surfconext.nl',
      clientId: 'mkbroute',
      clientSecret: 'geheim',
      redirectUri: 'https://mkbroute.example/inloggen/surfconext/terug',
      timeoutSeconds: 10,
    });
    assert.deepEqual(problems({ OIDC_ISSUER: oidc.OIDC_ISSUER }), [
      'OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_CLIENT_SECRET horen samen: zet ze alle drie, of geen ervan',
    ]);
    assert.deepEqual(problems({ ...oidc, OIDC_ISSUER: 'connect.surfconext.nl', OIDC_TIMEOUT_SECONDS: '0' }), [
      'OIDC_ISSUER moet de volledige URL van de OpenID-provider zijn, zoals https://connect.test.surfconext.nl',
      'OIDC_TIMEOUT_SECONDS moet tussen 1 en 60 liggen',
    ]);
    const production = {
      NODE_ENV: 'production',
      BASE_URL: 'https://mkbroute.example',
      SMTP_URL: 'smtp://localhost:25',
      SESSION_SECRET: 'x'.repeat(32),
      SECURITY_CONTACT: 'mailto:security@mkbroute.example',
    };
    assert.deepEqual(problems({ ...production, ...oidc, OIDC_ISSUER: 'http://127.0.0.1:4000' }), [
      'OIDC_ISSUER moet in productie met https:// beginnen',
    ]);
  });

  test('DEMO_CONTENT accepts on/off words and refuses others', () => {
    assert.equal(loadConfig({ DEMO_CONTENT: 'off' }).demoContent, false);
    assert.equal(loadConfig({ NODE_ENV: 'test', DEMO_CONTENT: 'on' }).demoContent, true);
    assert.deepEqual(problems({ DEMO_CONTENT: 'misschien' }), ['DEMO_CONTENT moet on of off zijn (of 1/0, true/false)']);
  });
});
