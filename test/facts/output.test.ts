import { describe, expect, it } from 'vitest';
import { factsJson, formatFactsText, generatedFromLaws } from '../../src/facts/output.js';
import { resolveFacts } from '../../src/facts/resolve-facts.js';
import { UserError } from '../../src/diagnostics/diagnostic.js';
import { catalogue, parameters, versionsFromOfficial } from './helpers.js';

const NBSP = '\u00a0';
const laws = [versionsFromOfficial('beschv')];
const result = resolveFacts({ laws, changes: [], catalogue: { facts: catalogue.facts.filter((f) => f.locations.every((l) => l.law === 'beschv')) }, parameters });

describe('facts output', () => {
  it('writes the JSON shape of consolidated/facts.json', () => {
    const json = factsJson(result, generatedFromLaws(laws, { catalogue: 'corpus/facts.json', parameters: 'corpus/parameters.json' }));
    expect(json.generatedFrom).toEqual({
      catalogue: 'corpus/facts.json',
      parameters: 'corpus/parameters.json',
      laws: [
        {
          law: 'beschv',
          versions: [
            { validFrom: '2022-07-29', validTo: '2023-11-17', complete: true },
            { validFrom: '2023-11-18', validTo: '2023-12-13', complete: true },
            { validFrom: '2023-12-14', validTo: '2024-02-29', complete: true },
            { validFrom: '2024-03-01', validTo: null, complete: true },
          ],
        },
      ],
    });
    const salary = json.facts.find((f) => f.id === 'beschv6.salary')!;
    expect(salary.label).toEqual({ de: 'BeschV § 6: Mindestgehalt', en: 'BeschV § 6: minimum salary' });
    expect(salary.unit).toBe('share-of-bbg');
    expect(salary.timeline[1]).toEqual({
      value: 45,
      display: `45${NBSP}% der BBG`,
      validFrom: '2024-03-01',
      validTo: null,
      law: 'beschv',
      lawAbbreviation: 'BeschV',
      unitLabel: '§ 6 Abs. 1 Satz 1 Nr. 2',
      nodeId: 'para-6/abs-1/satz-1/nr-2',
      wording: '2. einen Arbeitsplatz, bei dem die Höhe des Gehalts mindestens 45 Prozent der jährlichen Beitragsbemessungsgrenze in der allgemeinen Rentenversicherung beträgt, oder ein Angebot für einen solchen Arbeitsplatz und',
      matched: 'Gehalts mindestens 45 Prozent der jährlichen Beitragsbemessungsgrenze',
      tier: 'consolidated',
      lastChange: null,
      euros: [
        { year: 2024, amount: 40770, display: `40${NBSP}770${NBSP}€` },
        { year: 2025, amount: 43470, display: `43${NBSP}470${NBSP}€` },
        { year: 2026, amount: 45630, display: `45${NBSP}630${NBSP}€` },
      ],
    });
    expect(json.diagnostics).toEqual([]);
    // plain JSON: survives a round trip unchanged
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('prints the timeline of one fact, and the value of every fact on one day', () => {
    const one = formatFactsText(result.timelines, { factId: 'westbalkan.time-limit' });
    expect(one).toContain('westbalkan.time-limit — Westbalkanregelung: befristet auf bestimmte Jahre [boolean-present]');
    expect(one).toContain('2022-07-29 – 2023-11-17  ja: „in den Jahren 2021 bis einschließlich 2023“');
    expect(one).toContain('2023-11-18 – …  nein');
    expect(one).toContain('BeschV § 26 Abs. 2 Satz 1 · konsolidiert · Ausgangstext');
    const day = formatFactsText(result.timelines, { date: '2024-03-01' });
    expect(day).toContain(`45${NBSP}% der BBG`);
    expect(day).not.toContain(`60${NBSP}% der BBG`);
    expect(day).toContain(`2024: 40${NBSP}770${NBSP}€`);
    const before = formatFactsText(result.timelines, { date: '2023-01-01', factId: 'beschv15d.hours' });
    expect(before).toContain('kein Wert am 2023-01-01');
  });

  it('rejects an unknown fact id and an invalid date with clear errors', () => {
    expect(() => formatFactsText(result.timelines, { factId: 'westbalkan.kontingent' })).toThrow(/unknown fact "westbalkan.kontingent" \(did you mean: westbalkan.quota, westbalkan.time-limit, westbalkan.states\)/);
    expect(() => formatFactsText(result.timelines, { date: '1.3.2024' })).toThrow(UserError);
  });
});
