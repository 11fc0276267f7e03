/**
 * The words of a § (Anlage, heading, …) as model/text-of gives them, once per node: versions share
 * unchanged nodes, and validity stretches, histories, part sizes and diffs all ask for them; and
 * a version's §§ by id, for the same pages.
 */
import { bodyNodeText } from '../model/text-of.js';
import type { BodyNode, Law, Paragraph } from '../model/types.js';
import { memoByObject } from './memo.js';

export const nodeText = memoByObject((n: BodyNode) => bodyNodeText(n));

/** The §§ of a tree by id (the first of an id, as `body.find` gives it), once per tree. */
const paragraphsOf = memoByObject((tree: Law): Map<string, Paragraph> => {
  const m = new Map<string, Paragraph>();
  for (const n of tree.body) if (n.kind === 'paragraph' && !m.has(n.id)) m.set(n.id, n);
  return m;
});

/** The § of a version by id. */
export function paragraphById(tree: Law, id: string): Paragraph | undefined {
  return paragraphsOf(tree).get(id);
}
