/**
 * Differential fuzzing of the engine on real acts: mutate the act text (lost lines, duplicated lines,
 * typos in keywords, law names and dates, broken quotes), apply it to the official text of the day
 * before, and check the property "every change to the law text is explained by an applied operation,
 * and every instruction that did not apply has a diagnostic": no silent change, no silent skip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAct } from '../../src/act/load-act.js';
import { applyInstructions } from '../../src/consolidate/consolidate.js';
import { vocabularyOf } from '../../src/text/vocabulary.js';
import type { ChangeRecord } from '../../src/consolidate/types.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { caseActEntry, caseLawEntry, type CaseFile } from '../../src/eval/eval-cases.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { bodyNodeText } from '../../src/model/text-of.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

/** Small laws, so that hundreds of mutated acts run in seconds. */
const CASES = ['2021-4kugvaendv-art1-kugv', '2023-i-13-art1-testv', '2021-i-5254-art1-fsaakv', '2024-i-421-art1-fsaakv', '2021-i-5066-art1-minuhv', '2023-i-268-art1-versresabv', '2022-i-1879-art1-lmbestrv', '2024-i-363-art1-ukraineaufenthfgv', '2021-i-5259-art1-agrstatv'];

const RUNS = 540;

interface Loaded {
  id: string;
  c: CaseFile;
  lines: string[];
  beforeText: string;
  before: ReturnType<typeof parseStatute>;
  texts: Map<string, string>;
  vocab: Set<string>;
}

const loaded: Loaded[] = HAS_CORPUS
  ? CASES.map((id) => {
      const dir = join(CORPUS, 'real-acts', id);
      const beforeText = readFileSync(join(dir, 'before.md'), 'utf8');
      const before = parseStatute(beforeText);
      const texts = new Map(before.body.map((n) => [n.id, bodyNodeText(n)] as const));
      return { id, c: JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseFile, lines: readFileSync(join(dir, 'act.txt'), 'utf8').split('\n'), beforeText, before, texts, vocab: vocabularyOf([beforeText]) };
    })
  : [];

type Mutation =
  | { kind: 'lose-line' | 'duplicate-line'; at: number }
  | { kind: 'keyword-typo'; at: number; which: number }
  | { kind: 'law-name-typo'; at: number }
  | { kind: 'date-typo'; at: number; which: number }
  | { kind: 'break-quote'; at: number; which: number };

const KEYWORDS: Array<[RegExp, string]> = [
  [/\bwird\b/, 'wrid'],
  [/\bwerden\b/, 'weden'],
  [/\beingefügt\b/, 'eingefgt'],
  [/\bersetzt\b/, 'ersezt'],
  [/\bgestrichen\b/, 'gestichen'],
  [/\baufgehoben\b/, 'aufgehben'],
  [/\bgefasst\b/, 'gefast'],
  [/\bangefügt\b/, 'angefüg'],
  [/\bArtikel\b/, 'Artkel'],
  [/\bNummer\b/, 'Numer'],
];

function mutate(lines: string[], m: Mutation, lawName: string): string[] {
  const out = lines.slice();
  const at = m.at % Math.max(1, out.length);
  switch (m.kind) {
    case 'lose-line':
      out.splice(at, 1);
      break;
    case 'duplicate-line':
      out.splice(at, 0, out[at]);
      break;
    case 'keyword-typo': {
      const [re, typo] = KEYWORDS[m.which % KEYWORDS.length];
      const i = out.findIndex((l, k) => k >= at && re.test(l));
      if (i >= 0) out[i] = out[i].replace(re, typo);
      break;
    }
    case 'law-name-typo': {
      const i = out.findIndex((l) => l.includes(lawName));
      if (i >= 0) out[i] = out[i].replace(lawName, lawName.slice(0, -3) + lawName.slice(-2));
      break;
    }
    case 'date-typo': {
      const i = out.findIndex((l, k) => k >= at && /\d{1,2}\. (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/.test(l));
      if (i >= 0) out[i] = out[i].replace(/(\d{1,2})\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)/, m.which % 2 ? '31. Februar' : '$1. Jannuar');
      break;
    }
    case 'break-quote': {
      const i = out.findIndex((l, k) => k >= at && /[„“"]/.test(l));
      if (i >= 0) {
        const marks = [...out[i].matchAll(/[„“"]/g)];
        const mk = marks[m.which % marks.length];
        out[i] = out[i].slice(0, mk.index) + out[i].slice(mk.index! + 1);
      }
      break;
    }
  }
  return out;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('lose-line' as const, 'duplicate-line' as const), at: fc.nat(200) }),
  fc.record({ kind: fc.constant('keyword-typo' as const), at: fc.nat(200), which: fc.nat(50) }),
  fc.record({ kind: fc.constant('law-name-typo' as const), at: fc.nat(200) }),
  fc.record({ kind: fc.constant('date-typo' as const), at: fc.nat(200), which: fc.nat(3) }),
  fc.record({ kind: fc.constant('break-quote' as const), at: fc.nat(200), which: fc.nat(20) }),
);

/** What the property checks of one mutated act: the unexplained changes and the undiagnosed skips. */
function check(l: Loaded, actText: string): { silentChanges: string[]; silentSkips: string[] } {
  const entry = caseActEntry(l.id, l.c);
  const law = caseLawEntry(l.c);
  const act = loadAct(entry, { laws: [law], acts: [entry] }, () => actText, l.vocab);
  const mine = act.instructions.filter((i) => i.law === law.id);
  const step = mine.filter((i) => i.effective === l.c.date);
  const diagnostics: Diagnostic[] = [...act.diagnostics, ...act.instructions.flatMap((i) => i.diagnostics)];
  const changes: ChangeRecord[] = [];
  const r = applyInstructions(l.before, step, changes, diagnostics);
  const applied = new Set(changes.filter((c) => c.status === 'applied').flatMap((c) => [c.paragraphId, ...(c.alsoTouched ?? [])]));
  const silentChanges = r.tree.body.filter((n) => !applied.has(n.id) && l.texts.get(n.id) !== bodyNodeText(n)).map((n) => n.id);
  for (const id of l.texts.keys()) if (!r.tree.body.some((n) => n.id === id) && !applied.has(id)) silentChanges.push(`${id} (gone)`);
  const silentSkips: string[] = [];
  for (const i of act.instructions) {
    if (i.status !== 'parsed' && i.diagnostics.length === 0) silentSkips.push(`${i.path}: ${i.status} without a diagnostic`);
  }
  for (const c of changes) {
    if (c.status === 'failed' && !diagnostics.some((d) => d.path === c.path)) silentSkips.push(`${c.path}: failed without a diagnostic`);
  }
  // an instruction left without a date, or with a date other than the act's own, must come with a reason
  const undated = mine.filter((i) => i.status === 'parsed' && i.effective === null);
  if (undated.length && !act.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')) silentSkips.push(`${undated[0].path}: no in-force date and no diagnostic`);
  // an amended law whose name was mistyped is reported, never silently "out of corpus"
  if (act.instructions.length && !mine.length && !act.diagnostics.some((d) => d.code === 'unknown-law' || d.severity === 'error')) silentSkips.push('the case law vanished from the act without a diagnostic');
  return { silentChanges, silentSkips };
}

describe.runIf(HAS_CORPUS)('differential fuzzing of the engine on real acts', () => {
  it('the unmutated acts: every change explained, nothing skipped silently', () => {
    for (const l of loaded) expect({ id: l.id, ...check(l, l.lines.join('\n')) }).toEqual({ id: l.id, silentChanges: [], silentSkips: [] });
  });

  it(`${RUNS} mutated acts: no silent change, no silent skip, each within a time bound`, () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(CASES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (k, ms) => {
        const l = loaded[k];
        let lines = l.lines;
        for (const m of ms) lines = mutate(lines, m, l.c.law.names[0]);
        const t0 = performance.now();
        const r = check(l, lines.join('\n'));
        runs++;
        expect(performance.now() - t0).toBeLessThan(2000);
        expect(r).toEqual({ silentChanges: [], silentSkips: [] });
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
    expect(runs).toBe(RUNS);
  }, 240_000);
});
