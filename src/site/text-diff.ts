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

/** Render segments as HTML: deleted words in <del>, inserted ones in <ins>. */
export function renderDiff(segs: DiffSegment[]): string {
  return segs.map((s) => (s.type === 'del' ? `<del>${show(s.text)}</del>` : s.type === 'ins' ? `<ins>${show(s.text)}</ins>` : show(s.text))).join('');
}

/** Escaped, with a no-break space inside numbers ("25 000") so they do not wrap. */
function show(text: string): string {
  return escapeHtml(text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00a0'));
}
