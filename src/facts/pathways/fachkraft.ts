/**
 * Fachkraft mit Berufsausbildung (AufenthG § 18a) or mit akademischer Ausbildung (§ 18b; § 18b Abs. 1 until
 * 17.11.2023): a Fachkraft in the sense of § 18 Abs. 3 with a concrete job offer (§ 18 Abs. 2 Nr. 1), and from
 * age 45 a minimum salary at first issue (§ 18 Abs. 2 Nr. 5).
 */
import type { FactsOn } from '../facts-on-date.js';
import { fachkraftKind, type Profile } from '../profile.js';
import { olderApplicantRule, outcomeOf, provisionOf, reason, unknownFact, type PathwayResult } from './common.js';

export function checkFachkraft(profile: Profile, f: FactsOn): PathwayResult {
  const kind = fachkraftKind(profile);
  const entitlement = f.get(kind === 'vocational' ? 'fachkraft.vocational.entitlement' : 'fachkraft.academic.entitlement');
  const definition = f.get('fachkraft.definition');
  const result: PathwayResult = {
    id: 'fachkraft',
    name: { de: 'Aufenthaltserlaubnis für Fachkräfte', en: 'Residence permit for skilled workers (Fachkräfte)' },
    outcome: 'cannot-tell',
    provision: provisionOf(entitlement) || 'AufenthG §§ 18a, 18b',
    reasons: [],
    openPoints: [
      'approval of the Bundesagentur für Arbeit (§ 39 AufenthG), unless the employment needs none',
      'a licence to practise where the profession is regulated (§ 18 Abs. 2 Nr. 3 AufenthG)',
    ],
    figures: [],
  };
  const reasons = result.reasons;

  if (kind === undefined) reasons.push(reason('unknown', 'whether the qualification is recognised (Fachkraft in the sense of § 18 Abs. 3) is not known', definition));
  else if (kind === null) reasons.push(reason('not-met', 'not a Fachkraft: neither a domestic or equivalent (recognised) vocational qualification nor a German, recognised or comparable degree', definition));
  else reasons.push(reason('met', kind === 'vocational' ? 'Fachkraft mit Berufsausbildung (recognised vocational qualification)' : 'Fachkraft mit akademischer Ausbildung', definition));

  if (kind) {
    if (entitlement.state !== 'value') reasons.push(unknownFact('the provision on the residence permit', entitlement));
    else if (entitlement.entry.value === true) reasons.push(reason('info', 'the permit is granted for any qualified employment (entitlement: "wird … erteilt")', entitlement));
    else reasons.push(reason('info', 'the permit may be granted (discretion: "kann … erteilt werden") for qualified employment the qualification enables', entitlement));
  }

  const jobOffer = f.get('employment.job-offer-required');
  if (jobOffer.state !== 'value') reasons.push(unknownFact('the job-offer requirement', jobOffer));
  else if (!profile.jobOffer) reasons.push(reason('not-met', 'no concrete job offer', jobOffer));
  else reasons.push(reason('met', 'a concrete job offer exists', jobOffer));

  const older = olderApplicantRule(f, profile, f.get('fachkraft.older.age-threshold'), f.get('fachkraft.older.salary'), 'first permit under § 18a/§ 18b');
  reasons.push(older.reason);
  if (older.figure) result.figures.push(older.figure);

  result.outcome = outcomeOf(reasons);
  return result;
}
