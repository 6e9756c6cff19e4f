import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { buildApp } from '../src/app.ts';
import { prepareDatabase } from '../src/boot.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { connect, type Db } from '../src/db/connect.ts';

/** PostgreSQL when DATABASE_URL points at one (CI runs the suite twice), SQLite otherwise. */
export const POSTGRES_URL = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined;
export const ENGINE = POSTGRES_URL ? 'postgres' : 'sqlite';

/**
 * A fresh, empty database for one test: an SQLite file in a temporary folder, or a new database
 * on the PostgreSQL server. Removed again when the test ends. With `template` (see
 * `makeTemplateDatabase`), a copy of that database instead of an empty one.
 */
export async function freshDatabaseUrl(t: TestContext | { after: (fn: () => unknown) => void }, template?: string): Promise<string> {
  if (POSTGRES_URL) {
    // A database per test file, not a schema: Kysely's migrator introspects every schema of a
    // database, and a schema dropped by a test finishing alongside made that introspection fail.
    const name = `t_${Math.random().toString(36).slice(2, 12)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
    await admin.end();
    t.after(async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    return url.toString();
  }
  const dir = mkdtempSync(join(tmpdir(), 'mkbroute-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  if (template) copyFileSync(template, join(dir, 'test.sqlite'));
  return `sqlite:${join(dir, 'test.sqlite')}`;
}

/**
 * `npm test` (scripts/run-tests.ts) prepares one database the way `buildTestApp` would, before
 * any test runs, and hands it to every test process in TEST_DATABASE_TEMPLATE: an SQLite file to
 * copy, or a PostgreSQL database to clone (`create database … template …`). Migrating and filling
 * a new database for each of the ~150 apps the suite builds cost more than copying one.
 * Made afresh by every run, so it is never behind the migrations.
 */
export async function makeTemplateDatabase(): Promise<{ value: string; remove: () => Promise<void> }> {
  const hooks: (() => unknown)[] = [];
  const config = testConfig(await freshDatabaseUrl({ after: (fn: () => unknown) => hooks.push(fn) }));
  const { db } = await prepareDatabase(config, connect(config.database));
  await db.destroy();
  const remove = async () => {
    for (const hook of hooks.reverse()) await hook();
  };
  if (config.database.kind === 'postgres') return { value: new URL(config.database.url).pathname.slice(1), remove };
  return { value: config.database.path, remove };
}

const TEMPLATE = process.env.TEST_DATABASE_TEMPLATE || undefined;

export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  // On PostgreSQL every test database gets a ledger file of its own (on SQLite it sits beside the file).
  const ledger = POSTGRES_URL ? { ERASURE_LEDGER: join(tmpdir(), `mkbroute-ledger-${Math.random().toString(36).slice(2)}.jsonl`) } : {};
  return loadConfig({
    ...ledger,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    BASE_URL: 'http://localhost:3000',
    SESSION_SECRET: 'test-secret-that-is-at-least-32-characters',
    ...env,
  });
}

export type TestApp = { app: FastifyInstance; db: Db; config: Config };

/** The real app on a fresh, migrated database, closed when the test ends. */
export async function buildTestApp(
  t: TestContext | { after: (fn: () => unknown) => void },
  options: { env?: Record<string, string>; logStream?: DestinationStream; beforeReady?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  // From the run's prepared template when there is one; prepareDatabase then finds it all done.
  const config = testConfig(await freshDatabaseUrl(t, TEMPLATE), options.env);
  const { db } = await prepareDatabase(config, connect(config.database, { poolSize: 4 }));
  const app = await buildApp({ config, db, logStream: options.logStream });
  options.beforeReady?.(app);
  await app.ready();
  t.after(async () => {
    await app.close();
    await db.destroy();
  });
  return { app, db, config };
}

export async function countRows(db: Db, table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * A minimal browser over app.inject(): keeps cookies, and fills in the CSRF token of the last
 * page it saw, the way a real form would.
 */
export class Client {
  readonly cookies = new Map<string, string>();
  lastCsrf: string | null = null;

  constructor(readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now()) || c.value === '';
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.lastCsrf = token;
    return res;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /** Posts a form; pass `_csrf: null` to leave the token out, a list for a field sent several times (checkboxes). */
  async post(url: string, form: Record<string, string | string[] | null>, headers: Record<string, string> = {}) {
    const fields = { _csrf: this.lastCsrf ?? '', ...form };
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of v === null ? [] : [v].flat()) params.append(k, one);
    const body = params.toString();
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
      }),
    );
  }
}

/** The newest message in the outbox for an address. */
export async function lastMailTo(db: Db, to: string) {
  return db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('created_at', 'desc').executeTakeFirst();
}

export function linkToken(text: string): string {
  const token = /\/inloggen\/link\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no sign-in link in mail:\n${text}`);
  return token;
}

/** Signs a client in through the real flow: form → mail in the outbox → link → confirm. */
export async function signIn(app: FastifyInstance, db: Db, email: string, client = new Client(app)): Promise<Client> {
  await client.get('/inloggen');
  const res = await client.post('/inloggen', { email });
  if (res.statusCode !== 303) throw new Error(`sign-in request answered ${res.statusCode}`);
  const mail = await lastMailTo(db, email);
  if (!mail) throw new Error(`no mail for ${email}`);
  const token = linkToken(mail.body_text);
  await client.get(`/inloggen/link?token=${token}`);
  const confirmed = await client.post('/inloggen/link', { token });
  if (confirmed.statusCode !== 303) throw new Error(`confirming the link answered ${confirmed.statusCode}`);
  return client;
}
