/**
 * `npm test`: every test file under src/ and test/, run by node:test through tsx. Browser tests
 * (test/e2e/) run when a Chromium is found and say so plainly when they are skipped.
 * Options: --e2e-only, --no-e2e, or file paths to run just those.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const args = process.argv.slice(2);
const explicit = args.filter((a) => !a.startsWith('--'));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromium);

let files = explicit.length ? explicit : [...findTests('src'), ...findTests('test')];
const isE2e = (f: string) => f.split(/[\\/]/).includes('e2e');
if (args.includes('--e2e-only')) files = files.filter(isE2e);
if (args.includes('--no-e2e')) files = files.filter((f) => !isE2e(f));
if (!haveChromium && files.some(isE2e)) {
  process.stdout.write(`Browsertests overgeslagen: geen Chromium gevonden op ${chromium} (zet CHROMIUM_PATH of installeer chromium).\n`);
  files = files.filter((f) => !isE2e(f));
}
files.sort();

const engine = /^postgres/.test(process.env.DATABASE_URL ?? '') ? 'PostgreSQL' : 'SQLite';
process.stdout.write(`Tests op ${engine}: ${files.length} bestanden\n`);

// One prepared database for the whole run, copied by every test app (test/helpers.ts).
process.env.TZ = 'UTC';
const { makeTemplateDatabase } = await import('../test/helpers.ts');
const template = await makeTemplateDatabase();
// Ctrl-C stops the tests (it reaches them too); this process stays to remove the template.
process.on('SIGINT', () => {});
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC', NODE_ENV: 'test', TEST_DATABASE_TEMPLATE: template.value },
});
await template.remove();
process.exit(result.status ?? 1);
