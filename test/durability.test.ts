import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { connect } from '../src/db/connect.ts';
import { ensureUser } from '../src/features/accounts/index.ts';
import { ENGINE, freshDatabaseUrl, linkToken, testConfig } from './helpers.ts';
import { HttpClient } from './http-client.ts';

test(`a step the server acknowledged survives a kill -9 right after (${ENGINE})`, async (t) => {
  const databaseUrl = await freshDatabaseUrl(t);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH, NODE_ENV: 'development', DEMO_CONTENT: 'off', DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += String(c);
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m && out.includes('De inloglink staat daarna')) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const db = connect(testConfig(databaseUrl).database);
  t.after(() => db.destroy());
  await ensureUser(db, { email: 'anna@avans.nl', role: 'applicant', institutionBrin: '07GR' });

  const http = new HttpClient(`http://127.0.0.1:${port}`);
  await http.get('/inloggen');
  await http.post('/inloggen', { email: 'anna@avans.nl' });
  const mail = await db.selectFrom('outbox').select('body_text').executeTakeFirstOrThrow();
  await http.get(`/inloggen/link?token=${linkToken(mail.body_text)}`);
  await http.post('/inloggen/link', { token: linkToken(mail.body_text) });
  await http.get('/aanmelden');
  const started = await http.post('/aanmelden', {});
  const id = /\/aanmelden\/([0-9a-f-]{36})\//.exec(started.location ?? '')?.[1] ?? '';
  await http.get(`/aanmelden/${id}/organisatie`);
  const saved = await http.post(`/aanmelden/${id}/organisatie`, { contact_name: 'Overleeft Kill', actie: 'later' });
  assert.equal(saved.status, 303);
  const died = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await died;

  const row = await db.selectFrom('registrations').select('answers').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(JSON.parse(row.answers).organisatie.values.contact_name, 'Overleeft Kill');
});
