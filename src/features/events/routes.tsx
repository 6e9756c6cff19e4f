import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm, pickFilters, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { cachedPage } from '../../platform/public-cache.ts';
import { renderPage, sendPage } from '../../ui/render.ts';
import { referenceOptions } from '../reference/index.ts';
import { AlreadyRegisteredError } from './messages.ts';
import {
  acceptOffer,
  confirmGuest,
  pendingFor,
  placeInLine,
  registerSignedIn,
  requestGuestRegistration,
  type SeatAccess,
  seatFor,
  standingFor,
  withdraw,
} from './participation.ts';
import { AUDIENCES, nextChange, SEAT_LABELS, waitlistRule } from './rules.ts';
import { answersFrom, guestSchema } from './schemas.ts';
import { type EventWithSeats, eventsOverview, eventWithSeats, invitation, offerWindows, seatOf } from './service.ts';
import teamRoutes from './team-routes.tsx';
import { ConfirmGuestPage, EventPage, EventsPage, GuestForm, type Standing } from './views/public.tsx';
import { OfferAnswerPage, SeatPage } from './views/seat.tsx';

type IdParams = { Params: { id: string } };
const PUBLIC = { config: { access: 'public' as const } };
// At most 30 a quarter of an hour from one IP address (an office behind one address included); guests
// also get at most 3 confirmation links an hour per e-mail address (participation.ts).
const GUEST_POST = { config: { access: 'public' as const, rateLimit: { max: 30, timeWindow: '15 minutes' } } };

const NOTICES: Record<string, string> = {
  aangemeld: 'U bent aangemeld. De bevestiging met een uitnodiging voor uw agenda staat in uw postvak.',
  wachtlijst: 'De bijeenkomst is vol: u staat op de wachtlijst. U krijgt bericht zodra er een plek voor u vrijkomt.',
  bevestigd: 'U komt: uw plek is bevestigd. De bevestiging met de uitnodiging voor uw agenda staat in uw postvak.',
  al: 'U had uw plek al bevestigd; er is niets veranderd.',
  dubbel: 'U stond al ingeschreven voor deze bijeenkomst; er is niets dubbel aangemaakt.',
  afgemeld: 'U bent afgemeld. Uw plek gaat naar de wachtlijst.',
  afgeslagen: 'U heeft de plek teruggegeven; hij gaat naar de volgende op de wachtlijst.',
  verlaten: 'U staat niet meer op de wachtlijst.',
};

const keyOf = (request: FastifyRequest): string | undefined => {
  const k = (request.query as Record<string, unknown>).sleutel;
  return typeof k === 'string' ? k : undefined;
};
const accessOf = (request: FastifyRequest): SeatAccess => ({ user: request.user, key: keyOf(request) });

export default async function eventRoutes(app: FastifyInstance) {
  const { db, config } = app;

  app.get('/bijeenkomsten', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => {
      const now = new Date();
      const themes = (await referenceOptions(db)).themes;
      const { values } = pickFilters(request.query as Record<string, unknown>, {
        thema: themes.map((t) => t.value),
        doelgroep: Object.keys(AUDIENCES),
      });
      const fits = (e: EventWithSeats) =>
        (!values.thema || e.themes.includes(values.thema)) && (!values.doelgroep || e.audiences.includes(values.doelgroep));
      const { upcoming, past } = await eventsOverview(db, now);
      const html = await renderPage(
        <EventsPage
          ctx={pageContext(request, reply)}
          upcoming={upcoming.filter(fits)}
          past={past.filter(fits).slice(0, 20)}
          themes={themes}
          theme={values.thema}
          audience={values.doelgroep}
        />,
      );
      return {
        html,
        expiresAt: nextChange(
          upcoming.map((e) => ({ startsAt: e.startsAt, endsAt: e.endsAt, deadline: e.deadline })),
          now,
        ),
      };
    }),
  );

  async function standingOf(request: FastifyRequest, eventId: string): Promise<Standing> {
    if (!request.user) return null;
    const seat = await standingFor(db, request.user, eventId);
    if (!seat) return null;
    return {
      id: seat.id,
      label: `${SEAT_LABELS[seat.state] ?? seat.state}${seat.place ? `, plaats ${seat.place}` : ''}`,
      href: `/bijeenkomsten/aanmelding/${seat.id}`,
    };
  }

  async function showEvent(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: { field: string; message: string }[]; values?: Record<string, string>; warning?: string; status?: number } = {},
  ) {
    const now = new Date();
    const e = await eventWithSeats(db, id);
    const page = (
      <EventPage
        ctx={pageContext(request, reply)}
        e={e}
        themes={(await referenceOptions(db)).themes}
        baseUrl={config.baseUrl}
        now={now}
        standing={await standingOf(request, id)}
        rule={waitlistRule(await offerWindows(db))}
        {...extra}
      />
    );
    return {
      html: await renderPage(page),
      expiresAt: nextChange(
        [{ startsAt: e.startsAt, endsAt: e.endsAt, deadline: e.deadline }],
        now,
        (await offerWindows(db)).openWindowHours,
      ),
      page,
    };
  }

  app.get<IdParams>('/bijeenkomsten/:id', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => showEvent(request, reply, request.params.id)),
  );

  app.get<IdParams>('/bijeenkomsten/:id/aanmelden', PUBLIC, async (request, reply) => {
    if (request.user) return reply.redirect(`/bijeenkomsten/${request.params.id}`, 303);
    const e = await eventWithSeats(db, request.params.id);
    const sent = (request.query as Record<string, unknown>).verstuurd;
    return sendPage(
      reply,
      <GuestForm
        ctx={pageContext(request, reply)}
        e={e}
        rule={waitlistRule(await offerWindows(db))}
        values={{}}
        sent={typeof sent === 'string' ? sent.slice(0, 254) : undefined}
      />,
    );
  });

  app.post<IdParams>('/bijeenkomsten/:id/aanmelden', GUEST_POST, async (request, reply) => {
    const id = request.params.id;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = submittedValues(body);
    const e = await eventWithSeats(db, id);
    const answers = answersFrom(e.questions, body);
    const answerErrors = answers.ok ? [] : answers.errors;
    try {
      if (request.user) {
        if (!answers.ok) return sendPage(reply, (await showEvent(request, reply, id, { errors: answerErrors, values })).page, 422);
        const outcome = await registerSignedIn(db, config, request.user, id, answers.answers);
        return reply.redirect(
          `/bijeenkomsten/aanmelding/${outcome.registrationId}?melding=${outcome.state === 'confirmed' ? 'aangemeld' : 'wachtlijst'}`,
          303,
        );
      }
      const guest = parseForm(guestSchema, body);
      if (!guest.ok || !answers.ok) {
        const errors = [...(guest.ok ? [] : guest.errors), ...answerErrors];
        return sendPage(
          reply,
          <GuestForm ctx={pageContext(request, reply)} e={e} rule={waitlistRule(await offerWindows(db))} values={values} errors={errors} />,
          422,
        );
      }
      // The hidden field is filled in by robots only: they get the same answer as a person, and nothing is sent.
      if (!values.website) await requestGuestRegistration(db, config, id, { ...guest.data, answers: answers.answers });
      return reply.redirect(`/bijeenkomsten/${id}/aanmelden?verstuurd=${encodeURIComponent(guest.data.email)}`, 303);
    } catch (error) {
      if (error instanceof AlreadyRegisteredError)
        return reply.redirect(`/bijeenkomsten/aanmelding/${error.registrationId}?melding=dubbel`, 303);
      throw error;
    }
  });

  app.get<IdParams>('/bijeenkomsten/:id/bevestigen', PUBLIC, async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const pending = await pendingFor(db, request.params.id, token);
    const e = await eventWithSeats(db, request.params.id);
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(reply, <ConfirmGuestPage ctx={pageContext(request, reply)} e={e} token={String(token)} {...pending} />);
  });

  app.post<IdParams>('/bijeenkomsten/:id/bevestigen', PUBLIC, async (request, reply) => {
    const token = ((request.body ?? {}) as Record<string, unknown>).token;
    try {
      const outcome = await confirmGuest(db, config, request.params.id, token);
      return reply.redirect(
        `/bijeenkomsten/aanmelding/${outcome.registrationId}?sleutel=${encodeURIComponent(outcome.key)}&melding=${outcome.state === 'confirmed' ? 'aangemeld' : 'wachtlijst'}`,
        303,
      );
    } catch (error) {
      if (error instanceof AlreadyRegisteredError) {
        const warning =
          'Met dit e-mailadres staat u al ingeschreven voor deze bijeenkomst. Er is niets dubbel aangemaakt; de link in uw eerdere bevestiging brengt u bij uw aanmelding.';
        return sendPage(reply, (await showEvent(request, reply, request.params.id, { warning })).page, 409);
      }
      throw error;
    }
  });

  // ------------------------------------------------------------ one person's registration

  async function showSeat(request: FastifyRequest, reply: FastifyReply, id: string) {
    const row = await seatFor(db, config, accessOf(request), id);
    const e = await eventWithSeats(db, row.event_id);
    const melding = String((request.query as Record<string, unknown>).melding ?? '');
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(
      reply,
      <SeatPage
        ctx={pageContext(request, reply)}
        e={e}
        rule={waitlistRule(await offerWindows(db))}
        now={new Date()}
        keyValue={keyOf(request) ?? null}
        notice={NOTICES[melding]}
        seat={{
          id: row.id,
          name: row.name,
          email: row.email,
          state: row.state,
          place: await placeInLine(db, row),
          offerExpiresAt: row.offer_expires_at,
          openOffer: Boolean(row.open_offer_at && e.openRoundAt && row.open_offer_at >= e.openRoundAt),
          attendance: row.attendance,
          code: row.code,
        }}
      />,
    );
  }

  const back = (request: FastifyRequest, id: string, melding: string) => {
    const key = keyOf(request);
    return `/bijeenkomsten/aanmelding/${id}?${key ? `sleutel=${encodeURIComponent(key)}&` : ''}melding=${melding}`;
  };

  app.get<IdParams>('/bijeenkomsten/aanmelding/:id', PUBLIC, async (request, reply) => showSeat(request, reply, request.params.id));

  for (const answer of ['ik-kom', 'niet-meer'] as const) {
    app.get<IdParams>(`/bijeenkomsten/aanmelding/:id/${answer}`, PUBLIC, async (request, reply) => {
      const row = await seatFor(db, config, accessOf(request), request.params.id);
      const e = await eventWithSeats(db, row.event_id);
      const summary =
        answer === 'ik-kom'
          ? 'Bevestig hieronder dat u komt; pas dan is de plek van u.'
          : 'Wilt u niet meer komen? Dan geven we de plek aan de volgende op de wachtlijst en haalt u zich van de lijst.';
      reply.header('referrer-policy', 'no-referrer');
      return sendPage(
        reply,
        <OfferAnswerPage
          ctx={pageContext(request, reply)}
          e={e}
          seatId={row.id}
          keyValue={keyOf(request) ?? null}
          answer={answer}
          summary={summary}
        />,
      );
    });
  }

  app.post<IdParams>('/bijeenkomsten/aanmelding/:id/ik-kom', PUBLIC, async (request, reply) => {
    const outcome = await acceptOffer(db, config, accessOf(request), request.params.id);
    return reply.redirect(back(request, request.params.id, outcome === 'already' ? 'al' : 'bevestigd'), 303);
  });

  // "Ik hoef niet meer" (from an offer) and "Afmelden" / "Van de wachtlijst af" (from the registration page) do the same.
  for (const path of ['niet-meer', 'afmelden']) {
    app.post<IdParams>(`/bijeenkomsten/aanmelding/:id/${path}`, PUBLIC, async (request, reply) => {
      const to = await withdraw(db, config, accessOf(request), request.params.id);
      return reply.redirect(
        back(request, request.params.id, to === 'cancelled' ? 'afgemeld' : to === 'declined' ? 'afgeslagen' : 'verlaten'),
        303,
      );
    });
  }

  app.get<IdParams>('/bijeenkomsten/aanmelding/:id/bijeenkomst.ics', PUBLIC, async (request, reply) => {
    const row = await seatFor(db, config, accessOf(request), request.params.id);
    const e = await eventWithSeats(db, row.event_id);
    if (row.state !== 'confirmed' || e.state !== 'published') return reply.redirect(back(request, row.id, ''), 303);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="bijeenkomst.ics"')
      .send(invitation(e, seatOf(row), 'REQUEST', config));
  });

  await app.register(teamRoutes);
}
