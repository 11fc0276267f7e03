/**
 * Checking a person's profile against the pathways whose rules the corpus carries on a day: Blaue Karte EU,
 * Fachkraft (§ 18a/§ 18b AufenthG), BeschV § 6, Westbalkanregelung, Chancenkarte. Each pathway answers
 * eligible / not-eligible / cannot-tell with reasons that quote the provision as it read that day and its
 * source tier. What the corpus cannot decide is cannot-tell, never guessed. Information, not legal advice.
 */
import { UserError } from '../diagnostics/diagnostic.js';
import { isValidIsoDate } from '../corpus/manifest.js';
import { FactsOn, type CheckContext } from './facts-on-date.js';
import { enjoysFreeMovement } from './nationality.js';
import { nationalityOf, type Profile } from './profile.js';
import { TIER_LABEL } from './output.js';
import { checkBlueCard } from './pathways/blue-card.js';
import { checkFachkraft } from './pathways/fachkraft.js';
import { checkBeschV6 } from './pathways/beschv6.js';
import { checkWestbalkan } from './pathways/westbalkan.js';
import { checkChancenkarte } from './pathways/chancenkarte.js';
import type { Outcome, PathwayResult, Reason } from './pathways/common.js';

export type { CheckContext } from './facts-on-date.js';
export type { Outcome, PathwayResult, Reason } from './pathways/common.js';

export const DISCLAIMER = {
  de: 'Information, keine Rechtsberatung: Diese Auswertung liest die Gesetzestexte im Korpus zum angegebenen Tag. Sie ersetzt weder eine Beratung noch die Entscheidung von Auslandsvertretung, Ausländerbehörde oder Bundesagentur für Arbeit.',
  en: 'Information, not legal advice: this check reads the statute texts in the corpus as of the given day. It replaces neither advice nor the decision of the mission abroad, the foreigners authority or the Federal Employment Agency.',
};

export interface ProfileCheck {
  date: string;
  profile?: string;
  disclaimer: { de: string; en: string };
  notes: string[];
  pathways: PathwayResult[];
}

/** Check a profile on a day against every pathway. */
export function checkProfile(profile: Profile, date: string, ctx: CheckContext): ProfileCheck {
  if (!isValidIsoDate(date)) throw new UserError(`invalid date ${JSON.stringify(date)} (expected YYYY-MM-DD)`, 'invalid-date');
  const f = new FactsOn(ctx, date);
  const notes: string[] = [];
  const nat = nationalityOf(profile);
  if (enjoysFreeMovement(nat)) notes.push(`${nat.given}: EU/EEA/Swiss nationals enjoy free movement and need none of these residence titles.`);
  if (profile.birthDate === undefined) notes.push(`age taken as ${profile.age} on ${date} (no birthDate given)`);
  const pathways = [checkBlueCard, checkFachkraft, checkBeschV6, checkWestbalkan, checkChancenkarte].map((check) => check(profile, f));
  const result: ProfileCheck = { date, disclaimer: DISCLAIMER, notes, pathways };
  if (profile.label) result.profile = profile.label;
  return result;
}

const OUTCOME_TEXT: Record<Outcome, string> = {
  eligible: 'eligible',
  'not-eligible': 'not eligible',
  'cannot-tell': 'cannot tell',
};

const STATUS_MARK: Record<Reason['status'], string> = { met: '+', 'not-met': '-', unknown: '?', info: 'i' };

/** Plain text of a profile check, disclaimer first. */
export function formatProfileCheckText(check: ProfileCheck): string {
  const lines = [`${DISCLAIMER.en}`, `${DISCLAIMER.de}`, '', `Profile check${check.profile ? ` — ${check.profile}` : ''} on ${check.date}`];
  for (const n of check.notes) lines.push(`note: ${n}`);
  for (const p of check.pathways) {
    lines.push('', `${p.name.en} (${p.provision}): ${OUTCOME_TEXT[p.outcome]}`);
    for (const r of p.reasons) {
      lines.push(`  ${STATUS_MARK[r.status]} ${r.text}`);
      for (const c of r.citations) {
        lines.push(`      ${c.law} ${c.provision} [${TIER_LABEL[c.tier]}${c.provenance ? ` · tier ${c.provenance}` : ''}${c.source ? `: ${c.source}` : ''}]: „${c.wording}“`);
      }
    }
    if (p.figures.length) lines.push(`  amounts ${check.date.slice(0, 4)}: ${p.figures.map((x) => `${x.label} ${x.display}`).join('; ')}`);
    if (p.openPoints.length) lines.push(`  not checked: ${p.openPoints.join('; ')}`);
  }
  return lines.join('\n') + '\n';
}
