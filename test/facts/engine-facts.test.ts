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
import { CORPUS, acts, catalogue, fullManifest as manifest, parameters } from './helpers.js';

const consolidation = consolidate(loadCorpus(manifest, CORPUS));
const { timelines, diagnostics } = resolveFacts({
  laws: consolidation.laws,
  changes: consolidation.changes,
  catalogue,
  parameters,
  ...officialSnapshotsFromManifest(manifest, CORPUS),
  actText: pendingActText({ acts: acts(), catalogue }),
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
    // § 18g is official wording in the chain from 18.11.2023 (Art. 1 Nr. 8 of the Gesetz is cut off in our
    // text): one entry to the end of the series, no longer split at 1.6.2024 with a caveat, because the
    // AufenthG versions are complete (official tier where the act text is missing)
    expect(t('bluecard.salary.general').map((e) => [e.validFrom, e.validTo, Math.round((e.value as number) * 100) / 100, e.tier, e.provenance])).toEqual([
      ['2023-11-01', '2023-11-17', 66.67, 'consolidated', 'official'],
      ['2023-11-18', null, 50, 'official-snapshot', 'official'],
    ]);
    expect(entryOn(timelines.find((x) => x.id === 'bluecard.salary.general')!, '2024-06-01')!.caveat).toBeUndefined();
    expect(entryOn(timelines.find((x) => x.id === 'bluecard.salary.general')!, '2026-08-12')!.lastChange).toMatchObject({ act: 'bgbl-2023-i-217', artikel: '1' });
    // the Chancenkarte (§ 20a, cut off in our Gesetz text) from the official text of 1.6.2024
    expect(t('chancenkarte.work-hours').map((e) => [e.validFrom, e.value, e.tier, e.provenance])).toEqual([['2024-06-01', 20, 'official-snapshot', 'official']]);
  });

  it('the other changes of the official summaries, each with its source tier', () => {
    const at = (id: string, date: string) => entryOn(timelines.find((x) => x.id === id)!, date)!;
    // the limitation "in den Jahren 2021 bis einschließlich 2023" is gone from 18.11.2023
    expect(at('westbalkan.time-limit', '2023-11-17').value).toBe(true);
    expect([at('westbalkan.time-limit', '2023-11-18').value, at('westbalkan.time-limit', '2023-11-18').tier]).toEqual([false, 'consolidated']);
    // BeschV § 6: two years of experience within five from 1.3.2024
    expect([at('beschv6.experience', '2024-03-01').value, at('beschv6.experience-window', '2024-03-01').value]).toEqual([2, 5]);
    expect([at('beschv6.experience', '2024-02-29').value, at('beschv6.experience-window', '2024-02-29').value]).toEqual([3, 7]);
    // training side job: 10 hours a week, 20 from 1.3.2024 (AufenthG: from the official snapshot, our Gesetz text lacks Art. 2)
    expect([at('training.side-job-hours', '2024-02-29').value, at('training.side-job-hours', '2024-03-01').value]).toEqual([10, 20]);
    expect(at('training.side-job-hours', '2024-03-01').tier).toBe('official-snapshot');
    // Blue Card shortage occupations: 52 % under § 18b Abs. 2, then 45,3 % under § 18g Abs. 1
    expect([at('bluecard.salary.shortage', '2023-11-17').value, at('bluecard.salary.shortage', '2023-11-17').unitLabel]).toEqual([52, '§ 18b Abs. 2 Satz 2']);
    expect([at('bluecard.salary.shortage', '2023-11-18').value, at('bluecard.salary.shortage', '2023-11-18').unitLabel]).toEqual([45.3, '§ 18g Abs. 1 Satz 2']);
    expect(at('bluecard.salary.shortage', '2024-03-01').euros?.find((e) => e.year === 2024)?.amount).toBe(41041.8);
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
