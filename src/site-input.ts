/**
 * Assemble what the site is built from: the consolidation, the acts with their instructions (linked to
 * the rows of the effects table), and the facts when they were resolved.
 */
import type { Corpus } from './consolidate/consolidate.js';
import type { Consolidation } from './consolidate/types.js';
import type { FactsJson, SiteInput } from './site/types.js';

export function siteInput(corpus: Corpus, consolidation: Consolidation, facts?: FactsJson): SiteInput {
  const acts = corpus.acts.map((a) => ({
    entry: a.entry,
    text: a.texts.map((t) => t.text).join('\n\n'),
    instructions: a.instructions.map((i) => {
      const changeIndices = consolidation.changes.flatMap((c, idx) => (c.act === i.act && c.path === i.path ? [idx] : []));
      const rows = changeIndices.map((k) => consolidation.changes[k]);
      const status =
        i.status === 'parsed'
          ? rows.length === 0
            ? 'not applied (in-force date unknown)'
            : rows.every((r) => r.status === 'applied')
              ? 'applied'
              : rows.some((r) => r.status === 'applied')
                ? 'partly applied'
                : 'failed'
          : i.status;
      return { path: i.path, artikel: i.artikel, line: i.source.line, wording: i.wording, status, effective: i.effective, changeIndices };
    }),
  }));
  const lawNames = Object.fromEntries(corpus.manifest.laws.map((l) => [l.id, [...l.names, l.abbreviation]]));
  return { consolidation, acts, facts, lawNames };
}
