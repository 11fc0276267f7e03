/**
 * Every location of the catalogue, checked against the official texts: each official snapshot dated within the
 * location's period (and the base text of the corpus) must have the unit and the pattern must read a value
 * from it. Periods that no official text covers (AufenthG from 1.6.2024) are checked against the act's
 * pending text. Only chancenkarte.min-points cannot be checked: its text is not in the corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatute } from '../../src/model/parse-statute.js';
import { readFactValue } from '../../src/facts/read-fact.js';
import { wordsOf } from '../../src/facts/resolve-facts.js';
import { pendingActText } from '../../src/facts/act-text.js';
import { CORPUS, acts, catalogue, manifest, official, officialDates } from './helpers.js';

const UNVERIFIABLE = ['chancenkarte.min-points'];
const actText = pendingActText({ acts: acts(), catalogue });
const base = new Map(manifest.laws.map((l) => [l.id, { date: l.base.validFrom, tree: parseStatute(readFileSync(join(CORPUS, l.base.file), 'utf8'), { lawId: l.id }) }]));

describe('catalogue against the official texts', () => {
  for (const def of catalogue.facts) {
    it(`${def.id}: every location reads a value from the texts of its period`, () => {
      let checked = 0;
      for (const loc of def.locations) {
        const inPeriod = (d: string) => (loc.from === undefined || loc.from <= d) && (loc.to === undefined || d <= loc.to);
        const texts = officialDates(loc.law)
          .filter(inPeriod)
          .map((d) => ({ what: `official ${loc.law} ${d}`, words: wordsOf(official(loc.law, d), loc.nodeId) }));
        const b = base.get(loc.law)!;
        if (inPeriod(b.date)) texts.push({ what: `base ${loc.law}`, words: wordsOf(b.tree, loc.nodeId) });
        if (texts.length === 0 && loc.from) {
          const hit = actText(loc.law, loc.from, def.id);
          if (hit || !UNVERIFIABLE.includes(def.id)) texts.push({ what: `act text ${loc.law} ${loc.from}`, words: hit?.text });
        }
        for (const t of texts) {
          expect(t.words, `${t.what}: unit ${loc.nodeId}`).toBeDefined();
          const r = readFactValue(def, loc, t.words!);
          expect(r.ok, `${t.what}: ${loc.nodeId}: ${r.ok ? '' : r.detail}`).toBe(true);
          checked++;
        }
      }
      if (UNVERIFIABLE.includes(def.id)) expect(checked).toBe(0);
      else expect(checked).toBeGreaterThan(0);
    });
  }

  it('boolean facts with an anchor are true and false where the statute changed', () => {
    const read = (id: string, law: string, date: string) => {
      const def = catalogue.facts.find((f) => f.id === id)!;
      const loc = def.locations.find((l) => (l.from ?? '') <= date && (l.to ?? '9999') >= date)!;
      const r = readFactValue(def, loc, wordsOf(official(law, date), loc.nodeId)!);
      return r.ok ? r.value : r.detail;
    };
    expect(read('westbalkan.time-limit', 'beschv', '2022-07-29')).toBe(true);
    expect(read('westbalkan.time-limit', 'beschv', '2023-11-18')).toBe(false);
    expect(read('beschv6.ict-only', 'beschv', '2023-12-14')).toBe(true);
    expect(read('beschv6.ict-only', 'beschv', '2024-03-01')).toBe(false);
    expect(read('fachkraft.vocational.entitlement', 'aufenthg', '2023-11-01')).toBe(false);
    expect(read('fachkraft.vocational.entitlement', 'aufenthg', '2023-11-18')).toBe(true);
  });
});
