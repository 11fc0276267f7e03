/**
 * What a pathway check returns, and the pieces the pathways share: reasons that cite the provision as it
 * read that day, the outcome from the reasons, salary thresholds from share-of-BBG facts, the age rule.
 */
import { formatEuro, formatGermanNumber } from '../german-numbers.js';
import type { Citation, FactOnDate, FactsOn } from '../facts-on-date.js';
import { ageOn, type Profile } from '../profile.js';
import type { EuroAmount } from '../types.js';

export type ReasonStatus = 'met' | 'not-met' | 'unknown' | 'info';
export type Outcome = 'eligible' | 'not-eligible' | 'cannot-tell';

export interface Reason {
  status: ReasonStatus;
  text: string;
  citations: Citation[];
}

export interface Figure {
  factId: string;
  label: string;
  year: number;
  amount: number;
  display: string;
}

export type PathwayId = 'blaue-karte-eu' | 'fachkraft' | 'beschv-6' | 'westbalkan' | 'chancenkarte';

export interface PathwayResult {
  id: PathwayId;
  name: { de: string; en: string };
  outcome: Outcome;
  /** the provision the pathway rests on that day, e.g. "AufenthG § 18g Abs. 1" */
  provision: string;
  reasons: Reason[];
  /** conditions this check does not evaluate */
  openPoints: string[];
  /** euro thresholds for the year of the day checked */
  figures: Figure[];
}

/**
 * A reason citing facts. Words from an incomplete consolidation (caveat) cannot decide anything: such a
 * reason is `unknown`, whatever it would otherwise say.
 */
export function reason(status: ReasonStatus, text: string, ...facts: Array<FactOnDate | Citation | undefined>): Reason {
  const seen = new Set<string>();
  const citations = facts
    .map((f) => (f === undefined ? undefined : 'state' in f ? (f.state === 'value' ? f.citation : undefined) : f))
    .filter((c): c is Citation => c !== undefined)
    .filter((c) => {
      // two facts read from one unit are one citation
      const key = `${c.law}|${c.nodeId}|${c.tier}|${c.wording}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const caveat = citations.find((c) => c.caveat);
  if (caveat && (status === 'met' || status === 'not-met')) {
    return { status: 'unknown', text: `${text} — cannot be relied on: ${caveat.caveat}`, citations };
  }
  return { status, text, citations };
}

/** A fact that could not be read decides nothing. */
export function unknownFact(what: string, f: FactOnDate): Reason {
  const why = f.state === 'unknown' ? f.why : 'not in the law on that day';
  return { status: 'unknown', text: `${what}: ${why}`, citations: [] };
}

export function outcomeOf(reasons: Reason[]): Outcome {
  if (reasons.some((r) => r.status === 'not-met')) return 'not-eligible';
  if (reasons.some((r) => r.status === 'unknown')) return 'cannot-tell';
  return 'eligible';
}

export function euro(n: number): string {
  return formatEuro(n);
}

/** "45,3 % of the BBG 2024 (90 600 €) = 41 041,80 €" */
export function thresholdText(f: FactOnDate, amount: EuroAmount, bbgAmount: number): string {
  const share = f.state === 'value' ? f.entry.display.replace(/ der BBG$/, '') : '';
  return `${share} of the BBG ${amount.year} (${euro(bbgAmount)}) = ${amount.display}`;
}

/** The provision a fact lives in, without Satz and below: "AufenthG § 18g Abs. 1". */
export function provisionOf(f: FactOnDate): string {
  if (f.state !== 'value') return '';
  const label = f.entry.unitLabel.replace(/ Satz \d+.*$/, '').replace(/ Nr\. .*$/, '');
  return `${f.entry.lawAbbreviation} ${label}`;
}

export interface SalaryCheck {
  reason: Reason;
  figure?: Figure;
}

/**
 * The minimum salary for older first-time applicants (AufenthG § 18 Abs. 2 Nr. 5, BeschV § 1 Abs. 2): from the
 * age in `ageFact`, the salary must reach the share in `salaryFact`, unless there is an adequate pension provision.
 */
export function olderApplicantRule(f: FactsOn, profile: Profile, ageFact: FactOnDate, salaryFact: FactOnDate, label: string): SalaryCheck {
  if (ageFact.state !== 'value') return { reason: unknownFact(`${label}: age threshold`, ageFact) };
  const threshold = ageFact.entry.value as number;
  const age = ageOn(profile, f.date);
  if (age === undefined) return { reason: reason('unknown', `${label}: age not given`, ageFact) };
  if (age < threshold) return { reason: reason('met', `${label}: aged ${age}, below ${threshold}, so no minimum salary for older applicants applies`, ageFact) };
  if (salaryFact.state !== 'value') return { reason: unknownFact(`${label}: minimum salary from age ${threshold}`, salaryFact) };
  const amount = f.amount(salaryFact);
  const bbg = f.bbg();
  if (!amount || !bbg) return { reason: reason('unknown', `${label}: the BBG for ${f.year} is not in the parameter table`, salaryFact) };
  const figure: Figure = { factId: salaryFact.citation.factId, label: `${label}: minimum salary from age ${threshold}`, year: amount.year, amount: amount.amount, display: amount.display };
  const text = `${label}: aged ${age} (from ${threshold}), the salary must be at least ${thresholdText(salaryFact, amount, bbg.amount)} unless an adequate old-age provision is shown`;
  if (profile.salaryOffer != null && profile.salaryOffer >= amount.amount) return { reason: reason('met', `${text}; offered ${euro(profile.salaryOffer)}`, ageFact, salaryFact), figure };
  if (profile.adequatePensionProvision === true) return { reason: reason('met', `${text}; an adequate old-age provision is shown`, ageFact, salaryFact), figure };
  if (profile.salaryOffer == null || profile.adequatePensionProvision == null) {
    return { reason: reason('unknown', `${text}; ${profile.salaryOffer == null ? 'no salary given' : `offered ${euro(profile.salaryOffer)}`}, old-age provision not stated`, ageFact, salaryFact), figure };
  }
  return { reason: reason('not-met', `${text}; offered ${euro(profile.salaryOffer)} and no such provision`, ageFact, salaryFact), figure };
}

export function years(n: number): string {
  return `${formatGermanNumber(n, 1)} year${n === 1 ? '' : 's'}`;
}
