import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, runEval } from '../../src/eval/eval-cases.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

const REAL = join(CORPUS, 'real-acts');

describe.runIf(HAS_CORPUS)('the real acts: the measure of generality', () => {
  const s = runEval(REAL);
  it('no case falls below the committed baseline (a regression on a real act fails the day it happens)', () => {
    const baseline = JSON.parse(readFileSync(join(__dirname, '..', '..', 'corpus', 'eval-baseline.json'), 'utf8'));
    expect(compareWithBaseline(s, baseline)).toEqual([]);
    // and the comparison sees a § that is right in words but laid out otherwise
    const id = s.cases.find((c) => c.laidOut > 0)!.id;
    const fewer = { ...s, cases: s.cases.map((c) => (c.id === id ? { ...c, laidOut: c.laidOut - 1 } : c)) };
    expect(compareWithBaseline(fewer, baseline)).toEqual([expect.stringMatching(new RegExp(`^${id}: \\d+ §§ laid out as the official text, baseline \\d+$`))]);
  });
  it('at least 95 % of the scored §§ identical to the official text, no collateral change', () => {
    expect(s.totals.right / s.totals.scored).toBeGreaterThanOrEqual(0.95);
    expect(s.totals.collateral).toBe(0);
  });
  it('every § not right has an error diagnostic that names an instruction and why', () => {
    expect(s.totals.silentMisses).toBe(0);
    for (const c of s.cases) {
      for (const w of c.wrong) {
        const errors = c.diagnostics.filter((d) => d.severity === 'error' && d.path);
        expect({ case: c.id, section: w.label, explained: errors.length > 0 || w.explainedBy.some((e) => /failed|incomplete/.test(e)) }).toEqual({ case: c.id, section: w.label, explained: true });
      }
    }
  });
});
