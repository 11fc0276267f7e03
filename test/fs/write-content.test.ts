/**
 * A file written from chunks holds exactly their bytes in order, however many there are (more than one
 * gathered write takes: IOV_MAX is 1024 on Linux), with empty chunks among them, or none at all; and a
 * file written atomically from chunks leaves no temporary file.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentBytes, writeContentSync, writeFileAtomic } from '../../src/fs/write-file-atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'fassung-write-content-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeContentSync', () => {
  it('writes the chunks in order, byte for byte, for any number of chunks', () => {
    fc.assert(
      // chunk i is `lengths[i mod k]` bytes of a pattern: any count up to 3 000, empty chunks among them
      fc.property(fc.nat({ max: 3000 }), fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 7 }), fc.uint8Array({ minLength: 40, maxLength: 40 }), (n, lengths, pattern) => {
        const chunks = Array.from({ length: n }, (_, i) => Buffer.from(pattern.subarray(i % 3, (i % 3) + lengths[i % lengths.length])));
        const file = join(dir, 'chunks.bin');
        writeContentSync(file, chunks);
        expect(readFileSync(file).equals(Buffer.concat(chunks))).toBe(true);
        expect(contentBytes(chunks).equals(Buffer.concat(chunks))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('truncates what the file held before; a text and a buffer are written as their UTF-8 bytes', () => {
    const file = join(dir, 'over.txt');
    writeContentSync(file, 'ä'.repeat(5000));
    writeContentSync(file, [Buffer.from('§ 1'), Buffer.alloc(0), Buffer.from(' neu')]);
    expect(readFileSync(file, 'utf8')).toBe('§ 1 neu');
    writeContentSync(file, []);
    expect(readFileSync(file).length).toBe(0);
    writeContentSync(file, '„Angabe“');
    expect(readFileSync(file, 'utf8')).toBe('„Angabe“');
    writeContentSync(file, Buffer.from('Satz 2'));
    expect(readFileSync(file, 'utf8')).toBe('Satz 2');
  });

  it('writeFileAtomic takes chunks too and leaves only the file', () => {
    const sub = join(dir, 'atomic');
    const chunks = Array.from({ length: 2500 }, (_, i) => Buffer.from(`${i}\n`));
    writeFileAtomic(join(sub, 'f.txt'), chunks);
    expect(readFileSync(join(sub, 'f.txt')).equals(Buffer.concat(chunks))).toBe(true);
    expect(readdirSync(sub)).toEqual(['f.txt']);
  });
});
