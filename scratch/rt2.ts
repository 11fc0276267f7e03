import { readFileSync } from 'node:fs';
import { parseStatute } from '../src/model/parse-statute.js';
import { serializeLaw } from '../src/model/serialize.js';
const f = process.argv[2];
const law = parseStatute(readFileSync(f, 'utf8'));
const out = serializeLaw(law);
const law2 = parseStatute(out);
const S = (n: any) => JSON.stringify(n, (k, v) => (k === 'source' ? undefined : v));
let shown = 0;
for (let i = 0; i < law.body.length && shown < 4; i++) {
  const a = S(law.body[i]), b = S(law2.body[i]);
  if (a !== b) {
    let k = 0; while (a[k] === b[k]) k++;
    console.log('#', i, (law.body[i] as any).label, '\n A:', a.slice(Math.max(0, k - 200), k + 200), '\n B:', b.slice(Math.max(0, k - 200), k + 200));
    shown++;
  }
}
if (process.argv[3]) require('fs').writeFileSync(process.argv[3], out);
