/**
 * Test fixtures for the facts layer: LawVersions assembled from the official snapshots (the consolidation
 * engine is not ready yet), the corpus manifest, the catalogue and the parameter table.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_CORPUS, loadManifest, type Manifest } from '../../src/corpus/manifest.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import type { Law } from '../../src/model/types.js';
import type { ChangeRecord, LawVersion, LawVersions } from '../../src/consolidate/types.js';
import { loadFactCatalogue } from '../../src/facts/catalogue.js';
import { loadParameters } from '../../src/facts/parameters.js';
import { addDays } from '../../src/facts/resolve-facts.js';
import { loadCorpus } from '../../src/consolidate/consolidate.js';
import type { LoadedAct } from '../../src/act/load-act.js';

export const CORPUS = DEFAULT_CORPUS;
export const manifest: Manifest = loadManifest();
export const catalogue = loadFactCatalogue(undefined, manifest.laws.map((l) => l.id));
export const parameters = loadParameters();

const parsed = new Map<string, Law>();

/** The official snapshot of a law on a date, parsed once per test file. */
export function official(law: string, date: string): Law {
  const key = `${law}@${date}`;
  let tree = parsed.get(key);
  if (!tree) {
    const file = manifest.laws.find((l) => l.id === law)!.official.find((f) => basename(f) === `${date}.md`);
    if (!file) throw new Error(`no official snapshot ${law} ${date}`);
    tree = parseStatute(readFileSync(join(CORPUS, file), 'utf8'), { lawId: law });
    parsed.set(key, tree);
  }
  return tree;
}

export function officialDates(law: string): string[] {
  return manifest.laws
    .find((l) => l.id === law)!
    .official.map((f) => basename(f).replace(/\.md$/, ''))
    .sort();
}

export interface VersionSpec {
  validFrom: string;
  tree: Law;
  complete?: boolean;
  missing?: string[];
  changes?: number[];
}

/** Consecutive versions: each valid until the day before the next, the last one open (or until `lastValidTo`). */
export function lawVersions(law: string, specs: VersionSpec[], lastValidTo: string | null = null): LawVersions {
  const entry = manifest.laws.find((l) => l.id === law)!;
  const sorted = [...specs].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const versions: LawVersion[] = sorted.map((s, i) => ({
    law,
    validFrom: s.validFrom,
    validTo: i + 1 < sorted.length ? addDays(sorted[i + 1].validFrom, -1) : lastValidTo,
    isBase: i === 0,
    complete: s.complete ?? true,
    missing: s.missing ?? [],
    changes: s.changes ?? [],
    tree: s.tree,
  }));
  return { law, title: entry.title, abbreviation: entry.abbreviation, versions };
}

/** Every official snapshot of a law as one complete version (changes = []). */
export function versionsFromOfficial(law: string, extra: VersionSpec[] = [], lastValidTo: string | null = null): LawVersions {
  return lawVersions(law, [...officialDates(law).map((d) => ({ validFrom: d, tree: official(law, d) })), ...extra], lastValidTo);
}

/** A deep copy of a tree, for hand-made versions. */
export function cloneTree(tree: Law): Law {
  return structuredClone(tree);
}

export function changeRecord(r: Partial<ChangeRecord> & Pick<ChangeRecord, 'act' | 'artikel' | 'path' | 'law'>): ChangeRecord {
  return {
    target: r.targetId ?? '',
    action: 'replace',
    effective: null,
    status: 'applied',
    source: { file: 'test', line: 1, column: 1 },
    wording: '',
    ...r,
  };
}

let loadedActs: LoadedAct[] | undefined;

/** The corpus acts as the act parser reads them (loaded once per test file). */
export function acts(): LoadedAct[] {
  loadedActs ??= loadCorpus(manifest, CORPUS).acts;
  return loadedActs;
}
