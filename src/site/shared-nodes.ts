/**
 * The consolidation gives consecutive versions the very same node object for a § (Anlage,
 * Inhaltsübersicht) that did not change, and the site's memos (memo.ts) are keyed by those objects.
 * Versions read back from the derived-result cache share them again; versions from elsewhere
 * (hand-made, read from JSON) share nothing. Here a node
 * equal to the node of the same id in the previous version is replaced by that node. Equal means equal
 * as JSON, i.e. the same data, so every page reads the same and the output does not change.
 */
import type { LawVersion } from '../consolidate/types.js';
import type { BodyNode, Inhaltsuebersicht } from '../model/types.js';
import { memoByObject } from './memo.js';

const json = memoByObject((node: object) => JSON.stringify(node));

function same<T extends object>(before: T | undefined, node: T): boolean {
  return before !== undefined && (before === node || json(before) === json(node));
}

/** The versions (in date order) with unchanged nodes shared with the previous version; unaffected versions as they are. */
export function shareUnchangedNodes(versions: LawVersion[]): LawVersion[] {
  let before = new Map<string, BodyNode>();
  let beforeInhalt: Inhaltsuebersicht | undefined;
  return versions.map((v) => {
    const tree = v.tree;
    let replaced = false;
    const byId = new Map<string, BodyNode>();
    const body = tree.body.map((n) => {
      const old = before.get(n.id);
      const node = old !== n && same(old, n) ? old! : n;
      if (node !== n) replaced = true;
      if (!byId.has(n.id)) byId.set(n.id, node);
      return node;
    });
    let inhalt = tree.inhalt;
    if (inhalt && inhalt !== beforeInhalt && same(beforeInhalt, inhalt)) {
      inhalt = beforeInhalt;
      replaced = true;
    }
    before = byId;
    beforeInhalt = inhalt;
    return replaced ? { ...v, tree: { ...tree, body, ...(inhalt !== tree.inhalt ? { inhalt } : {}) } } : v;
  });
}
