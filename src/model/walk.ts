/**
 * Walking the unit tree: every unit with its parent, lookup by node id, the § of a node.
 */
import type { Absatz, BodyNode, Law, ListItem, Paragraph, Satz, Unit, UnitKind } from './types.js';

export function* unitsOfParagraph(p: Paragraph): Generator<Unit> {
  yield p;
  for (const c of p.children) {
    if (c.kind === 'absatz') {
      yield c;
      yield* unitsOfSentences(c.children);
    }
  }
  yield* unitsOfSentences(p.children.filter((c): c is Satz => c.kind === 'satz'));
}

export function* unitsOfSentences(sentences: Satz[]): Generator<Unit> {
  for (const s of sentences) {
    yield s;
    for (const item of s.items ?? []) yield* unitsOfItem(item);
  }
}

function* unitsOfItem(item: ListItem): Generator<Unit> {
  yield item;
  yield* unitsOfSentences(item.children);
}

export function paragraphs(law: Law): Paragraph[] {
  return law.body.filter((n): n is Paragraph => n.kind === 'paragraph');
}

export function findParagraph(law: Law, label: string): Paragraph | undefined {
  return law.body.find((n): n is Paragraph => n.kind === 'paragraph' && n.label === label);
}

/** The § id of a node id: "para-26/abs-2/satz-3" → "para-26". */
export function paragraphIdOf(id: string): string {
  return id.split('/')[0];
}

/**
 * Find a unit by its node id. Several units can share an id when a list item has a single Satz
 * (the Satz takes the item's id); the outermost one (the item) is returned.
 */
export function findById(law: Law, id: string): Unit | undefined {
  const p = law.body.find((n): n is Paragraph => n.kind === 'paragraph' && n.id === paragraphIdOf(id));
  if (!p) return undefined;
  for (const u of unitsOfParagraph(p)) if (u.id === id) return u;
  return undefined;
}

export function bodyNodeById(law: Law, id: string): BodyNode | undefined {
  return law.body.find((n) => n.id === id);
}

export type Container = Paragraph | Absatz | ListItem;

/** A deep copy of a § (faster than structuredClone for this plain tree of strings and arrays). */
export function cloneParagraph(p: Paragraph): Paragraph {
  return {
    ...p,
    children: p.children.map((c) => (c.kind === 'absatz' ? { ...c, children: c.children.map(cloneSatz) } : cloneSatz(c))),
    footnotes: [...p.footnotes],
    ...(p.source ? { source: { ...p.source } } : {}),
  };
}

export function cloneSatz(s: Satz): Satz {
  const c: Satz = { ...s };
  if (s.items) c.items = s.items.map(cloneItem);
  return c;
}

function cloneItem(i: ListItem): ListItem {
  return { ...i, children: i.children.map(cloneSatz) };
}

/** The Sätze directly inside a unit: a §'s own Sätze, an Absatz's, a list item's; a Satz is its own. */
export function sentencesOf(node: Unit): Satz[] {
  switch (node.kind) {
    case 'paragraph':
      return node.children.filter((c): c is Satz => c.kind === 'satz');
    case 'absatz':
      return node.children;
    case 'satz':
      return [node];
    default:
      return node.children;
  }
}

/** A unit found below another, with the array that holds it (to replace, remove or insert beside it). */
export interface ChildHit {
  node: Unit;
  owner: { list: Array<Unit | Absatz | Satz>; index: number };
}

/**
 * The children of `node` of one kind and label: Absätze of a §; Sätze by position; list items among
 * the items of the node's own Sätze (one level: "Nummer 2" of an Absatz, "Buchstabe c" of a Nummer).
 */
export function findChildren(node: Unit, kind: UnitKind, label: string): ChildHit[] {
  if (kind === 'absatz') {
    if (node.kind !== 'paragraph') return [];
    const list = node.children;
    return list.flatMap((c, index) => (c.kind === 'absatz' && c.label === label ? [{ node: c, owner: { list, index } }] : []));
  }
  if (kind === 'satz') {
    if (node.kind === 'satz') return [];
    const sentences = sentencesOf(node);
    const s = sentences[Number(label) - 1];
    if (!s) return [];
    // a table or other block kept verbatim may belong to the Satz before it (AufenthV § 48 Abs. 1: its fee
    // table is part of Satz 1, § 52 cites "§ 48 Absatz 1 Satz 1 Nummer 3"): Sätze are not counted past one
    if (sentences.slice(0, Number(label)).some((x) => x.opaque)) return [];
    const list: Array<Absatz | Satz> = node.kind === 'paragraph' ? node.children : sentencesOf(node);
    return [{ node: s, owner: { list, index: list.indexOf(s) } }];
  }
  return sentencesOf(node).flatMap((s) => {
    const items = s.items ?? [];
    return items.flatMap((it, index) => (it.kind === kind && it.label === label ? [{ node: it, owner: { list: items, index } }] : []));
  });
}
