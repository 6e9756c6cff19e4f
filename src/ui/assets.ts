import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transform } from 'lightningcss';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** Every `utrecht-…` class name the platform's templates write (src/ in development, dist/ compiled). */
export function usedUtrechtClasses(root = join(here, '..')): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(tsx?|js)$/.test(name) && !/\.test\./.test(name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/utrecht-[a-z0-9_-]+/g)) found.add(m[0]);
      }
    }
  };
  walk(root);
  return found;
}

type Component = { type: string; name?: string };

/**
 * The NL Design System component library, cut down to the components our templates use: a rule
 * stays when one of its selectors names only `utrecht-` classes we write (or none); any other rule
 * goes. Then our theme tokens and layout, and all of it minified.
 */
export function buildCss(components: string, ours: string, used: Set<string>): string {
  const keep = (selector: Component[]) => selector.every((c) => c.type !== 'class' || !c.name?.startsWith('utrecht-') || used.has(c.name));
  const { code } = transform({
    filename: 'app.css',
    code: Buffer.from(`${components}\n${ours}`),
    minify: true,
    visitor: {
      Rule: {
        // A rule goes when none of its selectors is for us; otherwise it stays as it is (a rule
        // rebuilt in JavaScript does not always survive the trip back into Lightning CSS).
        style(rule) {
          return (rule.value.selectors as Component[][]).some(keep) ? undefined : [];
        },
      },
    },
  });
  return code.toString();
}

/**
 * One stylesheet, built once at start-up, served under a content hash (browsers keep it a year)
 * and precompressed. Building it (Lightning CSS over the whole library, gzip 9, brotli 11) costs
 * about 0.3 s of CPU, at every start of every process (the test suite starts ~100): so the result
 * is kept in `node_modules/.cache/mkbroute-stylesheet/`, under a hash of everything it is made
 * from — the library, our CSS, the classes our templates use, this module's own code and the
 * versions of Lightning CSS and zlib. Any change to one of them builds it again; a cache that
 * cannot be read or written is built around.
 */
function buildStylesheet() {
  const components = readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8');
  const theme = readFileSync(new URL('./static/theme.css', import.meta.url), 'utf8');
  const app = readFileSync(new URL('./static/app.css', import.meta.url), 'utf8');
  const used = usedUtrechtClasses();
  const lightningcss = join(dirname(require.resolve('lightningcss')), '..');
  const key = createHash('sha256')
    .update(JSON.stringify([components, theme, app, [...used].sort(), readFileSync(fileURLToPath(import.meta.url), 'utf8')]))
    .update(readFileSync(join(lightningcss, 'package.json')))
    .update(JSON.stringify([process.versions.zlib, process.versions.brotli]))
    .digest('hex')
    .slice(0, 16);
  const cache = join(lightningcss, '..', '.cache', 'mkbroute-stylesheet');
  const files = { body: join(cache, `${key}.css`), gzip: join(cache, `${key}.css.gz`), br: join(cache, `${key}.css.br`) };
  let built: { body: Buffer; gzip: Buffer; br: Buffer };
  try {
    built = { body: readFileSync(files.body), gzip: readFileSync(files.gzip), br: readFileSync(files.br) };
  } catch {
    const body = Buffer.from(buildCss(components, `${theme}\n${app}`, used));
    built = {
      body,
      gzip: gzipSync(body, { level: 9 }),
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    };
    try {
      mkdirSync(cache, { recursive: true });
      // What earlier inputs left goes after a week (a key still in use is then built once more).
      const weekAgo = Date.now() - 7 * 86_400_000;
      for (const name of readdirSync(cache)) if (statSync(join(cache, name)).mtimeMs < weekAgo) rmSync(join(cache, name), { force: true });
      // Written under a name of its own and renamed: processes starting together never read half a file.
      for (const part of ['body', 'gzip', 'br'] as const) {
        const temporary = `${files[part]}.${process.pid}`;
        writeFileSync(temporary, built[part]);
        renameSync(temporary, files[part]);
      }
    } catch {
      // A read-only node_modules: built again at the next start.
    }
  }
  const hash = createHash('sha256').update(built.body).digest('hex').slice(0, 12);
  return { ...built, href: `/static/app-${hash}.css` };
}

export const stylesheet = buildStylesheet();

/** The site's icon: an SVG for browsers that take one, and the same as a 32 px PNG at /favicon.ico (made on first request). */
export const favicon = {
  svg: readFileSync(new URL('./static/favicon.svg', import.meta.url)),
  png: null as Promise<Buffer> | null,
};
