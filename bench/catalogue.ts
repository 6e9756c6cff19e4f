/**
 * `npm run bench:catalogue`: 10,000 published routes.
 * 1. In-process Dutch search on the engine of DATABASE_URL (SQLite when unset): p50/p95 over 300
 *    searches with filters. Run it again under scripts/with-postgres.sh for PostgreSQL.
 * 2. Every public page and the open data over HTTP at 50 connections on the same engine, each
 *    against a bare node:http server sending the same bytes, in the same run. `BENCH_ROUTES`
 *    sets the number of routes (1,000 and 10,000 are the sizes reported); `BENCH_PAGES` picks pages,
 *    `BENCH_REPEAT` measures each several times, interleaved with the ceiling (median reported);
 *    `BENCH_HEADERS=1` adds a node:http server sending the same body with the app's headers.
 * Appends to bench/RESULTS.md.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { prepareDatabase } from '../src/boot.ts';
import { loadConfig } from '../src/config.ts';
import { ensureCurrentUser } from '../src/features/accounts/index.ts';
import { catalogue } from '../src/features/catalogue/index.ts';
import { saveRoute } from '../src/features/catalogue/repo.ts';
import { createEvent, registerDirect } from '../src/features/events/index.ts';
import { addOrganisation } from '../src/features/network/index.ts';
import { indexItem, searchSite } from '../src/features/search/index.ts';
import { parseQuery } from '../src/platform/dutch-search.ts';
import {
  benchEnv,
  CONNECTIONS,
  DURATION,
  headersFile,
  machine,
  measure,
  type Result,
  rssOf,
  start,
  startApp,
  waitForOutbox,
  writeReport,
} from './lib.ts';

const COUNT = Number(process.env.BENCH_ROUTES ?? 10_000);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const HEADERS = process.env.BENCH_HEADERS === '1';
const WORDS = [
  'zorg',
  'techniek',
  'logistiek',
  'bouw',
  'ict',
  'onderwijs',
  'retail',
  'energie',
  'voedsel',
  'mobiliteit',
  'welzijn',
  'installatie',
];
const PROVINCES = [
  'Groningen',
  'Fryslân',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
];
const SECTORS = ['C', 'F', 'G', 'H', 'J', 'M', 'P', 'Q'];

class SearchOnly extends Error {}

const dir = mkdtempSync(join(tmpdir(), 'mkbroute-bench-'));
const postgres = /^postgres/.test(process.env.DATABASE_URL ?? '');
const databaseUrl = postgres ? (process.env.DATABASE_URL as string) : `sqlite:${join(dir, 'bench.sqlite')}`;
const children: ChildProcess[] = [];
const lines: string[] = [];
try {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const { db } = await prepareDatabase(config);
  const institutions = await db.selectFrom('institutions').select(['brin', 'name']).execute();
  const t0 = performance.now();
  // One registration row per route: the projection references it.
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < COUNT; i++) {
      const id = `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
      const inst = institutions[i % institutions.length] ?? { brin: '07GR', name: 'Avans Hogeschool' };
      const now = new Date(Date.now() - i * 60_000).toISOString();
      await trx
        .insertInto('registrations')
        .values({
          id,
          institution_brin: inst.brin,
          reference: `MKB-B-${i}`,
          state: 'accepted',
          answers: '{}',
          title: null,
          created_by: null,
          created_at: now,
          updated_by: null,
          updated_at: now,
          submitted_at: now,
          withdrawn_reason: null,
          reopened_steps: null,
        })
        .execute();
      const w1 = WORDS[i % WORDS.length] ?? 'zorg';
      const w2 = WORDS[(i * 7) % WORDS.length] ?? 'bouw';
      const row = {
        id,
        slug: `route-${i}`,
        title: `Ad ${w1} en ${w2} ${i}`,
        institution_brin: inst.brin,
        institution_name: inst.name,
        institution_website: null,
        level: i % 3 === 0 ? 'BA' : 'AD',
        mode: 'duaal',
        sector: SECTORS[i % SECTORS.length] ?? 'C',
        province: PROVINCES[i % PROVINCES.length] ?? 'Utrecht',
        participation: ['pilot', 'development', 'knowledge'][i % 3] ?? 'pilot',
        croho: '80072',
        description: `Werkend leren in de ${w1}sector: studenten werken bij mkb-bedrijven in de ${w2}.`,
        locations: 'Utrecht',
        target_groups: JSON.stringify(['mbo_bbl']),
        partners: null,
        contact_name: null,
        contact_email: null,
        published: 1,
        unpublished_reason: null,
        first_published_at: now,
        updated_at: now,
      };
      await saveRoute(trx, row, [row.title, row.institution_name, row.description, row.locations, row.province].join(' '));
      // And in the site-wide search, as publishing a route does (catalogue/service.ts#writeRoute).
      await indexItem(trx, {
        kind: 'route',
        id,
        title: row.title,
        text: [row.institution_name, row.description, row.locations, row.province].join(' '),
        url: `/routes/${row.slug}`,
        themes: [i % 2 ? 'supervision' : 'recruitment'],
        audiences: [],
        updatedAt: now,
      });
    }
  });
  const generated = ((performance.now() - t0) / 1000).toFixed(1);
  // What autovacuum (PostgreSQL) and the query planner's statistics would have after rows came in
  // over weeks: without them the planner takes the freshly filled table for empty and skips the
  // search index. On PostgreSQL a VACUUM too: otherwise autovacuum, woken by 10,000 inserts, runs
  // during the first pages measured and takes one of the two cores from them.
  await sql.raw(postgres ? 'vacuum analyze' : 'analyze').execute(db);

  // BENCH_EXPLAIN=1 (PostgreSQL): the plans of a broad search, its second page and a filtered search.
  if (process.env.BENCH_EXPLAIN) {
    for (const q of [
      sql`explain (analyze, buffers) select count(*) from routes where published = 1 and search @@ to_tsquery('simple', 'zorg:*')`,
      sql`explain (analyze, buffers) select * from routes where published = 1 and search @@ to_tsquery('simple', 'zorg:*') order by first_published_at desc, id limit 20 offset 20`,
      sql`explain (analyze, buffers) select count(*) from routes where published = 1 and sector = 'Q' and search @@ to_tsquery('simple', 'zorg:* & bouw:*')`,
    ]) {
      const r = await q.execute(db);
      console.log((r.rows as Record<string, string>[]).map((x) => Object.values(x)[0]).join('\n'), '\n');
    }
  }
  // 1. Search timings, in process.
  const times: number[] = [];
  for (let i = 0; i < 330; i++) {
    const q = {
      search: parseQuery(`${WORDS[i % WORDS.length]} ${i % 2 ? WORDS[(i + 3) % WORDS.length] : ''}`),
      sector: i % 3 === 0 ? SECTORS[i % SECTORS.length] : undefined,
      page: 1 + (i % 3),
    };
    const s = performance.now();
    await catalogue(db, q);
    if (i >= 30) times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times[Math.floor((p / 100) * (times.length - 1))] ?? 0).toFixed(2);
  const machineName = machine();
  lines.push(
    '',
    `## Catalogue search over ${COUNT.toLocaleString('en-US')} routes (${postgres ? 'PostgreSQL 15' : 'SQLite'}) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineName}. Command: \`${postgres ? 'scripts/with-postgres.sh ' : ''}npm run bench:catalogue\`. 300 in-process catalogue queries (Dutch search terms with prefix matching, some with a sector filter, pages 1–3, count + page), after 30 warm-up; generating the data took ${generated} s.`,
    '',
    `| search (count + page of 20) | p50 ms | p95 ms | p99 ms |`,
    `| --- | ---: | ---: | ---: |`,
    `| catalogue (${postgres ? 'PostgreSQL tsvector' : 'SQLite FTS5'}, Dutch analyser) | ${pct(50)} | ${pct(95)} | ${pct(99)} |`,
  );
  // 1b. The site-wide search (/zoeken: counts per kind + the best five of each), same queries.
  const siteTimes: number[] = [];
  for (let i = 0; i < 330; i++) {
    const s = performance.now();
    await searchSite(db, `${WORDS[i % WORDS.length]} ${i % 2 ? WORDS[(i + 3) % WORDS.length] : ''}`, {
      theme: i % 3 === 0 ? 'supervision' : undefined,
    });
    if (i >= 30) siteTimes.push(performance.now() - s);
  }
  siteTimes.sort((a, b) => a - b);
  const sitePct = (p: number) => (siteTimes[Math.floor((p / 100) * (siteTimes.length - 1))] ?? 0).toFixed(2);
  lines.push(
    `| site search /zoeken (${postgres ? 'tsvector' : 'FTS5'}; counts per kind + top 5 of each, a third with a theme filter) | ${sitePct(50)} | ${sitePct(95)} | ${sitePct(99)} |`,
    '',
  );
  // A year's bijeenkomsten: 24 coming, each with 30 people registered, made through the service.
  const organiser = await ensureCurrentUser(db, { email: 'team@bench.example', role: 'team', name: 'Bench' });
  const benchConfig = {
    baseUrl: 'http://127.0.0.1',
    sessionSecret: 'bench-secret-bench-secret-bench-secret-12',
    mailFrom: 'bench@bench.example',
  };
  let eventId = '';
  for (let i = 0; i < 24; i++) {
    const starts = new Date(Date.now() + (i + 2) * 7 * 86_400_000).toISOString();
    eventId = await createEvent(db, organiser, {
      title: `Leernetwerk ${WORDS[i % WORDS.length]} ${i + 1}`,
      description: 'Twee routes vertellen wat werkt.\n\n## Programma\n\n- Ervaringen\n- Vragen',
      themes: ['supervision'],
      audiences: ['hogeschool', 'mkb'],
      mode: i % 2 ? 'online' : 'location',
      link: i % 2 ? 'https://meet.example/x' : null,
      address: i % 2 ? null : 'Jaarbeurs, Utrecht',
      startsAt: starts,
      endsAt: new Date(Date.parse(starts) + 3 * 3_600_000).toISOString(),
      deadline: starts,
      capacity: 40,
      waitlist: true,
      reminderHours: 48,
      reminderText: '',
      organiserId: null,
      questions: [],
    });
    for (let p = 0; p < 30; p++)
      await registerDirect(db, benchConfig, eventId, { userId: null, name: `P${p}`, email: `p${p}@bench.example`, answers: {} });
  }
  // The network: 300 organisations that consented, across the provinces and sectors.
  if (!(await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst())) {
    for (let o = 0; o < 300; o++)
      await addOrganisation(db, null, {
        name: `Bedrijf ${o}`,
        kind: 'mkb',
        kvk: String(40_000_000 + o),
        sectors: SECTORS[o % SECTORS.length] as string,
        province: PROVINCES[o % PROVINCES.length] as string,
        place: 'Plaats',
        offers: ['leerwerkplekken', 'praktijkbegeleiders'],
        contact_name: `Contact ${o}`,
        contact_email: `c${o}@bench.example`,
        consent: 'ja',
      });
  }

  // 2. Every public page and the open data over HTTP, each against a node:http server sending the
  //    same bytes, in the same run (on the engine of DATABASE_URL).
  // BENCH_SEARCH_ONLY=1 stops after the in-process search timings.
  if (process.env.BENCH_SEARCH_ONLY) {
    await db.destroy();
    throw new SearchOnly();
  }
  const env = benchEnv(databaseUrl);
  const app = await startApp(env);
  children.push(app.child);
  // The bijeenkomsten's registrations queued a confirmation each: measured after their delivery.
  const outboxNote = await waitForOutbox(db);
  await db.destroy();
  const base = `http://127.0.0.1:${app.port}`;
  const pages: [string, string][] = [
    ['home page', '/'],
    ['content page', '/programma'],
    ['catalogue, filter + search', '/routes?sector=Q&q=zorg'],
    ['route page', '/routes/route-42'],
    ['map', '/kaart'],
    ['stories', '/succesverhalen'],
    ['toolkit', '/toolkit'],
    ['events', '/bijeenkomsten'],
    ['event page', `/bijeenkomsten/${eventId}`],
    ['knowledge', '/kennis'],
    ['theme page', '/kennis/praktijkbegeleiding'],
    ['guide contents', '/handreiking'],
    ['guide chapter', '/handreiking/de-tripartiete-overeenkomst'],
    ['guide to print', '/handreiking/afdrukken'],
    ['network, filtered', '/netwerk?provincie=Gelderland&biedt=praktijkbegeleiders'],
    ['organisation page', '/netwerk/bedrijf-42'],
    ['API: organisations (JSON)', '/api/v1/organisations'],
    ['API: filter + search (JSON)', '/api/v1/routes?sector=Q&q=zorg'],
    ['API: CSV, one sector', '/api/v1/routes.csv?sector=Q'],
    ['OpenAPI document', '/api/v1/openapi.json'],
    ['Atom feed', '/feed.xml'],
    ['sitemap', '/sitemap.xml'],
  ];
  const rows: string[] = [];
  let worst = Number.POSITIVE_INFINITY;
  // BENCH_PAGES=programma,bijeenkomsten measures only the pages whose path contains one of those
  // ('/' alone: the home page).
  const only = (process.env.BENCH_PAGES ?? '').split(',').filter(Boolean);
  for (const [label, path] of pages) {
    if (only.length && !only.some((o) => (o === '/' ? path === '/' : path.includes(o)))) continue;
    const res = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    const file = join(dir, 'page.bin');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const raw = await start(['bench/serve-raw.ts', file], env);
    // The ceiling just before and just after each run of the app, averaged: this machine's speed
    // drifts. BENCH_REPEAT=n runs the app n times between n + 1 ceilings and reports the median
    // ratio with its range (a page near its bar is read better from several runs than from one).
    const ceilingRun = () => measure('ceiling', `http://127.0.0.1:${raw.port}/`, {}, CONNECTIONS, raw.child.pid);
    const ceilings = [await ceilingRun()];
    const runs: (Result & { ratio: number; ceiling: number; ceilingCpuUs: number })[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const r = await measure(label, `${base}${path}`, {}, CONNECTIONS, app.child.pid);
      ceilings.push(await ceilingRun());
      const [before, after] = [ceilings.at(-2), ceilings.at(-1)];
      const ceiling = ((before?.rps ?? 0) + (after?.rps ?? 0)) / 2;
      const ceilingCpuUs = ((before?.cpuUs ?? 0) + (after?.cpuUs ?? 0)) / 2;
      runs.push({ ...r, errors: r.errors + r.non2xx, ratio: (r.rps / ceiling) * 100, ceiling, ceilingCpuUs });
    }
    raw.child.kill('SIGTERM');
    // BENCH_HEADERS=1: also a node:http server sending the same body with every header the app sends
    // (security headers, etag, vary, a request id of the same length), once: what the headers alone cost.
    let withHeaders: Result | null = null;
    if (HEADERS) {
      const rawWithHeaders = await start(['bench/serve-raw.ts', file, '0', headersFile(dir, res.headers).file], env);
      withHeaders = await measure('with headers', `http://127.0.0.1:${rawWithHeaders.port}/`, {}, CONNECTIONS, rawWithHeaders.child.pid);
      rawWithHeaders.child.kill('SIGTERM');
    }
    runs.sort((a, b) => a.ratio - b.ratio);
    const median = runs[Math.floor((runs.length - 1) / 2)] ?? runs[0];
    if (!median) continue;
    worst = Math.min(worst, median.ratio);
    const range = runs.length > 1 ? ` (${runs[0]?.ratio.toFixed(1)}–${runs.at(-1)?.ratio.toFixed(1)})` : '';
    const p99s = runs.length > 1 ? ` (${Math.min(...runs.map((r) => r.p99))}–${Math.max(...runs.map((r) => r.p99))})` : '';
    // CPU per request: the median over the runs, with the ceiling's in brackets.
    const cpu = (pick: (r: (typeof runs)[number]) => number) => {
      const values = runs.map(pick).sort((a, b) => a - b);
      return Math.round(values[Math.floor((values.length - 1) / 2)] ?? 0);
    };
    rows.push(
      `| ${label} (\`${path}\`) | ${Math.round(median.ceiling).toLocaleString('en-US')} | ${Math.round(median.rps).toLocaleString('en-US')} | ${median.p50} | ${median.p99}${p99s} | ${median.ratio.toFixed(1)} %${range} | ${cpu((r) => r.cpuUs ?? 0)} (${cpu((r) => r.ceilingCpuUs)}) | ${median.bytes} | ${runs.reduce((n, r) => n + r.errors, 0)} |${withHeaders ? ` ${Math.round(withHeaders.rps).toLocaleString('en-US')}, ${withHeaders.cpuUs} µs/req (app: ${((median.rps / withHeaders.rps) * 100).toFixed(1)} %) |` : ''}`,
    );
  }
  lines.push(
    `### Public pages and open data over HTTP (${postgres ? 'PostgreSQL' : 'SQLite'}, ${COUNT.toLocaleString('en-US')} routes)`,
    '',
    `Compiled server (\`node dist/server.js\`, logs at info into a pipe the bench drains), anonymous, ${CONNECTIONS} connections, ${DURATION} s after a 2 s warm-up, each page against a node:http server sending its exact bytes, measured just before and just after it (averaged), after ${outboxNote}${REPEAT > 1 ? `; each page ${REPEAT} times between ${REPEAT + 1} ceilings, the median run shown with the range of ratios and of p99 in brackets` : ''}. Lowest ${REPEAT > 1 ? 'median ' : ''}ratio: ${worst.toFixed(1)} %. App RSS after the runs: ${rssOf(app.child.pid)} MB.`,
    '',
    `| what | ceiling req/s | app req/s | p50 ms | p99 ms | of ceiling | app CPU µs/req (ceiling) | bytes/resp | errors + non-2xx |${HEADERS ? " node:http with the app's headers (BENCH_HEADERS) |" : ''}`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${HEADERS ? ' ---: |' : ''}`,
    ...rows,
    '',
  );
  writeReport(lines.join('\n'));
} catch (error) {
  if (!(error instanceof SearchOnly)) throw error;
  writeReport(lines.join('\n'));
} finally {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
