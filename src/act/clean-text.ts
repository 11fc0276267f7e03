/**
 * Clean the text extracted from a BGBl PDF, keeping source positions.
 *
 * Drops page furniture (running heads "Bundesgesetzblatt Jahrgang 2023 Teil I Nr. 217, ausgegeben zu
 * Bonn am …", "Seite 18 von 25", the masthead of page 1, the "Herausgeber" line, spaced-out signature
 * lines), footnotes ("* Dieses Gesetz dient …") and footnote markers, blank lines, and undoes
 * hyphenation at line ends where the word is one word. The result is a list of logical lines joined
 * by "\n"; every character maps back to file, line and column.
 */
import type { SourceLocation } from '../diagnostics/diagnostic.js';

export interface CleanText {
  file: string;
  text: string;
  /** segment starts (offsets into text), sorted */
  segStart: number[];
  segLine: number[];
  segCol: number[];
  /** number of lines of the original file */
  lineCount: number;
}

const FURNITURE: RegExp[] = [
  /^Bundesgesetzblatt Jahrgang \d{4} Teil [IV]+ Nr\. \d+, ausgegeben zu Bonn am .*$/,
  /^Seite \d+ von \d+$/,
  /^Herausgeber:/,
  /^Bundesgesetzblatt$/,
  /^Teil [IV]+$/,
  /^\d{4}$/,
  /^Ausgegeben zu Bonn am \d{1,2}\. \S+ \d{4}$/,
  /^Nr\. \d+$/,
  /^ISSN /,
  /^www\.recht\.bund\.de/,
];

/** "D e r  B u n d e s m i n i s t e r": letters separated by single spaces */
const SPACED = /^(?:\p{L}[ ]{1,2}){4,}\p{L}?/u;

export function isFurniture(line: string): boolean {
  return FURNITURE.some((r) => r.test(line)) || SPACED.test(line);
}

const SUSPENDED_FOLLOWERS = /^(und|oder|sowie|bis|bzw\.)(?![\p{L}])/u;

/**
 * Decide how "Erwerbs-" + "migration" join at a line end: one word without hyphen (hyphenation),
 * or kept hyphen (a real compound "AZR-Gesetzes", a suspended hyphen "Assistenz- oder").
 */
export function joinHyphenated(left: string, right: string, vocabulary?: Set<string>): 'join' | 'keep-hyphen' | 'keep-space' {
  if (SUSPENDED_FOLLOWERS.test(right)) return 'keep-space';
  const lw = /(\p{L}+)-$/u.exec(left)?.[1] ?? '';
  const rw = /^(\p{L}+)/u.exec(right)?.[1] ?? '';
  if (vocabulary && lw && rw) {
    if (vocabulary.has((lw + rw).toLowerCase())) return 'join';
    if (vocabulary.has(`${lw}-${rw}`.toLowerCase())) return 'keep-hyphen';
  }
  if (/^\p{Ll}/u.test(right)) return 'join';
  return 'keep-hyphen';
}

export function cleanActText(file: string, raw: string, vocabulary?: Set<string>): CleanText {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const out: CleanText = { file, text: '', segStart: [], segLine: [], segCol: [], lineCount: lines.length };
  // The text is built as finished logical lines + the current one, with its length tracked: reading the
  // end of one ever-growing string (regex, slice) flattens it each time and made cleaning quadratic.
  const done: string[] = [];
  let cur = '';
  let doneLength = 0; // length of done.join('\n') + '\n' when done is non-empty
  let started = false;
  let inFootnote = false;
  let lastWasEmpty = true;
  for (let i = 0; i < lines.length; i++) {
    const rawLine = lines[i];
    const lead = rawLine.length - rawLine.trimStart().length;
    let line = rawLine.trim();
    if (line === '') {
      inFootnote = false;
      lastWasEmpty = true;
      continue;
    }
    // a footnote starts with "*" at the beginning of a block, and runs to the next blank line
    if (/^\*\s/.test(line) && (lastWasEmpty || inFootnote)) {
      inFootnote = true;
      continue;
    }
    lastWasEmpty = false;
    if (inFootnote) continue;
    if (isFurniture(line)) continue;
    // footnote markers at the end of a title line ("Fachkräfteeinwanderung*")
    line = line.replace(/(\p{L})\*+$/u, '$1');
    if (!started) {
      started = true;
      pushSeg(out, 0, i + 1, lead + 1);
      cur = line;
      continue;
    }
    // hyphenation at the end of the previous logical line
    if (/\p{L}-$/u.test(cur) && !/\s-$/.test(cur) && /^\p{L}/u.test(line)) {
      const how = joinHyphenated(cur.slice(Math.max(0, cur.lastIndexOf(' ') + 1)), line, vocabulary);
      if (how === 'join') {
        cur = cur.slice(0, -1);
        pushSeg(out, doneLength + cur.length, i + 1, lead + 1);
        cur += line;
        continue;
      }
      if (how === 'keep-hyphen') {
        pushSeg(out, doneLength + cur.length, i + 1, lead + 1);
        cur += line;
        continue;
      }
    }
    done.push(cur);
    doneLength += cur.length + 1;
    pushSeg(out, doneLength, i + 1, lead + 1);
    cur = line;
  }
  if (started) done.push(cur);
  out.text = done.join('\n');
  return out;
}

function pushSeg(c: CleanText, offset: number, line: number, col: number): void {
  c.segStart.push(offset);
  c.segLine.push(line);
  c.segCol.push(col);
}

/** Map an offset in the cleaned text back to file, line and column of the original. */
export function locate(c: CleanText, offset: number): SourceLocation {
  if (c.segStart.length === 0) return { file: c.file, line: 1, column: 1 };
  let lo = 0;
  let hi = c.segStart.length - 1;
  const off = Math.max(0, Math.min(offset, c.text.length));
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.segStart[mid] <= off) lo = mid;
    else hi = mid - 1;
  }
  return { file: c.file, line: c.segLine[lo], column: c.segCol[lo] + (off - c.segStart[lo]) };
}
