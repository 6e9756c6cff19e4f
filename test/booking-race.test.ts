import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { test } from 'node:test';
import { prepareDatabase } from '../src/boot.ts';
import { connect } from '../src/db/connect.ts';
import { publishSlots, signLink } from '../src/features/kickoffs/index.ts';
import { registration, user } from './factories.ts';
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

  // Every kick-off comes from an accepted registration, made through the services (test/factories.ts).
  const site = { db, config };
  const host = await user(db, 'host@programma.nl', 'team');
  const now = Date.now();
  const made: string[] = [];
  for (let i = 0; i < ROUNDS * 2; i++) {
    const applicant = await user(db, `aanvrager${i}@avans.nl`, 'applicant');
    made.push((await registration(site, 'accepted', { applicant, team: host })).id);
  }
  const input = Array.from({ length: ROUNDS }, (_, i) => {
    const starts = new Date(now + (i + 2) * 86_400_000).toISOString();
    return {
      hostId: host.id,
      startsAt: starts,
      endsAt: new Date(Date.parse(starts) + 3_600_000).toISOString(),
      mode: 'online' as const,
      link: 'https://meet.example/x',
      address: null,
    };
  });
  await publishSlots(db, config, host, input);
  const slots = (await db.selectFrom('slots').select('id').orderBy('starts_at').execute()).map((r) => r.id);
  const kickoffs = await db.selectFrom('kickoffs').select(['id', 'registration_id', 'link_nonce']).execute();
  const kickoffOf = (registrationId: string) => {
    const k = kickoffs.find((r) => r.registration_id === registrationId);
    if (!k) throw new Error(`no kick-off for ${registrationId}`);
    return k;
  };
  const nonces = new Map(kickoffs.map((k) => [k.id, k.link_nonce]));
  const pairs = Array.from({ length: ROUNDS }, (_, i) => ({ a: kickoffOf(made[2 * i] ?? '').id, b: kickoffOf(made[2 * i + 1] ?? '').id }));

  const [portA, portB] = await Promise.all([server(databaseUrl, t), server(databaseUrl, t)]);
  const clientA = new HttpClient(`http://127.0.0.1:${portA}`);
  const clientB = new HttpClient(`http://127.0.0.1:${portB}`);
  const key = (k: string) => signLink(SECRET, k, nonces.get(k) ?? '');
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
