/**
 * The CLI with the derived-result cache on (a cache folder of its own): a second run answers from the
 * cache with the same words; a changed act, manifest or base text is seen at once; `consolidate` leaves an
 * output made from the same inputs as it is, and writes again when a file in it was changed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newCliCache, runCli } from '../../src/cli.js';
import { derivedCacheStatsByKind } from '../../src/cache/derived-cache.js';
import { fileTree, HAS_CORPUS } from '../helpers.js';
import { miniCorpus } from '../cli/fixture.js';

const work = mkdtempSync(join(tmpdir(), 'fassung-cli-cache-'));
const saved = process.env.FASSUNG_CACHE;
beforeAll(() => {
  process.env.FASSUNG_CACHE = join(work, 'cache');
});
afterAll(() => {
  if (saved === undefined) delete process.env.FASSUNG_CACHE;
  else process.env.FASSUNG_CACHE = saved;
  rmSync(work, { recursive: true, force: true });
});

/** Two file trees (fileTree) hold the same paths with the same bytes (Buffer.equals: fast on megabytes). */
function expectSameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [k, v] of a) expect(b.get(k)!.equals(v), `${k} differs`).toBe(true);
}

/** one run of the CLI in this process, without the in-process cache of loaded corpora */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { today: '2024-06-01', stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { code, out, err };
}

describe.skipIf(!HAS_CORPUS)('the CLI on a cached consolidation', () => {
  const m = miniCorpus(join(work, 'mini'), 'beschv');
  const args = ['--corpus', m.dir, '--manifest', m.manifest];
  const show = () => cli(...args, 'show', 'beschv', '--date', '2024-03-01', '--unit', '§ 26 Abs. 2 Satz 3');

  test('a second run answers from the cache, word for word the same', async () => {
    const cold = await show();
    expect(cold.code).toBe(0);
    expect(cold.out).toContain('50 000');
    const hits = derivedCacheStatsByKind.get('law-consolidation')!.hits;
    const warm = await show();
    expect(derivedCacheStatsByKind.get('law-consolidation')!.hits).toBe(hits + 1);
    expect(warm).toEqual(cold);
    const json = await cli(...args, 'versions', 'beschv', '--json');
    expect(JSON.parse(json.out).map((v: { validFrom: string }) => v.validFrom)).toEqual(['2022-07-29', '2024-03-01']);
  });

  test('a damaged entry (cut short on disk) is a miss: computed again and stored anew', async () => {
    const first = await show();
    // `show` of one law reads the whole consolidation when it is cached, else that law's alone
    let damaged = 0;
    for (const kind of ['consolidation', 'law-consolidation']) {
      const entries = join(work, 'cache', 'derived', kind);
      for (const e of existsSync(entries) ? readdirSync(entries).filter((n) => /^[0-9a-f]{64}$/.test(n)) : []) {
        const bin = join(entries, e, 'versions.bin');
        writeFileSync(bin, readFileSync(bin).subarray(0, 10));
        damaged++;
      }
    }
    expect(damaged).toBeGreaterThan(0);
    const stats = () => ({ ...derivedCacheStatsByKind.get('law-consolidation')! });
    const misses = stats().misses;
    expect(await show()).toEqual(first);
    const hits = stats().hits;
    expect(await show()).toEqual(first);
    expect(stats().hits).toBe(hits + 1);
    expect(stats().misses).toBe(misses);
  });

  test('a changed act, manifest or base text is never answered from the old result', async () => {
    await show();
    const act = join(m.dir, 'acts', 'mini.txt');
    writeFileSync(act, readFileSync(act, 'utf8').replace('„50 000“', '„60 000“'));
    expect((await show()).out).toContain('60 000');
    const manifest = JSON.parse(readFileSync(m.manifest, 'utf8'));
    manifest.laws[0].base.validFrom = '2022-08-01';
    writeFileSync(m.manifest, JSON.stringify(manifest));
    const moved = await cli(...args, 'versions', 'beschv', '--json');
    expect(JSON.parse(moved.out).map((v: { validFrom: string }) => v.validFrom)).toEqual(['2022-08-01', '2024-03-01']);
    const base = join(m.dir, 'base', 'beschv_2013.md');
    writeFileSync(base, readFileSync(base, 'utf8').replaceAll('Beschäftigung', 'BESCHÄFTIGUNG'));
    const after = await cli(...args, 'show', 'beschv', '--date', '2024-06-01', '--unit', '§ 1');
    expect(after.out).toContain('BESCHÄFTIGUNG');
  });

  test('consolidate: an output from the same inputs stays; a file changed in it is written again', async () => {
    // the three laws (the fact catalogue names all of them)
    const all = miniCorpus(join(work, 'all'));
    const args = ['--corpus', all.dir, '--manifest', all.manifest];
    const out = join(work, 'out');
    const first = await cli(...args, 'consolidate', '--out', out);
    // (exit code 1: the mini corpus lacks texts the facts need; the output is written all the same)
    expect(first.out).toMatch(/output: /);
    expect(first.out).not.toMatch(/unchanged/);
    const files = fileTree(out);
    const second = await cli(...args, 'consolidate', '--out', out);
    expect(second.out).toMatch(/unchanged: same tool, same inputs/);
    expect(second.code).toBe(first.code);
    expectSameFiles(files, fileTree(out));
    writeFileSync(join(out, 'changes.json'), '[]\n');
    const third = await cli(...args, 'consolidate', '--out', out);
    expect(third.out).not.toMatch(/unchanged/);
    expectSameFiles(files, fileTree(out));
  });

  test('consolidate: runs sharing an in-process cache (the tests) keep the output made from the same inputs', async () => {
    const all = miniCorpus(join(work, 'all-shared'));
    const args = ['--corpus', all.dir, '--manifest', all.manifest];
    const out = join(work, 'out-shared');
    const cache = newCliCache();
    const run = async (...argv: string[]) => {
      let text = '';
      await runCli(argv, { cache, today: '2024-06-01', stdout: (t) => void (text += t), stderr: () => undefined });
      return text;
    };
    expect(await run(...args, 'consolidate', '--out', out)).not.toMatch(/unchanged/);
    // the consolidation and facts now come from the in-process cache, with their keys in the derived-result cache
    expect(await run(...args, 'consolidate', '--out', out)).toMatch(/unchanged: same tool, same inputs/);
  });

  test('site: kept when only the tool changed but not its pages; built again when its input changed', async () => {
    const mini = miniCorpus(join(work, 'site-mini')); // the three laws (the fact catalogue names all of them)
    const args = ['--corpus', mini.dir, '--manifest', mini.manifest];
    const site = join(work, 'site');
    const first = await cli(...args, 'site', '--out', site, '--no-search');
    expect(first.out, first.err).toMatch(/site: \d+ pages/);
    const pages = fileTree(site);
    // another tool made it: the stamp's key is a different one, its content key the same
    const stamps = join(work, 'cache', 'outputs');
    const [stampName] = readdirSync(stamps).filter((n) => JSON.parse(readFileSync(join(stamps, n), 'utf8')).content);
    const stamp = JSON.parse(readFileSync(join(stamps, stampName), 'utf8'));
    writeFileSync(join(stamps, stampName), JSON.stringify({ ...stamp, key: 'made-by-another-version-of-the-tool' }));
    const second = await cli(...args, 'site', '--out', site, '--no-search');
    expect(second.out).toMatch(/site: up to date \(same pages/);
    expectSameFiles(pages, fileTree(site));
    // a changed act changes the pages: built again
    const act = join(mini.dir, 'acts', 'mini.txt');
    writeFileSync(act, readFileSync(act, 'utf8').replace('„50 000“', '„60 000“'));
    const third = await cli(...args, 'site', '--out', site, '--no-search');
    expect(third.out).toMatch(/site: \d+ pages/);
    expect([...fileTree(site).values()].some((b) => b.includes('60\u00a0000') || b.includes('60 000'))).toBe(true);
  });
});
