/**
 * Split German statute text into Sätze.
 *
 * A sentence ends at ".", "!" or "?" followed by white space and an upper-case letter, "§" or "„",
 * unless the period closes an abbreviation (Abs., Nr., S., BGBl., z. B., i. V. m., Mio. …) or an
 * ordinal ("1. März 2024", "des 45. Lebensjahres", "seines 16. Lebensjahres", "dem 19. oder 20.
 * Abschnitt"). A letter after a noun that labels ("Buchstabe d.", "Anhang V.") is no abbreviation; "ff.",
 * "usw.", "e. V." may close a Satz ("… §§ 15 ff. Die Prüfstelle …", see abbreviationClosesSatz).
 */

const ABBREVIATIONS = new Set(
  [
    'Abs', 'Nr', 'Nrn', 'S', 'Art', 'Artt', 'BGBl', 'ABl', 'Buchst', 'Buchstb', 'Doppelbuchst', 'Ziff', 'lit',
    'Kap', 'Anl', 'Bek', 'Ges', 'vgl', 'bzw', 'usw', 'ca', 'Dr', 'St', 'Str', 'f', 'ff', 'gem', 'ggf',
    'Rn', 'Bd', 'Hs', 'Halbs', 'Unterabs', 'UAbs', 'Verf', 'Vorb', 'Nds', 'd', 'v', 'u', 'i', 'z', 'B',
    'V', 'm', 'G', 'Gl', 'Anh', 'idF', 'IdF', 'mWv', 'Eingef', 'Aufgeh', 'geänd', 'Beschl', 'Urt',
    'Az', 'EG', 'EU', 'EWG', 'Co', 'Inc', 'Ltd', 'e', 'etc', 'lt', 'sog', 'bspw', 'insb', 'inkl', 'zzgl',
    'Pkt', 'Tz', 'Nummer', 'Mio', 'Mrd', 'Tsd', 'a', 'o', 'ä', 'Anm', 'Aufl', 'evtl', 'bzgl', 'Abschn', 'Bsp',
    'Prof', 'Dipl', 'Ing', 'zul', 'insbes', 'einschl', 'ausschl', 'entspr', 'Tab', 'Abb', 'h', 'Std', 'lfd', 'Abt', 'b',
  ].filter((a) => a !== 'EG' && a !== 'EU' && a !== 'EWG' && a !== 'Nummer'),
);

/**
 * Nouns after which a letter or Roman numeral is a label, not an abbreviation: "Buchstabe d.",
 * "Anhang V.", "Klasse B." end a sentence as any word does.
 */
const LABEL_NOUN = /(?:[Bb]uchstaben?|Anhangs?|Anlagen?|Teils?|Klassen?|Gruppen?|Kategorien?|Spalten?|Zeilen?|Typs?|Stufen?|Listen?|Abschnitts?|Unterabschnitts?|Kapitels?|Titels?|Musters?|Moduls?|Nummer|Buchst\.|Buchstb\.|Nr\.|Anl\.|Kap\.|Abschn\.|Ziff\.|lit\.)$/iu;

/**
 * Nouns that follow an ordinal number and never start a sentence ("seines 16. Lebensjahres", "am 3. Tag",
 * "am 1. Werktag", "im 2. Kapitel"); a part of the Gliederung only without its own label after it
 * ("… bis 3. Abschnitt 2 gilt …" starts a Satz with "Abschnitt 2").
 */
const AFTER_ORDINAL =
  /^(?:Lebens(?:jahr|monat|woche)|Kalender(?:jahr|monat|woche|tag)|Schwangerschaftswoche|Geburtstag|Schuljahr|Ausbildungsjahr|Studienjahr|Beschäftigungsjahr|Dienstjahr|Semester|Quartal|Halbjahr|Jahrhundert|Wahlperiode|Werktag|Arbeitstag|Tag(?:es|s)?\b|Monat(?:s|es)?\b|Woche\b|Jahr(?:es|s)?\b|Mal(?:e)?\b|(?:Kapitel|Teil|Abschnitt|Unterabschnitt|Buch|Titel|Anhang)(?:e?s)?\b(?!\s+(?:\d|[IVX]+\b)))/u;

const MONTHS =
  /^(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jänner)\b/u;

/**
 * Articles and the like that stand before an ordinal number ("des 45. Lebensjahres", "seines 16.
 * Lebensjahres"). No bare prepositions ("bis", "ab", "zum"): after them a number is as often an amount,
 * a day or the end of a range that ends a Satz ("bis zu 500.", "jeweils zum 15.", "§§ 39 bis 42."); the
 * dates and nouns that follow ordinals are read by MONTHS and AFTER_ORDINAL.
 */
const ORDINAL_DETERMINERS = new Set([
  'des', 'dem', 'der', 'den', 'die', 'das', 'zur', 'ein', 'eine', 'einem', 'einer', 'eines', 'jedes', 'jeden', 'jedem',
  'dieses', 'diesem', 'seines', 'seinem', 'seiner', 'seinen', 'ihres', 'ihrem', 'ihrer', 'ihren', 'jenes', 'jenem',
  'vollendeten', 'vollendete', 'vollendetes', 'vollendetem',
]);

/**
 * Abbreviations that may close a Satz with their period ("die §§ 15 ff.", "Gebühren, Auslagen usw.",
 * "Deutsches Institut für Normung e. V."): "usw.", "etc." and "e. V." end it before any word that opens
 * a Satz; "f.", "ff." unless the word is the abbreviation of a law ("§§ 15 ff. BGB", "AufenthG"); "Co.",
 * "Ltd.", "u. a." only before a word that never stands inside one (an article, a pronoun, a
 * conjunction: "… GmbH & Co. Die …", not "GmbH & Co. KG").
 */
const CLOSES_BEFORE_ANY = new Set(['usw', 'etc', 'V']);
const CLOSES_BEFORE_NO_LAW = new Set(['f', 'ff']);
const CLOSES_BEFORE_OPENER = new Set(['Co', 'Inc', 'Ltd', 'a']);
/** the abbreviation of a law: two capitals in its first word ("BGB", "AufenthG", "SGB", "VwVfG") */
const LAW_ABBREVIATION = /^\p{Lu}[\p{L}-]*\p{Lu}/u;
const SATZ_OPENER =
  /^(?:Die|Der|Das|Dies|Diese[rsmn]?|Ein|Eine[rsmn]?|Es|Er|Sie|Im|In|Bei|Für|Soweit|Sofern|Wenn|Wer|Satz|Absatz|Nach|Abweichend|Dabei|Hierbei|Ferner|Zudem|Außerdem|Auch|Ist|Sind|Hat|Haben|Wird|Werden|Kann|Können|Als)\s/u;

/** Does the period of this abbreviation close the Satz, `next` being the text after it (it opens a Satz)? */
function abbreviationClosesSatz(token: string, prev: string | undefined, next: string): boolean {
  // "V." only as "e. V.", "a." only as "u. a." (elsewhere initials, or parts of chains like "z. B.")
  if ((token === 'V' && prev !== 'e.') || (token === 'a' && prev !== 'u.')) return false;
  if (CLOSES_BEFORE_ANY.has(token)) return true;
  if (CLOSES_BEFORE_NO_LAW.has(token)) return !LAW_ABBREVIATION.test(next);
  return CLOSES_BEFORE_OPENER.has(token) && SATZ_OPENER.test(next);
}

/** Words that join two ordinals ("nach dem 19. oder 20. Abschnitt"). */
const ORDINAL_JOINERS = new Set(['oder', 'und', 'bis', 'bzw.', 'sowie']);

export interface SentenceSpan {
  start: number;
  end: number;
}

const OPEN_QUOTE = 0x201e; // „
const CLOSE_QUOTE = 0x201c; // “

/** White space as the regular expression \s sees it. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const SENTENCE_START = /^[\p{Lu}§„]/u;

/** Offsets of sentence boundaries: each span covers one sentence, including its final punctuation. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  // an opening mark that is never closed (a typo of the text: AufenthG § 104 Abs. 9 „§ 25 …) is a plain
  // mark: read as a quote it would swallow every Satz after it
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_QUOTE) open.push(i);
    else if (c === CLOSE_QUOTE) open.pop();
  }
  const unclosed = new Set(open);
  let start = 0;
  let quoteDepth = 0;
  let parenDepth = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_QUOTE && !unclosed.has(i)) quoteDepth++;
    else if (c === CLOSE_QUOTE && quoteDepth > 0) {
      quoteDepth--;
      // a quoted sentence that closes the Satz: "Der Vermerk lautet: „Gilt nicht.“ Die Behörde …"
      if (quoteDepth === 0 && parenDepth === 0 && i > 0 && /[.!?]/.test(text[i - 1])) {
        let j = i + 1;
        if (j < n && isSpaceCode(text.charCodeAt(j))) {
          while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
          if (j < n && SENTENCE_START.test(text.slice(j, j + 2))) {
            spans.push({ start, end: i + 1 });
            start = j;
          }
        }
      }
      continue;
    }
    else if (c === 0x28) parenDepth++;
    else if (c === 0x29 && parenDepth > 0) parenDepth--;
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f) continue; // . ! ?
    if (quoteDepth > 0 || parenDepth > 0) continue;
    // Next non-space character.
    let j = i + 1;
    while (j < n && (text.charCodeAt(j) === CLOSE_QUOTE || text.charCodeAt(j) === 0x22 || text.charCodeAt(j) === 0x29)) j++;
    const afterPunct = j;
    if (j >= n || !isSpaceCode(text.charCodeAt(j))) continue;
    while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
    if (j >= n) continue;
    const next = text.slice(j);
    if (!SENTENCE_START.test(next)) continue;
    if (c === 0x2e && !isSentenceEnd(text, i, next)) continue;
    spans.push({ start, end: afterPunct });
    start = j;
  }
  if (start < n) {
    const rest = text.slice(start);
    if (rest.trim() !== '') spans.push({ start, end: n });
  }
  return spans;
}

function isSentenceEnd(text: string, dot: number, next: string): boolean {
  // Token before the period.
  let k = dot - 1;
  while (k >= 0 && !isSpaceCode(text.charCodeAt(k)) && text.charCodeAt(k) !== 0x28) k--;
  const token = text.slice(k + 1, dot);
  if (token === '') return true;
  const [prev, beforePrev] = wordsBefore(text, k, 2);
  // "Buchstabe d.", "Anhang V.": a label, which ends a sentence like any word
  const label = /^(?:\p{L}|[IVXLC]+)$/u.test(token) && prev !== undefined && LABEL_NOUN.test(prev);
  // "Qualitätswein b. A." (bestimmter Anbaugebiete)
  if (token === 'A' && prev === 'b.') return false;
  if (ABBREVIATIONS.has(token) && !label) return abbreviationClosesSatz(token, prev, next);
  // Single capital letter abbreviations ("S.") are covered above; dotted chains like "z.B" or "i.V.m".
  if (/^(\p{L}\.)+\p{L}$/u.test(token)) return false;
  // a year ("bis 2025.", "ab 2024.") is no ordinal; a Roman numeral may be one ("nach dem III. Abschnitt")
  if (/^(?:\d{1,3}|[IVX]+)$/.test(token)) {
    if (MONTHS.test(next) || AFTER_ORDINAL.test(next)) return false;
    if (prev !== undefined && ORDINAL_DETERMINERS.has(prev) && !next.startsWith('§')) return false;
    // "dem 19. oder 20. Abschnitt": the second of two joined ordinals
    if (prev !== undefined && ORDINAL_JOINERS.has(prev) && beforePrev !== undefined && /^\d+\.$/.test(beforePrev)) return false;
  }
  return true;
}

/** The `count` words before offset `end` (the last character of the word before them), nearest first. */
function wordsBefore(text: string, end: number, count: number): Array<string | undefined> {
  const out: Array<string | undefined> = [];
  let p = end;
  for (let i = 0; i < count; i++) {
    while (p >= 0 && isSpaceCode(text.charCodeAt(p))) p--;
    if (p < 0) break;
    let q = p;
    while (q >= 0 && !isSpaceCode(text.charCodeAt(q))) q--;
    out.push(text.slice(q + 1, p + 1));
    p = q;
  }
  return out;
}

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end).trim());
}
