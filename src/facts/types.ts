/**
 * Eligibility facts: the catalogue (what to read, where, how) and the resolved timelines (what the
 * statute said on which day, quoted, with its source tier and the change that last altered it).
 */

/** How a fact's value is measured. `share-of-bbg` values are percent of the annual Beitragsbemessungsgrenze. */
export const FACT_UNITS = [
  'share-of-bbg',
  'euros',
  'count-per-year',
  'hours-per-week',
  'weeks',
  'months',
  'days',
  'years',
  'points',
  'boolean-present',
  'list',
] as const;
export type FactUnit = (typeof FACT_UNITS)[number];

/** How a `list` fact splits its captured words: names ("Albanien, …"), § references, or codes ("21, 221 oder 25"). */
export const LIST_STYLES = ['names', 'paragraphs', 'codes'] as const;
export type ListStyle = (typeof LIST_STYLES)[number];

/** Where a fact lives during a period: one unit of one law, read with one pattern. */
export interface FactLocation {
  /** law id of the manifest ("aufenthg", "beschv", "aufenthv") */
  law: string;
  /** node id of the unit whose words carry the value ("para-26/abs-2/satz-3", "anlage-x") */
  nodeId: string;
  /** first day this location holds (ISO), absent = since the earliest text */
  from?: string;
  /** last day this location holds (ISO), absent = open */
  to?: string;
  /** source of a RegExp (flag u) applied to the unit's normalised words; group 1 (or group `value`) is the value */
  pattern: string;
  /**
   * boolean-present only: words that identify the provision. When the anchor matches, the value is whether
   * `pattern` matches; when it does not, the fact is unresolved. Without an anchor the pattern must match.
   */
  anchor?: string;
}

export interface FactDefinition {
  id: string;
  label: { de: string; en: string };
  unit: FactUnit;
  list?: ListStyle;
  locations: FactLocation[];
  /** what the fact is for, known gaps */
  note?: string;
}

export interface FactCatalogue {
  facts: FactDefinition[];
}

export type SourceTier = 'consolidated' | 'official-snapshot' | 'act-text';

/** A value read from statute words. Numbers for measured units, true/false for boolean-present, strings for lists. */
export type FactValue = number | boolean | string[];

export interface LastChange {
  act: string;
  artikel: string;
  path: string;
}

export interface EuroAmount {
  year: number;
  /** euros, rounded to cents */
  amount: number;
  /** German format, e.g. "41 041,80 €" (no-break spaces) */
  display: string;
}

/** One period of a fact's timeline. */
export interface TimelineEntry {
  value: FactValue;
  /** German display form of the value ("45,3 %", "25 000 je Kalenderjahr", "ja: „in den Jahren 2021 …“") */
  display: string;
  validFrom: string;
  validTo: string | null;
  /** law id */
  law: string;
  /** "BeschV" */
  lawAbbreviation: string;
  /** "§ 26 Abs. 2 Satz 3" */
  unitLabel: string;
  nodeId: string;
  /** the unit's words on those days (normalised) */
  wording: string;
  /** the words the pattern matched */
  matched: string;
  tier: SourceTier;
  /** the provenance tier of the § in the consolidated version (derived-verified, official …; see consolidate/types.ts) */
  provenance?: import('../consolidate/types.js').Tier;
  /** file or act the words come from, for official-snapshot and act-text tiers */
  source?: string;
  /** the change that last altered the unit; null = base text (unless lastChangeNote says otherwise) */
  lastChange: LastChange | null;
  /** set when the words were changed by something the corpus does not contain */
  lastChangeNote?: string;
  /** set when the words come from an incomplete consolidated version with nothing better available */
  caveat?: string;
  /** share-of-bbg only: the amount per calendar year for which the BBG is known */
  euros?: EuroAmount[];
  /** share-of-bbg only: the exact share as a fraction (2/3, 453/1000) */
  share?: { numerator: number; denominator: number };
}

export interface FactTimeline {
  id: string;
  label: { de: string; en: string };
  unit: FactUnit;
  timeline: TimelineEntry[];
}
