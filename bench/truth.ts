/**
 * The figures of issue 14 ("Fast"), all measured in this run on this machine:
 *
 * - the floor: read the three base texts + split them into lines + JSON.parse of their finished trees;
 * - parse of the three laws without the cache, and its ratio to the floor (target ≤ 10);
 * - AufenthG ×10 ÷ AufenthG ×1 (target ≤ 11, linear) and peak memory per input char (target ≤ 50 B),
 *   the latter in a child process (its max RSS minus that of a child that only reads the text);
 * - the work of the `consolidate` command (load, parse, apply, facts incl. the official snapshots it
 *   reads, write), cold (no cache), ÷ parse of the three laws (target ≤ 2);
 * - wall time of real CLI processes (`show --date --unit`, `diff --unit`, `facts --date`), cold (empty
 *   cache) and warm (cache filled), median of 3 (target ≤ 1 s cold, ≤ 250 ms warm);
 * - the projection for 2 GB of statute text at the measured parse rate on 2 cores.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadManifest, readCorpusText, resolveCorpusDir } from '../src/corpus/manifest.js';
import { parseStatuteUncached } from '../src/model/parse-statute.js';
import { blockStats } from '../src/model/block-lines.js';
import { consolidate, loadCorpus } from '../src/consolidate/consolidate.js';
import { consolidationFiles, writeOutputAtomic } from '../src/consolidate/write-output.js';
import { factsOutputFile, resolveCorpusFacts } from '../src/pipeline.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(HERE, '..', 'src', 'cli.js');
const gc = (globalThis as { gc?: () => void }).gc;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function medianMs(runs: number, f: () => unknown): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
}
const line = (label: string, value: string, target = '') => console.log(`${label.padEnd(66)}${value.padStart(12)}${target ? `   (${target})` : ''}`);
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Max RSS (bytes) of a child node process that runs `code`. */
function childMaxRss(code: string, env: NodeJS.ProcessEnv): number {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `${code}\nprocess.stdout.write(String(process.resourceUsage().maxRSS * 1024));`], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout);
}

function cliWall(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr.split('\n')[0]}`);
  return t;
}

export async function truth(): Promise<void> {
  const dir = resolveCorpusDir();
  const manifest = loadManifest();
  const files = manifest.laws.map((l) => join(dir, l.base.file));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const chars = texts.reduce((s, t) => s + t.length, 0);
  console.log(`issue 14 figures (this run; ${(chars / 1024).toFixed(0)} KiB in ${files.length} base texts)\n`);

  // floor and parse, interleaved so that both see the same machine load
  const jsons = texts.map((t, i) => JSON.stringify(parseStatuteUncached(t, { lawId: manifest.laws[i].id })));
  for (let i = 0; i < 2; i++) texts.forEach((t) => parseStatuteUncached(t)); // JIT warm-up
  const floorT: number[] = [];
  const parseT: number[] = [];
  const handedBefore = blockStats.handedOver;
  for (let r = 0; r < 7; r++) {
    floorT.push(
      medianMs(1, () => {
        for (let i = 0; i < files.length; i++) {
          readFileSync(files[i], 'utf8').split('\n');
          JSON.parse(jsons[i]);
        }
      }),
    );
    parseT.push(medianMs(1, () => files.forEach((f, i) => parseStatuteUncached(readFileSync(f, 'utf8'), { lawId: manifest.laws[i].id }))));
  }
  const floor = median(floorT);
  const parse = median(parseT);
  const handed = (blockStats.handedOver - handedBefore) / 7;
  line('floor: read + line split + JSON.parse of the trees', ms(floor));
  line('parse of the three laws (read + parse, no cache)', ms(parse));
  line('  parse ÷ floor', (parse / floor).toFixed(1), 'target ≤ 10');
  line('  share handed to remark-parse (rare sections)', `${((handed / chars) * 100).toFixed(1)} %`);

  // linearity: AufenthG ×1 and ×10
  const aufenthg = manifest.laws.find((l) => l.id === 'aufenthg');
  if (aufenthg) {
    const one = readCorpusText(dir, aufenthg.base.file);
    const ten = Array.from({ length: 10 }, () => one).join('\n');
    // interleaved, so that both sizes meet the same load on a shared machine (one warm-up round first)
    const t1s: number[] = [];
    const t10s: number[] = [];
    for (let r = 0; r < 6; r++) {
      const a = medianMs(3, () => parseStatuteUncached(one));
      const b = medianMs(1, () => parseStatuteUncached(ten));
      if (r > 0) t1s.push(a), t10s.push(b);
    }
    const t1 = median(t1s);
    const t10 = median(t10s);
    line('AufenthG ×1 parse', ms(t1));
    line('AufenthG ×10 parse', ms(t10), `${((t10 * 1000) / ten.length).toFixed(2)} µs/char`);
    line('  ×10 ÷ ×1', (t10 / t1).toFixed(1), 'target ≤ 11, linear');
    const model = JSON.stringify(resolve(HERE, '..', 'src', 'model', 'parse-statute.js'));
    const read = `import { readFileSync } from 'node:fs'; const one = readFileSync(${JSON.stringify(join(dir, aufenthg.base.file))}, 'utf8'); const ten = Array.from({ length: 10 }, () => one).join('\\n');`;
    const env = { ...process.env, FASSUNG_CACHE: 'off' };
    const base = childMaxRss(`${read} globalThis.keep = ten;`, env);
    const peak = childMaxRss(`${read} const { parseStatuteUncached } = await import(${model}); globalThis.keep = parseStatuteUncached(ten);`, env);
    line('peak memory per input char (AufenthG ×10, child max RSS)', `${((peak - base) / ten.length).toFixed(1)} B`, 'target ≤ 50');
  }

  // the work of `consolidate`, cold
  const cacheOff = process.env.FASSUNG_CACHE;
  process.env.FASSUNG_CACHE = 'off';
  const out = mkdtempSync(join(tmpdir(), 'fassung-truth-'));
  const wholeT: number[] = [];
  try {
    for (let r = 0; r < 3; r++) {
      gc?.();
      const t0 = performance.now();
      const c = loadCorpus(manifest, dir);
      const result = consolidate(c);
      const facts = resolveCorpusFacts(c, result);
      result.diagnostics.push(...facts.diagnostics);
      writeOutputAtomic(join(out, 'consolidated'), consolidationFiles(result, [factsOutputFile(result, facts)]));
      wholeT.push(performance.now() - t0);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    if (cacheOff === undefined) delete process.env.FASSUNG_CACHE;
    else process.env.FASSUNG_CACHE = cacheOff;
  }
  const whole = median(wholeT);
  line('`consolidate` work, cold (load, parse, apply, facts + snapshots, write)', ms(whole));
  line('  whole consolidation ÷ parse of the three laws, cold', (whole / parse).toFixed(2), 'target ≤ 2');
  // the consolidation reads far more than the three base texts: every official snapshot and every act
  const baseBytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const inputBytes =
    baseBytes +
    manifest.laws.reduce((s, l) => s + l.official.reduce((t, f) => t + statSync(join(dir, f)).size, 0), 0) +
    manifest.acts.reduce((s, a) => s + a.files.reduce((t, f) => t + statSync(join(dir, f)).size, 0), 0);
  line(`  the same per input byte (${(inputBytes / 1024 / 1024).toFixed(1)} MiB read; base texts ${(baseBytes / 1024 / 1024).toFixed(2)} MiB)`, (whole / inputBytes / (parse / baseBytes)).toFixed(2), 'consolidation ÷ parse, per byte');

  // the same work as the real command does it on a second run: the consolidation and the facts come
  // from the derived-result cache (every input re-checked), the output is written anew (a new folder)
  const warmCache = mkdtempSync(join(tmpdir(), 'fassung-truth-warm-'));
  const warmOut = mkdtempSync(join(tmpdir(), 'fassung-truth-out-'));
  try {
    const env = { ...process.env, FASSUNG_CACHE: warmCache };
    cliWall(['consolidate', '--out', join(warmOut, 'fill')], env);
    const warmT = [0, 1, 2].map((k) => cliWall(['consolidate', '--out', join(warmOut, `run-${k}`)], env));
    const upToDate = median([0, 1, 2].map(() => cliWall(['consolidate', '--out', join(warmOut, 'run-0')], env)));
    const warm = median(warmT);
    line('`consolidate` CLI, cache warm, output written anew (wall)', ms(warm));
    line('  ÷ parse of the three laws', (warm / parse).toFixed(2), 'target ≤ 2');
    line('`consolidate` CLI, cache warm, output up to date (wall)', ms(upToDate));
  } finally {
    rmSync(warmCache, { recursive: true, force: true });
    rmSync(warmOut, { recursive: true, force: true });
  }

  // real CLI processes, cold and warm
  const cache = mkdtempSync(join(tmpdir(), 'fassung-truth-cache-'));
  try {
    const env = { ...process.env, FASSUNG_CACHE: cache };
    const cmds: Array<[string, string[]]> = [
      ['show aufenthg --date 2024-06-01 --unit "§ 18a"', ['show', 'aufenthg', '--date', '2024-06-01', '--unit', '§ 18a']],
      ['diff beschv --from 2024-03-01 --to 2024-06-01 --unit "§ 26"', ['diff', 'beschv', '--from', '2024-03-01', '--to', '2024-06-01', '--unit', '§ 26']],
      ['facts --date 2024-06-01', ['facts', '--date', '2024-06-01']],
    ];
    console.log('\nCLI wall time, median of 3 (cold = empty cache each time, warm = cache filled):');
    for (const [label, args] of cmds) {
      try {
        const cold = median(
          [0, 1, 2].map(() => {
            rmSync(cache, { recursive: true, force: true });
            return cliWall(args, env);
          }),
        );
        cliWall(args, env);
        const warm = median([0, 1, 2].map(() => cliWall(args, env)));
        line(`  ${label}`, `${ms(cold)} / ${ms(warm)}`, 'cold ≤ 1 s / warm ≤ 250 ms');
      } catch (e) {
        line(`  ${label}`, 'failed', (e as Error).message.slice(0, 80));
      }
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }

  // `npm start` after a build: the build check, consolidate and site, as package.json runs them, on the
  // project's own output folder (the first run brings it up to date and may build the whole site)
  if (!process.argv.includes('--no-start')) {
    const root = resolve(HERE, '..', '..');
    const start = () => {
      const t0 = performance.now();
      // the script as package.json has it, so that the two cannot drift apart
      const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
      const r = spawnSync('sh', ['-c', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`npm start: exit ${r.status}: ${r.stderr.split('\n').slice(-3).join(' ')}`);
      return performance.now() - t0;
    };
    const first = start();
    line('`npm start`, first run now (brings consolidated/ up to date)', ms(first));
    line('`npm start` after a build, median of 3 (wall)', ms(median([start(), start(), start()])), 'target ≤ 5 s');
  } else console.log('(`npm start` after a build: not measured, --no-start)');

  // projection
  const rate = chars / parse; // chars per ms, one core
  const cores = Math.min(2, availableParallelism());
  const twoGb = 2 * 1024 ** 3;
  const projMin = twoGb / rate / cores / 60000;
  const floorMin = twoGb / (chars / floor) / cores / 60000;
  console.log(
    `\nprojection: 2 GB of statute text at ${((rate * 1000) / 1024 / 1024).toFixed(2)} MiB/s per core on ${cores} cores: ${projMin.toFixed(1)} min (floor ${floorMin.toFixed(1)} min)\n`,
  );
}
