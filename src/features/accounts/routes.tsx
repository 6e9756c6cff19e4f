import type { FastifyInstance } from 'fastify';
import { parseForm, safeReturnPath, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/session/session.ts';
import { sendPage } from '../../ui/render.ts';
import { institutions } from '../reference/index.ts';
import { chooseInstitutionSchema, signInSchema, tokenSchema } from './schemas.ts';
import {
  completeSignup,
  inspectSignInLink,
  redeemSignInLink,
  requestSignInLink,
  signOut,
  signOutEverywhere,
  UnknownInstitutionError,
} from './service.ts';
import { ChooseInstitutionPage, ConfirmLinkPage, InvalidLinkPage, LinkSentPage, SignInPage } from './views/sign-in.tsx';

const SIGNED_OUT_NOTICES: Record<string, string> = {
  '1': 'U bent uitgelogd.',
  overal: 'U bent op alle apparaten uitgelogd.',
};

export default async function accountRoutes(app: FastifyInstance) {
  const { db, config } = app;

  app.get('/inloggen', { config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const notice = SIGNED_OUT_NOTICES[String(query.uitgelogd)];
    return sendPage(reply, <SignInPage ctx={pageContext(request, reply)} returnTo={safeReturnPath(query.terug)} notice={notice} />);
  });

  app.post('/inloggen', { config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const returnTo = safeReturnPath((request.body as Record<string, unknown> | undefined)?.terug);
    const form = parseForm(signInSchema, request.body);
    if (!form.ok) {
      const page = (
        <SignInPage ctx={pageContext(request, reply)} values={submittedValues(request.body)} errors={form.errors} returnTo={returnTo} />
      );
      return sendPage(reply, page, 422);
    }
    const outcome = await requestSignInLink(db, config, { email: form.data.email, ip: request.ip, returnTo });
    if (outcome === 'limited') {
      const page = <SignInPage ctx={pageContext(request, reply)} values={{ email: form.data.email }} returnTo={returnTo} limited />;
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

  app.get('/inloggen/hogeschool', { config: { access: 'pendingSignup' } }, async (request, reply) => {
    const page = (
      <ChooseInstitutionPage ctx={pageContext(request, reply)} email={request.pendingEmail ?? ''} institutions={await institutions(db)} />
    );
    return sendPage(reply, page);
  });

  app.post('/inloggen/hogeschool', { config: { access: 'pendingSignup' } }, async (request, reply) => {
    const form = parseForm(chooseInstitutionSchema, request.body);
    const showErrors = async (errors: { field: string; message: string }[]) =>
      sendPage(
        reply,
        <ChooseInstitutionPage
          ctx={pageContext(request, reply)}
          email={request.pendingEmail ?? ''}
          institutions={await institutions(db)}
          values={submittedValues(request.body)}
          errors={errors}
        />,
        422,
      );
    if (!form.ok) return showErrors(form.errors);
    try {
      const { sessionToken } = await completeSignup(db, {
        email: request.pendingEmail ?? '',
        name: form.data.name || null,
        institutionBrin: form.data.institution,
        pendingSession: request.sessionIdHash ?? '',
      });
      setSessionCookie(reply, sessionToken, config.secure);
      return reply.redirect('/mijn?welkom=1', 303);
    } catch (error) {
      if (error instanceof UnknownInstitutionError) {
        return showErrors([{ field: 'institution', message: 'Kies uw hogeschool uit de lijst' }]);
      }
      throw error;
    }
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
}
