/**
 * A content-addressed cache of parsed statute trees.
 *
 * Key: sha256 of the parser's own compiled code (so a changed parser never reads an old tree), the law
 * id and the input bytes. Value: the Law as JSON, in `$FASSUNG_CACHE` or else
 * `node_modules/.cache/fassung/statute/` of this package. Entries are written atomically (temporary
 * file, then rename) and are never updated in place, so concurrent processes (test workers, CLI runs)
 * share them safely. Deleting the directory is always safe. `FASSUNG_CACHE=off` disables the cache.
 *
 * Small texts (acts' quoted fragments, test fixtures) are parsed directly: for them hashing and a
 * file read cost more than parsing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Law } from './types.js';
import { CACHE_MAX_AGE_MS, cacheRoot, newestMtimeNs, pruneOld, writtenSinceStart } from '../cache/cache-root.js';
import { PROJECT_ROOT } from '../package-root.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';

/** Texts shorter than this are not cached. */
export const MIN_CACHED_CHARS = 32 * 1024;

const HERE = dirname(fileURLToPath(import.meta.url));

export function cacheDir(): string | undefined {
  const root = cacheRoot();
  return root ? join(root, 'statute') : undefined;
}

let fingerprint: string | undefined;
/** the newest mtime (ns) among the files the fingerprint hashed */
let newestNs = 0n;

/**
 * The parser's version: a hash of the package version and of every module the tree depends on
 * (src/model and src/text, as compiled or as run from source), read once per process.
 */
export function parserFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256');
  const root = PROJECT_ROOT;
  try {
    h.update(readFileSync(join(root, 'package.json')));
  } catch {
    /* running outside the package: the module hashes below still change with the code */
  }
  const files: string[] = [];
  for (const dir of [HERE, resolve(HERE, '..', 'text')]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => /\.(?:js|ts)$/.test(n)).sort();
    } catch {
      continue;
    }
    for (const n of names) {
      h.update(n);
      h.update(readFileSync(join(dir, n)));
      files.push(join(dir, n));
    }
  }
  newestNs = newestMtimeNs(files);
  fingerprint = h.digest('hex').slice(0, 16);
  return fingerprint;
}

export const cacheStats = { hits: 0, misses: 0, writeErrors: 0 };

let prunedStatuteCache = false;

/** Trees of parser versions long replaced go (entries sit in 256 folders by their key's first byte); once per process. */
function pruneStatuteCache(dir: string): void {
  if (prunedStatuteCache) return;
  prunedStatuteCache = true;
  let subs: string[] = [];
  try {
    subs = readdirSync(dir);
  } catch {
    return; // no cache yet
  }
  for (const sub of subs) pruneOld(join(dir, sub), CACHE_MAX_AGE_MS);
}

/** Where the tree of this input is cached (undefined: the cache is off, or the text is too small for it). */
function entryFile(source: string, lawId: string): string | undefined {
  const dir = source.length >= MIN_CACHED_CHARS ? cacheDir() : undefined;
  if (!dir) return undefined;
  const key = createHash('sha256').update(parserFingerprint()).update('\0').update(lawId).update('\0').update(source).digest('hex');
  return join(dir, key.slice(0, 2), `${key}.json`);
}

/** Is the tree of this input in the cache (without reading it)? */
export function isCached(source: string, lawId: string): boolean {
  const file = entryFile(source, lawId);
  return file !== undefined && existsSync(file);
}

/** The cached tree for this input, or the result of `parse` (then stored). */
export function cachedParse(source: string, lawId: string, parse: () => Law): Law {
  const file = entryFile(source, lawId);
  if (!file) return parse();
  try {
    const law = JSON.parse(readFileSync(file, 'utf8')) as Law;
    cacheStats.hits++;
    return law;
  } catch {
    /* not cached yet, or unreadable: parse */
  }
  cacheStats.misses++;
  const law = parse();
  // a parser written since this process started may not be the parser that made this tree (the
  // parser's modules are all loaded before the first parse, so the times seen by the fingerprint suffice)
  if (writtenSinceStart(newestNs)) return law;
  try {
    pruneStatuteCache(dirname(dirname(file)));
    writeFileAtomic(file, JSON.stringify(law));
  } catch {
    // a read-only or full disk only costs speed
    cacheStats.writeErrors++;
  }
  return law;
}
