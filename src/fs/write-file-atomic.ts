/**
 * A file written whole or not at all: the content goes to a temporary file beside it (a name unique
 * per process and call), which is then renamed over the file in one step; a failed write leaves no
 * temporary file behind. Every single-file write of fassung that a reader may meet half done goes
 * through here (cache records, output stamps, baselines, synopses).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writevSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The UTF-8 bytes of a text to write. Node 20 writes a string built by concatenation (a rope) 6–8 times
 * slower than the same text encoded first (measured: 19 ms against 3 ms for 1.8 MB), and the output's
 * Markdown and JSON are built that way.
 */
export const utf8 = (content: string | Buffer): Buffer => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);

/**
 * What a file is written from: a text, its UTF-8 bytes, or its bytes in parts (chunks). The output's
 * versions are put together from the bytes of each distinct §, shared by many versions: written part by
 * part they are never copied into one buffer per file (concatenating the 84 MB of the corpus's output
 * cost more than writing it).
 */
export type FileContent = string | Buffer | readonly Buffer[];

/** The bytes of a file content in one buffer (for a reader that needs them whole). */
export const contentBytes = (content: FileContent): Buffer => (typeof content === 'string' || Buffer.isBuffer(content) ? utf8(content) : Buffer.concat(content));

/** Write a file (created or truncated) from its content; chunks go to the file with gathered writes, none copied. */
export function writeContentSync(file: string, content: FileContent): void {
  if (typeof content === 'string' || Buffer.isBuffer(content)) return writeFileSync(file, utf8(content));
  const fd = openSync(file, 'w');
  try {
    let total = 0;
    for (const c of content) total += c.byteLength;
    // writevSync writes every chunk (libuv loops over IOV_MAX batches and short writes); a count that
    // differs would be a truncated file, so it is an error
    const written = content.length ? writevSync(fd, content as Buffer[]) : 0;
    if (written !== total) throw new Error(`${file}: wrote ${written} of ${total} bytes`);
  } finally {
    closeSync(fd);
  }
}

export function writeFileAtomic(file: string, content: FileContent): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    writeContentSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
