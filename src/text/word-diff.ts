/**
 * Word-level difference of two statute texts, as segments: unchanged, removed, inserted.
 *
 * Tokens are words, single punctuation marks and runs of white space; a number written with
 * thousands groups ("25 000") is one token, so a changed number shows as one removal and one insertion.
 * White space between two changed tokens is folded into the change, so a struck-out phrase is one piece.
 * The site renders segments as <del>/<ins>, the CLI and `verify` as [-…-] and {+…+}.
 */
// the array diff alone (the package's index loads every kind of diff: 19 modules for a CLI answer)
import { diffArrays } from 'diff/lib/diff/array.js';

export type DiffSegment = { type: 'same' | 'del' | 'ins'; text: string };

const TOKEN = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function wordDiff(before: string, after: string): DiffSegment[] {
  if (before === after) return before ? [{ type: 'same', text: before }] : [];
  const raw = diffArrays(tokenize(before), tokenize(after));
  const segs: DiffSegment[] = raw.map((c) => ({
    type: c.added ? 'ins' : c.removed ? 'del' : 'same',
    text: c.value.join(''),
  }));
  // Group runs of changes, absorbing white-space-only "same" segments between them.
  const out: DiffSegment[] = [];
  let i = 0;
  while (i < segs.length) {
    if (segs[i].type === 'same') {
      out.push(segs[i]);
      i++;
      continue;
    }
    let del = '';
    let ins = '';
    let j = i;
    while (j < segs.length) {
      const s = segs[j];
      if (s.type === 'del') del += s.text;
      else if (s.type === 'ins') ins += s.text;
      else if (/^\s+$/.test(s.text) && j + 1 < segs.length && segs[j + 1].type !== 'same') {
        del += s.text;
        ins += s.text;
      } else break;
      j++;
    }
    // white space at the end of a change belongs to the text around it: "<del>und Begrenzung</del> des"
    const tailDel = /\s+$/.exec(del)?.[0];
    const tailIns = /\s+$/.exec(ins)?.[0];
    let tail = '';
    if ((del === '' || tailDel) && (ins === '' || tailIns)) {
      tail = (tailDel ?? tailIns)!;
      del = del.slice(0, del.length - (tailDel?.length ?? 0));
      ins = ins.slice(0, ins.length - (tailIns?.length ?? 0));
    }
    if (del) out.push({ type: 'del', text: del });
    if (ins) out.push({ type: 'ins', text: ins });
    if (tail) out.push({ type: 'same', text: tail });
    i = j;
  }
  // merge neighbouring unchanged segments
  return out.reduce<DiffSegment[]>((acc, seg) => {
    const last = acc[acc.length - 1];
    if (last && last.type === 'same' && seg.type === 'same') last.text += seg.text;
    else acc.push({ ...seg });
    return acc;
  }, []);
}

/** Segments as plain text: "[-removed-]{+inserted+}". */
export function formatWordDiff(segs: DiffSegment[]): string {
  return segs.map((s) => (s.type === 'del' ? `[-${s.text}-]` : s.type === 'ins' ? `{+${s.text}+}` : s.text)).join('');
}
