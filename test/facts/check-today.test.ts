/**
 * The profile check on the pipeline's own consolidation of the whole series (the complete AufenthG: the
 * official wording where the act text is missing), with the BBG read from the official
 * Rechengrößenverordnung of the year.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { consolidate, loadCorpus } from '../../src/consolidate/consolidate.js';
import { DEFAULT_CORPUS, loadManifest } from '../../src/corpus/manifest.js';
import { resolveCorpusFacts } from '../../src/pipeline.js';
import { checkProfile } from '../../src/facts/check-profile.js';
import { loadProfile } from '../../src/facts/profile.js';

const corpus = loadCorpus(loadManifest(), DEFAULT_CORPUS);
const facts = resolveCorpusFacts(corpus, consolidate(corpus));
const developer = loadProfile(join(import.meta.dirname, '..', 'profiles', 'software-developer.json'));
const blueCard = (date: string) => checkProfile(developer, date, facts.context).pathways.find((p) => p.id === 'blaue-karte-eu')!;

describe('Blue Card of the software developer (44 000 €, ISCO-08 2512) on the complete AufenthG', () => {
  it('2024-06-01: eligible through the reduced minimum 45,3 % of 90 600 € = 41 041,80 €', () => {
    const p = blueCard('2024-06-01');
    expect(p.outcome).toBe('eligible');
    expect(p.provision).toMatch(/§ 18g/);
    expect(p.figures.map((f) => [f.year, f.amount])).toEqual(expect.arrayContaining([[2024, 45300], [2024, 41041.8]]));
    const cited = p.reasons.flatMap((r) => r.citations);
    expect(cited.some((c) => c.provision.startsWith('§ 18g Abs. 1') && (c.provenance === 'official' || c.provenance === 'derived-verified'))).toBe(true);
  });

  it('2026-08-12: not eligible, 44 000 € is below 45,3 % of 101 400 € = 45 934,20 €', () => {
    const p = blueCard('2026-08-12');
    expect(p.outcome).toBe('not-eligible');
    expect(p.figures.map((f) => [f.year, f.amount])).toEqual(expect.arrayContaining([[2026, 50700], [2026, 45934.2]]));
    expect(p.reasons.some((r) => /101\u00a0400|101 400/.test(r.text))).toBe(true);
  });

  it('the facts follow the laws to August 2026 without an unresolved fact; a year without its Verordnung is said', () => {
    expect(facts.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(facts.diagnostics.filter((d) => d.code === 'parameter-year-missing').map((d) => d.message)).toEqual([expect.stringContaining('2022')]);
    const quota = facts.timelines.find((t) => t.id === 'westbalkan.quota')!.timeline;
    expect(quota.at(-1)).toMatchObject({ value: 50000, validTo: null });
    const shortage = facts.timelines.find((t) => t.id === 'bluecard.salary.shortage')!.timeline;
    expect(shortage.at(-1)!.euros?.map((e) => [e.year, e.amount])).toEqual([[2023, 39682.8], [2024, 41041.8], [2025, 43759.8], [2026, 45934.2]]);
  });
});
