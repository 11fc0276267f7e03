/**
 * The facts on the consolidation engine's own versions (the integration the hand-made versions of
 * resolve-facts.test.ts stand in for): the 1.6.2024 quota comes from applying VO Art. 3 Nr. 1.
 */
import { describe, expect, it } from 'vitest';
import { consolidate, loadCorpus } from '../../src/consolidate/consolidate.js';
import { resolveFacts, entryOn } from '../../src/facts/resolve-facts.js';
import { officialSnapshotsFromManifest } from '../../src/facts/official-snapshots.js';
import { pendingActText } from '../../src/facts/act-text.js';
import { checkProfile } from '../../src/facts/check-profile.js';
import { loadProfile } from '../../src/facts/profile.js';
import { join } from 'node:path';
import { CORPUS, catalogue, manifest, parameters } from './helpers.js';

const consolidation = consolidate(loadCorpus(manifest, CORPUS));
const { timelines, diagnostics } = resolveFacts({
  laws: consolidation.laws,
  changes: consolidation.changes,
  catalogue,
  parameters,
  ...officialSnapshotsFromManifest(manifest, CORPUS),
  actText: pendingActText({ manifest, corpusDir: CORPUS, catalogue }),
});
const t = (id: string) => timelines.find((x) => x.id === id)!.timeline;

describe('facts on the engine consolidation', () => {
  it('resolves without fact-unresolved errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('Westbalkan quota 25 000 until 31.5.2024 and 50 000 from 1.6.2024 by VO Art. 3 Nr. 1', () => {
    expect(t('westbalkan.quota').map((e) => [e.validFrom, e.validTo, e.value, e.tier, e.lastChange?.path ?? null])).toEqual([
      ['2022-07-29', '2024-05-31', 25000, 'consolidated', null],
      ['2024-06-01', null, 50000, 'consolidated', 'Artikel 3 Nummer 1'],
    ]);
    expect(t('westbalkan.time-limit').map((e) => [e.validFrom, e.value, e.lastChange?.path ?? null])).toEqual([
      ['2022-07-29', true, null],
      ['2023-11-18', false, 'Artikel 1 Nummer 3'],
    ]);
  });

  it('BeschV § 6 and the Blue Card change on the days the official summaries state', () => {
    expect(t('beschv6.salary').map((e) => [e.validFrom, e.value])).toEqual([
      ['2022-07-29', 60],
      ['2024-03-01', 45],
    ]);
    expect(t('bluecard.salary.general').map((e) => [e.validFrom, Math.round((e.value as number) * 100) / 100, e.tier])).toEqual([
      ['2023-11-01', 66.67, 'consolidated'],
      ['2023-11-18', 50, 'official-snapshot'],
      ['2024-06-01', 50, 'official-snapshot'],
    ]);
    expect(entryOn(timelines.find((x) => x.id === 'bluecard.salary.general')!, '2024-06-01')!.caveat).toBeDefined();
    expect(t('chancenkarte.work-hours').map((e) => [e.validFrom, e.value, e.tier])).toEqual([['2024-06-01', 20, 'act-text']]);
  });

  it('the example profiles come out as on the hand-made versions', () => {
    const ctx = { timelines, catalogue, parameters };
    const profile = (f: string) => loadProfile(join(import.meta.dirname, '..', 'profiles', `${f}.json`));
    const outcome = (f: string, date: string, id: string) => checkProfile(profile(f), date, ctx).pathways.find((p) => p.id === id)!.outcome;
    expect(outcome('kosovar-cook', '2024-06-01', 'westbalkan')).toBe('eligible');
    expect(outcome('software-developer', '2023-11-01', 'blaue-karte-eu')).toBe('not-eligible');
    expect(outcome('software-developer', '2023-11-18', 'blaue-karte-eu')).toBe('eligible');
    expect(outcome('recognised-vocational-no-offer', '2024-03-01', 'chancenkarte')).toBe('not-eligible');
    expect(outcome('recognised-vocational-no-offer', '2024-06-01', 'chancenkarte')).toBe('eligible');
  });
});
