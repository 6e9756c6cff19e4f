import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/connect.ts';
import { MINUTE } from '../time.ts';
import { claimDueMail, decodeAttachments, type MailAttachment, markMailFailed, markMailSent } from './repo.ts';

export type MailTransport = {
  send(message: {
    id: string;
    from: string;
    to: string;
    subject: string;
    text: string;
    attachments: MailAttachment[];
    replyTo?: string | null;
  }): Promise<void>;
};

/** SMTP through nodemailer. The outbox id is the Message-ID, so a receiver can drop a repeat. */
export function smtpTransport(smtpUrl: string, host: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    async send(m) {
      await transporter.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        messageId: `<${m.id}@${host}>`,
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      });
    },
  };
}

/** Development without SMTP: messages stay in the outbox and are read at /dev/mailbox. */
export const mailboxTransport: MailTransport = { async send() {} };

export type OutboxWorkerOptions = {
  db: Db;
  transport: MailTransport;
  from: string;
  log: FastifyBaseLogger;
  intervalMs?: number;
  /** First retry after this long, doubling per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  batchSize?: number;
};

export type OutboxWorker = {
  /** Delivers what is due now; resolves with the number of messages sent. */
  runOnce(now?: Date): Promise<number>;
  stop(): Promise<void>;
};

export function backoffDelay(attemptsSoFar: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** attemptsSoFar);
}

export function startOutboxWorker(options: OutboxWorkerOptions, autostart = true): OutboxWorker {
  const { db, transport, from, log } = options;
  const intervalMs = options.intervalMs ?? 2_000;
  const baseDelayMs = options.baseDelayMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 60 * MINUTE;
  const batchSize = options.batchSize ?? 20;
  let running: Promise<number> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  async function deliver(now: Date): Promise<number> {
    // The lock outlives any single send, so a slow SMTP server cannot cause a second claim.
    const claimed = await claimDueMail(db, now, batchSize, 5 * MINUTE);
    let sent = 0;
    for (const row of claimed) {
      try {
        await transport.send({
          id: row.id,
          from,
          to: row.to_address,
          subject: row.subject,
          text: row.body_text,
          attachments: decodeAttachments(row.attachments),
          replyTo: row.reply_to,
        });
        await markMailSent(db, row.id, new Date());
        sent++;
      } catch (error) {
        const delay = backoffDelay(row.attempts, baseDelayMs, maxDelayMs);
        await markMailFailed(db, row.id, errorText(error), new Date(Date.now() + delay));
        log.warn({ outboxId: row.id, attempts: row.attempts + 1, retryInMs: delay }, 'mail delivery failed');
      }
    }
    return sent;
  }

  function runOnce(now = new Date()): Promise<number> {
    // One pass at a time per process; other processes are kept apart by the claim.
    if (running) return running.then(() => runOnce(now));
    running = deliver(now).finally(() => {
      running = null;
    });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error) => log.error({ err: error }, 'outbox pass failed'))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }
  if (autostart) schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.catch(() => 0);
    },
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
