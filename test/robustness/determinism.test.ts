/**
 * Two consolidate runs write byte-identical output trees (in-process, each run from scratch).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fileTree } from '../helpers.js';
import { runCli } from '../../src/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'fassung-determinism-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tree = fileTree;

it('consolidating twice gives byte-identical output', async () => {
  const outs = ['a', 'b'].map((n) => join(tmp, n));
  for (const out of outs) {
    let err = '';
    const code = await runCli(['consolidate', '--out', out], { stdout: () => {}, stderr: (s) => void (err += s) });
    expect(code, err).toBe(0);
  }
  const [a, b] = outs.map(tree);
  expect(a.size).toBeGreaterThan(3);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [k, v] of a) expect(b.get(k)!.equals(v), `${k} differs`).toBe(true);
}, 120_000);
