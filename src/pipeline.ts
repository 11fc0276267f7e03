/**
 * The stages after consolidation, wired in one place: facts (consolidated/facts.json) from the dated
 * versions, so that the CLI stays a thin shell over the pipeline.
 */
import type { Corpus } from './consolidate/consolidate.js';
import type { Consolidation } from './consolidate/types.js';
import { stableJson, type OutputFile } from './consolidate/write-output.js';
import { DEFAULT_FACT_CATALOGUE, loadFactCatalogue } from './facts/catalogue.js';
import { officialSnapshotsFromManifest } from './facts/official-snapshots.js';
import { pendingActText } from './facts/act-text.js';
import { DEFAULT_PARAMETERS, loadParameters } from './facts/parameters.js';
import { resolveFacts, type ResolveFactsResult } from './facts/resolve-facts.js';
import { factsJson, generatedFromLaws, type FactsJson } from './facts/output.js';
import type { CheckContext } from './facts/facts-on-date.js';
import { readCorpusText } from './corpus/manifest.js';
import { PROJECT_ROOT } from './package-root.js';
import { relative } from 'node:path';

export interface ResolvedFacts extends ResolveFactsResult {
  context: CheckContext;
}

export function resolveCorpusFacts(corpus: Corpus, result: Consolidation): ResolvedFacts {
  const catalogue = loadFactCatalogue(undefined, corpus.manifest.laws.map((l) => l.id));
  // the BBG of every calendar year the versions reach, read from the official Rechengrößenverordnungen
  const froms = result.laws.flatMap((l) => l.versions.map((v) => Number(v.validFrom.slice(0, 4))));
  const first = Math.min(...froms);
  const years = froms.length ? Array.from({ length: Math.max(...froms) - first + 1 }, (_, i) => first + i) : [];
  const parameters = loadParameters(undefined, corpus.dir, { years });
  const read = (rel: string) => readCorpusText(corpus.dir, rel);
  const r = resolveFacts({
    laws: result.laws,
    changes: result.changes,
    catalogue,
    ...officialSnapshotsFromManifest(corpus.manifest, corpus.dir, read),
    actText: pendingActText({ acts: corpus.acts, catalogue }),
    parameters,
  });
  return { ...r, diagnostics: [...(parameters.diagnostics ?? []), ...r.diagnostics], context: { timelines: r.timelines, catalogue, parameters } };
}

export function corpusFactsJson(result: Consolidation, facts: ResolveFactsResult): FactsJson {
  return factsJson(
    facts,
    generatedFromLaws(result.laws, {
      catalogue: relative(PROJECT_ROOT, DEFAULT_FACT_CATALOGUE),
      parameters: relative(PROJECT_ROOT, DEFAULT_PARAMETERS),
    }),
  );
}

/** The facts file of the output (consolidated/facts.json). */
export function factsOutputFile(result: Consolidation, facts: ResolveFactsResult): OutputFile {
  return { path: 'facts.json', content: stableJson(corpusFactsJson(result, facts)) };
}
