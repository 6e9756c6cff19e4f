import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { pgTool } from '../src/db/pg-tools.ts';
import { freePort } from './e2e/browser.ts';

/**
 * A PostgreSQL server of its own for a fault test: initdb in a temporary folder (as the postgres
 * user when the tests run as root), on 127.0.0.1 only, that the test can stop and start.
 */
export type Cluster = { url: string; stop: () => void; start: () => void };

const BIN = dirname(pgTool('pg_dump'));
export const CLUSTER_POSSIBLE = existsSync(join(BIN, 'pg_ctl')) && existsSync(join(BIN, 'initdb'));

function asPostgres(command: string[]): void {
  const root = process.getuid?.() === 0;
  const line = command.map((c) => `'${c.replace(/'/g, "'\\''")}'`).join(' ');
  if (root) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', line], { stdio: 'ignore' });
  else execFileSync(command[0] as string, command.slice(1), { stdio: 'ignore' });
}

export async function startCluster(t: { after: (fn: () => unknown) => void }): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'mkbroute-storing-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgres([join(BIN, 'initdb'), '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const start = () =>
    asPostgres([
      join(BIN, 'pg_ctl'),
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      'start',
    ]);
  const stop = () => asPostgres([join(BIN, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  t.after(() => {
    try {
      asPostgres([join(BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('create database mkbroute');
  await admin.end();
  return { url: `postgres://postgres@127.0.0.1:${port}/mkbroute`, stop, start };
}
