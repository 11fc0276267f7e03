/**
 * What a built site is made from, as one hash: the site input (every distinct § once: the versions
 * share most of them), the code that renders it (the modules build-site.ts reaches, and the assets),
 * the dependencies' versions (package-lock.json: pagefind writes the search index), the Node version
 * (its ICU formats and sorts) and the options.
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
import { packageRoot } from '../cache/cache-root.js';
import { filesFingerprint, moduleClosure } from '../cache/module-closure.js';
import type { SiteInput } from './types.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

let codePrint: string | undefined;

/** The site's code: build-site and what it imports, both asset folders it may read, the lock file. */
export function siteCodeFingerprint(): string {
  if (codePrint) return codePrint;
  const root = packageRoot();
  const entry = [join(HERE, 'build-site.js'), join(HERE, 'build-site.ts')].find((f) => moduleClosure(f).length > 1) ?? join(HERE, 'build-site.js');
  const assets = [join(HERE, 'assets'), join(root, 'src', 'site', 'assets')].flatMap((dir) => {
    try {
      return readdirSync(dir).sort().map((n) => join(dir, n));
    } catch {
      return [];
    }
  });
  codePrint = filesFingerprint([...moduleClosure(entry), ...assets, join(root, 'package.json'), join(root, 'package-lock.json')]);
  return codePrint;
}

/** The content key of the site built from `input` with these options. */
export function siteContentKey(input: SiteInput, options: { search: boolean }): string {
  const h = createHash('sha256');
  // JSON text never holds a raw NUL, so NUL separates the pieces unambiguously
  const put = (piece: string) => h.update(piece).update('\0');
  put(siteCodeFingerprint());
  put(process.version);
  put(options.search ? 'search' : 'no-search');
  const nodeHashes = new WeakMap<object, string>();
  const nodeHash = (node: object): string => {
    let d = nodeHashes.get(node);
    if (d === undefined) nodeHashes.set(node, (d = createHash('sha256').update(JSON.stringify(node)).digest('hex')));
    return d;
  };
  const { consolidation, ...rest } = input;
  put(JSON.stringify(rest));
  const { laws, ...consolidationRest } = consolidation;
  put(JSON.stringify(consolidationRest));
  for (const law of laws) {
    const { versions, ...lawRest } = law;
    put(JSON.stringify(lawRest));
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
