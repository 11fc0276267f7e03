/**
 * issue 12 item 4: the output folder is never destroyed. `--out` refuses dangerous places; the swap of
 * a new output is one rename of a symbolic link, so a fault (an exception, or a real SIGKILL of the
 * process) after any step leaves either the whole old output or the whole new one; the next run
 * cleans up; two runs into one folder wait for each other or fail with a clear message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fileTree, ROOT } from '../helpers.js';
import {
  acquireOutputLock,
  checkOutDir,
  OUTPUT_MARKER,
  recoverOutput,
  SWAP_STEPS,
  writeOutputAtomic,
  type OutputFile,
  type SwapStep,
} from '../../src/consolidate/write-output.js';
import { UserError } from '../../src/diagnostics/diagnostic.js';
import { PROJECT_ROOT } from '../../src/package-root.js';
import { buildSite } from '../../src/site/index.js';
import { fixtureInput } from '../site/fixture.js';

const tmp = mkdtempSync(join(tmpdir(), 'fassung-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DIST_WRITER = join(ROOT, 'dist', 'src', 'consolidate', 'write-output.js');

const v1: OutputFile[] = [
  { path: 'index.json', content: '{"v":1}\n' },
  { path: 'beschv/2022-07-29.md', content: '# v1\n' },
  { path: 'changes.json', content: '[]\n' },
  { path: 'diagnostics.json', content: '[]\n' },
];
const v2: OutputFile[] = [
  { path: 'index.json', content: '{"v":2}\n' },
  { path: 'beschv/2022-07-29.md', content: '# v2\n' },
  { path: 'beschv/2024-03-01.md', content: '# v2 new\n' },
  { path: 'changes.json', content: '[1]\n' },
  { path: 'diagnostics.json', content: '[]\n' },
];

const asText = (m: Map<string, Buffer>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toString('utf8')]));

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmp, 'case-'));
  out = join(dir, 'consolidated');
});

/** v1 written, plus a built site inside it that later runs must carry over */
function withV1(): Record<string, string> {
  writeOutputAtomic(out, v1);
  mkdirSync(join(out, 'site', 'beschv'), { recursive: true });
  writeFileSync(join(out, 'site', 'index.html'), '<p>site</p>\n');
  writeFileSync(join(out, 'site', 'beschv', 'index.html'), '<p>beschv</p>\n');
  return asText(fileTree(out));
}

function expectedV2(before: Record<string, string>): Record<string, string> {
  const r: Record<string, string> = {};
  for (const f of v2) r[f.path] = f.content;
  for (const [k, v] of Object.entries(before)) if (k.startsWith('site/') || k === 'README.md' || k === OUTPUT_MARKER) r[k] = v;
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** only the output link and its one generation remain beside it */
function expectClean(): void {
  const names = readdirSync(dir).sort();
  expect(names.filter((n) => n !== 'consolidated' && !n.startsWith('.consolidated.gen-')), names.join(' ')).toEqual([]);
  expect(names.filter((n) => n.startsWith('.consolidated.gen-'))).toEqual([readlinkSync(out)]);
}

describe('--out refuses dangerous places (one-line error, nothing touched)', () => {
  const refused = (raw: string, opts: Parameters<typeof checkOutDir>[1] = {}): string => {
    try {
      checkOutDir(raw, opts);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).code).toBe('out-refused');
      expect((e as Error).message).not.toContain('\n');
      return (e as Error).message;
    }
    throw new Error(`--out ${JSON.stringify(raw)} was accepted`);
  };

  it('"" and whitespace', () => {
    expect(refused('')).toMatch(/empty path/);
    expect(refused('  ')).toMatch(/empty path/);
  });

  it('"." , the current folder and its ancestors', () => {
    const cwd = mkdtempSync(join(tmp, 'cwd-'));
    writeFileSync(join(cwd, 'precious.txt'), 'x');
    expect(refused('.', { cwd })).toMatch(/current folder/);
    expect(refused(cwd, { cwd })).toMatch(/current folder/);
    expect(refused('..', { cwd })).toMatch(/contains it/);
    expect(refused('/', { cwd })).toMatch(/root folder/);
    expect(existsSync(join(cwd, 'precious.txt'))).toBe(true);
  });

  it('the project root, the corpus, and folders containing them', () => {
    expect(refused(PROJECT_ROOT, { cwd: tmp, protect: [PROJECT_ROOT] })).toMatch(/must stay/);
    expect(refused(join(PROJECT_ROOT, '..'), { cwd: tmp, protect: [PROJECT_ROOT] })).toMatch(/must stay/);
  });

  it('a folder that holds files but no fassung marker', () => {
    const mine = join(tmp, 'mine');
    mkdirSync(join(mine, '.git'), { recursive: true });
    writeFileSync(join(mine, 'notes.txt'), 'x');
    expect(refused(mine, { cwd: tmp })).toMatch(/no \.fassung-output marker/);
    // an empty folder, a new one and a marked one are fine
    mkdirSync(join(tmp, 'empty'), { recursive: true });
    expect(checkOutDir('empty', { cwd: tmp })).toBe(join(tmp, 'empty'));
    expect(checkOutDir('new/deeper', { cwd: tmp })).toBe(join(tmp, 'new', 'deeper'));
    writeOutputAtomic(out, v1);
    expect(checkOutDir(out, { cwd: tmp })).toBe(out);
    // a folder holding only a site built before any consolidate run
    const siteFirst = join(tmp, 'site-first');
    mkdirSync(join(siteFirst, 'site'), { recursive: true });
    writeFileSync(join(siteFirst, 'site', OUTPUT_MARKER), 'x');
    expect(checkOutDir(siteFirst, { cwd: tmp })).toBe(siteFirst);
    writeFileSync(join(siteFirst, 'other.txt'), 'x');
    expect(refused(siteFirst, { cwd: tmp })).toMatch(/no \.fassung-output marker/);
  });

  it('/proc, /sys and /dev, also through a symbolic link, and paths through a file', () => {
    expect(refused('/proc/x', { cwd: tmp })).toMatch(/pseudo file system/);
    expect(refused('/sys/kernel/x', { cwd: tmp })).toMatch(/pseudo file system/);
    expect(refused('/dev/shm/x', { cwd: tmp })).toMatch(/pseudo file system/);
    symlinkSync('/proc/self', join(dir, 'proc-link'));
    expect(refused(join(dir, 'proc-link', 'x'), { cwd: tmp })).toMatch(/pseudo file system/);
    writeFileSync(join(dir, 'a-file'), 'x');
    expect(refused(join(dir, 'a-file'), { cwd: tmp })).toMatch(/is a file/);
    expect(refused(join(dir, 'a-file', 'x'), { cwd: tmp })).toMatch(/not a folder|is a file/);
  });
});

describe('the swap', () => {
  it('is one rename of a symbolic link to a complete generation; the site is carried over', () => {
    const before = withV1();
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(before[OUTPUT_MARKER]).toBeDefined();
    writeOutputAtomic(out, v2);
    expect(sorted(asText(fileTree(out)))).toEqual(expectedV2(before));
    expectClean();
  });

  it('an injected fault after any step loses nothing, and the next run cleans up', () => {
    for (const step of SWAP_STEPS) {
      dir = mkdtempSync(join(tmp, `fault-${step}-`));
      out = join(dir, 'consolidated');
      const before = withV1();
      expect(() =>
        writeOutputAtomic(out, v2, {
          fault: (s: SwapStep) => {
            if (s === step) throw new Error(`fault at ${s}`);
          },
        }),
      ).toThrow(`fault at ${step}`);
      const now = sorted(asText(fileTree(out)));
      const swapped = SWAP_STEPS.indexOf(step) >= SWAP_STEPS.indexOf('swapped');
      expect(now, step).toEqual(swapped ? expectedV2(before) : sorted(before));
      writeOutputAtomic(out, v2);
      expect(sorted(asText(fileTree(out))), step).toEqual(expectedV2(before));
      expectClean();
    }
  });

  it.runIf(existsSync(DIST_WRITER))('a SIGKILL after any step loses nothing (also when a plain folder is migrated)', () => {
    for (const legacy of [false, true]) {
      for (const step of SWAP_STEPS) {
        dir = mkdtempSync(join(tmp, `kill-${step}-`));
        out = join(dir, 'consolidated');
        let before: Record<string, string>;
        if (legacy) {
          // output of an earlier version: a plain folder without marker
          for (const f of v1) {
            mkdirSync(join(out, f.path, '..'), { recursive: true });
            writeFileSync(join(out, f.path), f.content);
          }
          mkdirSync(join(out, 'site'));
          writeFileSync(join(out, 'site', 'index.html'), '<p>site</p>\n');
          before = asText(fileTree(out));
        } else before = withV1();
        const script = `
          import { writeOutputAtomic } from ${JSON.stringify(DIST_WRITER)};
          writeOutputAtomic(${JSON.stringify(out)}, ${JSON.stringify(v2)}, { fault: (s) => { if (s === ${JSON.stringify(step)}) process.kill(process.pid, 'SIGKILL'); } });
        `;
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
        expect(r.signal, `${step}: ${r.stderr}`).toBe('SIGKILL');
        const swapped = SWAP_STEPS.indexOf(step) >= SWAP_STEPS.indexOf('swapped');
        const interrupted = legacy && step === 'moved-legacy'; // the one window: the plain folder moved aside
        if (interrupted) expect(existsSync(out)).toBe(false);
        else {
          const now = asText(fileTree(out));
          if (swapped) expect(now[OUTPUT_MARKER], step).toBeDefined();
          for (const f of swapped ? v2 : v1) expect(now[f.path], `${legacy} ${step} ${f.path}`).toBe(f.content);
          expect(now['site/index.html'], step).toBe('<p>site</p>\n');
        }
        // the next run recovers and cleans up; nothing of the old output is lost
        writeOutputAtomic(out, v2);
        const after = asText(fileTree(out));
        for (const f of v2) expect(after[f.path]).toBe(f.content);
        expect(after['site/index.html'], `${legacy} ${step}`).toBe('<p>site</p>\n');
        expectClean();
      }
    }
  }, 120_000);

  it('a kill in the migration window is restored by the next run before anything else', () => {
    mkdirSync(join(out, 'site'), { recursive: true });
    for (const f of v1) {
      mkdirSync(join(out, f.path, '..'), { recursive: true });
      writeFileSync(join(out, f.path), f.content);
    }
    expect(() => writeOutputAtomic(out, v2, { fault: (s) => { if (s === 'moved-legacy') throw new Error('x'); } })).toThrow('x');
    // an exception restores the view at once
    expect(asText(fileTree(out))['index.json']).toBe('{"v":1}\n');
  });

  it('files made one by one: an error while making one leaves the old output whole and nothing beside it', () => {
    const before = withV1();
    function* failing() {
      yield v2[0];
      throw new Error('serializer failed');
    }
    expect(() => writeOutputAtomic(out, failing())).toThrow('serializer failed');
    expect(asText(fileTree(out))).toEqual(before);
    expectClean();
    // the next run is not hindered (no lock, no half generation left)
    writeOutputAtomic(out, v2);
    expect(sorted(asText(fileTree(out)))).toEqual(expectedV2(before));
    expectClean();
  });

  it('stale temporary folders of earlier runs and crashed runs are removed', () => {
    withV1();
    for (const n of ['.consolidated.tmp-123', '.consolidated.old-456', '.consolidated.gen-000000000-1-abc', '.consolidated.link-x']) mkdirSync(join(dir, n));
    writeFileSync(join(dir, 'unrelated.txt'), 'keep me');
    writeOutputAtomic(out, v2);
    expect(readdirSync(dir).filter((n) => n !== 'unrelated.txt' && n !== 'consolidated' && n !== readlinkSync(out))).toEqual([]);
    expect(existsSync(join(dir, 'unrelated.txt'))).toBe(true);
  });
});

describe("the site's swap (old folder aside, new folder in: two renames)", () => {
  /** a site folder with one page; `marker`: complete (the marker is written last) */
  function siteFolder(path: string, page: string, marker: boolean): void {
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'index.html'), page);
    if (marker) writeFileSync(join(path, OUTPUT_MARKER), 'site\n');
  }

  it('a crash between the renames: the next run finishes the swap with the complete new folder', () => {
    const site = join(dir, 'site');
    siteFolder(join(dir, '.site.old-1-aa'), '<p>old</p>', true);
    siteFolder(join(dir, '.site.tmp-1-bb'), '<p>new</p>', true);
    recoverOutput(site);
    expect(asText(fileTree(site))['index.html']).toBe('<p>new</p>');
    expect(readdirSync(dir)).toEqual(['site']);
  });

  it('a crash before the new folder was complete: the old one is put back', () => {
    const site = join(dir, 'site');
    siteFolder(join(dir, '.site.old-1-aa'), '<p>old</p>', true);
    siteFolder(join(dir, '.site.tmp-1-bb'), '<p>half</p>', false);
    recoverOutput(site);
    expect(asText(fileTree(site))['index.html']).toBe('<p>old</p>');
    expect(readdirSync(dir)).toEqual(['site']);
  });

  it('a crash after the swap: the old folder left aside is removed, the site stays', () => {
    const site = join(dir, 'site');
    siteFolder(site, '<p>new</p>', true);
    siteFolder(join(dir, '.site.old-1-aa'), '<p>old</p>', true);
    recoverOutput(site);
    expect(asText(fileTree(site))['index.html']).toBe('<p>new</p>');
    expect(readdirSync(dir)).toEqual(['site']);
  });

  it('buildSite hands the finished folder to beforeSwap; a failure there leaves the old site as it was', async () => {
    const site = join(dir, 'site');
    siteFolder(site, '<p>old</p>', true);
    await expect(buildSite(fixtureInput(), site, { search: false, beforeSwap: () => { throw new Error('disk full'); } })).rejects.toThrow('disk full');
    expect(asText(fileTree(site))).toEqual({ [OUTPUT_MARKER]: 'site\n', 'index.html': '<p>old</p>' });
    expect(readdirSync(dir)).toEqual(['site']);
    let handed: string[] = [];
    await buildSite(fixtureInput(), site, { search: false, beforeSwap: (d) => void (handed = readdirSync(d)) });
    expect(handed).toContain('index.html');
    expect(existsSync(join(site, 'index.html'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['site']);
  });
});

describe('the lock', () => {
  it('a lock of a process that no longer runs is taken over', () => {
    writeFileSync(join(dir, '.consolidated.lock'), '999999999\n');
    writeOutputAtomic(out, v1);
    expect(existsSync(join(dir, '.consolidated.lock'))).toBe(false);
  });

  it('a live lock makes a run wait, then fail with a clear one-line message (exit code 1)', () => {
    writeOutputAtomic(out, v1);
    const lock = acquireOutputLock(out);
    try {
      // another pid holds it: fake one that is alive (our parent)
      writeFileSync(lock.file, `${process.ppid}\n`);
      let told = '';
      const t = Date.now();
      expect(() => writeOutputAtomic(out, v2, { waitMs: 300, onWait: (m) => (told = m) })).toThrow(/being written by another fassung run \(pid \d+/);
      expect(Date.now() - t).toBeGreaterThanOrEqual(250);
      expect(told).toMatch(/waiting for another fassung run/);
      const e = (() => {
        try {
          writeOutputAtomic(out, v2, { waitMs: 0 });
        } catch (x) {
          return x as UserError;
        }
      })();
      expect(e?.exitCode).toBe(1);
      expect(e?.code).toBe('output-locked');
      expect(e?.message).not.toContain('\n');
    } finally {
      lock.release();
    }
    expect(asText(fileTree(out))['index.json']).toBe('{"v":1}\n');
  });

  it.runIf(existsSync(DIST_WRITER))('two concurrent runs into one folder both finish, one after the other', async () => {
    writeOutputAtomic(out, v1);
    const script = (v: OutputFile[]) => `
      import { writeOutputAtomic } from ${JSON.stringify(DIST_WRITER)};
      const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      writeOutputAtomic(${JSON.stringify(out)}, ${JSON.stringify(v)}, { fault: (s) => { if (s === 'written') sleep(300); } });
    `;
    const runOne = (v: OutputFile[]) =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const p = spawn(process.execPath, ['--input-type=module', '-e', script(v)]);
        let err = '';
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => done({ code, err }));
      });
    const rs = await Promise.all([runOne(v1), runOne(v2), runOne(v1), runOne(v2)]);
    for (const r of rs) expect(r.code, r.err).toBe(0);
    const now = asText(fileTree(out));
    const which = now['index.json'] === '{"v":2}\n' ? v2 : v1;
    for (const f of which) expect(now[f.path]).toBe(f.content);
    expectClean();
    expect(existsSync(join(dir, '.consolidated.lock'))).toBe(false);
  }, 60_000);
});
