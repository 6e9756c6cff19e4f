import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Db, rawSqlite } from '../db/connect.ts';
import { bumpCounter } from './settings/repo.ts';
import { dataVersion } from './view-cache.ts';

/**
 * The render cache of everything anonymous visitors see (pages, open data, feed, sitemap).
 *
 * Exactness: a `public_version` counter in the settings table is raised in the same transaction
 * as any change to public content (`publicContentChanged`). Every answer from the cache first
 * reads that counter — on SQLite with one synchronous read of the row per event-loop turn
 * (microseconds, no query through Kysely); on PostgreSQL with one query shared by all requests
 * that arrived while the previous one was under way (so a request never trusts a read that started
 * before it came in). A change committed by any process therefore shows on the next request sent
 * after the commit, in every process.
 *
 * Speed: a cached answer is kept with the headers the app sent for it and precompressed (gzip and
 * brotli), and `serveFromCache` answers it straight from `node:http`, before Fastify routes the
 * request; everything else (and every request with a session cookie) goes to Fastify as usual.
 */

const VERSION_KEY = 'public_version';
const MAX_ENTRIES = 2_000;
/** Headers that belong to one response, not to the cached answer. */
const PER_RESPONSE = new Set(['x-request-id', 'content-length', 'content-encoding', 'etag', 'vary', 'date', 'connection', 'set-cookie']);

type Entry = {
  version: string;
  /** When the answer goes out of date by the clock alone (ms since 1970), if it does. */
  expiresAt: number | null;
  etag: string;
  status: number;
  headers: [string, string][];
  /** The cached headers with etag and vary, as one flat name/value list for writeHead. */
  flat: string[];
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
};

type Store = {
  entries: Map<string, Entry>;
  /** The current version; `shared` lets the requests of one event-loop turn share one read (fast path only). */
  version: (shared?: boolean) => string | Promise<string>;
};

const stores = new WeakMap<Db, Store>();

/** The version reader of a database: synchronous on SQLite, batched on PostgreSQL. */
function store(db: Db): Store {
  let s = stores.get(db);
  if (s) return s;
  const raw = rawSqlite(db);
  if (raw) {
    // One synchronous read of the counter's row (view-cache.ts#dataVersion, shared with the team's lists).
    const read = () => dataVersion(db, VERSION_KEY) as string;
    // A read costs about 5 µs (it takes a WAL read snapshot). The fast path shares one read among the
    // requests of one turn of the event loop: they are read from their sockets in the poll phase,
    // and the shared read is forgotten in the check phase right after. A request that reaches its
    // socket after the read is handled in a later turn, so it gets a fresh read: a commit is seen by
    // every request sent after it (HTTP/1.1 without pipelining, as browsers do). Everything else
    // (the Fastify path, in-process injects) reads afresh each time.
    let memo: string | null = null;
    const forget = () => {
      memo = null;
    };
    s = {
      entries: new Map(),
      version: (shared = false) => {
        if (!shared) return read();
        if (memo === null) {
          memo = read();
          setImmediate(forget);
        }
        return memo;
      },
    };
  } else {
    let waiting: ((v: string) => void)[] = [];
    let running = false;
    const read = async () => dataVersion(db, VERSION_KEY);
    // A read starts at the end of the poll phase (setImmediate), so that every request read from its
    // socket in that phase shares it: each began before the read did, so the read is valid for all.
    // Under load this took ~35 % of the version queries away (bench/RESULTS.md, 2026-12-01).
    const run = () => {
      running = true;
      setImmediate(async () => {
        const batch = waiting;
        waiting = [];
        const v = await read().catch(() => `error-${randomUUID()}`);
        for (const resolve of batch) resolve(v);
        if (waiting.length) run();
        else running = false;
      });
    };
    s = {
      entries: new Map(),
      version: () =>
        new Promise<string>((resolve) => {
          waiting.push(resolve);
          if (!running) run();
        }),
    };
  }
  stores.set(db, s);
  return s;
}

/**
 * Call in the transaction of any change to what anonymous visitors see (routes, stories, pages,
 * toolkit). The version lives in the database, so every process notices on its next request.
 */
export async function publicContentChanged(db: Db): Promise<void> {
  await bumpCounter(db, VERSION_KEY);
}

function accepted(header: string | string[] | undefined): 'br' | 'gzip' | null {
  const value = String(header ?? '');
  if (/\bbr\b/.test(value)) return 'br';
  if (/\bgzip\b/.test(value)) return 'gzip';
  return null;
}

function bodyFor(entry: Entry, encoding: 'br' | 'gzip' | null): { body: Buffer; encoding: 'br' | 'gzip' | null } {
  if (encoding === 'br' && entry.br) return { body: entry.br, encoding };
  if (encoding === 'gzip' && entry.gzip) return { body: entry.gzip, encoding };
  return { body: entry.identity, encoding: null };
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * A cached answer, compressed once per version. Compression runs on libuv's thread pool (brotli at
 * its best level takes ~17 ms for a 27 KB page), so refilling the cache never blocks other requests.
 */
async function entryFor(
  key: string,
  version: string,
  status: number,
  headers: [string, string][],
  body: string,
  expiresAt: number | null,
): Promise<Entry> {
  const identity = Buffer.from(body);
  const small = identity.length < 1024;
  // Compressed once per version: the best ratio for pages, a quicker one for large exports.
  const large = identity.length > 256 * 1024;
  // An answer that expires by the clock gets its own etag each time it is rendered.
  const stamp = expiresAt === null ? '' : `-${Date.now().toString(36)}`;
  const etag = `"${version}${stamp}-${createHash('sha1').update(key).digest('hex').slice(0, 12)}"`;
  return {
    version,
    expiresAt,
    etag,
    status,
    headers,
    flat: [...headers.flat(), 'etag', etag, 'vary', 'accept-encoding'],
    identity,
    gzip: small ? null : await gzipAsync(identity, { level: large ? 6 : 9 }),
    br: small ? null : await brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: large ? 5 : 11 } }),
  };
}

const hasSession = (cookie: string | undefined, name: string) => Boolean(cookie?.includes(`${name}=`));

export type FastPathOptions = {
  db: Db;
  sessionCookie: string;
  closing: () => boolean;
  /** Logs the answer: request id, path (no query string), status and milliseconds taken. */
  log: (id: string, path: string, status: number, ms: number) => void;
};

/**
 * Answers a GET for a cached public resource straight from node:http; false when it is not one
 * (not cached, outdated, or the request carries a session), and Fastify takes it. Exactly the
 * bytes and headers Fastify would send, with its own request id and one log line.
 */
export function serveFromCache(req: IncomingMessage, res: ServerResponse, options: FastPathOptions): boolean | Promise<boolean> {
  if (req.method !== 'GET' || hasSession(req.headers.cookie, options.sessionCookie)) return false;
  const s = stores.get(options.db);
  const entry = s?.entries.get(req.url ?? '');
  if (!s || !entry) return false;
  // Called from a socket's data in the poll phase; the shared read is reset in the check phase after it.
  const version = s.version(true);
  if (typeof version === 'string') return answer(req, res, entry, version, options);
  return version.then((v) => answer(req, res, entry, v, options));
}

const expired = (entry: Entry) => entry.expiresAt !== null && Date.now() >= entry.expiresAt;

function answer(req: IncomingMessage, res: ServerResponse, entry: Entry, version: string, options: FastPathOptions): boolean {
  if (entry.version !== version || expired(entry)) return false;
  const started = process.hrtime.bigint();
  const id = randomUUID();
  // One writeHead with a flat list: far cheaper than a setHeader per header.
  const head = [...entry.flat, 'x-request-id', id];
  if (options.closing()) head.push('connection', 'close');
  if (req.headers['if-none-match'] === entry.etag) {
    res.writeHead(304, head);
    res.end();
  } else {
    const { body, encoding } = bodyFor(entry, accepted(req.headers['accept-encoding']));
    if (encoding) head.push('content-encoding', encoding);
    head.push('content-length', String(body.length));
    res.writeHead(entry.status, head);
    res.end(body);
  }
  options.log(id, (req.url ?? '/').split('?')[0] ?? '/', res.statusCode, Number(process.hrtime.bigint() - started) / 1e6);
  return true;
}

/**
 * Serves a public resource through the render cache. `perUser` resources (HTML pages, whose header
 * shows who is signed in) are cached for anonymous requests only; open data is the same for all.
 */
export async function cachedResponse(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<{ status?: number; body: string; type: string; expiresAt?: number | null }>,
  options: { perUser: boolean },
): Promise<FastifyReply> {
  if (options.perUser && (request.user || request.pendingEmail)) {
    const page = await render();
    return reply
      .status(page.status ?? 200)
      .type(page.type)
      .send(page.body);
  }
  const s = store(db);
  const version = await s.version();
  const key = request.url;
  let entry = s.entries.get(key);
  if (!entry || entry.version !== version || expired(entry)) {
    const page = await render();
    reply.type(page.type).header('cache-control', 'no-cache');
    const headers = Object.entries(reply.getHeaders())
      .filter(([name, value]) => !PER_RESPONSE.has(name) && value !== undefined)
      .map(([name, value]): [string, string] => [name, String(value)]);
    if ((page.status ?? 200) !== 200) return reply.status(page.status ?? 200).send(page.body);
    const fresh = await entryFor(key, version, 200, headers, page.body, page.expiresAt ?? null);
    if (s.entries.size >= MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value as string);
    s.entries.set(key, fresh);
    entry = fresh;
  }
  for (const [name, value] of entry.headers) reply.header(name, value);
  reply.header('etag', entry.etag).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send();
  const { body, encoding } = bodyFor(entry, accepted(request.headers['accept-encoding']));
  if (encoding) reply.header('content-encoding', encoding);
  return reply.status(entry.status).send(body);
}

/** An HTML page through the render cache (anonymous requests only). */
export async function cachedPage(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<{ status?: number; html: string; expiresAt?: number | null }>,
): Promise<FastifyReply> {
  return cachedResponse(
    db,
    request,
    reply,
    async () => {
      const page = await render();
      return { status: page.status, body: page.html, type: 'text/html; charset=utf-8', expiresAt: page.expiresAt };
    },
    { perUser: true },
  );
}
