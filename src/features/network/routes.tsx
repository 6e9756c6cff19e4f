import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { cachedPage, cachedResponse } from '../../platform/public-cache.ts';
import { renderPage, sendPage } from '../../ui/render.ts';
import { publishedRoutesOf } from '../catalogue/index.ts';
import { referenceOptions } from '../reference/index.ts';
import { answerIntroduction, introductionForLink } from './introductions.ts';
import { consentingOrganisations, findOrganisation, findOrganisationBySlug, linksOfOrganisation, type liveOrganisations } from './repo.ts';
import { INTRO_LABELS, offerLabel } from './rules.ts';
import { formValues } from './schemas.ts';
import { confirmSignup, liveSignup, requestSignup } from './service.ts';
import {
  AnswerPage,
  ConfirmedPage,
  ConfirmPage,
  type DirectoryEntry,
  DirectoryPage,
  LinkGonePage,
  OrganisationPage,
  SignupPage,
} from './views/public.tsx';

const PUBLIC = { config: { access: 'public' as const } };
const SIGNUP_POST = { config: { access: 'public' as const, rateLimit: { max: 20, timeWindow: '15 minutes' } } };
type IdParams = { Params: { id: string } };

const q = (request: FastifyRequest) =>
  Object.fromEntries(
    Object.entries((request.query ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );

type OrgRow = Awaited<ReturnType<typeof liveOrganisations>>[number];
const entryOf = (o: OrgRow): DirectoryEntry => ({
  slug: o.slug,
  name: o.name,
  kind: o.kind,
  sectors: JSON.parse(o.sectors) as string[],
  province: o.province,
  place: o.place,
  offers: JSON.parse(o.offers) as string[],
});

/** An organisation as open data: what it consented to show, never its contact person. */
export function organisationResource(o: OrgRow, baseUrl: string) {
  const e = entryOf(o);
  return {
    id: o.id,
    name: e.name,
    type: e.kind,
    kvk: o.kvk,
    sectors: e.sectors,
    province: e.province,
    place: e.place,
    size: o.size,
    website: o.website,
    offers: e.offers,
    url: `${baseUrl}/netwerk/${o.slug}`,
  };
}

export default async function networkRoutes(app: FastifyInstance) {
  const { db, config } = app;
  const options = async () => {
    const o = await referenceOptions(db);
    return { sectors: o.sectors, provinces: o.provinces };
  };

  // ------------------------------------------------------------ public

  app.get('/netwerk', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const f = q(request);
      const all = (await consentingOrganisations(db)).map(entryOf);
      const entries = all.filter(
        (e) =>
          (!f.soort || e.kind === f.soort) &&
          (!f.sector || e.sectors.includes(f.sector)) &&
          (!f.provincie || e.province === f.provincie) &&
          (!f.biedt || e.offers.includes(f.biedt)),
      );
      return {
        html: renderPage(
          <DirectoryPage ctx={pageContext(request, reply)} entries={entries} total={all.length} filters={f} options={await options()} />,
        ),
      };
    }),
  );

  const signupPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<Parameters<typeof SignupPage>[0]> = {},
    status = 200,
  ) => sendPage(reply, <SignupPage ctx={pageContext(request, reply)} values={{}} options={await options()} {...extra} />, status);

  app.get('/netwerk/aanmelden', PUBLIC, async (request, reply) => {
    const sent = q(request).verstuurd;
    return signupPage(request, reply, { sent: sent ? sent.slice(0, 254) : undefined });
  });

  app.post('/netwerk/aanmelden', SIGNUP_POST, async (request, reply) => {
    const body = request.body ?? {};
    const values = formValues(body);
    // The hidden field is filled in by robots only: the same answer as a person gets, and nothing is sent.
    if (submittedValues(body).homepage)
      return reply.redirect(`/netwerk/aanmelden?verstuurd=${encodeURIComponent(String(values.contact_email))}`, 303);
    const result = await requestSignup(db, config, body);
    if (!result.ok) return signupPage(request, reply, { values, errors: result.errors }, 422);
    return reply.redirect(`/netwerk/aanmelden?verstuurd=${encodeURIComponent(result.email)}`, 303);
  });

  app.get('/netwerk/bevestigen', PUBLIC, async (request, reply) => {
    const token = q(request).token;
    const signup = await liveSignup(db, token);
    if (!signup) return sendPage(reply, <LinkGonePage ctx={pageContext(request, reply)} />, 410);
    return sendPage(
      reply,
      <ConfirmPage ctx={pageContext(request, reply)} token={String(token)} name={signup.data.name} email={signup.data.contactEmail} />,
    );
  });

  app.post('/netwerk/bevestigen', SIGNUP_POST, async (request, reply) => {
    const { existing } = await confirmSignup(db, config, submittedValues(request.body).token);
    return sendPage(reply, <ConfirmedPage ctx={pageContext(request, reply)} existing={existing} />);
  });

  app.get<{ Params: { slug: string } }>('/netwerk/:slug', PUBLIC, async (request, reply) => {
    const org = await findOrganisationBySlug(db, request.params.slug.slice(0, 120));
    if (org?.state === 'samengevoegd' && org.merged_into) {
      const to = await findOrganisation(db, org.merged_into);
      if (to?.consent_at && to.state === 'actief') return reply.redirect(`/netwerk/${to.slug}`, 301);
    }
    if (org?.state !== 'actief' || !org.consent_at) throw new NotFoundError('organisation');
    return cachedPage(db, request, reply, async () => {
      const links = (await linksOfOrganisation(db, org.id)).filter((l) => l.confirmed);
      const routes = await publishedRoutesOf(db, [...new Set(links.map((l) => l.registration_id))]);
      const opts = await options();
      const e = entryOf(org);
      return {
        html: renderPage(
          <OrganisationPage
            ctx={pageContext(request, reply)}
            org={{ ...e, website: org.website, size: org.size, description: org.description }}
            sectorNames={e.sectors.map((s) => opts.sectors.find((x) => x.value === s)?.label ?? s)}
            routes={routes}
          />,
        ),
      };
    });
  });

  app.get('/api/v1/organisations', PUBLIC, async (request, reply) =>
    cachedResponse(
      db,
      request,
      reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin'),
      async () => ({
        type: 'application/json; charset=utf-8',
        body: JSON.stringify({ data: (await consentingOrganisations(db)).map((o) => organisationResource(o, config.baseUrl)) }),
      }),
      { perUser: false },
    ),
  );

  // ------------------------------------------------------------ introductions by signed link

  const answerPage = async (request: FastifyRequest, reply: FastifyReply, id: string, side: unknown, key: unknown, done?: string) => {
    const { intro, side: s, org, route } = await introductionForLink(db, config, id, side, key);
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(
      reply,
      <AnswerPage
        ctx={pageContext(request, reply)}
        id={intro.id}
        side={s}
        keyValue={String(key)}
        organisation={org?.name ?? ''}
        route={route.title}
        institution={route.institution}
        note={intro.note}
        offers={org ? (JSON.parse(org.offers) as string[]).map((o) => offerLabel(o).toLowerCase()).join(', ') : ''}
        state={intro.state}
        done={done}
      />,
    );
  };

  app.get<IdParams>('/netwerk/introductie/:id', PUBLIC, async (request, reply) => {
    const { kant, sleutel, klaar } = q(request);
    const done = klaar
      ? `Dank u, uw antwoord is vastgelegd: ${INTRO_LABELS[klaar as keyof typeof INTRO_LABELS]?.toLowerCase() ?? klaar}.`
      : undefined;
    return answerPage(request, reply, request.params.id, kant, sleutel, done);
  });

  app.post<IdParams>('/netwerk/introductie/:id', SIGNUP_POST, async (request, reply) => {
    const v = submittedValues(request.body);
    const next = await answerIntroduction(db, config, request.params.id, v.kant, v.sleutel, v.antwoord);
    const qs = new URLSearchParams({ kant: v.kant ?? '', sleutel: v.sleutel ?? '', klaar: next });
    return reply.redirect(`/netwerk/introductie/${request.params.id}?${qs.toString()}`, 303);
  });
}
