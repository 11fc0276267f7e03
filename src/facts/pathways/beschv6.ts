/**
 * Beschäftigung bei ausgeprägter berufspraktischer Erfahrung (BeschV § 6 with AufenthG § 19c Abs. 2).
 * Until 29.2.2024 IT occupations only, three years of experience within seven, 60 % of the BBG and sufficient
 * German; from 1.3.2024 any qualified employment, two years within five, 45 % of the BBG (not with an employer
 * bound by a collective agreement) and a qualification recognised where it was obtained (not in IT). Every
 * number and condition is read from the wording of the day.
 */
import type { FactsOn } from '../facts-on-date.js';
import { ICT_ISCO_GROUPS, cefrAtLeast, experienceWithin, inIscoGroups, stateRecognisedQualification, type Profile } from '../profile.js';
import { euro, olderApplicantRule, outcomeOf, provisionOf, reason, thresholdText, unknownFact, years, type PathwayResult } from './common.js';

export function checkBeschV6(profile: Profile, f: FactsOn): PathwayResult {
  const salary = f.get('beschv6.salary');
  const result: PathwayResult = {
    id: 'beschv-6',
    name: { de: 'Beschäftigung bei ausgeprägter berufspraktischer Erfahrung', en: 'Employment with pronounced professional experience' },
    outcome: 'cannot-tell',
    provision: provisionOf(salary) || 'BeschV § 6',
    reasons: [],
    openPoints: ['approval of the Bundesagentur für Arbeit; residence permit under § 19c Abs. 2 AufenthG', 'confirmation of a foreign qualification by a competent German body, where required'],
    figures: [],
  };
  const reasons = result.reasons;
  if (salary.state !== 'value') {
    reasons.push(unknownFact('BeschV § 6 minimum salary', salary));
    return result;
  }

  // occupation: IT only (until 29.2.2024)
  const ictOnly = f.get('beschv6.ict-only');
  const ict = inIscoGroups(profile, ICT_ISCO_GROUPS);
  const ictNote = `this check counts ISCO-08 groups ${ICT_ISCO_GROUPS.join(', ')} as information and communication technology`;
  if (ictOnly.state !== 'value') reasons.push(unknownFact('whether § 6 is limited to IT occupations', ictOnly));
  else if (ictOnly.entry.value === true) {
    if (ict === true) reasons.push(reason('met', `occupation ${profile.occupation?.isco08} is an IT occupation (${ictNote})`, ictOnly));
    else if (ict === false) reasons.push(reason('not-met', `§ 6 covers IT occupations only on this day; occupation ${profile.occupation?.isco08} is not one (${ictNote})`, ictOnly));
    else reasons.push(reason('unknown', `§ 6 covers IT occupations only on this day; the occupation code is not given (${ictNote})`, ictOnly));
  } else {
    reasons.push(reason('info', '§ 6 covers any qualified employment on this day', ictOnly));
  }

  // experience
  const exp = f.get('beschv6.experience');
  const window = f.get('beschv6.experience-window');
  if (exp.state !== 'value' || window.state !== 'value') reasons.push(unknownFact('required professional experience', exp.state !== 'value' ? exp : window));
  else {
    const need = exp.entry.value as number;
    const within = window.entry.value as number;
    const have = experienceWithin(profile, f.date, within);
    const text = `at least ${years(need)} of professional experience gained within the last ${years(within)}`;
    if (have === undefined) reasons.push(reason('unknown', `${text}; experience not given`, exp));
    else if (have >= need) reasons.push(reason('met', `${text}; has ${years(have)} in that period (experience taken as one stretch up to ${profile.experienceEnded ?? 'the day checked'})`, exp));
    else reasons.push(reason('not-met', `${text}; has ${years(have)} in that period`, exp));
  }

  // a job (§ 6 itself asks for "einen Arbeitsplatz … oder ein Angebot für einen solchen Arbeitsplatz")
  if (!profile.jobOffer) reasons.push(reason('not-met', 'no job offer: § 6 asks for a job with the minimum salary', salary));
  else reasons.push(reason('met', 'a job offer exists', salary));

  // salary (not with an employer bound by a collective agreement, from 1.3.2024)
  const bbg = f.bbg();
  const amount = f.amount(salary);
  const tariff = f.get('beschv6.tariff-exception');
  if (amount && bbg) result.figures.push({ factId: 'beschv6.salary', label: 'BeschV § 6 minimum salary', year: amount.year, amount: amount.amount, display: amount.display });
  if (tariff.state === 'value' && tariff.entry.value === true && profile.employerCollectiveAgreement === true) {
    reasons.push(reason('met', 'the employer is bound by a collective agreement and pays its rates: the salary threshold does not apply', tariff));
  } else if (!amount || !bbg) {
    reasons.push(reason('unknown', `the BBG for ${f.year} is not in the parameter table`, salary));
  } else {
    const text = `minimum salary ${thresholdText(salary, amount, bbg.amount)}`;
    const exception = tariff.state === 'value' && tariff.entry.value === true && profile.employerCollectiveAgreement == null ? ' (unless the employer is bound by a collective agreement, which is not stated)' : '';
    if (profile.salaryOffer == null) reasons.push(reason('unknown', `${text}; no salary given`, salary));
    else if (profile.salaryOffer >= amount.amount) reasons.push(reason('met', `${text}; offered ${euro(profile.salaryOffer)}`, salary));
    else reasons.push(reason(exception ? 'unknown' : 'not-met', `${text}; offered ${euro(profile.salaryOffer)}${exception}`, salary, tariff));
  }

  // qualification (from 1.3.2024, not in IT)
  const minTraining = f.get('beschv6.min-training-years');
  if (minTraining.state === 'value') {
    const noQualInIct = f.get('beschv6.ict-no-qualification');
    if (ict === true && noQualInIct.state === 'value') {
      reasons.push(reason('met', 'no formal qualification is needed in IT occupations', noQualInIct));
    } else {
      const ok = stateRecognisedQualification(profile, minTraining.entry.value as number);
      const text = `a foreign qualification recognised by the state where it was obtained (vocational: at least ${years(minTraining.entry.value as number)} of training), a state-recognised foreign degree, or an AHK qualification`;
      reasons.push(reason(ok === true ? 'met' : ok === false ? 'not-met' : 'unknown', ok === undefined ? `${text}: not known from the profile` : text, minTraining));
    }
  }

  // German (until 29.2.2024)
  const german = f.get('beschv6.german-required');
  if (german.state === 'value' && german.entry.value === true) {
    const ok = cefrAtLeast(profile.languages?.de, 'B1');
    reasons.push(reason(ok ? 'met' : 'unknown', `sufficient German (B1) is required, though it can be waived in a justified case; German level ${profile.languages?.de ?? 'not given'}`, german));
  }

  // older applicants (BeschV § 1 Abs. 2, where it names § 6)
  const scope = f.get('beschv1.scope');
  if (scope.state === 'value' && (scope.entry.value as string[]).includes('§ 6')) {
    const older = olderApplicantRule(f, profile, f.get('beschv1.age-threshold'), f.get('beschv1.salary-older'), 'BeschV § 1 Abs. 2');
    reasons.push(older.reason);
    if (older.figure) result.figures.push(older.figure);
  }

  result.outcome = outcomeOf(reasons);
  return result;
}
