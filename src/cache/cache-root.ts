/** Where fassung keeps its caches, and where its package root is (shared by every cache). */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The nearest parent folder of this module with a package.json (the package root). */
export function packageRoot(): string {
  let dir = HERE;
  for (let i = 0; i < 6; i++) {
    try {
      statSync(join(dir, 'package.json'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  return resolve(HERE, '..', '..');
}

/** The cache root: `$FASSUNG_CACHE`, else `node_modules/.cache/fassung` of this package; undefined when off. */
export function cacheRoot(): string | undefined {
  const env = process.env.FASSUNG_CACHE;
  if (env === 'off' || env === '0') return undefined;
  return env ? resolve(env) : join(packageRoot(), 'node_modules', '.cache', 'fassung');
}
