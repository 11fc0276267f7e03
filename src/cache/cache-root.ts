/** Where fassung keeps its caches (shared by every cache). */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../package-root.js';

/**
 * File times come from a coarse clock (a few ms behind the precise one): the slack when comparing them
 * with the process start. A file system that keeps whole seconds only (FAT, some network mounts) rounds
 * a time down by up to a second.
 */
const MTIME_SLACK_MS = 100;
const WHOLE_SECOND_SLACK_MS = 2000;

/**
 * Was a code file with this mtime (ns) written while this process was running? Then the code it
 * loaded may not be the code a fingerprint hashes, and a result it computes must not be stored under
 * that fingerprint.
 */
export function writtenSinceStart(mtimeNs: bigint): boolean {
  const slack = mtimeNs % 1_000_000_000n === 0n ? WHOLE_SECOND_SLACK_MS : MTIME_SLACK_MS;
  return mtimeNs >= BigInt(Math.floor((performance.timeOrigin - slack) * 1e6));
}

/** The newest mtime (ns) among these files, as they are now (a missing one counts as not newer). */
export function newestMtimeNs(files: string[]): bigint {
  let newest = 0n;
  for (const f of files) {
    try {
      const m = statSync(f, { bigint: true }).mtimeNs;
      if (m > newest) newest = m;
    } catch {
      /* gone: the fingerprint of the next run shows it */
    }
  }
  return newest;
}

/** The cache root: `$FASSUNG_CACHE`, else `node_modules/.cache/fassung` of this package; undefined when off. */
export function cacheRoot(): string | undefined {
  const env = process.env.FASSUNG_CACHE;
  if (env === 'off' || env === '0') return undefined;
  return env ? resolve(env) : join(PROJECT_ROOT, 'node_modules', '.cache', 'fassung');
}

const pruned = new Set<string>();

/**
 * Remove the files (or entry folders) directly in `dir` not written for `maxAgeMs`, once per folder and
 * process: caches would otherwise keep every entry of every earlier version of the tool and of every
 * temporary output folder. Only speed is lost if a removed entry is needed again.
 */
export function pruneOld(dir: string, maxAgeMs: number): void {
  if (pruned.has(dir)) return;
  pruned.add(dir);
  const before = Date.now() - maxAgeMs;
  try {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (st && st.mtimeMs < before) rmSync(p, { recursive: true, force: true });
    }
  } catch {
    /* nothing to prune */
  }
}

/** How long a cache entry that was not written again is kept. */
export const CACHE_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

/** The sha256 of these strings, each ended by a NUL (keys of caches and output stamps). */
export const sha = (...parts: string[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};
