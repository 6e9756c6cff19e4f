import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csvDocument } from '../../platform/csv.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.tsx';
import { dateField, requireUser as me, parseForm, submittedValues } from '../../platform/forms.ts';
import { pageContext } from '../../platform/page-context.ts';
import { cachedPage, cachedResponse } from '../../platform/public-cache.ts';
import { renderPage, sendPage } from '../../ui/render.ts';
import { registrationSummaries } from '../registrations/index.ts';
import { previewSnapshot, publishSnapshot, snapshotRows, snapshots } from './figures.ts';
import { openYear, reopenFields, reportFor, saveStep, submitReport } from './monitor.ts';
import { findYear, listYears, reportsOfYear, yearCounts } from './repo.ts';
import { GROUPS, isStep, MEASURES, publishedValue } from './rules.ts';
import { dashboard, FIGURE_KEYS } from './service.ts';
import { DashboardPage } from './views/dashboard.tsx';
import { InCijfersPage } from './views/public.tsx';
import { ReportOverviewPage, ReportStepPage, valuesOf } from './views/report.tsx';
import { TeamReportPage, YearPage, YearsPage } from './views/team.tsx';

const PUBLIC = { config: { access: 'public' as const } };
const SIGNED_IN = { config: { access: 'signedIn' as const } };
const TEAM = { config: { access: 'team' as const } };

/** The figures as a CSV: exactly the rows of the chart and the table, formula-like cells escaped. */
export function figureCsv(columns: string[], rows: { label: string; values: number[] }[]): string {
  return csvDocument([columns, ...rows.map((r) => [r.label, ...r.values])]);
}

const csv = csvDocument;
const today = () => new Date().toISOString().slice(0, 10);

const NOTICES: Record<string, string> = {
  geopend: 'Het monitorjaar is geopend en de routes zijn gemaild.',
  opgeslagen: 'De stap is opgeslagen.',
  ingediend: 'De monitor is ingediend. Dank u wel; u krijgt een bevestiging per mail.',
  'te-laat': 'De monitor is ingediend, na de termijn. Dank u wel; u krijgt een bevestiging per mail.',
  opengezet: 'De onderdelen zijn opengezet en de route is gemaild.',
  gepubliceerd: 'De cijfers staan op de publieke pagina In cijfers.',
};
const melding = (request: FastifyRequest) => NOTICES[String((request.query as Record<string, unknown>).melding)] ?? null;

const yearSchema = z.object({
  year: z
    .string({ error: 'Vul het jaar in' })
    .trim()
    .min(1, 'Vul het jaar in')
    .regex(/^\d{4}$/, 'Vul het jaar in met vier cijfers, zoals 2026')
    .transform(Number)
    .pipe(z.number().min(2020, 'Het jaar ligt tussen 2020 en 2100').max(2100, 'Het jaar ligt tussen 2020 en 2100')),
  deadline: dateField('de termijn', 'Vul de datum in tot en met wanneer routes kunnen indienen'),
});

type YearParams = { Params: { year: string } };
type ReportParams = { Params: { id: string } };

export default async function monitoringRoutes(app: FastifyInstance) {
  const { db, config } = app;

  // ------------------------------------------------------------ dashboard

  app.get('/beheer/dashboard', TEAM, async (request, reply) =>
    sendPage(reply, <DashboardPage ctx={pageContext(request, reply)} figures={await dashboard(db)} />),
  );

  app.get<{ Params: { figure: string } }>('/beheer/dashboard/csv/:figure', TEAM, async (request, reply) => {
    const key = request.params.figure;
    if (!(FIGURE_KEYS as readonly string[]).includes(key)) throw new NotFoundError('figure');
    const figure = (await dashboard(db)).find((f) => f.key === key);
    if (!figure) throw new NotFoundError('figure');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="dashboard-${key}-${today()}.csv"`)
      .send(figureCsv(figure.columns, figure.rows));
  });

  // ------------------------------------------------------------ the route's monitor

  app.get<ReportParams>('/mijn/monitor/:id', SIGNED_IN, async (request, reply) => {
    const report = await reportFor(db, me(request), request.params.id);
    return sendPage(reply, <ReportOverviewPage ctx={pageContext(request, reply)} report={report} notice={melding(request)} />);
  });

  app.get<{ Params: { id: string; step: string } }>('/mijn/monitor/:id/:step', SIGNED_IN, async (request, reply) => {
    const { step } = request.params;
    if (!isStep(step)) throw new NotFoundError('step');
    const report = await reportFor(db, me(request), request.params.id);
    // The team reads a report (its page under /beheer/monitor); only the route's own staff fill it in.
    if (me(request).role !== 'applicant') throw new ForbiddenError();
    if (report.state === 'submitted') return reply.redirect(`/mijn/monitor/${report.id}`, 303);
    return sendPage(reply, <ReportStepPage ctx={pageContext(request, reply)} report={report} step={step} values={valuesOf(report)} />);
  });

  app.post<{ Params: { id: string; step: string } }>('/mijn/monitor/:id/:step', SIGNED_IN, async (request, reply) => {
    const { step, id } = request.params;
    if (!isStep(step)) throw new NotFoundError('step');
    const body = submittedValues(request.body);
    const result = await saveStep(db, me(request), id, step, body);
    if (!result.ok) {
      const report = await reportFor(db, me(request), id);
      return sendPage(
        reply,
        <ReportStepPage
          ctx={pageContext(request, reply)}
          report={report}
          step={step}
          values={{ ...valuesOf(report), ...body }}
          errors={result.errors}
        />,
        422,
      );
    }
    return reply.redirect(`/mijn/monitor/${id}?melding=opgeslagen`, 303);
  });

  app.post<ReportParams>('/mijn/monitor/:id/indienen', SIGNED_IN, async (request, reply) => {
    const result = await submitReport(db, config, me(request), request.params.id);
    if (!result.ok) {
      const report = await reportFor(db, me(request), request.params.id);
      return sendPage(reply, <ReportOverviewPage ctx={pageContext(request, reply)} report={report} missing={result.missing} />, 422);
    }
    return reply.redirect(`/mijn/monitor/${request.params.id}?melding=${result.late ? 'te-laat' : 'ingediend'}`, 303);
  });

  // ------------------------------------------------------------ the team

  async function yearRows() {
    const [years, counts, published] = await Promise.all([listYears(db), yearCounts(db), snapshots(db)]);
    return years.map((y) => {
      const c = counts.find((x) => Number(x.year) === y.year);
      return {
        year: y.year,
        title: y.title,
        deadline: y.deadline,
        total: Number(c?.total ?? 0),
        submitted: Number(c?.submitted ?? 0),
        late: Number(c?.late ?? 0),
        published: published.some((s) => s.year === y.year),
      };
    });
  }

  app.get('/beheer/monitor', TEAM, async (request, reply) =>
    sendPage(reply, <YearsPage ctx={pageContext(request, reply)} years={await yearRows()} values={{}} notice={melding(request)} />),
  );

  app.post('/beheer/monitor', TEAM, async (request, reply) => {
    const values = submittedValues(request.body);
    const form = parseForm(yearSchema, request.body);
    const show = async (errors: { field: string; message: string }[]) => {
      return sendPage(reply, <YearsPage ctx={pageContext(request, reply)} years={await yearRows()} values={values} errors={errors} />, 422);
    };
    if (!form.ok) return show(form.errors);
    if (await findYear(db, form.data.year)) return show([{ field: 'year', message: `Monitor ${form.data.year} is al geopend` }]);
    await openYear(db, config, me(request), { year: form.data.year, title: `Monitor ${form.data.year}`, deadline: form.data.deadline });
    return reply.redirect(`/beheer/monitor/${form.data.year}?melding=geopend`, 303);
  });

  async function yearOf(raw: string) {
    const year = /^\d{4}$/.test(raw) ? await findYear(db, Number(raw)) : undefined;
    if (!year) throw new NotFoundError('year');
    return year;
  }

  async function reportRows(year: number) {
    const rows = await reportsOfYear(db, year);
    const names = await registrationSummaries(
      db,
      rows.map((r) => r.registration_id),
    );
    return rows
      .map((r) => {
        const n = names.get(r.registration_id);
        return {
          id: r.id,
          registrationId: r.registration_id,
          route: n?.title ?? n?.reference ?? 'route',
          reference: n?.reference ?? null,
          state: r.state,
          late: r.late === 1,
          submittedAt: r.submitted_at,
          answers: r.answers,
        };
      })
      .sort((a, b) => a.route.localeCompare(b.route, 'nl'));
  }

  app.get<YearParams>('/beheer/monitor/:year', TEAM, async (request, reply) => {
    const year = await yearOf(request.params.year);
    const snapshot = (await snapshots(db)).find((s) => s.year === year.year) ?? null;
    return sendPage(
      reply,
      <YearPage
        ctx={pageContext(request, reply)}
        year={year}
        reports={await reportRows(year.year)}
        snapshot={snapshot}
        preview={snapshot ? null : await previewSnapshot(db, year.year)}
        notice={melding(request)}
      />,
    );
  });

  app.get<YearParams>('/beheer/monitor/:year/antwoorden.csv', TEAM, async (request, reply) => {
    const year = await yearOf(request.params.year);
    const header = [
      'Aanmelding',
      'Route',
      'Stand',
      'Te laat',
      'Ingediend op',
      ...GROUPS.flatMap((g) => MEASURES.map((m) => `${g.label}: ${m.label}`)),
      'Mkb-bedrijven',
      'Praktijkbegeleiders',
      'Terugblik',
    ];
    const rows = (await reportRows(year.year)).map((r) => {
      const a = JSON.parse(r.answers);
      return [
        r.reference,
        r.route,
        r.state,
        r.late ? 'ja' : 'nee',
        r.submittedAt,
        ...GROUPS.flatMap((g) => MEASURES.map((m) => a.groups?.[g.value]?.[m.key] ?? null)),
        a.companies ?? null,
        a.supervisors ?? null,
        a.reflection ?? '',
      ];
    });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="monitor-${year.year}-antwoorden.csv"`)
      .send(csv([header, ...rows]));
  });

  app.post<YearParams>('/beheer/monitor/:year/publiceren', TEAM, async (request, reply) => {
    const year = await yearOf(request.params.year);
    await publishSnapshot(db, me(request), year.year);
    return reply.redirect(`/beheer/monitor/${year.year}?melding=gepubliceerd`, 303);
  });

  app.get<{ Params: { year: string; id: string } }>('/beheer/monitor/:year/:id', TEAM, async (request, reply) => {
    const report = await reportFor(db, me(request), request.params.id);
    if (String(report.year) !== request.params.year) throw new NotFoundError('report');
    return sendPage(reply, <TeamReportPage ctx={pageContext(request, reply)} report={report} values={{}} notice={melding(request)} />);
  });

  app.post<{ Params: { year: string; id: string } }>('/beheer/monitor/:year/:id/openzetten', TEAM, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields = [body.fields ?? []].flat().filter((f): f is string => typeof f === 'string');
    const message = typeof body.message === 'string' ? body.message : '';
    const result = await reopenFields(db, config, me(request), request.params.id, fields, message);
    if (!result.ok) {
      const report = await reportFor(db, me(request), request.params.id);
      return sendPage(
        reply,
        <TeamReportPage ctx={pageContext(request, reply)} report={report} values={{ fields, message }} errors={result.errors} />,
        422,
      );
    }
    return reply.redirect(`/beheer/monitor/${request.params.year}/${request.params.id}?melding=opengezet`, 303);
  });

  // ------------------------------------------------------------ public figures

  app.get('/in-cijfers', PUBLIC, async (request, reply) =>
    cachedPage(db, request, reply, async () => ({
      html: renderPage(<InCijfersPage ctx={pageContext(request, reply)} snapshots={await snapshots(db)} />),
    })),
  );

  const openData = (reply: FastifyReply) =>
    reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');

  app.get('/in-cijfers.csv', PUBLIC, async (request, reply) => {
    reply.header('content-disposition', 'attachment; filename="mkb-route-in-cijfers.csv"');
    return cachedResponse(
      db,
      request,
      openData(reply),
      async () => ({
        type: 'text/csv; charset=utf-8',
        body: csv([['Jaar', 'Cijfer', 'Indeling', 'Aantal'], ...(await snapshots(db)).flatMap(snapshotRows)]),
      }),
      { perUser: false },
    );
  });

  app.get('/api/v1/figures', PUBLIC, async (request, reply) =>
    cachedResponse(
      db,
      request,
      openData(reply),
      async () => ({ type: 'application/json; charset=utf-8', body: JSON.stringify({ data: (await snapshots(db)).map(figuresResource) }) }),
      { perUser: false },
    ),
  );
}

/** One published year as open data: every count a number, or "<5" for 1 to 4. */
export function figuresResource(s: Awaited<ReturnType<typeof snapshots>>[number]) {
  const f = s.figures;
  const count = (rows: { label: string; value: number }[]) => rows.map((r) => ({ name: r.label, routes: publishedValue(r.value) }));
  return {
    year: s.year,
    publishedAt: s.publishedAt,
    routes: publishedValue(f.routes),
    institutions: publishedValue(f.institutions),
    routesPerProvince: count(f.perProvince),
    routesPerSector: count(f.perSector),
    routesReported: publishedValue(f.reported),
    students: f.students.map((g) => ({
      targetGroup: g.group,
      name: g.label,
      new: publishedValue(g.new),
      enrolled: publishedValue(g.enrolled),
      graduates: publishedValue(g.graduates),
    })),
    companies: publishedValue(f.companies),
    supervisors: publishedValue(f.supervisors),
    corrections: s.corrections,
  };
}
