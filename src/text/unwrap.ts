/**
 * Undo the line wrapping of statute Markdown exactly.
 *
 * gesetze-tools wraps at spaces and right after hyphens: "Schengen-\nStaaten" is one word
 * ("Schengen-Staaten"), but "Hotel-\nund Gaststättengewerbe" keeps its space ("Hotel- und"): a
 * suspended hyphen (Ergänzungsstrich) stands before und/oder/sowie/bis/bzw./beziehungsweise.
 */

const SUSPENDED_HYPHEN_FOLLOWERS = /^(und|oder|sowie|bis|bzw\.|beziehungsweise|als|noch|wie)(?![\p{L}\p{N}])/u;

export function unwrapLines(text: string): string {
  // Normalise line ends, then join each line break.
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = i === 0 ? raw.replace(/[ \t]+$/, '') : raw.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
    if (i === 0) {
      out = line;
      continue;
    }
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    if (out.endsWith('-') && !/\s-$/.test(out) && !SUSPENDED_HYPHEN_FOLLOWERS.test(line)) {
      out += line;
    } else {
      out += ' ' + line;
    }
  }
  return out;
}

/** Collapse every kind of white space (incl. no-break space) to one plain space and trim. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f\u200b]+/g, ' ').trim();
}
