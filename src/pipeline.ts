/**
 * The stages after consolidation, wired in one place: facts (consolidated/facts.json) from the dated
 * versions, so that the CLI stays a thin shell over the pipeline.
 */
import type { Corpus } from './consolidate/consolidate.js';
import type { Consolidation } from './consolidate/types.js';
import { stableJson, type OutputFile } from './consolidate/write-output.js';
import { loadFactCatalogue } from './facts/catalogue.js';
import { officialSnapshotsFromManifest } from './facts/official-snapshots.js';
import { pendingActText } from './facts/act-text.js';
import { loadParameters } from './facts/parameters.js';
import { resolveFacts, type ResolveFactsResult } from './facts/resolve-facts.js';
import type { FactsJson } from './site/types.js';
import { readCorpusText } from './corpus/manifest.js';

export function resolveCorpusFacts(corpus: Corpus, result: Consolidation): ResolveFactsResult {
  const catalogue = loadFactCatalogue(undefined, corpus.manifest.laws.map((l) => l.id));
  const snapshots = officialSnapshotsFromManifest(corpus.manifest, corpus.dir, (rel) => readCorpusText(corpus.dir, rel));
  return resolveFacts({
    laws: result.laws,
    changes: result.changes,
    catalogue,
    ...snapshots,
    actText: pendingActText({ manifest: corpus.manifest, corpusDir: corpus.dir, catalogue, read: (rel) => readCorpusText(corpus.dir, rel) }),
    parameters: loadParameters(),
  });
}

/** facts.json: `{ facts: [{ id, label, unit, timeline: [...] }], diagnostics }` */
export function factsJson(r: ResolveFactsResult): FactsJson & { diagnostics: ResolveFactsResult['diagnostics'] } {
  return {
    facts: r.timelines.map((t) => ({
      id: t.id,
      label: t.label,
      unit: t.unit,
      timeline: t.timeline.map((e) => ({ ...e, value: e.value as never, euros: e.euros?.map((x) => ({ ...x })) })) as never,
    })),
    diagnostics: r.diagnostics,
  };
}

export async function factsJsonFor(corpus: Corpus, result: Consolidation): Promise<FactsJson> {
  return factsJson(resolveCorpusFacts(corpus, result));
}

export async function extraOutputs(corpus: Corpus, result: Consolidation): Promise<OutputFile[]> {
  const r = resolveCorpusFacts(corpus, result);
  result.diagnostics.push(...r.diagnostics);
  return [{ path: 'facts.json', content: stableJson(factsJson(r)) }];
}
