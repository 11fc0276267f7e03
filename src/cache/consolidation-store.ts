/**
 * A consolidation on disk, for the derived-result cache: one file with everything but the trees
 * (`consolidation.json`: laws, versions with validity, tiers and changes, the effects table, diagnostics),
 * one file per version with its tree and unit provenance (`versions/<law>/<validFrom>.json`), in which
 * the body holds node numbers, and one file per distinct body node (`nodes/<n>.json`): the versions of a
 * law share every § an amendment left alone (AufenthG: 29 versions, 5 567 §§, 389 distinct), so each is
 * written once.
 *
 * Read back, a version's `tree` and `units` are loaded when first touched, so a command that needs one
 * version of one law (`show --date`, `diff --unit`) reads one version file and its nodes; a node shared
 * by two versions is read once and is again one object in both.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Consolidation, LawVersion, UnitProvenance } from '../consolidate/types.js';
import type { BodyNode, Law } from '../model/types.js';

const INDEX = 'consolidation.json';

interface StoredVersion extends Omit<LawVersion, 'tree' | 'units'> {
  /** the file with the tree and units, relative to the entry */
  file: string;
  hasUnits: boolean;
  /** the version's keys in their original order (so JSON written from a read-back version is the same) */
  keys: string[];
}

interface StoredConsolidation extends Omit<Consolidation, 'laws'> {
  laws: Array<{ law: string; title: string; abbreviation: string; versions: StoredVersion[] }>;
}

export function writeConsolidation(dir: string, c: Consolidation): void {
  mkdirSync(join(dir, 'nodes'), { recursive: true });
  const nodeNumbers = new Map<BodyNode, number>();
  const numberOf = (node: BodyNode): number => {
    let n = nodeNumbers.get(node);
    if (n === undefined) {
      n = nodeNumbers.size;
      nodeNumbers.set(node, n);
      writeFileSync(join(dir, 'nodes', `${n}.json`), JSON.stringify(node));
    }
    return n;
  };
  const stored: StoredConsolidation = {
    laws: c.laws.map((l) => ({
      law: l.law,
      title: l.title,
      abbreviation: l.abbreviation,
      versions: l.versions.map((v) => {
        const { tree, units, ...rest } = v;
        const file = `versions/${l.law}/${v.validFrom}.json`;
        mkdirSync(join(dir, 'versions', l.law), { recursive: true });
        writeFileSync(join(dir, file), JSON.stringify({ tree: { ...tree, body: tree.body.map(numberOf) }, units }));
        return { ...rest, file, hasUnits: units !== undefined, keys: Object.keys(v) };
      }),
    })),
    changes: c.changes,
    diagnostics: c.diagnostics,
  };
  writeFileSync(join(dir, INDEX), JSON.stringify(stored));
}

/** The consolidation stored in `dir`, its versions' trees and units read on first use. */
export function readConsolidation(dir: string): Consolidation {
  const stored = JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as StoredConsolidation;
  const nodes = new Map<number, BodyNode>();
  const node = (n: number): BodyNode => {
    let found = nodes.get(n);
    if (!found) {
      found = JSON.parse(readFileSync(join(dir, 'nodes', `${n}.json`), 'utf8')) as BodyNode;
      nodes.set(n, found);
    }
    return found;
  };
  return {
    laws: stored.laws.map((l) => ({ ...l, versions: l.versions.map((v) => lazyVersion(dir, v, node)) })),
    changes: stored.changes,
    diagnostics: stored.diagnostics,
  };
}

function lazyVersion(dir: string, stored: StoredVersion, node: (n: number) => BodyNode): LawVersion {
  const { file, hasUnits, keys, ...rest } = stored;
  let body: { tree: Law; units?: UnitProvenance[] } | undefined;
  const load = () => {
    if (!body) {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { tree: Omit<Law, 'body'> & { body: number[] }; units?: UnitProvenance[] };
      body = { tree: { ...raw.tree, body: raw.tree.body.map(node) } as Law, units: raw.units };
    }
    return body;
  };
  const v = {} as LawVersion;
  const plain = rest as Record<string, unknown>;
  for (const k of keys) {
    if (k === 'tree' || (k === 'units' && hasUnits)) {
      // read on first use; an assignment replaces the lazy value with a plain one
      Object.defineProperty(v, k, {
        enumerable: true,
        configurable: true,
        get: () => load()[k],
        set(value: unknown) {
          Object.defineProperty(v, k, { value, enumerable: true, configurable: true, writable: true });
        },
      });
    } else if (k in plain) (v as unknown as Record<string, unknown>)[k] = plain[k];
  }
  return v;
}
