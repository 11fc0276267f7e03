import { describe, expect, it } from 'vitest';
import { bbgForYear, shareAmount, shareAmountsForPeriod, validateParameters } from '../../src/facts/parameters.js';
import { parameters } from './helpers.js';

const NBSP = '\u00a0';

describe('parameter table corpus/parameters.json', () => {
  it('has the BBG of the pension insurance per year with its source', () => {
    expect(parameters.beitragsbemessungsgrenze.map((e) => [e.year, e.amount, e.region])).toEqual([
      [2023, 87600, 'West'],
      [2024, 90600, 'West'],
      [2025, 96600, 'bundeseinheitlich'],
      [2026, 101400, 'bundeseinheitlich'],
    ]);
    expect(bbgForYear(parameters, 2024)?.source).toBe('Sozialversicherungs-Rechengrößenverordnung 2024');
    expect(bbgForYear(parameters, 2022)).toBeUndefined();
  });

  it('derives euro amounts for shares of the BBG: Blue Card 2024 45 300 € and 41 041,80 €', () => {
    expect(shareAmount(parameters, { numerator: 1, denominator: 2 }, 2024)).toEqual({ year: 2024, amount: 45300, display: `45${NBSP}300${NBSP}€` });
    expect(shareAmount(parameters, { numerator: 453, denominator: 1000 }, 2024)).toEqual({ year: 2024, amount: 41041.8, display: `41${NBSP}041,80${NBSP}€` });
    expect(shareAmount(parameters, { numerator: 1, denominator: 2 }, 2022)).toBeUndefined();
    expect(shareAmountsForPeriod(parameters, { numerator: 13, denominator: 25 }, '2022-07-29', '2023-11-17').map((a) => a.amount)).toEqual([45552]);
  });

  it('rejects a malformed table listing every problem', () => {
    expect(() =>
      validateParameters({ beitragsbemessungsgrenze: [{ year: 2024, amount: -1, region: 'West' }, { year: 2024, amount: 1, region: 'West', source: 'x' }] }, 'p.json'),
    ).toThrow(/amount: expected a positive euro amount[\s\S]*source: expected a non-empty string[\s\S]*year 2024 appears twice/);
    expect(() => validateParameters({}, 'p.json')).toThrow(/beitragsbemessungsgrenze: expected an array/);
  });
});
