import { beforeAll, describe, expect, it } from 'vitest';
import { resolveLawName } from '../../src/act/load-act.js';
import { loadManifest } from '../../src/corpus/manifest.js';
import { loadCorpus, type Corpus } from '../../src/consolidate/consolidate.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

describe.runIf(HAS_CORPUS)('the acts of the corpus', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = loadCorpus(loadManifest(), CORPUS);
  });
  const act = (id: string) => corpus.acts.find((a) => a.entry.id === id)!;

  it('Verordnung: every instruction is turned into operations or reported as out of corpus; none fails', () => {
    const v = act('bgbl-2023-i-233');
    expect(v.title).toBe('Verordnung zur Weiterentwicklung der Fachkräfteeinwanderung');
    expect(v.date).toBe('2023-08-30');
    expect(v.instructions.filter((i) => i.status === 'failed')).toEqual([]);
    expect(v.instructions.filter((i) => i.status === 'parsed').length).toBeGreaterThan(60);
    const outside = new Set(v.instructions.filter((i) => i.status === 'not-in-corpus').map((i) => i.artikel));
    expect([...outside].sort()).toEqual(['6', '7', '8']);
  });

  it('effective dates come from Artikel 9 of the Verordnung', () => {
    const v = act('bgbl-2023-i-233');
    const dateOf = (path: string) => v.instructions.find((i) => i.path === path || i.path.startsWith(path + ' '))?.effective;
    expect(dateOf('Artikel 1 Nummer 3')).toBe('2023-11-18');
    expect(dateOf('Artikel 4 Nummer 2')).toBe('2023-11-18');
    expect(dateOf('Artikel 2 Nummer 9')).toBe('2024-03-01');
    expect(dateOf('Artikel 5 Nummer 1')).toBe('2024-03-01');
    expect(dateOf('Artikel 5 Nummer 3')).toBe('2024-03-01');
    expect(dateOf('Artikel 3 Nummer 1')).toBe('2024-06-01');
    expect(dateOf('Artikel 5 Nummer 2')).toBe('2024-06-01');
    expect(dateOf('Artikel 5 Nummer 7')).toBe('2024-06-01');
    // Artikel 6: "am Tag nach der Verkündung" — the Verkündung date is not in our text
    expect(dateOf('Artikel 6')).toBeNull();
    expect(v.inkrafttreten.some((r) => r.source.startsWith('Artikel 9 Absatz 3'))).toBe(true);
  });

  it('the typo "wir" is read as meant, with a warning at its source line', () => {
    const i = act('bgbl-2023-i-233').instructions.find((x) => x.path === 'Artikel 4 Nummer 4 Buchstabe e Doppelbuchstabe aa')!;
    expect(i.status).toBe('parsed');
    expect(i.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'typo-corrected' });
    expect(i.source.line).toBe(388);
  });

  it('Gesetz fragments: complete instructions become operations, the two truncated ones are incomplete', () => {
    const g = act('bgbl-2023-i-217');
    expect(g.instructions.filter((i) => i.status === 'failed')).toEqual([]);
    expect(g.instructions.filter((i) => i.status === 'incomplete-text').map((i) => i.path)).toEqual(['Artikel 1 Nummer 8', 'Artikel 3 Nummer 3']);
    expect(g.instructions.find((i) => i.path === 'Artikel 3 Nummer 2')?.operations[0]).toMatchObject({ action: 'rewrite' });
    expect(g.diagnostics.some((d) => d.code === 'displaced-label')).toBe(true);
    expect(g.diagnostics.some((d) => d.code === 'inkrafttreten-from-manifest')).toBe(true);
    expect(g.instructions.find((i) => i.path === 'Artikel 1 Nummer 1a')?.effective).toBe('2023-11-18');
    expect(g.instructions.find((i) => i.path === 'Artikel 3 Nummer 2')?.effective).toBe('2024-06-01');
    expect(g.missingArtikel).toEqual([{ artikel: '2', law: 'aufenthg', effective: '2024-03-01' }]);
  });
});

describe('resolveLawName', () => {
  const laws = [{ id: 'pruefgebv', abbreviation: 'PrüfGebV', title: 'Verordnung über Gebühren der Prüfstellen', names: ['Prüfstellengebührenverordnung', 'Arbeitnehmer-Entsendeverordnung', 'FS-An- und Abflug-Kostenverordnung'] }] as unknown as Parameters<typeof resolveLawName>[1];
  it('reads a name as written, with its article and case ending, and with or without a hyphen between words', () => {
    for (const written of ['Prüfstellengebührenverordnung', 'der Prüfstellen-Gebührenverordnung', 'Prüfstellengebührenverordnungs', 'Arbeitnehmerentsendeverordnung', 'PrüfGebV']) {
      expect(resolveLawName(written, laws).law, written).toBe('pruefgebv');
    }
    // another law is no match (a near miss at most); a typo in a hyphenated name is a near miss
    expect(resolveLawName('Prüfstellenverordnung', laws).law).toBeUndefined();
    expect(resolveLawName('Arbeitnehmer-Entsendeverordnng', laws)).toEqual({ nearMiss: 'Arbeitnehmer-Entsendeverordnung', nearMissLaw: 'pruefgebv' });
    expect(resolveLawName('FS-An- und Abflug-Kostenverordnng', laws)).toEqual({ nearMiss: 'FS-An- und Abflug-Kostenverordnung', nearMissLaw: 'pruefgebv' });
    expect(resolveLawName('Prüfstellen - Gebührenverordnung', laws).law).toBeUndefined();
  });
});
