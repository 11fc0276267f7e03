/**
 * The structure of an amending act: title, date, Artikel (number, heading, amended law, "zuletzt
 * geändert durch" chain), the numbered instruction tree (1., 1a., a), aa), aaa)) with quoted payloads,
 * and the Inkrafttreten article.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { locate, type CleanText } from './clean-text.js';
import { blocksSetApart, nextLabels } from '../model/labels.js';
import { sentenceSpans } from '../text/sentences.js';

export interface Quote {
  /** text between „ and “ (cleaned, lines joined by "\n") */
  text: string;
  start: number;
  end: number;
  /** the quote is cut off by the end of the available text */
  truncated: boolean;
  /** the opening mark was missing: the quote was taken to start after the instruction's colon */
  openingSupplied?: boolean;
  /** a period follows the closing mark directly (web copies move a unit's final period outside) */
  periodAfter?: boolean;
}

export interface InstructionNode {
  /** labels from the top: ["4", "e", "aa"] */
  labels: string[];
  /** "Nummer 4 Buchstabe e Doppelbuchstabe aa" */
  path: string;
  /** the instruction's own words (label removed), with quotes */
  text: string;
  start: number;
  end: number;
  children: InstructionNode[];
  /** quoted payloads of this instruction (top level quotes only) */
  quotes: Quote[];
  /** the instruction text with quotes replaced by ⟦0⟧, ⟦1⟧ … and whitespace normalised */
  sentence: string;
  truncated: boolean;
}

export interface ArtikelNode {
  number: string;
  /** an Artikel split into Absätze that amend different laws: the Absatz of this part */
  absatz?: string;
  heading: string;
  /** opening sentence ("Die Beschäftigungsverordnung vom … wird wie folgt geändert:") or the single sentence */
  intro: string;
  introStart: number;
  /** the amended law's name as written ("Beschäftigungsverordnung") */
  lawName: string;
  /** "zuletzt geändert durch Artikel 2 dieser Verordnung" → "2" (same act); other acts as text */
  lastChangedBy?: { artikel?: string; sameAct: boolean; text: string };
  /** the intro ends with "wie folgt geändert:" and instructions follow */
  hasInstructions: boolean;
  instructions: InstructionNode[];
  /** for the Inkrafttreten article: its Absätze */
  absaetze: Array<{ label: string; text: string; start: number }>;
  clean: CleanText;
  start: number;
  end: number;
}

export interface ParsedActFragment {
  clean: CleanText;
  title?: string;
  date?: string;
  artikel: ArtikelNode[];
  diagnostics: Diagnostic[];
}

const MONTHS: Record<string, number> = {
  Januar: 1, Februar: 2, März: 3, April: 4, Mai: 5, Juni: 6, Juli: 7, August: 8, September: 9, Oktober: 10,
  November: 11, Dezember: 12,
};

/** "18. November 2023" → "2023-11-18"; undefined when no such day exists. */
export function germanDate(day: string, month: string, year: string): string | undefined {
  const m = MONTHS[month];
  if (!m) return undefined;
  const d = Number(day);
  const y = Number(year);
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return dt.toISOString().slice(0, 10);
}

export const GERMAN_DATE = /(\d{1,2})\.\s*(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+(\d{4})/;

/** quote depth at each position: computes the ranges of top-level quotes */
export function findQuotes(text: string, from: number, to: number): Quote[] {
  const quotes: Quote[] = [];
  let depth = 0;
  let start = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '„') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '“' && depth > 0) {
      depth--;
      if (depth === 0) {
        quotes.push({ text: text.slice(start + 1, i), start, end: i + 1, truncated: false });
      }
    }
  }
  if (depth > 0 && start >= 0) quotes.push({ text: text.slice(start + 1, to), start, end: to, truncated: true });
  return quotes;
}

const LEVEL_OF = (label: string): number => {
  if (/^\d+[a-z]?$/.test(label)) return 1;
  if (/^([a-z])$/.test(label)) return 2;
  if (/^([a-z])\1$/.test(label)) return 3;
  if (/^([a-z])\1\1$/.test(label)) return 4;
  return 0;
};

const LABEL_WORD = ['', 'Nummer', 'Buchstabe', 'Doppelbuchstabe', 'Dreifachbuchstabe'];


function firstOfLevel(level: number): string {
  return ['', '1', 'a', 'aa', 'aaa'][level];
}

/** Is `label` acceptable as the next instruction label, given the open labels? */
function acceptable(stack: string[], label: string): boolean {
  const level = LEVEL_OF(label);
  if (level === 0) return false;
  if (level === stack.length + 1) return label === firstOfLevel(level) || (level === 1 && stack.length === 0);
  if (level <= stack.length) return nextLabels(stack[level - 1]).includes(label);
  return false;
}

function labelPath(labels: string[]): string {
  return labels.map((l, i) => `${LABEL_WORD[i + 1]} ${l}`).join(' ');
}

const LINE_LABEL = /^(\d+[a-z]?\.|[a-z]{1,3}\))(?=\s|$)/;

/**
 * Parse the instruction tree of an Artikel body (from `from` to `to` in the cleaned text).
 * Labels count only at line starts outside quotes, and only when they continue the numbering; a label
 * that a PDF column break put inside a quote (a line holding only "2.") is moved behind the quote.
 */
export function parseInstructionTree(
  clean: CleanText,
  from: number,
  to: number,
  diagnostics: Diagnostic[],
  artikelNo: string,
): InstructionNode[] {
  const text = clean.text;
  const flat: Array<{ labels: string[]; start: number; bodyStart: number }> = [];
  const stack: string[] = [];
  let depth = 0;
  let pending: { label: string; at: number } | undefined;
  const removed: Array<[number, number]> = [];
  for (let i = from; i < to; i++) {
    const atLineStart = i === from || text[i - 1] === '\n';
    if (atLineStart) {
      const lineEnd = text.indexOf('\n', i) === -1 ? to : Math.min(text.indexOf('\n', i), to);
      const line = text.slice(i, lineEnd);
      const m = LINE_LABEL.exec(line);
      if (m) {
        const label = m[1].replace(/[.)]$/, '');
        if (depth === 0 && acceptable(stack, label)) {
          startItem(label, i, i + m[0].length);
        } else if (depth > 0 && line.trim() === m[1] && acceptable(stack, label)) {
          pending = { label, at: i };
          removed.push([i, lineEnd + 1]);
          diagnostics.push({
            severity: 'warning',
            code: 'displaced-label',
            message: `instruction label "${m[1]}" stands inside a quoted block (PDF column break); read as the start of the next instruction after the quote`,
            location: locate(clean, i),
            path: `Artikel ${artikelNo}`,
          });
          i = lineEnd;
          continue;
        }
      }
    }
    const ch = text[i];
    if (ch === '„') depth++;
    else if (ch === '“' && depth > 0) {
      depth--;
      if (depth === 0 && pending) {
        // the next instruction starts after the quote and its closing punctuation
        let j = i + 1;
        while (j < to && /[.,;]/.test(text[j])) j++;
        while (j < to && /\s/.test(text[j])) j++;
        startItem(pending.label, j, j);
        pending = undefined;
        i = j - 1;
      }
    }
  }

  function startItem(label: string, start: number, bodyStart: number) {
    const level = LEVEL_OF(label);
    stack.length = level - 1;
    stack.push(label);
    flat.push({ labels: [...stack], start, bodyStart });
  }

  // build nodes with text ranges
  const nodes: InstructionNode[] = [];
  /** the last node seen at each depth, to find a child's parent without searching */
  const lastAtDepth: InstructionNode[] = [];
  for (let k = 0; k < flat.length; k++) {
    const f = flat[k];
    const end = k + 1 < flat.length ? flat[k + 1].start : to;
    let body = text.slice(f.bodyStart, end);
    // cut out displaced label lines
    for (const [a, b] of removed) {
      if (a >= f.bodyStart && a < end) {
        const rel = a - f.bodyStart;
        body = body.slice(0, rel) + body.slice(Math.min(body.length, rel + (b - a)));
      }
    }
    const ownEnd = end;
    const node: InstructionNode = {
      labels: f.labels,
      path: labelPath(f.labels),
      text: body.trim(),
      start: f.start,
      end: ownEnd,
      children: [],
      quotes: [],
      sentence: '',
      truncated: false,
    };
    const quotes = findQuotesInBody(body, f.bodyStart, clean.blockStarts);
    node.quotes = quotes.quotes;
    node.truncated = quotes.truncated;
    node.sentence = quotes.sentence;
    const depth = f.labels.length;
    const parent = depth > 1 ? lastAtDepth[depth - 2] : undefined;
    if (parent && sameprefix(parent.labels, f.labels)) parent.children.push(node);
    else nodes.push(node);
    lastAtDepth[depth - 1] = node;
    lastAtDepth.length = depth;
  }
  return nodes;
}

function sameprefix(parent: string[], child: string[]): boolean {
  return parent.every((l, i) => child[i] === l);
}

/**
 * The text of a quote, body[from, to); where the source sets its blocks apart with blank lines (a web
 * copy: blocksSetApart), with a blank line again before each line that stood after one (`blockStarts`,
 * offsets in the text the body was cut from at `bodyOffset`). Blank lines of a PDF's text are layout.
 */
function quoteText(body: string, from: number, to: number, bodyOffset: number, blockStarts: readonly number[]): string {
  let out = '';
  let last = from;
  // the first block start after `from` (binary search: an act has thousands of quotes and lines)
  let k = 0;
  for (let hi = blockStarts.length; k < hi; ) {
    const mid = (k + hi) >> 1;
    if (blockStarts[mid] - bodyOffset <= from) k = mid + 1;
    else hi = mid;
  }
  for (; k < blockStarts.length; k++) {
    const rel = blockStarts[k] - bodyOffset;
    if (rel >= to) break;
    // only where the body still has that line start (a displaced label line may have been cut out of it)
    if (body[rel - 1] !== '\n') continue;
    out += body.slice(last, rel) + '\n';
    last = rel;
  }
  if (last === from) return body.slice(from, to);
  out += body.slice(last, to);
  const raw = out.split('\n').map((l) => l.trim());
  const lines = raw.filter((l) => l !== '');
  const afterBlank = raw.flatMap((l, i) => (l === '' ? [] : [i > 0 && raw[i - 1] === '']));
  return blocksSetApart(lines, afterBlank) ? out : body.slice(from, to);
}

function findQuotesInBody(
  body: string,
  bodyOffset: number,
  blockStarts: readonly number[],
): { quotes: Quote[]; sentence: string; truncated: boolean } {
  const quotes: Quote[] = [];
  let depth = 0;
  let start = -1;
  let sentence = '';
  let last = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '„') {
      if (depth === 0) {
        start = i;
        sentence += body.slice(last, i);
      }
      depth++;
    } else if (ch === '“' && depth > 0) {
      depth--;
      if (depth === 0) {
        sentence += `⟦${quotes.length}⟧`;
        quotes.push({ text: quoteText(body, start + 1, i, bodyOffset, blockStarts), start: bodyOffset + start, end: bodyOffset + i + 1, truncated: false, periodAfter: body[i + 1] === '.' });
        last = i + 1;
      }
    } else if (ch === '“' && depth === 0) {
      // a closing mark with no opening one: the quote starts after the colon that announces it
      const colon = body.lastIndexOf(':', i);
      if (colon >= last) {
        let qs = colon + 1;
        while (qs < i && /\s/.test(body[qs])) qs++;
        sentence += body.slice(last, colon + 1) + ` ⟦${quotes.length}⟧`;
        quotes.push({ text: quoteText(body, qs, i, bodyOffset, blockStarts), start: bodyOffset + qs, end: bodyOffset + i + 1, truncated: false, openingSupplied: true, periodAfter: body[i + 1] === '.' });
        last = i + 1;
      }
    }
  }
  let truncated = false;
  if (depth > 0) {
    sentence += `⟦${quotes.length}⟧`;
    quotes.push({ text: quoteText(body, start + 1, body.length, bodyOffset, blockStarts), start: bodyOffset + start, end: bodyOffset + body.length, truncated: true });
    truncated = true;
  } else {
    sentence += body.slice(last);
  }
  return { quotes, sentence: sentence.replace(/\s+/g, ' ').trim(), truncated };
}

/** "Artikel 3" alone, or "Artikel 2 Änderung der Beschäftigungsverordnung" (web copies) on one line */
// \s also takes the no-break spaces of web copies ("Artikel\u00a01")
const ARTIKEL_LINE = /^Artikel\s+(\d+[a-z]?)(?:\s+(\p{Lu}.*))?$/u;
/**
 * "Diese Verordnung tritt am … in Kraft.": the act's in-force sentence, which may stand on the heading line
 * ("Artikel 2 Diese Verordnung tritt …") or open a headless Artikel; read with the lines it wraps to
 * (sentenceFromLine)
 */
const ACT_INKRAFT_SENTENCE = /^(?:Dieses Gesetz|Diese Verordnung|Die Verordnung|Das Gesetz)\s+(?:tritt|treten)\b[^„]*\bin\s+Kraft\b/;

/**
 * The sentence that starts on line `li` (with `first`, the part of that line it starts with), joined
 * with the lines it wraps to: PDF text breaks a sentence anywhere ("Diese Verordnung tritt am\n1. Januar
 * 2025 in Kraft."). It ends at a line end where the sentence splitter ends a sentence, so a line that
 * starts with a date ("1. Januar 2025") continues it; at most `maxLines` lines before line `end` are joined.
 */
function sentenceFromLine(lines: Array<{ text: string }>, li: number, first = lines[li].text, end = lines.length, maxLines = 4): string {
  let sentence = first;
  for (let k = li + 1; k < Math.min(end, li + 1 + maxLines); k++) {
    const joined = `${sentence} ${lines[k].text}`;
    if (sentenceSpans(joined)[0].end <= sentence.length) break;
    sentence = joined;
  }
  return sentence;
}

/**
 * The rest of an "Artikel N …" line is a heading, not the continuation of a sentence. A sentence of the
 * Inkrafttreten article may start at a line with the Artikel it names ("Artikel 1 Nummer 1 und 3 tritt
 * am … in Kraft.", "Artikel 1 Nummer 2 ist ab dem … anzuwenden."): its verb, or a unit of the Artikel
 * named right after the number (a heading never starts with "Nummer" or "Absatz"; the verb may be on
 * the next line), makes it a sentence.
 */
function isArtikelHeading(rest: string | undefined): boolean {
  if (rest === undefined) return true;
  if (/^(?:Nummer|Nummern|Absatz|Absätze|Satz|Sätze|Buchstabe|Buchstaben)\b/.test(rest)) return false;
  return !/\b(?:wird|werden|worden|ist|sind|tritt|treten|gilt|gelten|anzuwenden|Kraft|vom|des Gesetzes|der Verordnung|dieses|dieser)\b|[„“]/.test(rest) && rest.length < 200;
}

/** A law citation inside an amending sentence: where it starts and ends, and the law's name as written. */
export interface LawCitation {
  /** offsets into the sentence: from the determiner ("der", "Die" …) to the end of the citation */
  start: number;
  end: number;
  /** the name as written, in its grammatical case ("Aufenthaltsgesetzes") */
  name: string;
}

const CITATION_ANCHOR = /\s(?:vom \d{1,2}\.\s*\p{L}+ \d{4}|in der Fassung der Bekanntmachung vom|in der im Bundesgesetzblatt Teil III,)/u;
const DETERMINER = /(?:^|\s)(Die|Das|Der|Dem|Den|der|des|die|das|dem|den)\s/g;

/**
 * Find the citation of the amended law in an amending sentence: "§ 1 der Mindestunterhaltsverordnung vom
 * 3. Dezember 2015 (BGBl. I S. 2188), die zuletzt durch … geändert worden ist, wird …" → the span of
 * "der Mindestunterhaltsverordnung … worden ist," and the name "Mindestunterhaltsverordnung".
 * `names` (known names of laws) are preferred over the heuristic reading of the name.
 */
export function findLawCitation(sentence: string, names: string[] = []): LawCitation | undefined {
  const anchor = CITATION_ANCHOR.exec(sentence);
  let nameStart = -1;
  let detStart = -1;
  let anchorAt = -1;
  if (anchor) {
    // the name starts at the first determiner before the citation that is followed by a name (not by a
    // unit word): "Artikel 4 … der Verordnung zur Änderung der Beschäftigungsverordnung und der
    // Aufenthaltsverordnung vom …" names the amending Verordnung, not the Aufenthaltsverordnung
    // the name stands before the chain "…, die zuletzt durch Artikel 1 der Verordnung vom … geändert worden ist"
    const chain = /,\s*(?:die|das|der)\s+(?:zuletzt\s+)?durch\b/.exec(sentence);
    const before = sentence.slice(0, chain && chain.index < anchor.index ? chain.index : anchor.index);
    DETERMINER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DETERMINER.exec(before))) {
      const rest = before.slice(m.index + m[0].length);
      if (/^\p{Lu}/u.test(rest) && !/^(?:Inhaltsübersicht|Anlagen?|Überschrift|Absatz|Absätze|Satz|Sätze|Nummer|Nummern|Buchstabe|Angabe|Eingangsformel|Schlussformel)\b/u.test(rest)) {
        detStart = m.index + (m[0].startsWith(' ') ? 1 : 0);
        nameStart = m.index + m[0].length;
        break;
      }
      DETERMINER.lastIndex = m.index + m[0].length - 1;
    }
    if (nameStart < 0) return undefined;
    anchorAt = anchor.index;
  } else {
    // no citation: a known name ("Das Aufenthaltsgesetz wird wie folgt geändert:")
    for (const n of names) {
      const esc = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const m = new RegExp(`(?:^|\\s)((?:Die|Das|Der|Dem|Den|der|des|die|das|dem|den)\\s+)(${esc}(?:es|s)?)(?=[\\s,]|$)`).exec(sentence);
      if (m) {
        nameStart = m.index + m[0].length - m[2].length;
        detStart = nameStart - m[1].length;
        anchorAt = nameStart + m[2].length;
        break;
      }
    }
    if (nameStart < 0) return undefined;
  }
  // "Das Fünfte Buch Sozialgesetzbuch - Gesetzliche Krankenversicherung - (Artikel 1 des Gesetzes vom …)"
  const name = sentence.slice(nameStart, anchorAt).replace(/\s*\(.*$/, '').replace(/\s+-\s+.*$/, '').trim();
  // the citation runs over "vom …", the BGBl reference in parentheses and the "zuletzt … worden ist," clause
  let end = anchorAt;
  const rest = sentence.slice(end);
  const vom = /^\s(?:vom \d{1,2}\.\s*\p{L}+ \d{4}|in der Fassung der Bekanntmachung vom \d{1,2}\.\s*\p{L}+ \d{4}|in der im Bundesgesetzblatt Teil III, Gliederungsnummer [\d-]+, veröffentlichten bereinigten Fassung)/u.exec(rest);
  if (vom) end += vom[0].length;
  // parentheses
  if (/^\s*\(/.test(sentence.slice(end))) {
    let i = sentence.indexOf('(', end);
    let depth = 0;
    for (; i < sentence.length; i++) {
      if (sentence[i] === '(') depth++;
      else if (sentence[i] === ')' && --depth === 0) break;
    }
    end = i + 1;
  }
  const clause = /^,\s*(?:die|das|der|zuletzt)\b[^„]*?worden (?:ist|sind)\s*,?/.exec(sentence.slice(end));
  if (clause) end += clause[0].length;
  else if (sentence[end] === ',') end += 1;
  return { start: detStart, end, name };
}

/** Parse one cleaned act file (or fragment) into title, date and Artikel. */
export function parseActFragment(clean: CleanText): ParsedActFragment {
  const diagnostics: Diagnostic[] = [];
  const text = clean.text;
  const lines: Array<{ text: string; start: number }> = [];
  let pos = 0;
  for (const l of text.split('\n')) {
    lines.push({ text: l, start: pos });
    pos += l.length + 1;
  }
  // Artikel starts: "Artikel N" alone on a line (or with its heading), outside quotes
  let starts: Array<{ number: string; lineIdx: number; heading?: string; bodyOnLine?: number }> = [];
  let depth = 0;
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li];
    const m = ARTIKEL_LINE.exec(l.text.trim());
    const inForce = m?.[2] !== undefined && ACT_INKRAFT_SENTENCE.test(sentenceFromLine(lines, li, m[2]));
    if (m && (isArtikelHeading(m[2]) || inForce)) {
      const expected = starts.length === 0 || Number.parseInt(m[1]) === Number.parseInt(starts[starts.length - 1].number) + 1 || starts.some((s) => s.number === m[1]);
      if (depth === 0 || expected) {
        if (depth > 0) {
          diagnostics.push({
            severity: 'warning',
            code: 'unclosed-quote',
            message: `a quote opened before "Artikel ${m[1]}" never closes; the quote is cut at the Artikel boundary`,
            location: locate(clean, l.start),
          });
        }
        depth = 0;
        starts.push(inForce ? { number: m[1], lineIdx: li, bodyOnLine: l.start + l.text.indexOf(m[2]!) } : { number: m[1], lineIdx: li, heading: m[2] });
        continue;
      }
    }
    for (const ch of l.text) {
      if (ch === '„') depth++;
      else if (ch === '“' && depth > 0) depth--;
    }
  }
  // a table of contents, a page title or a citation list repeats "Artikel N": the last occurrence
  // before the next Artikel is the one that carries the text
  starts = starts.filter((s, k) => !starts.slice(k + 1).some((x) => x.number === s.number));
  // instructions before the first Artikel heading: a heading was lost
  if (starts.length) {
    const headText = lines.slice(0, starts[0].lineIdx).map((l) => l.text).join('\n');
    const amending = AMENDING.exec(headText);
    if (amending) {
      diagnostics.push({
        severity: 'error',
        code: 'instructions-outside-artikel',
        message: `an amending sentence ("${amending[0]}") stands before the first Artikel heading ("Artikel ${starts[0].number}"): an Artikel heading is missing from the text; those instructions are not read`,
        location: locate(clean, lines[0].start + headText.indexOf(amending[0])),
      });
    }
  }
  // a gap in the Artikel numbering (Artikel 1, Artikel 3): an Artikel was lost
  for (let k = 1; k < starts.length; k++) {
    const prev = Number.parseInt(starts[k - 1].number);
    const cur = Number.parseInt(starts[k].number);
    if (cur - prev > 1) {
      diagnostics.push({
        severity: 'warning',
        code: 'artikel-gap',
        message: `Artikel ${starts[k].number} follows Artikel ${starts[k - 1].number}: Artikel ${prev + 1}${cur - prev > 2 ? ` to ${cur - 1} are` : ' is'} not in the text`,
        location: locate(clean, lines[starts[k].lineIdx].start),
      });
    }
  }
  // title and date before the first Artikel
  let title: string | undefined;
  let date: string | undefined;
  const headEnd = starts.length ? starts[0].lineIdx : lines.length;
  const head = lines.slice(0, headEnd).map((l) => l.text);
  const vom = head.findIndex((l) => /^Vom \d/.test(l));
  if (vom > 0) {
    const m = GERMAN_DATE.exec(head[vom]);
    if (m) date = germanDate(m[1], m[2], m[3]);
    let t = vom - 1;
    const titleLines: string[] = [];
    while (t >= 0 && head[t] && !/^(Nr\.|Ausgegeben|Bundesgesetzblatt)/.test(head[t])) {
      titleLines.unshift(head[t]);
      if (/^(?:\p{Lu}\p{Ll}+\s+)?(Gesetz|Verordnung|Bekanntmachung)\b/u.test(head[t]) || /^(?:Erste|Zweite|Dritte|Vierte|Fünfte|Sechste|Siebte|Achte|Neunte|Zehnte)\b/.test(head[t])) break;
      t--;
    }
    title = titleLines.join(' ').replace(/\s+/g, ' ').trim();
  }
  const artikel: ArtikelNode[] = [];
  if (starts.length === 0) {
    // an act without Artikel: the amending sentence, its instructions and an Inkrafttreten sentence
    artikel.push(...parseWithoutArtikel(clean, lines, diagnostics));
  }
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k];
    const endLine = k + 1 < starts.length ? starts[k + 1].lineIdx : lines.length;
    artikel.push(...parseArtikel(clean, lines, s.number, s.lineIdx, endLine, diagnostics, s.heading, false, s.bodyOnLine));
  }
  return { clean, title, date, artikel, diagnostics };
}

const SENTENCE_START = /^(?:(?:Die|Das|Der|In|Im|Dem|Den|Nach|Vor|Artikel)\s|§|\(\d)/;
const INKRAFT_SENTENCE = /\b(?:tritt|treten)\b[^„]*\bin\s+Kraft\b/;
// white space of any kind: a PDF line may break inside the phrase ("wird wie\nfolgt geändert:")
const AMENDING = /\b(?:wird|werden)(?:\s[^„:.]{1,80}?)?\s+wie\s+folgt\s+(?:geändert|ergänzt):/;

/** An act with no "Artikel" lines: the text from its amending sentence on is Artikel 1; a closing "… tritt … in Kraft" sentence is its Inkrafttreten. */
function parseWithoutArtikel(clean: CleanText, lines: Array<{ text: string; start: number }>, diagnostics: Diagnostic[]): ArtikelNode[] {
  const first = lines.findIndex((l) => CITATION_ANCHOR.test(l.text) || AMENDING.test(l.text));
  if (first < 0) return [];
  // the amending sentence may start on an earlier line ("Die\nKurzarbeitergeldverordnung vom\n…")
  let from = first;
  // (not past the "§ 1" of an act whose parts are §§: "§ 1 ⏎ Die … wird wie folgt geändert: … § 2 ⏎ Diese Verordnung tritt …")
  while (from > 0 && !/[.:]$/.test(lines[from - 1].text) && lines[from - 1].text.length < 60 && !/^Vom \d|^\(BGBl|^§ \d+[a-z]?$/.test(lines[from - 1].text)) from--;
  const out: ArtikelNode[] = [];
  /** the line before the in-force sentence: its "§ 2" heading (not part of Artikel 1), or the last line of Artikel 1 */
  let ink = -1;
  let inkHeading = false;
  const PARAGRAPH_HEADING = /^§ \d+[a-z]?\s*(?:Inkrafttreten)?$/;
  for (let li = lines.length - 1; li > first; li--) {
    if (/^(?:Diese|Dieses|Die|Das)\s+(?:Verordnung|Gesetz)\b.*\bin\s+Kraft\b/.test(sentenceFromLine(lines, li)) || (PARAGRAPH_HEADING.test(lines[li - 1]?.text ?? '') && INKRAFT_SENTENCE.test(sentenceFromLine(lines, li)))) {
      ink = li - 1;
      inkHeading = PARAGRAPH_HEADING.test(lines[li - 1].text);
      break;
    }
  }
  // the lines from the amending sentence to the in-force sentence are Artikel 1, the rest Artikel 2
  const endLine = ink >= 0 ? (inkHeading ? ink : ink + 1) : lines.length;
  out.push(...parseArtikel(clean, lines, '1', from - 1, endLine, diagnostics, '', true));
  if (ink >= 0) out.push(...parseArtikel(clean, lines, '2', ink, lines.length, diagnostics, 'Inkrafttreten', true));
  diagnostics.push({
    severity: 'info',
    code: 'act-without-artikel',
    message: 'the act has no "Artikel" lines: its amending sentence is read as Artikel 1' + (ink >= 0 ? ' and its closing in-force sentence as Artikel 2 (Inkrafttreten)' : ''),
    location: locate(clean, lines[from].start),
  });
  return out;
}

function parseArtikel(
  clean: CleanText,
  lines: Array<{ text: string; start: number }>,
  number: string,
  startLine: number,
  endLine: number,
  diagnostics: Diagnostic[],
  inlineHeading?: string,
  synthetic = false,
  /** where the body starts on the heading line itself ("Artikel 2 Diese Verordnung tritt … in Kraft.") */
  bodyOnLine?: number,
): ArtikelNode[] {
  const text = clean.text;
  let li = startLine + 1;
  const headingLines: string[] = [];
  if (inlineHeading) headingLines.push(inlineHeading);
  // the first line is no heading when it starts a sentence; an in-force sentence may wrap ("Diese Verordnung tritt am\n1. Januar 2025 in Kraft.")
  else if (li < endLine && !synthetic && bodyOnLine === undefined && !SENTENCE_START.test(lines[li].text) && !INKRAFT_SENTENCE.test(lines[li].text) && !ACT_INKRAFT_SENTENCE.test(sentenceFromLine(lines, li, lines[li].text, endLine))) {
    headingLines.push(lines[li].text);
    li++;
    while (li < endLine && /^\p{Ll}/u.test(lines[li].text) && !SENTENCE_START.test(lines[li].text)) {
      headingLines.push(lines[li].text);
      li++;
    }
  }
  let heading = headingLines.join(' ').trim();
  const bodyStart = bodyOnLine ?? (li < endLine && li < lines.length ? lines[Math.max(li, 0)].start : text.length);
  const end = endLine < lines.length ? lines[endLine].start - 1 : text.length;
  const blank = (): ArtikelNode => ({
    number,
    heading,
    intro: '',
    introStart: bodyStart,
    lawName: '',
    hasInstructions: false,
    instructions: [],
    absaetze: [],
    clean,
    start: lines[Math.max(startLine, 0)].start,
    end,
  });
  const body = text.slice(bodyStart, end);
  // a headless Artikel whose text is only in-force sentences is the Inkrafttreten article
  if (!heading && INKRAFT_SENTENCE.test(body) && !AMENDING.test(body) && !/(?:eingefügt|angefügt|ersetzt|gefasst|aufgehoben|gestrichen):?/.test(body.replace(/„[^“]*“/g, ''))) {
    heading = 'Inkrafttreten';
  }
  if (/Inkrafttreten/.test(heading)) {
    const node = blank();
    node.heading = heading;
    // Absätze "(1) …"
    const re = /(?:^|\n)\((\d+)\)\s*/g;
    const marks: Array<{ label: string; at: number; textAt: number }> = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(body))) marks.push({ label: m[1], at: m.index, textAt: m.index + m[0].length });
    if (!marks.length) marks.push({ label: '1', at: 0, textAt: 0 });
    for (let i = 0; i < marks.length; i++) {
      const t = body.slice(marks[i].textAt, i + 1 < marks.length ? marks[i + 1].at : body.length);
      // stop at the signature block
      const cut = t.search(/\n(Der Bundesrat hat zugestimmt|Das vorstehende Gesetz|Die verfassungsmäßigen Rechte|Berlin, den|Bonn, den|Der Bundeskanzler|Die Bundeskanzlerin|Der Bundesminister|Die Bundesministerin|Der Präsident|Die Präsidentin)/);
      node.absaetze.push({
        label: marks[i].label,
        text: (cut >= 0 ? t.slice(0, cut) : t).replace(/\s+/g, ' ').trim(),
        start: bodyStart + marks[i].textAt,
      });
    }
    return [node];
  }
  // an Artikel split into Absätze, each amending its own law: "(1) Das Aufenthaltsgesetz … wird …"
  const parts: Array<{ absatz?: string; from: number }> = [];
  const absRe = /(?:^|\n)\((\d+)\)\s+(?=\S)/g;
  let am: RegExpExecArray | null;
  let qd = 0;
  let scanned = 0;
  while ((am = absRe.exec(body))) {
    for (; scanned < am.index; scanned++) {
      if (body[scanned] === '„') qd++;
      else if (body[scanned] === '“' && qd > 0) qd--;
    }
    if (qd > 0) continue;
    const lineEnd = body.indexOf('\n', am.index + 1);
    const line = body.slice(am.index, lineEnd < 0 ? body.length : lineEnd);
    if (CITATION_ANCHOR.test(line) && /\bzuletzt durch\b|\bgeändert worden ist\b|\bwie folgt geändert:/.test(line)) parts.push({ absatz: am[1], from: am.index + (body[am.index] === '\n' ? 1 : 0) + am[0].trimStart().length - (am[0].startsWith('\n') ? 0 : 0) });
  }
  if (parts.length === 0) parts.push({ from: 0 });
  const nodes: ArtikelNode[] = [];
  for (let k = 0; k < parts.length; k++) {
    const pFrom = parts[k].absatz ? body.indexOf(')', body.lastIndexOf('(' + parts[k].absatz + ')', parts[k].from)) + 1 : 0;
    const pTo = k + 1 < parts.length ? body.lastIndexOf('(' + parts[k + 1].absatz + ')', parts[k + 1].from) : body.length;
    const node = blank();
    node.heading = heading;
    if (parts[k].absatz) node.absatz = parts[k].absatz;
    readAmendingPart(node, clean, bodyStart + pFrom, bodyStart + pTo, diagnostics);
    nodes.push(node);
  }
  return nodes;
}

/**
 * The last ":" or sentence-ending "." at a line end: where the text before an amending sentence ends (an
 * Eingangsformel, a lost heading). A period that closes an abbreviation or an ordinal ("BGBl.\nI S. 5",
 * "vom 31.\nMai 2021") is a wrapped line inside the sentence, as the sentence splitter reads it.
 */
function lastSentenceEndAtLineEnd(head: string): number {
  const ends = new Set(sentenceSpans(head).map((sp) => sp.end));
  for (let i = head.length - 2; i >= 0; i--) {
    if (head[i + 1] !== '\n') continue;
    if (head[i] === ':' || (head[i] === '.' && ends.has(i + 1))) return i;
  }
  return -1;
}

/** The amending sentence of an Artikel (or of one of its Absätze) and its instructions. */
function readAmendingPart(node: ArtikelNode, clean: CleanText, from: number, to: number, diagnostics: Diagnostic[]): void {
  const text = clean.text;
  let start = from;
  while (start < to && /\s/.test(text[start])) start++;
  const body = text.slice(start, to);
  node.introStart = start;
  // the opening sentence: up to "wird wie folgt geändert:" outside quotes
  const opening = AMENDING.exec(body);
  let introEnd: number;
  let introStart = 0;
  if (opening && !/„/.test(body.slice(0, opening.index))) {
    introEnd = opening.index + opening[0].length;
    node.hasInstructions = true;
    // the amending sentence starts after the last sentence that ends a line before it (an Eingangsformel
    // or a lost heading must not become part of the law's name)
    const head = body.slice(0, opening.index);
    const boundary = lastSentenceEndAtLineEnd(head);
    if (boundary >= 0 && !/^\d/.test(head.slice(boundary + 2))) {
      introStart = boundary + 2;
      diagnostics.push({
        severity: 'warning',
        code: 'text-before-amending-sentence',
        message: `Artikel ${node.number}: text before its amending sentence is not read: "${head.slice(0, boundary + 1).replace(/\s+/g, ' ').slice(0, 120)}"`,
        location: locate(clean, start),
      });
    }
  } else {
    introEnd = body.length;
  }
  node.intro = body.slice(introStart, introEnd).replace(/\s+/g, ' ').trim();
  node.lawName = amendedLawName(node.intro);
  const chain = /zuletzt durch (Artikel (\d+[a-z]?) (dieses Gesetzes|dieser Verordnung|des Gesetzes|der Verordnung)[^,]*?) geändert worden ist/.exec(node.intro);
  if (chain) {
    const same = /dieses Gesetzes|dieser Verordnung/.test(chain[3]);
    node.lastChangedBy = { artikel: chain[2], sameAct: same, text: chain[1] };
  }
  if (node.hasInstructions) {
    const treeFrom = start + introEnd + 1;
    // the unnumbered text between the amending sentence and the first numbered instruction
    node.instructions = parseInstructionTree(clean, treeFrom, to, diagnostics, node.number);
    const firstLabelled = node.instructions.length ? node.instructions[0].start : to;
    const lead = text.slice(treeFrom, firstLabelled);
    if (lead.trim() !== '') {
      const q = findQuotesInBody(lead, treeFrom, clean.blockStarts);
      const leadNode: InstructionNode = {
        labels: [],
        path: '',
        text: lead.trim(),
        start: treeFrom + (lead.length - lead.trimStart().length),
        end: firstLabelled,
        children: [],
        quotes: q.quotes,
        sentence: q.sentence,
        truncated: q.truncated,
      };
      node.instructions.unshift(leadNode);
    }
  } else {
    // a single-sentence Artikel: the whole body is one instruction
    const q = findQuotesInBody(body, start, clean.blockStarts);
    node.instructions = [
      {
        labels: [],
        path: '',
        text: body.trim(),
        start,
        end: to,
        children: [],
        quotes: q.quotes,
        sentence: q.sentence,
        truncated: q.truncated,
      },
    ];
  }
}

/**
 * The name of the amended law in an opening sentence: "Die Beschäftigungsverordnung vom …" →
 * "Beschäftigungsverordnung"; "§ 8 Absatz 2 … der Beitragsverfahrensverordnung vom …" →
 * "Beitragsverfahrensverordnung"; "In der Anlage der AZRG-Durchführungsverordnung vom …" →
 * "AZRG-Durchführungsverordnung"; "Artikel 4 … der Verordnung zur Änderung der … vom 23. März 2020".
 */
export function amendedLawName(intro: string): string {
  const s = intro.replace(/\s+/g, ' ');
  const cited = findLawCitation(s);
  if (cited) return cited.name;
  const m1 = /^(?:Die|Das|Der) ((?:(?!\s(?:vom|in der Fassung|in der im)\s).)+?)(?:,| vom | in der Fassung | in der im )/.exec(s);
  if (m1 && !/^(?:Inhaltsübersicht|Anlage)/.test(m1[1])) return m1[1].trim();
  return '';
}

export function locateIn(clean: CleanText, offset: number): SourceLocation {
  return locate(clean, offset);
}
