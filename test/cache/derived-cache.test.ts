/**
 * The derived-result cache: a result is read back only while every input it was computed from has the
 * same content; a change of content is a miss however the stat fields look; stored consolidations read
 * back equal, their versions loaded on first use.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DerivedCache } from '../../src/cache/derived-cache.js';
import { readConsolidation, writeConsolidation } from '../../src/cache/consolidation-store.js';
import { readTextFile, recordInputs } from '../../src/corpus/read-file.js';
import type { Consolidation } from '../../src/consolidate/types.js';

const work = mkdtempSync(join(tmpdir(), 'fassung-derived-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function setup(name: string) {
  const dir = join(work, name);
  const root = join(dir, 'cache');
  const input = join(dir, 'input.txt');
  require_dir(dir);
  writeFileSync(input, 'Absatz 1: 25 000');
  // an input older than the racy window, as corpus files are
  const old = new Date(Date.now() - 60_000);
  utimesSync(input, old, old);
  const cache = new DerivedCache('test', root);
  const compute = () => {
    const run = recordInputs(() => readTextFile(input));
    return cache.store('request', run.inputs, (d) => writeFileSync(join(d, 'value.txt'), run.value));
  };
  return { input, cache, compute };
}

function require_dir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

describe('lookup', () => {
  test('a stored result is found while its input is unchanged, with the value written', () => {
    const { cache, compute } = setup('hit');
    expect(cache.lookup('request')).toBeUndefined();
    const stored = compute()!;
    const hit = cache.lookup('request')!;
    expect(hit.key).toBe(stored.key);
    expect(readFileSync(join(hit.dir, 'value.txt'), 'utf8')).toBe('Absatz 1: 25 000');
    expect(hit.inputs.map((i) => i.path)).toHaveLength(1);
    expect(cache.lookup('another request')).toBeUndefined();
  });

  test('changed content is a miss, also when size and mtime are put back', () => {
    const { input, cache, compute } = setup('changed');
    compute();
    const before = statSync(input);
    writeFileSync(input, 'Absatz 1: 50 000'); // same length
    utimesSync(input, before.atime, before.mtime);
    expect(statSync(input).size).toBe(before.size);
    expect(cache.lookup('request')).toBeUndefined();
  });

  test('a touched input with the same content is still a hit (hashed again, then remembered)', () => {
    const { input, cache, compute } = setup('touched');
    const stored = compute()!;
    const later = new Date(Date.now() - 30_000);
    utimesSync(input, later, later);
    expect(cache.lookup('request')?.key).toBe(stored.key);
    expect(cache.lookup('request')?.key).toBe(stored.key);
  });

  test('a removed input is a miss; so is an entry whose folder was deleted', () => {
    const a = setup('removed');
    a.compute();
    rmSync(a.input);
    expect(a.cache.lookup('request')).toBeUndefined();
    const b = setup('entry-gone');
    const stored = b.compute()!;
    rmSync(stored.dir, { recursive: true });
    expect(b.cache.lookup('request')).toBeUndefined();
  });

  test('an input written just now is never trusted by its stat fields alone', () => {
    const { input, cache, compute } = setup('racy');
    utimesSync(input, new Date(), new Date());
    compute();
    // same size, same second: only the content hash can tell
    const st = statSync(input);
    writeFileSync(input, 'Absatz 1: 99 999');
    utimesSync(input, st.atime, st.mtime);
    expect(cache.lookup('request')).toBeUndefined();
  });
});

describe('a stored consolidation', () => {
  const c: Consolidation = {
    laws: [
      {
        law: 'x',
        title: 'X-Gesetz',
        abbreviation: 'XG',
        versions: [
          { law: 'x', validFrom: '2024-01-01', validTo: null, isBase: true, complete: true, missing: [], changes: [], tree: { id: 'x', title: 'X', body: [] } as never, tiers: undefined, official: 'official/x/2024-01-01.md' },
        ],
      },
    ],
    changes: [],
    diagnostics: [{ severity: 'warning', code: 'w', message: 'm' }],
  };

  test('reads back equal, keys in the same order, the tree loaded on first use', () => {
    const dir = join(work, 'store');
    require_dir(dir);
    writeConsolidation(dir, c);
    const back = readConsolidation(dir);
    const v = back.laws[0].versions[0];
    expect(Object.keys(v)).toEqual(Object.keys(c.laws[0].versions[0]).filter((k) => k !== 'tiers'));
    expect(JSON.stringify(back)).toBe(JSON.stringify(c));
    // the versions are read only when a tree is touched: bytes changed after reading the index show then
    const lazy = readConsolidation(dir);
    const bin = join(dir, 'versions.bin');
    writeFileSync(bin, Buffer.alloc(statSync(bin).size, 0x20));
    expect(lazy.laws[0].versions[0].validFrom).toBe('2024-01-01');
    expect(() => lazy.laws[0].versions[0].tree).toThrow(SyntaxError);
    // an entry cut short is refused at once
    writeFileSync(bin, 'x');
    expect(() => readConsolidation(dir)).toThrow(/size/);
  });

  test('an Inhaltsübersicht and provenance records shared by versions are written once and shared again when read', () => {
    const inhalt = { kind: 'inhaltsuebersicht', id: 'inhalt', entries: [{ label: '§ 1', text: 'Zweck' }] };
    const para = { kind: 'paragraph', id: 'para-1', label: '1', heading: 'Zweck', absaetze: [] };
    const kept = { id: 'para-1', label: '§ 1', tier: 'official', since: '2024-01-01', source: { kind: 'official', file: 'a.md' } };
    const changed = { id: 'inhalt', label: 'Inhaltsübersicht', tier: 'derived-verified', since: '2024-03-01', source: { kind: 'act', changes: [0] } };
    const version = (validFrom: string, tree: object, units: object[]) => ({ law: 'x', validFrom, validTo: null, isBase: false, complete: true, missing: [], changes: [], tree, units, tiers: undefined });
    const shared: Consolidation = {
      laws: [
        {
          law: 'x',
          title: 'X-Gesetz',
          abbreviation: 'XG',
          versions: [
            // the Inhaltsübersicht between title and body, as the parser puts it; the last version has none
            version('2024-01-01', { lawId: 'x', title: 'X', inhalt, body: [para] }, [kept]),
            version('2024-03-01', { lawId: 'x', title: 'X', inhalt, body: [para] }, [kept, changed]),
            version('2024-06-01', { lawId: 'x', title: 'X', body: [para] }, [kept]),
          ] as never,
        },
      ],
      changes: [],
      diagnostics: [],
    };
    const dir = join(work, 'store-shared');
    require_dir(dir);
    writeConsolidation(dir, shared);
    // the Inhaltsübersicht is in nodes.bin once, the versions hold its number
    expect(readFileSync(join(dir, 'nodes.bin'), 'utf8').split('"inhaltsuebersicht"').length - 1).toBe(1);
    expect(readFileSync(join(dir, 'versions.bin'), 'utf8')).not.toContain('Zweck');
    const back = readConsolidation(dir);
    expect(JSON.stringify(back)).toBe(JSON.stringify(shared));
    const [a, b, c3] = back.laws[0].versions;
    expect(Object.keys(a.tree)).toEqual(['lawId', 'title', 'inhalt', 'body']);
    expect(Object.keys(c3.tree)).toEqual(['lawId', 'title', 'body']);
    expect(a.tree.inhalt).toBe(b.tree.inhalt);
    expect(a.units![0]).toBe(b.units![0]);
    expect(b.units![1]).toEqual(changed);
  });
});

describe('pruning', () => {
  test('entries not written for longer than the age limit go; recent ones stay', async () => {
    const { pruneOld } = await import('../../src/cache/cache-root.js');
    const dir = join(work, 'prune');
    require_dir(dir);
    writeFileSync(join(dir, 'old.json'), '{}');
    mkdirSync(join(dir, 'old-entry'));
    writeFileSync(join(dir, 'old-entry', 'x'), '');
    writeFileSync(join(dir, 'new.json'), '{}');
    const longAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    utimesSync(join(dir, 'old.json'), longAgo, longAgo);
    utimesSync(join(dir, 'old-entry'), longAgo, longAgo);
    pruneOld(dir, 14 * 24 * 3600 * 1000);
    expect(readdirSync(dir).sort()).toEqual(['new.json']);
  });
});

describe('code written while a process runs', () => {
  test('counts as written since its start (its results are not stored); code older than the start does not', async () => {
    const { writtenSinceStart } = await import('../../src/cache/cache-root.js');
    const ns = (ms: number) => BigInt(Math.floor(ms * 1e6));
    expect(writtenSinceStart(ns(Date.now()))).toBe(true);
    expect(writtenSinceStart(ns(performance.timeOrigin + 10))).toBe(true);
    // file times lag the precise clock by a few ms
    expect(writtenSinceStart(ns(performance.timeOrigin - 20))).toBe(true);
    // a build that ended before the start is what the process loaded
    expect(writtenSinceStart(ns(performance.timeOrigin - 2_000))).toBe(false);
  });
});

describe('file times of whole seconds', () => {
  test('a file system that keeps whole seconds gets a larger slack', async () => {
    const { writtenSinceStart } = await import('../../src/cache/cache-root.js');
    // rounded down to the second: written a moment after the start, it may show up to a second before it
    const wholeSecond = BigInt(Math.floor(performance.timeOrigin / 1000) * 1000 - 1000) * 1_000_000n;
    expect(writtenSinceStart(wholeSecond)).toBe(true);
    expect(writtenSinceStart(wholeSecond + 1n - 1_000_000_000n * 5n)).toBe(false);
  });
});
