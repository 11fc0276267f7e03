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
import type { Vocabulary } from '../text/vocabulary.js';

export interface CleanText {
  file: string;
  text: string;
  /** segment starts (offsets into text), sorted */
  segStart: number[];
  segLine: number[];
  segCol: number[];
  /** number of lines of the original file */
  lineCount: number;
  /**
   * Offsets (sorted) of the logical lines that stood after a blank line of the source, not at a page
   * break: where a web copy (or a text extraction) sets a block apart. Quoted text keeps them as blank
   * lines (parse-act.ts), so that the words closing a list stay a block of their own.
   */
  blockStarts: number[];
  /**
   * Editorial in-force markers of web copies ("abweichendes Inkrafttreten am 15.07.2021" …
   * "Ende abweichendes Inkrafttreten"): the offset where each starts or ends (date null), in order.
   */
  markers: Array<{ offset: number; date: string | null; line: number }>;
}

const FURNITURE: RegExp[] = [
  /^Bundesgesetzblatt Jahrgang \d{4} Teil [IV]+ Nr\. \d+, ausgegeben zu Bonn am .*$/,
  /^Seite \d+ von \d+$/,
  /^Herausgeber:/,
  /^Bundesgesetzblatt$/,
  // a page number between dashes, the running head of the electronic BGBl (since 2023)
  /^[–-]\s?\d{1,4}\s?[–-]$/,
  /^BGBl\. \d{4} I Nr\. \d+ vom \d{1,2}\.\d{1,2}\.\d{4}$/,
  /^Ausgegeben zu Bonn am \d{1,2}\. \S+ \d{4}$/,
  /^ISSN /,
  /^www\.recht\.bund\.de/,
];

/**
 * Lines that are furniture only among furniture (within two lines of a line of FURNITURE, above or below): the "Teil I", the
 * year, the "Nr. 217" of a title block, a page number. Alone they may be words of a wrapped table or
 * sentence ("im Jahr\n2024\n12 Euro").
 */
const NEAR_FURNITURE: RegExp[] = [/^Teil [IV]+$/, /^\d{1,4}$/, /^Nr\. \d+$/];

/** "D e r  B u n d e s m i n i s t e r": letters separated by single spaces */
const SPACED = /^(?:\p{L}[ ]{1,2}){4,}\p{L}?/u;

export function isFurniture(line: string): boolean {
  return FURNITURE.some((r) => r.test(line)) || SPACED.test(line);
}

/** A text without its furniture lines, as the cleaner drops them. */
export function withoutFurniture(text: string): string {
  const lines = text.split('\n').map((t, k) => ({ text: t, line: k + 1, col: 0 }));
  return lines.filter((_, i) => !isFurnitureAt(lines, i)).map((l) => l.text).join('\n');
}

/** Is line i furniture: a line of its own kind, or one that is furniture only among furniture and stands there. */
function isFurnitureAt(lines: RawLine[], i: number): boolean {
  const t = lines[i].text.trim();
  if (isFurniture(t)) return true;
  if (!NEAR_FURNITURE.some((r) => r.test(t))) return false;
  const near = (step: number): boolean => {
    let seen = 0;
    for (let k = i + step; k >= 0 && k < lines.length && seen < 2; k += step) {
      const u = lines[k].text.trim();
      if (u === '') continue;
      if (isFurniture(u)) return true;
      if (!NEAR_FURNITURE.some((r) => r.test(u))) return false;
      seen++;
    }
    return false;
  };
  return near(-1) || near(1);
}

/** Ligatures of PDF fonts, as the letters they stand for. */
const LIGATURES: Record<string, string> = { '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st' };

/**
 * A line without what only lays it out: soft hyphens inside it (a web copy's hyphenation hints; one at
 * the line end still joins the lines) and ligatures. `moves` map positions of the new line to the old
 * one, from each change on, so that diagnostics keep their columns.
 */
export function foldLayoutCharacters(line: string): { text: string; moves: Array<{ at: number; from: number }> } {
  if (!/[\u00ad\ufb00-\ufb06]/.test(line)) return { text: line, moves: [] };
  let text = '';
  const moves: Array<{ at: number; from: number }> = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const lig = LIGATURES[c];
    if (c === '\u00ad' && i < line.length - 1) {
      moves.push({ at: text.length, from: i + 1 });
    } else if (lig) {
      text += lig;
      moves.push({ at: text.length, from: i + 1 });
    } else {
      text += c;
    }
  }
  return { text, moves };
}

const SUSPENDED_FOLLOWERS = /^(und|oder|sowie|bis|bzw\.)(?![\p{L}])/u;

/**
 * Decide how "Erwerbs-" + "migration" join at a line end: one word without hyphen (hyphenation),
 * or kept hyphen (a real compound "AZR-Gesetzes", a suspended hyphen "Assistenz- oder").
 */
export function joinHyphenated(left: string, right: string, vocabulary?: Vocabulary): 'join' | 'keep-hyphen' | 'keep-space' {
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

/** One physical line of the input after web-layout normalisation, with where it came from. */
interface RawLine {
  text: string;
  line: number;
  /** 0-based column of text[0] in the original line */
  col: number;
}

/**
 * Web chrome of the sites that copy the BGBl text (buzer.de, umwelt-online, bgbl.de, Bundesanzeiger):
 * lines that are never part of an act. Matched against the trimmed line.
 */
const WEB_CHROME: RegExp[] = [
  /^(?:Tools:|Update via:|Anzeige|Vorschriftensuche|Regelwerk|Änderungstext|Eingangsformel|Schlussformel|Schlußformel|Inhaltsverzeichnis|ENDE|---+|\|(?:\s*\|)*|Fußnoten?)$/,
  /^Bundesrecht - tagaktuell konsolidiert/,
  /^Inhaltsverzeichnis \| Ausdrucken/,
  /^Link zu dieser Seite:/,
  /^ID: \d+$/,
  /^\(Stand: \d{2}\.\d{2}\.\d{4}\)$/,
  /^Zu den Beratungsabläufen/,
  /^(?:Für einen individuellen Ausdruck|Einstellungen in der Druckvorschau|Druck- und Lokalversion)/,
  /^Artikel \d+[a-z]? (?:wird in \d+ Vorschrift(?:en)? zitiert|ändert mWv\.)/,
  /^Artikel \d+[a-z]? - .+\(.*k\.a\.Abk\.\)$/,
  /^.+\(.*k\.a\.Abk\.\)$/,
  /^[GV]\. v\. \d{2}\.\d{2}\.\d{4} .*(?:BGBl|BAnz)/,
  /^\d+ Änderungen \|/,
  /^\*\)$/,
  // navigation and consent lines of web pages
  /^(?:Nach oben|Zurück|Weiter|Drucken|Teilen|Seite drucken|Zum Seitenanfang|Einverstanden|Alle akzeptieren|Ablehnen|Cookie-Einstellungen)$/,
  /^(?:Diese Website verwendet |Wir verwenden )?Cookies?\b.*(?:Einverstanden|akzeptieren|Akzeptieren|OK|Mehr erfahren|Datenschutzerklärung)\.?$/,
];

/** Lines after which a web page holds only its own listings (citations, ads): the act has ended. */
const WEB_TRAILER: RegExp[] = [
  /^Zitierungen von /,
  /^Zitate in Änderungsvorschriften/,
  /^Sie sehen die Vorschriften, die auf /,
  /^Ihr Rechtsradar/,
  /^Alle vollständigen Texte in der aktuellen Fassung/,
  /^Abonnentenzugang/,
  /^Nutzungsgebühr:/,
];

/** buzer's editorial in-force markers: kept as marker lines for the Inkrafttreten reader */
export const MARKER_START = /^abweichendes Inkrafttreten am (\d{2})\.(\d{2})\.(\d{4})$/;
export const MARKER_END = /^Ende abweichendes Inkrafttreten$/;

const LABEL_ONLY = /^[„"»«“]?(?:\d+[a-z]?\.|[a-z]{1,3}\))$/;

/**
 * Normalise the layout of web copies to the layout of the BGBl: list bullets ("- 1."), bullets glued to
 * the previous word ("monatlich- 1."), labels on a line of their own, "alt | neu" tables (the new column
 * is the act's text), web chrome and trailing listings. Each output line keeps its source line and
 * column.
 */
export function normaliseWebLayout(raw: string): RawLine[] {
  const src = raw.replace(/\r\n?/g, '\n').split('\n');
  const out: RawLine[] = [];
  for (let i = 0; i < src.length; i++) {
    let text = src[i].replace(/\t/g, ' ');
    let col = 0;
    const trimmed = text.trim();
    if (WEB_TRAILER.some((r) => r.test(trimmed))) break;
    // table rows: "| alt | neu |" (header) and "| old text | new text |": keep the new column
    if (/^\|.*\|$/.test(trimmed) && trimmed.length > 2) {
      const cells = trimmed.slice(1, -1).split(' | ');
      if (cells.length === 2 && /^alt$/.test(cells[0].trim()) && /^neu$/.test(cells[1].trim())) continue;
      const last = cells[cells.length - 1];
      col = text.lastIndexOf(last) + (last.length - last.trimStart().length);
      text = last.trim();
    }
    // bullets: "- 1." / "- In § 1 …"
    const b = /^(\s*-\s+)(?=\S)/.exec(text);
    if (b) {
      col += b[1].length;
      text = text.slice(b[1].length);
    }
    // a bullet glued to the end of the previous words: "beträgt monatlich- 1."
    const g = /^(.*\S) ?- („?(?:\d+[a-z]?\.|[a-z]{1,3}\)))$/.exec(text);
    if (g) {
      out.push({ text: g[1], line: i + 1, col });
      out.push({ text: g[2], line: i + 1, col: col + g[1].length + 2 });
      continue;
    }
    out.push({ text, line: i + 1, col });
  }
  // a label alone on its line ("1." / "a)" / "„4.") belongs to the next non-empty line — in web copies;
  // in the BGBl's own PDF text a lone label is a column break that the instruction reader places itself
  if (src.some((l) => isFurniture(l.trim()) && /Bundesgesetzblatt|Seite \d+ von/.test(l))) return out;
  const joined: RawLine[] = [];
  for (let k = 0; k < out.length; k++) {
    const l = out[k];
    if (LABEL_ONLY.test(l.text.trim())) {
      let n = k + 1;
      while (n < out.length && out[n].text.trim() === '') n++;
      if (n < out.length && !LABEL_ONLY.test(out[n].text.trim()) && !/^Artikel \d/.test(out[n].text.trim())) {
        const next = out[n];
        joined.push({ text: `${l.text.trim()} ${next.text.trim()}`, line: l.line, col: l.col + (l.text.length - l.text.trimStart().length) });
        k = n;
        continue;
      }
    }
    joined.push(l);
  }
  return joined;
}

/** The lines of a text as its locations count them: CRLF, a bare CR and LF each end one. */
export function countLines(raw: string): number {
  return (raw.match(/\r\n?|\n/g)?.length ?? 0) + 1;
}

export function cleanActText(file: string, raw: string, vocabulary?: Vocabulary): CleanText {
  const lines = normaliseWebLayout(raw);
  const out: CleanText = { file, text: '', segStart: [], segLine: [], segCol: [], lineCount: countLines(raw), markers: [], blockStarts: [] };
  // The text is built as finished logical lines + the current one, with its length tracked: reading the
  // end of one ever-growing string (regex, slice) flattens it each time and made cleaning quadratic.
  const done: string[] = [];
  let cur = '';
  let doneLength = 0; // length of done.join('\n') + '\n' when done is non-empty
  let started = false;
  let inFootnote = false;
  let lastWasEmpty = true;
  /** a blank line stands before the current line, and no page furniture (a page break is no block boundary) */
  let blankBefore = false;
  /** page furniture was dropped since the last line of text */
  let pageBreak = false;
  for (let i = 0; i < lines.length; i++) {
    const rawLine = lines[i].text;
    const srcLine = lines[i].line;
    const lead = lines[i].col + rawLine.length - rawLine.trimStart().length;
    const folded = foldLayoutCharacters(rawLine.trim());
    let line = folded.text;
    /** where the line starts in the text: its source position, and those after each folded character */
    const seg = (offset: number) => {
      pushSeg(out, offset, srcLine, lead + 1);
      for (const m of folded.moves) pushSeg(out, offset + m.at, srcLine, lead + 1 + m.from);
    };
    if (line === '') {
      inFootnote = false;
      lastWasEmpty = true;
      blankBefore = true;
      continue;
    }
    // a footnote starts with "*" at the beginning of a block, and runs to the next blank line
    if (/^\*\s/.test(line) && (lastWasEmpty || inFootnote)) {
      inFootnote = true;
      continue;
    }
    lastWasEmpty = false;
    if (inFootnote) continue;
    const mk = MARKER_START.exec(line);
    if (mk || MARKER_END.test(line)) {
      out.markers.push({ offset: started ? doneLength + cur.length + 1 : 0, date: mk ? `${mk[3]}-${mk[2]}-${mk[1]}` : null, line: srcLine });
      continue;
    }
    if (isFurnitureAt(lines, i)) {
      blankBefore = false;
      pageBreak = true;
      continue;
    }
    if (WEB_CHROME.some((r) => r.test(line)) || /^Anm\. d\. Red\.:/.test(line)) continue;
    const blockStart = blankBefore && !pageBreak;
    blankBefore = false;
    pageBreak = false;
    // footnote markers at the end of a title line ("Fachkräfteeinwanderung*") and after "Verkündung*)"
    line = line.replace(/(\p{L})\*+$/u, '$1').replace(/(\p{L})\*\)/gu, '$1');
    if (!started) {
      started = true;
      seg(0);
      cur = line;
      continue;
    }
    // a soft hyphen (U+00AD) of the PDF at the end of the previous line: the word continues
    if (cur.endsWith('\u00ad') && /^\p{L}/u.test(line)) {
      cur = cur.slice(0, -1);
      seg(doneLength + cur.length);
      cur += line;
      continue;
    }
    // hyphenation at the end of the previous logical line
    if (/\p{L}-$/u.test(cur) && !/\s-$/.test(cur) && /^\p{L}/u.test(line)) {
      const how = joinHyphenated(cur.slice(Math.max(0, cur.lastIndexOf(' ') + 1)), line, vocabulary);
      if (how === 'join') {
        cur = cur.slice(0, -1);
        seg(doneLength + cur.length);
        cur += line;
        continue;
      }
      if (how === 'keep-hyphen') {
        seg(doneLength + cur.length);
        cur += line;
        continue;
      }
    }
    done.push(cur);
    doneLength += cur.length + 1;
    seg(doneLength);
    if (blockStart) out.blockStarts.push(doneLength);
    cur = line;
  }
  if (started) done.push(cur);
  out.text = pairQuotes(done.join('\n'));
  return out;
}

const QUOTE_CHARS = new Set(['"', '„', '“', '”', '»', '«']);
const SPACE = /[\s\u00a0]/;
const CLOSE_FOLLOW = /[\s\u00a0.,;:)!?\]]/;

/**
 * Quotation marks in every form („…“ "…" »…« «…» “…”, straight on both sides, a closing straight quote
 * after „) become „ and “, paired by position and by the characters around each mark: a mark after a
 * space or a colon and before a word opens; a mark after a word and before a space or punctuation
 * closes. The text keeps its length, so source positions stay valid.
 */
export function pairQuotes(text: string): string {
  let depth = 0;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!QUOTE_CHARS.has(c)) continue;
    let mark: '„' | '“';
    if (c === '„') mark = '„';
    else {
      const prev = i > 0 ? text[i - 1] : '\n';
      const next = i + 1 < text.length ? text[i + 1] : '\n';
      const openLike = (SPACE.test(prev) || /[(:\[/]/.test(prev) || prev === '\n') && !SPACE.test(next);
      const closeLike = !SPACE.test(prev) && (CLOSE_FOLLOW.test(next) || next === '\n');
      if (depth > 0 && closeLike) mark = '“';
      else if (openLike) mark = '„';
      // a closing mark with nothing open: the opening mark was lost (web copies drop it at a line start)
      else if (depth === 0 && closeLike) mark = '“';
      else if (depth > 0 && !SPACE.test(next)) mark = c === '“' || c === '”' || c === '«' ? '“' : '„';
      else if (depth > 0) mark = '“';
      else mark = '„';
    }
    if (mark === '„') depth++;
    else if (depth > 0) depth--;
    if (mark !== c) {
      out += text.slice(last, i) + mark;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
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
