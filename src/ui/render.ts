import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a full page; every dynamic string is escaped by Preact. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${renderToString(page)}`);
}

/** A part of a page as a string, to keep and put into pages later (escaped like every page). */
export function renderFragment(node: VNode): string {
  return renderToString(node);
}

/** The full page as a string, for the render cache. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
