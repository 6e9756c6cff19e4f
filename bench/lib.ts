import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Db } from '../src/db/connect.ts';

export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

/** Starts a bench server script (TypeScript, through tsx) in its own process; resolves with its port. */
export function start(
  args: string[],
  env: NodeJS.ProcessEnv,
  loader: string[] = ['--import', 'tsx'],
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [...loader, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const m = /listening (\d+)/.exec(out) ?? /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

export type Result = {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytes: number;
  /** CPU time of the server process per answered request, in µs (when its pid was given). */
  cpuUs: number | null;
};

const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/** User + system CPU time a process has used so far, in µs (Linux, /proc). */
function cpuTimeOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": state is field 3, utime 14 and stime 15.
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1e6;
}

/**
 * 2 s warm-up, then the measured run; extra autocannon options (method, body, headers) pass through.
 * With `pid`, the server process's CPU time per answered request in the measured run too: steadier
 * than req/s on a machine whose speed drifts, for a before/after of one change.
 */
export async function measure(
  label: string,
  url: string,
  options: Partial<autocannon.Options> = {},
  connections = CONNECTIONS,
  pid?: number,
): Promise<Result> {
  await autocannon({ url, connections, duration: 2, ...options }); // warm-up
  const cpuBefore = pid ? cpuTimeOf(pid) : 0;
  const r = await autocannon({ url, connections, duration: DURATION, ...options });
  const cpu = pid ? cpuTimeOf(pid) - cpuBefore : null;
  return {
    cpuUs: cpu === null ? null : Math.round(cpu / Math.max(r.requests.total, 1)),
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx - (options.method === 'POST' ? r['3xx'] : 0),
    bytes: Math.round(r.throughput.average / Math.max(r.requests.average, 1)),
  };
}

/** The environment every bench app process runs with: production-like logging, a SQLite file. */
export function benchEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
  };
}

/** Prints a report and appends it to bench/RESULTS.md (unless BENCH_NO_WRITE is set). */
export function writeReport(report: string): void {
  process.stdout.write(report);
  if (!process.env.BENCH_NO_WRITE) appendFileSync(new URL('./RESULTS.md', import.meta.url), report);
}

let built = false;

/**
 * The app as production runs it: `npm run build` once per bench run, then `node dist/server.js`
 * (compiled JavaScript, no TypeScript loader), with the outbox worker and the scheduled jobs.
 */
export async function startApp(env: NodeJS.ProcessEnv, flags = startFlags()): Promise<{ child: ChildProcess; port: number }> {
  if (!built) {
    execSync('npm run build', { stdio: 'ignore' });
    built = true;
  }
  // BENCH_CPU_PROF=<dir>: the app writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_NODE_FLAGS="--trace-gc": more of Node's flags for the app; BENCH_APP_LOG=<file>: its
  // output (the request log, and what such flags print) kept in that file instead of dropped.
  const extra = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const app = await start(['dist/server.js'], { ...env, DEMO_CONTENT: 'off' }, [...flags, ...profile, ...extra]);
  if (process.env.BENCH_APP_LOG) app.child.stdout?.pipe(createWriteStream(process.env.BENCH_APP_LOG, { flags: 'a' }));
  return app;
}

/** Node's flags of `npm start` (package.json), so the bench runs the server exactly as production does. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('dist/server.js')).filter((w) => w.startsWith('--'));
}

/** Resident memory of a process, in MB. */
export function rssOf(pid: number | undefined): number {
  return Math.round(Number(execSync(`ps -o rss= -p ${pid}`).toString().trim()) / 1024);
}

/**
 * The headers of an answer as the app sent them, less the ones Node writes for each response itself,
 * as a JSON file for `bench/serve-raw.ts` (its third argument): the ceiling with the app's headers.
 */
export function headersFile(dir: string, headers: Headers): { file: string; count: number } {
  const sent = [...headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name));
  const file = join(dir, 'headers.json');
  writeFileSync(file, JSON.stringify(sent));
  return { file, count: sent.length };
}

/** The machine a result was measured on, as every report names it: cores, CPU model, memory, Node. */
export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/**
 * Waits while the outbox still delivers what the data generation queued (the app's worker sends
 * about ten a second): each delivery is a write, and a backlog of them during a measurement is the
 * backlog's cost, not the page's. Waits while the number of unsent mails still falls, at most
 * `BENCH_DRAIN_SECONDS` (180); returns a sentence for the report.
 */
export async function waitForOutbox(db: Db): Promise<string> {
  const count = async (unsentOnly: boolean) =>
    Number(
      (
        await db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .$if(unsentOnly, (q) => q.where('sent_at', 'is', null))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const queued = await count(false);
  const started = Date.now();
  const limit = Number(process.env.BENCH_DRAIN_SECONDS ?? 180) * 1000;
  for (let left = await count(true), still = 0; left > 0 && still < 10 && Date.now() - started < limit; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await count(true);
    still = now < left ? 0 : still + 1;
    left = now;
  }
  return `the outbox's delivery of the ${queued.toLocaleString('en-US')} mails queued (${(await count(true)).toLocaleString('en-US')} left unsent; waited ${Math.round((Date.now() - started) / 1000)} s)`;
}
