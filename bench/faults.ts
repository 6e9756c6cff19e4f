/**
 * `npm run bench:faults`: the compiled app under the loads of issue 10's "bad input and faults":
 * 60 s with keep-alive off, 60 s at 200 connections, and slow clients (slowloris: requests whose
 * headers trickle in) while normal load runs. Reports throughput, errors, and resident memory
 * sampled every 5 s (start, highest, end), and how long the server let the slow clients hang; and
 * 200 connections against an app whose log goes into a pipe that is read slowly.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchEnv, machine, rssOf, start, startApp, writeReport } from './lib.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const SLOW_CLIENTS = Number(process.env.BENCH_SLOW_CLIENTS ?? 300);

type Run = { label: string; rps: number; p99: number; errors: number; non2xx: number; rss: number[] };

async function run(label: string, pid: number | undefined, options: autocannon.Options): Promise<Run> {
  const rss: number[] = [rssOf(pid)];
  const sampler = setInterval(() => rss.push(rssOf(pid)), 5000);
  const r = await autocannon(options);
  clearInterval(sampler);
  rss.push(rssOf(pid));
  return { label, rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, rss };
}

/** Opens sockets that send a request line and then one header line every 2 s, never finishing. */
function slowClients(port: number, count: number): { closedAfter: number[]; stop: () => void } {
  const closedAfter: number[] = [];
  const sockets: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  for (let i = 0; i < count; i++) {
    const opened = Date.now();
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      let n = 0;
      const timer = setInterval(() => {
        if (!socket.destroyed) socket.write(`X-Traag-${n++}: ja\r\n`);
      }, 2000);
      timers.push(timer);
    });
    socket.on('error', () => {});
    socket.on('close', () => closedAfter.push((Date.now() - opened) / 1000));
    sockets.push(socket);
  }
  return {
    closedAfter,
    stop: () => {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'mkbroute-bench-faults-'));
const children: ChildProcess[] = [];
try {
  const app = await startApp(benchEnv(`sqlite:${join(dir, 'bench.sqlite')}`));
  children.push(app.child);
  const url = `http://127.0.0.1:${app.port}/`;
  await autocannon({ url, connections: 50, duration: 3 }); // warm-up

  const baseline = await run('50 connections, no slow clients (baseline)', app.child.pid, { url, connections: 50, duration: 20 });
  const slow = slowClients(app.port, SLOW_CLIENTS);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const withSlow = await run(`50 connections while ${SLOW_CLIENTS} slow clients trickle headers`, app.child.pid, {
    url,
    connections: 50,
    duration: 20,
  });
  const stillOpen = SLOW_CLIENTS - slow.closedAfter.length;
  slow.stop();
  const cut = [...slow.closedAfter].sort((a, b) => a - b);
  const wide = await run('200 connections, keep-alive', app.child.pid, { url, connections: 200, duration: SECONDS });
  const closeEach = await run('app: keep-alive off (`Connection: close`), 50 connections', app.child.pid, {
    url,
    connections: 50,
    duration: SECONDS,
    headers: { connection: 'close' },
  });
  const closedAt = Date.now();
  const bytesFile = join(dir, 'home.html');
  writeFileSync(bytesFile, await (await fetch(url)).text());

  // A second app whose log (info: a line per request) goes into a pipe read 16 KB every 100 ms,
  // ~160 KB/s against the several MB/s the log runs at under this load: what stays waiting in the
  // app must stay bounded (logging.ts), and what did not fit is counted and said in the log.
  const slowApp = await startApp(benchEnv(`sqlite:${join(dir, 'bench.sqlite')}`));
  children.push(slowApp.child);
  const out = slowApp.child.stdout;
  out?.pause();
  let logBytes = 0;
  let partial = '';
  // The app's lines about what it dropped: how many, and the highest total since its start they told.
  const warned = { lines: 0, total: 0 };
  const reader = setInterval(() => {
    const chunk = out?.read(16_384) ?? out?.read();
    if (!chunk) return;
    logBytes += chunk.length;
    const lines = (partial + String(chunk)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = /"droppedTotal":(\d+)/.exec(line);
      if (!m) continue;
      warned.lines++;
      warned.total = Math.max(warned.total, Number(m[1]));
    }
  }, 100);
  const slowUrl = `http://127.0.0.1:${slowApp.port}/`;
  await autocannon({ url: slowUrl, connections: 50, duration: 3 });
  const slowLog = await run('app: 200 connections, its log read 16 KB per 100 ms', slowApp.child.pid, {
    url: slowUrl,
    connections: 200,
    duration: SECONDS,
  });
  // The app says once a minute how many lines it dropped since it started; wait for the first such
  // line written after the load stopped (the reader, still slow, catches up with the backlog meanwhile).
  const before = warned.lines;
  for (let i = 0; i < 75 && warned.lines === before; i++) await new Promise((resolve) => setTimeout(resolve, 1000));
  clearInterval(reader);
  const dropped = warned.total;
  slowApp.child.kill('SIGTERM');

  // The same load against node:http sending the same bytes, once the closed connections of the
  // app's keep-alive-off run have left TIME_WAIT (60 s here): what this machine can do with a new connection per request.
  const raw = await start(['bench/serve-raw.ts', bytesFile], benchEnv(''));
  children.push(raw.child);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 61_000 - (Date.now() - closedAt))));
  const ceilingClose = await run('node:http, same bytes: keep-alive off, 50 connections (ceiling)', raw.child.pid, {
    url: `http://127.0.0.1:${raw.port}/`,
    connections: 50,
    duration: SECONDS,
    headers: { connection: 'close' },
  });

  const machineName = machine();
  const row = (r: Run) =>
    `| ${r.label} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.rss[0]} → ${Math.max(...r.rss)} → ${r.rss.at(-1)} |`;
  writeReport(
    [
      '',
      `## Faults: keep-alive off, 200 connections, slow clients — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${machineName}. Command: \`npm run bench:faults\` (compiled server on SQLite, home page, logs at info into a pipe the bench drains; ${SECONDS} s runs, RSS sampled every 5 s).`,
      '',
      '| load | req/s | p99 ms | errors + timeouts | non-2xx | RSS MB: start → highest → end |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      row(baseline),
      row(withSlow),
      row(wide),
      row(closeEach),
      row(ceilingClose),
      row(slowLog),
      '',
      `Slow log reader: it read ${(logBytes / 2 ** 20).toFixed(1)} MB of log; the app said it dropped ${dropped.toLocaleString('en-US')} lines (of ~${Math.round(slowLog.rps * SECONDS).toLocaleString('en-US')} requests).`,
      '',
      `Slow clients: ${SLOW_CLIENTS} opened; the server closed ${cut.length} of them after ${cut[0]?.toFixed(1) ?? '–'}–${cut.at(-1)?.toFixed(1) ?? '–'} s (headers timeout), ${stillOpen} were still open when the run ended.`,
      '',
    ].join('\n'),
  );
} finally {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
