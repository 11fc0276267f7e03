/**
 * Layouts that PDF extraction and web copies give one act (a probe of 46 variants of the real cases):
 * lines broken anywhere, page furniture, no-break spaces, soft hyphens, ligatures, navigation lines.
 * The act must be read as its clean form is, and nothing of the layout may enter the law.
 */
import { describe, expect, it } from 'vitest';
import { cleanActText, locate } from '../../src/act/clean-text.js';
import { parseActFragment } from '../../src/act/parse-act.js';
import { effectiveDate, readInkrafttreten } from '../../src/act/inkrafttreten.js';
import type { ActEntry } from '../../src/corpus/manifest.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseQuotedParagraphs, quotedBlocks } from '../../src/consolidate/parse-quoted.js';

const frag = (t: string) => parseActFragment(cleanActText('act.txt', t));

const INTRO = 'Die Beschäftigungsverordnung vom 6. Juni 2013 (BGBl. I S. 1499), die zuletzt durch Artikel 1 der Verordnung vom 31. Mai 2021 (BGBl. I S. 1253) geändert worden ist, wird wie folgt geändert:';

describe('the amending sentence across lines', () => {
  it.each([
    ['after an ordinal of a date', INTRO.replace('vom 31. Mai', 'vom 31.\nMai')],
    ['after an abbreviation', INTRO.replace('(BGBl. I S. 1253)', '(BGBl.\nI S. 1253)')],
    ['inside "wird wie folgt geändert"', INTRO.replace('wird wie folgt', 'wird wie\nfolgt')],
  ])('%s', (_, intro) => {
    const f = frag(`Artikel 1\nÄnderung der Beschäftigungsverordnung\n${intro}\n1. In § 30 wird das Wort „x“ gestrichen.\n\nArtikel 2\nInkrafttreten\nDiese Verordnung tritt am 1. März 2024 in Kraft.`);
    expect(f.diagnostics.map((d) => d.code)).toEqual([]);
    expect(f.artikel[0].lawName).toBe('Beschäftigungsverordnung');
    expect(f.artikel[0].instructions.map((i) => i.sentence)).toEqual(['In § 30 wird das Wort ⟦0⟧ gestrichen.']);
  });
  it('an Eingangsformel before it is still cut off', () => {
    const f = frag(`Artikel 1\nÄnderung der Beschäftigungsverordnung\nAuf Grund des § 42 verordnet das Bundesministerium:\n${INTRO}\n1. In § 30 wird das Wort „x“ gestrichen.`);
    expect(f.artikel[0].intro).toBe(INTRO);
  });
});

describe('Artikel headings', () => {
  it('"Artikel\\u00a01" with a no-break space, and "Artikel 2 Diese Verordnung tritt … in Kraft." on one line', () => {
    const f = frag(`Artikel\u00a01\nÄnderung der Beschäftigungsverordnung\n${INTRO}\n1. In § 30 wird das Wort „x“ gestrichen.\nArtikel 2 Diese Verordnung tritt am 1. März 2024 in Kraft.`);
    expect(f.artikel.map((a) => [a.number, a.heading])).toEqual([['1', 'Änderung der Beschäftigungsverordnung'], ['2', 'Inkrafttreten']]);
    expect(f.artikel[1].absaetze.map((a) => a.text)).toEqual(['Diese Verordnung tritt am 1. März 2024 in Kraft.']);
    // a reference at a line start is no heading
    expect(frag(`Artikel 1\nÄnderung\n${INTRO}\n1. In § 30 wird nach\nArtikel 2 des Gesetzes das Wort „x“ eingefügt.`).artikel.map((a) => a.number)).toEqual(['1']);
  });
  it('an in-force sentence at a line start that begins "Artikel 1 Nummer 2 …" is no heading of Artikel 1', () => {
    const act = (inkraft: string) => frag(`Artikel 1\nÄnderung der Beschäftigungsverordnung\n${INTRO}\n1. In § 30 wird das Wort „x“ gestrichen.\n2. In § 31 wird das Wort „y“ gestrichen.\nArtikel 2\nInkrafttreten\n${inkraft}`);
    for (const inkraft of [
      'Artikel 1 Nummer 1 tritt am 1. Januar 2025 in Kraft. Im Übrigen tritt diese Verordnung am Tag nach der Verkündung in Kraft.',
      'Artikel 1 Nummer 2 tritt am 1. Januar 2025 in Kraft.',
      'Artikel 1 Nummer 2\ntritt am 1. Januar 2025 in Kraft.',
      'Artikel 1 Nummer 2 ist ab dem 1. Januar 2025 anzuwenden.',
    ]) {
      const f = act(inkraft);
      expect(f.diagnostics.map((d) => d.code)).toEqual([]);
      expect(f.artikel.map((a) => [a.number, a.heading])).toEqual([['1', 'Änderung der Beschäftigungsverordnung'], ['2', 'Inkrafttreten']]);
      expect(f.artikel[0].instructions.map((i) => i.path)).toEqual(['Nummer 1', 'Nummer 2']);
      expect(f.artikel[1].absaetze.map((a) => a.text)).toEqual([inkraft.replace(/\n/g, ' ')]);
    }
  });
});

describe('the in-force sentence across lines', () => {
  const ARTIKEL1 = `Artikel 1\nÄnderung der Beschäftigungsverordnung\n${INTRO}\n1. In § 30 wird das Wort „x“ gestrichen.\n2. In § 31 wird das Wort „y“ gestrichen.`;
  const entry: ActEntry = { id: 'x', title: 'X', kind: 'Verordnung', date: '2024-05-10', citation: 'X', verkuendung: { date: '2024-05-15', source: 'test' }, files: [], missing: null, inkrafttreten: null };
  /** the Artikel, every diagnostic of parse and Inkrafttreten article, and the date of Artikel 1 Nummer 2 */
  const read = (t: string) => {
    const f = frag(t);
    const diags: Diagnostic[] = [...f.diagnostics];
    const ink = f.artikel.find((a) => /Inkrafttreten/.test(a.heading));
    const rules = ink ? readInkrafttreten(ink, entry, diags) : [];
    return { f, codes: diags.map((d) => d.code), date: effectiveDate(rules, '1', '2', entry).date };
  };
  it.each([
    ['an Artikel without heading', 'Artikel 2\nDiese Verordnung tritt am Tag nach der Verkündung\nin Kraft.', '2024-05-16'],
    ['an Artikel without heading, broken between "in" and "Kraft"', 'Artikel 2\nDiese Verordnung tritt am Tag nach der Verkündung in\nKraft.', '2024-05-16'],
    ['a date wrapped to a line start ("1. Januar" is no Nummer)', 'Artikel 2\nDiese Verordnung tritt am\n1. Januar 2025 in Kraft.', '2025-01-01'],
    ['a Gesetz, broken inside the phrase', 'Artikel 2\nDieses Gesetz tritt am Tag nach der\nVerkündung in Kraft.', '2024-05-16'],
    ['on the heading line', 'Artikel 2 Diese Verordnung tritt am Tag nach der Verkündung\nin Kraft.', '2024-05-16'],
    ['on the heading line, a date wrapped', 'Artikel 2 Diese Verordnung tritt am\n1. Januar 2025 in Kraft.', '2025-01-01'],
    ['under its heading', 'Artikel 2\nInkrafttreten\nDiese Verordnung tritt am\n1. Januar 2025 in Kraft.', '2025-01-01'],
  ])('%s', (_, inkraft, date) => {
    const r = read(`${ARTIKEL1}\n${inkraft}`);
    expect(r.codes).toEqual([]);
    expect(r.f.artikel.map((a) => [a.number, a.heading, a.lawName])).toEqual([['1', 'Änderung der Beschäftigungsverordnung', 'Beschäftigungsverordnung'], ['2', 'Inkrafttreten', '']]);
    expect(r.f.artikel[0].instructions.map((i) => i.path)).toEqual(['Nummer 1', 'Nummer 2']);
    expect(r.date).toBe(date);
  });
  it('an act without Artikel lines whose closing in-force sentence wraps', () => {
    const r = read(`${INTRO}\n1. In § 30 wird das Wort „x“ gestrichen.\n2. In § 31 wird das Wort „y“ gestrichen.\nDiese Verordnung tritt am\n1. Januar 2025 in Kraft.`);
    expect(r.codes).toEqual(['act-without-artikel']);
    expect(r.f.artikel.map((a) => [a.number, a.heading])).toEqual([['1', ''], ['2', 'Inkrafttreten']]);
    expect(r.f.artikel[0].instructions.map((i) => i.path)).toEqual(['Nummer 1', 'Nummer 2']);
    expect(r.date).toBe('2025-01-01');
  });
  it('an act whose parts are §§ ("§ 1" amends, "§ 2" puts it into force)', () => {
    const r = read(`Auf Grund des § 12 verordnet das Bundesministerium:\n§ 1\n${INTRO}\n1. In § 30 wird das Wort „x“ gestrichen.\n2. § 31 wird aufgehoben.\n§ 2\nDiese Verordnung tritt am\n1. Januar 2025 in Kraft.`);
    expect(r.codes).toEqual(['act-without-artikel']);
    expect(r.f.artikel.map((a) => [a.number, a.heading, a.lawName])).toEqual([['1', '', 'Beschäftigungsverordnung'], ['2', 'Inkrafttreten', '']]);
    expect(r.f.artikel[0].instructions.map((i) => [i.path, i.text])).toEqual([
      ['Nummer 1', 'In § 30 wird das Wort „x“ gestrichen.'],
      ['Nummer 2', '§ 31 wird aufgehoben.'],
    ]);
    expect(r.date).toBe('2025-01-01');
  });
  it('an ordinary amending Artikel 2 is read as before', () => {
    const r = read(`${ARTIKEL1}\nArtikel 2\nÄnderung der Aufenthaltsverordnung\nDie Aufenthaltsverordnung vom 25. November 2004 (BGBl. I S. 2945) wird wie folgt geändert:\n1. In § 3 wird das Wort „z“ gestrichen.\nArtikel 3\nDiese Verordnung tritt am Tag nach der\nVerkündung in Kraft.`);
    expect(r.codes).toEqual([]);
    expect(r.f.artikel.map((a) => [a.number, a.heading, a.lawName])).toEqual([
      ['1', 'Änderung der Beschäftigungsverordnung', 'Beschäftigungsverordnung'],
      ['2', 'Änderung der Aufenthaltsverordnung', 'Aufenthaltsverordnung'],
      ['3', 'Inkrafttreten', ''],
    ]);
    expect(r.f.artikel[1].instructions.map((i) => i.path)).toEqual(['Nummer 1']);
  });
});

describe('page furniture and layout characters never enter quoted text', () => {
  const quoted = (lines: string[]) => {
    const f = frag(`Artikel 1\nÄnderung\n${INTRO}\n1. § 2 wird wie folgt gefasst:\n„§ 2\nTitel\n${lines.join('\n')}“\n`);
    return f.artikel[0].instructions[0].quotes[0].text;
  };
  it('"– 4 –", the running head of the electronic BGBl, a page number next to "Seite 4 von 40"', () => {
    expect(quoted(['(1) Erster', '– 4 –', 'Teil.'])).toBe('§ 2\nTitel\n(1) Erster\nTeil.');
    expect(quoted(['(1) Erster', 'BGBl. 2023 I Nr. 217 vom 18.08.2023', 'Teil.'])).toBe('§ 2\nTitel\n(1) Erster\nTeil.');
    expect(quoted(['(1) Erster', 'Seite 4 von 40', '4', 'Teil.'])).toBe('§ 2\nTitel\n(1) Erster\nTeil.');
    // a number alone with no furniture near it stays (the field numbers of a form), also a year or "Teil I"
    expect(quoted(['(1) Erster', '4', 'Teil.'])).toBe('§ 2\nTitel\n(1) Erster\n4\nTeil.');
    expect(quoted(['(1) im Jahr', '2024', '12', 'Euro nach', 'Teil I', '1', 'Liste.'])).toBe('§ 2\nTitel\n(1) im Jahr\n2024\n12\nEuro nach\nTeil I\n1\nListe.');
    // the title block of a BGBl issue is furniture as a whole
    expect(cleanActText('act.txt', 'Bundesgesetzblatt\nTeil I\n2023\n\nAusgegeben zu Bonn am 18. August 2023\n\nNr. 217\nGesetz').text).toBe('Gesetz');
  });
  it('soft hyphens inside a word and ligatures are folded; diagnostics keep their columns', () => {
    expect(quoted(['(1) Sozial\u00adversicherung und Pﬂanzen\u00ad', 'zeit.'])).toBe('§ 2\nTitel\n(1) Sozialversicherung und Pflanzenzeit.');
    const c = cleanActText('act.txt', 'Ein Sozial\u00adver\u00adsicherungs ﬁx Wort');
    expect(c.text).toBe('Ein Sozialversicherungs fix Wort');
    expect(locate(c, c.text.indexOf('Wort'))).toEqual({ file: 'act.txt', line: 1, column: 'Ein Sozial\u00adver\u00adsicherungs ﬁx '.length + 1 });
  });
  it('navigation and consent lines of web pages are dropped', () => {
    const f = frag(`Artikel 1\nÄnderung der Beschäftigungsverordnung\nCookies helfen uns bei der Bereitstellung unserer Dienste. Einverstanden\n${INTRO}\n1. In § 30 wird das Wort „x“ gestrichen.\nNach oben\nArtikel 2\nInkrafttreten\nDiese Verordnung tritt am 1. März 2024 in Kraft.\nNach oben`);
    expect(f.artikel[0].lawName).toBe('Beschäftigungsverordnung');
    expect(f.artikel[1].absaetze.map((a) => a.text)).toEqual(['Diese Verordnung tritt am 1. März 2024 in Kraft.']);
  });
});

describe('quoted lists', () => {
  it('a wrapped date at a line start ("4. Januar 2023") is no Nummer', () => {
    const blocks = quotedBlocks('Es gilt:\n1. eins ab dem 1. Januar 2022,\n2. zwei ab dem 1. Januar 2022 und 3 Euro ab dem\n3. Januar 2023.');
    expect(blocks.map((b) => b.text)).toEqual(['Es gilt:', '1. eins ab dem 1. Januar 2022,', '2. zwei ab dem 1. Januar 2022 und 3 Euro ab dem 3. Januar 2023.']);
    expect(quotedBlocks('Es gilt bis zum Ende des\n1. Quartals des Folgejahres.').map((b) => b.text)).toEqual(['Es gilt bis zum Ende des 1. Quartals des Folgejahres.']);
    // a day and month without a year ("1. März eines jeden Jahres")
    expect(quotedBlocks('Der Bericht ist bis zum\n1. März eines jeden Jahres zu veröffentlichen.').map((b) => b.text)).toEqual(['Der Bericht ist bis zum 1. März eines jeden Jahres zu veröffentlichen.']);
    expect(quotedBlocks('Es gelten die Stichtage:\n1. Januar bis März: eins,\n2. April bis Juni: zwei.').map((b) => b.text)).toEqual(['Es gelten die Stichtage:', '1. Januar bis März: eins,', '2. April bis Juni: zwei.']);
    // after ":" or "," a list goes on, whatever its items start with
    expect(quotedBlocks('(2) Es gilt:\n1. Quartal eins,\n2. Kalenderjahr 2025: 25 000.').map((b) => b.text)).toEqual(['(2) Es gilt:', '1. Quartal eins,', '2. Kalenderjahr 2025: 25 000.']);
  });
  it('after the last item of a list (the one before ends with "oder"/"und"), a short line and lower-case words: the words that close the list', () => {
    const text = (t: string) => quotedBlocks(t).map((b) => b.text);
    expect(text('Es gilt für Inhaber\na) zum Zweck der Forschung,\nb) zum Zweck des Studiums oder\nc) auf Grund der Rechtsstellung eines Schutzberechtigten\nwar, wenn sich der Ausländer seit zwei Jahren hier aufhält.')).toEqual([
      'Es gilt für Inhaber',
      'a) zum Zweck der Forschung,',
      'b) zum Zweck des Studiums oder',
      'c) auf Grund der Rechtsstellung eines Schutzberechtigten',
      'war, wenn sich der Ausländer seit zwei Jahren hier aufhält.',
    ]);
    // also after a line that ends in a number ("bb) nach DIN EN ISO 9001 ⏎ zertifiziert ist und")
    expect(text('a) von einer Stelle\naa) nach der Zulassungsverordnung oder\nbb) nach DIN EN ISO 9001\nzertifiziert ist und')).toEqual(['a) von einer Stelle', 'aa) nach der Zulassungsverordnung oder', 'bb) nach DIN EN ISO 9001', 'zertifiziert ist und']);
    // a long line wraps inside the item; so does a short one when the item before does not end the list
    const long = 'b) auf Grund der Rechtsstellung eines international Schutzberechtigten und zum Zweck';
    expect(text(`Es gilt für Inhaber\na) zum Zweck des Studiums oder\n${long}\nder Erwerbstätigkeit im Ausland.`)).toEqual(['Es gilt für Inhaber', 'a) zum Zweck des Studiums oder', `${long} der Erwerbstätigkeit im Ausland.`]);
    expect(text('Es gilt für Inhaber\na) zum Zweck des Studiums,\nb) auf Grund der Rechtsstellung\neines Schutzberechtigten.')).toEqual(['Es gilt für Inhaber', 'a) zum Zweck des Studiums,', 'b) auf Grund der Rechtsstellung eines Schutzberechtigten.']);
  });
  it('a wrapped reference at a line start ("§ 2b Absatz 2 entsprechend.") does not open § 2b', () => {
    const r = parseQuotedParagraphs('§ 2a\nErster\n(1) Es gelten die Vorschriften in\n§ 2b Absatz 2 entsprechend.\n§ 2b\nZweiter\n(1) Text.', ['2a', '2b']);
    expect(r.error).toBeUndefined();
    expect(r.paragraphs.map((p) => [p.label, p.heading])).toEqual([['2a', 'Erster'], ['2b', 'Zweiter']]);
  });
});
