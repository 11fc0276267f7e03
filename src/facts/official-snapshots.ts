/**
 * Official consolidated snapshots (corpus official/<law>/<date>.md, listed per law in the manifest and
 * named by the first day they were online), parsed lazily, for resolving facts where the consolidation is
 * incomplete.
 */
import { basename } from 'node:path';
import { isValidIsoDate, readCorpusText, type Manifest } from '../corpus/manifest.js';
import { parseStatute } from '../model/parse-statute.js';
import type { Law } from '../model/types.js';

export interface OfficialSnapshots {
  /** The snapshot of a law named by exactly this date, parsed. */
  officialSnapshot: (law: string, date: string) => Law | undefined;
  /** The dates for which a law has snapshots, ascending. */
  officialSnapshotDates: (law: string) => string[];
  /** The corpus file of a snapshot, for citing it. */
  officialSnapshotFile: (law: string, date: string) => string | undefined;
}

export function officialSnapshotsFromManifest(manifest: Manifest, corpusDir: string, read?: (rel: string) => string): OfficialSnapshots {
  const readText = read ?? ((rel: string) => readCorpusText(corpusDir, rel));
  const files = new Map<string, Map<string, string>>();
  for (const law of manifest.laws) {
    const byDate = new Map<string, string>();
    for (const f of law.official) {
      const date = basename(f).replace(/\.md$/, '');
      if (isValidIsoDate(date)) byDate.set(date, f);
    }
    files.set(law.id, byDate);
  }
  const cache = new Map<string, Law>();
  return {
    officialSnapshot(law, date) {
      const file = files.get(law)?.get(date);
      if (!file) return undefined;
      let tree = cache.get(file);
      if (!tree) {
        tree = parseStatute(readText(file), { lawId: law });
        cache.set(file, tree);
      }
      return tree;
    },
    officialSnapshotDates(law) {
      return [...(files.get(law)?.keys() ?? [])].sort();
    },
    officialSnapshotFile(law, date) {
      return files.get(law)?.get(date);
    },
  };
}
