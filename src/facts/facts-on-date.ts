/**
 * The resolved facts as they stand on one day, for the profile check: a fact has a value there (with its
 * citation: provision, words, source tier), is not part of the law on that day, or cannot be told.
 */
import { findFact, locationOn } from './catalogue.js';
import { bbgForYear, shareAmount, type BbgEntry, type Parameters } from './parameters.js';
import { entryOn } from './resolve-facts.js';
import type { EuroAmount, FactCatalogue, FactTimeline, SourceTier, TimelineEntry } from './types.js';

export interface CheckContext {
  timelines: FactTimeline[];
  catalogue: FactCatalogue;
  parameters: Parameters;
}

/** A provision quoted as it read on the day checked. */
export interface Citation {
  factId: string;
  /** "AufenthG" */
  law: string;
  /** "§ 18g Abs. 1 Satz 1" */
  provision: string;
  nodeId: string;
  wording: string;
  /** the fact's value as displayed */
  value: string;
  tier: SourceTier;
  /** the provenance tier of the § in the consolidated version (derived-verified, official …) */
  provenance?: import('../consolidate/types.js').Tier;
  source?: string;
  caveat?: string;
}

export type FactOnDate =
  | { state: 'value'; entry: TimelineEntry; citation: Citation }
  /** the catalogue has no location for the day: the provision is not part of the law then */
  | { state: 'not-in-law'; from?: string; to?: string }
  /** the provision exists, but its value on the day could not be read */
  | { state: 'unknown'; why: string };

export function citationOf(factId: string, e: TimelineEntry): Citation {
  const c: Citation = { factId, law: e.lawAbbreviation, provision: e.unitLabel, nodeId: e.nodeId, wording: e.wording, value: e.display, tier: e.tier };
  if (e.source) c.source = e.source;
  if (e.caveat) c.caveat = e.caveat;
  if (e.provenance) c.provenance = e.provenance;
  return c;
}

export class FactsOn {
  constructor(
    readonly ctx: CheckContext,
    readonly date: string,
  ) {}

  get year(): number {
    return Number(this.date.slice(0, 4));
  }

  get(id: string): FactOnDate {
    const def = findFact(this.ctx.catalogue, id);
    if (!def) throw new Error(`fact ${id} is not in the catalogue`);
    if (!locationOn(def, this.date)) {
      const later = def.locations.find((l) => l.from !== undefined && l.from > this.date);
      const earlier = [...def.locations].reverse().find((l) => l.to !== undefined && l.to < this.date);
      return { state: 'not-in-law', from: later?.from, to: earlier?.to };
    }
    const t = this.ctx.timelines.find((x) => x.id === id);
    const e = t && entryOn(t, this.date);
    if (!e) return { state: 'unknown', why: `${def.label.de}: no value could be read for ${this.date} (see the diagnostics of the facts resolution)` };
    return { state: 'value', entry: e, citation: citationOf(id, e) };
  }

  bbg(): BbgEntry | undefined {
    return bbgForYear(this.ctx.parameters, this.year);
  }

  /** The euro amount of a share-of-BBG fact in the year of the day checked. */
  amount(f: FactOnDate): EuroAmount | undefined {
    if (f.state !== 'value' || !f.entry.share) return undefined;
    return shareAmount(this.ctx.parameters, f.entry.share, this.year);
  }
}
