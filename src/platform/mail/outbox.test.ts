import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { buildTestApp, countRows } from '../../../test/helpers.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../audit/repo.ts';
import { enqueueMail } from './repo.ts';
import { backoffDelay, smtpTransport, startOutboxWorker } from './worker.ts';

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(port = 0): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c) => {
        raw += String(c);
      });
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return { port: address.port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const silent = pino({ level: 'silent' });

function worker(db: Db, port: number) {
  return startOutboxWorker(
    {
      db,
      transport: smtpTransport(`smtp://127.0.0.1:${port}`, 'mkbroute.test'),
      from: 'noreply@mkbroute.test',
      log: silent,
      baseDelayMs: 50,
    },
    false,
  );
}

describe('outbox', () => {
  test('a queued message is delivered over SMTP once, with the outbox id as Message-ID', async (t) => {
    const { db } = await buildTestApp(t);
    const smtp = await startSmtp();
    t.after(smtp.close);
    const id = await enqueueMail(db, { to: 'ontvanger@hogeschool.nl', subject: 'Proef', text: 'Hallo <wereld> & meer' });
    const w = worker(db, smtp.port);
    assert.equal(await w.runOnce(), 1);
    assert.equal(await w.runOnce(), 0, 'nothing left to send');
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0]?.to, ['ontvanger@hogeschool.nl']);
    assert.equal(smtp.received[0]?.from, 'noreply@mkbroute.test');
    assert.match(smtp.received[0]?.raw ?? '', new RegExp(`Message-ID: <${id}@mkbroute.test>`, 'i'));
    assert.match(smtp.received[0]?.raw ?? '', /Subject: Proef/);
    assert.match(smtp.received[0]?.raw ?? '', /Hallo <wereld> & meer/);
    const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(row.sent_at);
    assert.equal(row.attempts, 0);
    await w.stop();
  });

  test('SMTP down: the message waits with a retry time; when SMTP returns it goes out once', async (t) => {
    const { db } = await buildTestApp(t);
    // Find a free port, then close the server so nothing listens there.
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const id = await enqueueMail(db, { to: 'later@hogeschool.nl', subject: 'Wacht even', text: 'Tekst' });
    const w = worker(db, port);

    assert.equal(await w.runOnce(), 0);
    let row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.sent_at, null);
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
    assert.ok(Date.parse(row.next_attempt_at) > Date.now() - 1000, 'retry is scheduled, not immediate forever');

    assert.equal(await w.runOnce(new Date(Date.parse(row.next_attempt_at) - 10)), 0, 'not retried before its time');

    const smtp = await startSmtp(port);
    t.after(smtp.close);
    const later = new Date(Date.parse(row.next_attempt_at) + 1);
    assert.equal(await w.runOnce(later), 1);
    assert.equal(await w.runOnce(new Date(later.getTime() + 60_000)), 0);
    assert.equal(smtp.received.length, 1, 'exactly one delivery');
    row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(row.sent_at);
    assert.equal(row.last_error, null);
    await w.stop();
  });

  test('a change that rolls back leaves no message behind, and nothing is sent', async (t) => {
    const { db } = await buildTestApp(t);
    const smtp = await startSmtp();
    t.after(smtp.close);
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, { actorUserId: null, action: 'test.change', subjectType: 'test', subjectId: '1' });
        await enqueueMail(trx, { to: 'nooit@hogeschool.nl', subject: 'Mag niet', text: 'x' });
        throw new Error('the change fails after queuing its mail');
      }),
      /the change fails/,
    );
    assert.equal(await countRows(db, 'outbox'), 0);
    assert.equal(await countRows(db, 'audit_events'), 0);
    assert.equal(await worker(db, smtp.port).runOnce(), 0);
    assert.equal(smtp.received.length, 0);
  });

  test('two workers at once never send the same message twice', async (t) => {
    const { db } = await buildTestApp(t);
    const smtp = await startSmtp();
    t.after(smtp.close);
    for (let i = 0; i < 12; i++) await enqueueMail(db, { to: `m${i}@hogeschool.nl`, subject: `Bericht ${i}`, text: 'x' });
    const [a, b] = await Promise.all([worker(db, smtp.port).runOnce(), worker(db, smtp.port).runOnce()]);
    assert.equal((a ?? 0) + (b ?? 0), 12);
    assert.equal(smtp.received.length, 12);
    assert.equal(new Set(smtp.received.map((r) => r.to[0])).size, 12);
  });

  test('retry delays double per attempt up to the maximum', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 10].map((n) => backoffDelay(n, 30_000, 3_600_000)),
      [30_000, 60_000, 120_000, 240_000, 3_600_000],
    );
  });
});
