/**
 * Blaue Karte EU (AufenthG § 18b Abs. 2 until 17.11.2023, § 18g Abs. 1 from 18.11.2023): a Fachkraft mit
 * akademischer Ausbildung with a job paying at least the general share of the BBG, or the lower share in
 * shortage occupations (ISCO-08 groups the provision lists) and, from 18.11.2023, for recent graduates.
 */
import type { FactsOn } from '../facts-on-date.js';
import { fachkraftKind, inIscoGroups, type Profile } from '../profile.js';
import { euro, outcomeOf, provisionOf, reason, thresholdText, unknownFact, type Figure, type PathwayResult, type Reason } from './common.js';

export function checkBlueCard(profile: Profile, f: FactsOn): PathwayResult {
  const general = f.get('bluecard.salary.general');
  const result: PathwayResult = {
    id: 'blaue-karte-eu',
    name: { de: 'Blaue Karte EU', en: 'EU Blue Card (Blaue Karte EU)' },
    outcome: 'cannot-tell',
    provision: provisionOf(general),
    reasons: [],
    openPoints: [
      'no ground for refusal under § 19f Abs. 1 and 2 AufenthG',
      'a licence to practise where the profession is regulated (§ 18 Abs. 2 Nr. 3 AufenthG)',
      'the employment is appropriate to the qualification',
    ],
    figures: [],
  };
  if (general.state !== 'value') {
    result.reasons.push(unknownFact('Blue Card minimum salary', general));
    return result;
  }
  const reasons: Reason[] = result.reasons;

  // Fachkraft mit akademischer Ausbildung
  const kind = fachkraftKind(profile);
  if (kind === 'academic') {
    reasons.push(reason('met', 'a German, recognised or comparable university degree: Fachkraft mit akademischer Ausbildung', general));
  } else if (kind === undefined) {
    reasons.push(reason('unknown', 'whether the degree is recognised or comparable is not known', general));
  } else {
    reasons.push(reason('not-met', 'the Blue Card under this provision needs a Fachkraft mit akademischer Ausbildung (a German, recognised or comparable degree)', general));
    const itGroups = f.get('bluecard.it-specialists.isco-groups');
    if (itGroups.state === 'value' && inIscoGroups(profile, itGroups.entry.value as string[]) !== false) {
      result.openPoints.push(`§ 18g Abs. 2 AufenthG (IT specialists without a degree, ISCO-08 groups ${(itGroups.entry.value as string[]).join(', ')}) is not evaluated`);
    }
  }

  // a job
  const jobOffer = f.get('employment.job-offer-required');
  if (!profile.jobOffer) reasons.push(reason('not-met', 'no job offer: the Blue Card is issued for an employment with a salary', jobOffer, general));
  else reasons.push(reason('met', 'a job offer exists', jobOffer));

  // salary
  const salary = salaryReason(profile, f, general, result.figures);
  reasons.push(salary);
  result.outcome = outcomeOf(reasons);
  return result;
}

function salaryReason(profile: Profile, f: FactsOn, general: ReturnType<FactsOn['get']>, figures: Figure[]): Reason {
  const bbg = f.bbg();
  const generalAmount = f.amount(general);
  if (!bbg || !generalAmount) return reason('unknown', `the BBG for ${f.year} is not in the parameter table`, general);
  figures.push({ factId: 'bluecard.salary.general', label: 'Blue Card, general minimum salary', year: generalAmount.year, amount: generalAmount.amount, display: generalAmount.display });
  const generalText = `general minimum ${thresholdText(general, generalAmount, bbg.amount)}`;

  const shortage = f.get('bluecard.salary.shortage');
  const shortageAmount = f.amount(shortage);
  if (shortageAmount) figures.push({ factId: 'bluecard.salary.shortage', label: 'Blue Card, minimum salary in shortage occupations / for recent graduates', year: shortageAmount.year, amount: shortageAmount.amount, display: shortageAmount.display });
  const shortageText = shortageAmount ? `reduced minimum ${thresholdText(shortage, shortageAmount, bbg.amount)}` : 'reduced minimum: not readable';
  const both = `${generalText}; ${shortageText}`;

  if (profile.salaryOffer == null) return reason('unknown', `no salary given (${both})`, general, shortage);
  const offered = euro(profile.salaryOffer);
  if (profile.salaryOffer >= generalAmount.amount) {
    return reason('met', `offered ${offered} reaches the ${generalText}: no approval of the Bundesagentur für Arbeit needed`, general);
  }
  if (shortage.state !== 'value' || !shortageAmount) return reason('unknown', `offered ${offered} is below the ${generalText}; the reduced minimum could not be read`, general);
  if (profile.salaryOffer < shortageAmount.amount) {
    return reason('not-met', `offered ${offered} is below the ${generalText} and below the ${shortageText}`, general, shortage);
  }
  // between the two thresholds: the reduced one applies to shortage occupations and recent graduates
  const groups = f.get('bluecard.shortage.isco-groups');
  const inGroups = groups.state === 'value' ? inIscoGroups(profile, groups.entry.value as string[]) : undefined;
  const graduate = recentGraduate(profile, f);
  const cites = [general, shortage, groups, graduate.fact].filter((x) => x !== undefined);
  if (inGroups === true) {
    const code = profile.occupation!.isco08!;
    const group = (groups.state === 'value' ? (groups.entry.value as string[]) : []).filter((g) => code.startsWith(g)).join(', ');
    return reason('met', `offered ${offered} is below the ${generalText} but reaches the ${shortageText}, which applies because occupation ${code} belongs to ISCO-08 group ${group}, a listed shortage occupation (with approval of the Bundesagentur für Arbeit)`, ...cites);
  }
  if (graduate.is === true) {
    return reason('met', `offered ${offered} is below the ${generalText} but reaches the ${shortageText}, which applies to a degree obtained within the last ${graduate.years} years (with approval of the Bundesagentur für Arbeit)`, ...cites);
  }
  if (inGroups === false && graduate.is === false) {
    return reason('not-met', `offered ${offered} is below the ${generalText}; the ${shortageText} applies only to the listed shortage occupations${graduate.years ? ` and to degrees of the last ${graduate.years} years` : ''}`, ...cites);
  }
  return reason('unknown', `offered ${offered} is below the ${generalText} and reaches the ${shortageText}; whether the reduced minimum applies (occupation code or degree date) is not known`, ...cites);
}

/** Degree obtained no more than N years before the application (from 18.11.2023). */
function recentGraduate(profile: Profile, f: FactsOn): { is: boolean | undefined; years?: number; fact?: ReturnType<FactsOn['get']> } {
  const fact = f.get('bluecard.recent-graduate.years');
  if (fact.state === 'not-in-law') return { is: false };
  if (fact.state !== 'value') return { is: undefined, fact };
  const n = fact.entry.value as number;
  if (!profile.degreeDate || profile.qualification.kind !== 'academic') return { is: profile.qualification.kind === 'academic' ? undefined : false, years: n, fact };
  const limit = `${Number(f.date.slice(0, 4)) - n}${f.date.slice(4)}`;
  return { is: profile.degreeDate >= limit, years: n, fact };
}
