/**
 * Chancenkarte (AufenthG § 20a, from 1.6.2024): for a Fachkraft (Abs. 3 Nr. 1), or with enough points under
 * the table of the Anlage (Abs. 3 Nr. 2) after the prerequisites of Abs. 4 Satz 3. The points table is not in
 * the corpus: the points route can be ruled out by its prerequisites, never confirmed.
 */
import type { FactsOn } from '../facts-on-date.js';
import { cefrAtLeast, fachkraftKind, stateRecognisedQualification, type Profile } from '../profile.js';
import { outcomeOf, provisionOf, reason, unknownFact, years, type PathwayResult, type Reason } from './common.js';

export function checkChancenkarte(profile: Profile, f: FactsOn): PathwayResult {
  const fachkraft = f.get('chancenkarte.fachkraft');
  const result: PathwayResult = {
    id: 'chancenkarte',
    name: { de: 'Chancenkarte', en: 'Opportunity card (Chancenkarte)' },
    outcome: 'cannot-tell',
    provision: provisionOf(fachkraft) || 'AufenthG § 20a',
    reasons: [],
    openPoints: [
      'the livelihood is secured (§ 20a Abs. 4 Satz 1)',
      'a person already in Germany needs a residence title under Abschnitt 3 or 4 (§ 20a Abs. 4 Satz 2)',
    ],
    figures: [],
  };
  const reasons = result.reasons;
  if (fachkraft.state === 'not-in-law') {
    reasons.push(reason('not-met', `the AufenthG has no Chancenkarte on ${f.date}${fachkraft.from ? `; § 20a applies from ${fachkraft.from}` : ''}`));
    result.openPoints = [];
    result.outcome = 'not-eligible';
    return result;
  }
  if (fachkraft.state !== 'value') {
    reasons.push(unknownFact('§ 20a Abs. 3', fachkraft));
    return result;
  }

  const kind = fachkraftKind(profile);
  if (kind) {
    reasons.push(reason('met', `a Fachkraft (${kind === 'vocational' ? 'recognised vocational qualification' : 'German, recognised or comparable degree'}): Chancenkarte under § 20a Abs. 3 Nr. 1, no points needed`, fachkraft));
  } else {
    const points = f.get('chancenkarte.points-route');
    reasons.push(reason('info', kind === null ? 'not a Fachkraft, so only the points route (§ 20a Abs. 3 Nr. 2) remains' : 'whether the person is a Fachkraft is not known; the points route (§ 20a Abs. 3 Nr. 2) is checked as well', fachkraft, points));
    const prereqs = pointsPrerequisites(profile, f);
    reasons.push(...prereqs.reasons);
    if (prereqs.ok !== false) {
      const minPoints = f.get('chancenkarte.min-points');
      reasons.push(
        minPoints.state === 'value'
          ? reason('unknown', `at least ${minPoints.entry.display} under the table of the Anlage; the table is not evaluated`, minPoints, points)
          : reason('unknown', 'the points (table in the Anlage to the AufenthG, § 20b) cannot be told: that text is not in the corpus', points),
      );
    }
  }

  const hours = f.get('chancenkarte.work-hours');
  if (hours.state === 'value') reasons.push(reason('info', `allows employment of up to ${hours.entry.value} hours a week on average`, hours));
  const weeks = f.get('chancenkarte.trial-work-weeks');
  if (weeks.state === 'value') reasons.push(reason('info', `allows trial employments of up to ${weeks.entry.value} weeks each`, weeks));
  // with the Fachkraft status unknown, route Nr. 1 stays open whatever the points route says
  result.outcome = kind === undefined ? 'cannot-tell' : outcomeOf(reasons);
  return result;
}

/** § 20a Abs. 4 Satz 3: qualification recognised abroad and basic German or English B2. */
function pointsPrerequisites(profile: Profile, f: FactsOn): { ok: boolean | undefined; reasons: Reason[] } {
  const minTraining = f.get('chancenkarte.min-training-years');
  const language = f.get('chancenkarte.language');
  const reasons: Reason[] = [];
  let qualification: boolean | undefined;
  if (minTraining.state !== 'value') {
    reasons.push(unknownFact('the qualification needed for the points route', minTraining));
  } else {
    qualification = stateRecognisedQualification(profile, minTraining.entry.value as number);
    const text = `points route: a foreign qualification recognised where it was obtained (at least ${years(minTraining.entry.value as number)} of training), a recognised foreign degree, or an AHK qualification`;
    reasons.push(reason(statusOf(qualification), qualification === undefined ? `${text}: not known from the profile` : text, minTraining));
  }
  let languages: boolean | undefined;
  if (language.state !== 'value') {
    reasons.push(unknownFact('the language requirement of the points route', language));
  } else {
    const de = cefrAtLeast(profile.languages?.de, 'A1');
    const en = cefrAtLeast(profile.languages?.en, 'B2');
    languages = de === true || en === true ? true : de === false && en === false ? false : undefined;
    reasons.push(reason(statusOf(languages), `points route: at least basic German (A1) or English at B2; German ${profile.languages?.de ?? 'not given'}, English ${profile.languages?.en ?? 'not given'}`, language));
  }
  const ok = qualification === false || languages === false ? false : qualification === true && languages === true ? true : undefined;
  return { ok, reasons };
}

function statusOf(b: boolean | undefined): Reason['status'] {
  return b === true ? 'met' : b === false ? 'not-met' : 'unknown';
}
