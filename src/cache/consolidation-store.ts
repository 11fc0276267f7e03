/**
 * A consolidation on disk, for the derived-result cache, in three files:
 * - `consolidation.json`: everything but the trees (laws, versions with validity, tiers and changes, the
 *   effects table, diagnostics), with where each version and each body node lies in the two files below;
 * - `versions.bin`: each version's tree (its body and Inhaltsübersicht as node numbers) and unit
 *   provenance (as numbers into the index's table of distinct provenance records), one JSON text after
 *   the other;
 * - `nodes.bin`: each distinct body node and Inhaltsübersicht, one JSON text after the other. The
 *   versions of a law share every § an amendment left alone (AufenthG: 29 versions, 5 567 §§, 389
 *   distinct) and most of their Inhaltsübersichten and provenance records (51 versions: 674 distinct
 *   records, which written out per version came to 1.7 MB), so each is written once, and few files are written (small
 *   files are what a cold run pays for most).
 *
 * Read back, a version's `tree` and `units` are loaded when first touched, by reading just its bytes and
 * those of its nodes, so a command that needs one version of one law (`show --date`, `diff --unit`)
 * parses one version; a node shared by two versions is read once and is again one object in both.
 */
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Consolidation, LawConsolidation, LawVersion, UnitProvenance } from '../consolidate/types.js';
import type { BodyNode, Inhaltsuebersicht, Law } from '../model/types.js';
import { writeContentSync } from '../fs/write-file-atomic.js';

const INDEX = 'consolidation.json';
const VERSIONS = 'versions.bin';
const NODES = 'nodes.bin';
/** a law consolidated alone: the number of its first change record */
const LAW = 'law.json';

interface StoredVersion extends Omit<LawVersion, 'tree' | 'units'> {
  /** byte range of the version's tree and unit numbers in versions.bin */
  at: [number, number];
  hasUnits: boolean;
  /** the version's keys in their original order (so JSON written from a read-back version is the same) */
  keys: string[];
}

interface StoredConsolidation extends Omit<Consolidation, 'laws'> {
  laws: Array<{ law: string; title: string; abbreviation: string; versions: StoredVersion[] }>;
  /** byte offset of node n in nodes.bin (and, last, the file's length) */
  nodeOffsets: number[];
  /** the length of versions.bin */
  versionsSize: number;
  /** per node: its keys in order, and its plain (string, number, boolean) values */
  nodeHeads: Array<{ keys: string[]; plain: Record<string, string | number | boolean | null> }>;
  /** the distinct unit provenance records of all versions (a version lists their numbers) */
  units: UnitProvenance[];
}

/** A version's tree and units as versions.bin holds them. */
interface StoredTree {
  tree: Omit<Law, 'body' | 'inhalt'> & { body: number[]; inhalt?: number };
  units?: number[];
}

/** Numbers for distinct objects (by identity), in the order first seen. */
class Numbering<T extends object> {
  private readonly numbers = new Map<T, number>();
  constructor(private readonly first: (value: T, n: number) => void) {}
  of(value: T): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(value, n);
      this.first(value, n);
    }
    return n;
  }
}

/** JSON texts written one after the other, with the byte range of each. */
class Packed {
  readonly parts: Buffer[] = [];
  size = 0;
  add(text: string): [number, number] {
    const b = Buffer.from(text, 'utf8');
    this.parts.push(b);
    const at: [number, number] = [this.size, this.size + b.length];
    this.size += b.length;
    return at;
  }
}

export function writeConsolidation(dir: string, c: Consolidation): void {
  const nodes = new Packed();
  const versions = new Packed();
  const nodeOffsets: number[] = [];
  const nodeHeads: StoredConsolidation['nodeHeads'] = [];
  const units: UnitProvenance[] = [];
  const nodeNumbers = new Numbering<BodyNode | Inhaltsuebersicht>((node) => {
    nodeOffsets.push(nodes.add(JSON.stringify(node))[0]);
    const rec = node as unknown as Record<string, unknown>;
    const keys = Object.keys(rec).filter((k) => rec[k] !== undefined);
    const plain: Record<string, string | number | boolean | null> = {};
    for (const k of keys) if (rec[k] === null || typeof rec[k] !== 'object') plain[k] = rec[k] as string | number | boolean | null;
    nodeHeads.push({ keys, plain });
  });
  const unitNumbers = new Numbering<UnitProvenance>((u) => units.push(u));
  const storedTree = (tree: Law, us: UnitProvenance[] | undefined): StoredTree => {
    // the tree's keys keep their order (an absent Inhaltsübersicht stays absent)
    const t = { ...tree, body: tree.body.map((n) => nodeNumbers.of(n)) } as unknown as StoredTree['tree'];
    if (tree.inhalt !== undefined) t.inhalt = nodeNumbers.of(tree.inhalt);
    return { tree: t, units: us?.map((u) => unitNumbers.of(u)) };
  };
  const stored: StoredConsolidation = {
    laws: c.laws.map((l) => ({
      law: l.law,
      title: l.title,
      abbreviation: l.abbreviation,
      versions: l.versions.map((v) => {
        const { tree, units: us, ...rest } = v;
        const at = versions.add(JSON.stringify(storedTree(tree, us)));
        return { ...rest, at, hasUnits: us !== undefined, keys: Object.keys(v) };
      }),
    })),
    changes: c.changes,
    diagnostics: c.diagnostics,
    nodeOffsets: [...nodeOffsets, nodes.size],
    versionsSize: versions.size,
    nodeHeads,
    units,
  };
  writeContentSync(join(dir, NODES), nodes.parts);
  writeContentSync(join(dir, VERSIONS), versions.parts);
  writeFileSync(join(dir, INDEX), JSON.stringify(stored));
}

/** The bytes [start, end) of a file. */
function readRange(fd: number, start: number, end: number): string {
  const buf = Buffer.allocUnsafe(end - start);
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, start + got);
    if (n === 0) throw new Error('cached consolidation is cut short');
    got += n;
  }
  return buf.toString('utf8');
}

/** The consolidation stored in `dir`, its versions' trees and units read on first use. */
export function readConsolidation(dir: string): Consolidation {
  const stored = JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as StoredConsolidation;
  // an entry cut short or changed on disk is refused here, before any version is handed out
  if (statSync(join(dir, VERSIONS)).size !== stored.versionsSize || statSync(join(dir, NODES)).size !== stored.nodeOffsets[stored.nodeOffsets.length - 1]) {
    throw new Error(`cached consolidation in ${dir} does not have the size it was written with`);
  }
  const nodes = new Map<number, BodyNode>();
  /**
   * Node n with its plain values (id, kind, label, heading …) at hand and the rest (its Absätze, Sätze,
   * footnotes) read and parsed when first touched: finding a § by its label in a version of 200 §§
   * parses one of them.
   */
  const node = <N extends BodyNode | Inhaltsuebersicht = BodyNode>(n: number): N => {
    const known = nodes.get(n);
    if (known) return known as N;
    const head = stored.nodeHeads[n];
    const lazy: Record<string, unknown> = {};
    let full: Record<string, unknown> | undefined;
    const parse = () => {
      if (!full) {
        const fd = openSync(join(dir, NODES), 'r');
        try {
          full = JSON.parse(readRange(fd, stored.nodeOffsets[n], stored.nodeOffsets[n + 1])) as Record<string, unknown>;
        } finally {
          closeSync(fd);
        }
        // from now on plain values (in the same key order)
        for (const k of head.keys) if (!(k in head.plain)) Object.defineProperty(lazy, k, { value: full[k], enumerable: true, configurable: true, writable: true });
      }
      return full;
    };
    for (const k of head.keys) {
      if (k in head.plain) lazy[k] = head.plain[k];
      else
        Object.defineProperty(lazy, k, {
          enumerable: true,
          configurable: true,
          get: () => parse()[k],
          set(value: unknown) {
            parse();
            Object.defineProperty(lazy, k, { value, enumerable: true, configurable: true, writable: true });
          },
        });
    }
    nodes.set(n, lazy as unknown as BodyNode);
    return lazy as unknown as N;
  };
  const loadVersion = (at: [number, number]): { tree: Law; units?: UnitProvenance[] } => {
    const vfd = openSync(join(dir, VERSIONS), 'r');
    let raw: StoredTree;
    try {
      raw = JSON.parse(readRange(vfd, at[0], at[1]));
    } finally {
      closeSync(vfd);
    }
    const tree = { ...raw.tree, body: raw.tree.body.map((n) => node(n)) } as unknown as Law;
    if (raw.tree.inhalt !== undefined) tree.inhalt = node<Inhaltsuebersicht>(raw.tree.inhalt);
    return { tree, units: raw.units?.map((u) => stored.units[u]) };
  };
  return {
    laws: stored.laws.map((l) => ({ law: l.law, title: l.title, abbreviation: l.abbreviation, versions: l.versions.map((v) => lazyVersion(v, loadVersion)) })),
    changes: stored.changes,
    diagnostics: stored.diagnostics,
  };
}

function lazyVersion(stored: StoredVersion, read: (at: [number, number]) => { tree: Law; units?: UnitProvenance[] }): LawVersion {
  const { at, hasUnits, keys, ...rest } = stored;
  let body: { tree: Law; units?: UnitProvenance[] } | undefined;
  const load = () => (body ??= read(at));
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

/** One law consolidated alone, stored as a consolidation of that law with the number of its first change record. */
export function writeLawConsolidation(dir: string, c: LawConsolidation): void {
  writeConsolidation(dir, { laws: [c.law], changes: c.changes, diagnostics: c.diagnostics });
  writeFileSync(join(dir, LAW), JSON.stringify({ firstChange: c.firstChange }));
}

export function readLawConsolidation(dir: string): LawConsolidation {
  const { firstChange } = JSON.parse(readFileSync(join(dir, LAW), 'utf8')) as { firstChange: unknown };
  const c = readConsolidation(dir);
  if (typeof firstChange !== 'number' || !Number.isInteger(firstChange) || firstChange < 0 || c.laws.length !== 1) {
    throw new Error(`cached consolidation of one law in ${dir} is damaged`);
  }
  return { law: c.laws[0], firstChange, changes: c.changes, diagnostics: c.diagnostics };
}
