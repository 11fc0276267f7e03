/**
 * Benchmark: phases of the pipeline on the real corpus (median of 5 runs), peak memory, machine-
 * independent ratios, and a scale test with synthetic acts of 1 000 … 10 000 instructions.
 *
 *   npm run bench   (build if stale, then node --expose-gc dist/bench/bench.js; `-- --only-truth` for the
 *                    figures of issue 14 alone, see truth.ts; `-- --no-start` skips timing `npm start`,
 *                    whose first run brings consolidated/ up to date and may build the whole site)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadManifest, readCorpusText, resolveCorpusDir, type ActEntry } from '../src/corpus/manifest.js';
import { parseStatute } from '../src/model/parse-statute.js';
import { loadAct } from '../src/act/load-act.js';
import { applyInstructions, consolidate, loadCorpus, type Corpus } from '../src/consolidate/consolidate.js';
import { vocabularyOf } from '../src/text/vocabulary.js';
import { consolidationFiles, writeOutputAtomic } from '../src/consolidate/write-output.js';
import { generateSyntheticAct } from '../src/bench/synthetic-act.js';
import type { Law } from '../src/model/types.js';
import { median, truth } from './truth.js';
import type { ChangeRecord, Consolidation } from '../src/consolidate/types.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';

const RUNS = 5;
let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}
const gc = (globalThis as { gc?: () => void }).gc;

function time<T>(f: () => T): { ms: number; value: T } {
  gc?.();
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  sample();
  return { ms, value };
}

async function timeAsync<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  gc?.();
  const t0 = performance.now();
  const value = await f();
  const ms = performance.now() - t0;
  sample();
  return { ms, value };
}

function medianOf<T>(f: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const r = time(f);
    times.push(r.ms);
    value = r.value;
  }
  return { ms: median(times), value };
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(9)} ms`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function optionalPhase(
  label: string,
  modulePath: string,
  run: (mod: Record<string, unknown>) => Promise<unknown>,
  runs = RUNS,
): Promise<{ ms: number; value: unknown } | undefined> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(modulePath)) as Record<string, unknown>;
  } catch {
    console.log(`${label.padEnd(44)} n/a (module not present)`);
    return undefined;
  }
  try {
    const times: number[] = [];
    let value: unknown;
    for (let i = 0; i < runs; i++) {
      const r = await timeAsync(() => run(mod));
      times.push(r.ms);
      value = r.value;
    }
    const ms = median(times);
    console.log(`${label.padEnd(44)}${fmt(ms)}${runs === 1 ? ' (one run)' : ''}`);
    return { ms, value };
  } catch (e) {
    console.log(`${label.padEnd(44)} n/a (module present, call failed: ${(e as Error).message.split('\n')[0]})`);
    return undefined;
  }
}

function fn(mod: Record<string, unknown>, names: string[]): (...args: unknown[]) => unknown {
  for (const n of names) if (typeof mod[n] === 'function') return mod[n] as (...args: unknown[]) => unknown;
  throw new Error(`none of ${names.join(', ')} exported`);
}

async function realCorpus(): Promise<void> {
  // the phases below measure work, not the parsed-tree cache
  process.env.FASSUNG_CACHE = 'off';
  const dir = resolveCorpusDir();
  const manifest = loadManifest();
  console.log(`corpus: ${dir} (${manifest.laws.length} laws, ${manifest.acts.length} acts); median of ${RUNS} runs\n`);

  const parseBases = medianOf(() => {
    const m = new Map<string, Law>();
    for (const l of manifest.laws) m.set(l.id, parseStatute(readCorpusText(dir, l.base.file), { lawId: l.id }));
    return m;
  });
  console.log(`${'load + parse base texts (no cache)'.padEnd(44)}${fmt(parseBases.ms)}`);

  const baseTexts = manifest.laws.map((l) => readCorpusText(dir, l.base.file));
  const vocab = vocabularyOf(baseTexts);
  const parseActs = medianOf(() => manifest.acts.map((a) => loadAct(a, manifest, (rel) => readCorpusText(dir, rel), vocab)));
  const instr = parseActs.value.reduce((s, a) => s + a.instructions.length, 0);
  console.log(`${`parse acts (${instr} instructions)`.padEnd(44)}${fmt(parseActs.ms)}`);

  const corpus: Corpus = loadCorpus(manifest, dir);
  const cons = medianOf(() => consolidate(corpus));
  const versions = cons.value.laws.reduce((s, l) => s + l.versions.length, 0);
  console.log(`${`apply operations, build ${versions} versions (${cons.value.changes.length} ops)`.padEnd(44)}${fmt(cons.ms)}`);

  const out = mkdtempSync(join(tmpdir(), 'fassung-bench-'));
  let writeMs = 0;
  try {
    const write = medianOf(() => {
      let count = 0;
      writeOutputAtomic(join(out, 'consolidated'), (function* () {
        for (const f of consolidationFiles(cons.value)) {
          count++;
          yield f;
        }
      })());
      return count;
    });
    console.log(`${`write output (${write.value} files)`.padEnd(44)}${fmt(write.ms)}`);
    writeMs = write.ms;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  const result: Consolidation = cons.value;
  await optionalPhase('resolve facts', '../src/facts/resolve-facts.js', async (mod) => {
    const cat = (await import('../src/facts/catalogue.js' as string)) as Record<string, unknown>;
    const catalogue = fn(cat, ['loadFactCatalogue'])(undefined, manifest.laws.map((l) => l.id));
    return fn(mod, ['resolveFacts'])({ laws: result.laws, changes: result.changes, catalogue });
  });
  const siteOut = mkdtempSync(join(tmpdir(), 'fassung-bench-site-'));
  let site: { ms: number; value: unknown } | undefined;
  try {
    const acts = corpus.acts.map((a) => ({
      entry: a.entry,
      text: a.texts.map((t) => t.text).join('\n\n'),
      instructions: a.instructions.map((i) => ({
        path: i.path,
        artikel: i.artikel,
        line: i.source.line,
        wording: i.wording,
        status: i.status === 'parsed' ? 'applied' : i.status,
        effective: i.effective,
        changeIndices: result.changes.flatMap((c, k) => (c.act === i.act && c.path === i.path ? [k] : [])),
      })),
    }));
    site = await optionalPhase('build site (no pagefind search index)', '../src/site/build-site.js', async (mod) =>
      fn(mod, ['buildSite'])({ consolidation: result, acts }, join(siteOut, 'site'), { search: false }),
      1, // thousands of pages: one run
    );
  } finally {
    rmSync(siteOut, { recursive: true, force: true });
  }

  sample();
  console.log(`\npeak memory (sampled after each run): rss ${mb(peakRss)}, heapUsed ${mb(peakHeap)}`);
  console.log('\nmachine-independent ratios:');
  console.log(`  apply time / base-text parse time           ${(cons.ms / parseBases.ms).toFixed(4)}`);
  const whole = parseBases.ms + parseActs.ms + cons.ms + writeMs;
  console.log(`  parse base texts + acts, apply, write (no facts, no snapshots) / base-text parse time  ${(whole / parseBases.ms).toFixed(2)}`);
  console.log('  (the work of the real `consolidate` command, snapshots included, is the figure at the top)');
  const pages = site ? pageCount(site.value) : undefined;
  if (site && pages) console.log(`  site build time / page                      ${(site.ms / pages).toFixed(3)} ms (${pages} pages)`);
  else console.log(`  site build time / page                      n/a (${site ? 'page count unknown' : 'site module not present'})`);
}

function pageCount(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['pages', 'pageCount', 'files']) {
      const x = o[k];
      if (typeof x === 'number') return x;
      if (Array.isArray(x)) return x.length;
    }
  }
  return undefined;
}

function scaleTest(): void {
  const dir = resolveCorpusDir();
  const manifest = loadManifest();
  const law = manifest.laws.find((l) => l.id === 'aufenthg');
  if (!law) {
    console.log('\nscale test: n/a (no aufenthg in the manifest)');
    return;
  }
  const base = parseStatute(readCorpusText(dir, law.base.file), { lawId: law.id });
  const entry: ActEntry = {
    id: 'synthetic',
    title: 'Synthetisches Änderungsgesetz',
    kind: 'Gesetz',
    date: '2029-12-01',
    citation: 'synthetisch',
    verkuendung: { date: '2029-12-15', source: 'bench' },
    files: ['acts/synthetic.txt'],
    missing: null,
    inkrafttreten: null,
  };
  console.log('\nscale test: synthetic act against AufenthG (parse = clean + parse + instructions, apply = applyInstructions)');
  console.log('       n   parse ms   apply ms   total ms    instr/s   applied  failed');
  const totals = new Map<number, number>();
  const applies = new Map<number, number>();
  // warm-up (JIT), not reported
  {
    const w = generateSyntheticAct(base, 500, 7);
    applyInstructions(base, loadAct(entry, manifest, () => w.text).instructions, [], []);
  }
  for (const n of [1000, 2000, 5000, 10000]) {
    const act = generateSyntheticAct(base, n, 42);
    const runs = n >= 5000 ? 1 : 3;
    const pt: number[] = [];
    const at: number[] = [];
    let applied = 0;
    let failed = 0;
    let firstFail = '';
    for (let r = 0; r < runs; r++) {
      const p = time(() => loadAct(entry, manifest, () => act.text));
      const changes: ChangeRecord[] = [];
      const diags: Diagnostic[] = [];
      const a = time(() => applyInstructions(base, p.value.instructions, changes, diags));
      pt.push(p.ms);
      at.push(a.ms);
      applied = changes.filter((c) => c.status === 'applied').length;
      failed = changes.length - applied;
      firstFail = changes.find((c) => c.status !== 'applied')?.reason ?? p.value.instructions.find((i) => i.status !== 'parsed')?.diagnostics[0]?.message ?? '';
    }
    const parse = median(pt);
    const apply = median(at);
    totals.set(n, parse + apply);
    applies.set(n, apply);
    console.log(
      `${String(n).padStart(8)} ${parse.toFixed(0).padStart(10)} ${apply.toFixed(0).padStart(10)} ${(parse + apply).toFixed(0).padStart(10)} ${Math.round((n / (parse + apply)) * 1000)
        .toString()
        .padStart(10)} ${String(applied).padStart(9)} ${String(failed).padStart(7)}${firstFail ? `   e.g. ${firstFail.slice(0, 80)}` : ''}`,
    );
  }
  console.log(`growth ratio time(10 000)/time(1 000): total ${(totals.get(10000)! / totals.get(1000)!).toFixed(1)}, apply ${(applies.get(10000)! / applies.get(1000)!).toFixed(1)} (≈10 = linear)`);
  sample();
  console.log(`peak memory incl. scale test: rss ${mb(peakRss)}, heapUsed ${mb(peakHeap)}`);
}

const t0 = performance.now();
await truth();
if (process.argv.includes('--only-truth')) process.exit(0);
await realCorpus();
scaleTest();
console.log(`\nbench total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
