/**
 * `npm run bench:dashboard`: the team dashboard's figures (issue 16) computed in process over
 * `BENCH_REGISTRATIONS` registrations (10,000 by default) with five years of audit events, on the
 * engine of DATABASE_URL (SQLite when unset). p50/p95 over 50 computations after 5 warm-up.
 * Appends to bench/RESULTS.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { prepareDatabase } from '../src/boot.ts';
import { loadConfig } from '../src/config.ts';
import { dashboard } from '../src/features/monitoring/index.ts';
import { sortableId } from '../src/platform/crypto.ts';
import { writeReport } from './lib.ts';

const COUNT = Number(process.env.BENCH_REGISTRATIONS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'mkbroute-bench-'));
const postgres = /^postgres/.test(process.env.DATABASE_URL ?? '');
const databaseUrl = postgres ? (process.env.DATABASE_URL as string) : `sqlite:${join(dir, 'bench.sqlite')}`;
try {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const { db } = await prepareDatabase(config);
  const institutions = (await db.selectFrom('institutions').select('brin').execute()).map((r) => r.brin);
  const states = ['submitted', 'in_review', 'info_requested', 'accepted', 'participant', 'declined', 'withdrawn'] as const;
  const sectors = ['C', 'F', 'G', 'H', 'J', 'M', 'P', 'Q'];
  const DAY = 86_400_000;
  const t0 = performance.now();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < COUNT; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const state = states[i % states.length] ?? 'submitted';
      // Spread over five years.
      const submitted = Date.now() - ((i * 5 * 365) / COUNT) * DAY;
      const iso = (t: number) => new Date(t).toISOString();
      await trx
        .insertInto('registrations')
        .values({
          id,
          institution_brin: institutions[i % institutions.length] ?? '07GR',
          reference: `MKB-B-${i}`,
          state,
          answers: '{}',
          title: `Opleiding ${i}`,
          sector: sectors[i % sectors.length] ?? 'C',
          created_by: null,
          created_at: iso(submitted - DAY),
          updated_by: null,
          updated_at: iso(submitted),
          submitted_at: iso(submitted),
          withdrawn_reason: null,
          reopened_steps: null,
        } as never)
        .execute();
      const events: [string, number][] = [['registration.submitted', submitted]];
      if (i % 3 === 0) events.push(['registration.info_requested', submitted + 5 * DAY], ['registration.submitted', submitted + 12 * DAY]);
      if (state === 'accepted' || state === 'participant') events.push(['registration.accepted', submitted + 20 * DAY]);
      if (state === 'participant') events.push(['kickoff.held', submitted + 30 * DAY]);
      if (state === 'declined') events.push(['registration.declined', submitted + 15 * DAY]);
      if (state === 'withdrawn') events.push(['registration.withdrawn', submitted + 3 * DAY]);
      for (const [action, at] of events) {
        await trx
          .insertInto('audit_events')
          .values({
            id: sortableId(),
            at: iso(at),
            actor_user_id: null,
            action,
            subject_type: 'registration',
            subject_id: id,
            detail: null,
          })
          .execute();
      }
    }
  });
  const generated = ((performance.now() - t0) / 1000).toFixed(1);
  await sql.raw(postgres ? 'vacuum analyze' : 'analyze').execute(db);
  const eventsCount = Number(
    (
      await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  // After a change (the version raised, as any audit event does): everything computed afresh.
  const afterChange: number[] = [];
  // Nothing changed since the last view: the kept figures.
  const kept: number[] = [];
  for (let i = 0; i < 55; i++) {
    await sql`update settings set value = cast(cast(value as integer) + 1 as text) where key = 'assessment_version'`.execute(db);
    let s = performance.now();
    await dashboard(db);
    if (i >= 5) afterChange.push(performance.now() - s);
    s = performance.now();
    await dashboard(db);
    if (i >= 5) kept.push(performance.now() - s);
  }
  const pct = (list: number[], p: number) => ([...list].sort((a, b) => a - b)[Math.floor((p / 100) * (list.length - 1))] ?? 0).toFixed(1);
  const max = (list: number[]) => Math.max(...list).toFixed(1);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeReport(
    [
      '',
      `## Team dashboard over ${COUNT.toLocaleString('en-US')} registrations (${postgres ? 'PostgreSQL 15' : 'SQLite'}) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${machine}. Command: \`${postgres ? 'scripts/with-postgres.sh ' : ''}npm run bench:dashboard\`. ${eventsCount.toLocaleString('en-US')} audit events over five years (generated in ${generated} s); every figure computed 50 times in process after 5 warm-up, each time right after raising \`assessment_version\` (as any audit event does) and once more without a change (no HTTP, no rendering).`,
      '',
      '| dashboard figures | p50 ms | p95 ms | max ms |',
      '| --- | ---: | ---: | ---: |',
      `| all six figures, after a change (computed afresh) | ${pct(afterChange, 50)} | ${pct(afterChange, 95)} | ${max(afterChange)} |`,
      `| all six figures, nothing changed (kept per process) | ${pct(kept, 50)} | ${pct(kept, 95)} | ${max(kept)} |`,
      '',
    ].join('\n'),
  );
  await db.destroy();
} finally {
  if (!postgres) rmSync(dir, { recursive: true, force: true });
}
