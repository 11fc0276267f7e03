/**
 * What the browser tests share: Chromium (via playwright-core, from Debian's /usr/bin/chromium), a page
 * that records console errors and requests leaving 127.0.0.1, screenshots into test-artifacts/, and a
 * site served on a free port for the tests of a describe.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite, serveSite, type SiteInput, type SiteServer } from '../../src/site/index.js';
import { ROOT } from '../helpers.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const hasChromium = existsSync(CHROMIUM);
export const skipBrowser = !hasChromium && !process.env.CI;
if (skipBrowser) {
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (install it with "apt-get install -y chromium"; in CI these tests run and fail without it)`);
}

export async function launch(): Promise<Browser> {
  if (!hasChromium) throw new Error(`${CHROMIUM} is missing: CI must install chromium (apt-get install -y chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records console errors, page errors and every request that is not to 127.0.0.1. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') problems.push(`request outside 127.0.0.1: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, problems };
}

export { norm } from './site-check.js';

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

export async function searchFor(page: Page, base: string, word: string): Promise<number> {
  await page.goto(`${base}/search.html`);
  const input = page.locator('#q');
  await input.waitFor();
  await input.fill(word);
  await page.locator('.treffer').first().waitFor({ timeout: 15_000 });
  return page.locator('.treffer').count();
}

/**
 * For the tests of the enclosing describe: the site `make` returns (its folder, and how to remove it),
 * served on a free port, and a browser; both closed and the folder removed afterwards. `server` and
 * `browser` are the live objects once the tests run.
 */
export function servedSite(make: () => Promise<{ dir: string; remove?: () => void }>): { server: SiteServer; browser: Browser } {
  const live = {} as { server: SiteServer; browser: Browser };
  let remove: (() => void) | undefined;
  beforeAll(async () => {
    const made = await make();
    remove = made.remove;
    live.server = await serveSite(made.dir, 0);
    live.browser = await launch();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.close();
    remove?.();
  });
  return {
    get server() {
      return live.server;
    },
    get browser() {
      return live.browser;
    },
  };
}

/** A site built from a fixture input into a temporary folder. */
export function fixtureSite(prefix: string, input: () => SiteInput): () => Promise<{ dir: string; remove: () => void }> {
  return async () => {
    const work = mkdtempSync(join(tmpdir(), prefix));
    await buildSite(input(), join(work, 'site'));
    return { dir: join(work, 'site'), remove: () => rmSync(work, { recursive: true, force: true }) };
  };
}
