/**
 * What changed between two versions of a law: the changed top-level sections (§§, Anlagen,
 * Gliederung headings, Inhaltsübersicht), each with word diffs of its changed parts, and the ids of
 * the units to mark in the newer version.
 */
import { humanLabelFromId } from '../model/labels.js';
import { absatzText, angabeText, satzText } from '../model/text-of.js';
import { normalizeSpace } from '../text/unwrap.js';
import type { Absatz, BodyNode, Inhaltsuebersicht, Law, Paragraph, Satz } from '../model/types.js';
import { unitsOfParagraph } from '../model/walk.js';
import { memoByObject, memoByPair } from './memo.js';
import { nodeText } from './node-text.js';
import { wordDiff, type DiffSegment } from './text-diff.js';

export interface DiffRow {
  /** unit id of the part ("para-26/abs-2"), "" for a heading row */
  id: string;
  /** "Abs. 2", "Überschrift", "Satz 1", "" */
  label: string;
  segments: DiffSegment[];
}

export interface SectionDiff {
  /** id of the § / Anlage / Gliederung / "inhalt" */
  id: string;
  kind: 'paragraph' | 'anlage' | 'gliederung' | 'opaque' | 'inhalt';
  /** "§ 26 Beschäftigung bestimmter Staatsangehöriger" */
  title: string;
  status: 'changed' | 'inserted' | 'removed';
  rows: DiffRow[];
}

export function sectionTitle(n: BodyNode): string {
  switch (n.kind) {
    case 'paragraph':
      return normalizeSpace(`§ ${n.label} ${n.heading}`);
    case 'gliederung':
      return normalizeSpace(`${n.type} ${n.label} ${n.heading}`);
    case 'anlage':
      return normalizeSpace(`Anlage ${n.label} ${n.heading}`);
    case 'opaque':
      return 'Nicht gegliederter Text';
  }
}

/** Sections of a law keyed by id, in document order (Inhaltsübersicht first); once per tree. */
const sectionsOf = memoByObject((law: Law): Map<string, BodyNode | 'inhalt'> => {
  const m = new Map<string, BodyNode | 'inhalt'>();
  if (law.inhalt) m.set('inhalt', 'inhalt');
  for (const n of law.body) if (!m.has(n.id)) m.set(n.id, n);
  return m;
});

/** The section of a law with this id (the first one, as on the page), or undefined. */
export function sectionById(law: Law, id: string): BodyNode | undefined {
  const n = sectionsOf(law).get(id);
  return n === 'inhalt' ? law.body.find((x) => x.id === id) : n;
}

function childText(c: Absatz | Satz): string {
  return normalizeSpace(c.kind === 'absatz' ? absatzText(c) : satzText(c));
}

function childLabel(c: Absatz | Satz): string {
  const full = humanLabelFromId(c.id);
  return full.replace(/^§ \S+\s*/, '');
}

function paragraphRows(prev: Paragraph | undefined, cur: Paragraph | undefined): DiffRow[] {
  const rows: DiffRow[] = [];
  const ph = prev ? normalizeSpace(prev.heading) : '';
  const ch = cur ? normalizeSpace(cur.heading) : '';
  if (ph !== ch) rows.push({ id: '', label: 'Überschrift', segments: wordDiff(ph, ch) });
  const before = new Map((prev?.children ?? []).map((c) => [c.id, c] as const));
  const after = new Map((cur?.children ?? []).map((c) => [c.id, c] as const));
  const ids: string[] = [];
  // current order, with removed parts placed after the part that preceded them before
  for (const c of cur?.children ?? []) ids.push(c.id);
  let lastKnown = -1;
  for (const c of prev?.children ?? []) {
    const at = ids.indexOf(c.id);
    if (at >= 0) lastKnown = at;
    else ids.splice(++lastKnown, 0, c.id);
  }
  for (const id of ids) {
    const a = before.get(id);
    const b = after.get(id);
    const ta = a ? childText(a) : '';
    const tb = b ? childText(b) : '';
    if (ta === tb) continue;
    rows.push({ id, label: childLabel((b ?? a)!), segments: wordDiff(ta, tb) });
  }
  if (rows.length === 0 && prev && cur && prev.weggefallen !== cur.weggefallen) {
    rows.push({ id: '', label: '', segments: wordDiff(prev.weggefallen ? '(weggefallen)' : '', cur.weggefallen ? '(weggefallen)' : '') });
  }
  return rows;
}

/** The changed entries of two Inhaltsübersichten, once per pair. */
const inhaltRows = memoByPair((prev: Inhaltsuebersicht | undefined, cur: Inhaltsuebersicht | undefined): DiffRow[] => {
  const before = new Map((prev?.entries ?? []).map((e) => [e.id, angabeText(e)] as const));
  const after = new Map((cur?.entries ?? []).map((e) => [e.id, angabeText(e)] as const));
  const ids = [...after.keys()];
  for (const id of before.keys()) if (!after.has(id)) ids.push(id);
  const rows: DiffRow[] = [];
  for (const id of ids) {
    const ta = before.get(id) ?? '';
    const tb = after.get(id) ?? '';
    if (ta !== tb) rows.push({ id, label: '', segments: wordDiff(ta, tb) });
  }
  return rows;
});

const inhaltWords = memoByObject((i: Inhaltsuebersicht) => i.entries.map(angabeText).join(' '));

function sectionText(n: BodyNode | 'inhalt', law: Law): string {
  if (n !== 'inhalt') return nodeText(n);
  return law.inhalt ? inhaltWords(law.inhalt) : '';
}

/** The rows of a changed §, Anlage, Gliederung or text block, once per pair of nodes. */
const sectionRows = memoByPair((a: BodyNode | undefined, b: BodyNode | undefined): DiffRow[] =>
  (b ?? a)!.kind === 'paragraph'
    ? paragraphRows(a as Paragraph | undefined, b as Paragraph | undefined)
    : [{ id: '', label: '', segments: wordDiff(a ? nodeText(a) : '', b ? nodeText(b) : '') }],
);

/**
 * A section diff whose rows are worked out when first read: the compare pages of every pair of
 * versions list the changed sections but show them as synopses, so most rows are never read.
 */
function sectionDiff(head: Omit<SectionDiff, 'rows'>, rows: () => DiffRow[]): SectionDiff {
  let known: DiffRow[] | undefined;
  return {
    ...head,
    get rows() {
      return (known ??= rows());
    },
  };
}

/** The changed sections from `prev` to `cur` (prev undefined: nothing is reported as changed). */
export function compareLaws(prev: Law | undefined, cur: Law): SectionDiff[] {
  if (!prev) return [];
  const before = sectionsOf(prev);
  const after = sectionsOf(cur);
  const ids = [...after.keys()];
  let lastKnown = -1;
  for (const id of before.keys()) {
    const at = ids.indexOf(id);
    if (at >= 0) lastKnown = at;
    else ids.splice(++lastKnown, 0, id);
  }
  const out: SectionDiff[] = [];
  for (const id of ids) {
    const a = before.get(id);
    const b = after.get(id);
    // the same node in both versions: unchanged
    if (a === b && a !== 'inhalt') continue;
    const node = (b ?? a)!;
    const ta = a ? sectionText(a, prev) : '';
    const tb = b ? sectionText(b, cur) : '';
    if (ta === tb && (a === undefined) === (b === undefined)) continue;
    const status: SectionDiff['status'] = !a ? 'inserted' : !b ? 'removed' : 'changed';
    if (node === 'inhalt') {
      out.push(sectionDiff({ id, kind: 'inhalt', title: 'Inhaltsübersicht', status }, () => inhaltRows(prev.inhalt, cur.inhalt)));
      continue;
    }
    const rows = (): DiffRow[] =>
      // a body node beside an Inhaltsübersicht of the same id cannot be keyed by node: by text
      a === 'inhalt' || b === 'inhalt'
        ? node.kind === 'paragraph'
          ? paragraphRows(a as Paragraph | undefined, b as Paragraph | undefined)
          : [{ id: '', label: '', segments: wordDiff(ta, tb) }]
        : sectionRows(a, b);
    out.push(sectionDiff({ id, kind: node.kind, title: sectionTitle(node), status }, rows));
  }
  return out;
}

/** A Satz's own words: its text, or the words before and after its list. */
function ownText(s: Satz): string {
  return normalizeSpace(s.items === undefined ? (s.text ?? '') : `${s.vor ?? ''} ${s.nach ?? ''}`);
}

/** A unit of a § as changedUnitIds compares it: `kind:id`, and for a Satz its own words. */
interface UnitKey {
  id: string;
  key: string;
  /** a Satz's own words; other units count as changed only when new */
  words?: string;
}

/** The units of a §, once per node (versions share unchanged §§). */
const unitKeysOf = memoByObject((p: Paragraph): UnitKey[] =>
  [...unitsOfParagraph(p)].map((u) => ({ id: u.id, key: `${u.kind}:${u.id}`, words: u.kind === 'satz' ? ownText(u) : undefined })),
);

/**
 * Units of `cur` to mark as changed: Sätze whose own words differ from `prev` or are new, and new
 * Absätze, list items and §§.
 */
export function changedUnitIds(prev: Law | undefined, cur: Law): Set<string> {
  const marked = new Set<string>();
  if (!prev) return marked;
  const before = new Map<string, string>();
  for (const n of prev.body) {
    if (n.kind !== 'paragraph') continue;
    for (const u of unitKeysOf(n)) before.set(u.key, u.words ?? '');
  }
  for (const n of cur.body) {
    if (n.kind !== 'paragraph') continue;
    for (const u of unitKeysOf(n)) {
      const old = before.get(u.key);
      if (old === undefined) marked.add(u.id);
      else if (u.words !== undefined && old !== u.words) marked.add(u.id);
    }
  }
  return marked;
}
