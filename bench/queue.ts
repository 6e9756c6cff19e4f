/**
 * `npm run bench:queue`: the assessment queue (50 rows a page) for a signed-in team member over
 * 1,000 submitted registrations, against a bare node:http server sending the same bytes, in the
 * same run. Appends to bench/RESULTS.md.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { sql } from 'kysely';
import { connect } from '../src/db/connect.ts';
import { ensureUser } from '../src/features/accounts/index.ts';
import { createSession, SESSION_COOKIE } from '../src/platform/session/session.ts';
import { HttpClient } from '../test/http-client.ts';
import { VALID } from '../test/registration-fixtures.ts';
import { benchEnv, CONNECTIONS, DURATION, machine, measure, type Result, start, startApp, waitForOutbox, writeReport } from './lib.ts';

const COUNT = Number(process.env.BENCH_REGISTRATIONS ?? 1000);
// BENCH_PEOPLE=50: /mijn once more with every connection signed in as someone else.
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 0);
// On the engine of DATABASE_URL (SQLite when unset): run it under scripts/with-postgres.sh for PostgreSQL.
const postgres = /^postgres/.test(process.env.DATABASE_URL ?? '');
const socket = /[?&]host=\//.test(process.env.DATABASE_URL ?? '');
const dir = mkdtempSync(join(tmpdir(), 'mkbroute-bench-'));
const children: ChildProcess[] = [];
try {
  const databasePath = join(dir, 'bench.sqlite');
  const env = benchEnv(postgres ? (process.env.DATABASE_URL as string) : `sqlite:${databasePath}`);
  const app = await startApp(env);
  children.push(app.child);
  const db = connect(postgres ? { kind: 'postgres', url: process.env.DATABASE_URL as string } : { kind: 'sqlite', path: databasePath });
  const team: string[] = [];
  for (let i = 0; i < 5; i++) team.push(await ensureUser(db, { email: `lid${i}@programma.nl`, role: 'team', name: `Teamlid ${i}` }));
  const institutions = (await db.selectFrom('institutions').select('brin').execute()).map((r) => r.brin);
  const sectors = (await db.selectFrom('sectors').select('code').execute()).map((r) => r.code);
  const states = ['submitted', 'in_review', 'info_requested', 'accepted', 'declined'] as const;
  const answers = JSON.stringify(Object.fromEntries(Object.entries(VALID).map(([k, v]) => [k, { values: v, complete: true }])));
  const year = new Date().getUTCFullYear();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < COUNT; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const at = new Date(Date.now() - (i % 90) * 86_400_000).toISOString();
      await trx
        .insertInto('registrations')
        .values({
          id,
          institution_brin: institutions[i % institutions.length] ?? '07GR',
          reference: `MKB-${year}-${String(i + 1).padStart(4, '0')}`,
          state: states[i % states.length] ?? 'submitted',
          version: 1,
          answers,
          title: `Opleiding ${i}`,
          sector: sectors[i % sectors.length] ?? 'C',
          participation_wish: ['pilot', 'development', 'knowledge'][i % 3] ?? 'pilot',
          created_by: null,
          created_at: at,
          updated_by: null,
          updated_at: at,
          submitted_at: at,
          withdrawn_reason: null,
          reopened_steps: null,
        })
        .execute();
      await trx
        .insertInto('assignments')
        .values({ registration_id: id, user_id: team[i % team.length] ?? '', assigned_by: null, assigned_at: at })
        .execute();
    }
  });

  await sql.raw(postgres ? 'vacuum analyze' : 'analyze').execute(db);
  // The scheduled jobs first run a minute after the start; over this generated backlog (1,000
  // registrations nobody assessed) their first pass sends a reminder for each, once. Measured
  // before that pass, a page's tail is the backlog's, not the page's; so wait for it (and say how
  // long it took). BENCH_NO_JOB_WAIT=1 measures straight away.
  let jobsNote = 'measured straight after the data was generated (the scheduled jobs may run during it)';
  if (!process.env.BENCH_NO_JOB_WAIT) {
    const waitStarted = Date.now();
    for (;;) {
      const rows = await db.selectFrom('job_runs').select(['last_run_at']).execute();
      if (rows.length > 0 && rows.every((r) => r.last_run_at !== null)) break;
      if (Date.now() - waitStarted > 180_000) throw new Error('the scheduled jobs did not finish their first pass within 3 minutes');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const waited = Math.round((Date.now() - waitStarted) / 1000);
    // Then for the outbox to deliver them: each delivery is a write the assessment page's counter watches.
    jobsNote = `measured after the scheduled jobs' first pass (waited ${waited} s) and ${await waitForOutbox(db)}`;
  }
  const http = new HttpClient(`http://127.0.0.1:${app.port}`);
  await http.get('/inloggen');
  await http.post('/inloggen', { email: 'lid0@programma.nl' });
  const mail = await db
    .selectFrom('outbox')
    .select('body_text')
    .where('to_address', '=', 'lid0@programma.nl')
    .where('body_text', 'like', '%token=%')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  await http.post('/inloggen/link', { token: /token=([\w-]+)/.exec(mail.body_text)?.[1] ?? '' });
  // BENCH_PEOPLE: half of them team members, half staff of a hogeschool (each of another one, so
  // each sees its own registrations), signed in through the platform's sessions (the sign-in form
  // allows 30 requests per 10 minutes from one address).
  const people: { email: string; session: string }[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const email = `persoon${i}@${i % 2 ? 'hogeschool.nl' : 'programma.nl'}`;
    const institutionBrin = institutions[Math.floor(i / 2) % institutions.length] ?? null;
    const userId = await ensureUser(db, { email, role: i % 2 ? 'applicant' : 'team', name: `Persoon ${i}`, institutionBrin });
    people.push({ email, session: await createSession(db, { userId }, null) });
  }
  await db.destroy();
  // As a browser after signing in: the first page sets the CSRF secret cookie and every later
  // request sends it back (without it, every page would make a new secret: crypto a browser never causes).
  await http.get('/mijn');
  if (!http.cookies.has('_csrf')) throw new Error('no CSRF cookie after the first page');
  const headers = { cookie: [...http.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  const url = `http://127.0.0.1:${app.port}/beheer/aanmeldingen`;
  const page = await (await fetch(url, { headers })).text();
  if (!page.includes(`${COUNT} aanmeldingen`)) throw new Error('the queue does not show the generated registrations');
  const bytesFile = join(dir, 'queue.html');
  writeFileSync(bytesFile, page);
  const raw = await start(['bench/serve-raw.ts', bytesFile], env);
  children.push(raw.child);

  const ceiling = await measure('node:http, same bytes (ceiling)', `http://127.0.0.1:${raw.port}/`, {}, CONNECTIONS, raw.child.pid);
  const queuePage = await measure(
    `app: queue page 1 of ${COUNT} registrations (team member)`,
    url,
    { headers },
    CONNECTIONS,
    app.child.pid,
  );
  const filtered = await measure(
    'app: queue filtered (state + sector), sorted by hogeschool',
    `${url}?state=in_review&sector=C&sort=institution`,
    { headers },
    CONNECTIONS,
    app.child.pid,
  );

  // Two more signed-in pages, each against a node:http server sending its own exact bytes.
  const others: [Result, Result][] = [];
  for (const [label, path] of [
    [
      'app: assessment page of one registration (team member)',
      `/beheer/aanmeldingen/00000000-0000-4000-8000-${String(1).padStart(12, '0')}`,
    ],
    ['app: /mijn (team member)', '/mijn'],
  ] as const) {
    const pageUrl = `http://127.0.0.1:${app.port}${path}`;
    const body = await fetch(pageUrl, { headers });
    if (body.status !== 200) throw new Error(`${path} answered ${body.status}`);
    const file = join(dir, `page-${others.length}.html`);
    writeFileSync(file, await body.text());
    const server = await start(['bench/serve-raw.ts', file], env);
    children.push(server.child);
    const own = await measure(
      `node:http, same bytes as ${path} (ceiling)`,
      `http://127.0.0.1:${server.port}/`,
      {},
      CONNECTIONS,
      server.child.pid,
    );
    others.push([own, await measure(label, pageUrl, { headers }, CONNECTIONS, app.child.pid)]);
  }

  // BENCH_WRITES=1,10,50: /mijn again while another connection changes a registration that many
  // times a second (each time another one: each change raises its hogeschool's counter, so the
  // kept /mijn of that hogeschool's staff is made afresh once).
  const writes: { rate: number; done: number; result: Result; own: Result }[] = [];
  const rates = (process.env.BENCH_WRITES ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const mijn = `http://127.0.0.1:${app.port}/mijn`;
  const mijnCeiling = others[1]?.[0] ?? ceiling;
  // The connection that makes the changes, when any are asked for.
  const writer =
    rates.length > 0
      ? connect(postgres ? { kind: 'postgres', url: process.env.DATABASE_URL as string } : { kind: 'sqlite', path: databasePath })
      : null;
  const failed: string[] = [];
  /** Runs `measurement` while `rate` changes a second are made (none at 0); the result and how many were made. */
  const underWrites = async (rate: number, measurement: () => Promise<Result>) => {
    let done = 0;
    let busy = false;
    const timer =
      rate > 0
        ? setInterval(() => {
            if (busy) return;
            busy = true;
            writer
              ?.updateTable('registrations')
              .set({ updated_at: new Date().toISOString() })
              .where('id', '=', `00000000-0000-4000-8000-${String(done % COUNT).padStart(12, '0')}`)
              .execute()
              .then(
                () => {
                  done++;
                  busy = false;
                },
                (error: unknown) => {
                  failed.push(String(error));
                  busy = false;
                },
              );
          }, 1000 / rate)
        : undefined;
    const result = await measurement();
    clearInterval(timer);
    return { rate, done, result, own: mijnCeiling };
  };
  for (const rate of rates) {
    writes.push(
      await underWrites(rate, () =>
        measure(`app: /mijn (team member) while ${rate} changes a second are made`, mijn, { headers }, CONNECTIONS, app.child.pid),
      ),
    );
  }

  // BENCH_PEOPLE: /mijn with each connection another person (its own session and CSRF cookie), at
  // rest and at each BENCH_WRITES rate: a change makes the next view of its hogeschool's staff a new page.
  const crowd: typeof writes = [];
  if (people.length) {
    const cookies: string[] = [];
    for (const person of people) {
      const session = `${SESSION_COOKIE}=${person.session}`;
      const first = await fetch(mijn, { headers: { cookie: session } });
      const html = await first.text();
      const csrf = /_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1];
      if (first.status !== 200 || !csrf || !html.includes(person.email))
        throw new Error(`/mijn of ${person.email} did not show it signed in`);
      cookies.push(`${session}; _csrf=${csrf}`);
    }
    let next = 0;
    const setupClient = (client: { setHeaders: (headers: Record<string, string>) => void }) => {
      client.setHeaders({ cookie: cookies[next++ % cookies.length] ?? '' });
    };
    for (const rate of [0, ...rates]) {
      crowd.push(
        await underWrites(rate, () =>
          measure(
            `app: /mijn, each connection one of ${people.length} people${rate ? `, while ${rate} changes a second are made` : ''}`,
            mijn,
            { setupClient } as Partial<autocannon.Options>,
            CONNECTIONS,
            app.child.pid,
          ),
        ),
      );
    }
  }
  await writer?.destroy();
  if (failed.length) throw new Error(`${failed.length} of the bench's changes failed: ${failed[0]}`);

  const machineName = machine();
  const row = (r: Result, base = ceiling) =>
    `| ${r.label} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${((r.rps / base.rps) * 100).toFixed(1)} % | ${r.cpuUs ?? ''} | ${r.bytes} | ${r.errors + r.non2xx} |`;
  const report = [
    '',
    `## Assessment queue (${COUNT} registrations) vs node:http ceiling — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineName}. Command: \`${COUNT === 1000 ? '' : `BENCH_REGISTRATIONS=${COUNT} `}${rates.length ? `BENCH_WRITES=${rates.join(',')} ` : ''}${PEOPLE ? `BENCH_PEOPLE=${PEOPLE} ` : ''}${postgres && socket ? 'PG_SOCKET=1 ' : ''}${postgres ? 'scripts/with-postgres.sh ' : ''}npm run bench:queue\` (${CONNECTIONS} connections, ${DURATION} s after a 2 s warm-up; ${postgres ? `PostgreSQL 15 ${socket ? 'through its Unix socket' : 'over TCP on 127.0.0.1'}` : 'SQLite'}). Signed-in team member; 50 rows a page with assignees, counts per state and filter lists; ${jobsNote}.`,
    '',
    '| what | req/s | p50 ms | p99 ms | of ceiling | CPU µs/req | bytes/resp | errors + non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(ceiling),
    row(queuePage),
    row(filtered),
    ...others.flatMap(([own, r]) => [row(own, own), row(r, own)]),
    ...writes.map((w) => row(w.result, w.own)),
    ...crowd.map((w) => row(w.result, w.own)),
    '',
    ...(writes.length
      ? [
          `Under writes (\`BENCH_WRITES=${rates.join(',')}\`), against the /mijn ceiling above: ${writes.map((w) => `${w.done.toLocaleString('en-US')} changes in the ${w.rate}/s run`).join(', ')} (warm-up included; each raises its hogeschool's \`/mijn\` counter once).`,
          '',
        ]
      : []),
    ...(crowd.length
      ? [
          `With \`BENCH_PEOPLE=${people.length}\`: each connection signed in as another person (even: team members; odd: staff of a hogeschool, ${Math.min(Math.ceil(people.length / 2), institutions.length)} hogescholen, each seeing its own registrations on /mijn), against the ceiling of the team member's /mijn above (the pages differ in size: see bytes/resp). Changes made: ${crowd.map((w) => `${w.done.toLocaleString('en-US')} at ${w.rate}/s`).join(', ')}.`,
          '',
        ]
      : []),
  ].join('\n');
  writeReport(report);
} finally {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
