import type { FastifyReply, FastifyRequest } from 'fastify';
import { stylesheet } from '../ui/assets.ts';
import type { PageContext } from '../ui/context.ts';

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    user: request.user ?? null,
    // Creates the CSRF secret cookie on first use; forms and the sign-out button need the token.
    csrfToken: reply.generateCsrf(),
    path: request.url.split('?')[0] ?? '/',
    demo: request.server.config.demoContent,
    stylesheetHref: stylesheet.href,
  };
}
