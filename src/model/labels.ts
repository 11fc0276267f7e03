/**
 * Labels of statute units: recognising them at the start of a text block, ordering and expanding them,
 * and the human-readable and id forms.
 */
import type { ListKind, UnitKind } from './types.js';

export interface ItemLabel {
  kind: ListKind | 'absatz';
  label: string;
  /** Length of the label text including trailing space, to strip it from the block. */
  length: number;
}

/**
 * "4. Januar 2023", "1. März eines jeden Jahres", "1. Quartals", "18. Lebensjahres" at a line start: a
 * wrapped date or ordinal, not a Nummer (where the line before leaves its sentence open)
 */
export const DATE_AT_START = /^\d{1,2}\.\s+(?:(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b|(?:Quartals?|Halbjahr(?:es|s)?|Kalenderjahr(?:es|s)?|Kalendermonats?|Lebensjahr(?:es|s)?|Lebensmonats?|Monats|Jahres)\b)/u;

/**
 * Does a quoted text set its blocks apart with blank lines, as a web copy does: every line after the
 * first that opens with a label ("(2)", "1.", "a)") has a blank line before it (and there is one)? Only
 * then is a blank line a block boundary; in a text taken from a PDF a blank line may be a page break or a
 * wider gap inside a block. `lines` are the non-blank lines, `afterBlank` says which had one before.
 */
export function blocksSetApart(lines: readonly string[], afterBlank: readonly boolean[]): boolean {
  const labelled = lines.flatMap((l, i) => (i > 0 && matchItemLabel(l, true) && !DATE_AT_START.test(l) ? [i] : []));
  return labelled.length > 0 && labelled.every((i) => afterBlank[i]);
}

/** Recognise "(1) ", "2a. ", "c) ", "aa) ", "aaa) " at the start of a block of text. */
export function matchItemLabel(text: string, allowAbsatz = true): ItemLabel | undefined {
  let m: RegExpMatchArray | null;
  if (allowAbsatz && (m = /^\((\d{1,3}[a-z]{0,2})\)(?:\s+|$)/.exec(text))) {
    return { kind: 'absatz', label: m[1], length: m[0].length };
  }
  if ((m = /^(\d{1,3}[a-z]{0,2})\.(?:\s+|$)/.exec(text))) {
    return { kind: 'nummer', label: m[1], length: m[0].length };
  }
  if ((m = /^([a-z])\1\1\)(?:\s+|$)/.exec(text))) {
    return { kind: 'dreifachbuchstabe', label: m[1].repeat(3), length: m[0].length };
  }
  if ((m = /^([a-z])\1\)(?:\s+|$)/.exec(text))) {
    return { kind: 'doppelbuchstabe', label: m[1].repeat(2), length: m[0].length };
  }
  if ((m = /^([a-z])\)(?:\s+|$)/.exec(text))) {
    return { kind: 'buchstabe', label: m[1], length: m[0].length };
  }
  return undefined;
}

export const LIST_RANK: Record<ListKind, number> = {
  nummer: 0,
  buchstabe: 1,
  doppelbuchstabe: 2,
  dreifachbuchstabe: 3,
};

/** Written form of a list label: "2a." for Nummern, "c)" for Buchstaben. */
export function writtenLabel(kind: ListKind | 'absatz', label: string): string {
  if (kind === 'absatz') return `(${label})`;
  if (kind === 'nummer') return `${label}.`;
  return `${label})`;
}

/** Sort key for labels such as "15", "15a", "15d", "7b", "c", "aa": compare base, then suffix. */
export function compareLabels(a: string, b: string): number {
  const pa = splitLabel(a);
  const pb = splitLabel(b);
  if (pa.num !== pb.num) return pa.num - pb.num;
  if (pa.suffix === pb.suffix) return 0;
  return pa.suffix < pb.suffix ? -1 : 1;
}

function splitLabel(label: string): { num: number; suffix: string } {
  const m = /^(\d+)(.*)$/.exec(label);
  if (m) return { num: Number(m[1]), suffix: m[2] };
  // letters: "c" = 3, "aa" = 1 with length weight: order single letters, doubles as they come
  const letter = label.charCodeAt(0) - 96;
  return { num: letter, suffix: label.slice(1) };
}

/**
 * Expand a range "9 bis 11", "vv bis xx", "18g bis 18i", "e bis h" into its labels.
 * Returns undefined when the two ends are not of one series.
 */
export function expandRange(from: string, to: string): string[] | undefined {
  let m1 = /^(\d+)$/.exec(from);
  let m2 = /^(\d+)$/.exec(to);
  if (m1 && m2) {
    const a = Number(m1[1]);
    const b = Number(m2[1]);
    if (b < a || b - a > 500) return undefined;
    return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
  }
  m1 = /^(\d*)([a-z])$/.exec(from);
  m2 = /^(\d*)([a-z])$/.exec(to);
  if (m1 && m2 && m1[1] === m2[1]) {
    const a = m1[2].charCodeAt(0);
    const b = m2[2].charCodeAt(0);
    if (b < a) return undefined;
    return Array.from({ length: b - a + 1 }, (_, i) => m1![1] + String.fromCharCode(a + i));
  }
  m1 = /^([a-z])\1+$/.exec(from);
  m2 = /^([a-z])\1+$/.exec(to);
  if (m1 && m2 && from.length === to.length) {
    const a = from.charCodeAt(0);
    const b = to.charCodeAt(0);
    if (b < a) return undefined;
    return Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i).repeat(from.length));
  }
  return undefined;
}

const ID_PREFIX: Record<UnitKind, string> = {
  paragraph: 'para',
  absatz: 'abs',
  satz: 'satz',
  nummer: 'nr',
  buchstabe: 'bst',
  doppelbuchstabe: 'dbst',
  dreifachbuchstabe: 'tbst',
};

export function idSegment(kind: UnitKind, label: string): string {
  return `${ID_PREFIX[kind]}-${label}`;
}

/** Abbreviated unit words as in human labels: "§ 26 Abs. 2 Satz 3". */
export const HUMAN: Record<UnitKind, string> = {
  paragraph: '§',
  absatz: 'Abs.',
  satz: 'Satz',
  nummer: 'Nr.',
  buchstabe: 'Buchst.',
  doppelbuchstabe: 'Doppelbuchst.',
  dreifachbuchstabe: 'Dreifachbuchst.',
};

/** "para-31/abs-1/satz-1/nr-2/bst-c" → "§ 31 Abs. 1 Satz 1 Nr. 2 Buchst. c" */
export function humanLabelFromId(id: string): string {
  const parts: string[] = [];
  for (const seg of id.split('/')) {
    if (seg === 'inhalt') {
      // Angaben of the Inhaltsübersicht: "inhalt/para-30"
      parts.push('Inhaltsübersicht');
      continue;
    }
    const m = /^([a-z]+)-(.+)$/.exec(seg);
    if (!m) {
      parts.push(seg);
      continue;
    }
    const kind = (Object.keys(ID_PREFIX) as UnitKind[]).find((k) => ID_PREFIX[k] === m[1]);
    if (kind) parts.push(`${HUMAN[kind]} ${m[2]}`);
    else if (m[1] === 'anlage') parts.push(`Anlage ${m[2]}`);
    else if (m[1] === 'inhalt') parts.push('Inhaltsübersicht');
    else parts.push(seg);
  }
  return parts.join(' ');
}

/**
 * The labels that may follow `label` in a numbering: "7" → "8" or "7a"; "7a" → "8" or "7b";
 * "c" → "d"; "aa" → "bb".
 */
export function nextLabels(label: string): string[] {
  const num = /^(\d+)([a-z]?)$/.exec(label);
  if (num) {
    const n = Number(num[1]);
    return num[2] === '' ? [String(n + 1), `${n}a`] : [String(n + 1), `${n}${String.fromCharCode(num[2].charCodeAt(0) + 1)}`];
  }
  const c = label.charCodeAt(0) + 1;
  return c > 122 ? [] : [String.fromCharCode(c).repeat(label.length)];
}

/** Words that carry a sentence on after "§ 2b": a wrapped reference, not a heading */
const REFERENCE_GOES_ON = /^(?:Absatz|Absätze|Abs\.|Satz|Sätze|Nummer|Nr\.|Buchstabe|und|oder|bis|sowie|gilt|gelten|ist|sind|findet|finden|bleibt|bleiben|des|der|dem|den|in|zu|entsprechend|Anwendung)\b/;

/**
 * The label of a line that opens a § in quoted text ("§ 2b", "§ 2b Überschrift"); undefined for any other
 * line, also for a wrapped reference at a line start ("§ 2b Absatz 2 entsprechend.").
 */
export function paragraphHeadingLabel(line: string): string | undefined {
  const m = /^§\s*(\d+[a-z]*)(?:\s+(.*))?$/.exec(line.trim());
  if (!m) return undefined;
  if (m[2] !== undefined && (REFERENCE_GOES_ON.test(m[2]) || /[.,;:]$/.test(m[2]))) return undefined;
  return m[1];
}

/** The §§ a quoted text opens, in order ("„§ 2a … § 2b …“"), wrapped references left out. */
export function quotedParagraphLabels(text: string): string[] {
  return text.split('\n').flatMap((l) => paragraphHeadingLabel(l) ?? []);
}
