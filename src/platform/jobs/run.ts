import { hostname } from 'node:os';
import type { Db } from '../../db/connect.ts';
import { newToken } from '../crypto.ts';
import { finishJobTurn, takeJobTurn } from './repo.ts';

/**
 * Lets the requests waiting on this process in between the items of a job. On SQLite every query
 * completes synchronously, so a job's loop never returns to the event loop on its own: the first
 * run of the assessment reminders over 1,000 overdue registrations held every request for 0.3–0.5 s
 * (bench/RESULTS.md). Jobs await this between items.
 */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** This process, as it signs the job turns it takes. */
export const PROCESS_ID = `${hostname()}:${process.pid}:${newToken().slice(0, 8)}`;

/**
 * Runs `fn` when this job is due and no other process is running it: the turn is taken with one
 * conditional update (due, and no live lease), so with several processes on one database each
 * job runs once per interval. The lease ends when `fn` ends, or after `leaseMs` if the process dies.
 * Resolves with whether this process ran it.
 */
export async function runWhenDue(
  db: Db,
  job: { name: string; intervalMs: number; leaseMs?: number; holder?: string },
  fn: () => Promise<unknown>,
  now = new Date(),
): Promise<boolean> {
  const holder = job.holder ?? PROCESS_ID;
  const taken = await takeJobTurn(db, {
    name: job.name,
    holder,
    nowIso: now.toISOString(),
    leaseUntilIso: new Date(now.getTime() + (job.leaseMs ?? 10 * 60_000)).toISOString(),
    nextDueIso: new Date(now.getTime() + job.intervalMs).toISOString(),
  });
  if (!taken) return false;
  let ok = false;
  try {
    await fn();
    ok = true;
  } finally {
    await finishJobTurn(db, job.name, holder, ok, new Date().toISOString());
  }
  return true;
}
