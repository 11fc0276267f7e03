/**
 * The site in a real browser (Chromium via playwright-core): date switching keeps the unit, changes
 * show as <del>/<ins>, links reach the instruction, the Satznummern toggle works, search finds words;
 * no console errors and no request leaves 127.0.0.1. Screenshots go to test-artifacts/.
 *
 * Two sites: one built here from the synthetic fixture, and the real consolidation at
 * consolidated/site (or FASSUNG_SITE_DIR), built with the CLI when dist/src/cli.js exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite, serveSite, type SiteInput, type SiteServer } from '../../src/site/index.js';
import { ACT, D1, D2, fixtureInput, LAW } from './fixture.js';
import { brokenLinks, duplicateIds } from './site-check.js';
import { CORPUS } from '../helpers.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
const skipBrowser = !hasChromium && !process.env.CI;
if (skipBrowser) {
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (install it with "apt-get install -y chromium"; in CI these tests run and fail without it)`);
}

async function launch(): Promise<Browser> {
  if (!hasChromium) throw new Error(`${CHROMIUM} is missing: CI must install chromium (apt-get install -y chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records console errors, page errors and every request that is not to 127.0.0.1. */
async function watchedPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
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

const norm = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

async function searchFor(page: Page, base: string, word: string): Promise<number> {
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
function servedSite(make: () => Promise<{ dir: string; remove?: () => void }>): { server: SiteServer; browser: Browser } {
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
function fixtureSite(prefix: string, input: () => SiteInput): () => Promise<{ dir: string; remove: () => void }> {
  return async () => {
    const work = mkdtempSync(join(tmpdir(), prefix));
    await buildSite(input(), join(work, 'site'));
    return { dir: join(work, 'site'), remove: () => rmSync(work, { recursive: true, force: true }) };
  };
}

describe.skipIf(skipBrowser)('site in the browser (fixture)', () => {
  const site = servedSite(fixtureSite('fassung-browser-', fixtureInput));

  test('switch date on a unit, see the change, follow it to the instruction, search', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/${LAW}/${D1}/index.html#para-26`);
    await expect(page.locator('[id="para-26"]').isVisible()).resolves.toBe(true);
    expect(await page.title()).toContain('01.03.2024');

    // Satznummern are hidden until the toggle is switched on
    const nr = page.locator('[id="para-26/abs-2/satz-3"] .satz-nr');
    expect(await nr.isVisible()).toBe(false);
    await page.locator('label[for="satznummern"]').click();
    expect(await nr.isVisible()).toBe(true);
    await shot(page, 'fixture-law-2024-03-01');

    await page.locator('.dates a', { hasText: '01.06.2024' }).click();
    await page.waitForURL(`**/${LAW}/${D2}/index.html#para-26`, { timeout: 10_000 });
    const box = page.locator('section:has(> [id="para-26"]) .change-box');
    expect(norm(await box.locator('ins').innerText())).toBe('50 000');
    expect(norm(await box.locator('del').innerText())).toBe('25 000');
    expect(await page.locator('.notice.incomplete').isVisible()).toBe(true);
    await shot(page, 'fixture-law-2024-06-01');

    await box.locator(`a[href*="acts/${ACT}.html#artikel-3-nummer-1"]`).click();
    await page.waitForURL(`**/acts/${ACT}.html#artikel-3-nummer-1`, { timeout: 10_000 });
    const instr = page.locator('[id="artikel-3-nummer-1"]');
    expect(await instr.isVisible()).toBe(true);
    expect(norm(await instr.innerText())).toContain('Artikel 3 Nummer 1');
    await shot(page, 'fixture-act');

    expect(await searchFor(page, site.server.url, 'Chancenkarte')).toBeGreaterThan(0);
    await shot(page, 'fixture-search');

    for (const [name, path] of [
      ['fixture-home', 'index.html'],
      ['fixture-history', `${LAW}/history/para-26.html`],
      ['fixture-diff', `${LAW}/diff/${D1}_${D2}.html`],
      ['fixture-facts', 'facts.html'],
    ]) {
      await page.goto(`${site.server.url}/${path}`);
      await shot(page, name);
    }
    expect(problems).toEqual([]);
  });
});

const PAYLOAD = '"><img src=x onerror=alert(1)>';

describe.skipIf(skipBrowser)('a hostile law abbreviation in the search (fixture)', () => {
  const site = servedSite(
    fixtureSite('fassung-xss-', () => {
      const input = fixtureInput();
      input.consolidation.laws[0].abbreviation = PAYLOAD;
      input.consolidation.laws[0].title = `Verordnung ${PAYLOAD}`;
      return input;
    }),
  );

  test('the payload is shown as text in filters, results and pages; no script runs; the CSP is sent', async () => {
    const { page, problems } = await watchedPage(site.browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const res = await page.goto(`${site.server.url}/search.html?q=Beispiele&gesetz=${encodeURIComponent(PAYLOAD)}`);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(await page.locator('#gesetz option').allInnerTexts()).toContain(PAYLOAD);
    expect(await page.locator('#gesetz').inputValue()).toBe(PAYLOAD);
    await page.locator('.treffer').first().waitFor({ timeout: 15_000 });
    expect(norm(await page.locator('.treffer-titel').first().innerText())).toContain(PAYLOAD);
    await page.goto(`${site.server.url}/${LAW}/${D2}/index.html`);
    expect(norm(await page.locator('h1').innerText())).toContain(PAYLOAD);
    await shot(page, 'xss-law-page');
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});

/**
 * The real consolidation. FASSUNG_SITE_DIR names a built site to use as it is. Otherwise, when the
 * built CLI (dist/src/cli.js, as `npm test` builds it) has a `site` command, run `consolidate` and
 * `site` (what `npm start` does) to produce consolidated/site; else use an existing
 * consolidated/site; else skip with the reason.
 */
function realSite(): { dir?: string; why?: string } {
  if (process.env.FASSUNG_SITE_DIR) return { dir: resolve(process.env.FASSUNG_SITE_DIR) };
  const dir = join(ROOT, 'consolidated', 'site');
  const cli = join(ROOT, 'dist', 'src', 'cli.js');
  const run = (args: string[], stdio: 'pipe' | 'inherit'): string =>
    execFileSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio, timeout: 600_000, encoding: 'utf8' }) ?? '';
  const hasSiteCommand = existsSync(cli) && /^\s+site\b/m.test(run(['--help'], 'pipe'));
  if (hasSiteCommand) {
    run(['consolidate'], 'inherit');
    run(['site'], 'inherit');
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`"node dist/src/cli.js site" did not produce ${dir}/index.html`);
    return { dir };
  }
  if (existsSync(join(dir, 'index.html'))) return { dir };
  return {
    why: `${dir}/index.html is missing and ${existsSync(cli) ? `${cli} has no "site" command yet` : `${cli} does not exist`} (run "npm start", or set FASSUNG_SITE_DIR)`,
  };
}

const real = skipBrowser ? { why: 'no chromium' } : realSite();
if (!real.dir) console.warn(`real-site browser test skipped: ${real.why}`);

describe.skipIf(skipBrowser || !real.dir)('site in the browser (real consolidation)', () => {
  const site = servedSite(async () => ({ dir: real.dir! }));

  test('BeschV § 26: 2024-03-01 → 2024-06-01 shows 25 000 → 50 000 from Verordnung Artikel 3', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/beschv/2024-03-01/index.html#para-26`);
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    await shot(page, 'real-beschv-2024-03-01');

    await page.locator('.dates a', { hasText: '01.06.2024' }).click();
    await page.waitForURL('**/beschv/2024-06-01/index.html#para-26', { timeout: 10_000 });
    const box = page.locator('section:has(> [id="para-26"]) .change-box');
    const ins = (await box.locator('ins').allInnerTexts()).map(norm);
    const del = (await box.locator('del').allInnerTexts()).map(norm);
    expect(ins.some((t) => t.includes('50 000'))).toBe(true);
    expect(del.some((t) => t.includes('25 000'))).toBe(true);
    await shot(page, 'real-beschv-2024-06-01');

    const link = box.locator('a[href*="acts/"][href*="#artikel-3-"]').first();
    await link.click();
    await page.waitForURL(/\/acts\/[^/]+\.html#artikel-3-/, { timeout: 10_000 });
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const instr = page.locator(`[id="${id}"]`);
    expect(await instr.isVisible()).toBe(true);
    expect(norm(await instr.innerText())).toMatch(/Artikel 3/);
    expect(norm(await page.locator('h1').innerText())).toMatch(/Verordnung/);
    await shot(page, 'real-act-instruction');

    expect(await searchFor(page, site.server.url, 'Chancenkarte')).toBeGreaterThan(0);
    await shot(page, 'real-search-chancenkarte');
    expect(problems).toEqual([]);
  });

  test('any date: a day that is no version date leads to the version in force, keeping the §', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/beschv/2024-04-15/#para-26`);
    await page.waitForURL('**/beschv/2024-03-01/index.html#para-26', { timeout: 10_000 });
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    // the date picker goes to any day of the timeline, and says so when a day is beyond it
    await page.locator('form.date-pick input[type="date"]').fill('2030-01-01');
    await page.locator('form.date-pick button').click();
    expect(norm(await page.locator('form.date-pick .date-pick-msg').innerText())).toMatch(/Korpus reicht bis \d{2}\.\d{2}\.20(?:25|26)/);
    await page.locator('form.date-pick input[type="date"]').fill('2023-12-24');
    await page.locator('form.date-pick button').click();
    await page.waitForURL('**/beschv/2023-11-18/index.html#para-26', { timeout: 10_000 });
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('permalink per §: shown, and it resolves (also into a law split into parts)', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/beschv/2024-03-01/index.html`);
    const link = page.locator('section:has(> [id="para-26"]) a.permalink');
    expect(norm(await link.innerText())).toBe('/beschv/2024-03-01/#para-26');
    await link.click();
    await page.waitForURL(/\/beschv\/2024-03-01\/#para-26$/, { timeout: 10_000 });
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    expect(norm(await page.locator('section:has(> [id="para-26"]) .para-validity').innerText())).toMatch(/^gültig \d{2}\.\d{2}\.\d{4}/);
    // AufenthG is split into parts: the permalink is forwarded to the part holding § 20
    await page.goto(`${site.server.url}/aufenthg/2024-06-01/#para-20`);
    await page.waitForURL(/\/aufenthg\/2024-06-01\/[a-z0-9-]+\.html#para-20$/, { timeout: 10_000 });
    expect(await page.locator('[id="para-20"]').isVisible()).toBe(true);
    expect(norm(await page.locator('section:has(> [id="para-20"]) a.permalink').innerText())).toBe('/aufenthg/2024-06-01/#para-20');
    await shot(page, 'real-aufenthg-part-para-20');
    expect(problems).toEqual([]);
  });

  test('synopsis of AufenthG § 20: old and new side by side, its Nummern kept', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/aufenthg/compare/2024-03-01/2024-06-01/#para-20`);
    const syn = page.locator('section[id="para-20"] table.synopsis');
    expect(await syn.isVisible()).toBe(true);
    const newLabels = (await syn.locator('tr td:nth-child(2) .syn-label').allInnerTexts()).map(norm);
    expect(newLabels).toEqual(expect.arrayContaining(['§ 20', '(1)', '1.', '2.', '3.']));
    expect(await syn.locator('tr.syn-depth-1').count()).toBeGreaterThanOrEqual(3);
    expect(await syn.locator('td:nth-child(1) del').count()).toBeGreaterThan(0);
    expect(await syn.locator('td:nth-child(2) ins').count()).toBeGreaterThan(0);
    expect(await syn.locator('td:nth-child(1) ins').count()).toBe(0);
    await shot(page, 'real-synopsis-aufenthg-20');
    // any two versions
    await page.goto(`${site.server.url}/aufenthg/compare/2023-11-01/2024-06-01/index.html`);
    expect(await page.locator('section[id="para-20"] table.synopsis').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  test('a citation in the text links to the provision of another law at the same date', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/beschv/2024-06-01/index.html`);
    const cite = page.locator('a.zitat', { hasText: 'des Aufenthaltsgesetzes' }).first();
    const text = norm(await cite.innerText());
    const label = /§ (\d+[a-z]?)/.exec(text)![1];
    await cite.click();
    await page.waitForURL(/\/aufenthg\/2024-06-01\/[^#]+#para-/, { timeout: 10_000 });
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(id.startsWith(`para-${label}`)).toBe(true);
    expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('search: "§ 26 BeschV" goes to § 26; ?q= is restored; results show validity', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/search.html`);
    expect(await page.locator('label[for="q"]').innerText()).toMatch(/Suchbegriff/);
    await page.locator('#q').fill('§ 26 BeschV');
    await page.locator('#q').press('Enter');
    await page.waitForURL(/\/beschv\/\d{4}-\d{2}-\d{2}\/index\.html#para-26$/, { timeout: 10_000 });
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    for (const q of ['26 BeschV', 'BeschV 26']) {
      await page.goto(`${site.server.url}/search.html`);
      await page.locator('#q').fill(q);
      await page.locator('#q').press('Enter');
      await page.waitForURL(/\/beschv\/[^#]+#para-26$/, { timeout: 10_000 });
    }
    await page.goto(`${site.server.url}/search.html?q=Chancenkarte&gesetz=AufenthV&stand=2024-06-15`);
    expect(await page.locator('#q').inputValue()).toBe('Chancenkarte');
    expect(await page.locator('#gesetz').inputValue()).toBe('AufenthV');
    await page.locator('.treffer').first().waitFor({ timeout: 15_000 });
    const titles = (await page.locator('.treffer-titel').allInnerTexts()).map(norm);
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toMatch(/^AufenthV – Fassung vom 01\.06\.2024/);
    expect(norm(await page.locator('.treffer-gueltig').first().innerText())).toMatch(/^gültig /);
    await page.locator('#q').fill('Westbalkan');
    await page.waitForURL(/\?q=Westbalkan/, { timeout: 10_000 });
    await shot(page, 'real-search-filtered');
    expect(problems).toEqual([]);
  });

  test('no horizontal overflow at 390 px on every page type; the date stays visible', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const pages = [
      'index.html',
      'facts.html',
      'search.html',
      'beschv/2024-06-01/index.html#para-26',
      'beschv/2024-04-15/',
      'aufenthg/2024-06-01/index.html',
      'aufenthg/2024-06-01/#para-20',
      'aufenthv/2024-06-01/#para-31',
      'beschv/history/para-26.html',
      'aufenthg/compare/2024-03-01/2024-06-01/index.html',
      'aufenthv/diff/2024-05-02_2024-06-01.html',
      'acts/bgbl-2023-i-233.html',
    ];
    for (const p of pages) {
      await page.goto(`${site.server.url}/${p}`);
      await page.waitForLoadState('load');
      const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(over, p).toBeLessThanOrEqual(0);
      if (/#para-/.test(p)) {
        // deep link: the sticky bar with the date is on screen
        const bar = await page.locator('.bar-date').boundingBox();
        expect(bar, p).not.toBeNull();
        expect(bar!.y, p).toBeGreaterThanOrEqual(0);
        expect(bar!.y, p).toBeLessThan(200);
      }
      await shot(page, `mobile-${p.replace(/[^a-z0-9]+/gi, '-')}`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the synopsis of a draft (the Verordnung read as a draft): side by side, no overflow at 390 px', async () => {
    const cli = join(ROOT, 'dist', 'src', 'cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'fassung-draft-'));
    try {
      const corpusAct = join(CORPUS, 'acts', 'bgbl-2023-i-233_verordnung-weiterentwicklung-fachkraefteeinwanderung.txt');
      const out = join(dir, 'synopse.html');
      execFileSync(process.execPath, [cli, 'synopsis', '--act', corpusAct, '--law', 'beschv', '--date', '2023-11-17', '--out', out], { stdio: 'pipe', timeout: 120_000 });
      for (const width of [1200, 390]) {
        const context = await site.browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        await page.goto(`file://${out}#para-26`);
        const syn = page.locator('section[id="para-26"] table.synopsis');
        expect(await syn.isVisible()).toBe(true);
        expect(norm(await syn.locator('td:nth-child(1) del').allInnerTexts().then((t) => t.join(' ')))).toContain('25 000');
        expect(norm(await syn.locator('td:nth-child(2) ins').allInnerTexts().then((t) => t.join(' ')))).toContain('50 000');
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        await shot(page, `draft-synopsis-${width}`);
        expect(errors).toEqual([]);
        await context.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every local link of the real site resolves, ids are unique, no external reference', () => {
    expect(brokenLinks(real.dir!).slice(0, 20)).toEqual([]);
    expect(duplicateIds(real.dir!).slice(0, 20)).toEqual([]);
  }, 900_000);
});
