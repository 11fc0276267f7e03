import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = resolve(process.env.FASSUNG_CORPUS ?? resolve(ROOT, '..', 'shared', 'corpus'));
export const HAS_CORPUS = existsSync(CORPUS);
