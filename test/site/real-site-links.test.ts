/**
 * The real site (consolidated/site, built once per test run: real-site.ts): every local link of every
 * page resolves, ids are unique, nothing is loaded from outside.
 */
import { describe, expect, test } from 'vitest';
import { skipBrowser } from './browser-helpers.js';
import { realSite } from './real-site.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brokenLinks, duplicateIds, htmlFiles, scanBytes, scanWithHtmlparser2 } from './site-check.js';

const real = skipBrowser ? { why: 'no chromium' } : await realSite();
if (!real.dir) console.warn(`real-site link check skipped: ${real.why}`);

describe.skipIf(skipBrowser || !real.dir)('the real site', () => {
  test('every local link of the real site resolves, ids are unique, no external reference', () => {
    expect(brokenLinks(real.dir!).slice(0, 20)).toEqual([]);
    expect(duplicateIds(real.dir!).slice(0, 20)).toEqual([]);
  }, 900_000);

  test('the link check reads the real pages itself, as htmlparser2 reads them (every 40th page)', () => {
    const pages = htmlFiles(real.dir!).filter((_, i) => i % 40 === 0);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const bytes = readFileSync(join(real.dir!, page));
      expect(scanBytes(bytes), page).toEqual(scanWithHtmlparser2(bytes.toString('utf8')));
    }
  });
});
