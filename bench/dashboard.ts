/**
 * `npm run bench:dashboard`: the team dashboard (issue 16) computed and rendered in process over
 * `BENCH_REGISTRATIONS` registrations (10,000 by default) with five years of audit events and five
 * yearly monitors of every admitted route, on the engine of DATABASE_URL (SQLite when unset).
 * p50/p95 over 50 computations after 5 warm-up. Appends to bench/RESULTS.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { prepareDatabase } from '../src/boot.ts';
import { loadConfig } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import { dashboard } from '../src/features/monitoring/index.ts';
import { DashboardPage } from '../src/features/monitoring/views/dashboard.tsx';
import { recordAudit } from '../src/platform/audit/repo.ts';
import { sortableId } from '../src/platform/crypto.ts';
import { renderPage } from '../src/ui/render.ts';
import { machine, writeReport } from './lib.ts';

const COUNT = Number(process.env.BENCH_REGISTRATIONS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'mkbroute-bench-'));
const postgres = /^postgres/.test(process.env.DATABASE_URL ?? '');
const databaseUrl = postgres ? (process.env.DATABASE_URL as string) : `sqlite:${join(dir, 'bench.sqlite')}`;
try {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const { db } = await prepareDatabase(config);
  const institutions = (await db.selectFrom('institutions').select('brin').execute()).map((r) => r.brin);
  const states = ['submitted', 'in_review', 'info_requested', 'accepted', 'participant', 'declined', 'withdrawn'] as const;
  const sectors = ['C', 'F', 'G', 'H', 'J', 'M', 'P', 'Q'];
  const provinces = (await db.selectFrom('provinces').select('code').execute()).map((r) => r.code);
  const groups = ['mbo_bbl', 'mbo_bol', 'havo_vwo', 'career_switcher', 'mbo_worker'];
  const thisYear = new Date().getUTCFullYear();
  const years = [0, 1, 2, 3, 4].map((k) => thisYear - 5 + k);
  let reports = 0;
  const DAY = 86_400_000;
  const t0 = performance.now();
  await db.transaction().execute(async (trx) => {
    for (const year of years)
      await trx
        .insertInto('monitor_years')
        .values({
          year,
          title: `Monitor ${year}`,
          deadline: `${year + 1}-01-31`,
          opened_at: `${year}-12-01T10:00:00.000Z`,
          opened_by: null,
        })
        .execute();
    for (let i = 0; i < COUNT; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const state = states[i % states.length] ?? 'submitted';
      // Spread over five years.
      const submitted = Date.now() - ((i * 5 * 365) / COUNT) * DAY;
      const iso = (t: number) => new Date(t).toISOString();
      await trx
        .insertInto('registrations')
        .values({
          id,
          institution_brin: institutions[i % institutions.length] ?? '07GR',
          reference: `MKB-B-${i}`,
          state,
          answers: JSON.stringify({ opleiding: { values: { province: provinces[i % provinces.length] ?? 'PV27' } } }),
          title: `Opleiding ${i}`,
          sector: sectors[i % sectors.length] ?? 'C',
          province: provinces[i % provinces.length] ?? 'PV27',
          created_by: null,
          created_at: iso(submitted - DAY),
          updated_by: null,
          updated_at: iso(submitted),
          submitted_at: iso(submitted),
          withdrawn_reason: null,
          reopened_steps: null,
        } as never)
        .execute();
      const events: [string, number][] = [['registration.submitted', submitted]];
      if (i % 3 === 0) events.push(['registration.info_requested', submitted + 5 * DAY], ['registration.submitted', submitted + 12 * DAY]);
      if (state === 'accepted' || state === 'participant') events.push(['registration.accepted', submitted + 20 * DAY]);
      if (state === 'participant') events.push(['kickoff.held', submitted + 30 * DAY]);
      if (state === 'declined') events.push(['registration.declined', submitted + 15 * DAY]);
      if (state === 'withdrawn') events.push(['registration.withdrawn', submitted + 3 * DAY]);
      // Every admitted route reported in each of the five years (its answers and its counts, as a submission writes them).
      if (state === 'accepted' || state === 'participant') {
        for (const year of years) {
          const c = (k: number) => ({ new: (i + k) % 9, enrolled: 10 + ((i + k) % 40), graduates: (i + k) % 5, dropouts: (i + k) % 3 });
          const reportId = `${String(year)}0000-0000-4000-8000-${String(i).padStart(12, '0')}`;
          await trx
            .insertInto('monitor_reports')
            .values({
              id: reportId,
              year,
              registration_id: id,
              state: 'submitted',
              answers: JSON.stringify({
                groups: Object.fromEntries(groups.map((g, k) => [g, c(k)])),
                companies: 3 + (i % 7),
                supervisors: 4 + (i % 5),
                reflection: 'Een jaar met meer studenten dan verwacht.',
              }),
              steps_done: '["studenten","bedrijven","terugblik"]',
              prefilled: 1,
              submitted_at: `${year + 1}-01-10T10:00:00.000Z`,
              submitted_by: null,
              late: 0,
              created_at: `${year}-12-01T10:00:00.000Z`,
              updated_at: `${year + 1}-01-10T10:00:00.000Z`,
            })
            .execute();
          await trx
            .insertInto('monitor_counts')
            .values(
              groups.map((g, k) => ({
                report_id: reportId,
                year,
                registration_id: id,
                target_group: g,
                new_students: c(k).new,
                enrolled: c(k).enrolled,
                graduates: c(k).graduates,
                dropouts: c(k).dropouts,
              })),
            )
            .execute();
          reports++;
        }
      }
      for (const [action, at] of events) {
        await trx
          .insertInto('audit_events')
          .values({
            id: sortableId(),
            at: iso(at),
            actor_user_id: null,
            action,
            subject_type: 'registration',
            subject_id: id,
            detail: null,
          })
          .execute();
      }
    }
  });
  const generated = ((performance.now() - t0) / 1000).toFixed(1);
  await sql.raw(postgres ? 'vacuum analyze' : 'analyze').execute(db);
  const eventsCount = Number(
    (
      await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  // After a change (the version raised, as any audit event does): everything computed afresh.
  const afterChange: number[] = [];
  // Nothing changed since the last view: the kept figures.
  const kept: number[] = [];
  // The page as the team gets it: the figures after a change, and the charts, tables and layout rendered.
  const rendered: number[] = [];
  // After a change the trail figures read (a submission, a decision): five years of events read again.
  const afterTrail: number[] = [];
  const renderedTrail: number[] = [];
  const bump = (key: string) => sql`update settings set value = cast(cast(value as integer) + 1 as text) where key = ${key}`.execute(db);
  const ctx = { user: null, csrfToken: 'x', path: '/beheer/dashboard', demo: false, stylesheetHref: '/static/app.css' };
  for (let i = 0; i < 55; i++) {
    await sql`update settings set value = cast(cast(value as integer) + 1 as text) where key = 'assessment_version'`.execute(db);
    let s = performance.now();
    await dashboard(db);
    if (i >= 5) afterChange.push(performance.now() - s);
    s = performance.now();
    await dashboard(db);
    if (i >= 5) kept.push(performance.now() - s);
    await sql`update settings set value = cast(cast(value as integer) + 1 as text) where key = 'assessment_version'`.execute(db);
    s = performance.now();
    const html = renderPage(DashboardPage({ ctx, figures: await dashboard(db) }));
    if (i >= 5) rendered.push(performance.now() - s);
    if (html.length < 1000) throw new Error('the dashboard did not render');
    // A real submission: its audit event raises trail_version (and assessment_version) by trigger.
    await recordAudit(db, { actorUserId: null, action: 'registration.submitted', subjectType: 'registration', subjectId: `bench-${i}-a` });
    s = performance.now();
    await dashboard(db);
    if (i >= 5) afterTrail.push(performance.now() - s);
    await recordAudit(db, { actorUserId: null, action: 'registration.submitted', subjectType: 'registration', subjectId: `bench-${i}-b` });
    s = performance.now();
    renderPage(DashboardPage({ ctx, figures: await dashboard(db) }));
    if (i >= 5) renderedTrail.push(performance.now() - s);
  }
  // A process that has not read the trail yet (just started, or the count did not add up): all of it.
  const cold: number[] = [];
  for (let i = 0; i < 6; i++) {
    const other = connect(postgres ? { kind: 'postgres', url: databaseUrl } : { kind: 'sqlite', path: join(dir, 'bench.sqlite') });
    const s = performance.now();
    await dashboard(other);
    if (i >= 1) cold.push(performance.now() - s);
    await other.destroy();
  }
  const pct = (list: number[], p: number) => ([...list].sort((a, b) => a - b)[Math.floor((p / 100) * (list.length - 1))] ?? 0).toFixed(1);
  const max = (list: number[]) => Math.max(...list).toFixed(1);
  const machineName = machine();
  writeReport(
    [
      '',
      `## Team dashboard over ${COUNT.toLocaleString('en-US')} registrations (${postgres ? 'PostgreSQL 15' : 'SQLite'}) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${machineName}. Command: \`${postgres ? 'scripts/with-postgres.sh ' : ''}npm run bench:dashboard\`. ${eventsCount.toLocaleString('en-US')} audit events over five years and ${reports.toLocaleString('en-US')} submitted monitors over five years (generated in ${generated} s); every figure computed 50 times in process after 5 warm-up, each time right after raising \`assessment_version\` (as any change does), right after a submission's audit event (which raises \`trail_version\` too: the events written since are added to the trail kept in the process), and once more without a change; the whole page rendered after each kind of change (figures, then charts, tables and layout to HTML; no HTTP); and five times in a fresh connection (a process that reads the whole trail).`,
      '',
      '| dashboard figures | p50 ms | p95 ms | max ms |',
      '| --- | ---: | ---: | ---: |',
      `| all eight figures, after any change (trail figures kept) | ${pct(afterChange, 50)} | ${pct(afterChange, 95)} | ${max(afterChange)} |`,
      `| all eight figures, after a submission or decision (trail brought up to date) | ${pct(afterTrail, 50)} | ${pct(afterTrail, 95)} | ${max(afterTrail)} |`,
      `| all eight figures, in a process that has not read the trail yet (5 runs) | ${pct(cold, 50)} | ${pct(cold, 95)} | ${max(cold)} |`,
      `| all eight figures, nothing changed (kept per process) | ${pct(kept, 50)} | ${pct(kept, 95)} | ${max(kept)} |`,
      `| the page rendered, after any change (bar: p95 < 100 ms) | ${pct(rendered, 50)} | ${pct(rendered, 95)} | ${max(rendered)} |`,
      `| the page rendered, after a submission or decision (bar: p95 < 100 ms) | ${pct(renderedTrail, 50)} | ${pct(renderedTrail, 95)} | ${max(renderedTrail)} |`,
      '',
    ].join('\n'),
  );
  await db.destroy();
} finally {
  if (!postgres) rmSync(dir, { recursive: true, force: true });
}
