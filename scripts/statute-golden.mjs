// Dump parseStatute() (and serializeLaw() in both dialects) for every statute .md of the corpus, or
// compare against an earlier dump. Usage: node scripts/statute-golden.mjs dump|compare DIR [corpus]
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
const [mode, outDir, corpus = '/work/shared/corpus'] = process.argv.slice(2);
const { parseStatuteUncached: parseStatute } = await import(new URL('../dist/src/model/parse-statute.js', import.meta.url));
const { serializeLaw } = await import(new URL('../dist/src/model/serialize.js', import.meta.url));
function* walk(d) {
  for (const e of readdirSync(d).sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (p.endsWith('.md')) yield p;
  }
}
const files = [];
for (const sub of ['base', 'official', 'real-acts', 'parameters']) files.push(...walk(join(corpus, sub)));
let diffs = 0;
let total = 0;
mkdirSync(outDir, { recursive: true });
for (const f of files) {
  const name = relative(corpus, f).replace(/\//g, '__');
  const src = readFileSync(f, 'utf8');
  const t0 = performance.now();
  const law = parseStatute(src);
  total += performance.now() - t0;
  const parts = {
    tree: JSON.stringify(law, null, 1),
    kmein: serializeLaw(law, 'kmein'),
    gt: serializeLaw(law, 'gesetze-tools'),
  };
  for (const [k, v] of Object.entries(parts)) {
    const p = join(outDir, `${name}.${k}`);
    if (mode === 'dump') writeFileSync(p, v);
    else if (!existsSync(p) || readFileSync(p, 'utf8') !== v) {
      diffs++;
      writeFileSync(`${p}.new`, v);
      console.log(`DIFF ${name}.${k}`);
    }
  }
}
console.log(`${files.length} files, parse ${total.toFixed(0)} ms, ${mode === 'dump' ? 'dumped' : diffs + ' differences'}`);
