/**
 * Property tests (fast-check, fixed seeds): the parser, the serializer and the text helpers on arbitrary
 * strings, on generated statute-like documents and on randomly damaged real §§ of the corpus.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStatute } from '../../src/model/parse-statute.js';
import { serializeLaw, serializeLawBytes, type SerializeBytesMemo } from '../../src/model/serialize.js';
import { paragraphText } from '../../src/model/text-of.js';
import { paragraphs } from '../../src/model/walk.js';
import { sentenceSpans, splitSentences } from '../../src/text/sentences.js';
import { normalizeSpace, unwrapLines } from '../../src/text/unwrap.js';
import type { Dialect, Law } from '../../src/model/types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = process.env.FASSUNG_CORPUS ?? path.resolve(HERE, '../../../shared/corpus');
const RUNS = { seed: 42, numRuns: 200 };
const DIALECTS: Dialect[] = ['gesetze-tools', 'kmein'];

const tree = (law: Law) =>
  JSON.stringify({ inhalt: law.inhalt, body: law.body }, (k, v) => (k === 'source' ? undefined : v));

// ---------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------

/** Words with the traps of statute text: abbreviations, ordinals, hyphens, quotes, Markdown characters. */
const WORD = fc.constantFrom(
  'Die', 'Zustimmung', 'wird', 'erteilt', 'nach', 'Abs.', '2', 'Nr.', '3', 'z.', 'B.', 'des', '45.',
  'Lebensjahres', 'am', '1.', 'März', '2024', 'Schengen-', 'Staaten', 'Hotel-', 'und', '„Wort“', '(vgl.',
  'Satz', '1)', '§', '26', 'wenn', 'der', 'Ausländer', 'i.', 'V.', 'm.', 'Art.', 'BGBl.', 'S.', 'Buchst.',
  'c', '25\u00a0000', 'E-Mail-', 'Adresse', '*', '_x_', '[a]', '#', 'Ende.', 'Frage?', 'So!',
);
const FIRST_WORD = fc.constantFrom('Die', 'der', 'nach', 'wenn', 'Satz', 'eine', '§', 'Ausländer', '„Wort“');
const TEXT = fc
  .tuple(FIRST_WORD, fc.array(WORD, { maxLength: 13 }), fc.constantFrom('', '.', ',', ':', ' und', ';', '!'))
  .map(([first, rest, end]) => [first, ...rest].join(' ') + end);
const LABEL = fc.constantFrom('(1)', '(2)', '(4f)', '1.', '2.', '2a.', '3.', 'a)', 'b)', 'c)', 'aa)', 'bb)', 'aaa)', 'bbb)');

/** Flat documents in the kmein layout: one block per line, labels at column 0. */
const FLAT_DOC = fc
  .array(
    fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom('# § 2 – Zwei', '# § 2a – (weggefallen)', '# Anlage – (zu § 3)') },
      { weight: 5, arbitrary: fc.tuple(LABEL, TEXT).map(([l, t]) => `${l} ${t}`) },
      { weight: 4, arbitrary: TEXT },
    ),
    { maxLength: 20 },
  )
  .map((blocks) => ['% Titel', '# § 1 – Eins', ...blocks].join('\n\n') + '\n');

/** Mixed documents: both heading styles, indentation, wrapped lines, tables, placeholders, footnotes. */
const INDENT = fc.constantFrom('', '', '', '    ', '        ', '            ');
const WRAPPED = fc
  .tuple(TEXT, fc.integer({ min: 2, max: 5 }))
  .map(([t, every]) => t.split(' ').map((w, i) => (i > 0 && i % every === 0 ? '\n' + w : w)).join(' ').replace(/ \n/g, '\n'));
const MIXED_DOC = fc
  .tuple(
    fc.constantFrom('% Titel\n% Datum\n\n', '# Titel\n\n', '---\nTitle: T\n---\n\n# Titel\n\n', ''),
    fc.constantFrom('# § 1 – Eins', '### § 1 Eins'),
    fc.array(
      fc.tuple(
        fc.oneof(
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '# § 1 – Eins', '### § 2 Zwei', '#### § 2a (weggefallen)', '#### Unterabschnitt 1 - Unter',
              '## Kapitel 2 - Kap', '# Anlage – (zu § 3)', '### Anlage A (zu § 16)', '# Inhaltsübersicht', '§ 30', 'Kapitel 1',
            ),
          },
          {
            weight: 5,
            arbitrary: fc
              .tuple(INDENT, LABEL, WRAPPED)
              .map(([i, l, t]) => `${i}${l}${' '.repeat(Math.max(1, 4 - l.length))}${t.replace(/\n/g, `\n${i}    `)}`),
          },
          { weight: 4, arbitrary: fc.tuple(INDENT, WRAPPED).map(([i, t]) => i + t.replace(/\n/g, '\n' + i)) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '-', '\\-', '<!-- -->', '<table><tr><td>x</td></tr></table>', '1. <table><tr><td>a<br />\nb</td></tr></table>',
              '| 1\\. | a |\n|:--|--:|', '\u00a0', '§ 1 Abs. 2: Eingef. durch Art. 1 V v. 1.1.2020 I 1 mWv 1.2.2020',
              '*   Zeile', '> Zitat', '---', '```\ncode\n```',
            ),
          },
        ),
        fc.constantFrom('\n\n', '\n\n', '\n\n\n', '\n'),
      ),
      { maxLength: 25 },
    ),
  )
  .map(([head, first, blocks]) => head + first + '\n\n' + blocks.map(([b, sep]) => b + sep).join(''));

// ---------------------------------------------------------------------------------------------------
// Parser and serializer
// ---------------------------------------------------------------------------------------------------

describe('parseStatute on arbitrary input', () => {
  it('never throws on arbitrary strings, and what it returns can be written in both dialects', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 })), (s) => {
        const law = parseStatute(s);
        expect(Array.isArray(law.body)).toBe(true);
        for (const d of DIALECTS) expect(typeof serializeLaw(law, d)).toBe('string');
      }),
      RUNS,
    );
  });

  it('never throws on statute-like documents; one round through the serializer reaches a fixed point', () => {
    fc.assert(
      fc.property(MIXED_DOC, (src) => {
        const law = parseStatute(src);
        for (const d of DIALECTS) {
          const once = parseStatute(serializeLaw(law, d));
          const twice = parseStatute(serializeLaw(once, d));
          expect(tree(twice)).toBe(tree(once));
        }
      }),
      { ...RUNS, seed: 43 },
    );
  });

  it('serializeLawBytes gives the UTF-8 bytes of serializeLaw, also from a memo shared with another law', () => {
    fc.assert(
      fc.property(MIXED_DOC, MIXED_DOC, (a, b) => {
        const lawA = parseStatute(a);
        const lawB = parseStatute(b);
        // the second law holds some nodes of the first, as consecutive versions do
        const shared: Law = { ...lawB, body: [...lawA.body.slice(0, 2), ...lawB.body] };
        for (const d of DIALECTS) {
          const memo: SerializeBytesMemo = new WeakMap();
          for (const law of [lawA, shared, lawA]) expect(serializeLawBytes(law, d, memo).equals(Buffer.from(serializeLaw(law, d), 'utf8'))).toBe(true);
        }
      }),
      { ...RUNS, seed: 45 },
    );
  });

  it('flat documents survive parse → serialize → parse unchanged in both dialects', () => {
    fc.assert(
      fc.property(FLAT_DOC, (src) => {
        const law = parseStatute(src);
        for (const d of DIALECTS) expect(tree(parseStatute(serializeLaw(law, d)))).toBe(tree(law));
      }),
      { ...RUNS, seed: 44 },
    );
  });

  it('the generators reach nested lists (the properties above are not vacuous)', () => {
    const samples = fc.sample(FLAT_DOC, { seed: 44, numRuns: 200 });
    const nested = samples.filter((s) => /"kind":"buchstabe"/.test(JSON.stringify(parseStatute(s).body))).length;
    expect(nested).toBeGreaterThan(50);
    const mixed = fc.sample(MIXED_DOC, { seed: 43, numRuns: 200 });
    expect(mixed.filter((s) => /"items"/.test(JSON.stringify(parseStatute(s).body))).length).toBeGreaterThan(50);
  });
});

// ---------------------------------------------------------------------------------------------------
// Damaged real §§
//
// The damaged text is compared with a reference computed from its lines, as in round-trip.test.ts, but
// with the white space and backslashes removed (damage creates tables and escapes anywhere). The damage
// keeps clear of what only a full Markdown parser could follow: no code fences, no lone "-"/"---" lines
// (setext headings), no unbalanced HTML and no HTML comments; inserted blocks are set off by blank lines.
// Headings count as section ends when their words say § / Gliederung / Anlage / Inhaltsübersicht (the
// parser's rule); other headings are content of the § they stand in.
// ---------------------------------------------------------------------------------------------------

const SECTION_HEADING =
  /^#{1,6}[ \t]+(?:§[ \t]*\d|(?:Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel)[ \t]+\S|Anlage(?!\p{L})|Inhaltsübersicht[ \t]*$)/u;
const PARA_HEADING = /^#{1,6}[ \t]+§[ \t]*(\d+[a-z]*)/;

function sections(src: string): Array<{ label: string; lines: string[] }> {
  const out: Array<{ label: string; lines: string[] }> = [];
  let cur: { label: string; lines: string[] } | undefined;
  for (const l of src.split('\n')) {
    if (SECTION_HEADING.test(l)) {
      const m = PARA_HEADING.exec(l);
      cur = m ? { label: m[1], lines: [l] } : undefined;
      if (cur) out.push(cur);
    } else if (cur) cur.lines.push(l);
  }
  return out;
}

const squeeze = (s: string) => s.replace(/[\s\u00a0\u2007\u202f\u200b\\]+/g, '');

function sectionChars(lines: string[]): string {
  const [head, ...body] = lines;
  const heading = head
    .replace(/^#+[ \t]*/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/^(§[ \t]*\d+[a-z]*)[ \t]+–(?=[ \t]|$)/, '$1');
  return squeeze([heading, ...body].join('\n'));
}

function realSection(file: string, label: string): string {
  const src = readFileSync(path.join(CORPUS, file), 'utf8');
  const sec = sections(src).find((s) => s.label === label);
  if (!sec) throw new Error(`${file}: § ${label} not found`);
  return sec.lines.join('\n');
}

const REAL: Array<[string, string]> = [
  ['base/beschv_2013.md', '1'],
  ['base/aufenthg_2004.md', '54'],
  ['base/aufenthv.md', '69'],
  ['base/aufenthv.md', '46'],
  ['official/aufenthv/2024-03-01.md', '72'],
  ['official/aufenthv/2024-03-01.md', '46'],
  ['official/aufenthv/2024-03-01.md', '45'],
  ['official/beschv_2013/2024-03-01.md', '36'],
  ['official/aufenthg_2004/2024-03-01.md', '2'],
];

const BLOCK_INSERT = fc.constantFrom(
  '(3) ', '2a. ', 'c) ', 'aa) ', 'aaa) ', '# § 7 – Sieben', '### § 8 Acht', '### Kapitel 2 - K', '# Anlage – (zu § 1)',
  '    ', '\\-', '* ', '<table><tr><td>x</td></tr></table>', '| a |', '„', '“', 'Abs.', '1.',
  '§ 1 Abs. 2: IdF mWv 1.1.2020', '', '\u00a0', '>',
);
const LINE_PREFIX = fc.constantFrom('(3) ', '2a. ', 'c) ', 'aa) ', 'aaa) ', '    ', '-', '- ', '* ', '„', 'Abs. ', '1. ', '\\', '<br />', '| ');

type Damage =
  | { kind: 'delete'; at: number }
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'prefix'; at: number; what: string }
  | { kind: 'cut'; at: number; pos: number }
  | { kind: 'duplicate'; at: number };

const DAMAGE: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: BLOCK_INSERT }),
  fc.record({ kind: fc.constant('prefix' as const), at: fc.nat(), what: LINE_PREFIX }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), pos: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

function damage(text: string, ops: Damage[]): string {
  const lines = text.split('\n');
  for (const o of ops) {
    if (!lines.length) break;
    const i = o.at % lines.length;
    if (o.kind === 'delete') lines.splice(i, 1);
    else if (o.kind === 'insert') lines.splice(i, 0, '', o.what, '');
    else if (o.kind === 'prefix') {
      if (lines[i].trim() !== '') lines[i] = o.what + lines[i];
    } else if (o.kind === 'cut') lines[i] = lines[i].slice(0, o.pos % (lines[i].length + 1));
    else lines.splice(i, 0, lines[i]);
  }
  return lines.join('\n');
}

describe('randomly damaged real §§', () => {
  const samples = REAL.map(([file, label]) => ({
    file,
    label,
    head: file.startsWith('base/') ? '# Titel\n\n' : '% Titel\n\n',
    text: realSection(file, label),
  }));
  const damaged = fc
    .tuple(fc.constantFrom(...samples), fc.array(DAMAGE, { minLength: 1, maxLength: 8 }))
    .map(([s, ops]) => s.head + damage(s.text, ops));

  it('the undamaged samples pass the reference check (the check is sound)', () => {
    for (const s of samples) {
      const law = parseStatute(s.head + s.text);
      const [p] = paragraphs(law);
      expect(p.label).toBe(s.label);
      let rest = sectionChars(sections(s.head + s.text)[0].lines);
      for (const f of p.footnotes) rest = rest.replace(squeeze(f), '');
      expect(squeeze(paragraphText(p))).toBe(rest);
    }
  });

  it('never throw, keep every character of every § in order, and serialize in both dialects', () => {
    fc.assert(
      fc.property(damaged, (src) => {
        const law = parseStatute(src);
        for (const d of DIALECTS) serializeLaw(law, d);
        const secs = sections(src);
        const paras = paragraphs(law);
        expect(paras.map((p) => p.label)).toEqual(secs.map((s) => s.label));
        paras.forEach((p, i) => {
          let rest = sectionChars(secs[i].lines);
          for (const f of p.footnotes) {
            const at = rest.lastIndexOf(squeeze(f));
            expect(at, `footnote of § ${p.label} in the source`).toBeGreaterThanOrEqual(0);
            rest = rest.slice(0, at) + rest.slice(at + squeeze(f).length);
          }
          expect(squeeze(paragraphText(p)), `§ ${p.label}`).toBe(rest);
        });
      }),
      { ...RUNS, seed: 45 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------------

const SENTENCE_TEXT = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(fc.oneof(WORD, fc.constantFrom(' ', '  ', '\n', '\t', '„', '“', '(', ')', '.', '!', '?', '"', 'Ä', '§', 'z.B.', '\u00a0')), {
      maxLength: 60,
    })
    .map((ws) => ws.join(' ')),
);

describe('sentenceSpans', () => {
  it('returns spans within the input, ordered, non-overlapping and not empty', () => {
    fc.assert(
      fc.property(SENTENCE_TEXT, (text) => {
        const spans = sentenceSpans(text);
        let prevEnd = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(prevEnd);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(s.start, s.end).trim()).not.toBe('');
          prevEnd = s.end;
        }
        // what lies between and around the spans is white space only
        let covered = '';
        let pos = 0;
        for (const s of spans) {
          covered += text.slice(pos, s.start);
          pos = s.end;
        }
        covered += text.slice(pos);
        expect(covered.trim()).toBe('');
      }),
      RUNS,
    );
  });
});

describe('splitSentences', () => {
  it('joined with spaces gives back the normalised input', () => {
    fc.assert(
      fc.property(SENTENCE_TEXT, (text) => {
        const parts = splitSentences(text);
        expect(normalizeSpace(parts.join(' '))).toBe(normalizeSpace(text));
        for (const p of parts) expect(p).toBe(p.trim());
      }),
      RUNS,
    );
  });
});

describe('normalizeSpace', () => {
  it('equals collapsing every run of white space (and zero-width space) to one space, then trimming', () => {
    const unit = fc.constantFrom('a', 'ß', '§', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u1680', '\u2000', '\u2006', '\u2007', '\u2009', '\u202f', '\u205f', '\u200b', '\u3000', '\ufeff', '\u2028', '\u2029', '\u180e', '\v', '-');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        // the definition as it stood before normalizeSpace learnt to skip texts that need nothing
        expect(normalizeSpace(text)).toBe(text.replace(/[\s\u00a0\u2007\u202f\u200b]+/g, ' ').trim());
      }),
      { seed: 46, numRuns: 5000 },
    );
  });
});

describe('unwrapLines', () => {
  it('never throws, leaves no line break and keeps every non-space character in order', () => {
    const LINES = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .array(fc.oneof(WORD, fc.constantFrom('\n', '\r\n', '\r', '-\n', '- \n', '    ', '\t', 'und', 'oder', 'bzw.')), { maxLength: 40 })
        .map((ws) => ws.join('')),
    );
    fc.assert(
      fc.property(LINES, (text) => {
        const out = unwrapLines(text);
        expect(out).not.toMatch(/[\r\n]/);
        const visible = (s: string) => s.replace(/\s+/g, '');
        expect(visible(out)).toBe(visible(text));
      }),
      RUNS,
    );
  });
});
