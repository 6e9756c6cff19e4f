import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError } from '../../platform/errors.tsx';
import { type FormResult, parseForm, requireUser, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { sendPage } from '../../ui/render.ts';
import { teamMembers } from '../accounts/index.ts';
import { referenceOptions } from '../reference/index.ts';
import { attendanceCsv, eventsCsv, markAttendance, markRestAbsent } from './attendance.ts';
import { registrationsOfEvent } from './repo.ts';
import { attendanceOpen, REMINDER_HOURS_DEFAULT } from './rules.ts';
import { codeSchema, type EventInput, eventInput, eventSchema, reasonSchema } from './schemas.ts';
import { cancelEvent, createEvent, eventById, eventsOverview, eventWithSeats, formValues, updateEventDetails } from './service.ts';
import { EventForm, TeamEventsPage } from './views/team.tsx';
import { TeamEventPage } from './views/team-event.tsx';

type IdParams = { Params: { id: string } };
const TEAM = { config: { access: 'team' as const } };

const NOTICES: Record<string, string> = {
  gepubliceerd: 'De bijeenkomst is gepubliceerd en staat op /bijeenkomsten.',
  opgeslagen: 'De wijzigingen zijn opgeslagen. Bij een andere tijd of plaats kregen de deelnemers de bijgewerkte uitnodiging.',
  geannuleerd: 'De bijeenkomst is geannuleerd. Iedereen die was aangemeld of op de wachtlijst stond, krijgt bericht.',
  aanwezig: 'Aanwezigheid vastgelegd.',
  afwezig: 'Wie niet als aanwezig was gemeld, staat nu als niet gekomen.',
};

/** A list of form values as the form fields expect them (checkbox groups as lists). */
function formInput(body: unknown): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = { ...submittedValues(body) };
  for (const key of ['themes', 'audiences']) {
    const v = (body as Record<string, unknown> | undefined)?.[key];
    values[key] = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
  }
  return values;
}

export default async function teamRoutes(app: FastifyInstance) {
  const { db, config } = app;

  /** The event form as the services take it; an organiser who is not on the team is a form error. */
  async function readEventForm(body: unknown): Promise<FormResult<EventInput>> {
    const parsed = parseForm(eventSchema, body);
    if (!parsed.ok) return parsed;
    const data = eventInput(parsed.data);
    if (data.organiserId && !(await teamMembers(db)).some((m) => m.id === data.organiserId))
      return { ok: false, errors: [{ field: 'organiser', message: 'Kies een organisator uit het team' }] };
    return { ok: true, data };
  }

  app.get('/beheer/bijeenkomsten', TEAM, async (request, reply) => {
    const { upcoming, past } = await eventsOverview(db);
    const notice = NOTICES[String((request.query as Record<string, unknown>).melding)];
    return sendPage(reply, <TeamEventsPage ctx={pageContext(request, reply)} upcoming={upcoming} past={past} notice={notice} />);
  });

  // The list as CSV: ?periode=gepland or geweest, as the two tables of the page; all without.
  app.get('/beheer/bijeenkomsten.csv', TEAM, async (request, reply) => {
    const p = String((request.query as Record<string, unknown>).periode ?? '');
    const period = p === 'gepland' || p === 'geweest' ? p : null;
    const csv = await eventsCsv(db, period);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bijeenkomsten${period ? `-${period}` : ''}.csv"`)
      .send(csv.body);
  });

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: {
      action: string;
      heading: string;
      values: Record<string, string | string[]>;
      errors?: FieldErrors;
      back: { href: string; text: string };
    },
  ) {
    const team = (await teamMembers(db)).map((m) => ({ value: m.id, label: m.name }));
    return sendPage(
      reply,
      <EventForm ctx={pageContext(request, reply)} themes={(await referenceOptions(db)).themes} team={team} {...form} />,
      form.errors ? 422 : 200,
    );
  }

  app.get('/beheer/bijeenkomsten/nieuw', TEAM, async (request, reply) => {
    const copyOf = (request.query as Record<string, unknown>).kopie;
    const values =
      typeof copyOf === 'string' && copyOf
        ? formValues(await eventById(db, copyOf), true)
        : { mode: 'location', waitlist: 'ja', reminder_hours: String(REMINDER_HOURS_DEFAULT), audiences: ['hogeschool', 'mkb', 'branche'] };
    return showForm(request, reply, {
      action: '/beheer/bijeenkomsten',
      heading: typeof copyOf === 'string' && copyOf ? 'Nieuwe bijeenkomst (kopie)' : 'Nieuwe bijeenkomst',
      values,
      back: { href: '/beheer/bijeenkomsten', text: 'Alle bijeenkomsten' },
    });
  });

  app.post('/beheer/bijeenkomsten', TEAM, async (request, reply) => {
    const form = await readEventForm(request.body);
    const back = { href: '/beheer/bijeenkomsten', text: 'Alle bijeenkomsten' };
    if (!form.ok)
      return showForm(request, reply, {
        action: '/beheer/bijeenkomsten',
        heading: 'Nieuwe bijeenkomst',
        values: formInput(request.body),
        errors: form.errors,
        back,
      });
    const id = await createEvent(db, requireUser(request), form.data);
    return reply.redirect(`/beheer/bijeenkomsten/${id}?melding=gepubliceerd`, 303);
  });

  async function showEvent(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: FieldErrors; values?: Record<string, string> } = {},
  ) {
    const e = await eventWithSeats(db, id);
    const rows = await registrationsOfEvent(db, id);
    const query = (request.query as Record<string, unknown>).zoek;
    return sendPage(
      reply,
      <TeamEventPage
        ctx={pageContext(request, reply)}
        e={e}
        seats={rows.map((r) => ({
          id: r.id,
          name: r.name,
          email: r.email,
          state: r.state,
          arrival: r.arrival,
          attendance: r.attendance,
          code: r.code,
          createdAt: r.created_at,
        }))}
        query={typeof query === 'string' ? query.slice(0, 200) : ''}
        attendanceOpen={attendanceOpen(e.startsAt, new Date())}
        notice={extra.errors ? undefined : NOTICES[String((request.query as Record<string, unknown>).melding)]}
        {...extra}
      />,
      extra.errors ? 422 : 200,
    );
  }

  app.get<IdParams>('/beheer/bijeenkomsten/:id', TEAM, async (request, reply) => showEvent(request, reply, request.params.id));

  app.get<IdParams>('/beheer/bijeenkomsten/:id/bewerken', TEAM, async (request, reply) => {
    const e = await eventById(db, request.params.id);
    return showForm(request, reply, {
      action: `/beheer/bijeenkomsten/${e.id}`,
      heading: `Wijzigen: ${e.title}`,
      values: formValues(e),
      back: { href: `/beheer/bijeenkomsten/${e.id}`, text: 'Terug naar de bijeenkomst' },
    });
  });

  app.post<IdParams>('/beheer/bijeenkomsten/:id', TEAM, async (request, reply) => {
    const e = await eventById(db, request.params.id);
    const form = await readEventForm(request.body);
    const frame = {
      action: `/beheer/bijeenkomsten/${e.id}`,
      heading: `Wijzigen: ${e.title}`,
      values: formInput(request.body),
      back: { href: `/beheer/bijeenkomsten/${e.id}`, text: 'Terug naar de bijeenkomst' },
    };
    if (!form.ok) return showForm(request, reply, { ...frame, errors: form.errors });
    const refusal = await updateEventDetails(db, config, requireUser(request), e.id, form.data);
    if (refusal) return showForm(request, reply, { ...frame, errors: [refusal] });
    return reply.redirect(`/beheer/bijeenkomsten/${e.id}?melding=opgeslagen`, 303);
  });

  app.post<IdParams>('/beheer/bijeenkomsten/:id/annuleren', TEAM, async (request, reply) => {
    const form = parseForm(reasonSchema, request.body);
    if (!form.ok) return showEvent(request, reply, request.params.id, { errors: form.errors, values: submittedValues(request.body) });
    await cancelEvent(db, config, requireUser(request), request.params.id, form.data.reason);
    return reply.redirect(`/beheer/bijeenkomsten/${request.params.id}?melding=geannuleerd`, 303);
  });

  app.post<IdParams>('/beheer/bijeenkomsten/:id/aanwezigheid', TEAM, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const value = body.value === 'absent' ? 'absent' : 'present';
    try {
      if (typeof body.registration === 'string') {
        await markAttendance(db, config, requireUser(request), request.params.id, { registrationId: body.registration }, value);
      } else {
        const form = parseForm(codeSchema, body);
        if (!form.ok) return showEvent(request, reply, request.params.id, { errors: form.errors, values: submittedValues(body) });
        await markAttendance(db, config, requireUser(request), request.params.id, { code: form.data.code }, 'present');
      }
    } catch (error) {
      if (error instanceof ConflictError && typeof body.registration !== 'string')
        return showEvent(request, reply, request.params.id, {
          errors: [{ field: 'code', message: error.text }],
          values: submittedValues(body),
        });
      throw error;
    }
    return reply.redirect(`/beheer/bijeenkomsten/${request.params.id}?melding=aanwezig`, 303);
  });

  app.post<IdParams>('/beheer/bijeenkomsten/:id/afwezig', TEAM, async (request, reply) => {
    await markRestAbsent(db, requireUser(request), request.params.id);
    return reply.redirect(`/beheer/bijeenkomsten/${request.params.id}?melding=afwezig`, 303);
  });

  app.get<IdParams>('/beheer/bijeenkomsten/:id/aanwezigheid.csv', TEAM, async (request, reply) => {
    const csv = await attendanceCsv(db, request.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${csv.filename}"`).send(csv.body);
  });
}
