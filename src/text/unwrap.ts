/**
 * Undo the line wrapping of statute Markdown exactly.
 *
 * gesetze-tools wraps at spaces and right after hyphens: "Schengen-\nStaaten" is one word
 * ("Schengen-Staaten"), but "Hotel-\nund Gaststättengewerbe" keeps its space ("Hotel- und"): a
 * suspended hyphen (Ergänzungsstrich) stands before und/oder/sowie/bis/bzw./beziehungsweise.
 */

import { isSpaceCode } from './sentences.js';

const SUSPENDED_HYPHEN_FOLLOWERS = /^(und|oder|sowie|bis|bzw\.|beziehungsweise|als|noch|wie)(?![\p{L}\p{N}])/u;

export function unwrapLines(text: string): string {
  // one line (every paragraph of the kmein dialect): only its trailing blanks go
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return trimBlanksEnd(text);
  // Normalise line ends, then join each line break. The text is built as parts; the last two
  // characters written are kept at hand (testing the end of an ever-growing string flattens it).
  const lines = (text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n')).split('\n');
  const parts: string[] = [];
  let last = 0; // the last character code written (0: none)
  let beforeLast = 0;
  const write = (s: string) => {
    parts.push(s);
    beforeLast = s.length >= 2 ? s.charCodeAt(s.length - 2) : last;
    last = s.charCodeAt(s.length - 1);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 ? trimBlanksEnd(lines[i]) : trimBlanks(lines[i]);
    if (line === '') continue;
    if (parts.length === 0) {
      write(line);
      continue;
    }
    // "Schengen-\nStaaten" joins; "Hotel-\nund" (a suspended hyphen) and " -" keep a space
    if (last === 0x2d && !isSpaceCode(beforeLast) && !SUSPENDED_HYPHEN_FOLLOWERS.test(line)) write(line);
    else write(' ' + line);
  }
  return parts.join('');
}

const isBlank = (c: number) => c === 0x20 || c === 0x09;

/** Without the spaces and tabs at its end (as .replace(/[ \t]+$/, ''), without the regular expression's cost). */
function trimBlanksEnd(s: string): string {
  let e = s.length;
  while (e > 0 && isBlank(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** Without the spaces and tabs at either end. */
function trimBlanks(s: string): string {
  let b = 0;
  while (b < s.length && isBlank(s.charCodeAt(b))) b++;
  const rest = b ? s.slice(b) : s;
  return trimBlanksEnd(rest);
}

/** White space other than a single plain space (and the zero-width space): what normalizeSpace replaces. */
const IRREGULAR_SPACE = /[^\S ]|\u200b| {2}/;

/** Collapse every kind of white space (incl. no-break space) to one plain space and trim. */
export function normalizeSpace(text: string): string {
  // most texts are normalised already: a test is cheaper than a replace that changes nothing
  if (!IRREGULAR_SPACE.test(text)) return text.trim();
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}
