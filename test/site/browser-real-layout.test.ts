/**
 * The real consolidation (consolidated/site, built once per test run: real-site.ts) in Chromium: no
 * horizontal overflow on a phone on every page type, and the synopsis of a draft side by side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS } from '../helpers.js';
import { inProcess } from '../cli/fixture.js';
import { describe, expect, test } from 'vitest';
import { norm, servedSite, shot, skipBrowser } from './browser-helpers.js';
import { realSite } from './real-site.js';

const real = skipBrowser ? { why: 'no chromium' } : await realSite();
if (!real.dir) console.warn(`real-site browser test skipped: ${real.why}`);

describe.skipIf(skipBrowser || !real.dir)('site in the browser (real consolidation): layout', () => {
  const site = servedSite(async () => ({ dir: real.dir! }));

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
    const dir = mkdtempSync(join(tmpdir(), 'fassung-draft-'));
    try {
      const corpusAct = join(CORPUS, 'acts', 'bgbl-2023-i-233_verordnung-weiterentwicklung-fachkraefteeinwanderung.txt');
      const out = join(dir, 'synopse.html');
      const run = await inProcess()('synopsis', '--act', corpusAct, '--law', 'beschv', '--date', '2023-11-17', '--out', out);
      expect(run.code, run.err).toBe(0);
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
});
