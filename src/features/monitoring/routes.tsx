import type { FastifyInstance } from 'fastify';
import { csvCell } from '../../platform/csv.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import { pageContext } from '../../platform/page-context.ts';
import { sendPage } from '../../ui/render.ts';
import { dashboard, FIGURE_KEYS } from './service.ts';
import { DashboardPage } from './views/dashboard.tsx';

const TEAM = { config: { access: 'team' as const } };

/** The figures as a CSV: exactly the rows of the chart and the table, formula-like cells escaped. */
export function figureCsv(columns: [string, string], rows: { label: string; value: number }[]): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => [csvCell(r.label), csvCell(r.value)].join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export default async function monitoringRoutes(app: FastifyInstance) {
  const { db } = app;

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
      .header('content-disposition', `attachment; filename="dashboard-${key}-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(figureCsv(figure.columns, figure.rows));
  });
}
