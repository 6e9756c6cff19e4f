import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, ENGINE } from '../../../test/helpers.ts';
import { takeJobTurn } from './repo.ts';
import { runWhenDue } from './run.ts';

const HOUR = 3_600_000;

describe(`scheduled jobs across processes (${ENGINE})`, () => {
  test('five processes at the same moment: the job runs once, and again only when due', async (t) => {
    const { db } = await buildTestApp(t);
    const t0 = new Date('2026-12-01T08:00:00Z');
    let runs = 0;
    const job = (holder: string) => ({ name: 'herinneringen', intervalMs: HOUR, holder });
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const first = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((h) => runWhenDue(db, job(h), work, t0)));
    assert.equal(first.filter(Boolean).length, 1);
    assert.equal(runs, 1);

    const halfway = new Date(t0.getTime() + HOUR / 2);
    assert.deepEqual(await Promise.all(['a', 'b'].map((h) => runWhenDue(db, job(h), work, halfway))), [false, false]);
    const later = new Date(t0.getTime() + HOUR);
    const second = await Promise.all(['c', 'd', 'e'].map((h) => runWhenDue(db, job(h), work, later)));
    assert.equal(second.filter(Boolean).length, 1);
    assert.equal(runs, 2);
    const row = await db.selectFrom('job_runs').select(['lease_until', 'next_due_at', 'last_ok']).executeTakeFirstOrThrow();
    assert.deepEqual(row, { lease_until: null, next_due_at: new Date(later.getTime() + HOUR).toISOString(), last_ok: 1 });
  });

  test('a process that dies holding the turn blocks nobody after its lease; a failing run is recorded, not repeated at once', async (t) => {
    const { db } = await buildTestApp(t);
    const t0 = new Date('2026-12-01T08:00:00Z');
    // Process A takes the turn and dies before finishing (no finish ever written).
    assert.equal(
      await takeJobTurn(db, {
        name: 'opruimen',
        holder: 'a',
        nowIso: t0.toISOString(),
        leaseUntilIso: new Date(t0.getTime() + 2 * HOUR).toISOString(),
        nextDueIso: new Date(t0.getTime() + HOUR).toISOString(),
      }),
      true,
    );
    let ran = 0;
    const due = new Date(t0.getTime() + HOUR + 60_000);
    assert.equal(
      await runWhenDue(db, { name: 'opruimen', intervalMs: HOUR, holder: 'b' }, async () => ran++, due),
      false,
      'A still holds a live lease',
    );
    const afterLease = new Date(t0.getTime() + 2 * HOUR + 60_000);
    await assert.rejects(
      runWhenDue(
        db,
        { name: 'opruimen', intervalMs: HOUR, holder: 'b' },
        async () => {
          ran++;
          throw new Error('mislukt');
        },
        afterLease,
      ),
      /mislukt/,
    );
    assert.equal(ran, 1);
    const row = await db.selectFrom('job_runs').select(['holder', 'lease_until', 'last_ok']).executeTakeFirstOrThrow();
    assert.deepEqual(row, { holder: 'b', lease_until: null, last_ok: 0 });
    assert.equal(await runWhenDue(db, { name: 'opruimen', intervalMs: HOUR, holder: 'c' }, async () => ran++, afterLease), false);
  });
});
