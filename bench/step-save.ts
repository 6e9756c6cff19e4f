/**
 * `npm run bench:step`: saving a registration step (POST + 303 redirect) by a signed-in applicant,
 * at 20 connections, against a bare node:http server answering the same request with a 303, in
 * the same run. Appends to bench/RESULTS.md.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../src/db/connect.ts';
import { ensureUser } from '../src/features/accounts/index.ts';
import { HttpClient } from '../test/http-client.ts';
import { benchEnv, DURATION, machine, measure, type Result, start, startApp, writeReport } from './lib.ts';

const CONNECTIONS = 20;
const dir = mkdtempSync(join(tmpdir(), 'mkbroute-bench-'));
const children: ChildProcess[] = [];
try {
  const databasePath = join(dir, 'bench.sqlite');
  const env = benchEnv(`sqlite:${databasePath}`);
  const app = await startApp(env);
  children.push(app.child);
  const db = connect({ kind: 'sqlite', path: databasePath });
  await ensureUser(db, { email: 'bench@avans.nl', role: 'applicant', institutionBrin: '07GR' });

  const http = new HttpClient(`http://127.0.0.1:${app.port}`);
  await http.get('/inloggen');
  await http.post('/inloggen', { email: 'bench@avans.nl' });
  const mail = await db.selectFrom('outbox').select('body_text').executeTakeFirstOrThrow();
  const token = /token=([\w-]+)/.exec(mail.body_text)?.[1] ?? '';
  await http.post('/inloggen/link', { token });
  await http.get('/aanmelden');
  const started = await http.post('/aanmelden', {});
  const id = /\/aanmelden\/([0-9a-f-]{36})\//.exec(started.location ?? '')?.[1] ?? '';
  await http.get(`/aanmelden/${id}/organisatie`);
  await db.destroy();

  const body = new URLSearchParams({
    _csrf: http.csrf,
    contact_name: 'Anna Ad',
    contact_role: 'Opleidingsmanager',
    contact_email: 'anna@avans.nl',
    contact_phone: '076 523 50 00',
    postal_postcode: '4818 AJ',
    actie: 'later',
  }).toString();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    cookie: [...http.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };

  const redirectFile = join(dir, 'redirect.txt');
  writeFileSync(redirectFile, 'See Other');
  const raw = await start(['bench/serve-raw.ts', redirectFile], env);
  children.push(raw.child);

  const options = { method: 'POST' as const, body, headers };
  const ceiling = await measure('node:http, POST answered (ceiling)', `http://127.0.0.1:${raw.port}/`, options, CONNECTIONS);
  const save = await measure(
    'app: save a registration step (POST + 303)',
    `http://127.0.0.1:${app.port}/aanmelden/${id}/organisatie`,
    options,
    CONNECTIONS,
  );

  const machineName = machine();
  const row = (r: Result) =>
    `| ${r.label} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${((r.rps / ceiling.rps) * 100).toFixed(1)} % | ${r.errors + r.non2xx} |`;
  const report = [
    '',
    `## Registration step save vs node:http ceiling — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineName}. Command: \`npm run bench:step\` (${CONNECTIONS} connections, ${DURATION} s after a 2 s warm-up). Each request is a signed-in applicant saving step 1 (validation, one transaction on SQLite with \`synchronous=FULL\`, 303 redirect). App logs at info level to /dev/null.`,
    '',
    '| what | req/s | p50 ms | p99 ms | of ceiling | errors + non-2xx/3xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row(ceiling),
    row(save),
    '',
  ].join('\n');
  writeReport(report);
} finally {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
