/**
 * Random damage to the real Verordnung (deleted lines, cut quotes, shuffled numbering lines) never
 * crashes cleaning, parsing or loading the act, and every diagnostic points into the damaged file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanActText } from '../../src/act/clean-text.js';
import { parseActFragment } from '../../src/act/parse-act.js';
import { loadAct } from '../../src/act/load-act.js';
import { loadManifest, resolveCorpusDir } from '../../src/corpus/manifest.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const manifest = loadManifest();
const dir = resolveCorpusDir();
const entry = manifest.acts.find((a) => a.id === 'bgbl-2023-i-233')!;
const FILE = entry.files[0];
const original = readFileSync(join(dir, FILE), 'utf8');
const originalLines = original.split('\n');
const NUMBERING = /^\s*(?:\d+[a-z]?\.|[a-z]{1,3}\))(?:\s|$)/;
const numberingIdx = originalLines.flatMap((l, i) => (NUMBERING.test(l) ? [i] : []));

type Damage =
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'cut-quote'; nth: number; open: boolean }
  | { kind: 'shuffle-numbering'; a: number; b: number }
  | { kind: 'truncate'; at: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('delete-lines' as const), at: fc.nat(originalLines.length - 1), count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('cut-quote' as const), nth: fc.nat(400), open: fc.boolean() }),
  fc.record({ kind: fc.constant('shuffle-numbering' as const), a: fc.nat(numberingIdx.length - 1), b: fc.nat(numberingIdx.length - 1) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(original.length) }),
);

function apply(text: string, ds: Damage[]): string {
  let lines = text.split('\n');
  for (const d of ds) {
    if (d.kind === 'delete-lines') {
      lines.splice(Math.min(d.at, lines.length), d.count);
    } else if (d.kind === 'cut-quote') {
      const t = lines.join('\n');
      const ch = d.open ? '„' : '“';
      const positions = [...t.matchAll(new RegExp(ch, 'g'))].map((m) => m.index!);
      if (positions.length) {
        const p = positions[d.nth % positions.length];
        lines = (t.slice(0, p) + t.slice(p + 1)).split('\n');
      }
    } else if (d.kind === 'shuffle-numbering') {
      // swap the numbering labels of two numbering lines (the lines stay where they are)
      const idx = lines.flatMap((l, i) => (NUMBERING.test(l) ? [i] : []));
      if (idx.length >= 2) {
        const i = idx[d.a % idx.length];
        const j = idx[d.b % idx.length];
        const li = NUMBERING.exec(lines[i])![0];
        const lj = NUMBERING.exec(lines[j])![0];
        lines[i] = lj + lines[i].slice(li.length);
        lines[j] = li + lines[j].slice(lj.length);
      }
    } else {
      lines = lines.join('\n').slice(0, d.at).split('\n');
    }
  }
  return lines.join('\n');
}

function checkLocations(ds: Diagnostic[], lineCount: number): void {
  for (const d of ds) {
    if (!d.location || d.location.file !== FILE) continue;
    expect(d.location.line, `${d.code}: ${d.message}`).toBeGreaterThanOrEqual(1);
    expect(d.location.line, `${d.code}: ${d.message}`).toBeLessThanOrEqual(lineCount);
    expect(d.location.column).toBeGreaterThanOrEqual(1);
  }
}

describe('fuzzing the Verordnung text', () => {
  it('damaged text never crashes and diagnostics stay inside the file', () => {
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 6 }), (ds) => {
        const text = apply(original, ds);
        const lineCount = text.replace(/\r\n?/g, '\n').split('\n').length;
        const clean = cleanActText(FILE, text);
        expect(clean.lineCount).toBe(lineCount);
        const frag = parseActFragment(clean);
        checkLocations(frag.diagnostics, lineCount);
        const act = loadAct(entry, manifest, () => text);
        checkLocations(act.diagnostics, lineCount);
        for (const i of act.instructions) {
          expect(i.source.line).toBeGreaterThanOrEqual(1);
          expect(i.source.line).toBeLessThanOrEqual(lineCount);
          checkLocations(i.diagnostics, lineCount);
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  }, 120_000);
});
