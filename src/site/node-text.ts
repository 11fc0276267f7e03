/**
 * The words of a § (Anlage, heading, …) as model/text-of gives them, once per node: versions share
 * unchanged nodes, and validity stretches, histories, part sizes and diffs all ask for them; and
 * a version's sections by id, for the same pages.
 */
import { bodyNodeText } from '../model/text-of.js';
import type { BodyNode, Law, Paragraph } from '../model/types.js';
import { memoByObject } from './memo.js';

export const nodeText = memoByObject((n: BodyNode) => bodyNodeText(n));

/** The body nodes of a tree by id (the first of an id, as `body.find` gives it), once per tree. */
export const bodyNodesOf = memoByObject((tree: Law): Map<string, BodyNode> => {
  const m = new Map<string, BodyNode>();
  for (const n of tree.body) if (!m.has(n.id)) m.set(n.id, n);
  return m;
});

/** The section (§, Anlage, heading …) of a version by id. */
export function sectionById(tree: Law, id: string): BodyNode | undefined {
  return bodyNodesOf(tree).get(id);
}

/** The § of a version by id. */
export function paragraphById(tree: Law, id: string): Paragraph | undefined {
  const n = bodyNodesOf(tree).get(id);
  return n?.kind === 'paragraph' ? n : undefined;
}
