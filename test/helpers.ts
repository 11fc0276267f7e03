import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = resolve(process.env.FASSUNG_CORPUS ?? resolve(ROOT, '..', 'shared', 'corpus'));
export const HAS_CORPUS = existsSync(CORPUS);

/** Every file below `dir` (relative path → bytes), in sorted order: for byte-for-byte comparisons. */
export function fileTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, rel + name + '/');
      else out.set(rel + name, readFileSync(p));
    }
  };
  walk(dir, '');
  return out;
}
