import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import { databaseReachable } from './db/ping.ts';
import { accountRoutes, accountSurfaces } from './features/accounts/index.ts';
import { administrationRoutes, administrationSurfaces, privacyRoutes } from './features/administration/index.ts';
import { assessmentRoutes, assessmentSurfaces } from './features/assessments/index.ts';
import { catalogueRoutes, catalogueSurfaces, storyRoutes } from './features/catalogue/index.ts';
import { contentRoutes, contentSurfaces } from './features/content/index.ts';
import { devMailboxRoutes } from './features/dev-mailbox/index.ts';
import { eventRoutes, eventSurfaces } from './features/events/index.ts';
import { kickoffRoutes, kickoffSurfaces } from './features/kickoffs/index.ts';
import { knowledgeRoutes, knowledgeSurfaces } from './features/knowledge/index.ts';
import { monitoringRoutes, monitoringSurfaces } from './features/monitoring/index.ts';
import { networkRoutes, networkSurfaces, networkTeamRoutes } from './features/network/index.ts';
import { referenceRoutes, referenceSurfaces } from './features/reference/index.ts';
import { FILE_MAX_BYTES, registrationRoutes, registrationSurfaces } from './features/registrations/index.ts';
import { searchRoutes } from './features/search/index.ts';
import { supportRoutes, supportSurfaces } from './features/support/index.ts';
import { PERSONAL_DATA } from './personal-data.ts';
import { type Access, checkAccess } from './platform/access.ts';
import { ForbiddenError, NotFoundError, registerErrorPages } from './platform/errors.tsx';
import { safeReturnPath } from './platform/forms.ts';
import { cacheHitLog, logDestination } from './platform/logging.ts';
import { retentionRules } from './platform/privacy/retention.ts';
import type { PersonalDataSource } from './platform/privacy/types.ts';
import { type FastPathOptions, serveFromCache } from './platform/public-cache.ts';
import { securityHeaders } from './platform/security-headers.ts';
import { loadSession, SESSION_COOKIE } from './platform/session/session.ts';
import type { SettingDefinition } from './platform/settings/registry.ts';
import { type HomeSection, homeSections, type PublicIndex, publicIndexes, settingGroups, surfaceRoutes } from './platform/surfaces.tsx';
import { favicon, stylesheet } from './ui/assets.ts';
import type { CurrentUser } from './ui/context.ts';
import { wireWorkflows } from './workflows.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    /** The blocks other features add to the home page (platform/surfaces.tsx). */
    homeSections: HomeSection[];
    /** What features add to the feed and the sitemap (platform/surfaces.tsx). */
    publicIndex: PublicIndex[];
    /** Every feature's settings (platform/surfaces.tsx), for /beheer/instellingen. */
    settingGroups: { title: string; items: SettingDefinition[] }[];
    /** Where personal data lives, feature by feature (src/personal-data.ts). */
    personalData: PersonalDataSource[];
    /** Every route with who may use it; read by the route-table test. */
    routeTable: { method: string; url: string; access: Access }[];
  }
  interface FastifyRequest {
    user: CurrentUser | null;
    pendingEmail: string | null;
    sessionIdHash: string | null;
    /** Version counters read with the session as the request began (platform/page-cache.ts). */
    counters: ReadonlyMap<string, string> | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** A machine endpoint (the mail server posting mail) that checks its own shared secret: no session, no CSRF token. */
    machine?: boolean;
  }
}

export type AppOptions = {
  config: Config;
  db: Db;
  /** Where logs go; tests pass a stream to read them back. Defaults to stdout. */
  logStream?: DestinationStream;
};

/** Form bodies above this get a 413 page. Large enough that an over-long field gets its own message. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds the whole application (config → infrastructure → features). Listening is server.ts's job. */
export async function buildApp({ config, db, logStream }: AppOptions): Promise<FastifyInstance> {
  wireWorkflows();
  // Cached public answers go out straight from node:http; the rest goes to Fastify (public-cache.ts).
  let closing = false;
  let log: FastPathOptions['log'] = () => {};
  const logs = logStream ?? logDestination();
  const fastPath: FastPathOptions = { db, sessionCookie: SESSION_COOKIE, closing: () => closing, log: (...line) => log(...line) };
  const app = Fastify({
    serverFactory: (handler) => {
      // Timeouts are checked every 2 s (Node's default, 30 s, lets a slow client hang on much longer).
      const server = createServer({ connectionsCheckingInterval: 2_000 }, (req, res) => {
        const served = serveFromCache(req, res, fastPath);
        if (served === false) handler(req, res);
        else if (served !== true) void served.then((done) => done || handler(req, res));
      });
      // A client that trickles its request in (slowloris) is cut off: the headers within 10 s, the
      // whole request (a 12 MB upload on a slow line included) within 2 minutes.
      server.headersTimeout = HEADERS_TIMEOUT_MS;
      server.requestTimeout = 120_000;
      return server;
    },
    // One log line per request (onResponse below), not two.
    logController: new LogController({ disableRequestLogging: true }),
    logger: {
      level: config.logLevel,
      // Stdout, written asynchronously; when the reader of the logs falls behind, at most
      // LOG_BUFFER_BYTES (platform/logging.ts) wait in memory and what does not fit is dropped (and
      // counted), so a slow log pipe can never make the process grow without bound.
      stream: logs,
      // Paths only: query strings can hold sign-in tokens, and we log no addresses or IPs.
      serializers: {
        req: (req) => ({ method: req.method, path: String(req.url).split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind the reverse proxy of docs/operations.md, on the same machine.
    trustProxy: config.env === 'production' ? 'loopback' : false,
    return503OnClosing: true,
  });

  app.decorate('config', config);
  app.decorate('db', db);
  app.decorateRequest('user', null);
  app.decorateRequest('pendingEmail', null);
  app.decorateRequest('sessionIdHash', null);
  app.decorateRequest('counters', null);

  // Every route says who may use it; a route without `access` is a programming error.
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access level`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access });
    }
  });

  const security = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  // Set when the request comes in, as helmet's plugin did, so the render cache keeps them with its answers.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(security);
    done();
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    // Multipart fields arrive as { value }; plain forms as strings.
    getToken: (request) => {
      const field = (request.body as Record<string, unknown> | undefined)?._csrf;
      const value = field && typeof field === 'object' && 'value' in field ? (field as { value: unknown }).value : field;
      return typeof value === 'string' ? value : undefined;
    },
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: config.secure, signed: true },
  });
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT_BYTES });
  // Uploads: one file per form, cut off just past the limit so the form can say so (not a 413).
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: FILE_MAX_BYTES, files: 1, fields: 200, fieldSize: BODY_LIMIT_BYTES },
  });
  await app.register(fastifyRateLimit, { global: false });

  // Fastify's logger is the pino instance it made from the options above.
  log = cacheHitLog(app.log as Logger, logs);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request');
  });

  // While shutting down, answers to requests in flight close their connection, so keep-alive
  // sockets do not hold the process open until they time out.
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (
      request.url.startsWith('/static/') ||
      request.url.startsWith('/favicon.') ||
      request.url === '/healthz' ||
      request.url === '/readyz'
    )
      return;
    const session = await loadSession(db, request.cookies[SESSION_COOKIE]);
    if (session) {
      request.user = session.user;
      request.pendingEmail = session.pendingEmail;
      request.sessionIdHash = session.idHash;
      request.counters = session.counters;
    }
  });

  app.addHook('preHandler', (request, reply, done) => {
    const access = request.routeOptions.config.access ?? 'public';
    const verdict = checkAccess(access, { user: request.user, pendingEmail: request.pendingEmail, devMailbox: config.devMailbox });
    if (verdict === 'notFound') return done(new NotFoundError());
    if (verdict === 'forbidden') return done(new ForbiddenError());
    if (verdict === 'signIn') {
      // Answering from a hook: send, and do not call done(), or the handler runs as well.
      // A form posted after the session ended returns to the page it came from; what was saved stays.
      const back = request.method === 'GET' ? request.url : (refererPath(request.headers.referer, config.baseUrl) ?? '/mijn');
      reply.redirect(`/inloggen?terug=${encodeURIComponent(back)}`, 303);
      return;
    }
    if (!UNSAFE_METHODS.has(request.method) || request.routeOptions.config.machine) return done();
    // A browser says when a request comes from another site; such a request never changes anything.
    if (request.headers['sec-fetch-site'] === 'cross-site') return done(csrfRefusal());
    app.csrfProtection(request, reply, done as (err?: Error) => void);
  });

  registerErrorPages(app);

  // No powerful browser features are used; say so, so no embedded content can ask for them.
  // Set when the request comes in, so the render cache keeps it with the answers it stores.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
  app.get('/robots.txt', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robotsTxt(config.baseUrl)),
  );
  // Browsers ask for /favicon.ico on every site whatever the page says; both answers are kept a day.
  app.get('/favicon.svg', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(favicon.svg),
  );
  app.get('/favicon.ico', { config: { access: 'public' } }, async (_request, reply) => {
    // sharp (libvips, tens of MB) loads when first used, not at start.
    favicon.png ??= import('sharp').then(({ default: sharp }) => sharp(favicon.svg).resize(32, 32).png().toBuffer());
    return reply
      .type('image/png')
      .header('cache-control', 'public, max-age=86400')
      .send(await favicon.png);
  });
  app.get('/.well-known/security.txt', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(securityTxt(config)),
  );

  app.get('/healthz', { config: { access: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' } }, async (_request, reply) => {
    const ok = await databaseReachable(db);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'database onbereikbaar' });
  });
  app.get(stylesheet.href, { config: { access: 'public' } }, async (request: FastifyRequest, reply: FastifyReply) => {
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding');
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(stylesheet.br);
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(stylesheet.gzip);
    return reply.send(stylesheet.body);
  });

  const features = [
    kickoffSurfaces,
    registrationSurfaces,
    catalogueSurfaces,
    accountSurfaces,
    assessmentSurfaces,
    contentSurfaces,
    referenceSurfaces,
    eventSurfaces,
    knowledgeSurfaces,
    monitoringSurfaces,
    administrationSurfaces,
    supportSurfaces,
    networkSurfaces,
  ];
  app.decorate('homeSections', homeSections(features));
  app.decorate('publicIndex', publicIndexes(features));
  app.decorate('personalData', PERSONAL_DATA);
  // The retention periods of every feature's personal data, as one group of settings.
  app.decorate('settingGroups', [
    ...settingGroups(features),
    { title: 'Bewaartermijnen (AVG)', items: retentionRules(PERSONAL_DATA).map((r) => r.setting) },
  ]);
  await app.register(contentRoutes);
  await app.register(accountRoutes);
  await app.register(registrationRoutes);
  await app.register(assessmentRoutes);
  await app.register(kickoffRoutes);
  await app.register(catalogueRoutes);
  await app.register(storyRoutes);
  await app.register(referenceRoutes);
  await app.register(eventRoutes);
  await app.register(searchRoutes);
  await app.register(knowledgeRoutes);
  await app.register(monitoringRoutes);
  await app.register(administrationRoutes);
  await app.register(privacyRoutes);
  await app.register(networkRoutes);
  await app.register(networkTeamRoutes);
  await app.register(supportRoutes);
  await app.register(devMailboxRoutes);
  // /mijn and /beheer, assembled from what each feature contributes.
  surfaceRoutes(app, features);

  return app;
}

/** How long a client may take to send its request headers. */
export const HEADERS_TIMEOUT_MS = 10_000;

const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()';

/** Search engines: the public site and the sitemap; not the back office, personal pages or sign-in links. */
export function robotsTxt(baseUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /beheer',
    'Disallow: /mijn',
    'Disallow: /inloggen',
    'Disallow: /aanmelden',
    'Disallow: /aanmeldingen',
    'Disallow: /startgesprek',
    'Disallow: /bijeenkomsten/aanmelding',
    'Disallow: /dev/',
    '',
    `Sitemap: ${baseUrl}/sitemap.xml`,
    '',
  ].join('\n');
}

/** RFC 9116: where to report a vulnerability; valid for a year from the moment it is served. */
export function securityTxt(config: Pick<Config, 'baseUrl' | 'securityContact'>, now = new Date()): string {
  const expires = new Date(now.getTime() + 365 * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    `Contact: ${config.securityContact}`,
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    'Preferred-Languages: nl, en',
    `Canonical: ${config.baseUrl}/.well-known/security.txt`,
    '',
  ].join('\n');
}

function refererPath(referer: string | undefined, baseUrl: string): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.origin === new URL(baseUrl).origin ? safeReturnPath(url.pathname + url.search) : null;
  } catch {
    return null;
  }
}

function csrfRefusal(): Error {
  return Object.assign(new Error('cross-site request'), { statusCode: 403, code: 'FST_CSRF_INVALID_TOKEN' });
}
