/**
 * Property test of the instruction parser on sentences generated from the grammar of Änderungsbefehle
 * (addresses, nouns for quoted words, verbs, clauses joined by "und" and commas, two instructions in
 * one sentence), well-formed and with random words dropped, doubled or swapped: it never throws, every
 * operation it gives has a known action and a target it can print, and every quoted text an operation
 * carries is one of the sentence's quotes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstruction } from '../../src/act/parse-instruction.js';
import { formatAddress, type Address } from '../../src/act/address.js';
import { ACTIONS } from '../../src/act/operations.js';

const ADDR = fc.constantFrom(
  '§ 5', '§ 5 Absatz 2', '§ 5 Absatz 2 Satz 1', 'Absatz 1', 'Satz 2', 'Nummer 3', 'Buchstabe b', 'den Absätzen 1 und 2',
  'Absatz 1 Satz 1 und Absatz 2 Satz 2', 'der Überschrift', 'der Angabe zu § 9', 'Anlage 2', 'dem einleitenden Satzteil',
  'dem Satzteil vor Nummer 1', 'den Sätzen 2 und 3', '§ 5 Absatz 1 Nummer 4 bis 6',
);
const UNIT = fc.constantFrom('Absatz 3', 'Satz', 'Nummer 4', 'Buchstabe c', 'Absätze 2 und 3', 'Nummern 2a und 2b', '§ 5a', 'Angabe');
const NOUN = fc.constantFrom('das Wort', 'die Wörter', 'die Angabe', 'die Zahl', 'der Klammerzusatz', 'die Wortfolge');
const DNOUN = fc.constantFrom('dem Wort', 'den Wörtern', 'der Angabe', 'der Zahl');
const Q = fc.nat(3).map((n) => `⟦${n}⟧`);
const CLAUSE = fc.oneof(
  fc.tuple(NOUN, Q, NOUN, Q).map(([a, q1, b, q2]) => `${a} ${q1} durch ${b} ${q2} ersetzt`),
  fc.tuple(NOUN, Q).map(([a, q]) => `${a} ${q} gestrichen`),
  fc.tuple(fc.constantFrom('nach', 'vor'), DNOUN, Q, NOUN, Q).map(([p, a, q1, b, q2]) => `${p} ${a} ${q1} ${b} ${q2} eingefügt`),
  fc.constant('der Punkt am Ende durch ein Komma ersetzt'),
  fc.tuple(NOUN, Q).map(([a, q]) => `am Ende ${a} ${q} durch ein Komma ersetzt`),
  fc.tuple(ADDR, NOUN, Q).map(([in_, a, q]) => `in ${in_} ${a} ${q} gestrichen`),
);
const INSTRUCTION = fc.oneof(
  fc.tuple(ADDR, fc.constantFrom('wird', 'werden'), fc.boolean(), fc.array(CLAUSE, { minLength: 1, maxLength: 3 })).map(
    ([a, v, each, cs]) => `In ${a} ${v} ${each ? 'jeweils ' : ''}${cs.length > 1 ? `${cs.slice(0, -1).join(', ')} und ${cs[cs.length - 1]}` : cs[0]}`,
  ),
  ADDR.map((a) => `${a[0].toUpperCase()}${a.slice(1)} wird aufgehoben`),
  fc.tuple(ADDR, Q).map(([a, q]) => `${a[0].toUpperCase()}${a.slice(1)} wird wie folgt gefasst: ${q}`),
  fc.tuple(fc.constantFrom('Nach', 'Vor'), ADDR, UNIT, Q).map(([p, a, u, q]) => `${p} ${a} wird folgender ${u} eingefügt: ${q}`),
  fc.tuple(ADDR, UNIT, Q).map(([a, u, q]) => `Dem ${a} wird folgender ${u} angefügt: ${q}`),
  fc.tuple(UNIT, Q).map(([u, q]) => `Die bisherige ${u} wird ${u} und wie folgt gefasst: ${q}`),
  fc.tuple(ADDR, Q).map(([a, q]) => `In ${a} wird die Absatzbezeichnung ${q} gestrichen`),
);
const SENTENCE = fc.oneof(
  { arbitrary: INSTRUCTION, weight: 3 },
  { arbitrary: fc.tuple(INSTRUCTION, INSTRUCTION).map(([a, b]) => `${a} und ${b[0].toLowerCase()}${b.slice(1)}`), weight: 1 },
);
/** a sentence with a few words dropped, doubled or swapped */
const MUTATED = fc.tuple(SENTENCE, fc.array(fc.tuple(fc.constantFrom('drop', 'double', 'swap'), fc.nat(40)), { maxLength: 2 })).map(([s, ms]) => {
  const w = s.split(' ');
  for (const [kind, n] of ms) {
    const i = n % w.length;
    if (kind === 'drop') w.splice(i, 1);
    else if (kind === 'double') w.splice(i, 0, w[i]);
    else if (i + 1 < w.length) [w[i], w[i + 1]] = [w[i + 1], w[i]];
  }
  return w.join(' ');
});
const QUOTES = fc.array(fc.constantFrom('x', 'zwei Wörter', '(1)', '25 000', '3. neu,', '(2) Neu.', '§ 6 Neu\n§ 6a Neu', 'Satz.'), { minLength: 4, maxLength: 4 });
const CONTEXT = fc.constantFrom<Address[]>([], [{ kind: 'paragraph', labels: ['5'] }], [{ kind: 'inhalt' }], [{ kind: 'paragraph', labels: ['5'] }, { kind: 'absatz', labels: ['1'] }]);

describe('the instruction parser on generated sentences', () => {
  it("never throws; operations have a known action, a printable target and only the sentence's quotes", () => {
    let parsed = 0;
    fc.assert(
      fc.property(fc.oneof(SENTENCE, MUTATED), QUOTES, CONTEXT, (body, quotes, context) => {
        const sentence = `${body}.`;
        const r = parseInstruction(sentence, quotes, context);
        if (r.kind !== 'operations') return;
        parsed++;
        expect(r.operations.length).toBeGreaterThan(0);
        const texts = quotes.flatMap((q) => [q, q.replace(/\s+/g, ' ').trim()]);
        for (const op of r.operations) {
          expect(ACTIONS).toContain(op.action);
          expect(typeof formatAddress(op.target)).toBe('string');
          for (const k of ['find', 'replacement', 'anchor', 'words', 'content'] as const) {
            const v = (op as Record<string, unknown>)[k];
            if (typeof v !== 'string' || /^[,.;:]$/.test(v)) continue;
            // the quoted text itself, or it with punctuation before it ("ein Komma und die Wörter …")
            expect(texts.some((t) => v === t || v === `, ${t}` || v === `; ${t}`), `${op.action}.${k} = ${JSON.stringify(v)} in "${sentence}"`).toBe(true);
          }
        }
      }),
      { seed: 20261130, numRuns: 4000 },
    );
    // the generator reaches the forms, not only errors (a property over errors alone would prove little)
    expect(parsed).toBeGreaterThan(1000);
  });
});
