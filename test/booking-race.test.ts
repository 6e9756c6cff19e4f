import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { test } from 'node:test';
import { prepareDatabase } from '../src/boot.ts';
import { connect } from '../src/db/connect.ts';
import { ensureUser } from '../src/features/accounts/index.ts';
import { signLink } from '../src/features/kickoffs/index.ts';
import { ENGINE, freshDatabaseUrl, testConfig } from './helpers.ts';
import { HttpClient } from './http-client.ts';

const SECRET = 'race-secret-race-secret-race-secret-race';
const ROUNDS = 50;

async function server(databaseUrl: string, t: { after: (fn: () => void) => void }): Promise<number> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DEMO_CONTENT: 'off',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      SESSION_SECRET: SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (c) => {
      out += String(c);
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m && out.includes('De inloglink staat daarna')) resolve(Number(m[1]));
    });
    child.stderr?.on('data', (c) => {
      out += String(c);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

test(`two processes booking the same slot at once: exactly one booking, ${ROUNDS} times over (${ENGINE})`, async (t) => {
  const databaseUrl = await freshDatabaseUrl(t);
  const config = testConfig(databaseUrl, { SESSION_SECRET: SECRET });
  const { db } = await prepareDatabase(config, connect(config.database));
  t.after(() => db.destroy());

  const host = await ensureUser(db, { email: 'host@programma.nl', role: 'team' });
  const now = Date.now();
  const slots: string[] = [];
  const pairs: { a: string; b: string }[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < ROUNDS; i++) {
      const slot = `slot-${i}`;
      const starts = new Date(now + (i + 2) * 86_400_000).toISOString();
      await trx
        .insertInto('slots')
        .values({
          id: slot,
          host_id: host,
          starts_at: starts,
          ends_at: new Date(Date.parse(starts) + 3_600_000).toISOString(),
          mode: 'online',
          link: 'https://meet.example/x',
          address: null,
          created_by: host,
          created_at: new Date().toISOString(),
        })
        .execute();
      slots.push(slot);
      const pair = { a: `k-${i}-a`, b: `k-${i}-b` };
      for (const k of [pair.a, pair.b]) {
        await trx
          .insertInto('registrations')
          .values({
            id: `r-${k}`,
            institution_brin: '07GR',
            reference: `MKB-R-${k}`,
            state: 'accepted',
            answers: '{}',
            title: k,
            created_by: null,
            created_at: new Date().toISOString(),
            updated_by: null,
            updated_at: new Date().toISOString(),
            submitted_at: null,
            withdrawn_reason: null,
            reopened_steps: null,
          })
          .execute();
        await trx
          .insertInto('kickoffs')
          .values({
            id: k,
            registration_id: `r-${k}`,
            state: 'invited',
            slot_id: null,
            link_nonce: 'n',
            invited_at: new Date().toISOString(),
            updated_at: new Date().toISOString(),
          })
          .execute();
      }
      pairs.push(pair);
    }
  });

  const [portA, portB] = await Promise.all([server(databaseUrl, t), server(databaseUrl, t)]);
  const clientA = new HttpClient(`http://127.0.0.1:${portA}`);
  const clientB = new HttpClient(`http://127.0.0.1:${portB}`);
  const key = (k: string) => signLink(SECRET, k, 'n');
  await clientA.get(`/startgesprek/${pairs[0]?.a}?sleutel=${key(pairs[0]?.a ?? '')}`);
  await clientB.get(`/startgesprek/${pairs[0]?.b}?sleutel=${key(pairs[0]?.b ?? '')}`);
  assert.ok(clientA.csrf && clientB.csrf);

  const results = await Promise.all(
    pairs.map(async (pair, i) => {
      const slot = slots[i] ?? '';
      const [a, b] = await Promise.all([
        clientA.post(`/startgesprek/${pair.a}/boeken`, { slot, sleutel: key(pair.a) }),
        clientB.post(`/startgesprek/${pair.b}/boeken`, { slot, sleutel: key(pair.b) }),
      ]);
      return { a, b };
    }),
  );

  const statuses = results.map((r) => [r.a.status, r.b.status].sort().join('+'));
  assert.deepEqual([...new Set(statuses)], ['303+409'], 'every round: one booked, one told the slot is gone');
  for (const r of results) {
    const loser = r.a.status === 409 ? r.a : r.b;
    assert.match(loser.body, /Dit tijdstip is net vergeven/);
  }
  const booked = await db.selectFrom('kickoffs').select(['slot_id']).where('state', '=', 'booked').execute();
  assert.equal(booked.length, ROUNDS);
  assert.equal(new Set(booked.map((b) => b.slot_id)).size, ROUNDS, 'no slot holds two meetings');
  assert.equal(
    await db
      .selectFrom('kickoffs')
      .select('id')
      .where('state', '=', 'invited')
      .execute()
      .then((r) => r.length),
    ROUNDS,
  );
});
