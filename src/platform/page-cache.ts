import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Db } from '../db/connect.ts';
import type { PageContext } from '../ui/context.ts';
import { renderPage } from '../ui/render.ts';
import { keptCsrfToken, pageContext } from './page-context.ts';

type Entry = { versions: string; html: string; until: number };
export type Rendered = {
  page: VNode;
  /** When the page goes out of date by the clock alone (ms since 1970), if it does. */
  until?: number;
};

/** Counted for the tests, which must see a page come from here before they can trust its exactness. */
export const signedInPageStats = { hits: 0, stored: 0, shared: 0 };

/**
 * Whole signed-in pages, kept per process for one browser: the page a person saw is sent again
 * as long as the version counters of everything it shows stand (counters the database raises in
 * every writing transaction, ADR 010), the clock has not passed the moment it names, and the
 * request is the same (address with its query, the person as the session has them, the browser's
 * CSRF token). The counters are read before the page is computed, so a page computed while a
 * change commits is stored under the old versions and never sent after the new ones are seen; a
 * change made by any process shows on the next request. Only pages whose every input is covered
 * by the counters named may use it; a re-shown form with errors never does.
 *
 * Why: the queue and the assessment page cost 0.7–0.8 ms of CPU to compute and render, the rest
 * of a signed-in request (session, headers, log line) 0.2 ms (bench/RESULTS.md, 2026-11-30).
 */
export class SignedInPages {
  /**
   * Per database: the kept pages by key, and the pages being computed, by versions and key. A
   * browser whose requests overlap (several tabs, or a change landing while it loads several)
   * waits for the one computation of the same page under the same counters rather than making its own: as exact as a kept page, for the same
   * reason. Without it, every request in flight when a counter moved made the page again (50 at
   * once in bench:queue's one-browser load; on PostgreSQL /mijn fell from 2,584 to 1,006 req/s at
   * 50 changes a second).
   */
  private readonly stores = new WeakMap<Db, { entries: Map<string, Entry>; computing: Map<string, Promise<Entry>> }>();

  constructor(
    private readonly versionKeys: readonly string[],
    private readonly max = 300,
  ) {}

  async send(request: FastifyRequest, reply: FastifyReply, render: (ctx: PageContext) => Promise<Rendered>): Promise<FastifyReply> {
    const { db } = request.server;
    // Read with the session as the request began (one statement), before the page is computed.
    const snapshot = request.counters;
    const versions = snapshot && this.versionKeys.every((k) => snapshot.has(k)) ? this.versionKeys.map((k) => snapshot.get(k)) : null;
    const ctx = pageContext(request, reply);
    // The page's token for this browser's CSRF secret, kept from now on when the secret is sound.
    const made = request.cookies._csrf ? ctx.csrfToken : undefined;
    const token = made && keptCsrfToken(request) === made ? made : undefined;
    // A browser without a CSRF secret (its first page sets one) or with a forged one: computed and sent, nothing
    // kept. (A counter without its row reads '0': raised by `bumpCounter` it then becomes '1'; the
    // ones raised by triggers are created by their migrations, which run before the app serves.)
    // Nor without the counters of the session (a request with a user always has them).
    if (!request.user || !token || !versions) return this.sendFresh(reply, await render(ctx));
    const key = JSON.stringify([request.url, request.user, token]);
    const joined = versions.join('.');
    let store = this.stores.get(db);
    if (!store) {
      store = { entries: new Map(), computing: new Map() };
      this.stores.set(db, store);
    }
    const { entries, computing } = store;
    const hit = entries.get(key);
    if (hit && hit.versions === joined && Date.now() < hit.until) {
      entries.delete(key);
      entries.set(key, hit);
      signedInPageStats.hits++;
      return reply.type('text/html; charset=utf-8').send(hit.html);
    }
    const flight = `${joined}\n${key}`;
    const running = computing.get(flight);
    if (running) {
      // If that computation fails, this request makes its own (and answers with its own error).
      const shared = await running.catch(() => null);
      if (shared && Date.now() < shared.until) {
        signedInPageStats.shared++;
        return reply.type('text/html; charset=utf-8').send(shared.html);
      }
    }
    const computation = (async (): Promise<Entry> => {
      const { page, until } = await render(ctx);
      return { versions: joined, html: renderPage(page), until: until ?? Number.POSITIVE_INFINITY };
    })();
    computing.set(flight, computation);
    let entry: Entry;
    try {
      entry = await computation;
    } finally {
      if (computing.get(flight) === computation) computing.delete(flight);
    }
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > this.max) entries.delete(entries.keys().next().value as string);
    signedInPageStats.stored++;
    return reply.type('text/html; charset=utf-8').send(entry.html);
  }

  private sendFresh(reply: FastifyReply, rendered: Rendered): FastifyReply {
    return reply.type('text/html; charset=utf-8').send(renderPage(rendered.page));
  }
}
