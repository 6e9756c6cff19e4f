import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider in the test process (oidc-provider), shaped like SURFconext: PKCE
 * required, claims from the userinfo endpoint (email, name, schac_home_organization,
 * eduperson_affiliation). Its development login form takes any login name: the name picks one of
 * the people below, whose `sub` is that name.
 */

export type Person = {
  email?: string;
  name?: string;
  schac_home_organization?: string;
  eduperson_affiliation?: string[];
};

export const PEOPLE: Record<string, Person> = {
  'docent-avans': {
    email: 'docent@avans.nl',
    name: 'Dirk Docent',
    schac_home_organization: 'avans.nl',
    eduperson_affiliation: ['employee', 'member'],
  },
  'staf-han': { email: 'Staf@HAN.nl', name: 'Sanne Staf', schac_home_organization: 'han.nl', eduperson_affiliation: ['staff@han.nl'] },
  'bekend-hu': { email: 'bekend@hu.nl', name: 'Bert Bekend', schac_home_organization: 'hu.nl', eduperson_affiliation: ['employee'] },
  'bekend-hu-nieuw': { email: 'bekend@hu.nl', name: 'Bert Bekend', schac_home_organization: 'hu.nl', eduperson_affiliation: ['employee'] },
  'student-avans': {
    email: 'student@student.avans.nl',
    name: 'Stijn Student',
    schac_home_organization: 'avans.nl',
    eduperson_affiliation: ['student', 'member'],
  },
  'lid-avans': { email: 'lid@avans.nl', name: 'Lotte Lid', schac_home_organization: 'avans.nl', eduperson_affiliation: ['member'] },
  'onbekend-domein': {
    email: 'medewerker@voorbeeldacademie.nl',
    name: 'Otto Onbekend',
    schac_home_organization: 'voorbeeldacademie.nl',
    eduperson_affiliation: ['employee'],
  },
  'zonder-mail': { name: 'Zoë Zondermail', schac_home_organization: 'avans.nl', eduperson_affiliation: ['employee'] },
  'zonder-instelling': { email: 'zonder@avans.nl', name: 'Ivo Instelling', eduperson_affiliation: ['employee'] },
};

/** One signing key per test process (the provider would otherwise make a development key and say so). */
const SIGNING_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

export const CLIENT = { id: 'mkbroute-platform', secret: 'test-client-secret-met-lengte' };

export type TestProvider = { issuer: string; server: Server; stop: () => Promise<void>; env: Record<string, string> };

export async function startProvider(t: TestContext | { after: (fn: () => unknown) => void }, baseUrl: string): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${baseUrl}/inloggen/surfconext/terug`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { methods: ['S256'], required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email'],
      profile: ['name', 'schac_home_organization', 'eduperson_affiliation'],
    },
    scopes: ['openid', 'email', 'profile'],
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-key-for-the-provider'] },
    jwks: { keys: [{ ...SIGNING_KEY, use: 'sig', kid: 'test' }] },
    ttl: { AuthorizationCode: 60, Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    findAccount: async (_ctx, id) => {
      const person = PEOPLE[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
    // SURFconext asks no consent of its own for a registered service: the test provider neither.
    loadExistingGrant: async (ctx) => {
      const { provider: p, client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return p.Grant.find(existing);
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      ctx.type = 'text';
      ctx.body = `provider error: ${out.error}`;
    },
  });
  server.on('request', provider.callback());
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  t.after(() => (server.listening ? stop() : undefined));
  return {
    issuer,
    server,
    stop,
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret, OIDC_TIMEOUT_SECONDS: '2' },
  };
}

/**
 * A browser's part at the provider, over plain HTTP with its own cookies: open the authorization
 * URL, submit the login form (or cancel), and return where the provider sends the browser back.
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  private async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }

  /** Follows redirects at the provider until it sends the browser elsewhere; returns that URL. */
  private async follow(start: string): Promise<string> {
    let url = start;
    for (let i = 0; i < 10; i++) {
      const res = await this.fetch(url);
      const location = res.headers.get('location');
      if (!location) return url;
      const next = new URL(location, url);
      if (next.origin !== new URL(start).origin) return next.href;
      url = next.href;
    }
    throw new Error('too many redirects at the provider');
  }

  /** Signs in as `login` at the provider; returns the callback URL (on the platform) with code and state. */
  async signIn(authorizationUrl: string, login: string): Promise<URL> {
    const interaction = await this.follow(authorizationUrl);
    const res = await this.fetch(interaction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'wachtwoord' }).toString(),
    });
    const location = res.headers.get('location');
    if (!location) throw new Error(`login at the provider answered ${res.status}: ${await res.text()}`);
    return new URL(await this.follow(new URL(location, interaction).href));
  }

  /** Presses "Cancel" at the provider's login page. */
  async cancel(authorizationUrl: string): Promise<URL> {
    const interaction = await this.follow(authorizationUrl);
    return new URL(await this.follow(`${interaction}/abort`));
  }
}
