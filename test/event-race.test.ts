import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareDatabase } from '../src/boot.ts';
import { connect } from '../src/db/connect.ts';
import { createEvent, requestGuestRegistration } from '../src/features/events/index.ts';
import { user } from './factories.ts';
import { ENGINE, freshDatabaseUrl, testConfig } from './helpers.ts';
import { HttpClient } from './http-client.ts';
import { baseEnv, startServer } from './server-process.ts';

const SECRET = 'race-secret-race-secret-race-secret-race';
const PEOPLE = 100;
const SEATS = 10;

test(`two processes, ${PEOPLE} people for ${SEATS} seats at once: exactly ${SEATS} in, the rest waiting in order of arrival, nobody twice (${ENGINE})`, async (t) => {
  const databaseUrl = await freshDatabaseUrl(t);
  const config = testConfig(databaseUrl, { SESSION_SECRET: SECRET });
  const { db } = await prepareDatabase(config, connect(config.database));
  t.after(() => db.destroy());
  const team = await user(db, 'team@programma.nl', 'team');
  const start = new Date(Date.now() + 10 * 86_400_000).toISOString();
  const eventId = await createEvent(db, team, {
    title: 'Landelijke dag',
    description: 'Tekst',
    themes: [],
    audiences: ['hogeschool'],
    mode: 'location',
    link: null,
    address: 'Utrecht',
    startsAt: start,
    endsAt: new Date(Date.parse(start) + 3_600_000).toISOString(),
    deadline: start,
    capacity: SEATS,
    waitlist: true,
    reminderHours: 48,
    reminderText: '',
    organiserId: null,
    questions: [],
  });
  // Each person asked for a link (as guests do); all of them click it at the same moment.
  const tokens: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const email = `p${i}@voorbeeld.nl`;
    await requestGuestRegistration(db, config, eventId, { name: `P${i}`, email, answers: {} });
    const mail = await db.selectFrom('outbox').select('body_text').where('to_address', '=', email).executeTakeFirstOrThrow();
    tokens.push(decodeURIComponent(/bevestigen\?token=(\S+)/.exec(mail.body_text)?.[1] ?? ''));
  }

  const env = baseEnv(databaseUrl, { SESSION_SECRET: SECRET, DEMO_CONTENT: 'off' });
  const servers = await Promise.all([startServer(env), startServer(env)]);
  t.after(() => {
    for (const s of servers) s.child.kill('SIGKILL');
  });
  const clients = servers.map((s) => new HttpClient(`http://127.0.0.1:${s.port}`));
  for (const c of clients) await c.get(`/bijeenkomsten/${eventId}`);
  for (const c of clients) await c.get(`/bijeenkomsten/${eventId}/aanmelden`);
  assert.ok(clients.every((c) => c.csrf));

  // Every link is clicked twice, once on each process: a double click must not make two.
  const clicks = tokens.flatMap((token) => clients.map((c) => ({ c, token })));
  const answers = await Promise.all(clicks.map(({ c, token }) => c.post(`/bijeenkomsten/${eventId}/bevestigen`, { token })));
  // "Even niet beschikbaar" (503: no database connection free within the pool's wait) is an answer
  // a person can get when 200 clicks land at once on a machine that is busy with other tests; it
  // changes nothing and asks to try again, so the test does what the page says. Any other answer
  // is not retried, and the counts below say what came back.
  const statuses = answers.map((a) => a.status);
  const busy = statuses.filter((s) => s === 503).length;
  for (const [i, status] of statuses.entries()) {
    const click = clicks[i];
    if (status === 503 && click) statuses[i] = (await click.c.post(`/bijeenkomsten/${eventId}/bevestigen`, { token: click.token })).status;
  }
  const counts = `${JSON.stringify(statuses.reduce((m: Record<number, number>, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {}))}, ${busy} retried after a 503`;
  assert.equal(statuses.filter((s) => s === 303).length, PEOPLE, `each person registered once (answers: ${counts})`);
  assert.equal(statuses.filter((s) => s === 410).length, PEOPLE, `the second click: the link is used (answers: ${counts})`);

  const rows = await db
    .selectFrom('event_registrations')
    .select(['email', 'state', 'arrival'])
    .where('event_id', '=', eventId)
    .orderBy('arrival')
    .execute();
  assert.equal(rows.length, PEOPLE);
  assert.equal(new Set(rows.map((r) => r.email)).size, PEOPLE, 'no duplicates');
  assert.deepEqual(
    rows.map((r) => Number(r.arrival)),
    Array.from({ length: PEOPLE }, (_, i) => i + 1),
    'arrivals numbered 1 to 100 without gaps',
  );
  // The first ten to arrive have the seats; everyone after them waits, in that order.
  assert.deepEqual(
    rows.map((r) => r.state),
    [...Array(SEATS).fill('confirmed'), ...Array(PEOPLE - SEATS).fill('waiting')],
  );
  const mails = await db
    .selectFrom('outbox')
    .select(['to_address', 'body_text'])
    .where('subject', '=', 'Op de wachtlijst: Landelijke dag')
    .execute();
  assert.equal(mails.length, PEOPLE - SEATS);
  const placeOf = new Map(mails.map((m) => [m.to_address, Number(/op plaats (\d+)\./.exec(m.body_text)?.[1])]));
  for (const r of rows.slice(SEATS)) assert.equal(placeOf.get(r.email), Number(r.arrival) - SEATS, `${r.email} told its place`);
});
