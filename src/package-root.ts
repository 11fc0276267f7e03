/**
 * The project root: the nearest folder above this module with a package.json (from src/ or dist/src/
 * alike). The default manifest, fact catalogue and parameters live under its corpus/, the caches under
 * its node_modules/.cache/.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

function findProjectRoot(): string {
  let dir = HERE;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return resolve(HERE, '..');
}

export const PROJECT_ROOT = findProjectRoot();
