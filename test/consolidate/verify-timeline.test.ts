/**
 * The timeline of every law over the whole official series: a version for every in-force date, each unit
 * with its tier; where the act text is missing or its instruction fails, the official wording of that
 * date (tier official), never a silent mix. The assertions accept `derived-verified` wherever the engine
 * may come to apply an act that fails today.
 */
import { describe, expect, it } from 'vitest';
import { consolidate, consolidateOneLaw, loadCorpus, officialSeriesOf } from '../../src/consolidate/consolidate.js';
import { reconcile } from '../../src/consolidate/reconcile.js';
import { TIERS, type LawVersion } from '../../src/consolidate/types.js';
import { DEFAULT_CORPUS, loadManifest, readCorpusText } from '../../src/corpus/manifest.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { addDays } from '../../src/text/dates.js';
import { writtenAsOfficial } from '../../src/model/serialize.js';

const corpus = loadCorpus(loadManifest(), DEFAULT_CORPUS);
const result = consolidate(corpus);
const law = (id: string) => result.laws.find((l) => l.law === id)!;
const on = (id: string, date: string): LawVersion => [...law(id).versions].reverse().find((v) => v.validFrom <= date)!;
const unit = (v: LawVersion, id: string) => v.units!.find((u) => u.id === id);

describe('one timeline per law, to the last official version and beyond', () => {
  it('AufenthG reaches 2026-08-12; versions are contiguous and every unit has exactly one tier', () => {
    for (const lv of result.laws) {
      lv.versions.forEach((v, i) => {
        const next = lv.versions[i + 1];
        expect(v.validTo).toBe(next ? addDays(next.validFrom, -1) : null);
        expect(v.units!.length).toBe(Object.values(v.tiers!).reduce((a, b) => a + b, 0));
        for (const u of v.units!) expect(TIERS).toContain(u.tier);
        // every § and Anlage of the tree has its provenance, and no other
        const ids = v.tree.body.filter((n) => n.kind === 'paragraph' || n.kind === 'anlage').map((n) => n.id);
        expect(v.units!.filter((u) => u.id !== 'inhalt').map((u) => u.id).sort()).toEqual([...ids].sort());
        expect(v.complete).toBe(true);
      });
    }
    expect(law('aufenthg').versions.at(-1)!.validFrom >= '2026-08-12').toBe(true);
    expect(law('aufenthv').versions.at(-1)!.validFrom >= '2026-08-12').toBe(true);
  });

  it('§ 18g: absent until 17.11.2023, then in every version, with tier and source', () => {
    expect(unit(on('aufenthg', '2023-11-17'), 'para-18g')).toBeUndefined();
    for (const d of ['2023-11-18', '2024-06-01', '2026-08-12']) {
      const u = unit(on('aufenthg', d), 'para-18g')!;
      expect(['official', 'derived-verified']).toContain(u.tier);
      if (u.tier === 'official') expect(u.source.file).toMatch(/^official\/aufenthg_2004\/\d{4}-\d{2}-\d{2}\.md$/);
    }
    // on 18.11.2023 the act's Art. 1 Nr. 8 is cut off in the corpus: the official wording, saying why
    const first = unit(on('aufenthg', '2023-11-18'), 'para-18g')!;
    if (first.tier === 'official') expect(first.source.notApplied?.join(' ')).toMatch(/Artikel 1 Nummer 8/);
  });

  it('the seeds applied where the corpus has them, and verified against the official text of that day', () => {
    for (const id of ['para-18a', 'para-18b']) expect(unit(on('aufenthg', '2023-11-18'), id)).toMatchObject({ tier: 'derived-verified', since: '2023-11-18', source: { kind: 'act', act: 'bgbl-2023-i-217' } });
    expect(unit(on('beschv', '2024-06-01'), 'para-26')).toMatchObject({ tier: 'derived-verified', since: '2024-06-01', source: { act: 'bgbl-2023-i-233', artikel: '3' } });
    expect(unit(on('aufenthv', '2024-06-01'), 'para-31')?.tier).toBe('derived-verified');
  });

  it('the later real acts are versions of their in-force dates (from the manifest)', () => {
    const froms = law('aufenthg').versions.map((v) => v.validFrom);
    expect(froms).toEqual(expect.arrayContaining(['2023-11-18', '2024-03-01', '2024-06-01', '2025-07-24', '2025-10-30']));
    expect(law('aufenthv').versions.map((v) => v.validFrom)).toContain('2025-11-01');
    // BGBl. 2025 I Nr. 173 Art. 1 in force 24.7.2025; online only from 27.7.2025: § 104 Abs. 14 is in force from the act's date
    const p104 = unit(on('aufenthg', '2025-07-24'), 'para-104')!;
    expect(p104.since).toBe('2025-07-24');
    expect(['official', 'derived-verified']).toContain(p104.tier);
    expect(unit(on('aufenthg', '2025-07-23'), 'para-104')!.since < '2025-07-24').toBe(true);
  });

  it('in-force dates from the juris footnotes: AufenthG § 44a by Art. 2 G v. 27.10.2025 mWv 30.10.2025', () => {
    const e = officialSeriesOf(corpus).get('aufenthg')!.entries.get('para-44a')!.find((x) => x.online === '2025-11-06')!;
    expect(e).toMatchObject({ from: '2025-10-30', inForceFrom: 'footnote', attribution: { citation: 'BGBl. 2025 I Nr. 256', artikel: '2' } });
    const u = unit(on('aufenthg', '2025-10-30'), 'para-44a')!;
    expect(u.since).toBe('2025-10-30');
  });
});

describe('reconcile', () => {
  const r = reconcile(corpus, result);
  it('covers every official date of each law from the base on, § by §', () => {
    for (const l of r) {
      const snaps = officialSeriesOf(corpus).get(l.law)!.snapshots.filter((s) => s.date >= law(l.law).versions[0].validFrom);
      expect(l.dates.map((d) => d.date)).toEqual(snaps.map((s) => s.date));
      for (const d of l.dates) {
        expect(d.equal + d.differs.length).toBeGreaterThanOrEqual(snaps.find((s) => s.date === d.date)!.order.length);
        for (const f of d.differs) expect(f.explanation.length).toBeGreaterThan(10);
      }
      expect(l.equal).toBeGreaterThan(0);
    }
  });

  it('says what the official text filled in and which act of the corpus was due then', () => {
    const d = r.find((l) => l.law === 'aufenthg')!.dates.find((x) => x.date === '2023-12-23')!;
    const f = d.filled.find((x) => x.id === 'para-104');
    if (f) expect(f.explanation).toMatch(/Georgiens|2023 I|not applied/);
    const g = r.find((l) => l.law === 'aufenthg')!.dates.find((x) => x.date === '2023-11-18')!.filled.find((x) => x.id === 'para-18g');
    if (g) expect(g.explanation).toMatch(/Artikel 1 Nummer 8/);
  });
});

describe('one law consolidated alone (a first `show` or `diff` of that law)', () => {
  it('has the versions of the whole consolidation, its change records under the same numbers, and its diagnostics', () => {
    const alone = result.laws.map((lv) => consolidateOneLaw(loadCorpus(loadManifest(), DEFAULT_CORPUS), lv.law));
    let first = 0;
    alone.forEach((one, k) => {
      expect(one.law.law).toBe(result.laws[k].law);
      // the same JSON: trees, provenance and the change numbers in versions and sources
      expect(JSON.stringify(one.law)).toBe(JSON.stringify(result.laws[k]));
      expect(one.firstChange).toBe(first);
      expect(one.changes).toEqual(result.changes.slice(first, first + one.changes.length));
      expect(one.changes.length).toBeGreaterThan(0);
      for (const v of one.law.versions) for (const i of v.changes) expect(result.changes[i].law).toBe(one.law.law);
      first += one.changes.length;
    });
    expect(first).toBe(result.changes.length);
    // the acts' own diagnostics first, then each law's
    const perLaw = alone.flatMap((one) => one.diagnostics);
    expect(result.diagnostics.slice(result.diagnostics.length - perLaw.length)).toEqual(perLaw);
  });
});

describe('the derived §§ are laid out as the official text', () => {
  it('every derived-verified § of a version that starts on an official date is, written out, the official § (juris footnotes aside), with three known exceptions', () => {
    let identical = 0;
    const different = new Set<string>();
    for (const lv of result.laws) {
      const entry = corpus.manifest.laws.find((l) => l.id === lv.law)!;
      for (const v of lv.versions) {
        const file = entry.official.find((f) => f.endsWith(`/${v.validFrom}.md`));
        if (!file) continue;
        const official = parseStatute(readCorpusText(DEFAULT_CORPUS, file), { lawId: lv.law });
        for (const u of v.units!.filter((x) => x.tier === 'derived-verified' && x.id.startsWith('para-'))) {
          if (!official.body.some((n) => n.id === u.id) || !v.tree.body.some((n) => n.id === u.id)) continue;
          if (writtenAsOfficial(official, u.id) === writtenAsOfficial(v.tree, u.id)) identical++;
          else different.add(`${lv.law} ${u.id}`);
        }
      }
    }
    // AufenthG § 44a (from 25.12.2025): the official Markdown breaks Absatz 3 inside "dieses ⏎⏎ Gesetzes";
    // BeschV § 36 (25.12.2025): it breaks Nummer 3 before the word printed in italics ("⏎⏎
    // Schwarzarbeiterbekämpfungsgesetzes", juris: "Kursivdruck"); AufenthV § 31 Abs. 1 Satz 4: the last
    // item's 95-character PDF line ends in a comma before the words that close the list, which stays
    // ambiguous with a wrapped line and is read as part of the item
    expect([...different].sort()).toEqual(['aufenthg para-44a', 'aufenthv para-31', 'beschv para-36']);
    expect(identical).toBeGreaterThanOrEqual(340);
  });
});
