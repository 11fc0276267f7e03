/**
 * Westbalkanregelung (BeschV § 26 Abs. 2): nationals of the listed states may be approved for any
 * employment, within a yearly quota; until 17.11.2023 only "in den Jahren 2021 bis einschließlich 2023".
 * Read from the BeschV only, so the check does not depend on the state of the AufenthG text.
 */
import type { FactsOn } from '../facts-on-date.js';
import { formatGermanNumber } from '../german-numbers.js';
import { isNationalOf } from '../nationality.js';
import { nationalityOf, type Profile } from '../profile.js';
import { olderApplicantRule, outcomeOf, provisionOf, reason, unknownFact, type PathwayResult } from './common.js';

export function checkWestbalkan(profile: Profile, f: FactsOn): PathwayResult {
  const states = f.get('westbalkan.states');
  const result: PathwayResult = {
    id: 'westbalkan',
    name: { de: 'Westbalkanregelung', en: 'Western Balkans rule (Westbalkanregelung)' },
    outcome: 'cannot-tell',
    provision: provisionOf(states) || 'BeschV § 26 Abs. 2',
    reasons: [],
    openPoints: [
      'approval of the Bundesagentur für Arbeit with Vorrangprüfung (priority check)',
      'first approval only if the visa is applied for at the German mission in one of the listed states (§ 26 Abs. 2 Satz 2)',
      'no benefits under the Asylbewerberleistungsgesetz in the 24 months before the application (§ 26 Abs. 2 Satz 4)',
      'whether the yearly quota is exhausted',
    ],
    figures: [],
  };
  const reasons = result.reasons;
  if (states.state !== 'value') {
    reasons.push(unknownFact('the states of the Western Balkans rule', states));
    return result;
  }

  const nat = nationalityOf(profile);
  const listed = states.entry.value as string[];
  const isNational = isNationalOf(nat, listed);
  if (isNational === true) reasons.push(reason('met', `national of ${nat.names[0] ?? nat.given}, one of ${listed.join(', ')}`, states));
  else if (isNational === false) reasons.push(reason('not-met', `the rule covers nationals of ${listed.join(', ')} only; nationality ${nat.given}`, states));
  else reasons.push(reason('unknown', `nationality ${JSON.stringify(nat.given)} is not known to this tool; the rule covers ${listed.join(', ')}`, states));

  const limit = f.get('westbalkan.time-limit');
  if (limit.state !== 'value') reasons.push(unknownFact('the time limit of the rule', limit));
  else if (limit.entry.value === true) {
    const m = /(\d{4}) bis einschließlich (\d{4})/u.exec(limit.entry.matched);
    const inside = m ? f.year >= Number(m[1]) && f.year <= Number(m[2]) : undefined;
    const text = `the rule is limited to „${limit.entry.matched.replace(/^in /, '')}“`;
    reasons.push(reason(inside === true ? 'met' : inside === false ? 'not-met' : 'unknown', `${text}; ${f.date} ${inside ? 'falls within' : 'is outside'} that period`, limit));
  } else {
    reasons.push(reason('met', 'the rule is not limited in time on this day', limit));
  }

  if (!profile.jobOffer) reasons.push(reason('not-met', 'the approval is given for a specific employment: a binding job offer or contract is needed', states));
  else reasons.push(reason('met', 'a binding job offer exists', states));

  const quota = f.get('westbalkan.quota');
  if (quota.state === 'value') reasons.push(reason('info', `at most ${formatGermanNumber(quota.entry.value as number)} approvals per calendar year; whether the quota is still open cannot be told from the statute`, quota));
  else reasons.push(unknownFact('the yearly quota', quota));

  const scope = f.get('beschv1.scope');
  if (scope.state === 'value' && (scope.entry.value as string[]).includes('§ 26 Absatz 2')) {
    const older = olderApplicantRule(f, profile, f.get('beschv1.age-threshold'), f.get('beschv1.salary-older'), 'BeschV § 1 Abs. 2');
    reasons.push(older.reason);
    if (older.figure) result.figures.push(older.figure);
  } else if (scope.state !== 'value') {
    reasons.push(unknownFact('the minimum salary for older applicants', scope));
  }

  result.outcome = outcomeOf(reasons);
  return result;
}
