/**
 * The parsed-tree cache: a hit gives exactly the tree a fresh parse gives, keys follow the content,
 * entries are written atomically, the directory may be deleted at any time, and it can be switched off.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseStatute, parseStatuteUncached } from '../../src/model/parse-statute.js';
import { MIN_CACHED_CHARS, cacheDir, cacheStats, isCached } from '../../src/model/statute-cache.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

const big = (n: number) =>
  '% Gesetz\n\n' + Array.from({ length: n }, (_, i) => `# § ${i + 1} – Titel\n\n(1) Die Zustimmung wird erteilt, wenn\n\n1. der Ausländer ${i},\n\n2. die Stelle.\n`).join('\n');

describe('statute cache', () => {
  let dir: string;
  const saved = process.env.FASSUNG_CACHE;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fassung-cache-'));
    process.env.FASSUNG_CACHE = dir;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.FASSUNG_CACHE;
    else process.env.FASSUNG_CACHE = saved;
  });

  it('stores large texts once and reads the same tree back', () => {
    const src = big(400);
    expect(src.length).toBeGreaterThan(MIN_CACHED_CHARS);
    const { hits, misses } = cacheStats;
    const first = parseStatute(src, { lawId: 'x' });
    const second = parseStatute(src, { lawId: 'x' });
    expect(cacheStats.misses - misses).toBe(1);
    expect(cacheStats.hits - hits).toBe(1);
    expect(second).toStrictEqual(first);
    expect(second).not.toBe(first); // callers may change their copy
    expect(first).toStrictEqual(parseStatuteUncached(src, { lawId: 'x' }));
    const files = readdirSync(join(dir, 'statute'), { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    expect(readdirSync(join(dir, 'statute'), { recursive: true }).map(String).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('says whether a tree is cached, by content and law id, without reading it', () => {
    const src = big(400);
    expect(isCached(src, 'x')).toBe(false);
    const { hits, misses } = cacheStats;
    parseStatute(src, { lawId: 'x' });
    expect(isCached(src, 'x')).toBe(true);
    expect(isCached(src, 'y')).toBe(false);
    expect(isCached(src + ' ', 'x')).toBe(false);
    expect([cacheStats.hits - hits, cacheStats.misses - misses]).toEqual([0, 1]);
    // small texts are never cached; nor is anything when the cache is off
    expect(isCached('% G\n\n# § 1 – A\n\nText.\n', '')).toBe(false);
    process.env.FASSUNG_CACHE = 'off';
    expect(isCached(src, 'x')).toBe(false);
  });

  it('keys on the content and the law id; a deleted cache is rebuilt', () => {
    const src = big(400);
    parseStatute(src);
    parseStatute(src + '\nNoch ein Satz.\n');
    parseStatute(src, { lawId: 'y' });
    const count = () => readdirSync(join(dir, 'statute'), { recursive: true }).map(String).filter((f) => f.endsWith('.json')).length;
    expect(count()).toBe(3);
    rmSync(dir, { recursive: true, force: true });
    expect(parseStatute(src)).toStrictEqual(parseStatuteUncached(src));
    expect(count()).toBe(1);
  });

  it('leaves small texts alone and can be switched off', () => {
    parseStatute('% G\n\n# § 1 – A\n\nText.\n');
    expect(existsSync(join(dir, 'statute'))).toBe(false);
    process.env.FASSUNG_CACHE = 'off';
    expect(cacheDir()).toBeUndefined();
    parseStatute(big(400));
    expect(existsSync(join(dir, 'statute'))).toBe(false);
  });

  it.runIf(HAS_CORPUS)('a cached real law equals a fresh parse exactly', () => {
    const src = readFileSync(join(CORPUS, 'official/aufenthv/2024-03-01.md'), 'utf8');
    parseStatute(src);
    expect(parseStatute(src)).toStrictEqual(parseStatuteUncached(src));
  });
});
