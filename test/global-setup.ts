/**
 * Vitest global setup, run once in the main process before the test workers start:
 *
 * - a run folder, removed after the run, that the test files share (`inject('runDir')`): the real
 *   site is built once per run through it (test/site/real-site.ts);
 * - every statute text of the manifest (base texts and official snapshots) parsed once into the
 *   content-addressed cache (src/model/statute-cache.ts). The workers then read the trees instead of
 *   parsing the same texts in parallel: one parse per distinct text per run (none, and no tree read,
 *   when the cache is already warm). Without a corpus this part does nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadManifest } from '../src/corpus/manifest.js';
import { parseStatute } from '../src/model/parse-statute.js';
import { isCached } from '../src/model/statute-cache.js';
import { CORPUS } from './helpers.js';

export default function setup(project: TestProject): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'fassung-test-run-'));
  project.provide('runDir', runDir);
  parseCorpus();
  return () => rmSync(runDir, { recursive: true, force: true });
}

function parseCorpus(): void {
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
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8');
      // a tree already cached is not read here: the workers read it when they need it
      if (!isCached(text, law.id)) parseStatute(text, { lawId: law.id });
    }
  }
}
