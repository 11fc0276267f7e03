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
