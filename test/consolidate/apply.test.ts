import { describe, expect, it } from 'vitest';
import { applyOperation, ApplyError } from '../../src/consolidate/apply.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { findById } from '../../src/model/walk.js';
import { unitText } from '../../src/model/text-of.js';
import type { Operation } from '../../src/act/operations.js';

const LAW = `% Test
 
# § 26 – Beschäftigung bestimmter Staatsangehöriger

(2) Für Staatsangehörige können in den Jahren 2021 bis einschließlich 2023 Zustimmungen erteilt werden. Die Anzahl ist auf bis zu 25\u00a0000 je Kalenderjahr begrenzt. Die Zahl 25\u00a0000 steht hier noch einmal.

# § 30 – Liste

Keiner Zustimmung bedarf

1. der Ausländer sowie sein Kind nach § 16 oder

2. die Ausländerin.
`;

const para = (l: string, ...rest: Operation['target']): Operation['target'] => [{ kind: 'paragraph', labels: [l] }, ...rest];

describe('applyOperation', () => {
  it('replaces words modulo white-space kind and never changes its input', () => {
    const law = parseStatute(LAW);
    const before = JSON.stringify(law);
    const r = applyOperation(law, { action: 'replace', target: para('26', { kind: 'absatz', labels: ['2'] }, { kind: 'satz', labels: ['2'] }), find: '25 000', replacement: '50 000', each: false });
    expect(unitText(findById(r.law, 'para-26/abs-2/satz-2')!)).toBe('Die Anzahl ist auf bis zu 50 000 je Kalenderjahr begrenzt.');
    expect(JSON.stringify(law)).toBe(before);
  });
  it('writes a new number with the no-break space of the number it replaces (as the official text does), else as the act has it', () => {
    const target = para('26', { kind: 'absatz', labels: ['2'] }, { kind: 'satz', labels: ['2'] });
    const r = applyOperation(parseStatute(LAW), { action: 'replace', target, find: '25 000', replacement: '50 000 oder 1 250 000', each: false });
    const satz = findById(r.law, 'para-26/abs-2/satz-2') as { text?: string };
    expect(satz.text).toBe('Die Anzahl ist auf bis zu 50\u00a0000 oder 1\u00a0250\u00a0000 je Kalenderjahr begrenzt.');
    // only numbers in digit groups take it: a year before an amount stays as the act writes it
    const year = applyOperation(parseStatute(LAW), { action: 'replace', target, find: '25 000', replacement: 'ab 2022 218,05', each: false });
    expect((findById(year.law, 'para-26/abs-2/satz-2') as { text?: string }).text).toBe('Die Anzahl ist auf bis zu ab 2022 218,05 je Kalenderjahr begrenzt.');
    const plain = applyOperation(parseStatute(LAW.replace('25\u00a0000 je', '25 000 je')), { action: 'replace', target, find: '25 000', replacement: '50 000', each: false });
    expect((findById(plain.law, 'para-26/abs-2/satz-2') as { text?: string }).text).toBe('Die Anzahl ist auf bis zu 50 000 je Kalenderjahr begrenzt.');
  });
  it('a number is never found inside a longer number written in digit groups ("500" in "12 500", "12" in "12 500")', () => {
    const law = parseStatute(LAW.replace('25\u00a0000 je', '12\u00a0500 je'));
    const target = para('26', { kind: 'absatz', labels: ['2'] }, { kind: 'satz', labels: ['2'] });
    for (const find of ['500', '12', '500 je', 'zu 12']) {
      expect(() => applyOperation(law, { action: 'replace', target, find, replacement: '600', each: false }), find).toThrow(/not found/);
    }
    const whole = applyOperation(law, { action: 'replace', target, find: '12 500', replacement: '13 000', each: false });
    expect((findById(whole.law, 'para-26/abs-2/satz-2') as { text?: string }).text).toBe('Die Anzahl ist auf bis zu 13\u00a0000 je Kalenderjahr begrenzt.');
  });
  it('a year before an amount is no digit group: "ab 1. Januar 2021 130,35 Euro" holds „2021“ and „130,35 Euro“ (FSAAKV § 2)', () => {
    const law = parseStatute(LAW.replace('25\u00a0000 je', 'ab 1. Januar 2021\u00a0130,35 Euro je'));
    const target = para('26', { kind: 'absatz', labels: ['2'] }, { kind: 'satz', labels: ['2'] });
    const amount = applyOperation(law, { action: 'replace', target, find: '130,35 Euro', replacement: '140,20 Euro', each: false });
    expect((findById(amount.law, 'para-26/abs-2/satz-2') as { text?: string }).text).toBe('Die Anzahl ist auf bis zu ab 1. Januar 2021\u00a0140,20 Euro je Kalenderjahr begrenzt.');
    const year = applyOperation(law, { action: 'replace', target, find: '1. Januar 2021', replacement: '1. Januar 2022', each: false });
    expect((findById(year.law, 'para-26/abs-2/satz-2') as { text?: string }).text).toBe('Die Anzahl ist auf bis zu ab 1. Januar 2022\u00a0130,35 Euro je Kalenderjahr begrenzt.');
    // three digits before the space are a group: „35 Euro“ is not in "2 035 Euro", nor „2“
    const grouped = parseStatute(LAW.replace('25\u00a0000 je', '2\u00a0035 Euro je'));
    for (const find of ['035 Euro', '2']) expect(() => applyOperation(grouped, { action: 'replace', target, find, replacement: 'x', each: false }), find).toThrow(/not found/);
  });
  it('in an Anlage that lists one entry per line, an entry inserted after an entry gets a line of its own; words that go on a line stay in it', () => {
    const anlage = parseStatute('% Verordnung\n\n# § 1 – Eins\n\nText.\n\n# Anlage – Flugplätze\n\nDonauwörth\n\nEmden\n\nGiebelstadt\n');
    const target = [{ kind: 'anlage' as const, label: '' }];
    const entry = applyOperation(anlage, { action: 'insert-words', target, anchor: 'Emden', position: 'after', words: 'Frankfurt-Egelsbach', each: false });
    expect((entry.law.body.find((n) => n.kind === 'anlage') as { body: string }).body).toBe('Donauwörth\n\nEmden\n\nFrankfurt-Egelsbach\n\nGiebelstadt');
    const words = applyOperation(anlage, { action: 'insert-words', target, anchor: 'Emden', position: 'after', words: 'und Umgebung', each: false });
    expect((words.law.body.find((n) => n.kind === 'anlage') as { body: string }).body).toBe('Donauwörth\n\nEmden und Umgebung\n\nGiebelstadt');
  });
  it('a Nummer of an Anlage whose parts are each numbered from 1 is ambiguous: refused, not the first one taken', () => {
    const anlage = parseStatute('% Verordnung\n\n# § 1 – Eins\n\nText.\n\n# Anlage – Listen\n\nTeil A\n\n1. Bremen\n\n2. Emden\n\nTeil B\n\n1. Kiel\n\n2. Emden\n');
    const target = [{ kind: 'anlage' as const, label: '' }, { kind: 'nummer' as const, labels: ['2'] }];
    expect(() => applyOperation(anlage, { action: 'replace', target, find: 'Emden', replacement: 'Leer', each: false })).toThrow(/2 lines numbered 2\./);
    const one = parseStatute('% Verordnung\n\n# § 1 – Eins\n\nText.\n\n# Anlage – Liste\n\n1. Bremen\n\n2. Emden\n\n3. Kiel\n');
    const r = applyOperation(one, { action: 'replace', target, find: 'Emden', replacement: 'Leer', each: false });
    expect((r.law.body.find((n) => n.kind === 'anlage') as { body: string }).body).toBe('1. Bremen\n\n2. Leer\n\n3. Kiel');
  });
  it('a Nummer laid out as a table row (AufenthV § 44): its words change in that row only; "|" is refused', () => {
    const fees = parseStatute('% Verordnung\n\n# § 44 – Gebühren\n\nAn Gebühren sind zu erheben\n\n|     |     |     |\n|:----|:----|----:|\n| 1\\. | für die Erteilung A | 147 Euro, |\n| 2\\. | für die Erteilung B | 147 Euro, |\n| 3\\. | in allen übrigen Fällen | 113 Euro. |\n');
    const target = [{ kind: 'paragraph' as const, labels: ['44'] }, { kind: 'nummer' as const, labels: ['2'] }];
    const r = applyOperation(fees, { action: 'replace', target, find: '147 Euro', replacement: '160 Euro', each: false });
    const table = (r.law.body.find((n) => n.kind === 'paragraph') as { children: Array<{ text?: string }> }).children.map((c) => c.text ?? '').join('\n');
    expect(table).toContain('| 1\\. | für die Erteilung A | 147 Euro, |\n| 2\\. | für die Erteilung B | 160 Euro, |\n| 3\\. |');
    // the words of a row are whole words as anywhere else; a missing row is not found
    expect(() => applyOperation(fees, { action: 'replace', target, find: '47 Euro', replacement: '50 Euro', each: false })).toThrow(/not found/);
    expect(() => applyOperation(fees, { action: 'replace', target: [target[0], { kind: 'nummer' as const, labels: ['4'] }], find: '147 Euro', replacement: '160 Euro', each: false })).toThrow(/not found/);
    expect(() => applyOperation(fees, { action: 'replace', target, find: '147 Euro', replacement: '160 | Euro', each: false })).toThrow(/table row/);
  });
  it('refuses ambiguous words without "jeweils"', () => {
    const law = parseStatute(LAW);
    expect(() => applyOperation(law, { action: 'replace', target: para('26', { kind: 'absatz', labels: ['2'] }), find: '25 000', replacement: '50 000', each: false })).toThrow(ApplyError);
  });
  it('"jeweils" changes each occurrence', () => {
    const r = applyOperation(parseStatute(LAW), { action: 'replace', target: para('26', { kind: 'absatz', labels: ['2'] }), find: '25 000', replacement: '50 000', each: true });
    expect(unitText(findById(r.law, 'para-26/abs-2')!)).not.toContain('25');
  });
  it('deletes words and the space they leave', () => {
    const r = applyOperation(parseStatute(LAW), { action: 'delete', target: para('26', { kind: 'absatz', labels: ['2'] }, { kind: 'satz', labels: ['1'] }), find: 'in den Jahren 2021 bis einschließlich 2023', each: false });
    expect(unitText(findById(r.law, 'para-26/abs-2/satz-1')!)).toBe('Für Staatsangehörige können Zustimmungen erteilt werden.');
  });
  it('replaces a word by a comma without a space before it, and the end punctuation', () => {
    let law = applyOperation(parseStatute(LAW), { action: 'replace', target: para('30', { kind: 'nummer', labels: ['1'] }), find: 'sowie', replacement: ',', each: false }).law;
    law = applyOperation(law, { action: 'replace-end', target: para('30', { kind: 'nummer', labels: ['2'] }), punctuation: '.', replacement: ',' }).law;
    expect(unitText(findById(law, 'para-30/satz-1/nr-1')!)).toBe('1. der Ausländer, sein Kind nach § 16 oder');
    expect(unitText(findById(law, 'para-30/satz-1/nr-2')!)).toBe('2. die Ausländerin,');
  });
  it('changes the einleitende Satzteil of a list and nothing else; an abschließender Satzteil that is empty has no words to change', () => {
    const r = applyOperation(parseStatute(LAW), { action: 'replace', target: para('30', { kind: 'satzteil', which: 'vor' }), find: 'Keiner', replacement: 'Einer', each: false });
    expect(unitText(findById(r.law, 'para-30/satz-1')!)).toBe('Einer Zustimmung bedarf 1. der Ausländer sowie sein Kind nach § 16 oder 2. die Ausländerin.');
    const empty = (() => {
      try {
        applyOperation(parseStatute(LAW), { action: 'delete', target: para('30', { kind: 'satzteil', which: 'nach' }), find: 'Keiner', each: false });
      } catch (e) {
        return e;
      }
    })();
    expect(empty).toBeInstanceOf(ApplyError);
    expect((empty as ApplyError).code).toBe('words-not-found');
    // a § with no list has no Satzteil
    expect(() => applyOperation(parseStatute(LAW), { action: 'delete', target: para('26', { kind: 'absatz', labels: ['2'] }, { kind: 'satzteil', which: 'vor' }), find: 'Für', each: false })).toThrow(/einleitender Satzteil not found/);
  });
  it('matches whole words only', () => {
    expect(() => applyOperation(parseStatute(LAW), { action: 'delete', target: para('30', { kind: 'nummer', labels: ['2'] }), find: 'Ausländer', each: false })).toThrow(/not found/);
  });
  it('places inserted units by label and renumbers', () => {
    let law = applyOperation(parseStatute(LAW), { action: 'insert-units', target: para('30', { kind: 'nummer', labels: ['1'] }), unitKind: 'nummer', labels: ['1a'], content: '1a. der Neue oder' }).law;
    law = applyOperation(law, { action: 'repeal', target: para('30', { kind: 'nummer', labels: ['1'] }) }).law;
    law = applyOperation(law, { action: 'renumber', target: para('30'), unitKind: 'nummer', from: ['1a', '2'], to: ['1', '2'] }).law;
    expect(unitText(findById(law, 'para-30/satz-1/nr-1')!)).toBe('1. der Neue oder');
  });
  it('inserts a § after its predecessor and repeals a § to a placeholder', () => {
    let law = applyOperation(parseStatute(LAW), { action: 'insert-units', target: para('26'), unitKind: 'paragraph', labels: ['26a'], content: '§ 26a\nNeu\nText.' }).law;
    expect(law.body.map((n) => (n.kind === 'paragraph' ? n.label : '')).filter(Boolean)).toEqual(['26', '26a', '30']);
    law = applyOperation(law, { action: 'insert-units', target: para('26a'), unitKind: 'paragraph', labels: ['26b'], content: '§ 26b\nNeu\nText.' }).law;
    // a § followed by another of its lettered series stays as "(weggefallen)" (AufenthV § 45a, 2021-i-2467)
    law = applyOperation(law, { action: 'repeal', target: para('26a') }).law;
    const p = law.body[1];
    expect(p.kind === 'paragraph' && p.weggefallen && p.heading).toBe('(weggefallen)');
    // the last § of a lettered series is dropped, as the official consolidation dropped AufenthG § 105d (2022-i-2847 Art. 5)
    const r = applyOperation(law, { action: 'repeal', target: para('26b') });
    expect(r.law.body.map((n) => (n.kind === 'paragraph' ? n.label : '')).filter(Boolean)).toEqual(['26', '26a', '30']);
    expect(r.warnings?.[0]).toMatch(/last of its lettered series/);
  });
  it('reports a § that does not exist', () => {
    expect(() => applyOperation(parseStatute(LAW), { action: 'repeal', target: para('99', { kind: 'absatz', labels: ['1'] }) })).toThrow(/does not exist/);
  });
});
