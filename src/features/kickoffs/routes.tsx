import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../../platform/errors.tsx';
import { parseForm, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { sendPage } from '../../ui/render.ts';
import { teamMembers } from '../accounts/index.ts';
import { book, cancel, recordOutcome, reschedule } from './booking.ts';
import { SlotTakenError } from './messages.ts';
import { amsterdamToUtc, weeklyDates, withinNotice } from './rules.ts';
import { bookSchema, cancelSchema, outcomeSchema, rescheduleSchema, slotSchema } from './schemas.ts';
import { icsOf, type KickoffAccess, kickoffFor, kickoffForTeam, noticeHours } from './service.ts';
import { bookableSlots, publishSlots, removeSlot, type SlotInput, teamOverview, upcomingSlots } from './slots.ts';
import { BookingPage, TeamKickoffsPage } from './views/pages.tsx';
import { TeamKickoffPage } from './views/team-kickoff.tsx';

type IdParams = { Params: { id: string } };
const TEAM = { config: { access: 'team' as const } };
// Reachable with the signed link from the mail, or signed in; the service decides which is enough.
const LINK_OR_SIGNED_IN = { config: { access: 'public' as const } };

const NOTICES: Record<string, string> = {
  geboekt: 'Het startgesprek is ingepland. U en het programmateam krijgen een uitnodiging voor de agenda.',
  verzet: 'Het startgesprek is verzet. De bijgewerkte uitnodiging is verstuurd.',
  geannuleerd: 'Het startgesprek is geannuleerd. Kies een nieuw tijdstip wanneer het u past.',
  'team-verzet': 'Het startgesprek is verzet. De hogeschool en de gespreksleider krijgen de bijgewerkte uitnodiging.',
  'team-geannuleerd':
    'Het startgesprek is geannuleerd. De hogeschool krijgt een annulering voor de agenda en kan een nieuw tijdstip kiezen.',
  tijden: 'De tijden zijn opgeslagen.',
  verwijderd: 'Het tijdstip is verwijderd.',
  verslag: 'Het verslag is opgeslagen.',
};

function me(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new ForbiddenError();
  return request.user;
}

function keyOf(request: FastifyRequest): { access: KickoffAccess; key: string | null } {
  const fromQuery = (request.query as Record<string, unknown>).sleutel;
  const fromBody = (request.body as Record<string, unknown> | undefined)?.sleutel;
  const key = typeof fromBody === 'string' ? fromBody : typeof fromQuery === 'string' ? fromQuery : undefined;
  return { access: { user: request.user, key }, key: key ?? null };
}

export default async function kickoffRoutes(app: FastifyInstance) {
  const { db, config } = app;

  async function showBooking(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { status?: number; warning?: string; errors?: { field: string; message: string }[]; values?: Record<string, string> } = {},
  ) {
    const { access, key } = keyOf(request);
    const kickoff = await kickoffFor(db, config, access, id);
    const hours = await noticeHours(db);
    const now = new Date();
    const page = (
      <BookingPage
        ctx={pageContext(request, reply)}
        kickoff={kickoff}
        slots={await bookableSlots(db, kickoff, now)}
        keyValue={key}
        canChange={Boolean(kickoff.slot && withinNotice(kickoff.slot.startsAt, now, hours))}
        noticeHours={hours}
        notice={extra.status ? undefined : NOTICES[String((request.query as Record<string, unknown>).melding)]}
        warning={extra.warning}
        errors={extra.errors}
        values={extra.values}
      />
    );
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(reply, page, extra.status ?? 200);
  }

  const back = (id: string, key: string | null, melding: string) =>
    `/startgesprek/${id}?${key ? `sleutel=${encodeURIComponent(key)}&` : ''}melding=${melding}`;

  app.get<IdParams>('/startgesprek/:id', LINK_OR_SIGNED_IN, async (request, reply) => showBooking(request, reply, request.params.id));

  async function attempt(request: FastifyRequest, reply: FastifyReply, id: string, run: () => Promise<unknown>, melding: string) {
    try {
      await run();
    } catch (error) {
      if (error instanceof SlotTakenError)
        return showBooking(request, reply, id, {
          status: 409,
          warning: 'Dit tijdstip is net vergeven. Kies een van de tijden die nog vrij zijn.',
        });
      throw error;
    }
    return reply.redirect(back(id, keyOf(request).key, melding), 303);
  }

  app.post<IdParams>('/startgesprek/:id/boeken', LINK_OR_SIGNED_IN, async (request, reply) => {
    const form = parseForm(bookSchema, request.body);
    if (!form.ok) return showBooking(request, reply, request.params.id, { status: 422, errors: form.errors });
    return attempt(
      request,
      reply,
      request.params.id,
      () => book(db, config, keyOf(request).access, request.params.id, form.data.slot),
      'geboekt',
    );
  });

  app.post<IdParams>('/startgesprek/:id/verzetten', LINK_OR_SIGNED_IN, async (request, reply) => {
    const form = parseForm(rescheduleSchema, request.body);
    if (!form.ok)
      return showBooking(request, reply, request.params.id, { status: 422, errors: form.errors, values: submittedValues(request.body) });
    return attempt(
      request,
      reply,
      request.params.id,
      () => reschedule(db, config, keyOf(request).access, request.params.id, form.data.slot, form.data.reason),
      'verzet',
    );
  });

  app.post<IdParams>('/startgesprek/:id/annuleren', LINK_OR_SIGNED_IN, async (request, reply) => {
    const form = parseForm(cancelSchema, request.body);
    if (!form.ok)
      return showBooking(request, reply, request.params.id, {
        status: 422,
        errors: form.errors.map((e) => ({ ...e, field: 'cancel-reason' })),
      });
    return attempt(
      request,
      reply,
      request.params.id,
      () => cancel(db, config, keyOf(request).access, request.params.id, form.data.reason),
      'geannuleerd',
    );
  });

  app.get<IdParams>('/startgesprek/:id/startgesprek.ics', LINK_OR_SIGNED_IN, async (request, reply) => {
    const kickoff = await kickoffFor(db, config, keyOf(request).access, request.params.id);
    const ics = icsOf(kickoff, config);
    if (!ics) return reply.redirect(`/startgesprek/${request.params.id}`, 303);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="startgesprek.ics"').send(ics);
  });

  async function showTeam(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: { field: string; message: string }[]; values?: Record<string, string> } = {},
  ) {
    const page = (
      <TeamKickoffsPage
        ctx={pageContext(request, reply)}
        slots={await upcomingSlots(db)}
        team={(await teamMembers(db)).map((m) => ({ value: m.id, label: m.name }))}
        overview={await teamOverview(db)}
        notice={extra.errors ? undefined : NOTICES[String((request.query as Record<string, unknown>).melding)]}
        series={(request.query as Record<string, unknown>).soort === 'reeks'}
        {...extra}
      />
    );
    return sendPage(reply, page, extra.errors ? 422 : 200);
  }

  app.get('/beheer/startgesprekken', TEAM, async (request, reply) => showTeam(request, reply));

  app.post('/beheer/startgesprekken/tijden', TEAM, async (request, reply) => {
    const values = submittedValues(request.body);
    const form = parseForm(slotSchema, request.body);
    if (!form.ok) return showTeam(request, reply, { errors: form.errors, values });
    const d = form.data;
    if (!(await teamMembers(db)).some((m) => m.id === d.host))
      return showTeam(request, reply, { errors: [{ field: 'host', message: 'Kies wie het gesprek voert' }], values });
    const dates = d.soort === 'los' ? [d.date] : weeklyDates(d.from, d.to, Number(d.weekday));
    if (dates.length === 0)
      return showTeam(request, reply, { errors: [{ field: 'from', message: 'Tussen deze datums valt die dag niet' }], values });
    const slots: SlotInput[] = [];
    for (const date of dates) {
      const startsAt = amsterdamToUtc(date, d.time);
      if (!startsAt)
        return showTeam(request, reply, {
          errors: [{ field: 'time', message: `Op ${date} bestaat ${d.time} niet (de klok gaat dan vooruit) of de datum klopt niet` }],
          values,
        });
      slots.push({
        hostId: d.host,
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + d.duration * 60_000).toISOString(),
        mode: d.mode,
        link: d.mode === 'online' ? d.link : null,
        address: d.mode === 'location' ? d.address : null,
      });
    }
    await publishSlots(db, config, me(request), slots);
    return reply.redirect('/beheer/startgesprekken?melding=tijden', 303);
  });

  app.post<IdParams>('/beheer/startgesprekken/tijden/:id/verwijderen', TEAM, async (request, reply) => {
    await removeSlot(db, request.params.id);
    return reply.redirect('/beheer/startgesprekken?melding=verwijderd', 303);
  });

  async function showMeeting(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: { field: string; message: string }[]; values?: Record<string, string> } = {},
  ) {
    const kickoff = await kickoffForTeam(db, id);
    const now = new Date();
    const free = kickoff.state === 'booked' ? await bookableSlots(db, kickoff, now) : { preferred: [], others: [] };
    const canRecord = kickoff.state === 'booked' && Boolean(kickoff.slot && kickoff.slot.startsAt <= new Date().toISOString());
    const notice = extra.errors ? undefined : NOTICES[String((request.query as Record<string, unknown>).melding)];
    return sendPage(
      reply,
      <TeamKickoffPage
        ctx={pageContext(request, reply)}
        kickoff={kickoff}
        canRecord={canRecord}
        canChange={kickoff.state === 'booked' && Boolean(kickoff.slot && kickoff.slot.startsAt > now.toISOString())}
        slots={free}
        notice={notice}
        {...extra}
      />,
      extra.errors ? 422 : 200,
    );
  }

  app.get<IdParams>('/beheer/startgesprekken/:id', TEAM, async (request, reply) => showMeeting(request, reply, request.params.id));

  // The team moves or cancels from its side too (as host, also inside the notice period).
  app.post<IdParams>('/beheer/startgesprekken/:id/verzetten', TEAM, async (request, reply) => {
    const form = parseForm(rescheduleSchema, request.body);
    if (!form.ok) return showMeeting(request, reply, request.params.id, { errors: form.errors, values: submittedValues(request.body) });
    await reschedule(db, config, { user: me(request), key: undefined }, request.params.id, form.data.slot, form.data.reason);
    return reply.redirect(`/beheer/startgesprekken/${request.params.id}?melding=team-verzet`, 303);
  });

  app.post<IdParams>('/beheer/startgesprekken/:id/annuleren', TEAM, async (request, reply) => {
    // The field is "cancel-reason" on this page, which also has the reason for moving.
    const typed = submittedValues(request.body)['cancel-reason'] ?? '';
    const form = parseForm(cancelSchema, { reason: typed });
    if (!form.ok)
      return showMeeting(request, reply, request.params.id, {
        errors: form.errors.map((e) => ({ ...e, field: 'cancel-reason' })),
        values: { 'cancel-reason': typed },
      });
    await cancel(db, config, { user: me(request), key: undefined }, request.params.id, form.data.reason);
    return reply.redirect(`/beheer/startgesprekken/${request.params.id}?melding=team-geannuleerd`, 303);
  });

  app.post<IdParams>('/beheer/startgesprekken/:id/verslag', TEAM, async (request, reply) => {
    const form = parseForm(outcomeSchema, request.body);
    if (!form.ok) return showMeeting(request, reply, request.params.id, { errors: form.errors, values: submittedValues(request.body) });
    await recordOutcome(db, config, me(request), request.params.id, form.data);
    return reply.redirect(`/beheer/startgesprekken/${request.params.id}?melding=verslag`, 303);
  });
}
