/**
 * The real site (consolidated/site, built once per test run: real-site.ts): every local link of every
 * page resolves, ids are unique, nothing is loaded from outside.
 */
import { describe, expect, test } from 'vitest';
import { skipBrowser } from './browser-helpers.js';
import { realSite } from './real-site.js';
import { brokenLinks, duplicateIds } from './site-check.js';

const real = skipBrowser ? { why: 'no chromium' } : await realSite();
if (!real.dir) console.warn(`real-site link check skipped: ${real.why}`);

describe.skipIf(skipBrowser || !real.dir)('the real site', () => {
  test('every local link of the real site resolves, ids are unique, no external reference', () => {
    expect(brokenLinks(real.dir!).slice(0, 20)).toEqual([]);
    expect(duplicateIds(real.dir!).slice(0, 20)).toEqual([]);
  }, 900_000);
});
