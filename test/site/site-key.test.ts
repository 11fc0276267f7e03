/**
 * The site's content key: the same for the same pages' input and code, different when anything the
 * pages are made of changes; and the module closure it rests on follows every relative import.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesFingerprint, moduleClosure, scanClosure } from '../../src/cache/module-closure.js';
import { siteContentKey } from '../../src/site/site-key.js';
import type { Paragraph } from '../../src/model/types.js';
import { fixtureInput } from './fixture.js';

const work = mkdtempSync(join(tmpdir(), 'fassung-site-key-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('moduleClosure', () => {
  it('follows relative imports (static, dynamic, re-exports, across folders), reads ./x.js as ./x.ts from sources, and nothing else', () => {
    const d = join(work, 'mods');
    mkdirSync(join(d, 'sub'), { recursive: true });
    writeFileSync(join(d, 'a.js'), "import { b } from './b.js';\nexport * from './sub/c.js';\nconst l = () => import('./lazy.js');\nimport pkg from 'p-queue';\n");
    writeFileSync(join(d, 'b.js'), "import type { T } from './types.js';\nexport const b = 1;\n");
    writeFileSync(join(d, 'types.ts'), 'export type T = 1;\n');
    writeFileSync(join(d, 'sub', 'c.js'), "export { x } from '../d.js';\n");
    writeFileSync(join(d, 'd.js'), 'export const x = 1;\n');
    writeFileSync(join(d, 'lazy.js'), 'export {};\n');
    writeFileSync(join(d, 'unrelated.js'), 'export {};\n');
    const names = moduleClosure(join(d, 'a.js')).map((f) => f.slice(d.length + 1));
    expect(names).toEqual(['a.js', 'b.js', 'd.js', 'lazy.js', 'sub/c.js', 'types.ts']);
    const before = filesFingerprint(moduleClosure(join(d, 'a.js')));
    writeFileSync(join(d, 'unrelated.js'), 'export const changed = 1;\n');
    expect(filesFingerprint(moduleClosure(join(d, 'a.js')))).toBe(before);
    writeFileSync(join(d, 'd.js'), 'export const x = 2;\n');
    expect(filesFingerprint(moduleClosure(join(d, 'a.js')))).not.toBe(before);
    expect(scanClosure(join(d, 'a.js')).complete).toBe(true);
  });

  it('says when it cannot follow an import (computed import(), JSON, .mjs, #subpath, require)', () => {
    const d = join(work, 'unfollowed');
    mkdirSync(d, { recursive: true });
    for (const [name, text] of [
      ['computed.js', 'const m = await import(`./${name}.js`);\n'],
      ['json.js', "import data from './data.json' with { type: 'json' };\n"],
      ['mjs.js', "import { x } from './x.mjs';\n"],
      ['subpath.js', "import { y } from '#internal/y';\n"],
      ['cjs.js', "const z = require('./z.js');\n"],
      ['absolute.js', "const z = require('/tmp/z.js');\n"],
      ['computed-require.js', 'const z = require(name);\n'],
      ['subpath-require.js', "const z = require('#internal/z');\n"],
    ]) {
      writeFileSync(join(d, 'entry.js'), `import './${name}';\n`);
      writeFileSync(join(d, name), text);
      expect(scanClosure(join(d, 'entry.js')).complete, name).toBe(false);
    }
    // a package required by its name is followed as an import of it is (its version is in the lock files)
    writeFileSync(join(d, 'package-require.js'), "const { unified } = require('unified');\nconst p = require( 'remark-parse' );\n");
    writeFileSync(join(d, 'entry.js'), "import './package-require.js';\n");
    expect(scanClosure(join(d, 'entry.js')).complete).toBe(true);
  });
});

describe('siteContentKey', () => {
  const key = (input = fixtureInput(), search = true) => siteContentKey(input, { search })!;

  it('is given for the site code of this package (every import of it is one the scan follows)', () => {
    expect(key()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same content (also a deep copy: it hashes content, not object identity)', () => {
    const input = fixtureInput();
    expect(key(input)).toBe(key(input));
    expect(key(structuredClone(input))).toBe(key(input));
    expect(key(fixtureInput())).toBe(key(input));
  });

  it('changes with a word of one §, an instruction, an act text, a fact, a law name, the options', () => {
    const base = key();
    const variants: Array<(i: ReturnType<typeof fixtureInput>) => void> = [
      (i) => {
        const v = i.consolidation.laws[0].versions[1];
        const p = v.tree.body.find((n) => n.kind === 'paragraph' && n.id === 'para-1') as Paragraph;
        v.tree.body = v.tree.body.map((n) => (n === p ? { ...p, heading: `${p.heading}x` } : n));
      },
      (i) => void (i.acts[0].instructions[0].wording += ' '),
      (i) => void (i.acts[0].text += '\n'),
      (i) => void (i.facts!.facts[0].timeline[0].display += '!'),
      (i) => void (i.lawNames = { bspv: ['Beispielverordnung'] }),
      (i) => void (i.consolidation.changes[0].status = 'failed'),
      (i) => void (i.consolidation.laws[0].versions[1].validTo = '2030-01-01'),
    ];
    for (const change of variants) {
      const input = fixtureInput();
      change(input);
      expect(key(input), change.toString()).not.toBe(base);
    }
    expect(key(fixtureInput(), false)).not.toBe(base);
  });
});
