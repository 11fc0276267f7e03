import { readFileSync, readdirSync } from 'node:fs';
import { parseStatute } from '../src/model/parse-statute.js';
import { serializeLaw } from '../src/model/serialize.js';
import { bodyNodeText } from '../src/model/text-of.js';
const root = '../shared/corpus';
const files = [...readdirSync(root + '/base').map((f) => `${root}/base/${f}`)];
for (const d of readdirSync(root + '/official')) for (const f of readdirSync(`${root}/official/${d}`)) files.push(`${root}/official/${d}/${f}`);
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  const t0 = performance.now();
  const law = parseStatute(src);
  const t1 = performance.now();
  const out = serializeLaw(law);
  const law2 = parseStatute(out);
  const a = JSON.stringify(law.body.map(bodyNodeText));
  const b = JSON.stringify(law2.body.map(bodyNodeText));
  let diffs = 0;
  for (let i = 0; i < Math.max(law.body.length, law2.body.length); i++) {
    const x = law.body[i] ? bodyNodeText(law.body[i]) : '';
    const y = law2.body[i] ? bodyNodeText(law2.body[i]) : '';
    if (x !== y) { if (diffs < 2) console.log('  DIFF', i, '\n   ', x.slice(0, 300), '\n   ', y.slice(0, 300)); diffs++; }
  }
  const strip = (l: any) => JSON.stringify(l.body, (k, v) => (k === "source" ? undefined : v)); const same = strip(law) === strip(law2); if (!same) { const A = law.body.map((n: any) => JSON.stringify(n, (k, v) => (k === "source" ? undefined : v))); const B = law2.body.map((n: any) => JSON.stringify(n, (k, v) => (k === "source" ? undefined : v))); const i = A.findIndex((x: string, j: number) => x !== B[j]); console.log("  TREE", i, A[i]?.slice(0, 600), "\n  ", B[i]?.slice(0, 600)); }
  console.log(f.replace(root, ''), law.body.length, 'paras', law.body.filter(n=>n.kind==='paragraph').length, 'inhalt', law.inhalt?.entries.length ?? 0, `${(t1 - t0).toFixed(0)}ms`, 'textdiffs', diffs, 'treeSame', same, a === b);
}
