import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm, safeReturnPath, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/session/session.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { sendPage } from '../../ui/render.ts';
import { institutions } from '../reference/index.ts';
import { linkRoutes } from './link-routes.tsx';
import { peopleRoutes } from './people-routes.tsx';
import { signInSchema, signupSchema, tokenSchema } from './schemas.ts';
import {
  completeSignup,
  inspectSignInLink,
  institutionForAddress,
  redeemSignInLink,
  requestSignInLink,
  signOut,
  signOutEverywhere,
} from './service.ts';
import { surfconextRoutes } from './surfconext-routes.tsx';
import { ConfirmLinkPage, InvalidLinkPage, LinkSentPage, SignInPage, SignupPage } from './views/sign-in.tsx';

const SIGNED_OUT_NOTICES: Record<string, string> = {
  '1': 'U bent uitgelogd.',
  overal: 'U bent op alle apparaten uitgelogd.',
};
/** Our session ends; SURFconext's own session is not ours to end. */
const SURFCONEXT_STILL_SIGNED_IN =
  ' Logde u in met SURFconext? Dan bent u bij SURFconext zelf nog ingelogd; sluit uw browser om daar ook uit te loggen.';

export default async function accountRoutes(app: FastifyInstance) {
  const { db, config } = app;

  app.get('/inloggen', { config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const signedOut = SIGNED_OUT_NOTICES[String(query.uitgelogd)];
    const notice = signedOut
      ? `${signedOut}${config.oidc ? SURFCONEXT_STILL_SIGNED_IN : ''}`
      : query.koppelen === 'nee'
        ? 'Er is niets gekoppeld en u bent niet ingelogd.'
        : undefined;
    const page = (
      <SignInPage
        ctx={pageContext(request, reply)}
        returnTo={safeReturnPath(query.terug)}
        notice={notice}
        surfconext={config.oidc !== null}
      />
    );
    return sendPage(reply, page);
  });

  app.post('/inloggen', { config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const returnTo = safeReturnPath((request.body as Record<string, unknown> | undefined)?.terug);
    const form = parseForm(signInSchema, request.body);
    if (!form.ok) {
      const page = (
        <SignInPage
          ctx={pageContext(request, reply)}
          values={submittedValues(request.body)}
          errors={form.errors}
          returnTo={returnTo}
          surfconext={config.oidc !== null}
        />
      );
      return sendPage(reply, page, 422);
    }
    const outcome = await requestSignInLink(db, config, { email: form.data.email, ip: request.ip, returnTo });
    if (outcome === 'limited') {
      const page = (
        <SignInPage
          ctx={pageContext(request, reply)}
          values={{ email: form.data.email }}
          returnTo={returnTo}
          limited
          surfconext={config.oidc !== null}
        />
      );
      return sendPage(reply, page, 429);
    }
    return reply.redirect('/inloggen/verstuurd', 303);
  });

  app.get('/inloggen/verstuurd', { config: { access: 'public' } }, async (request, reply) =>
    sendPage(reply, <LinkSentPage ctx={pageContext(request, reply)} />),
  );

  // Opening the link only shows a button: mail scanners that fetch links must not use them up.
  app.get('/inloggen/link', { config: { access: 'public' } }, async (request, reply) => {
    const parsed = tokenSchema.safeParse(request.query);
    const link = parsed.success ? await inspectSignInLink(db, parsed.data.token) : null;
    reply.header('referrer-policy', 'no-referrer');
    if (!parsed.success || !link) return sendPage(reply, <InvalidLinkPage ctx={pageContext(request, reply)} />, 400);
    return sendPage(reply, <ConfirmLinkPage ctx={pageContext(request, reply)} email={link.email} token={parsed.data.token} />);
  });

  app.post('/inloggen/link', { config: { access: 'public' } }, async (request, reply) => {
    const parsed = tokenSchema.safeParse(request.body);
    const result = parsed.success ? await redeemSignInLink(db, parsed.data.token, request.sessionIdHash) : { kind: 'invalid' as const };
    if (result.kind === 'invalid') return sendPage(reply, <InvalidLinkPage ctx={pageContext(request, reply)} />, 400);
    setSessionCookie(reply, result.sessionToken, config.secure);
    if (result.kind === 'chooseInstitution') return reply.redirect('/inloggen/hogeschool', 303);
    return reply.redirect(result.returnTo ?? '/mijn?welkom=1', 303);
  });

  const signupPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values?: Record<string, string>; errors?: FieldErrors } = {},
  ) => {
    const email = request.pendingEmail ?? '';
    const page = (
      <SignupPage
        ctx={pageContext(request, reply)}
        email={email}
        institution={await institutionForAddress(db, email)}
        institutions={await institutions(db)}
        values={form.values}
        errors={form.errors}
      />
    );
    return sendPage(reply, page, form.errors ? 422 : 200);
  };

  app.get('/inloggen/hogeschool', { config: { access: 'pendingSignup' } }, async (request, reply) => signupPage(request, reply));

  app.post('/inloggen/hogeschool', { config: { access: 'pendingSignup' } }, async (request, reply) => {
    const values = submittedValues(request.body);
    const form = parseForm(signupSchema, request.body);
    if (!form.ok) return signupPage(request, reply, { values, errors: form.errors });
    const { name, institution, reason } = form.data;
    const outcome = await completeSignup(db, {
      email: request.pendingEmail ?? '',
      name: name || null,
      linkRequest: institution ? { institutionBrin: institution, reason } : null,
      pendingSession: request.sessionIdHash ?? '',
    });
    if (!outcome.ok) return signupPage(request, reply, { values, errors: [{ field: outcome.field, message: outcome.message }] });
    setSessionCookie(reply, outcome.sessionToken, config.secure);
    return reply.redirect('/mijn?welkom=1', 303);
  });

  app.post('/uitloggen', { config: { access: 'public' } }, async (request, reply) => {
    await signOut(db, request.sessionIdHash);
    clearSessionCookie(reply);
    return reply.redirect('/inloggen?uitgelogd=1', 303);
  });

  app.post('/uitloggen/overal', { config: { access: 'signedIn' } }, async (request, reply) => {
    if (request.user) await signOutEverywhere(db, request.user.id);
    clearSessionCookie(reply);
    return reply.redirect('/inloggen?uitgelogd=overal', 303);
  });

  surfconextRoutes(app);
  linkRoutes(app);
  peopleRoutes(app);
}
