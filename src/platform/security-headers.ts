import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers helmet sets, worked out once when the app is built. `@fastify/helmet`
 * builds helmet's middleware anew for every request (parsing the Content-Security-Policy each
 * time, 2 % of a signed-in page's CPU in the profile of bench:queue); these headers never change
 * while the process runs, so every answer gets the same list. A directive that would differ per
 * request (a function, such as a nonce) is refused here rather than frozen by mistake.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  for (const value of Object.values(
    (typeof options.contentSecurityPolicy === 'object' ? options.contentSecurityPolicy.directives : undefined) ?? {},
  )) {
    if ([value].flat().some((part) => typeof part === 'function')) throw new Error('A per-request CSP directive cannot be set once');
  }
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}
