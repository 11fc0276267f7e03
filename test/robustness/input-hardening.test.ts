/**
 * issue 12 item 5: inputs cannot make fassung read outside the corpus, read forever, recurse to death
 * or print a stack trace. Every case ends within 2 s with one line `fassung: error[code]: …`, exit 2.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcess, miniCorpus, MINI_ACT, MINI_BASE, type CliResult } from '../cli/fixture.js';
import { HAS_CORPUS } from '../helpers.js';
import { corpusRealPath, jsonDepth, parseJsonText, readRegularFile } from '../../src/corpus/read-file.js';
import { UserError } from '../../src/diagnostics/diagnostic.js';

const ONE_LINE_ERROR = /^fassung: error\[[a-z0-9-]+\]: [^\n]+\n$/;
const tmp = mkdtempSync(join(tmpdir(), 'fassung-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let mini: ReturnType<typeof miniCorpus>;
beforeAll(() => {
  mini = miniCorpus(mkdtempSync(join(tmp, 'mini-')), 'beschv');
});

/** run in-process without cache (the corpus changes between cases); must end within 2 s */
async function timed(...argv: string[]): Promise<CliResult & { ms: number }> {
  const t = performance.now();
  const r = await inProcess({ cache: undefined })(...argv);
  return { ...r, ms: performance.now() - t };
}

/** a one-line refusal; within 2 s unless `timeBound` is false (cases that first parse the base texts) */
function refused(r: CliResult & { ms: number }, code: string, what: string, timeBound = true): void {
  expect(r.code, `${what}: ${r.err}`).toBe(2);
  expect(r.err, what).toMatch(ONE_LINE_ERROR);
  expect(r.err, what).toContain(`error[${code}]`);
  expect(r.out, what).toBe('');
  if (timeBound) expect(r.ms, what).toBeLessThan(2000);
}

function withManifest(edit: (m: any) => void): string {
  const m = JSON.parse(JSON.stringify(mini.manifestData));
  edit(m);
  const file = join(tmp, `manifest-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(m));
  return file;
}

describe.runIf(HAS_CORPUS)('corpus files: one real-path check against the corpus root', () => {
  it('a manifest base file ../../../../etc/passwd is refused, not printed', async () => {
    const manifest = withManifest((m) => (m.laws[0].base.file = '../../../../etc/passwd'));
    for (const argv of [['show', 'beschv'], ['versions', 'beschv'], ['show', 'beschv', '--date', '2024-03-01']]) {
      const r = await timed('--corpus', mini.dir, '--manifest', manifest, ...argv);
      refused(r, 'path-outside-corpus', argv.join(' '), false);
      expect(r.err).not.toContain('root:');
    }
  });

  it('an absolute path in the manifest is refused too', async () => {
    const manifest = withManifest((m) => (m.acts[0].files = ['/etc/passwd']));
    refused(await timed('--corpus', mini.dir, '--manifest', manifest, 'instructions', 'mini-2024'), 'path-outside-corpus', 'absolute act path', false);
  });

  it('an act file that is a symbolic link out of the corpus is refused (so never published)', async () => {
    const outside = join(tmp, 'outside-act.txt');
    writeFileSync(outside, MINI_ACT);
    const act = join(mini.dir, 'acts', 'mini.txt');
    const saved = readFileSync(act);
    unlinkSync(act);
    symlinkSync(outside, act);
    try {
      for (const argv of [['instructions', 'mini-2024'], ['consolidate', '--out', join(tmp, 'out-link')], ['site', '--out', join(tmp, 'site-link')]]) {
        const r = await timed('--corpus', mini.dir, '--manifest', mini.manifest, ...argv);
        refused(r, 'path-outside-corpus', argv.join(' '), false);
        expect(r.err).toMatch(/symbolic link leading out of the corpus/);
      }
    } finally {
      unlinkSync(act);
      writeFileSync(act, saved);
    }
  });

  it('a folder of the corpus linked outside is refused; a link inside the corpus is fine', () => {
    const outsideDir = join(tmp, 'outside-dir');
    mkdirSync(outsideDir, { recursive: true });
    writeFileSync(join(outsideDir, 'x.txt'), 'x');
    symlinkSync(outsideDir, join(mini.dir, 'linked'));
    expect(() => corpusRealPath(mini.dir, 'linked/x.txt')).toThrow(/leading out of the corpus/);
    symlinkSync(join(mini.dir, MINI_BASE), join(mini.dir, 'alias.md'));
    expect(corpusRealPath(mini.dir, 'alias.md')).toBe(join(mini.dir, MINI_BASE));
    // the corpus root itself may be a link
    const rootLink = join(tmp, 'corpus-link');
    symlinkSync(mini.dir, rootLink);
    expect(corpusRealPath(rootLink, MINI_BASE)).toBe(join(mini.dir, MINI_BASE));
  });
});

describe('regular files only, with size limits: /dev/zero, FIFOs, folders', () => {
  it.runIf(HAS_CORPUS)('--profile /dev/zero and --manifest /dev/zero end within 2 s with a one-line error', async () => {
    refused(await timed('--manifest', '/dev/zero', 'laws'), 'file-not-regular', '--manifest /dev/zero');
    refused(await timed('--corpus', mini.dir, '--manifest', mini.manifest, 'check', '--profile', '/dev/zero', '--date', '2024-03-01'), 'file-not-regular', '--profile /dev/zero');
    refused(await timed('--corpus', mini.dir, '--manifest', mini.manifest, 'apply', 'beschv', '--from', '/dev/urandom', '--date', '2024-03-01'), 'file-not-regular', '--from /dev/urandom');
    refused(await timed('--manifest', tmp, 'laws'), 'file-not-regular', '--manifest <folder>');
  });

  it('a named pipe nobody writes to does not hang', async () => {
    const fifo = join(tmp, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    refused(await timed('--manifest', fifo, 'laws'), 'file-not-regular', '--manifest <fifo>');
  });

  it('files over the limit are refused without reading them whole', () => {
    const big = join(tmp, 'big.json');
    writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 0x20));
    const t = performance.now();
    expect(() => readRegularFile(big, { what: 'manifest', maxBytes: 5 * 1024 * 1024 })).toThrow(/manifest too large/);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('into a scratch buffer: the same bytes, the same limits; a file that does not fit gets its own buffer', () => {
    const small = join(tmp, 'small.txt');
    const large = join(tmp, 'large.txt');
    writeFileSync(small, 'Die Zustimmung „25 000“.\n');
    writeFileSync(large, Buffer.alloc(200 * 1024, 0x61));
    const scratch = Buffer.alloc(128 * 1024, 0x2a);
    const a = readRegularFile(small, { into: scratch });
    expect(a.equals(readFileSync(small))).toBe(true);
    expect(a.buffer).toBe(scratch.buffer); // a view of the scratch buffer
    const b = readRegularFile(large, { into: scratch });
    expect(b.equals(readFileSync(large))).toBe(true);
    expect(b.buffer).not.toBe(scratch.buffer);
    expect(() => readRegularFile(large, { into: scratch, maxBytes: 100 * 1024 })).toThrow(/too large/);
  });

  it.runIf(process.getuid?.() !== 0)('an unreadable file (EACCES) is one line', async () => {
    const locked = join(tmp, 'locked.json');
    writeFileSync(locked, '{}');
    chmodSync(locked, 0);
    refused(await timed('--manifest', locked, 'laws'), 'file-unreadable', 'EACCES');
  });

  it('a path through a file (ENOTDIR) or a missing one is one line', async () => {
    writeFileSync(join(tmp, 'plain'), 'x');
    refused(await timed('--manifest', join(tmp, 'plain', 'manifest.json'), 'laws'), 'manifest-missing', 'ENOTDIR manifest');
    refused(await timed('--corpus', join(tmp, 'plain'), 'laws'), 'corpus-missing', 'ENOTDIR corpus');
    refused(await timed('consolidate', '--out', join(tmp, 'plain', 'x')), 'out-refused', 'ENOTDIR out');
    refused(await timed('consolidate', '--out', join(tmp, 'plain')), 'out-refused', 'EEXIST out (a file)');
    symlinkSync(join(tmp, 'nowhere'), join(tmp, 'dangling'));
    refused(await timed('consolidate', '--out', join(tmp, 'dangling')), 'out-refused', 'dangling link out');
  });

  it('--out /proc/x and /sys/x never hang', async () => {
    refused(await timed('consolidate', '--out', '/proc/x'), 'out-refused', '/proc/x');
    refused(await timed('site', '--out', '/sys/x/y'), 'out-refused', '/sys/x/y');
  });
});

describe('bounded JSON nesting', () => {
  it('3,000 and 200,000 deep manifests end within 2 s with a one-line error', async () => {
    for (const depth of [3000, 200_000]) {
      const file = join(tmp, `deep-${depth}.json`);
      writeFileSync(file, '{"laws":' + '['.repeat(depth) + ']'.repeat(depth) + ',"acts":[]}');
      refused(await timed('--manifest', file, 'laws'), 'manifest-invalid', `${depth} deep`);
      const r = await timed('--manifest', file, 'laws');
      expect(r.err).toMatch(/nested deeper than 64 levels/);
    }
  });

  it('the depth scan skips strings and escapes', () => {
    expect(jsonDepth('{"a":"[[[[[\\"[[[","b":[{}]}')).toBe(3);
    expect(() => parseJsonText('['.repeat(65) + ']'.repeat(65), 'x.json')).toThrow(UserError);
    expect(parseJsonText('['.repeat(64) + ']'.repeat(64), 'x.json')).toBeDefined();
    expect(() => parseJsonText('{"a": }', 'x.json', { what: 'profile' })).toThrow(/^malformed profile x\.json: not valid JSON \(/);
  });
});
