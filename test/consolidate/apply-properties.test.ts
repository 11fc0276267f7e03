/**
 * Property tests of the apply engine on generated laws: a word replacement, insertion or deletion
 * changes exactly the addressed unit; a renumbering followed by an insertion that reuses the freed
 * number gives the tree built by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../src/consolidate/apply.js';
import { applyInstructions } from '../../src/consolidate/consolidate.js';
import type { InstructionRecord } from '../../src/act/load-act.js';
import type { Operation } from '../../src/act/operations.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { serializeLaw } from '../../src/model/serialize.js';
import { unitText } from '../../src/model/text-of.js';
import type { Absatz, Law, Paragraph } from '../../src/model/types.js';

const WORDS = ['Antrag', 'Behörde', 'Frist', 'Nachweis', 'Aufenthalt', 'Erlaubnis', 'Vorschrift', 'Zustimmung', 'Einreise', 'Prüfung', 'Bescheid', 'Gebühr'];
const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 3, maxLength: 7 }).map((ws) => `Die ${ws.join(' ')} gilt.`);
const absatz = fc.array(sentence, { minLength: 1, maxLength: 3 });
const law = fc.array(fc.array(absatz, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });

/** kmein Markdown of a generated law: §§ 1…n, each with Absätze (1)…(m) */
function markdown(ps: string[][][]): string {
  const out = ['% Testverordnung (Testverordnung - TestV)', ''];
  ps.forEach((abs, i) => {
    out.push(`# § ${i + 1} – Paragraph ${i + 1}`, '');
    abs.forEach((ss, k) => out.push(`(${k + 1}) ${ss.join(' ')}`, ''));
  });
  return out.join('\n');
}

const addr = (p: string, a?: string) => [{ kind: 'paragraph' as const, labels: [p] }, ...(a ? [{ kind: 'absatz' as const, labels: [a] }] : [])];

/** every Absatz's text by id */
function texts(l: Law): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of l.body) if (n.kind === 'paragraph') for (const c of n.children) if (c.kind === 'absatz') m.set(c.id, unitText(c));
  return m;
}

describe('apply engine properties', () => {
  it('a word replacement, insertion or deletion changes exactly the addressed Absatz', () => {
    fc.assert(
      fc.property(law, fc.nat(), fc.nat(), fc.constantFrom('replace', 'insert-words', 'delete'), fc.constantFrom('Neues', 'Anderes Wort'), (ps, pi, ai, action, nu) => {
        const tree = parseStatute(markdown(ps));
        const p = tree.body.filter((n): n is Paragraph => n.kind === 'paragraph')[pi % ps.length];
        const abs = p.children.filter((c): c is Absatz => c.kind === 'absatz');
        const a = abs[ai % abs.length];
        const find = unitText(a).replace(/^\(\d+\) /, '').split(' ')[1];
        const op: Operation =
          action === 'replace'
            ? { action: 'replace', target: addr(p.label, a.label), find, replacement: nu, each: true }
            : action === 'delete'
              ? { action: 'delete', target: addr(p.label, a.label), find, each: true }
              : { action: 'insert-words', target: addr(p.label, a.label), anchor: find, position: 'after', words: nu, each: true };
        const before = texts(tree);
        const after = texts(applyOperation(tree, op).law);
        for (const [id, t] of before) {
          if (id === a.id) expect(after.get(id)).not.toBe(t);
          else expect(after.get(id)).toBe(t);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('the input tree is never changed', () => {
    fc.assert(
      fc.property(law, (ps) => {
        const tree = parseStatute(markdown(ps));
        const snapshot = serializeLaw(tree);
        applyOperation(tree, { action: 'repeal', target: addr('1') });
        expect(serializeLaw(tree)).toBe(snapshot);
      }),
      { numRuns: 50, seed: 8 },
    );
  });

  it('"Nach § 1 wird folgender § 2 eingefügt" before "Die bisherigen §§ 2 … werden die §§ 3 …" gives the hand-built tree', () => {
    fc.assert(
      fc.property(law.filter((ps) => ps.length >= 2), (ps) => {
        const tree = parseStatute(markdown(ps));
        const n = ps.length;
        const from = Array.from({ length: n - 1 }, (_, i) => String(i + 2));
        const to = from.map((l) => String(Number(l) + 1));
        const record = (path: string, op: Operation): InstructionRecord => ({
          act: 'x', artikel: '1', path, law: 'testv', lawName: 'Testverordnung', effective: '2024-01-01', effectiveSource: 'test', status: 'parsed', operations: [op], diagnostics: [], source: { file: 'x', line: 1, column: 1 }, wording: path, seq: 0,
        });
        const r = applyInstructions(
          tree,
          [
            record('Artikel 1 Nummer 1', { action: 'insert-units', target: addr('1'), unitKind: 'paragraph', labels: ['2'], content: '§ 2 Neu\n(1) Die neue Vorschrift gilt.' }),
            record('Artikel 1 Nummer 2', { action: 'renumber', target: [], unitKind: 'paragraph', from, to }),
          ],
          [],
          [],
        );
        // by hand: § 1, the new § 2, then the old §§ 2 … n as §§ 3 … n+1
        const expected = [
          '# § 1 – Paragraph 1', '',
          ...ps[0].map((ss, k) => `(${k + 1}) ${ss.join(' ')}\n`),
          '# § 2 – Neu', '', '(1) Die neue Vorschrift gilt.', '',
          ...ps.slice(1).flatMap((abs, i) => [`# § ${i + 3} – Paragraph ${i + 2}`, '', ...abs.map((ss, k) => `(${k + 1}) ${ss.join(' ')}\n`)]),
        ].join('\n');
        const want = parseStatute(`% Testverordnung (Testverordnung - TestV)\n\n${expected}`);
        const norm = (l: Law) => l.body.filter((x): x is Paragraph => x.kind === 'paragraph').map((x) => [x.label, unitText(x)]);
        expect(norm(r.tree)).toEqual(norm(want));
      }),
      { numRuns: 60, seed: 9 },
    );
  });
});
