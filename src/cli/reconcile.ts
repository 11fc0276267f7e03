/**
 * `fassung reconcile [law] [--json]`: for every official version date, the chain's result against the
 * official text, § by § (equal / differs with its explanation).
 */
import type { Command } from 'commander';
import { findLaw, loadManifest, resolveCorpusDir } from '../corpus/manifest.js';
import { consolidate, loadCorpus } from '../consolidate/consolidate.js';
import { formatReconcile, reconcile } from '../consolidate/reconcile.js';
import { stableJson } from '../consolidate/write-output.js';
import { resolve } from 'node:path';

export function registerReconcile(program: Command): void {
  program
    .command('reconcile [law]')
    .description('for every official version date: the chain against the official text, § by § (equal / differs, with the instruction or missing act that explains it)')
    .option('--json', 'JSON output')
    .action((lawId: string | undefined, o: { json?: boolean }) => {
      const g = program.opts<{ corpus?: string; manifest?: string }>();
      const dir = resolveCorpusDir(g.corpus);
      const manifest = loadManifest(g.manifest ? resolve(g.manifest) : undefined);
      if (lawId) findLaw(manifest, lawId);
      const corpus = loadCorpus(manifest, dir);
      const result = consolidate(corpus);
      const r = reconcile(corpus, result, lawId ? [lawId] : undefined);
      if (o.json) return void process.stdout.write(stableJson(r));
      process.stdout.write(formatReconcile(r) + '\n');
    });
}
