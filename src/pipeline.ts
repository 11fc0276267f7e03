/**
 * Extra outputs of `fassung consolidate` beyond the versions (facts), wired here so that the CLI stays
 * a thin shell over the pipeline stages.
 */
import type { Corpus } from './consolidate/consolidate.js';
import type { Consolidation } from './consolidate/types.js';
import type { OutputFile } from './consolidate/write-output.js';

export async function extraOutputs(corpus: Corpus, result: Consolidation): Promise<OutputFile[]> {
  void corpus;
  void result;
  return [];
}
