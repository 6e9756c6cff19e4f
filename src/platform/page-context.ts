import type { FastifyReply, FastifyRequest } from 'fastify';
import { stylesheet } from '../ui/assets.ts';
import type { PageContext } from '../ui/context.ts';

/** The CSRF secret's cookie (@fastify/csrf-protection's default name). */
const CSRF_COOKIE = '_csrf';
const KEPT_TOKENS = 5_000;

/**
 * One token per CSRF secret, per app: every token made from a secret is valid for it, so a page
 * need not make (and HMAC) a new one on every view — every signed-in page has the sign-out form.
 * Only a cookie whose signature holds is remembered; an unknown or forged cookie goes through
 * the plugin, which makes a new secret and sets it. Signed-in pages are sent uncompressed, so a
 * token repeated across answers gives nothing away (BREACH needs compression).
 */
const tokensPerApp = new WeakMap<object, Map<string, string>>();

/** The token kept for this browser's CSRF secret, if one is (never makes one). */
export function keptCsrfToken(request: FastifyRequest): string | undefined {
  const cookie = request.cookies[CSRF_COOKIE];
  return cookie ? tokensPerApp.get(request.server.config)?.get(cookie) : undefined;
}

/** The page's CSRF token: the one kept for this browser's secret, or a new one (setting the secret on first use). */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  const cookie = request.cookies[CSRF_COOKIE];
  // Per configuration (it holds the secret the cookie is signed with), not per plugin instance.
  const app = request.server.config;
  let tokens = tokensPerApp.get(app);
  if (!tokens) {
    tokens = new Map();
    tokensPerApp.set(app, tokens);
  }
  const kept = cookie ? tokens.get(cookie) : undefined;
  if (kept) return kept;
  const token = reply.generateCsrf();
  if (cookie && request.unsignCookie(cookie).valid) {
    tokens.set(cookie, token);
    if (tokens.size > KEPT_TOKENS) tokens.delete(tokens.keys().next().value as string);
  }
  return token;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  let token: string | undefined;
  return {
    user: request.user ?? null,
    // Made when a form on the page asks for it: that sets the CSRF secret cookie on first use, and
    // a page without forms (most public pages) sets no cookie and does no crypto.
    get csrfToken() {
      token ??= csrfTokenFor(request, reply);
      return token;
    },
    path: request.url.split('?')[0] ?? '/',
    demo: request.server.config.demoContent,
    stylesheetHref: stylesheet.href,
  };
}
