/**
 * Act layouts as they come (web copies of the BGBl text) and quotation marks in every form, each with
 * a short real example (the case folder of ../shared/corpus/real-acts it comes from is named).
 */
import { describe, expect, it } from 'vitest';
import { cleanActText, normaliseWebLayout, pairQuotes } from '../../src/act/clean-text.js';
import { findLawCitation, parseActFragment } from '../../src/act/parse-act.js';
import { readVerkuendung } from '../../src/act/verkuendung.js';
import { normaliseSentence, parseInstruction } from '../../src/act/parse-instruction.js';

const frag = (t: string) => parseActFragment(cleanActText('act.txt', t));

describe('web layouts', () => {
  it('buzer list bullets "- 1." and a bullet glued to the words before it (2021-i-5066 Art. 1, MinUhV)', () => {
    const lines = normaliseWebLayout('beträgt monatlich- 1.\n- in der ersten Altersstufe 396 Euro,\n- 2.\n- in der zweiten Altersstufe 455 Euro').map((l) => l.text);
    expect(lines).toEqual(['beträgt monatlich', '1. in der ersten Altersstufe 396 Euro,', '2. in der zweiten Altersstufe 455 Euro']);
  });
  it('"Artikel 2 Änderung der Beschäftigungsverordnung" on one line, buzer page title and chrome dropped (2022-i-1325 Art. 2)', () => {
    const f = frag(
      'Tools:\nArtikel 2 - Zweites Gesetz zur Änderung des Windenergie-auf-See-Gesetzes (2. WindSeeGuaÄndG k.a.Abk.)\nArtikel 2 Änderung der Beschäftigungsverordnung\nDie Beschäftigungsverordnung vom 6. Juni 2013 (BGBl. I S. 1499), die zuletzt durch Artikel 1 der Verordnung vom 31. Mai 2021 (BGBl. I S. 1253) geändert worden ist, wird wie folgt geändert:\n- 1.\n- In § 30 Nummer 2 wird die Angabe „und 23" durch die Angabe „, 23 und 24b" ersetzt.\nAnzeige\nZitierungen von Artikel 2\nArtikel 12 2. WindSeeGuaÄndG Inkrafttreten',
    );
    expect(f.artikel.map((a) => [a.number, a.heading, a.lawName])).toEqual([['2', 'Änderung der Beschäftigungsverordnung', 'Beschäftigungsverordnung']]);
    expect(f.artikel[0].instructions[0].sentence).toBe('In § 30 Nummer 2 wird die Angabe ⟦0⟧ durch die Angabe ⟦1⟧ ersetzt.');
  });
  it('a table of contents listing the Artikel before their text (2023-i-268, VersResAbV)', () => {
    const f = frag('Eingangsformel\nArtikel 1 Änderung der Versorgungsreserveabrufverordnung\nArtikel 2 Inkrafttreten\nSchlussformel\nAuf Grund des § 50d … verordnet die Bundesregierung:\nArtikel 1 Änderung der Versorgungsreserveabrufverordnung\n§ 1 der Versorgungsreserveabrufverordnung vom 30. September 2022 (BAnz AT 30.09.2022 V3) wird wie folgt geändert:\n1.\nIn Absatz 1 wird die Angabe „1. Oktober 2022" durch die Angabe „11. Oktober 2023" ersetzt.\nArtikel 2 Inkrafttreten\nDiese Verordnung tritt am Tag nach der Verkündung*) in Kraft.');
    expect(f.artikel.map((a) => a.number)).toEqual(['1', '2']);
    expect(f.artikel[1].absaetze[0].text).toBe('Diese Verordnung tritt am Tag nach der Verkündung in Kraft.');
  });
  it('an act without Artikel: the amending sentence and the closing in-force sentence (2021-4kugvaendv, KugV)', () => {
    const f = frag('Die\nKurzarbeitergeldverordnung vom\n25. März 2020 (BGBl. I S. 595), die zuletzt durch\nArtikel 1 der Verordnung vom 17. Juni 2021 (BGBl. I S. 1821) geändert worden ist, wird wie folgt geändert:\n- 1.\n- In § 3 Satz 2 werden die Wörter „, wenn der Betrieb" gestrichen.\nDiese Verordnung tritt am Tag nach der Verkündung*) in Kraft.');
    expect(f.artikel.map((a) => [a.number, a.heading])).toEqual([['1', ''], ['2', 'Inkrafttreten']]);
    expect(f.artikel[0].lawName).toBe('Kurzarbeitergeldverordnung');
    expect(f.artikel[0].instructions.map((i) => i.path)).toEqual(['Nummer 1']);
  });
  it('an Artikel split into Absätze, each amending its own law (2025-schwarzarbmog Art. 19)', () => {
    const f = frag('Artikel 19 Folgeänderungen\n(1) Das Aufenthaltsgesetz in der Fassung der Bekanntmachung vom 25. Februar 2008 (BGBl. I S. 162), das zuletzt durch Artikel 2 des Gesetzes vom 22. Dezember 2025 geändert worden ist, wird wie folgt geändert:\n§ 90 Absatz 1 wird wie folgt geändert:\n1.\nNummer 3 wird aufgehoben.\n(2) Das Fünfte Buch Sozialgesetzbuch (Artikel 1 des Gesetzes vom 20. Dezember 1988, BGBl. I S. 2477), das zuletzt durch Artikel 1 geändert worden ist, wird wie folgt geändert:\n1.\nIn § 1 wird das Wort „x“ gestrichen.');
    expect(f.artikel.map((a) => [a.number, a.absatz, a.lawName])).toEqual([['19', '1', 'Aufenthaltsgesetz'], ['19', '2', 'Fünfte Buch Sozialgesetzbuch']]);
    expect(f.artikel[0].instructions.map((i) => i.path || i.sentence)).toEqual(['§ 90 Absatz 1 wird wie folgt geändert:', 'Nummer 1']);
  });
  it('"alt | neu" tables around quoted text keep the new column (2025-i-173 Art. 1 Nr. 2)', () => {
    const lines = normaliseWebLayout('| alt | neu |\n| (14) (aufgehoben) | "(14) Bis zum Ablauf des 23. Juli 2027 …" |').map((l) => l.text);
    expect(lines).toEqual(['"(14) Bis zum Ablauf des 23. Juli 2027 …"']);
  });
});

describe('quotation marks in every form', () => {
  it('„…“ stays; „…" (closing straight, 2021-i-2467 Art. 5 Nr. 2) and "…" (2025-i-260 Art. 1) pair', () => {
    expect(pairQuotes('die Wörter „ermäßigt sich" durch das Wort „entspricht" ersetzt')).toBe('die Wörter „ermäßigt sich“ durch das Wort „entspricht“ ersetzt');
    expect(pairQuotes('wird die Angabe "und" gestrichen.')).toBe('wird die Angabe „und“ gestrichen.');
    expect(pairQuotes('die Angabe " (§ 1 Absatz 8)." durch die Angabe " (§ 1 Absatz 8)," ersetzt')).toBe('die Angabe „ (§ 1 Absatz 8).“ durch die Angabe „ (§ 1 Absatz 8),“ ersetzt');
  });
  it('»…«, «…» and “…” as outer marks', () => {
    expect(pairQuotes('das Wort »und« ersetzt')).toBe('das Wort „und“ ersetzt');
    expect(pairQuotes('das Wort «und» ersetzt')).toBe('das Wort „und“ ersetzt');
    expect(pairQuotes('das Wort “und” ersetzt')).toBe('das Wort „und“ ersetzt');
  });
  it('a quote glued to the colon (2021-i-3682 Art. 4 Nr. 1 Buchst. b) and a stray letter before it (2021-i-5259 Art. 1a)', () => {
    const w: string[] = [];
    expect(normaliseSentence('Nach Absatz 2 wird folgender Absatz 2a eingefügt:⟦0⟧', w)).toBe('Nach Absatz 2 wird folgender Absatz 2a eingefügt: ⟦0⟧');
    expect(normaliseSentence('In § 13 wird nach Absatz 8a folgender Absatz 8b eingefügt: s⟦0⟧', w)).toBe('In § 13 wird nach Absatz 8a folgender Absatz 8b eingefügt: ⟦0⟧');
    expect(w).toEqual(['a stray letter before a quote of the act text was dropped']);
  });
  it('quotes nested inside quoted text (2021-i-3682 Art. 4 Nr. 1 Buchst. c)', () => {
    expect(pairQuotes('angefügt:„(9) … der Vermerk „Erwerbstätigkeit erlaubt" unterhalb …"')).toBe('angefügt:„(9) … der Vermerk „Erwerbstätigkeit erlaubt“ unterhalb …“');
  });
  it('an opening mark lost by the web copy is supplied after the colon, with a warning (2022-i-2847 Art. 5 Nr. 4)', () => {
    const f = frag('Artikel 5\nÄnderung\nDas Aufenthaltsgesetz in der Fassung der Bekanntmachung vom 25. Februar 2008 (BGBl. I S. 162) wird wie folgt geändert:\n4.\n§ 104c wird wie folgt gefasst:\n§ 104c Übergangsregelung\n(1) Eine Aufenthaltserlaubnis gilt fort."\n5.\n§ 105d wird aufgehoben.');
    const n4 = f.artikel[0].instructions[0];
    expect(n4.quotes[0]).toMatchObject({ text: '§ 104c Übergangsregelung\n(1) Eine Aufenthaltserlaubnis gilt fort.', openingSupplied: true });
    expect(f.artikel[0].instructions[1].sentence).toBe('§ 105d wird aufgehoben.');
  });
  it('a quote that really never closes stays an error naming its line', () => {
    const f = frag('Artikel 1\nÄnderung\nDie X-Verordnung vom 1. Januar 2020 (BGBl. I S. 1) wird wie folgt geändert:\n1. In § 1 wird das Wort „Haus durch das Wort „Hof“ ersetzt.\n2. § 2 wird aufgehoben.');
    expect(f.artikel[0].instructions.some((i) => i.truncated)).toBe(true);
  });
});

describe('dates and target laws from the text', () => {
  it('the Verkündung from the masthead, a mirror citation line and buzer\'s note; never the Ausfertigung', () => {
    expect(readVerkuendung('Bundesgesetzblatt\nTeil I\n2024\nAusgegeben zu Bonn am 21. Juni 2024\nNr. 203\nVom 17. Juni 2024')?.date).toBe('2024-06-21');
    expect(readVerkuendung('Vom 22. Dezember 2021\n(BGBl. I Nr. 86 vom 29.12.2021 S. 5259)')?.date).toBe('2021-12-29');
    expect(readVerkuendung('Vom 27. Oktober 2025\n(BGBl. I vom 29.10.2025 Nr. 256 EU)')?.date).toBe('2025-10-29');
    expect(readVerkuendung('*)\nAnm. d. Red.: Die Verkündung erfolgte am 28. September 2021.')?.date).toBe('2021-09-28');
    expect(readVerkuendung('Vom 27. März 2024')).toBeUndefined();
  });
  it('the amended law in any grammatical case, with its citation cut out of the instruction', () => {
    const s = 'Dem § 104 des Aufenthaltsgesetzes in der Fassung der Bekanntmachung vom 25. Februar 2008 (BGBl. I S. 162), das zuletzt durch Artikel 4 des Gesetzes vom 8. Oktober 2023 (BGBl. 2023 I Nr. 271) geändert worden ist, wird folgender Absatz 18 angefügt: ⟦0⟧';
    const c = findLawCitation(s)!;
    expect(c.name).toBe('Aufenthaltsgesetzes');
    expect(`${s.slice(0, c.start).trim()} ${s.slice(c.end).trim()}`).toBe('Dem § 104 wird folgender Absatz 18 angefügt: ⟦0⟧');
    // an act amending an amending Verordnung names that Verordnung, not the laws in its title
    expect(findLawCitation('Artikel 4 der Verordnung zur Änderung der Beschäftigungsverordnung und der Aufenthaltsverordnung vom 23. März 2020 (BGBl. I S. 655) wird aufgehoben.')!.name).toBe(
      'Verordnung zur Änderung der Beschäftigungsverordnung und der Aufenthaltsverordnung',
    );
  });
});

describe('instruction forms of real acts', () => {
  const ops = (s: string, ctx = [{ kind: 'paragraph' as const, labels: ['1'] }]) => {
    const r = parseInstruction(s, ['a', 'b', 'c', 'd', 'e', 'f'], ctx);
    return r.kind === 'operations' ? r.operations.map((o) => o.action) : r;
  };
  it('"§ 104 Absatz 14 wird durch den folgenden Absatz 14 ersetzt" (2025-i-173 Art. 1 Nr. 2)', () => {
    expect(ops('§ 104 Absatz 14 wird durch den folgenden Absatz 14 ersetzt: ⟦0⟧')).toEqual(['substitute-units']);
  });
  it('"Nummer 3 wird durch die folgenden Nummern 3 bis 10 ersetzt" and "Die Angabe nach Nummer 10 wird durch die folgende Angabe ersetzt" (2025-schwarzarbmog Art. 19)', () => {
    expect(ops('Nummer 3 wird durch die folgenden Nummern 3 bis 10 ersetzt: ⟦0⟧')).toEqual(['substitute-units']);
    expect(ops('Die Angabe nach Nummer 10 wird durch die folgende Angabe ersetzt: ⟦0⟧')).toEqual(['rewrite']);
  });
  it('"Nach § 1 Absatz 8 wird der folgende Absatz 9 eingefügt", "Nach Nummer 8 wird die folgende Nummer 9 eingefügt" (2025-i-260 Art. 1)', () => {
    expect(ops('Nach § 1 Absatz 8 wird der folgende Absatz 9 eingefügt: ⟦0⟧')).toEqual(['insert-units']);
    expect(ops('Nach Nummer 8 wird die folgende Nummer 9 eingefügt: ⟦0⟧')).toEqual(['insert-units']);
  });
  it('"im Satzteil vor Nummer 1 … gestrichen" (2021-4kugvaendv Nr. 1), "… ergänzt" (2024-i-363 Art. 1 Nr. 1 a)', () => {
    expect(ops('In § 1 werden im Satzteil vor Nummer 1 die Wörter ⟦0⟧ gestrichen')).toEqual(['delete']);
    expect(ops('In Satz 1 werden nach dem Wort ⟦0⟧ die Wörter ⟦1⟧ ergänzt, die Angabe ⟦2⟧ durch die Angabe ⟦3⟧ und die Angabe ⟦4⟧ durch die Angabe ⟦5⟧ ersetzt')).toEqual(['insert-words', 'replace', 'replace']);
  });
  it('"Die bisherigen §§ 2 und 3 werden die §§ 3 und 4" (2021-i-5259 Art. 1 Nr. 2), "aaa) Die Wörter … werden durch … ersetzt" (2022-i-2847 Art. 1)', () => {
    expect(ops('Die bisherigen §§ 2 und 3 werden die §§ 3 und 4', [])).toEqual(['renumber']);
    expect(ops('Die Wörter ⟦0⟧ werden durch die Wörter ⟦1⟧ ersetzt')).toEqual(['replace']);
  });
  it('Anlagen: "In der Anlage (zu § 1 Absatz 1b) in Nummer 2 …" (2024-i-421 Art. 1 Nr. 3), "Nach dem Abschnitt zu Jordanien …" (2023-i-201 Art. 1)', () => {
    expect(ops('In der Anlage (zu § 1 Absatz 1b) in Nummer 2 wird das Wort ⟦0⟧ durch das Wort ⟦1⟧ ersetzt')).toEqual(['replace']);
    expect(ops('Nach dem Abschnitt zu Jordanien ⟦0⟧ wird in der nächsten Zeile das Wort ⟦1⟧ eingefügt', [{ kind: 'anlage', label: 'C' } as never])).toEqual(['insert-words']);
  });
});
