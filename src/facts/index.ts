/**
 * The eligibility-facts layer: what the CLI needs.
 *
 *   fassung consolidate → resolveCorpusFacts(…) → factsJson(…) written to consolidated/facts.json
 *   fassung facts       → formatFactsText(timelines, { date, factId })
 *   fassung check       → checkProfile(loadProfile(file), date, { timelines, catalogue, parameters })
 */
import type { Manifest } from '../corpus/manifest.js';
import type { ChangeRecord, LawVersions } from '../consolidate/types.js';
import { loadFactCatalogue, DEFAULT_FACT_CATALOGUE } from './catalogue.js';
import { loadParameters, DEFAULT_PARAMETERS, type Parameters } from './parameters.js';
import { officialSnapshotsFromManifest } from './official-snapshots.js';
import { pendingActText } from './act-text.js';
import { resolveFacts, type ResolveFactsResult } from './resolve-facts.js';
import type { FactCatalogue } from './types.js';

export { loadFactCatalogue, validateFactCatalogue, DEFAULT_FACT_CATALOGUE } from './catalogue.js';
export { loadParameters, validateParameters, DEFAULT_PARAMETERS } from './parameters.js';
export { officialSnapshotsFromManifest } from './official-snapshots.js';
export { pendingActText, extractPendingParagraphs } from './act-text.js';
export { resolveFacts, entryOn, type ResolveFactsInput, type ResolveFactsResult } from './resolve-facts.js';
export { factsJson, generatedFromLaws, formatFactsText, type FactsJson, type GeneratedFrom } from './output.js';
export { checkProfile, formatProfileCheckText, DISCLAIMER, type ProfileCheck } from './check-profile.js';
export { loadProfile, validateProfile, type Profile } from './profile.js';
export type { CheckContext } from './facts-on-date.js';
export type * from './types.js';

/**
 * Resolve the catalogue against consolidated laws with every source the corpus offers: official snapshots
 * and the pending text of the acts. Loads corpus/facts.json and corpus/parameters.json unless given.
 */
export function resolveCorpusFacts(opts: {
  manifest: Manifest;
  corpusDir: string;
  laws: LawVersions[];
  changes: ChangeRecord[];
  catalogue?: FactCatalogue;
  parameters?: Parameters;
}): ResolveFactsResult & { catalogue: FactCatalogue; parameters: Parameters; files: { catalogue: string; parameters: string } } {
  const catalogue = opts.catalogue ?? loadFactCatalogue(DEFAULT_FACT_CATALOGUE, opts.manifest.laws.map((l) => l.id));
  const parameters = opts.parameters ?? loadParameters(DEFAULT_PARAMETERS);
  const result = resolveFacts({
    laws: opts.laws,
    changes: opts.changes,
    catalogue,
    parameters,
    ...officialSnapshotsFromManifest(opts.manifest, opts.corpusDir),
    actText: pendingActText({ manifest: opts.manifest, corpusDir: opts.corpusDir, catalogue }),
  });
  return { ...result, catalogue, parameters, files: { catalogue: 'corpus/facts.json', parameters: 'corpus/parameters.json' } };
}
