/**
 * The eligibility-facts layer: what the CLI needs.
 *
 *   fassung consolidate → resolveFacts({ laws, changes, catalogue, parameters, ...officialSnapshotsFromManifest(…),
 *                           actText: pendingActText(…) }) → factsJson(result, generatedFromLaws(…))
 *                           written to consolidated/facts.json
 *   fassung facts       → formatFactsText(timelines, { date, factId })
 *   fassung check       → checkProfile(loadProfile(file), date, { timelines, catalogue, parameters })
 */
export { loadFactCatalogue, validateFactCatalogue, DEFAULT_FACT_CATALOGUE } from './catalogue.js';
export { loadParameters, validateParameters, DEFAULT_PARAMETERS } from './parameters.js';
export { officialSnapshotsFromManifest } from './official-snapshots.js';
export { pendingActText, pendingParagraphs } from './act-text.js';
export { resolveFacts, entryOn, type ResolveFactsInput, type ResolveFactsResult } from './resolve-facts.js';
export { factsJson, generatedFromLaws, formatFactsText, type FactsJson, type GeneratedFrom } from './output.js';
export { checkProfile, formatProfileCheckText, DISCLAIMER, type ProfileCheck } from './check-profile.js';
export { loadProfile, validateProfile, type Profile } from './profile.js';
export type { CheckContext } from './facts-on-date.js';
export type * from './types.js';
