/**
 * Every input file fassung reads goes through here: regular files only (never a device, FIFO or
 * directory, so `/dev/zero` or a named pipe cannot make a run read forever or hang), with a size limit
 * checked on the open file descriptor (a file that grows while read is cut at the limit and refused),
 * JSON with a bounded nesting depth (checked before parsing, so a 200 000-deep document is one clear
 * error, not a stack overflow), and corpus files through one real-path check against the corpus root
 * (a `../` path or a symbolic link leading out of the corpus is refused).
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';

/** Largest text input (a statute is < 1 MB; 20 MB leaves room and stops runaway inputs). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Largest JSON input (manifest, profile, fact catalogue, parameter table: each a few kB today). */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;
/** Deepest JSON nesting accepted (our JSON inputs nest at most 6 deep). */
export const MAX_JSON_DEPTH = 64;

export interface ReadOptions {
  /** what the file is, for messages: "manifest", "profile", "act file" */
  what?: string;
  maxBytes?: number;
  /** error code when the file does not exist (default "file-missing") */
  missingCode?: string;
  /** open with O_NOFOLLOW: the last path component must not be a symbolic link */
  noFollow?: boolean;
  /**
   * Read into this buffer when the file fits (with 64 KiB to spare): the bytes returned are then a view
   * of it, valid until it is written again. Reading many files into one warm buffer spares the page
   * faults of fresh memory, which cost more than the read itself (24 MB: 6 ms against 85 ms).
   */
  into?: Buffer;
}

function systemError(e: unknown, file: string, what: string, missingCode: string): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError(`${what} not found: ${file}`, missingCode);
  if (code === 'EACCES' || code === 'EPERM') return new UserError(`${what} not readable (permission denied): ${file}`, 'file-unreadable');
  if (code === 'ELOOP') return new UserError(`${what} is a symbolic link where none is allowed (or a link loop): ${file}`, 'file-symlink');
  if (code === 'ENAMETOOLONG') return new UserError(`${what}: path too long: ${file.slice(0, 120)}…`, 'file-missing');
  return new UserError(`${what} cannot be read: ${file} (${code ?? (e as Error).message})`, 'file-unreadable');
}

/**
 * One input file as it was read: its path, content hash and the stat fields that change whenever its
 * content changes (size, mtime, ctime in nanoseconds, inode). A cache of results derived from inputs
 * (src/cache/derived-cache.ts) keys on the hashes and uses the stat fields only to skip re-hashing.
 */
export interface InputFile {
  path: string;
  sha256: string;
  size: number;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  /** when the stat fields were taken (ns since the epoch, taken before them) */
  seenNs: string;
}

/** The active recorders (nested calls of recordInputs); each sees every file read while it is active. */
const recorders: Array<Map<string, InputFile>> = [];

/**
 * Run `f` and return, beside its value, every file read through this module while it ran (each path
 * once, in first-read order). Recorders nest: an outer one sees the reads of an inner one too.
 */
export function recordInputs<T>(f: () => T): { value: T; inputs: InputFile[] } {
  const seen = new Map<string, InputFile>();
  recorders.push(seen);
  try {
    const value = f();
    return { value, inputs: [...seen.values()] };
  } finally {
    recorders.splice(recorders.lastIndexOf(seen), 1);
  }
}

/** The stat fields of an open file, taken before its bytes are read (a later change shows in them). */
function statBefore(fd: number): { st: import('node:fs').BigIntStats; seenNs: bigint } {
  const seenNs = BigInt(Date.now()) * 1_000_000n;
  return { st: fstatSync(fd, { bigint: true }), seenNs };
}

function noteRead(file: string, { st, seenNs }: ReturnType<typeof statBefore>, bytes: Buffer): void {
  const input: InputFile = {
    path: resolve(file),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    mtimeNs: String(st.mtimeNs),
    ctimeNs: String(st.ctimeNs),
    ino: String(st.ino),
    seenNs: String(seenNs),
  };
  for (const r of recorders) if (!r.has(input.path)) r.set(input.path, input);
}

/** The bytes of a regular file, at most `maxBytes` of them; anything else is a UserError. */
export function readRegularFile(file: string, options: ReadOptions = {}): Buffer {
  const what = options.what ?? 'file';
  const max = options.maxBytes ?? MAX_INPUT_BYTES;
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer; we refuse it after fstat anyway
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (e) {
    throw systemError(e, file, what, options.missingCode ?? 'file-missing');
  }
  try {
    // one fstat (the bigint one, with nanoseconds) serves the checks and the record of the read
    const before = statBefore(fd);
    const st = before.st;
    if (st.isDirectory()) throw new UserError(`${what} is a folder, not a file: ${file}`, 'file-not-regular');
    if (!st.isFile()) throw new UserError(`${what} is not a regular file (a device, pipe or socket): ${file}`, 'file-not-regular');
    const size = Number(st.size);
    if (size > max) throw new UserError(`${what} too large: ${file} (${size} bytes; limit ${max})`, 'file-too-large');
    // read up to max + 1 bytes: a file that grows past the limit while we read is refused too
    const chunks: Buffer[] = [];
    let total = 0;
    let scratch = options.into;
    for (;;) {
      const want = Math.min(Math.max(size - total, 0) + 65536, max + 1 - total);
      const buf = scratch && scratch.length >= want ? scratch.subarray(0, want) : Buffer.allocUnsafe(want);
      scratch = undefined; // only the first read goes there: later ones would overwrite it
      if (buf.length === 0) break;
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > max) throw new UserError(`${what} too large: ${file} (more than ${max} bytes)`, 'file-too-large');
    }
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    if (recorders.length) noteRead(file, before, bytes);
    return bytes;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw systemError(e, file, what, options.missingCode ?? 'file-missing');
  } finally {
    closeSync(fd);
  }
}

/** A UTF-8 text file (regular, size-limited, no NUL bytes, valid UTF-8). */
export function readTextFile(file: string, options: ReadOptions = {}): string {
  const buf = readRegularFile(file, options);
  const what = options.what ?? 'file';
  refuseNul(buf, file, what);
  return decodeUtf8(buf, file, what);
}

/** Bytes with a NUL are no text file (a UserError naming `what` and the file). */
export function refuseNul(bytes: Buffer, file: string, what: string): void {
  if (bytes.includes(0)) throw new UserError(`${what} is not a text file (contains NUL bytes): ${file}`, 'file-binary');
}

/** The text of UTF-8 bytes; bytes that are not UTF-8 are a UserError naming `what` and the file. */
export function decodeUtf8(bytes: Buffer, file: string, what: string): string {
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new UserError(`${what} is not valid UTF-8 text: ${file}`, 'file-binary');
  return text;
}

/**
 * The deepest nesting of arrays and objects in a JSON text, scanning at most until `limit` is passed
 * (strings and escapes skipped). Linear time, no recursion.
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

export interface JsonOptions extends ReadOptions {
  /** error code when the file is not valid JSON (default "json-invalid") */
  invalidCode?: string;
  maxDepth?: number;
}

/** Parse JSON text with a bounded nesting depth; every failure is a one-line UserError. */
export function parseJsonText(text: string, file: string, options: JsonOptions = {}): unknown {
  const what = options.what ?? 'JSON file';
  const code = options.invalidCode ?? 'json-invalid';
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  if (jsonDepth(text, maxDepth) > maxDepth) {
    throw new UserError(`malformed ${what} ${file}: JSON nested deeper than ${maxDepth} levels`, code);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UserError(`malformed ${what} ${file}: not valid JSON (${(e as Error).message.split('\n')[0]})`, code);
  }
}

/** Read and parse a JSON input file (regular file, ≤ 5 MB, nesting ≤ 64). */
export function readJsonFile(file: string, options: JsonOptions = {}): unknown {
  const text = readTextFile(file, { maxBytes: MAX_JSON_BYTES, ...options });
  return parseJsonText(text, file, options);
}

/**
 * The one gate for corpus files: `rel` must stay inside `corpusDir` both as written and after every
 * symbolic link is followed (the corpus root itself may be a link). Returns the real path.
 */
export function corpusRealPath(corpusDir: string, rel: string, what = 'corpus file'): string {
  const root = resolve(corpusDir);
  const file = resolve(root, rel);
  if (!file.startsWith(root + sep)) {
    throw new UserError(`${what} ${JSON.stringify(rel)} leaves the corpus directory ${corpusDir}`, 'path-outside-corpus');
  }
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(file);
  } catch (e) {
    throw systemError(e, file, what, 'file-missing');
  }
  if (!real.startsWith(realRoot + sep)) {
    throw new UserError(`${what} ${JSON.stringify(rel)} is a symbolic link leading out of the corpus directory ${corpusDir} (to ${real})`, 'path-outside-corpus');
  }
  return real;
}

/** Read a corpus text file: the real-path check, then a regular, size-limited UTF-8 file. */
export function readCorpusText(corpusDir: string, rel: string, options: ReadOptions = {}): string {
  const real = corpusRealPath(corpusDir, rel, options.what);
  // O_NOFOLLOW on the resolved path: a link swapped in after the check is refused, not followed
  return readTextFile(real, { ...options, noFollow: true });
}

/** The bytes of a corpus file (the real-path check, a regular, size-limited file), not decoded. */
export function readCorpusBytes(corpusDir: string, rel: string, options: ReadOptions = {}): Buffer {
  const real = corpusRealPath(corpusDir, rel, options.what);
  return readRegularFile(real, { ...options, noFollow: true });
}
