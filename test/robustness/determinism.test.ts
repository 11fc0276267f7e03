/**
 * Two consolidate runs write byte-identical output trees. Spawns dist/src/cli.js (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fileTree } from '../helpers.js';

const CLI = join(resolve(__dirname, '..', '..'), 'dist', 'src', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'fassung-determinism-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tree = fileTree;

it('consolidating twice gives byte-identical output', () => {
  expect(existsSync(CLI), 'run `npm run build` first').toBe(true);
  const outs = ['a', 'b'].map((n) => join(tmp, n));
  for (const out of outs) {
    const r = spawnSync(process.execPath, [CLI, 'consolidate', '--out', out], { encoding: 'utf8', timeout: 90_000 });
    expect(r.status, r.stderr).toBe(0);
  }
  const [a, b] = outs.map(tree);
  expect(a.size).toBeGreaterThan(3);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [k, v] of a) expect(b.get(k)!.equals(v), `${k} differs`).toBe(true);
}, 120_000);
