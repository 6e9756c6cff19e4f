import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { safeReturnPath } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { setSessionCookie } from '../../platform/session/session.ts';
import { sendPage } from '../../ui/render.ts';
import { answerLink, finishSurfconext, pendingLinkEmail, ROUND_MINUTES, type SurfconextOutcome, startSurfconext } from './surfconext.ts';
import { ConfirmSurfconextLinkPage, SurfconextProblemPage } from './views/surfconext.tsx';

const STATE_COOKIE = 'mkb_surf_state';
const LINK_COOKIE = 'mkb_surf_koppelen';
const COOKIE_PATH = '/inloggen/surfconext';

/** The HTTP status of each way a round can end without signing in. */
const STATUS: Record<Exclude<SurfconextOutcome['kind'], 'signedIn' | 'confirmLink'>, number> = {
  expired: 400,
  cancelled: 400,
  providerError: 502,
  unavailable: 503,
  rejected: 400,
  missingClaims: 403,
  subjectChanged: 409,
  disabled: 403,
  unknownDomain: 403,
  student: 403,
  notStaff: 403,
};

/** "Inloggen met SURFconext": only there when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
export function surfconextRoutes(app: FastifyInstance) {
  const { db, config } = app;
  const cookie = (reply: FastifyReply, name: string, value: string) =>
    reply.setCookie(name, value, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: config.secure, maxAge: ROUND_MINUTES * 60 });
  const settings = () => {
    if (!config.oidc) throw new NotFoundError('SURFconext is not configured');
    return config.oidc;
  };

  app.get(
    '/inloggen/surfconext',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const oidc = settings();
      const returnTo = safeReturnPath((request.query as Record<string, unknown>).terug);
      const started = await startSurfconext(db, oidc, returnTo);
      if (!started.ok) {
        request.log.warn({ surfconext: 'unavailable', cause: started.cause }, 'SURFconext sign-in could not start');
        return sendPage(reply, <SurfconextProblemPage ctx={pageContext(request, reply)} kind="unavailable" />, 503);
      }
      cookie(reply, STATE_COOKIE, started.state);
      reply.header('referrer-policy', 'no-referrer');
      return reply.redirect(started.url, 303);
    },
  );

  app.get('/inloggen/surfconext/terug', { config: { access: 'public' } }, async (request, reply) => {
    const oidc = settings();
    const callbackUrl = new URL(request.url, config.baseUrl);
    const browserState = request.cookies[STATE_COOKIE];
    const result = await finishSurfconext(db, oidc, { callbackUrl, browserState, currentSession: request.sessionIdHash });
    // The round this browser began is over once its own state came back; a foreign one leaves it be.
    if (browserState && callbackUrl.searchParams.get('state') === browserState) reply.clearCookie(STATE_COOKIE, { path: COOKIE_PATH });
    reply.header('referrer-policy', 'no-referrer');
    if (result.kind === 'signedIn') {
      request.log.info({ surfconext: result.created ? 'account created' : 'signed in' }, 'SURFconext sign-in');
      setSessionCookie(reply, result.sessionToken, config.secure);
      return reply.redirect(result.returnTo ?? '/mijn?welkom=1', 303);
    }
    if (result.kind === 'confirmLink') {
      cookie(reply, LINK_COOKIE, result.linkToken);
      return reply.redirect('/inloggen/surfconext/koppelen', 303);
    }
    // A cancelled or refused sign-in is an everyday event; only an unreachable provider is a warning.
    const level = result.kind === 'unavailable' || result.kind === 'providerError' ? 'warn' : 'info';
    request.log[level]({ surfconext: result.log.outcome, cause: result.log.cause }, 'SURFconext sign-in refused');
    const page = (
      <SurfconextProblemPage
        ctx={pageContext(request, reply)}
        kind={result.kind}
        domain={result.kind === 'unknownDomain' ? result.domain : undefined}
        missing={result.kind === 'missingClaims' ? result.missing : undefined}
      />
    );
    return sendPage(reply, page, STATUS[result.kind]);
  });

  app.get('/inloggen/surfconext/koppelen', { config: { access: 'public' } }, async (request, reply) => {
    settings();
    const email = await pendingLinkEmail(db, request.cookies[LINK_COOKIE]);
    if (!email) return sendPage(reply, <SurfconextProblemPage ctx={pageContext(request, reply)} kind="expired" />, 400);
    return sendPage(reply, <ConfirmSurfconextLinkPage ctx={pageContext(request, reply)} email={email} />);
  });

  app.post('/inloggen/surfconext/koppelen', { config: { access: 'public' } }, async (request, reply) => {
    settings();
    const choice = (request.body as Record<string, unknown> | undefined)?.keuze;
    const result = await answerLink(db, {
      linkToken: request.cookies[LINK_COOKIE],
      link: choice === 'ja',
      currentSession: request.sessionIdHash,
    });
    reply.clearCookie(LINK_COOKIE, { path: COOKIE_PATH });
    if (result.kind === 'expired') return sendPage(reply, <SurfconextProblemPage ctx={pageContext(request, reply)} kind="expired" />, 400);
    if (result.kind === 'declined') return reply.redirect('/inloggen?koppelen=nee', 303);
    request.log.info({ surfconext: 'linked' }, 'SURFconext identity linked');
    setSessionCookie(reply, result.sessionToken, config.secure);
    return reply.redirect(result.returnTo ?? '/mijn?welkom=1', 303);
  });
}
