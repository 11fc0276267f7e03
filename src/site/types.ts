/**
 * What the site is built from: the consolidation (versions + effects table), the acts with their
 * instructions, and optionally the facts timeline.
 */
import type { Consolidation } from '../consolidate/types.js';
import type { ActEntry } from '../corpus/manifest.js';

/** One instruction of an act as the act page shows it. */
export interface SiteInstruction {
  /** "Artikel 3 Nummer 1" */
  path: string;
  artikel: string;
  /** 1-based line in the cleaned act text */
  line: number;
  wording: string;
  /** 'applied' | 'failed' | 'not-in-corpus' | 'incomplete-text' (other values are shown as given) */
  status: string;
  effective: string | null;
  /** indices into consolidation.changes */
  changeIndices: number[];
}

export interface SiteAct {
  entry: ActEntry;
  /** cleaned act text */
  text: string;
  instructions: SiteInstruction[];
}

export interface FactLastChange {
  act: string;
  artikel: string;
  path: string;
}

/** One period of a fact's timeline (compatible with the facts stage's TimelineEntry). */
export interface FactPeriod {
  /** not shown: `display` is */
  value: unknown;
  display: string;
  validFrom: string;
  validTo: string | null;
  /** law id ("beschv"); the abbreviation is accepted too */
  law: string;
  /** "BeschV" (else taken from the consolidation) */
  lawAbbreviation?: string;
  unitLabel: string;
  nodeId: string;
  wording: string;
  /** 'consolidated' | 'official-snapshot' | 'act-text' (other values are shown as given) */
  tier: string;
  /** file or act the words come from */
  source?: string;
  lastChange: FactLastChange | null;
  /** why the value is uncertain (e.g. read from an incomplete version) */
  caveat?: string;
  /** amount per calendar year; `display` is used when given */
  euros?: Array<{ year: number; amount: number; display?: string }>;
}

export interface Fact {
  id: string;
  label: { de: string; en: string };
  unit: string;
  timeline: FactPeriod[];
}

export interface FactsJson {
  facts: Fact[];
}

export interface SiteInput {
  consolidation: Consolidation;
  acts: SiteAct[];
  facts?: FactsJson;
  /** law id → the names acts and texts cite it by ("Aufenthaltsgesetz"), for linking citations */
  lawNames?: Record<string, string[]>;
}

export interface BuildSiteOptions {
  /** run pagefind over the output (default true) */
  search?: boolean;
  /** concurrent file writes (default 16) */
  concurrency?: number;
  /**
   * called with the finished site folder just before it replaces the old one (the CLI writes the output
   * marker there: a folder that carries it is complete, see recoverOutput)
   */
  beforeSwap?: (dir: string) => void;
}
