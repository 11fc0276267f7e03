/**
 * The modules a module imports from this package, transitively, and a fingerprint of their contents:
 * the code one result depends on, so that a change elsewhere in the tool does not count as a change
 * of that result.
 *
 * Relative specifiers are taken from the text: every quoted './x.js' or '../y.js' (a type-only import
 * or one in a comment only adds a file, which is the safe side). Run from the TypeScript sources, a
 * './x.js' that does not exist is read as './x.ts'. Imports of packages are not followed: their
 * versions are in package-lock.json, which the callers add.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PROJECT_ROOT } from '../package-root.js';

const RELATIVE_SPECIFIER = /['"](\.\.?\/[^'"\s]+?\.js)['"]/g;

function resolveSpecifier(from: string, spec: string): string {
  const js = join(dirname(from), spec);
  if (existsSync(js)) return js;
  const ts = js.replace(/\.js$/, '.ts');
  return existsSync(ts) ? ts : js;
}

/**
 * Imports this scan cannot follow: a computed dynamic import, a JSON, .mjs or .cjs module, a `#` subpath
 * or a `require` of anything but a package by its name (a package's version is in the lock files). A
 * closure that holds one is incomplete, and a fingerprint of it proves nothing.
 */
const UNFOLLOWED = /\bimport\(\s*[^'"\s]|['"]\.\.?\/[^'"\s]+\.(?:json|mjs|cjs)['"]|\bfrom\s*['"]#|\brequire\(\s*(?:['"][.\/#]|[^'"\s])/;

/** Every module `entry` reaches through relative imports, itself included, sorted. */
export function moduleClosure(entry: string): string[] {
  return scanClosure(entry).files;
}

/** The closure, and whether every import in it was one the scan follows (see UNFOLLOWED). */
export function scanClosure(entry: string): { files: string[]; complete: boolean } {
  let complete = true;
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // a missing module still counts, by its name
    }
    if (UNFOLLOWED.test(text)) complete = false;
    for (const m of text.matchAll(RELATIVE_SPECIFIER)) todo.push(resolveSpecifier(file, m[1]));
  }
  return { files: [...seen].sort(), complete };
}

/**
 * The files that say which packages the code runs with: package.json, the lock file, and npm's record of
 * what is installed (node_modules/.package-lock.json).
 */
export function dependencyFiles(): string[] {
  const root = PROJECT_ROOT;
  return ['package.json', 'package-lock.json', join('node_modules', '.package-lock.json')].map((f) => join(root, f));
}

/** A hash of these files (their paths within the package and their bytes; a missing file by its name). */
export function filesFingerprint(files: string[]): string {
  const root = PROJECT_ROOT;
  const h = createHash('sha256');
  for (const f of files) {
    h.update(relative(root, f)).update('\0');
    try {
      h.update(readFileSync(f));
    } catch {
      h.update('missing');
    }
    h.update('\0');
  }
  return h.digest('hex');
}
