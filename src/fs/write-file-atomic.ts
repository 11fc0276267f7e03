/**
 * A file written whole or not at all: the content goes to a temporary file beside it (a name unique
 * per process and call), which is then renamed over the file in one step; a failed write leaves no
 * temporary file behind. Every single-file write of fassung that a reader may meet half done goes
 * through here (cache records, output stamps, baselines, synopses).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(file: string, content: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
