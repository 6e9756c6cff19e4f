import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { TestContext } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Client } from '../helpers.ts';
import { buildTestApp, type TestApp } from '../helpers.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The real app listening on loopback, with BASE_URL pointing at it so links in mails work. */
export async function startSite(
  t: TestContext | { after: (fn: () => unknown) => void },
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<TestApp & { url: string }> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const site = await buildTestApp(t, { env: { BASE_URL: url, PORT: String(port), ...options.env } });
  await site.app.listen({ port, host: '127.0.0.1' });
  return { ...site, url };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export type AxeViolation = { id: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe-core in the page (through the DevTools protocol, so the page's CSP stays as strict as
 * it is) and returns the violations in a form that reads well in a failed assertion.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is put on window by the script above
    const axe = (window as any).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return result as AxeViolation[];
}

/** How many pixels the page is wider than the window (0 when it fits: nothing to scroll sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/**
 * Every page a journey visits is checked with axe and for sideways scrolling (the page no wider
 * than the window); the list of what was checked is kept for the report.
 */
export class Journey {
  readonly visited: string[] = [];
  readonly violations: Record<string, AxeViolation[]> = {};
  readonly overflow: Record<string, number> = {};

  constructor(readonly page: Page) {}

  async check(label: string) {
    const found = await axeViolations(this.page);
    this.visited.push(label);
    if (found.length) this.violations[label] = found;
    const wider = await horizontalOverflow(this.page);
    if (wider > 0) this.overflow[label] = wider;
  }
}

/** A browser tab signed in as the client's user (the sign-in itself has its own journey). */
export async function pageAs(browser: Browser, client: Client, base: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: base })));
  return context.newPage();
}
