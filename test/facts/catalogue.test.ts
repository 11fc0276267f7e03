import { describe, expect, it } from 'vitest';
import { locationOn, validateFactCatalogue } from '../../src/facts/catalogue.js';
import { UserError } from '../../src/diagnostics/diagnostic.js';
import { catalogue, manifest } from './helpers.js';

describe('fact catalogue corpus/facts.json', () => {
  it('has at least 15 facts across the three laws, including the named ones', () => {
    expect(catalogue.facts.length).toBeGreaterThanOrEqual(15);
    const laws = new Set(catalogue.facts.flatMap((f) => f.locations.map((l) => l.law)));
    expect([...laws].sort()).toEqual(['aufenthg', 'aufenthv', 'beschv']);
    for (const id of [
      'westbalkan.quota',
      'westbalkan.time-limit',
      'bluecard.salary.general',
      'bluecard.salary.shortage',
      'beschv6.salary',
      'beschv6.experience',
      'beschv1.age-threshold',
      'beschv1.salary-older',
      'student.side-job-days',
      'training.side-job-hours',
      'job-search.after-study.months',
      'chancenkarte.min-points',
      'chancenkarte.work-hours',
      'chancenkarte.trial-work-weeks',
    ]) {
      expect(catalogue.facts.map((f) => f.id)).toContain(id);
    }
  });

  it('places the Blue Card salary in § 18b Abs. 2 until 17.11.2023 and in § 18g Abs. 1 from 18.11.2023', () => {
    const def = catalogue.facts.find((f) => f.id === 'bluecard.salary.general')!;
    expect(locationOn(def, '2023-11-17')?.nodeId).toBe('para-18b/abs-2/satz-1');
    expect(locationOn(def, '2023-11-18')?.nodeId).toBe('para-18g/abs-1/satz-1');
  });

  it('rejects a malformed catalogue listing every problem', () => {
    const bad = {
      facts: [
        { id: 'Bad Id', label: { de: 'x' }, unit: 'furlongs', locations: [] },
        {
          id: 'a.b',
          label: { de: 'x', en: 'y' },
          unit: 'months',
          locations: [
            { law: 'nolaw', nodeId: '§ 26', pattern: '(unclosed' },
            { law: 'beschv', nodeId: 'para-1', pattern: 'no group', anchor: 'x', from: '2024-02-30' },
          ],
        },
        { id: 'a.b', label: { de: 'x', en: 'y' }, unit: 'years', locations: [{ law: 'beschv', nodeId: 'para-1', pattern: '(\\d+)' }, { law: 'beschv', nodeId: 'para-2', pattern: '(\\d+)', from: '2024-01-01' }] },
      ],
    };
    let err: unknown;
    try {
      validateFactCatalogue(bad, 'facts.json', manifest.laws.map((l) => l.id));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const msg = (err as UserError).message;
    expect((err as UserError).code).toBe('facts-invalid');
    for (const part of [
      'is not a fact id',
      'label.en: expected a non-empty string',
      'unit: expected one of',
      'locations: expected a non-empty array',
      'unknown law "nolaw"',
      'is not a unit node id',
      'not a valid regular expression',
      'needs a capturing group',
      'only boolean-present facts have an anchor',
      'expected a date YYYY-MM-DD',
      'periods overlap',
      'duplicate fact id "a.b"',
    ]) {
      expect(msg).toContain(part);
    }
  });

  it('rejects something that is not a catalogue at all', () => {
    expect(() => validateFactCatalogue([], 'x.json')).toThrow(/expected an object with "facts"/);
  });
});
