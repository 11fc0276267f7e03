import { describe, expect, it } from 'vitest';
import { parseInstruction, splitClauses } from '../../src/act/parse-instruction.js';
import { formatAddress, parseAddress, type Address } from '../../src/act/address.js';

const para = (l: string): Address => [{ kind: 'paragraph', labels: [l] }];
const ops = (sentence: string, quotes: string[], ctx: Address = []) => {
  const r = parseInstruction(sentence, quotes, ctx);
  if (r.kind !== 'operations') throw new Error(`not operations: ${JSON.stringify(r)}`);
  return r.operations.map((o) => ({ ...o, target: formatAddress(o.target) }));
};

describe('instruction forms', () => {
  it('rewrite: "wird wie folgt gefasst"', () => {
    expect(ops('§ 6 wird wie folgt gefasst: ⟦0⟧', ['§ 6\nX\nText.'])[0]).toMatchObject({ action: 'rewrite', target: '§ 6', unitKind: 'paragraph' });
  });
  it('rewrite a heading: "In § 59a wird die Überschrift wie folgt gefasst"', () => {
    expect(ops('In § 59a wird die Überschrift wie folgt gefasst: ⟦0⟧.', ['Neu'])[0]).toMatchObject({ action: 'rewrite', target: '§ 59a Überschrift', unitKind: 'ueberschrift', content: 'Neu' });
  });
  it('rewrite several Nummern: "werden die Nummern 3 und 4 wie folgt gefasst"', () => {
    expect(ops('In § 38f Absatz 1 werden die Nummern 3 und 4 wie folgt gefasst: ⟦0⟧.', ['3. a,\n4. b,'])[0]).toMatchObject({ action: 'rewrite', target: '§ 38f Abs. 1 Nr. 3, 4' });
  });
  it('repeal: "Nummer 1 wird aufgehoben" inherits the parent address', () => {
    const ctx: Address = [...para('2'), { kind: 'absatz', labels: ['1'] }, { kind: 'satz', labels: ['1'] }];
    expect(ops('Nummer 1 wird aufgehoben.', [], ctx)[0]).toMatchObject({ action: 'repeal', target: '§ 2 Abs. 1 Satz 1 Nr. 1' });
  });
  it('delete a sentence: "Satz 5 wird gestrichen"', () => {
    expect(ops('Satz 5 wird gestrichen.', [], [...para('31'), { kind: 'absatz', labels: ['1'] }])[0]).toMatchObject({ action: 'delete-unit', target: '§ 31 Abs. 1 Satz 5' });
  });
  it('delete words', () => {
    expect(ops('In § 26 Absatz 2 Satz 1 werden die Wörter ⟦0⟧ gestrichen.', ['in den Jahren 2021 bis einschließlich 2023'])[0]).toMatchObject({ action: 'delete', find: 'in den Jahren 2021 bis einschließlich 2023', each: false });
  });
  it('replace words with a plain space for a no-break space in the act', () => {
    expect(ops('In § 26 Absatz 2 Satz 3 wird die Angabe ⟦0⟧ durch die Angabe ⟦1⟧ ersetzt.', ['25 000', '50 000'])[0]).toMatchObject({ action: 'replace', target: '§ 26 Abs. 2 Satz 3', find: '25 000', replacement: '50 000' });
  });
  it('punctuation at the end: "der Punkt am Ende durch ein Komma ersetzt"', () => {
    expect(ops('In Nummer 4 wird der Punkt am Ende durch ein Komma ersetzt.', [], [...para('38d'), { kind: 'absatz', labels: ['2'] }])[0]).toMatchObject({ action: 'replace-end', punctuation: '.', replacement: ',', target: '§ 38d Abs. 2 Nr. 4' });
  });
  it('insert words before and after an anchor', () => {
    const r = ops('In Buchstabe b werden vor dem Wort ⟦0⟧ die Wörter ⟦1⟧ eingefügt, nach dem Wort ⟦2⟧ ein Komma eingefügt und das Wort ⟦3⟧ gestrichen.', ['eine', 'im Bundesgebiet', 'will', 'oder'], para('31'));
    expect(r.map((o) => o.action)).toEqual(['insert-words', 'insert-words', 'delete']);
    expect(r[0]).toMatchObject({ position: 'before', anchor: 'eine', words: 'im Bundesgebiet' });
    expect(r[1]).toMatchObject({ position: 'after', anchor: 'will', words: ',' });
  });
  it('insert units after a sibling: "Nach § 15c wird folgender § 15d eingefügt"', () => {
    expect(ops('Nach § 15c wird folgender § 15d eingefügt: ⟦0⟧', ['§ 15d\nX'])[0]).toMatchObject({ action: 'insert-units', target: '§ 15c', unitKind: 'paragraph', labels: ['15d'] });
  });
  it('insert several §§ with a range: "die folgenden §§ 18g bis 18i"', () => {
    expect(ops('Nach § 18f werden die folgenden §§ 18g bis 18i eingefügt: ⟦0⟧', ['§ 18g'])[0]).toMatchObject({ labels: ['18g', '18h', '18i'] });
  });
  it('insert a Satz after Satz 2: "In Absatz 1 wird nach Satz 2 folgender Satz eingefügt"', () => {
    expect(ops('In Absatz 1 wird nach Satz 2 folgender Satz eingefügt: ⟦0⟧', ['S.'], para('59'))[0]).toMatchObject({ action: 'insert-units', target: '§ 59 Abs. 1 Satz 2', unitKind: 'satz' });
  });
  it('append: "Dem Absatz 5 wird folgender Satz angefügt" / "Folgende Nummer 8 wird angefügt"', () => {
    expect(ops('Dem Absatz 5 wird folgender Satz angefügt: ⟦0⟧', ['X.'], para('29'))[0]).toMatchObject({ action: 'append-units', target: '§ 29 Abs. 5', unitKind: 'satz' });
    expect(ops('Folgende Nummer 8 wird angefügt: ⟦0⟧', ['8. x'], para('15'))[0]).toMatchObject({ action: 'append-units', target: '§ 15', unitKind: 'nummer', labels: ['8'] });
  });
  it('append words to the heading: "Der Überschrift werden die Wörter … angefügt"', () => {
    expect(ops('Der Überschrift werden die Wörter ⟦0⟧ angefügt.', ['und Fachkräfteeinwanderung'], para('38d'))[0]).toMatchObject({ action: 'append-words', target: '§ 38d Überschrift' });
  });
  it('renumber: "Die Nummern 2 und 3 werden die Nummern 1 und 2"', () => {
    expect(ops('Die Nummern 2 und 3 werden die Nummern 1 und 2.', [], para('2'))[0]).toMatchObject({ action: 'renumber', from: ['2', '3'], to: ['1', '2'] });
  });
  it('Inhaltsübersicht entries', () => {
    const ctx: Address = [{ kind: 'inhalt' }];
    expect(ops('Nach der Angabe zu § 30 wird folgende Angabe eingefügt: ⟦0⟧.', ['§ 30a X'], ctx)[0]).toMatchObject({ action: 'insert-units', target: 'Inhaltsübersicht Angabe zu § 30', unitKind: 'angabe' });
    expect(ops('Die Angabe zu § 38d wird wie folgt gefasst: ⟦0⟧.', ['§ 38d Y'], ctx)[0]).toMatchObject({ action: 'rewrite', target: 'Inhaltsübersicht Angabe zu § 38d' });
  });
  it('"jeweils": each addressed unit, each occurrence', () => {
    const r = ops('In den Absätzen 3 und 4 werden jeweils nach dem Wort ⟦0⟧ die Wörter ⟦1⟧ eingefügt.', ['Forschungsmigration', 'und Fachkräfteeinwanderung'], para('38d'));
    expect(r[0]).toMatchObject({ target: '§ 38d Abs. 3, 4', each: true });
  });
  it('two actions joined by "und" become two operations', () => {
    const r = ops('In § 30 Nummer 1 wird das Wort ⟦0⟧ durch ein Komma ersetzt und wird die Angabe ⟦1⟧ durch die Wörter ⟦2⟧ ersetzt.', ['sowie', '§ 16', 'den §§ 16 und 29 Absatz 5 Satz 2']);
    expect(r).toHaveLength(2);
    expect(r[0]).toMatchObject({ replacement: ',' });
    expect(r[1]).toMatchObject({ find: '§ 16', replacement: 'den §§ 16 und 29 Absatz 5 Satz 2' });
  });
  it('replacement + appended Nummern in one instruction', () => {
    const r = ops('In Nummer 8 wird der Punkt am Ende durch ein Komma ersetzt und nach Nummer 8 werden die folgenden Nummern 9 bis 11 angefügt: ⟦0⟧', ['9. a\n10. b\n11. c.'], [...para('38d'), { kind: 'absatz', labels: ['5'] }]);
    expect(r.map((o) => o.action)).toEqual(['replace-end', 'insert-units']);
    expect(r[1]).toMatchObject({ target: '§ 38d Abs. 5 Nr. 8', labels: ['9', '10', '11'] });
  });
  it('Satzteil vor Nummer 1 moves into the address', () => {
    expect(ops('In § 9 Absatz 1 werden in dem Satzteil vor Nummer 1 die Wörter ⟦0⟧ gestrichen.', ['eine Blaue Karte EU oder'])[0]).toMatchObject({ target: '§ 9 Abs. 1 Satzteil vor Nr. 1' });
    expect(ops('Vor Buchstabe a werden die Wörter ⟦0⟧ gestrichen.', ['im Bundesgebiet'], para('31'))[0]).toMatchObject({ target: '§ 31 Satzteil vor Buchst. a' });
  });
  it('einleitender and abschließender Satzteil (the words before or after the list of a unit)', () => {
    expect(ops('In § 5 Absatz 1 wird im einleitenden Satzteil das Wort ⟦0⟧ durch das Wort ⟦1⟧ ersetzt.', ['alt', 'neu'])[0]).toMatchObject({ action: 'replace', target: '§ 5 Abs. 1 einleitender Satzteil' });
    expect(ops('Im abschließenden Satzteil werden die Wörter ⟦0⟧ gestrichen.', ['zu prüfen'], para('5'))[0]).toMatchObject({ action: 'delete', target: '§ 5 abschließender Satzteil' });
    expect(ops('In Absatz 2 werden im Satzteil vor der Aufzählung die Wörter ⟦0⟧ gestrichen.', ['in der Regel'], para('5'))[0]).toMatchObject({ target: '§ 5 Abs. 2 einleitender Satzteil' });
    expect(parseAddress('Satzteil nach der Aufzählung')).toEqual([{ kind: 'satzteil', which: 'nach' }]);
  });
  it('repeal of units named after the address with their article: "In § 2 Absatz 1 werden die Sätze 2 und 3 aufgehoben"', () => {
    expect(ops('In § 2 Absatz 1 werden die Sätze 2 und 3 aufgehoben.', [])[0]).toMatchObject({ action: 'repeal', target: '§ 2 Abs. 1 Satz 2, 3' });
    expect(ops('In Absatz 3 wird die Nummer 4 aufgehoben.', [], para('7'))[0]).toMatchObject({ action: 'repeal', target: '§ 7 Abs. 3 Nr. 4' });
  });
  it('"am Ende" before the words: "wird am Ende das Wort „und“ durch ein Komma ersetzt"', () => {
    expect(ops('In Nummer 3 wird am Ende das Wort ⟦0⟧ durch ein Komma ersetzt.', ['und'], para('20'))[0]).toMatchObject({ action: 'replace', target: '§ 20 Nr. 3', find: 'und', replacement: ',', atEnd: true });
    expect(ops('In Nummer 3 werden am Ende die Wörter ⟦0⟧ gestrichen.', ['oder auch'], para('20'))[0]).toMatchObject({ action: 'delete', find: 'oder auch', atEnd: true });
  });
  it('reads the typo "wir" as "wird", with a warning', () => {
    const r = parseInstruction('In Satz 1 wir das Wort ⟦0⟧ durch das Wort ⟦1⟧ ersetzt.', ['neun', 'zwölf'], para('38d'));
    expect(r.kind).toBe('operations');
    if (r.kind === 'operations') expect(r.warnings[0]).toMatch(/wir/);
  });
  it('context: "§ 24a wird wie folgt geändert:"', () => {
    expect(parseInstruction('§ 24a wird wie folgt geändert:', [], [])).toEqual({ kind: 'context', address: para('24a') });
  });
  it('an unknown form is an error, not a guess', () => {
    expect(parseInstruction('§ 5 wird irgendwie verschönert.', [], []).kind).toBe('error');
  });
  it('splits clauses only at clause starts', () => {
    expect(splitClauses('die Wörter ⟦0⟧ durch die Wörter ⟦1⟧ und die Wörter ⟦2⟧ durch die Wörter ⟦3⟧ ersetzt')).toHaveLength(2);
  });
});

describe('addresses', () => {
  it('parses plural and ranges', () => {
    // a range keeps its ends as written: the text may hold lettered units between them ("Nummer 10a")
    expect(parseAddress('den Nummern 9 bis 11')).toEqual([{ kind: 'nummer', labels: ['9', '10', '11'], spans: [{ from: '9', to: '11' }] }]);
    expect(parseAddress('§ 31 Absatz 1 Satz 1 Nummer 2 Buchstabe c')?.map((p) => p.kind)).toEqual(['paragraph', 'absatz', 'satz', 'nummer', 'buchstabe']);
    expect(parseAddress('Buchstaben vv bis xx')).toEqual([{ kind: 'buchstabe', labels: ['vv', 'ww', 'xx'], spans: [{ from: 'vv', to: 'xx' }] }]);
    expect(parseAddress('den Sätzen 2 bis 4')).toEqual([{ kind: 'satz', labels: ['2', '3', '4'] }]);
    expect(parseAddress('Nummer 2 und 3')).toEqual([{ kind: 'nummer', labels: ['2', '3'] }]);
  });
  it('rejects non-addresses', () => {
    expect(parseAddress('Spalte A')).toBeUndefined();
  });
});
