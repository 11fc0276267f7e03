import { describe, expect, it } from 'vitest';
import { cleanActText } from '../../src/act/clean-text.js';
import { parseActFragment } from '../../src/act/parse-act.js';
import { effectiveDate, readInkrafttreten } from '../../src/act/inkrafttreten.js';
import { loadActFileAlone } from '../../src/cli/act-file.js';
import type { ActEntry } from '../../src/corpus/manifest.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const act = (verkuendung: ActEntry['verkuendung']): ActEntry => ({
  id: 'x', title: 'X', kind: 'Verordnung', date: '2023-08-30', citation: 'X', verkuendung, files: [], missing: null, inkrafttreten: null,
});

function rules(text: string, entry: ActEntry) {
  const frag = parseActFragment(cleanActText('x.txt', text));
  const diags: Diagnostic[] = [];
  const r = readInkrafttreten(frag.artikel[0], entry, diags);
  return { r, diags };
}

const ARTIKEL9 = `Artikel 9
Inkrafttreten
(1) Die Verordnung tritt vorbehaltlich der Absätze 2 bis 4 am 1. März 2024 in Kraft.
(2) Die Artikel 1 und 4 treten am Tag nach der Verkündung in Kraft, frühestens jedoch am 18. November 2023.
(3) Artikel 3 sowie Artikel 5 Nummer 2 und 7 treten am 1. Juni 2024 in Kraft.
(4) Artikel 6 tritt am Tag nach der Verkündung in Kraft.`;

describe('Inkrafttreten', () => {
  const entry = act({ date: null, earliest: '2023-09-01', latest: '2023-09-30', source: 'test' });
  const { r, diags } = rules(ARTIKEL9, entry);
  it('reads a default, fixed dates, relative dates and lists of Artikel and Nummern', () => {
    expect(diags).toEqual([]);
    expect(effectiveDate(r, '2', '1', entry).date).toBe('2024-03-01');
    expect(effectiveDate(r, '1', '3', entry).date).toBe('2023-11-18');
    expect(effectiveDate(r, '4', null, entry).date).toBe('2023-11-18');
    expect(effectiveDate(r, '3', '1', entry).date).toBe('2024-06-01');
    expect(effectiveDate(r, '5', '2', entry).date).toBe('2024-06-01');
    expect(effectiveDate(r, '5', '7', entry).date).toBe('2024-06-01');
    expect(effectiveDate(r, '5', '3', entry).date).toBe('2024-03-01');
  });
  it('"am Tag nach der Verkündung" without a known Verkündung is unknown, not guessed', () => {
    expect(effectiveDate(r, '6', null, entry).date).toBeNull();
    const known = act({ date: '2023-09-06', source: 'test' });
    expect(effectiveDate(r, '6', null, known).date).toBe('2023-09-07');
    expect(effectiveDate(r, '1', null, known).date).toBe('2023-11-18');
  });
  it('an impossible date is a diagnostic', () => {
    const bad = rules('Artikel 2\nInkrafttreten\nDiese Verordnung tritt am 31. Februar 2024 in Kraft.', entry);
    expect(bad.r).toEqual([]);
    expect(bad.diags[0]).toMatchObject({ severity: 'error', code: 'impossible-date' });
  });
});

const AMENDING_ARTIKEL1 = `Artikel 1
Änderung der Prüfstellen-Gebührenverordnung
Die Prüfstellen-Gebührenverordnung vom 3. März 2010 (BGBl. I S. 250) wird wie folgt geändert:
1. In § 2 wird das Wort „zehn“ durch das Wort „zwölf“ ersetzt.
2. In § 3 wird das Wort „eins“ durch das Wort „zwei“ ersetzt.
3. In § 4 wird das Wort „drei“ durch das Wort „vier“ ersetzt.`;

/** A whole act: the diagnostics of its parse and of its Inkrafttreten article, and the in-force date of Artikel 1 Nummer 1 to 3. */
function actDates(text: string, entry: ActEntry) {
  const frag = parseActFragment(cleanActText('x.txt', text));
  const diags: Diagnostic[] = [...frag.diagnostics];
  const ink = frag.artikel.find((a) => /Inkrafttreten/.test(a.heading));
  const r = ink ? readInkrafttreten(ink, entry, diags) : [];
  return { frag, codes: diags.map((d) => d.code), dates: ['1', '2', '3'].map((n) => effectiveDate(r, '1', n, entry).date) };
}

describe('the Inkrafttreten article of a whole act', () => {
  const known = act({ date: '2024-05-15', source: 'test' });
  it('"Im Übrigen tritt diese Verordnung …": the subject after the verb is the default rule', () => {
    for (const text of [
      'Artikel 1 Nummer 1 und 3 tritt am 1. Januar 2025 in Kraft. Im Übrigen tritt diese Verordnung am Tag nach der Verkündung in Kraft.',
      '(1) Artikel 1 Nummer 1 und 3 tritt am 1. Januar 2025 in Kraft.\n(2) Im Übrigen tritt diese Verordnung am Tag nach der Verkündung in Kraft.',
      'Diese Verordnung tritt am Tag nach der Verkündung in Kraft. Abweichend von Satz 1 treten Artikel 1 Nummer 1 und Artikel 1 Nummer 3 am 1. Januar 2025 in Kraft.',
    ]) {
      const a = actDates(`${AMENDING_ARTIKEL1}\nArtikel 2\nInkrafttreten\n${text}`, known);
      expect(a.codes).toEqual([]);
      expect(a.dates).toEqual(['2025-01-01', '2024-05-16', '2025-01-01']);
    }
  });
  it('"am ersten Tag des … auf die Verkündung folgenden Kalendermonats / Quartals / Kalenderjahres" counts from the Verkündung', () => {
    const dateOf = (when: string, entry: ActEntry) => {
      const a = actDates(`${AMENDING_ARTIKEL1}\nArtikel 2\nInkrafttreten\nDiese Verordnung tritt ${when} in Kraft.`, entry);
      expect(a.codes).toEqual([]);
      return a.dates[0];
    };
    expect(dateOf('am ersten Tag des auf die Verkündung folgenden Kalendermonats', known)).toBe('2024-06-01');
    expect(dateOf('am ersten Tag des zweiten auf die Verkündung folgenden Kalendermonats', known)).toBe('2024-07-01');
    expect(dateOf('am ersten Tag des dritten auf die Verkündung folgenden Kalendermonats', known)).toBe('2024-08-01');
    expect(dateOf('am ersten Tag des auf die Verkündung folgenden Quartals', known)).toBe('2024-07-01');
    expect(dateOf('am ersten Tag des auf die Verkündung folgenden Kalenderjahres', known)).toBe('2025-01-01');
    // a web copy that states the resulting day
    expect(dateOf('am ersten Tag des auf die Verkündung folgenden Kalendermonats (01.06.2024)', act({ date: null, source: 'test' }))).toBe('2024-06-01');
    // across the turn of the year, and from the last day of a month or quarter
    const december = act({ date: '2024-12-31', source: 'test' });
    expect(dateOf('am ersten Tag des auf die Verkündung folgenden Kalendermonats', december)).toBe('2025-01-01');
    expect(dateOf('am ersten Tag des dritten auf die Verkündung folgenden Kalendermonats', december)).toBe('2025-03-01');
    expect(dateOf('am ersten Tag des auf die Verkündung folgenden Quartals', december)).toBe('2025-01-01');
    expect(dateOf('am ersten Tag des auf die Verkündung folgenden Quartals', act({ date: '2024-09-30', source: 'test' }))).toBe('2024-10-01');
    // "frühestens jedoch" holds here as after "am Tag nach der Verkündung"
    expect(dateOf('am ersten Tag des auf die Verkündung folgenden Kalendermonats, frühestens jedoch am 1. Oktober 2024,', known)).toBe('2024-10-01');
  });
  it('the date says it was derived from the Verkündung; an unknown Verkündung leaves it unknown', () => {
    const text = `${AMENDING_ARTIKEL1}\nArtikel 2\nInkrafttreten\nDiese Verordnung tritt am ersten Tag des auf die Verkündung folgenden Kalendermonats in Kraft.`;
    const ink = parseActFragment(cleanActText('x.txt', text)).artikel[1];
    const r = readInkrafttreten(ink, known, []);
    expect(effectiveDate(r, '1', '1', known).source).toContain('Verkündung 2024-05-15');
    const unknown = act({ date: null, earliest: '2024-05-01', latest: '2024-05-31', source: 'test' });
    const u = effectiveDate(readInkrafttreten(ink, unknown, []), '1', '1', unknown);
    expect(u.date).toBeNull();
    expect(u.source).toContain('Verkündung date unknown');
  });
});

const AMENDING_DEEP = `Artikel 1
Änderung der Prüfstellen-Gebührenverordnung
Die Prüfstellen-Gebührenverordnung vom 3. März 2010 (BGBl. I S. 250) wird wie folgt geändert:
1. § 2 wird wie folgt geändert:
a) Absatz 1 wird wie folgt geändert:
aa) In Satz 1 wird das Wort „zehn“ durch das Wort „zwölf“ ersetzt.
bb) In Satz 2 wird das Wort „elf“ durch das Wort „dreizehn“ ersetzt.
b) In Absatz 2 wird das Wort „acht“ durch das Wort „neun“ ersetzt.
2. In § 3 wird das Wort „eins“ durch das Wort „zwei“ ersetzt.
3. In § 4 wird das Wort „drei“ durch das Wort „vier“ ersetzt.`;

/** the in-force dates of every instruction of AMENDING_DEEP (by its path) under an Inkrafttreten article */
function deepDates(inkrafttreten: string, entry: ActEntry) {
  const frag = parseActFragment(cleanActText('x.txt', `${AMENDING_DEEP}\nArtikel 2\nInkrafttreten\n${inkrafttreten}`));
  const diags: Diagnostic[] = [...frag.diagnostics];
  const r = readInkrafttreten(frag.artikel[1], entry, diags);
  const leaves: string[][] = [];
  const walk = (n: { labels: string[]; children: Array<{ labels: string[]; children: unknown[] }> }) => (n.children.length ? n.children.forEach((c) => walk(c as never)) : leaves.push(n.labels));
  for (const n of frag.artikel[0].instructions) walk(n as never);
  const dates = Object.fromEntries(leaves.map((l) => [l.join(' '), effectiveDate(r, '1', l[0], entry, l).date]));
  return { diags, dates };
}

describe('Inkrafttreten subjects below the Nummer', () => {
  const known = act({ date: '2024-05-15', source: 'test' });
  const general = '(1) Diese Verordnung tritt vorbehaltlich des Absatzes 2 am 1. Juli 2024 in Kraft.\n(2) ';
  const J = '2025-01-01';
  const G = '2024-07-01';
  it('a list of Nummern goes on after a Buchstabe or a Doppelbuchstabe: no Nummer falls to the general date', () => {
    for (const [subject, expected] of [
      ['Artikel 1 Nummer 1 Buchstabe b und Nummer 2 treten', { '1 a aa': G, '1 a bb': G, '1 b': J, '2': J, '3': G }],
      ['Artikel 1 Nummer 1 Buchstabe b sowie Nummer 2 treten', { '1 a aa': G, '1 a bb': G, '1 b': J, '2': J, '3': G }],
      ['Artikel 1 Nummer 2 und Nummer 1 Buchstabe b treten', { '1 a aa': G, '1 a bb': G, '1 b': J, '2': J, '3': G }],
      ['Artikel 1 Nr. 1 Buchst. b und Nr. 2 treten', { '1 a aa': G, '1 a bb': G, '1 b': J, '2': J, '3': G }],
      ['Artikel 1 Nr. 2 tritt', { '1 a aa': G, '1 a bb': G, '1 b': G, '2': J, '3': G }],
      ['Artikel 1 Nummer 1 Buchstabe a Doppelbuchstabe bb tritt', { '1 a aa': G, '1 a bb': J, '1 b': G, '2': G, '3': G }],
      ['Artikel 1 Nummer 1 Buchstabe a Doppelbuchstabe bb und Nummer 2 treten', { '1 a aa': G, '1 a bb': J, '1 b': G, '2': J, '3': G }],
      ['Artikel 1 Nummer 1 Buchstabe a Doppelbuchstabe bb und Buchstabe b treten', { '1 a aa': G, '1 a bb': J, '1 b': J, '2': G, '3': G }],
      ['Artikel 1 Nummer 1 Buchstabe a und b sowie Nummer 3 treten', { '1 a aa': J, '1 a bb': J, '1 b': J, '2': G, '3': J }],
      ['Artikel 1 Nummer 2 bis 3 treten', { '1 a aa': G, '1 a bb': G, '1 b': G, '2': J, '3': J }],
      ['In Artikel 1 Nummer 1 Buchstabe a tritt Doppelbuchstabe bb', { '1 a aa': G, '1 a bb': J, '1 b': G, '2': G, '3': G }],
    ] as const) {
      const d = deepDates(`${general}${subject} am 1. Januar 2025 in Kraft.`, known);
      expect(d.diags, subject).toEqual([]);
      expect(d.dates, subject).toEqual(expected);
    }
  });
  it('a subject not read to its end is refused, and the general date with it: no part of it falls to the general date', () => {
    for (const subject of [
      'Artikel 1 Nummer 1 und Buchstabe b treten',
      'Artikel 1 Nummer 1 Satz 2 tritt',
      'Artikel 1 Nummer 1 Buchstabe a Doppelbuchstabe bb und cc sowie Nummer treten',
      'Artikel 1 Doppelbuchstabe bb tritt',
      'Artikel 1 Nummer 2 bis Nummer 3 treten',
      'In Artikel 1 Nummer 1 treten Buchstabe b und Nummer 2',
    ]) {
      const d = deepDates(`${general}${subject} am 1. Januar 2025 in Kraft.`, known);
      expect(d.diags.map((x) => [x.severity, x.code]), subject).toEqual([['error', 'inkrafttreten-unparsed']]);
      expect(Object.values(d.dates), subject).toEqual([null, null, null, null, null]);
    }
    // nor the date of the Artikel, to which the unread part may be the exception
    const d = deepDates('(1) Artikel 1 tritt am 1. Juli 2024 in Kraft.\n(2) Artikel 1 Nummer 1 Satz 2 tritt am 1. Januar 2025 in Kraft.', known);
    expect(d.diags.map((x) => x.code)).toEqual(['inkrafttreten-unparsed']);
    expect(Object.values(d.dates)).toEqual([null, null, null, null, null]);
  });
});

describe('"vorbehaltlich der Absätze …": every Absatz of the list is looked for', () => {
  const known = act({ date: '2024-05-15', source: 'test' });
  const exceptions = '(2) Artikel 1 Nummer 2 tritt am 1. Januar 2025 in Kraft.\n(3) Artikel 1 Nummer 3 tritt am 1. Januar 2026 in Kraft.\n(4) Artikel 1 Nummer 1 Buchstabe b tritt am 1. Januar 2027 in Kraft.';
  const dates = { '1 a aa': '2024-07-01', '1 a bb': '2024-07-01', '1 b': '2027-01-01', '2': '2025-01-01', '3': '2026-01-01' };
  it('"2 und 3", "2, 3 und 4", "2 bis 4", "2 sowie 3 und 4" name Absätze that are there', () => {
    for (const list of ['der Absätze 2 bis 4', 'der Absätze 2, 3 und 4', 'der Absätze 2 und 3 bis 4', 'der Absätze 2 sowie 3 und 4']) {
      const d = deepDates(`(1) Diese Verordnung tritt vorbehaltlich ${list} am 1. Juli 2024 in Kraft.\n${exceptions}`, known);
      expect(d.diags, list).toEqual([]);
      expect(d.dates, list).toEqual(dates);
    }
    const two = deepDates(`(1) Diese Verordnung tritt vorbehaltlich der Absätze 2 und 3 am 1. Juli 2024 in Kraft.\n${exceptions.split('\n(4)')[0]}`, known);
    expect(two.diags).toEqual([]);
    expect(two.dates).toEqual({ ...dates, '1 b': '2024-07-01' });
  });
  it('an Absatz of the list that the text lacks is named, and the general date is not applied', () => {
    const d = deepDates(`(1) Diese Verordnung tritt vorbehaltlich der Absätze 2 und 5 am 1. Juli 2024 in Kraft.\n${exceptions}`, known);
    expect(d.diags.map((x) => x.code)).toEqual(['inkrafttreten-absatz-missing']);
    expect(d.diags[0].message).toContain('reserves Absatz 5,');
    expect(d.dates['1 a aa']).toBeNull();
  });
});

describe('an Außerkrafttreten in the Inkrafttreten article', () => {
  const known = act({ date: '2024-05-15', source: 'test' });
  const J = '2025-01-01';
  const D = '2024-05-16';
  const dates = { '1 a aa': D, '1 a bb': D, '1 b': J, '2': D, '3': D };
  it('a law put out of force is no in-force date of this act: skipped with a note, the other rules kept', () => {
    for (const text of [
      '(1) Diese Verordnung tritt vorbehaltlich des Absatzes 2 am Tag nach der Verkündung in Kraft.\n(2) Artikel 1 Nummer 1 Buchstabe b tritt am 1. Januar 2025 in Kraft.\n(3) Die Weiterbildungsbeihilfeverordnung vom 1. April 2010 (BGBl. I S. 400) tritt am Tag nach der Verkündung außer Kraft.',
      '(1) Diese Verordnung tritt vorbehaltlich des Absatzes 2 am Tag nach der Verkündung in Kraft.\n(2) Artikel 1 Nummer 1 Buchstabe b tritt am 1. Januar 2025 in Kraft.\n(3) Die Weiterbildungsbeihilfeverordnung vom 1. April 2010 (BGBl. I S. 400) und die Prüfstellenverordnung vom 2. Mai 2011 (BGBl. I S. 500) treten mit Ablauf des 30. Juni 2024 außer Kraft.',
      '(1) Die Weiterbildungsbeihilfeverordnung vom 1. April 2010 (BGBl. I S. 400) tritt mit Ablauf des 30. Juni 2024 außer Kraft. Diese Verordnung tritt vorbehaltlich des Absatzes 2 am Tag nach der Verkündung in Kraft.\n(2) Artikel 1 Nummer 1 Buchstabe b tritt am 1. Januar 2025 in Kraft.',
      'Diese Verordnung tritt am Tag nach der Verkündung in Kraft. Gleichzeitig tritt die Weiterbildungsbeihilfeverordnung vom 1. April 2010 (BGBl. I S. 400) außer Kraft. Abweichend von Satz 1 tritt Artikel 1 Nummer 1 Buchstabe b am 1. Januar 2025 in Kraft.',
    ]) {
      const d = deepDates(text, known);
      expect(d.diags.map((x) => [x.severity, x.code]), text).toEqual([['info', 'ausserkrafttreten']]);
      expect(d.dates, text).toEqual(dates);
    }
  });
  it('a sentence after "in Kraft." is read as a sentence of its own, never taken as the tail of the one before', () => {
    const d = deepDates('Diese Verordnung tritt am Tag nach der Verkündung in Kraft. Zugleich tritt Artikel 1 Nummer 2 am 1. Januar 2025 in Kraft.', known);
    expect(d.diags.map((x) => [x.severity, x.code])).toEqual([['error', 'inkrafttreten-unparsed']]);
    expect(d.dates['3']).toBeNull();
  });
});

describe('a Nummer the Inkrafttreten article dates but the Artikel lacks', () => {
  const whole = (inkrafttreten: string) => loadActFileAlone('x.txt', `${AMENDING_DEEP}\nArtikel 2\nInkrafttreten\n${inkrafttreten}`).diagnostics.filter((d) => d.code === 'inkrafttreten-target-missing');
  it('is named with a warning: its date goes to nothing, and the instruction it meant falls to the general date', () => {
    const d = whole('(1) Diese Verordnung tritt vorbehaltlich des Absatzes 2 am 1. Juli 2024 in Kraft.\n(2) Artikel 1 Nummer 1 Buchstabe a Doppelbuchstabe cc und Nummer 5 treten am 1. Januar 2025 in Kraft.');
    expect(d.map((x) => x.severity)).toEqual(['warning']);
    expect(d[0].message).toContain('Artikel 1 Nummer 1 Buchstabe a Doppelbuchstabe cc, Nummer 5, which Artikel 1 of the text lacks');
  });
  it('a unit the Artikel has, at any depth, is no warning', () => {
    expect(whole('(1) Diese Verordnung tritt vorbehaltlich des Absatzes 2 am 1. Juli 2024 in Kraft.\n(2) Artikel 1 Nummer 1 Buchstabe a Doppelbuchstabe bb, Nummer 1 Buchstabe b und Nummer 3 treten am 1. Januar 2025 in Kraft.')).toEqual([]);
    expect(whole('(1) Diese Verordnung tritt vorbehaltlich des Absatzes 2 am 1. Juli 2024 in Kraft.\n(2) Artikel 1 Nummer 1 tritt am 1. Januar 2025 in Kraft.')).toEqual([]);
  });
});
