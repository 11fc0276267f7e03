/**
 * Bad input never crashes the CLI: each case ends with a clear diagnostic (file:line:col:
 * severity[code]: message) or a UserError (exit code 2, "fassung: error[code]: …", no stack trace),
 * and a failing run leaves the previous consolidated output byte for byte intact.
 *
 * In-process (runCli); test/cli/contract.test.ts checks the exit codes of the real process.
 */
import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTree } from '../helpers.js';
import { DEFAULT_CORPUS, DEFAULT_MANIFEST } from '../../src/corpus/manifest.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { runCli } from '../../src/cli.js';
import { beschvAct } from '../cli/fixture.js';

const ROOT = resolve(__dirname, '..', '..');
const SOURCE_CORPUS = process.env.FASSUNG_CORPUS ? resolve(process.env.FASSUNG_CORPUS) : DEFAULT_CORPUS;
const VO_FILE = 'acts/bgbl-2023-i-233_verordnung-weiterentwicklung-fachkraefteeinwanderung.txt';

let tmp: string;
let corpus: string;
let manifest: string;
let goodOut: string;
let snapshot: Map<string, Buffer>;
let voOriginal: string;

const tree = fileTree;

/** the CLI in-process (runCli), fresh for every call: the corpus changes between cases */
async function run(args: string[], opts: { manifest?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['--corpus', corpus, '--manifest', opts.manifest ?? manifest, ...args], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env: { ...process.env, FASSUNG_CORPUS: corpus },
  });
  return { status, stdout, stderr };
}

function expectNoCrash(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/); // a stack frame
  expect(stderr).not.toMatch(/^(?:Type|Reference|Range|Syntax)?Error: /m);
}

/**
 * A copy of a folder whose files are hard links to the originals: 80 MB not written again per case.
 * Safe because fassung never writes into an output file (a run writes a new generation), and the check
 * compares with the bytes read before the run.
 */
function linkCopy(from: string, to: string): void {
  mkdirSync(to);
  for (const name of readdirSync(from)) {
    const p = join(from, name);
    if (statSync(p).isDirectory()) linkCopy(p, join(to, name));
    else linkSync(p, join(to, name));
  }
}

/** Run consolidate into a fresh copy of the good output; a failing run must leave it byte-identical. */
async function consolidateInto(extra: string[] = [], opts: { manifest?: string } = {}) {
  const out = mkdtempSync(join(tmp, 'out-'));
  rmSync(out, { recursive: true, force: true });
  linkCopy(realpathSync(goodOut), out); // goodOut is a link to its generation
  const r = await run(['consolidate', '--out', out, ...extra], opts);
  expectNoCrash(r.stderr);
  // exit code 1: the run reported errors and wrote its output; 2: bad input, nothing written
  expect(r.status, r.stderr).toBe(r.status === 2 ? 2 : /^(?:\S+: )?error\[/m.test(r.stderr) ? 1 : 0);
  if (r.status === 2) {
    expect(r.stderr).toMatch(/^fassung: error\[[a-z0-9-]+\]: /m);
    const after = tree(out);
    expect([...after.keys()]).toEqual([...snapshot.keys()]);
    for (const [k, v] of snapshot) expect(after.get(k)!.equals(v), k).toBe(true);
  }
  return r;
}

/** a formatted diagnostic `file:line:col: severity[code]: message` of the act file */
function diagnosticsOf(stderr: string, file = VO_FILE): Array<{ line: number; col: number; severity: string; code: string; message: string }> {
  const esc = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...stderr.matchAll(new RegExp(`^${esc}:(\\d+):(\\d+): (error|warning|info)\\[([a-z0-9-]+)\\]: (.+)$`, 'gm'))].map((m) => ({
    line: Number(m[1]),
    col: Number(m[2]),
    severity: m[3],
    code: m[4],
    message: m[5],
  }));
}

async function withAct(text: string | Buffer, fn: () => Promise<void>): Promise<void> {
  writeFileSync(join(corpus, VO_FILE), text);
  try {
    await fn();
  } finally {
    writeFileSync(join(corpus, VO_FILE), voOriginal);
  }
}

/** A small Verordnung against the BeschV in the drafting style of the corpus; `instr` is line 9. */
function smallAct(instr: string, inkraft?: string): string {
  return beschvAct('zur Prüfung der Fehlerbehandlung', instr, inkraft);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'fassung-bad-input-'));
  corpus = join(tmp, 'corpus');
  cpSync(SOURCE_CORPUS, corpus, { recursive: true });
  manifest = join(tmp, 'manifest.json');
  cpSync(DEFAULT_MANIFEST, manifest);
  voOriginal = readFileSync(join(corpus, VO_FILE), 'utf8');
  goodOut = join(tmp, 'good');
  const r = await run(['consolidate', '--out', goodOut]);
  expect(r.status, r.stderr).toBe(0);
  snapshot = tree(goodOut);
  expect(snapshot.size).toBeGreaterThan(0);
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('bad act texts', () => {
  it('a quote that never closes', async () => {
    const at = voOriginal.indexOf('„', Math.floor(voOriginal.length / 2));
    const broken = voOriginal.slice(0, at + 1) + voOriginal.slice(at + 1).replace(/“/g, '');
    await withAct(broken, async () => {
      const r = await consolidateInto();
      expect(r.status).not.toBe(2); // consolidateInto: 1 exactly when errors were reported
      const ds = diagnosticsOf(r.stderr);
      expect(ds.length).toBeGreaterThan(0);
      const lineCount = broken.split('\n').length;
      for (const d of ds) expect(d.line >= 1 && d.line <= lineCount, `${d.line}`).toBe(true);
      // the unclosed quote is reported at or after the line where it opens
      const openLine = broken.slice(0, at).split('\n').length;
      expect(ds.some((d) => d.line >= openLine && /quote|incomplete|unclosed|cut off/i.test(d.code + ' ' + d.message))).toBe(true);
    });
  }, 60_000);

  it('an instruction addressing a § that does not exist', async () => {
    await withAct(smallAct('1. In § 999 Absatz 1 wird das Wort „Beschäftigung“ durch das Wort „Tätigkeit“ ersetzt.'), async () => {
      const r = await consolidateInto();
      expect(r.status).toBe(1); // an error was reported
      const d = diagnosticsOf(r.stderr).find((x) => x.code === 'target-not-found');
      expect(d, r.stderr).toBeDefined();
      expect(d!.line).toBe(9);
      expect(d!.message).toMatch(/§ 999/);
    });
  }, 60_000);

  it('quoted words that occur twice without "jeweils"', async () => {
    const beschv = parseStatute(readFileSync(join(corpus, 'base/beschv_2013.md'), 'utf8'), { lawId: 'beschv' });
    let instr: string | undefined;
    for (const p of beschv.body) {
      if (instr || p.kind !== 'paragraph') continue;
      for (const a of p.children) {
        if (instr || a.kind !== 'absatz') continue;
        for (const s of a.children) {
          if (instr || s.text === undefined) continue;
          // twice as a whole word, and nowhere inside another word
          const w = (s.text.match(/\p{L}{6,}/gu) ?? []).find(
            (x) => s.text!.split(x).length === 3 && (s.text!.match(new RegExp(`(?<![\\p{L}\\p{N}])${x}(?![\\p{L}\\p{N}])`, 'gu')) ?? []).length === 2,
          );
          if (w) instr = `1. In § ${p.label} Absatz ${a.label} Satz ${s.label} wird das Wort „${w}“ durch das Wort „Prüfwort“ ersetzt.`;
        }
      }
    }
    expect(instr).toBeDefined();
    await withAct(smallAct(instr!), async () => {
      const r = await consolidateInto();
      expect(r.status).toBe(1); // an error was reported
      const ds = diagnosticsOf(r.stderr).filter((x) => x.line === 9 && x.severity === 'error');
      expect(ds.length, `${instr}\n${diagnosticsOf(r.stderr).map((d) => JSON.stringify(d)).join('\n')}`).toBeGreaterThan(0);
      expect(ds[0].code).toBe('words-ambiguous');
      expect(ds[0].message).toMatch(/occurs 2 times .*jeweils/);
    });
  }, 60_000);

  it('an Inkrafttreten article with an impossible date', async () => {
    await withAct(smallAct('1. In § 999 wird das Wort „a“ gestrichen.', 'Diese Verordnung tritt am 31. Februar 2024 in Kraft.'), async () => {
      const r = await consolidateInto();
      expect(r.status).not.toBe(2); // 1 when the impossible date is reported as an error
      const d = diagnosticsOf(r.stderr).find((x) => x.code === 'impossible-date');
      expect(d, r.stderr).toBeDefined();
      expect(d!.line).toBe(13);
      expect(d!.message).toMatch(/31\. Februar 2024/);
    });
  }, 60_000);

  it('an empty file', async () => {
    await withAct('', async () => {
      const r = await consolidateInto();
      expect(r.status).not.toBe(2); // consolidateInto: 1 exactly when errors were reported
      const d = diagnosticsOf(r.stderr).find((x) => x.code === 'empty-file');
      expect(d, r.stderr).toBeDefined();
      expect(d!.line).toBe(1);
    });
  }, 60_000);

  it('a binary file', async () => {
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) & 0xff;
    await withAct(bin, async () => {
      const r = await consolidateInto();
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/error\[file-binary\]: .*bgbl-2023-i-233/);
    });
  }, 60_000);

  it('a 50 MB file', async () => {
    const line = 'Die Beschäftigungsverordnung wird wie folgt geändert: ' + 'x'.repeat(200) + '\n';
    const big = line.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(line)));
    await withAct(big, async () => {
      const r = await consolidateInto();
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/error\[file-too-large\]: /);
    });
  }, 60_000);
});

describe('bad ids and manifests', () => {
  it('a law id like ../../etc on the command line', async () => {
    for (const args of [['show', '../../etc'], ['versions', '../../etc']]) {
      const r = await run(args);
      expectNoCrash(r.stderr);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^fassung: error\[unknown-law\]: invalid law id "\.\.\/\.\.\/etc"/m);
    }
  }, 60_000);

  it('a law id like ../../etc in the manifest', async () => {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    m.laws[0].id = '../../etc';
    const bad = join(tmp, 'manifest-bad-id.json');
    writeFileSync(bad, JSON.stringify(m));
    const r = await consolidateInto([], { manifest: bad });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error\[manifest-invalid\]: [\s\S]*laws\[0\]\.id: "\.\.\/\.\.\/etc" is not a safe id/);
  }, 60_000);

  it('a base file path leaving the corpus', async () => {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    m.laws[0].base.file = '../../../../etc/passwd';
    const bad = join(tmp, 'manifest-bad-path.json');
    writeFileSync(bad, JSON.stringify(m));
    const r = await consolidateInto([], { manifest: bad });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error\[path-outside-corpus\]: /);
  }, 60_000);

  it('a manifest with wrong types', async () => {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    m.laws[0].names = 'Aufenthaltsgesetz';
    m.laws[1].base.validFrom = 20220729;
    m.acts[0].files = { file: 'x.txt' };
    m.acts[1].date = '2023-02-31';
    const bad = join(tmp, 'manifest-bad-types.json');
    writeFileSync(bad, JSON.stringify(m));
    const r = await consolidateInto([], { manifest: bad });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error\[manifest-invalid\]: /);
    expect(r.stderr).toMatch(/laws\[0\]\.names: expected an array/);
    expect(r.stderr).toMatch(/laws\[1\]\.base\.validFrom: /);
    expect(r.stderr).toMatch(/acts\[0\]\.files: expected an array/);
    expect(r.stderr).toMatch(/acts\[1\]\.date: expected a date/);
  }, 60_000);

  it('a manifest that is not JSON, or not an object', async () => {
    for (const [name, content] of [['m1.json', '{ "laws": ['], ['m2.json', '42'], ['m3.json', 'null']]) {
      const bad = join(tmp, name);
      writeFileSync(bad, content);
      const r = await consolidateInto([], { manifest: bad });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/error\[manifest-invalid\]: /);
    }
  }, 60_000);
});
