/**
 * What a built site is made from, as one hash: the site input (every distinct § once: the versions
 * share most of them), the code that renders it (the modules build-site.ts reaches, and the assets),
 * the dependencies' versions (package-lock.json, and node_modules/.package-lock.json for what is
 * installed: pagefind writes the search index), the Node version, pagefind's binary path and the options.
 *
 * The `site` command keeps a site whose content key is unchanged although the tool changed: a change
 * to the act parser, the CLI or the tests that leaves the consolidation as it was does not cost a
 * rebuild of 5 000 pages. buildSite reads nothing but its input and its assets, and the pages carry no
 * date of their own, so the same key means the same pages.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependencyFiles, filesFingerprint, scanClosure } from '../cache/module-closure.js';
import { newestMtimeNs, writtenSinceStart } from '../cache/cache-root.js';
import { ASSET_DIRS } from './build-site.js';
import { memoByObject } from './memo.js';
import type { SiteInput } from './types.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** The site's code, hashed once per process: the fingerprint, the files, and whether the scan saw every import. */
let code: { print: string; files: string[]; complete: boolean } | undefined;

/** The site's code: build-site and what it imports, the asset folders it reads, the dependency files. */
function siteCode(): { print: string; files: string[]; complete: boolean } {
  if (code) return code;
  // build-site.js when compiled, build-site.ts when run from the sources
  const closure = [join(HERE, 'build-site.js'), join(HERE, 'build-site.ts')].map(scanClosure).find((c) => c.files.length > 1) ?? { files: [], complete: false };
  const assets = [...new Set(ASSET_DIRS)].flatMap((dir) => {
    try {
      return readdirSync(dir).sort().map((n) => join(dir, n));
    } catch {
      return [];
    }
  });
  const files = [...new Set([...closure.files, ...assets, ...dependencyFiles()])];
  code = { print: filesFingerprint(files), files, complete: closure.complete };
  return code;
}

/**
 * Was any file of the site's code written since this process started? Then it may have loaded an older
 * version of it than the one it hashed, and its site must not be recorded under the key.
 */
export function siteCodeChangedSinceStart(): boolean {
  return writtenSinceStart(newestMtimeNs(siteCode().files));
}

/**
 * The content key of the site built from `input` with these options; undefined when the site's code
 * has an import the closure scan cannot follow (then nothing can be said of its pages without building).
 */
export function siteContentKey(input: SiteInput, options: { search: boolean }): string | undefined {
  const { print, complete } = siteCode();
  if (!complete) return undefined;
  const h = createHash('sha256');
  // JSON text never holds a raw NUL, so NUL separates the pieces unambiguously
  const put = (piece: string) => h.update(piece).update('\0');
  put(print);
  put(process.version);
  put(process.env.PAGEFIND_BINARY_PATH ?? '');
  put(options.search ? 'search' : 'no-search');
  const nodeHash = memoByObject((node: object) => createHash('sha256').update(JSON.stringify(node)).digest('hex'));
  const { consolidation, ...rest } = input;
  put(JSON.stringify(rest));
  const { laws, ...consolidationRest } = consolidation;
  put(JSON.stringify(consolidationRest));
  put(String(laws.length));
  for (const law of laws) {
    const { versions, ...lawRest } = law;
    put(JSON.stringify(lawRest));
    put(String(versions.length));
    for (const version of versions) {
      const { tree, ...meta } = version;
      const { body, ...head } = tree;
      put(JSON.stringify(meta));
      put(JSON.stringify(head));
      put(String(body.length));
      for (const node of body) put(nodeHash(node));
    }
  }
  return h.digest('hex');
}
