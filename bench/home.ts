/**
 * `npm run bench`: the home page of the app (SQLite) against a bare node:http server sending the
 * same bytes, measured in the same run with autocannon. Each server runs in its own process; the
 * load generator runs in this one. A third server sends the same body with every header the app
 * sends (its security headers, etag, vary, a request id): what those headers alone cost Node, so
 * that the ratio can be read against both. Appends the results to bench/RESULTS.md.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchEnv, CONNECTIONS, DURATION, headersFile, machine, measure, type Result, start, startApp, writeReport } from './lib.ts';

const dir = mkdtempSync(join(tmpdir(), 'mkbroute-bench-'));
const children: ChildProcess[] = [];
try {
  const env = benchEnv(`sqlite:${join(dir, 'bench.sqlite')}`);
  const app = await startApp(env);
  children.push(app.child);
  await fetch(`http://127.0.0.1:${app.port}/`);
  // The second answer comes from the render cache: its body and headers are what the load gets.
  // (autocannon asks for no encoding, so neither does this request.)
  const cached = await fetch(`http://127.0.0.1:${app.port}/`, { headers: { 'accept-encoding': 'identity' } });
  const home = await cached.text();
  const bytesFile = join(dir, 'home.html');
  writeFileSync(bytesFile, home);
  const raw = await start(['bench/serve-raw.ts', bytesFile], env);
  children.push(raw.child);
  // The request id as one fixed value of the same length.
  const headers = headersFile(dir, cached.headers);
  const rawWithHeaders = await start(['bench/serve-raw.ts', bytesFile, '0', headers.file], env);
  children.push(rawWithHeaders.child);

  const ceiling = await measure('node:http, same bytes (ceiling)', `http://127.0.0.1:${raw.port}/`);
  const page = await measure('app: home page, anonymous (SQLite)', `http://127.0.0.1:${app.port}/`);
  const withHeaders = await measure(
    `node:http, same bytes with the app's ${headers.count} headers`,
    `http://127.0.0.1:${rawWithHeaders.port}/`,
  );
  const rss = await (async () => {
    const { execSync } = await import('node:child_process');
    return Math.round(Number(execSync(`ps -o rss= -p ${app.child.pid}`).toString().trim()) / 1024);
  })();

  const machineName = machine();
  const row = (r: Result) =>
    `| ${r.label} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${((r.rps / ceiling.rps) * 100).toFixed(1)} % | ${r.bytes} | ${r.errors + r.non2xx} |`;
  const report = [
    '',
    `## Home page vs node:http ceiling — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineName}. Command: \`npm run bench\` (${CONNECTIONS} connections, ${DURATION} s after a 2 s warm-up; servers in their own processes, autocannon in a third). App logs at info level to /dev/null.`,
    '',
    '| what | req/s | p50 ms | p99 ms | of ceiling | bytes/resp | errors + non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(ceiling),
    row(page),
    row(withHeaders),
    '',
    `Against the server with the app's headers, the app does ${((page.rps / withHeaders.rps) * 100).toFixed(1)} %.`,
    '',
    `App process RSS after the run: ${rss} MB.`,
    '',
  ].join('\n');
  writeReport(report);
} finally {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
