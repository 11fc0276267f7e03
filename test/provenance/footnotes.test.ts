import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CORPUS } from '../../src/corpus/manifest.js';
import { footnotesOfText, isFootnoteLine, parseFootnote } from '../../src/provenance/footnotes.js';

describe('juris footnotes of the official texts', () => {
  it('"IdF d." with Artikel, Nummer, Buchstabe, Doppelbuchstabe, act and in-force date (AufenthG § 11)', () => {
    const f = parseFootnote('§ 11 Abs. 1 Satz 1 (Kursivdruck): IdF d. Art. 1 Nr. 4 Buchst. a DBuchst. aa G v. 21.2.2024 I Nr. 54 mWv 27.2.2024 (doppeltes Komma wurde aufgrund offensichtl. Unrichtigkeit entfernt)');
    expect(f).toMatchObject({ kind: 'idf', target: '§ 11 Abs. 1 Satz 1', paragraph: '11', remark: 'doppeltes Komma wurde aufgrund offensichtl. Unrichtigkeit entfernt' });
    expect(f.changes).toEqual([{ artikel: '1', within: 'Nr. 4 Buchst. a DBuchst. aa', actKind: 'G', actDate: '2024-02-21', citation: 'BGBl. 2024 I Nr. 54', inForce: '2024-02-27' }]);
  });

  it('"IdF d." of an Artikel without Nummer (AufenthG § 44a, BGBl. 2025 I Nr. 256)', () => {
    const f = parseFootnote('§ 44a Abs. 3 Satz 1 Kursivdruck: IdF d. Art. 2 G v. 27.10.2025 I Nr. 256 mWv 30.10.2025 (sinngemäß konsolidiert)');
    expect(f).toMatchObject({ kind: 'idf', target: '§ 44a Abs. 3 Satz 1', paragraph: '44a', remark: 'sinngemäß konsolidiert' });
    expect(f.changes).toEqual([{ artikel: '2', within: '', actKind: 'G', actDate: '2025-10-27', citation: 'BGBl. 2025 I Nr. 256', inForce: '2025-10-30' }]);
  });

  it('two changes joined by "u. d.", old page citation and new number citation (AufenthV § 45c)', () => {
    const f = parseFootnote('§ 45c Abs. 1 Nr. 4: IdF d. Art. 1 Nr. 8 Buchst. c V v. 27.2.2013 I 351 mWv 5.3.2013 u. d. Art. 3 Nr. 14 Buchst. c V v. 30.10.2023 I Nr. 290 mWv 1.11.2023 (Kursivdruck: Müsste richtig "Chips" lauten)');
    expect(f.changes.map((c) => [c.artikel, c.within, c.actKind, c.citation, c.inForce])).toEqual([
      ['1', 'Nr. 8 Buchst. c', 'V', 'BGBl. 2013 I S. 351', '2013-03-05'],
      ['3', 'Nr. 14 Buchst. c', 'V', 'BGBl. 2023 I Nr. 290', '2023-11-01'],
    ]);
    expect(f.remark).toBe('Kursivdruck: Müsste richtig "Chips" lauten');
  });

  it('"Eingef. durch" (BeschV § 36 Abs. 4 by the Verordnung BGBl. 2023 I Nr. 233)', () => {
    const f = parseFootnote('§ 36 Abs. 4: Eingef. durch Art. 2 Nr. 11 V v. 30.8.2023 I Nr. 233 mWv 1.3.2024; Kursivdruck: Müsste richtig "Schwarzarbeitsbekämpfungsgesetz" lauten');
    expect(f).toMatchObject({ kind: 'eingef', paragraph: '36', remark: 'Kursivdruck: Müsste richtig "Schwarzarbeitsbekämpfungsgesetz" lauten' });
    expect(f.changes).toEqual([{ artikel: '2', within: 'Nr. 11', actKind: 'V', actDate: '2023-08-30', citation: 'BGBl. 2023 I Nr. 233', inForce: '2024-03-01' }]);
  });

  it('"Aufgeh. durch" (juris form; no such footnote is in the corpus texts)', () => {
    const f = parseFootnote('§ 5: Aufgeh. durch Art. 1 Nr. 3 G v. 16.8.2023 I Nr. 217 mWv 18.11.2023');
    expect(f).toMatchObject({ kind: 'aufgeh', paragraph: '5' });
    expect(f.changes[0]).toMatchObject({ artikel: '1', within: 'Nr. 3', citation: 'BGBl. 2023 I Nr. 217', inForce: '2023-11-18' });
  });

  it('a Landesrecht Abweichung is no amendment (AufenthG § 71)', () => {
    const f = parseFootnote('§ 71 Abs. 1 Satz 4 idF d. G v. 25.2.2008 I 162: Schleswig-Holstein - Abweichung durch § 7 des Gesetzes über die Aufnahme (LAufnG SH) v. 4.11.2021 GVOBl. Schl.-H. S. 1282 mWv 19.11.2021');
    expect(f.kind).toBe('abweichung');
    expect(f.changes).toEqual([]);
    expect(f.paragraph).toBe('71');
  });

  it('finds the footnote lines of a whole official text and nothing of the norm text', () => {
    const text = readFileSync(join(DEFAULT_CORPUS, 'official/aufenthg_2004/2026-08-12.md'), 'utf8');
    const fs = footnotesOfText(text);
    expect(fs.map((f) => [f.kind, f.paragraph])).toEqual([
      ['idf', '11'],
      ['idf', '44a'],
      ['abweichung', '71'],
    ]);
    expect(isFootnoteLine('(1) Das Gesetz dient der Steuerung und Begrenzung des Zuzugs von Ausländern.')).toBe(false);
  });
});
