import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connect.ts';
import { bumpCounter, getSetting } from './settings/repo.ts';

const VERSION_KEY = 'public_version';
const MAX_ENTRIES = 1_000;
// One cache per database, so that apps in one process (as in tests) never share pages.
const caches = new WeakMap<Db, Map<string, { version: string; body: string }>>();

/**
 * Call in the transaction of any change to what anonymous visitors see (routes, stories, pages,
 * toolkit). The version lives in the database, so every process notices on its next request.
 */
export async function publicContentChanged(db: Db): Promise<void> {
  await bumpCounter(db, VERSION_KEY);
}

/**
 * Serves an anonymous public page from the render cache: exact invalidation through the shared
 * version (one indexed read per request), an ETag, and 304 when the browser has it already.
 * Signed-in requests render fresh, because their header differs.
 */
export async function cachedPage(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<{ status?: number; html: string }>,
): Promise<FastifyReply> {
  if (request.user || request.pendingEmail) {
    const page = await render();
    return reply
      .status(page.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(page.html);
  }
  const version = (await getSetting(db, VERSION_KEY)) ?? '0';
  const key = request.url;
  const etag = `"${version}-${createHash('sha1').update(key).digest('hex').slice(0, 12)}"`;
  reply.header('etag', etag).header('cache-control', 'no-cache');
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.version === version) return reply.type('text/html; charset=utf-8').send(hit.body);
  const page = await render();
  if ((page.status ?? 200) === 200) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { version, body: page.html });
  } else {
    reply.removeHeader('etag');
  }
  return reply
    .status(page.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(page.html);
}
