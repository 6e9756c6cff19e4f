/**
 * `npm run bench:version-read`: what one read of a version counter costs the app's process, the
 * read every cached answer waits for (public-cache.ts, view-cache.ts#dataVersion). On SQLite the
 * synchronous read of the row; on PostgreSQL (under scripts/with-postgres.sh) the same statement
 * through Kysely and the pool, as it ran until 2026-12-02, against the side connection of
 * connect.ts#postgresSideQuery, interleaved over three rounds. Reads run one after another, as the
 * render cache runs them. CPU µs per read (user + system of this process) and wall µs per read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../src/boot.ts';
import { loadConfig } from '../src/config.ts';
import { postgresSideQuery } from '../src/db/connect.ts';
import { prepared } from '../src/db/prepared.ts';
import { dataVersion } from '../src/platform/view-cache.ts';
import { machine, writeReport } from './lib.ts';

const READS = Number(process.env.BENCH_READS ?? 20_000);
const postgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');
const dir = mkdtempSync(join(tmpdir(), 'mkbroute-version-read-'));
const databaseUrl = postgres ? (process.env.DATABASE_URL as string) : `sqlite:${join(dir, 'bench.sqlite')}`;
const { db } = await prepareDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }));
await db
  .insertInto('settings')
  .values({ key: 'bench_version', value: '42' })
  .onConflict((oc) => oc.column('key').doUpdateSet({ value: '42' }))
  .execute();

async function time(read: () => unknown): Promise<{ cpu: number; wall: number }> {
  for (let i = 0; i < 2_000; i++) await read();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < READS; i++) await read();
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / READS, wall: ((performance.now() - t0) * 1000) / READS };
}

const ways: [string, () => unknown][] = [];
const side = postgresSideQuery(db);
if (side) {
  const viaKysely = prepared((d: typeof db, key: string) => d.selectFrom('settings').select('value').where('key', '=', key));
  ways.push(['Kysely and the pool (until 2026-12-02)', async () => (await viaKysely(db, 'bench_version'))[0]?.value]);
  ways.push(['the side connection (dataVersion now)', () => dataVersion(db, 'bench_version')]);
} else {
  ways.push(['the synchronous read of the row (dataVersion)', () => dataVersion(db, 'bench_version')]);
}
const results = new Map<string, { cpu: number; wall: number }[]>(ways.map(([name]) => [name, []]));
for (let round = 0; round < 3; round++) for (const [name, read] of ways) results.get(name)?.push(await time(read));
await db.destroy();
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const machineName = machine();
const lines = [
  '',
  `## Version read, ${postgres ? 'PostgreSQL' : 'SQLite'} (${new Date().toISOString().slice(0, 10)})`,
  '',
  `Machine: ${machineName}. Command: \`${postgres ? 'scripts/with-postgres.sh ' : ''}npm run bench:version-read\`. ${READS.toLocaleString('en')} reads one after another per round after 2,000 warm-up, three rounds interleaved; the median round (range in brackets).`,
  '',
  '| read | CPU µs/read | wall µs/read |',
  '| --- | ---: | ---: |',
  ...[...results].map(([name, rs]) => {
    const cpu = rs.map((r) => r.cpu);
    const wall = rs.map((r) => r.wall);
    const f = (x: number) => x.toFixed(1);
    return `| ${name} | ${f(median(cpu))} (${f(Math.min(...cpu))}–${f(Math.max(...cpu))}) | ${f(median(wall))} (${f(Math.min(...wall))}–${f(Math.max(...wall))}) |`;
  }),
  '',
];
writeReport(`${lines.join('\n')}\n`);
