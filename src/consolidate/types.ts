/**
 * The consolidation's data contract: dated versions of a law and the effects table.
 * These shapes are written to `consolidated/` as JSON and read back by facts and site.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import type { Law } from '../model/types.js';

export type OperationStatus = 'applied' | 'failed' | 'not-in-corpus' | 'incomplete-text';

/** One row of the effects table (changes.json): what one operation did. */
export interface ChangeRecord {
  act: string;
  artikel: string;
  /** "Artikel 4 Nummer 4 Buchstabe e Doppelbuchstabe aa" */
  path: string;
  law: string;
  /** human label of the target: "§ 38d Abs. 5 Satz 1" */
  target: string;
  /** node id of the unit the operation changed (after the change), when applied */
  targetId?: string;
  /** the § the operation touched ("para-38d"), when known */
  paragraphId?: string;
  /** further §§ the operation touched (a renumbering of several §§) */
  alsoTouched?: string[];
  action: string;
  /** ISO date the operation enters into force; null when the act does not tell */
  effective: string | null;
  status: OperationStatus;
  /** why it failed / was not applied */
  reason?: string;
  /** the diagnostic code of a failure ("target-not-found", "no-inhaltsuebersicht" …) */
  code?: string;
  source: SourceLocation;
  /** the instruction's wording (cleaned act text) */
  wording: string;
}

/**
 * The provenance tier of one unit (§, Anlage, Inhaltsübersicht) in one version:
 * - `derived-verified`: the wording was produced by applying instructions (or is the base text) and equals
 *   the official text valid on that date (after layout normalisation);
 * - `derived-differs`: produced by applying instructions but differs from the official text of that date
 *   (a finding: `diff` holds the word diff, `source.changes` the operations behind it);
 * - `derived`: produced by applying instructions, no official text of the law to compare with;
 * - `official`: the act text behind this wording is not in the corpus (or its instruction failed): the
 *   official wording of that date, attributed from the juris footnotes where they name the change;
 * - `pending`: derived for a date after the last official text (no official text covers it yet).
 */
export type Tier = 'derived-verified' | 'derived-differs' | 'derived' | 'official' | 'pending';

export const TIERS: Tier[] = ['derived-verified', 'derived-differs', 'derived', 'official', 'pending'];

/** Where a unit's wording in a version comes from. */
export interface UnitSource {
  /** base text, applied instructions, or the official text */
  kind: 'base' | 'act' | 'official';
  /** corpus file: the base text or the official snapshot the wording was taken from / compared with */
  file?: string;
  /** kind 'act': indices into the effects table of the operations that last changed the unit */
  changes?: number[];
  /** the amending act, Artikel and position that made the change, when known (act, or a juris footnote) */
  act?: string;
  citation?: string;
  artikel?: string | null;
  within?: string;
  /** the in-force date of the change, and what it rests on */
  inForce?: string;
  inForceFrom?: 'act' | 'footnote' | 'online-date' | 'base';
  /** the juris footnote the attribution was read from */
  footnote?: string;
  /** instructions of the corpus that were due for this unit but could not be applied (kind 'official') */
  notApplied?: string[];
}

/** One unit of a version with its tier. */
export interface UnitProvenance {
  /** "para-18g", "inhalt", "anlage-1" */
  id: string;
  /** "§ 18g" */
  label: string;
  tier: Tier;
  /** date from which the unit has this wording */
  since: string;
  source: UnitSource;
  /** derived-differs: word diff [-ours-]{+official+} against the official wording of the date */
  diff?: string;
}

/** One consolidated version of a law. */
export interface LawVersion {
  law: string;
  /** ISO date from which this version is valid */
  validFrom: string;
  /** ISO date of the last day it is valid, null while it is the latest */
  validTo: string | null;
  /** true for the base text as loaded from the corpus */
  isBase: boolean;
  /** false when some changes due by this date could not be applied (e.g. Gesetz text missing) */
  complete: boolean;
  /** plain statements of what is missing ("Artikel 1 Nummern 9 bis 40 des Gesetzes BGBl. 2023 I Nr. 217: Text nicht im Korpus") */
  missing: string[];
  /** indices into the effects table of the operations that produced this version from the previous one */
  changes: number[];
  tree: Law;
  /** every unit of the version with its provenance tier (absent only in hand-made versions) */
  units?: UnitProvenance[];
  /** how many units are of each tier */
  tiers?: Record<Tier, number>;
  /** the official snapshot that covers this date (the last one online on or before validTo), if any */
  official?: string;
}

export interface LawVersions {
  law: string;
  title: string;
  abbreviation: string;
  versions: LawVersion[];
}

export interface Consolidation {
  laws: LawVersions[];
  changes: ChangeRecord[];
  diagnostics: Diagnostic[];
}

/**
 * One law consolidated alone: its versions are those of the whole consolidation, and the change numbers
 * they carry (LawVersion.changes, UnitSource.changes) are those of the whole change table, in which
 * `changes[k]` is record number `firstChange + k`.
 */
export interface LawConsolidation {
  law: LawVersions;
  firstChange: number;
  changes: ChangeRecord[];
  /** what applying this law's instructions reported (not what parsing the acts reported) */
  diagnostics: Diagnostic[];
}
