/**
 * Reading one fact from the words of one unit: apply the location's pattern, parse the captured words
 * by the fact's unit, and give the value with its German display form. No statute lookup here.
 */
import { formatEuro, formatGermanNumber, formatShare, parseGermanNumber, parseShare, shareToPercent, type Share } from './german-numbers.js';
import type { FactDefinition, FactLocation, FactValue, ListStyle } from './types.js';

export type ReadResult =
  | { ok: true; value: FactValue; display: string; matched: string; share?: Share }
  | { ok: false; problem: 'no-match' | 'anchor-missing' | 'unparseable'; detail: string };

export function compilePattern(source: string): RegExp {
  return new RegExp(source, 'u');
}

/** The captured value words: the named group `value`, else group 1, else the whole match. */
function capturedWords(m: RegExpExecArray): string {
  return m.groups?.value ?? m[1] ?? m[0];
}

export function readFactValue(def: FactDefinition, loc: FactLocation, words: string): ReadResult {
  if (def.unit === 'boolean-present') return readPresence(loc, words);
  const m = compilePattern(loc.pattern).exec(words);
  if (!m) return { ok: false, problem: 'no-match', detail: `pattern /${loc.pattern}/ does not match` };
  const captured = capturedWords(m).trim();
  const fail = (what: string): ReadResult => ({
    ok: false,
    problem: 'unparseable',
    detail: `pattern matched "${m[0]}", but ${JSON.stringify(captured)} is not ${what}`,
  });
  switch (def.unit) {
    case 'share-of-bbg': {
      const share = parseShare(captured);
      if (!share) return fail('a share ("52 Prozent", "zwei Dritteln")');
      return { ok: true, value: shareToPercent(share), display: `${formatShare(share)} der BBG`, matched: m[0], share };
    }
    case 'list': {
      const items = splitList(captured, def.list ?? 'names');
      if (items.length === 0) return fail('a list');
      return { ok: true, value: items, display: items.join(', '), matched: m[0] };
    }
    default: {
      const n = parseGermanNumber(captured);
      if (n === undefined) return fail('a number');
      return { ok: true, value: n, display: displayNumber(def.unit, n), matched: m[0] };
    }
  }
}

function readPresence(loc: FactLocation, words: string): ReadResult {
  if (loc.anchor !== undefined && !compilePattern(loc.anchor).test(words)) {
    return { ok: false, problem: 'anchor-missing', detail: `anchor /${loc.anchor}/ does not match: the unit no longer is the provision the fact reads` };
  }
  const m = compilePattern(loc.pattern).exec(words);
  if (m) return { ok: true, value: true, display: `ja: „${m[0]}“`, matched: m[0] };
  if (loc.anchor === undefined) return { ok: false, problem: 'no-match', detail: `pattern /${loc.pattern}/ does not match` };
  return { ok: true, value: false, display: 'nein', matched: '' };
}

const PLURAL: Record<string, [string, string]> = {
  'hours-per-week': ['Stunde je Woche', 'Stunden je Woche'],
  weeks: ['Woche', 'Wochen'],
  months: ['Monat', 'Monate'],
  days: ['Tag', 'Tage'],
  years: ['Jahr', 'Jahre'],
  points: ['Punkt', 'Punkte'],
  'count-per-year': ['je Kalenderjahr', 'je Kalenderjahr'],
};

export function displayNumber(unit: string, n: number): string {
  if (unit === 'euros') return formatEuro(n);
  const words = PLURAL[unit];
  const num = formatGermanNumber(n);
  return words ? `${num} ${n === 1 ? words[0] : words[1]}` : num;
}

/**
 * Split enumerated words: "Albanien, Bosnien und Herzegowina, Kosovo, Montenegro, Nordmazedonien und Serbien"
 * (names: commas, and the last "und"/"oder" only), "§§ 6, 22a, 24a und 26 Absatz 2" (paragraphs, each as
 * "§ 6"), "132, 133, 21 oder 25" (codes).
 */
export function splitList(text: string, style: ListStyle): string[] {
  const t = text.trim().replace(/\s+/g, ' ');
  if (style === 'codes') return t.split(/\s*,\s*|\s+(?:und|oder|sowie)\s+/u).filter(Boolean);
  if (style === 'paragraphs') {
    return t
      .replace(/§§?\s*/gu, '')
      .split(/\s*,\s*|\s+(?:und|oder|sowie)\s+/u)
      .filter(Boolean)
      .map((p) => `§ ${p}`);
  }
  const parts = t.split(/\s*,\s*/u).filter(Boolean);
  const last = parts.pop();
  if (last !== undefined) {
    const m = /^(.*)\s+(?:und|oder|sowie)\s+(.*)$/u.exec(last);
    if (m && parts.length > 0) parts.push(m[1], m[2]);
    else parts.push(last);
  }
  return parts;
}
