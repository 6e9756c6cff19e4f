import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * One stylesheet: the NL Design System components, then our theme tokens and layout. Built once at
 * start-up and served under a content hash, so browsers may cache it for a year.
 */
function buildStylesheet() {
  const components = readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8');
  const theme = readFileSync(new URL('./static/theme.css', import.meta.url), 'utf8');
  const app = readFileSync(new URL('./static/app.css', import.meta.url), 'utf8');
  const body = `${components}\n${theme}\n${app}`;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, href: `/static/app-${hash}.css` };
}

export const stylesheet = buildStylesheet();
