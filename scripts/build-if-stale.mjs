#!/usr/bin/env node
// Run `tsc -p tsconfig.json` only when a source is newer than the last successful build, so that
// `npm start` after a build goes straight to work. The stamp dist/.build-stamp is written after tsc
// succeeds; deleting dist/ (or the stamp) forces a build. `--force` always builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs; // a deleted file changes its directory
  for (const name of readdirSync(path)) m = Math.max(m, newest(join(path, name)));
  return m;
}

const inputs = ['src', 'bench', 'tsconfig.json', 'package.json', 'package-lock.json'].map((p) => join(root, p));
const sourceTime = Math.max(...inputs.map(newest));
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (!process.argv.includes('--force') && built >= sourceTime) {
  console.error('dist/ is up to date (tsc skipped)');
} else {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
