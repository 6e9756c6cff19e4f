/**
 * `npm run bench:memory`: the server's resident memory under the loads that grew it most
 * (keep-alive off at 50 connections, 200 keep-alive connections), with `npm start`'s Node flags
 * against the same flags without the V8 heap cap, runs interleaved (A, B, A, B, …) so that this
 * machine's drift falls on both. Peak RSS is sampled with `ps` every second. BENCH_ROUNDS (3) and
 * BENCH_SECONDS (30) set the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchEnv, machine, rssOf, startApp, startFlags, writeReport } from './lib.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const withCap = startFlags();
const withoutCap = withCap.filter((f) => !f.startsWith('--max-old-space-size'));
if (withCap.length === withoutCap.length) throw new Error('npm start sets no --max-old-space-size: nothing to compare');

const loads = [
  { label: 'keep-alive off, 50 connections', options: { connections: 50, headers: { connection: 'close' } } },
  { label: '200 connections, keep-alive', options: { connections: 200 } },
];

type Sample = { rps: number; p99: number; peak: number; errors: number };
async function once(flags: string[], load: (typeof loads)[number]): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'mkbroute-memory-'));
  const app = await startApp(benchEnv(`sqlite:${join(dir, 'bench.sqlite')}`), flags);
  try {
    const url = `http://127.0.0.1:${app.port}/`;
    await autocannon({ url, connections: 50, duration: 3 }); // warm-up: the home page into the render cache
    let peak = rssOf(app.child.pid);
    const timer = setInterval(() => {
      peak = Math.max(peak, rssOf(app.child.pid));
    }, 1000);
    const r = await autocannon({ url, duration: SECONDS, ...load.options });
    clearInterval(timer);
    peak = Math.max(peak, rssOf(app.child.pid));
    return { rps: r.requests.average, p99: r.latency.p99, peak, errors: r.errors + r.timeouts + r.non2xx };
  } finally {
    app.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: string[] = [];
for (const load of loads) {
  const runs: Record<'cap' | 'none', Sample[]> = { cap: [], none: [] };
  for (let i = 0; i < ROUNDS; i++) {
    runs.cap.push(await once(withCap, load));
    runs.none.push(await once(withoutCap, load));
  }
  for (const [which, samples] of Object.entries(runs)) {
    const mean = (f: (s: Sample) => number) => samples.reduce((n, s) => n + f(s), 0) / samples.length;
    rows.push(
      `| ${load.label} | ${which === 'cap' ? '`npm start` flags' : 'the same without `--max-old-space-size`'} | ${samples.map((s) => s.peak).join(', ')} | ${Math.round(mean((s) => s.rps)).toLocaleString('en-US')} (${samples.map((s) => Math.round(s.rps)).join(', ')}) | ${Math.round(mean((s) => s.p99))} | ${samples.reduce((n, s) => n + s.errors, 0)} |`,
    );
  }
}

const machineName = machine();
writeReport(
  [
    '',
    `## Memory: the V8 heap cap, A/B interleaved — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineName}. Command: \`npm run bench:memory\` (${ROUNDS} rounds of ${SECONDS} s per load and flag set, interleaved; compiled server on SQLite, home page; \`npm start\` flags: \`${withCap.join(' ')}\`).`,
    '',
    '| load | Node flags | peak RSS MB per run | req/s mean (per run) | p99 ms mean | errors |',
    '| --- | --- | --- | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n'),
);
