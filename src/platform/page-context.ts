import type { FastifyReply, FastifyRequest } from 'fastify';
import { stylesheet } from '../ui/assets.ts';
import type { PageContext } from '../ui/context.ts';

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  let token: string | undefined;
  return {
    user: request.user ?? null,
    // Made when a form on the page asks for it: that sets the CSRF secret cookie on first use, and
    // a page without forms (most public pages) sets no cookie and does no crypto.
    get csrfToken() {
      token ??= reply.generateCsrf();
      return token;
    },
    path: request.url.split('?')[0] ?? '/',
    demo: request.server.config.demoContent,
    stylesheetHref: stylesheet.href,
  };
}
