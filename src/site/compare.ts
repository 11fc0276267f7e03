/**
 * What changed between two versions of a law: the changed top-level sections (§§, Anlagen,
 * Gliederung headings, Inhaltsübersicht), and the ids of the units to mark in the newer version. (The
 * pages show a changed section as a synopsis: synopsis.ts.)
 */
import { angabeText } from '../model/text-of.js';
import { normalizeSpace } from '../text/unwrap.js';
import type { BodyNode, Inhaltsuebersicht, Law, Paragraph, Satz } from '../model/types.js';
import { unitsOfParagraph } from '../model/walk.js';
import { memoByObject, memoByPair } from './memo.js';
import { bodyNodesOf, nodeText } from './node-text.js';

export interface SectionDiff {
  /** id of the § / Anlage / Gliederung / "inhalt" */
  id: string;
  kind: 'paragraph' | 'anlage' | 'gliederung' | 'opaque' | 'inhalt';
  /** "§ 26 Beschäftigung bestimmter Staatsangehöriger" */
  title: string;
  status: 'changed' | 'inserted' | 'removed';
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
  for (const [id, n] of bodyNodesOf(law)) if (!m.has(id)) m.set(id, n);
  return m;
});

/** The ids of the entries two Inhaltsübersichten word differently (new and removed ones too), once per pair. */
export const changedInhaltEntries = memoByPair((prev: Inhaltsuebersicht | undefined, cur: Inhaltsuebersicht | undefined): string[] => {
  const before = new Map((prev?.entries ?? []).map((e) => [e.id, angabeText(e)] as const));
  const after = new Map((cur?.entries ?? []).map((e) => [e.id, angabeText(e)] as const));
  const ids = [...after.keys()];
  for (const id of before.keys()) if (!after.has(id)) ids.push(id);
  return ids.filter((id) => (before.get(id) ?? '') !== (after.get(id) ?? ''));
});

const inhaltWords = memoByObject((i: Inhaltsuebersicht) => i.entries.map(angabeText).join(' '));

function sectionText(n: BodyNode | 'inhalt', law: Law): string {
  if (n !== 'inhalt') return nodeText(n);
  return law.inhalt ? inhaltWords(law.inhalt) : '';
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
      out.push({ id, kind: 'inhalt', title: 'Inhaltsübersicht', status });
      continue;
    }
    out.push({ id, kind: node.kind, title: sectionTitle(node), status });
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
