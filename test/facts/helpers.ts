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
/**
 * The official snapshots these fixtures were written against (the manifest's list before the series to
 * August 2026 was added): the facts tests build their versions from exactly these, so that adding later
 * snapshots to the corpus does not change what the hand-made fixtures mean.
 */
const FIXTURE_OFFICIAL: Record<string, string[]> = {
  aufenthg: ['2023-07-01', '2023-08-19', '2023-11-01', '2023-11-18', '2023-12-23', '2023-12-28', '2024-03-01'],
  beschv: ['2022-07-29', '2023-11-18', '2023-12-14', '2024-03-01'],
  aufenthv: ['2023-07-29', '2023-09-06', '2023-11-10', '2023-11-18', '2024-01-01', '2024-02-28', '2024-03-01'],
};
/** The whole manifest, as the pipeline reads it. */
export const fullManifest: Manifest = loadManifest();
/** The manifest with the fixture snapshots only (see FIXTURE_OFFICIAL). */
export const manifest: Manifest = {
  ...fullManifest,
  laws: fullManifest.laws.map((l) => ({ ...l, official: l.official.filter((f) => (FIXTURE_OFFICIAL[l.id] ?? []).includes(basename(f).replace(/\.md$/, ''))) })),
};
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
