import { buildApp } from './app.ts';
import { prepareDatabase } from './boot.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_USERS } from './demo/load.ts';
import { purgeOldSignInTokens } from './features/accounts/index.ts';
import { runReminders } from './features/assessments/index.ts';
import { runEventJobs } from './features/events/index.ts';
import { runKickoffReminders } from './features/kickoffs/index.ts';
import { runReviewJob } from './features/knowledge/index.ts';
import { runMonitorReminders } from './features/monitoring/index.ts';
import { runIntroductionJobs } from './features/network/index.ts';
import { runSupportJobs } from './features/support/index.ts';
import { PERSONAL_DATA } from './personal-data.ts';
import { runWhenDue } from './platform/jobs/run.ts';
import { droppedLogLines } from './platform/logging.ts';
import { mailboxTransport, smtpTransport, startOutboxWorker } from './platform/mail/worker.ts';
import { runRetention } from './platform/privacy/retention.ts';
import { HOUR, MINUTE } from './platform/time.ts';

/** Process entry: configuration, database, HTTP, worker, and an orderly stop. Nothing else. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  if (config.exposedWithoutProduction) {
    process.stderr.write(
      [
        '',
        '!! LET OP: het platform luistert op ' + config.host + ', dus ook voor andere computers, zonder NODE_ENV=production.',
        '!! Daarom staan het ontwikkelpostvak (/dev/mailbox) en de demo-inhoud UIT.',
        '!! Draai in productie met NODE_ENV=production, of luister alleen op 127.0.0.1 (HOST) tijdens ontwikkelen.',
        '',
        '',
      ].join('\n'),
    );
  }
  const { db, demoLoaded } = await prepareDatabase(config);
  const app = await buildApp({ config, db });
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl, new URL(config.baseUrl).hostname) : mailboxTransport;
  const worker = startOutboxWorker({ db, transport, from: config.mailFrom, log: app.log });
  // Scheduled jobs: every process looks every minute; one of them takes a job's turn when it
  // is due (platform/jobs), so each runs once an hour however many processes there are.
  const jobs: { name: string; run: () => Promise<unknown>; intervalMs?: number }[] = [
    { name: 'housekeeping', run: () => purgeOldSignInTokens(db) },
    {
      // Retention periods (AVG): what is due is anonymised or deleted, once a day.
      name: 'retention',
      intervalMs: 24 * HOUR,
      run: async () => {
        const done = await runRetention(db, PERSONAL_DATA, config.erasureLedger);
        if (Object.keys(done).length) app.log.info({ done }, 'retention periods applied');
      },
    },
    {
      name: 'assessment-reminders',
      run: async () => {
        const sent = await runReminders(db, config);
        if (sent) app.log.info({ sent }, 'reminders queued');
      },
    },
    {
      name: 'kickoff-reminders',
      run: async () => {
        const sent = await runKickoffReminders(db, config);
        if (sent) app.log.info({ sent }, 'kick-off reminders queued');
      },
    },
    {
      name: 'guide-reviews',
      run: async () => {
        const sent = await runReviewJob(db, config);
        if (sent) app.log.info({ sent }, 'guide review mails queued');
      },
    },
    {
      name: 'network-introductions',
      run: async () => {
        const sent = await runIntroductionJobs(db, config);
        if (sent) app.log.info({ sent }, 'introduction reminders and outcome questions queued');
      },
    },
    {
      name: 'monitor-reminders',
      run: async () => {
        const sent = await runMonitorReminders(db, config);
        if (sent) app.log.info({ sent }, 'monitor reminders queued');
      },
    },
    {
      name: 'support-reminders',
      run: async () => {
        const sent = await runSupportJobs(db, config);
        if (sent) app.log.info({ sent }, 'support reminders queued');
      },
    },
    {
      // Every minute: a lapsed waiting-list offer passes on within a minute, not an hour.
      name: 'event-seats',
      intervalMs: MINUTE,
      run: async () => {
        const sent = await runEventJobs(db, config);
        if (sent) app.log.info({ sent }, 'event reminders queued');
      },
    },
  ];
  const housekeeping = setInterval(() => {
    for (const job of jobs) {
      runWhenDue(db, { name: job.name, intervalMs: job.intervalMs ?? HOUR }, job.run).catch((err) =>
        app.log.error({ err, job: job.name }, 'job failed'),
      );
    }
  }, MINUTE);
  housekeeping.unref();
  // Log lines dropped because stdout's reader fell behind (app.ts): say so, once a minute at most,
  // with the total since the start too: this line can itself be dropped while the reader is behind,
  // and the next one then still tells the whole count.
  let reported = 0;
  const logWatch = setInterval(() => {
    const total = droppedLogLines.count;
    if (total === reported) return;
    app.log.warn({ dropped: total - reported, droppedTotal: total }, 'log lines dropped: the log reader is too slow');
    reported = total;
  }, 60_000);
  logWatch.unref();

  await app.listen({ port: config.port, host: config.host });

  if (config.devMailbox) {
    const lines = [`Mkb-route platform draait op ${config.baseUrl}`];
    if (demoLoaded) lines.push('Demo-inhoud is zojuist geladen (alleen voor ontwikkeling).');
    if (config.demoContent) {
      lines.push('Inloggen: ga naar /inloggen en vul een van deze demo-adressen in:');
      for (const u of DEMO_USERS) lines.push(`  ${u.email} (${u.role})`);
    } else {
      lines.push('Inloggen: ga naar /inloggen en vul een e-mailadres in.');
    }
    lines.push(`De inloglink staat daarna in het postvak: ${config.baseUrl}/dev/mailbox`);
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    clearInterval(housekeeping);
    // Stop taking new work first, let requests in flight finish, then let go of the database.
    await worker.stop();
    await app.close();
    await db.destroy();
    app.log.info('stopped');
    (app.log as unknown as { flush?: () => void }).flush?.();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`Starten mislukt: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
