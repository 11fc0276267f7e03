/**
 * Split German statute text into Sätze.
 *
 * A sentence ends at ".", "!" or "?" followed by white space and an upper-case letter, "§" or "„",
 * unless the period closes an abbreviation (Abs., Nr., S., BGBl., z. B., i. V. m. …) or an ordinal
 * ("1. März 2024", "des 45. Lebensjahres").
 */

const ABBREVIATIONS = new Set(
  [
    'Abs', 'Nr', 'Nrn', 'S', 'Art', 'Artt', 'BGBl', 'ABl', 'Buchst', 'Buchstb', 'Doppelbuchst', 'Ziff', 'lit',
    'Kap', 'Anl', 'Bek', 'Ges', 'vgl', 'bzw', 'usw', 'ca', 'Dr', 'St', 'Str', 'f', 'ff', 'gem', 'ggf',
    'Rn', 'Bd', 'Hs', 'Halbs', 'Unterabs', 'UAbs', 'Verf', 'Vorb', 'Nds', 'd', 'v', 'u', 'i', 'z', 'B',
    'V', 'm', 'G', 'Gl', 'Anh', 'idF', 'IdF', 'mWv', 'Eingef', 'Aufgeh', 'geänd', 'Beschl', 'Urt',
    'Az', 'EG', 'EU', 'EWG', 'Co', 'Inc', 'Ltd', 'e', 'etc', 'lt', 'sog', 'bspw', 'insb', 'inkl', 'zzgl',
    'Pkt', 'Tz', 'Nummer',
  ].filter((a) => a !== 'EG' && a !== 'EU' && a !== 'EWG' && a !== 'Nummer'),
);

const MONTHS =
  /^(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jänner)\b/u;

/** Words that stand before an ordinal number ("des 45. Lebensjahres", "zum 31. Dezember"). */
const ORDINAL_DETERMINERS = new Set([
  'des', 'dem', 'der', 'den', 'die', 'das', 'zum', 'zur', 'vom', 'am', 'im', 'bis', 'ab', 'seit', 'nach',
  'vor', 'ein', 'eine', 'einem', 'einer', 'eines', 'jedes', 'jeden', 'jedem', 'zu', 'spätestens', 'frühestens',
  'dieses', 'diesem',
]);

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Offsets of sentence boundaries: each span covers one sentence, including its final punctuation. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  let quoteDepth = 0;
  let parenDepth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '„') quoteDepth++;
    else if (ch === '“' && quoteDepth > 0) quoteDepth--;
    else if (ch === '(') parenDepth++;
    else if (ch === ')' && parenDepth > 0) parenDepth--;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (quoteDepth > 0 || parenDepth > 0) continue;
    // Next non-space character.
    let j = i + 1;
    while (j < text.length && (text[j] === '“' || text[j] === '"' || text[j] === ')')) j++;
    const afterPunct = j;
    if (j >= text.length || !/\s/.test(text[j])) continue;
    while (j < text.length && /\s/.test(text[j])) j++;
    if (j >= text.length) continue;
    const next = text.slice(j);
    if (!/^[\p{Lu}§„]/u.test(next)) continue;
    if (ch === '.' && !isSentenceEnd(text, i, next)) continue;
    spans.push({ start, end: afterPunct });
    start = j;
  }
  if (start < text.length) {
    const rest = text.slice(start);
    if (rest.trim() !== '') spans.push({ start, end: text.length });
  }
  return spans;
}

function isSentenceEnd(text: string, dot: number, next: string): boolean {
  // Token before the period.
  let k = dot - 1;
  while (k >= 0 && !/\s/.test(text[k]) && text[k] !== '(') k--;
  const token = text.slice(k + 1, dot);
  if (token === '') return true;
  if (ABBREVIATIONS.has(token)) return false;
  // Single capital letter abbreviations ("S.") are covered above; dotted chains like "z.B" or "i.V.m".
  if (/^(\p{L}\.)+\p{L}$/u.test(token)) return false;
  if (/^\d+$/.test(token)) {
    if (MONTHS.test(next)) return false;
    // previous word
    let p = k;
    while (p >= 0 && /\s/.test(text[p])) p--;
    let q = p;
    while (q >= 0 && !/\s/.test(text[q])) q--;
    const prev = text.slice(q + 1, p + 1);
    if (ORDINAL_DETERMINERS.has(prev)) return false;
  }
  return true;
}

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end).trim());
}
