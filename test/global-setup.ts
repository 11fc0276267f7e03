/**
 * Vitest global setup: parse every statute text of the manifest (base texts and official snapshots)
 * once, before the test workers start, into the content-addressed cache (src/model/statute-cache.ts).
 * The workers then read the trees instead of parsing the same texts in parallel: one parse per
 * distinct text per run (none when the cache is already warm). Without a corpus it does nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../src/corpus/manifest.js';
import { parseStatute } from '../src/model/parse-statute.js';
import { CORPUS } from './helpers.js';

export default function setup(): void {
  if (!existsSync(CORPUS)) return;
  let manifest;
  try {
    manifest = loadManifest();
  } catch {
    return;
  }
  for (const law of manifest.laws) {
    for (const rel of [law.base.file, ...law.official]) {
      const file = join(CORPUS, rel);
      if (existsSync(file)) parseStatute(readFileSync(file, 'utf8'), { lawId: law.id });
    }
  }
}
