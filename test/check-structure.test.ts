import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

/** A small tree of features in a temporary folder; returns what the check says about it. */
function check(t: { after: (fn: () => void) => void }, files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'mkbroute-structure-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-structure.ts', root], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

const feature = (name: string, extra: Record<string, string> = {}) => ({
  [`src/features/${name}/index.ts`]: 'export const x = 1;\n',
  [`src/features/${name}/tables.ts`]: `export interface ${name}Tables {\n  ${name}_rows: { id: string };\n}\n`,
  ...extra,
});

test('the structure check passes a clean tree and names every kind of breach', (t) => {
  const clean = check(t, { ...feature('a'), ...feature('b', { 'src/features/b/service.ts': "import { x } from '../a/index.ts';\n" }) });
  assert.equal(clean.status, 0, clean.out);

  const broken = check(t, {
    ...feature('a', {
      'src/features/a/service.ts': "import { y } from '../b/repo.ts';\nexport const z = db.updateTable('b_rows');\n",
      'src/features/a/long.ts': 'export const line = 1;\n'.repeat(401),
    }),
    ...feature('b', {
      'src/features/b/service.ts': "import { x } from '../a/index.ts';\n",
      'src/features/b/repo.ts': "import { z } from '../a/index.ts';\n",
    }),
    'src/platform/thing.ts': "import { x } from '../features/a/index.ts';\n",
    'src/features/c/service.ts': 'export const c = 1;\n',
    'src/platform/image.ts':
      "import type { Sharp } from 'sharp';\nimport sharp from 'sharp';\nexport const later = () => import('pdfkit');\n",
  });
  assert.equal(broken.status, 1);
  for (const expected of [
    'src/features/a/service.ts: importeert src/features/b/repo.ts; gebruik src/features/b/index.ts',
    'src/features/a/service.ts:2: schrijft in tabel b_rows van b',
    'src/features/a/long.ts: 402 regels (meer dan 400)',
    'src/platform/thing.ts: importeert src/features/a/index.ts; platform, ui en db kennen geen features',
    'importcyclus tussen features: a → b → a',
    'src/features/c: geen index.ts',
    "src/platform/image.ts:2: laadt sharp bij de start; gebruik await import('sharp') waar het nodig is",
  ]) {
    assert.ok(broken.out.includes(expected), `missing: ${expected}\n${broken.out}`);
  }
  assert.ok(!broken.out.includes('image.ts:1:'), 'a type import loads nothing');
  assert.ok(!broken.out.includes('laadt pdfkit'), 'a dynamic import is what is asked for');
});
