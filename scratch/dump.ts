import { readFileSync, writeFileSync } from 'node:fs';
import { parseStatute } from '../src/model/parse-statute.js';
import { serializeLaw } from '../src/model/serialize.js';
const law = parseStatute(readFileSync(process.argv[2], 'utf8'));
writeFileSync(process.argv[3], serializeLaw(law, (process.argv[4] as any) ?? law.dialect));
