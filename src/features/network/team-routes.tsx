import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { requireUser as me, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { sendPage } from '../../ui/render.ts';
import { referenceOptions } from '../reference/index.ts';
import { registrationSummaries } from '../registrations/index.ts';
import { proposeIntroduction, recordOutcome } from './introductions.ts';
import { findOrganisation, introductionsOf, isOrganisationUser, linksOfOrganisation, liveOrganisations } from './repo.ts';
import { offerLabel } from './rules.ts';
import { formValues } from './schemas.ts';
import { addOrganisation, confirmLink, duplicates, mergeOrganisations, updateOrganisation, withdrawConsent } from './service.ts';
import { suggestionCounts, suggestionsForOrganisation, suggestionsForRoute } from './suggestions.ts';
import { valuesOf } from './views/form.tsx';
import { MyOrganisationPage } from './views/partner.tsx';
import { NetworkListPage, NewOrganisationPage, OrganisationTeamPage, RouteSuggestionsPage, RoutesPage } from './views/team.tsx';

const TEAM = { config: { access: 'team' as const } };
const SIGNED_IN = { config: { access: 'signedIn' as const } };
type IdParams = { Params: { id: string } };

const q = (request: FastifyRequest) =>
  Object.fromEntries(
    Object.entries((request.query ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );

/** The team's pages of the network, and an organisation's own page for its contact. */
export async function networkTeamRoutes(app: FastifyInstance) {
  const { db, config } = app;
  const options = async () => {
    const o = await referenceOptions(db);
    return { sectors: o.sectors, provinces: o.provinces };
  };

  // ------------------------------------------------------------ the team

  app.get('/beheer/netwerk', TEAM, async (request, reply) => {
    const f = q(request);
    const dups = await duplicates(db);
    const rows = (await liveOrganisations(db)).filter((r) => (f.status === 'dubbel' ? dups.has(r.id) : !f.status || r.state === f.status));
    return sendPage(reply, <NetworkListPage ctx={pageContext(request, reply)} rows={rows} duplicates={dups} filters={f} />);
  });

  app.get('/beheer/netwerk/nieuw', TEAM, async (request, reply) =>
    sendPage(reply, <NewOrganisationPage ctx={pageContext(request, reply)} values={{ kind: 'mkb' }} options={await options()} />),
  );

  app.post('/beheer/netwerk/nieuw', TEAM, async (request, reply) => {
    const result = await addOrganisation(db, me(request), request.body);
    if (!result.ok)
      return sendPage(
        reply,
        <NewOrganisationPage
          ctx={pageContext(request, reply)}
          values={formValues(request.body)}
          errors={result.errors}
          options={await options()}
        />,
        422,
      );
    return reply.redirect(`/beheer/netwerk/${result.id}?melding=toegevoegd`, 303);
  });

  app.get('/beheer/netwerk/routes', TEAM, async (request, reply) =>
    sendPage(reply, <RoutesPage ctx={pageContext(request, reply)} routes={await suggestionCounts(db)} />),
  );

  app.get<IdParams>('/beheer/netwerk/routes/:id', TEAM, async (request, reply) => {
    const s = await suggestionsForRoute(db, request.params.id);
    const notice = q(request).melding === 'voorgesteld' ? 'De kennismaking is voorgesteld; de organisatie is gevraagd.' : null;
    return sendPage(
      reply,
      <RouteSuggestionsPage
        ctx={pageContext(request, reply)}
        route={{ id: s.route.id, title: s.route.title, reference: s.route.reference }}
        needs={s.needs.map((n) => offerLabel(n).toLowerCase())}
        items={s.items.map((i) => ({ orgId: i.org.id, name: i.org.name, suggestion: i.suggestion }))}
        notice={notice}
      />,
    );
  });

  const NOTICES: Record<string, string> = {
    opgeslagen: 'De gegevens zijn opgeslagen.',
    toegevoegd: 'De organisatie is toegevoegd.',
    samengevoegd: 'De twee records zijn samengevoegd.',
    voorgesteld: 'De kennismaking is voorgesteld; de organisatie is gevraagd.',
    uitkomst: 'De uitkomst is vastgelegd.',
    bevestigd: 'De koppeling is bevestigd.',
  };

  const teamPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: Record<string, string | string[]>; errors?: { field: string; message: string }[] } = {},
    status = 200,
  ) => {
    const org = await findOrganisation(db, id);
    if (!org) throw new NotFoundError('organisation');
    if (org.state === 'samengevoegd' && org.merged_into) return reply.redirect(`/beheer/netwerk/${org.merged_into}`, 303);
    const links = await linksOfOrganisation(db, id);
    const intros = await introductionsOf(db, { organisationId: id });
    const names = await registrationSummaries(db, [...links.map((l) => l.registration_id), ...intros.map((i) => i.registration_id)]);
    const routeName = (rid: string) => names.get(rid)?.title ?? names.get(rid)?.reference ?? rid;
    const dups = (await duplicates(db)).get(id) ?? [];
    const live = await liveOrganisations(db);
    return sendPage(
      reply,
      <OrganisationTeamPage
        ctx={pageContext(request, reply)}
        org={org}
        values={extra.values ?? valuesOf(org)}
        errors={extra.errors}
        options={await options()}
        links={links.map((l) => ({
          id: l.id,
          route: routeName(l.registration_id),
          reference: names.get(l.registration_id)?.reference ?? null,
          role: l.role,
          namedAs: l.named_as,
          confirmed: l.confirmed === 1,
        }))}
        introductions={intros.map((i) => ({
          id: i.id,
          route: routeName(i.registration_id),
          state: i.state,
          proposedAt: i.proposed_at,
          outcome: i.outcome,
        }))}
        suggestions={(await suggestionsForOrganisation(db, id)).items.slice(0, 10).map((s) => ({
          routeId: s.route.id,
          title: s.route.title,
          suggestion: s.suggestion,
        }))}
        duplicates={dups}
        mergeOptions={[
          ...dups.map((d) => ({ value: d.otherId, label: `${d.otherName} (${d.reason})` })),
          ...live.filter((o) => o.id !== id && !dups.some((d) => d.otherId === o.id)).map((o) => ({ value: o.id, label: o.name })),
        ]}
        notice={NOTICES[q(request).melding ?? ''] ?? null}
      />,
      status,
    );
  };

  app.get<IdParams>('/beheer/netwerk/:id', TEAM, async (request, reply) => teamPage(request, reply, request.params.id));

  app.post<IdParams>('/beheer/netwerk/:id', TEAM, async (request, reply) => {
    const result = await updateOrganisation(db, me(request), request.params.id, request.body, { activate: true });
    if (!result.ok) return teamPage(request, reply, request.params.id, { values: formValues(request.body), errors: result.errors }, 422);
    return reply.redirect(`/beheer/netwerk/${request.params.id}?melding=opgeslagen`, 303);
  });

  app.post<IdParams>('/beheer/netwerk/:id/samenvoegen', TEAM, async (request, reply) => {
    const other = submittedValues(request.body).other ?? '';
    if (!other)
      return teamPage(
        request,
        reply,
        request.params.id,
        { errors: [{ field: 'other', message: 'Kies de organisatie die in dit record opgaat' }] },
        422,
      );
    await mergeOrganisations(db, me(request), request.params.id, other);
    return reply.redirect(`/beheer/netwerk/${request.params.id}?melding=samengevoegd`, 303);
  });

  app.post<IdParams>('/beheer/netwerk/:id/voorstellen', TEAM, async (request, reply) => {
    const v = submittedValues(request.body);
    await proposeIntroduction(db, config, me(request), request.params.id, v.route ?? '', v[`toelichting-${request.params.id}`] ?? '');
    return reply.redirect(
      v.terug === 'route'
        ? `/beheer/netwerk/routes/${v.route}?melding=voorgesteld`
        : `/beheer/netwerk/${request.params.id}?melding=voorgesteld`,
      303,
    );
  });

  app.post<IdParams>('/beheer/netwerk/introducties/:id/uitkomst', TEAM, async (request, reply) => {
    const outcome = submittedValues(request.body)[`uitkomst-${request.params.id}`] ?? '';
    const orgId = await recordOutcome(db, me(request), request.params.id, outcome);
    return reply.redirect(`/beheer/netwerk/${orgId}?melding=uitkomst#kennismakingen`, 303);
  });

  app.post<IdParams>('/beheer/netwerk/koppelingen/:id/bevestigen', TEAM, async (request, reply) => {
    const orgId = await confirmLink(db, me(request), request.params.id);
    return reply.redirect(`/beheer/netwerk/${orgId}?melding=bevestigd`, 303);
  });

  // ------------------------------------------------------------ the organisation's own contact

  const ownOrganisation = async (request: FastifyRequest, id: string) => {
    const org = await findOrganisation(db, id);
    // Only its own contacts: anyone else (the team included) gets "not found", as for any other record.
    if (!org || org.state === 'samengevoegd' || !(await isOrganisationUser(db, id, me(request).id)))
      throw new NotFoundError('organisation');
    return org;
  };

  const MY_NOTICES: Record<string, string> = {
    opgeslagen: 'Uw gegevens zijn opgeslagen.',
    ingetrokken: 'Uw toestemming is ingetrokken: uw organisatie staat niet meer in het netwerkoverzicht en de open data.',
  };

  const myPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    org: NonNullable<Awaited<ReturnType<typeof findOrganisation>>>,
    extra: { values?: Record<string, string | string[]>; errors?: { field: string; message: string }[] } = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      <MyOrganisationPage
        ctx={pageContext(request, reply)}
        id={org.id}
        name={org.name}
        consent={Boolean(org.consent_at)}
        values={extra.values ?? valuesOf(org)}
        errors={extra.errors}
        options={await options()}
        notice={extra.errors ? null : (MY_NOTICES[q(request).melding ?? ''] ?? null)}
      />,
      status,
    );

  app.get<IdParams>('/mijn/organisaties/:id', SIGNED_IN, async (request, reply) =>
    myPage(request, reply, await ownOrganisation(request, request.params.id)),
  );

  app.post<IdParams>('/mijn/organisaties/:id', SIGNED_IN, async (request, reply) => {
    const org = await ownOrganisation(request, request.params.id);
    const result = await updateOrganisation(db, me(request), org.id, request.body, { activate: false });
    if (!result.ok) return myPage(request, reply, org, { values: formValues(request.body), errors: result.errors }, 422);
    return reply.redirect(`/mijn/organisaties/${org.id}?melding=opgeslagen`, 303);
  });

  app.post<IdParams>('/mijn/organisaties/:id/toestemming', SIGNED_IN, async (request, reply) => {
    const org = await ownOrganisation(request, request.params.id);
    await withdrawConsent(db, me(request), org.id);
    return reply.redirect(`/mijn/organisaties/${org.id}?melding=ingetrokken`, 303);
  });
}
