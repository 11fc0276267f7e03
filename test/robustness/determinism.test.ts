/**
 * A consolidate run from scratch (no cache of any kind), a run that fills the derived-result cache and a
 * run that answers from it write byte-identical output trees (in-process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fileTree } from '../helpers.js';
import { runCli } from '../../src/cli.js';
import { derivedCacheStats } from '../../src/cache/derived-cache.js';

const tmp = mkdtempSync(join(tmpdir(), 'fassung-determinism-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tree = fileTree;

it('consolidating twice gives byte-identical output, from scratch and from the cache', async () => {
  const saved = process.env.FASSUNG_CACHE;
  const runs: Array<[string, string]> = [
    ['a', 'off'], // from scratch, no cache (not even the process's memo of parsed snapshot blocks)
    ['c', join(tmp, 'cache')], // filling an empty cache (snapshot blocks from the process's memo, if earlier runs filled it)
    ['d', join(tmp, 'cache')], // answers from the cache
  ];
  try {
    for (const [name, cache] of runs) {
      process.env.FASSUNG_CACHE = cache;
      let err = '';
      const hits = derivedCacheStats.hits;
      const code = await runCli(['consolidate', '--out', join(tmp, name)], { stdout: () => {}, stderr: (s) => void (err += s) });
      expect(code, err).toBe(0);
      // d: consolidation and facts both read from the cache
      if (name === 'd') expect(derivedCacheStats.hits).toBe(hits + 2);
      else expect(derivedCacheStats.hits).toBe(hits);
    }
  } finally {
    if (saved === undefined) delete process.env.FASSUNG_CACHE;
    else process.env.FASSUNG_CACHE = saved;
  }
  const [a, ...others] = runs.map(([name]) => tree(join(tmp, name)));
  expect(a.size).toBeGreaterThan(3);
  for (const b of others) {
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [k, v] of a) expect(b.get(k)!.equals(v), `${k} differs`).toBe(true);
  }
}, 240_000);
