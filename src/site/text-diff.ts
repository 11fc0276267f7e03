/**
 * Word-level difference of two unit texts (src/text/word-diff.ts) rendered with <del> and <ins>.
 */
import { escapeHtml } from './html.js';
import { wordDiff, type DiffSegment } from '../text/word-diff.js';

export { wordDiff, type DiffSegment };

/**
 * Word diffs by pair of texts. The same changed Absatz or Satz shows in the synopses of many pairs
 * of versions (on the corpus some 80 000 changed rows, under 1 000 distinct pairs of texts). The
 * segments are shared: callers must not mutate them. Bounded, so a long-running process does not
 * keep every text it ever compared.
 */
const knownDiffs = new Map<string, DiffSegment[]>();
const KNOWN_DIFFS_MAX = 20_000;

export function sharedWordDiff(before: string, after: string): DiffSegment[] {
  const key = `${before.length}:${before}${after}`;
  let segs = knownDiffs.get(key);
  if (!segs) {
    if (knownDiffs.size >= KNOWN_DIFFS_MAX) knownDiffs.clear();
    segs = wordDiff(before, after);
    knownDiffs.set(key, segs);
  }
  return segs;
}

/**
 * Render segments as HTML. With `context`, unchanged stretches keep only that many words next to
 * each change and show "…" for the rest.
 */
export function renderDiff(segs: DiffSegment[], context?: number): string {
  return segs
    .map((s, i) => {
      if (s.type === 'del') return `<del>${show(s.text)}</del>`;
      if (s.type === 'ins') return `<ins>${show(s.text)}</ins>`;
      return show(context === undefined ? s.text : elide(s.text, context, i > 0, i < segs.length - 1));
    })
    .join('');
}

/** Escaped, with a no-break space inside numbers ("25 000") so they do not wrap. */
function show(text: string): string {
  return escapeHtml(text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00a0'));
}

function elide(text: string, context: number, changeBefore: boolean, changeAfter: boolean): string {
  const words = text.split(/(\s+)/);
  // words: [word, space, word, space, …]; count only non-space entries
  const wordCount = words.filter((w) => w && !/^\s+$/.test(w)).length;
  const keep = (changeBefore ? context : 0) + (changeAfter ? context : 0);
  if (wordCount <= keep + 3) return text;
  const take = (n: number, fromEnd: boolean): string => {
    const list = fromEnd ? [...words].reverse() : words;
    const out: string[] = [];
    let seen = 0;
    for (const w of list) {
      if (w && !/^\s+$/.test(w)) {
        if (seen === n) break;
        seen++;
      }
      out.push(w);
    }
    return (fromEnd ? out.reverse() : out).join('');
  };
  const head = changeBefore ? take(context, false) : '';
  const tail = changeAfter ? take(context, true) : '';
  return `${head}${head && !/\s$/.test(head) ? ' ' : ''}…${tail && !/^\s/.test(tail) ? ' ' : ''}${tail}`;
}
