/**
 * Memoization keyed by the consolidation's own objects. Consecutive versions share every node
 * (§, Anlage, Inhaltsübersicht, tree) that did not change, so a result computed from one node, or
 * from one pair of nodes, holds for every version and every pair of versions that contain them:
 * the site's work grows with the number of distinct texts, not with versions × pages.
 * Results are shared between pages: callers must not mutate them.
 */

/** One result per object. */
export function memoByObject<K extends object, R>(compute: (key: K) => R): (key: K) => R {
  const cache = new WeakMap<K, R>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as R;
    const r = compute(key);
    cache.set(key, r);
    return r;
  };
}

/** Stands in for a missing side of a pair (a § not in the older or the newer version). */
const ABSENT = {};

/** One result per ordered pair of objects; either side may be missing. */
export function memoByPair<A extends object, B extends object, R>(compute: (a: A | undefined, b: B | undefined) => R): (a: A | undefined, b: B | undefined) => R {
  const cache = new WeakMap<object, WeakMap<object, R>>();
  return (a, b) => {
    const ka: object = a ?? ABSENT;
    const kb: object = b ?? ABSENT;
    let inner = cache.get(ka);
    if (!inner) cache.set(ka, (inner = new WeakMap()));
    if (inner.has(kb)) return inner.get(kb) as R;
    const r = compute(a, b);
    inner.set(kb, r);
    return r;
  };
}
