/**
 * A cache of results derived from input files (the consolidation of a corpus, and its facts).
 *
 * An entry is content-addressed: its key is the sha256 of the tool's code fingerprint, the kind of
 * result, the request (e.g. corpus folder + manifest) and the path and content hash of every input file
 * the computation read (recorded with `recordInputs`, so no input file can be forgotten; the tool's code
 * fingerprint covers its modules and the lock files of its dependencies). An entry is a folder
 * `<cache>/derived/<kind>/<key>/` written to a temporary folder and renamed into place, never updated;
 * deleting the cache is always safe.
 *
 * To find the key without re-reading every input, a request file `<cache>/derived/requests/<hash>.json`
 * remembers the inputs of the last computation for that request with their stat fields (size, mtime and
 * ctime in ns, inode). An input whose stat fields are unchanged, and whose mtime lies well before the
 * moment it was recorded (a file written in the same instant could change without a visible mtime
 * change: "racy" files), is taken to have the recorded hash; any other input is read and hashed again.
 * A changed hash, a missing input or a missing entry is a miss: the caller computes and stores anew.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../corpus/read-file.js';
import { CACHE_MAX_AGE_MS, cacheRoot, newestMtimeNs, pruneOld, sha, writtenSinceStart } from './cache-root.js';
import { PROJECT_ROOT } from '../package-root.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';
import { dependencyFiles, filesFingerprint } from './module-closure.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** A stat-unchanged input counts as unchanged only if its mtime is at least this much older than the record. */
const RACY_NS = 2_000_000_000n;

/** Entries kept per kind of result: the newest, and any made in the last half hour. */
const KEEP_ENTRIES = 4;
const IN_USE_MS = 30 * 60 * 1000;

let toolPrint: string | undefined;

/**
 * The tool's code files: the compiled `dist/src` or, run from source, `src`, the site's assets, and the
 * files that say which packages it runs with (a dependency updated within its range changes results too).
 */
function codeFiles(): string[] {
  const files = new Set<string>();
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // not there (an installed package without sources)
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:js|mjs|ts|css)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.add(p);
    }
  };
  walk(resolve(HERE, '..'));
  // the site's stylesheet and scripts are read from the project's src/site/assets also when run from dist/
  walk(join(PROJECT_ROOT, 'src', 'site', 'assets'));
  for (const f of dependencyFiles()) files.add(f);
  return [...files];
}

/**
 * The tool's version: a hash of the content of package.json and of every module of the tool, so that a
 * changed line of code never reads an old result (and a rebuild that changes nothing keeps the cache).
 * The hash is remembered under the code files' stat fields (which any write changes), so that a run
 * reads the files only when one of them changed.
 */
export function toolFingerprint(): string {
  if (toolPrint) return toolPrint;
  const files = codeFiles();
  const stats = createHash('sha256');
  let newestNs = 0n;
  for (const f of files) {
    try {
      const st = statSync(f, { bigint: true });
      stats.update(`${f}\0${st.size}\0${st.mtimeNs}\0${st.ctimeNs}\0${st.ino}\n`);
      if (st.mtimeNs > newestNs) newestNs = st.mtimeNs;
    } catch {
      stats.update(`${f}\0missing\n`);
    }
  }
  const statKey = stats.digest('hex');
  const root = cacheRoot();
  const memo = root ? join(root, 'tool-fingerprint.json') : undefined;
  if (memo) {
    try {
      const m = JSON.parse(readFileSync(memo, 'utf8')) as { statKey: string; print: string; seenNs: string };
      // not trusted for files written in the same instant as the memo (their change could hide in one tick)
      if (m.statKey === statKey && newestNs + RACY_NS < BigInt(m.seenNs)) return (toolPrint = m.print);
    } catch {
      /* no memo yet */
    }
  }
  const seenNs = BigInt(Date.now()) * 1_000_000n;
  toolPrint = filesFingerprint(files).slice(0, 32);
  if (memo) {
    try {
      writeFileAtomic(memo, JSON.stringify({ statKey, print: toolPrint, seenNs: String(seenNs) }));
    } catch {
      /* only speed */
    }
  }
  return toolPrint;
}


interface RequestRecord {
  key: string;
  inputs: InputFile[];
}

export const derivedCacheStats = { hits: 0, misses: 0, rehashed: 0, writeErrors: 0 };
/** hits and misses per kind of result (a command may look for one kind before it computes another) */
export const derivedCacheStatsByKind = new Map<string, { hits: number; misses: number }>();

function count(kind: string, what: 'hits' | 'misses'): void {
  derivedCacheStats[what]++;
  let k = derivedCacheStatsByKind.get(kind);
  if (!k) derivedCacheStatsByKind.set(kind, (k = { hits: 0, misses: 0 }));
  k[what]++;
}

function contentKey(kind: string, request: string, inputs: InputFile[]): string {
  const list = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((i) => `${i.path}\0${i.sha256}`);
  return sha(toolFingerprint(), kind, request, ...list);
}

/**
 * Is this input unchanged? By its stat fields when they can be trusted, else by its content hash; a
 * re-hashed input comes back with the stat fields taken before it was read.
 */
function unchanged(input: InputFile): { ok: boolean; fresh?: InputFile } {
  const seenNs = BigInt(Date.now()) * 1_000_000n;
  let st;
  try {
    st = statSync(input.path, { bigint: true });
  } catch {
    return { ok: false };
  }
  if (!st.isFile()) return { ok: false };
  if (
    Number(st.size) === input.size &&
    String(st.mtimeNs) === input.mtimeNs &&
    String(st.ctimeNs) === input.ctimeNs &&
    String(st.ino) === input.ino &&
    st.mtimeNs + RACY_NS < BigInt(input.seenNs)
  ) {
    return { ok: true };
  }
  try {
    const hash = createHash('sha256').update(readFileSync(input.path)).digest('hex');
    if (hash !== input.sha256) return { ok: false };
    return { ok: true, fresh: { ...input, size: Number(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino), seenNs: String(seenNs) } };
  } catch {
    return { ok: false };
  }
}

/** A derived result with its key in the derived-result cache (none when that is off) and the inputs it was computed from. */
export interface Derived<T> {
  value: T;
  key?: string;
  inputs: InputFile[];
}

/** A derived-result cache for one kind of result ("consolidation", "facts", …). */
export class DerivedCache {
  constructor(
    readonly kind: string,
    private readonly root = cacheRoot(),
  ) {}

  private requestFile(request: string): string {
    return join(this.root!, 'derived', 'requests', `${sha(toolFingerprint(), this.kind, request).slice(0, 40)}.json`);
  }

  private entryDir(key: string): string {
    return join(this.root!, 'derived', this.kind, key);
  }

  /**
   * The entry folder for `request` if every input it was computed from is unchanged, with those inputs;
   * undefined on a miss (or when the cache is off).
   */
  lookup(request: string): { dir: string; key: string; inputs: InputFile[] } | undefined {
    if (!this.root) return undefined;
    let rec: RequestRecord;
    try {
      rec = JSON.parse(readFileSync(this.requestFile(request), 'utf8')) as RequestRecord;
    } catch {
      count(this.kind, 'misses');
      return undefined;
    }
    let rehashed = false;
    const inputs: InputFile[] = [];
    for (const input of rec.inputs) {
      const r = unchanged(input);
      if (!r.ok) {
        count(this.kind, 'misses');
        return undefined;
      }
      if (r.fresh) rehashed = true;
      inputs.push(r.fresh ?? input);
    }
    const key = contentKey(this.kind, request, rec.inputs);
    if (key !== rec.key) {
      count(this.kind, 'misses');
      return undefined;
    }
    const dir = this.entryDir(key);
    try {
      if (!statSync(join(dir, '.complete')).isFile()) throw new Error('incomplete');
    } catch {
      count(this.kind, 'misses');
      return undefined;
    }
    if (rehashed) {
      // the inputs kept their content but not their stat fields (touched, copied): remember the new
      // stat fields so that the next run need not hash them again
      derivedCacheStats.rehashed++;
      this.remember(request, key, inputs);
    }
    count(this.kind, 'hits');
    return { dir, key, inputs };
  }

  /**
   * Store a result computed from `inputs`: `write(dir)` fills a fresh folder, which then becomes the
   * entry. Returns the entry folder and key, or undefined when the cache is off, the disk refused, or
   * the tool's code was written since this process started (its result may be the old code's).
   */
  store(request: string, inputs: InputFile[], write: (dir: string) => void): { dir: string; key: string } | undefined {
    if (!this.root) return undefined;
    // code written since this process started (also after the fingerprint was taken: modules are
    // imported as they are needed) may not be the code that computed the result
    if (writtenSinceStart(newestMtimeNs(codeFiles()))) return undefined;
    const unique = [...new Map(inputs.map((i) => [i.path, i])).values()];
    const key = contentKey(this.kind, request, unique);
    const dir = this.entryDir(key);
    try {
      let exists = false;
      try {
        exists = statSync(join(dir, '.complete')).isFile();
      } catch {
        /* not there yet */
      }
      if (!exists) {
        const tmp = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        mkdirSync(tmp, { recursive: true });
        try {
          write(tmp);
          writeFileSync(join(tmp, '.complete'), `${key}\n`);
          try {
            renameSync(tmp, dir);
          } catch {
            // another process stored the same entry first: the same content, keep theirs
            rmSync(tmp, { recursive: true, force: true });
          }
        } catch (e) {
          rmSync(tmp, { recursive: true, force: true });
          throw e;
        }
      }
      this.remember(request, key, unique);
      this.prune(key);
      return { dir, key };
    } catch {
      derivedCacheStats.writeErrors++;
      return undefined;
    }
  }

  /**
   * The result for `request`: read from its entry (`read`) when every input is unchanged, else computed
   * (`compute`, which says what it read) and stored (`write`). A damaged entry (cut short, unreadable)
   * is a miss: removed, then computed again. `key` is the entry's key (none when the cache is off).
   */
  async getOrCompute<T>(
    request: string,
    read: (dir: string) => T,
    compute: () => Promise<{ value: T; inputs: InputFile[] }>,
    write: (dir: string, value: T) => void,
  ): Promise<Derived<T>> {
    const hit = this.get(request, read);
    if (hit) return hit;
    const { value, inputs } = await compute();
    const stored = this.store(request, inputs, (dir) => write(dir, value));
    return { value, key: stored?.key, inputs };
  }

  /**
   * The stored result for `request` (`read` from its entry) when every input is unchanged; undefined on
   * a miss. A damaged entry (cut short, unreadable) is a miss and is removed.
   */
  get<T>(request: string, read: (dir: string) => T): { value: T; key: string; inputs: InputFile[] } | undefined {
    const hit = this.lookup(request);
    if (!hit) return undefined;
    try {
      return { value: read(hit.dir), key: hit.key, inputs: hit.inputs };
    } catch {
      this.discard(hit.key);
      return undefined;
    }
  }

  /** Remove an entry found damaged (cut short, unreadable), so that the next store writes it anew. */
  private discard(key: string): void {
    if (!this.root || !/^[0-9a-f]{64}$/.test(key)) return;
    const dir = this.entryDir(key);
    const gone = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}.discarded`;
    try {
      renameSync(dir, gone); // at once out of sight of readers, then removed
      rmSync(gone, { recursive: true, force: true });
    } catch {
      /* already gone */
    }
  }

  /** Keep the newest entries of this kind (other corpora, other checkouts), remove older ones. */
  private prune(keep: string): void {
    const base = join(this.root!, 'derived', this.kind);
    try {
      const entries = readdirSync(base)
        .filter((n) => /^[0-9a-f]{64}$/.test(n) && n !== keep)
        .map((n) => ({ n, t: statSync(join(base, n, '.complete'), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
        .sort((a, b) => b.t - a.t);
      // an entry another process may still be reading (versions are read on first use) is left alone
      const old = Date.now() - IN_USE_MS;
      for (const e of entries.slice(KEEP_ENTRIES - 1)) if (e.t < old) rmSync(join(base, e.n), { recursive: true, force: true });
    } catch {
      /* pruning only saves space */
    }
  }

  private remember(request: string, key: string, inputs: InputFile[]): void {
    pruneOld(join(this.root!, 'derived', 'requests'), CACHE_MAX_AGE_MS);
    const rec: RequestRecord = { key, inputs };
    try {
      writeFileAtomic(this.requestFile(request), JSON.stringify(rec));
    } catch {
      derivedCacheStats.writeErrors++;
    }
  }
}
