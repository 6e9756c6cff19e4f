/**
 * `npm run check` runs this after the type check and the linter. It fails the build when the code
 * breaks the boundaries of docs/decisions/008-feature-boundaries-and-events.md:
 *
 * 1. A feature uses another feature only through that feature's `index.ts`; code outside
 *    src/features (app, CLIs, workflows) too. `src/platform`, `src/ui` and `src/db` never import a
 *    feature (src/db/database.ts may import the features' `tables.ts` types to compose the schema).
 * 2. No import cycles between features.
 * 3. A feature's code queries only the tables its own `tables.ts` declares, plus the published
 *    read tables below (read only: joined for names, never written).
 * 4. No source file over 400 lines, except the data files named below.
 *
 * It reads the files as text; `node scripts/check-structure.ts` prints one line per problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The project's root, or a tree given as the first argument (the test of this script uses that).
const ROOT = process.argv[2] ? resolve(process.argv[2]) : resolve(dirname(new URL(import.meta.url).pathname), '..');
const SRC = join(ROOT, 'src');
const MAX_LINES = 400;
/** Data, not logic: one list of steps and fields that reads best whole. */
const LONG_FILE_EXEMPT = new Set(['src/features/registrations/steps.ts']);

/**
 * Tables any feature may read (join) without owning them, with the reason. Writing them is never
 * allowed outside their owner.
 */
const PUBLISHED_READS: Record<string, string> = {
  users: 'names and e-mail addresses of people, joined for display (owner: accounts)',
  institutions: 'names of hogescholen, joined for display and sorting (owner: reference)',
};
/** Reads of another feature's table allowed for one feature only, with the reason. */
const EXTRA_READS: Record<string, Record<string, string>> = {
  assessments: {
    registrations: 'the queue filters and sorts registrations by their assessment state in one SQL query (a read model)',
  },
};

const WRITE_CALLS = ['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'];
const READ_CALLS = ['selectFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const rel = (path: string) => relative(ROOT, path).split(sep).join('/');
const featureOf = (path: string): string | null => rel(path).match(/^src\/features\/([^/]+)\//)?.[1] ?? null;
const isTest = (path: string) => /\.test\.tsx?$/.test(path);

function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
  for (const m of source.matchAll(pattern)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec?.startsWith('.')) found.push(spec);
  }
  return found;
}

/** The tables each feature owns, read from the keys of the interface in its tables.ts. */
function ownedTables(): Map<string, string> {
  const owner = new Map<string, string>();
  const read = (file: string, who: string) => {
    if (!existsSync(file)) return;
    const body = readFileSync(file, 'utf8').match(/export interface \w+Tables \{([^}]*)\}/)?.[1] ?? '';
    for (const m of body.matchAll(/^\s*(\w+):/gm)) owner.set(m[1] as string, who);
  };
  for (const name of readdirSync(join(SRC, 'features'))) {
    if (statSync(join(SRC, 'features', name)).isDirectory()) read(join(SRC, 'features', name, 'tables.ts'), name);
  }
  read(join(SRC, 'platform', 'tables.ts'), 'platform');
  return owner;
}

const problems: string[] = [];
const files = walk(SRC);
const featureEdges = new Map<string, Set<string>>();
const owners = ownedTables();

for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const here = featureOf(file);
  const where = rel(file);

  // 1. imports
  for (const spec of importsOf(source)) {
    const target = resolve(dirname(file), spec);
    const targetRel = rel(target);
    const there = featureOf(target);
    if (!there) continue;
    if (where === 'src/db/database.ts' && targetRel.endsWith('/tables.ts')) continue;
    if (/^src\/(platform|ui|db)\//.test(where)) {
      problems.push(
        `${where}: importeert ${targetRel}; platform, ui en db kennen geen features (ze krijgen wat ze nodig hebben via app.ts)`,
      );
      continue;
    }
    if (there === here) continue;
    if (!targetRel.endsWith(`src/features/${there}/index.ts`)) {
      problems.push(`${where}: importeert ${targetRel}; gebruik src/features/${there}/index.ts`);
    }
    if (here && !isTest(file)) {
      const set = featureEdges.get(here) ?? new Set<string>();
      set.add(there);
      featureEdges.set(here, set);
    }
  }

  // 3. tables
  if (here && !isTest(file)) {
    for (const m of source.matchAll(new RegExp(`\\.(${[...WRITE_CALLS, ...READ_CALLS].join('|')})\\(\\s*'([a-z_]+)`, 'g'))) {
      const [, call, table] = m as unknown as [string, string, string];
      const owner = owners.get(table);
      if (!owner || owner === here) continue;
      const line = source.slice(0, m.index).split('\n').length;
      if (WRITE_CALLS.includes(call)) {
        problems.push(`${where}:${line}: schrijft in tabel ${table} van ${owner}; roep een functie uit diens index.ts aan`);
      } else if (!PUBLISHED_READS[table] && !EXTRA_READS[here]?.[table]) {
        const via = owner === 'platform' ? 'een functie in src/platform' : `src/features/${owner}/index.ts`;
        problems.push(`${where}:${line}: leest tabel ${table} van ${owner}; vraag het via ${via}`);
      }
    }
  }

  // 5. heavy modules (image processing, PDF) load when first used, never with the app (issue 10)
  if (!isTest(file)) {
    for (const m of source.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s+'(sharp|pdfkit)'/g)) {
      if (/^import\s+type\s/.test(m[0].trim())) continue;
      const line = source.slice(0, (m.index ?? 0) + m[0].length).split('\n').length;
      problems.push(`${where}:${line}: laadt ${m[1]} bij de start; gebruik await import('${m[1]}') waar het nodig is`);
    }
  }

  // 4. length
  const lines = source.split('\n').length;
  if (lines > MAX_LINES && !LONG_FILE_EXEMPT.has(where) && !isTest(file)) {
    problems.push(`${where}: ${lines} regels (meer dan ${MAX_LINES}); splits het bestand per onderwerp`);
  }
}

// 2. cycles between features
const seen = new Set<string>();
function visit(node: string, path: string[]) {
  if (path.includes(node)) {
    const cycle = [...path.slice(path.indexOf(node)), node].join(' → ');
    if (!seen.has(cycle)) problems.push(`importcyclus tussen features: ${cycle}`);
    seen.add(cycle);
    return;
  }
  for (const next of featureEdges.get(node) ?? []) visit(next, [...path, node]);
}
for (const feature of featureEdges.keys()) visit(feature, []);

// Every feature has its public surface.
for (const name of readdirSync(join(SRC, 'features'))) {
  if (!statSync(join(SRC, 'features', name)).isDirectory()) continue;
  if (!existsSync(join(SRC, 'features', name, 'index.ts')))
    problems.push(`src/features/${name}: geen index.ts (het publieke deel van de feature)`);
}

if (problems.length) {
  process.stderr.write(`Structuurcontrole: ${problems.length} probleem/problemen\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`Structuurcontrole: ${files.length} bestanden, ${featureEdges.size} features met afhankelijkheden, geen problemen\n`);
