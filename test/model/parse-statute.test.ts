/**
 * Unit tests of the statute model parser with short inline fixtures in both Markdown dialects.
 *
 * The two fixtures below hold the same law text: GT in the gesetze-tools style of corpus/base (YAML front
 * matter, `##`…`####` Gliederung, wrapped lines, Markdown lists with indented continuation), KMEIN in the
 * kmein style of corpus/official (`%` header, `# § 1 – …`, one paragraph per line, Inhaltsübersicht,
 * juris footnotes). The wording is shortened and partly invented; only the layout follows the corpus.
 */
import { describe, expect, it } from 'vitest';
import { detectDialect, isJurisFootnote, parseStatute } from '../../src/model/parse-statute.js';
import { humanLabelFromId } from '../../src/model/labels.js';
import { serializeLaw } from '../../src/model/serialize.js';
import { paragraphText, satzText } from '../../src/model/text-of.js';
import { findById, findParagraph, paragraphs } from '../../src/model/walk.js';
import type { Absatz, Anlage, Gliederung, Law, ListItem, Paragraph, Satz, Unit } from '../../src/model/types.js';

const GT = String.raw`---
Title: Verordnung zur Erprobung der Fassung
jurabk: ErprobV
layout: default
---

# Verordnung zur Erprobung der Fassung (ErprobV)

Ausfertigungsdatum
:   2013-06-06


## Teil 1 - Allgemeine Bestimmungen


### Kapitel 1 - Grundsätze


#### Abschnitt 1 - Anwendungsbereich


#### Unterabschnitt 1 - Allgemeine Regelungen


#### § 1 Anwendungsbereich der Verordnung

(1) Die Verordnung steuert die Zuwanderung ausländischer
Arbeitnehmerinnen und Arbeitnehmer. Sie regelt, in welchen Fällen

1.  ein Aufenthaltstitel nach § 39 Absatz 1 Satz 1 des
    Aufenthaltsgesetzes erteilt werden kann,


2.  die Bundesagentur für Arbeit einem Aufenthaltstitel zustimmen kann
    und


3.  die Zustimmung abweichend von § 39 Absatz 3 des Aufenthaltsgesetzes
    erteilt werden darf.




(2) Die Erteilung setzt nach Vollendung des 45. Lebensjahres ein Gehalt
von mindestens 55 Prozent der Beitragsbemessungsgrenze voraus. Das
Bundesministerium gibt das Mindestgehalt jeweils bis zum 31. Dezember
des Vorjahres bekannt.


#### § 2 (weggefallen)


#### Unterabschnitt 2 - Befreiungen


#### § 2a Befreiung im Schengen-Raum

Die Befreiung gilt für Staatsangehörige der Schengen-
Staaten und für Beschäftigte im Hotel-
und Gaststättengewerbe. Sie gilt nicht nach Art. 2 Abs. 1 S. 2 der
Richtlinie (ABl. L 343 vom 23.12.2011, S. 1).


#### § 26 Beschäftigung bestimmter Staatsangehöriger

(1) Für Staatsangehörige von Andorra kann die Zustimmung erteilt
werden.

(2) Für Staatsangehörige von Albanien können ab dem 1. Januar 2021
Zustimmungen erteilt werden. Die Zustimmung darf nur erteilt werden,
wenn der Antrag (vgl. BGBl. I S. 1950) gestellt wurde. Die Bundesagentur
legt höchstens 25 000 Zustimmungen je Kalenderjahr fest. Nicht zu
berücksichtigen sind z. B. Zustimmungen i. V. m. § 5 Nr. 3 Buchst. c.


#### § 31 Beschäftigung bei Aufenthalt aus humanitären Gründen

(1) Die Zustimmung wird erteilt, wenn

1.  der Ausländer einen Aufenthaltstitel besitzt,


2.  der Ausländer

    a)  eine Duldung besitzt,


    b)  eine Aufenthaltsgestattung besitzt,


    c)  eine Bescheinigung besitzt, die

        aa) für einen Zeitraum von

            aaa) sechs Monaten oder


            bbb) einem Jahr oder


        bb) ohne Befristung

        ausgestellt wurde,



    und die Beschäftigung erlaubt ist, oder


3.  die Frist abgelaufen ist,



und die Bundesagentur nicht widerspricht. Dies gilt auch für
Auszubildende.

(2) Die Zustimmung wird ohne Vorrangprüfung erteilt.


#### § 36 Erteilung der Zustimmung

(1) Die Zustimmung wird erteilt.

(4) Die Zustimmung gilt als erteilt, wenn die Bundesagentur nicht
innerhalb von zwei Wochen widerspricht.


### Anlage (zu § 38)

<table><tr><td>Punkte</td><td>6</td></tr></table>

## - Vorderseite -

*   Zeile 1
*   Zeile 2
`;

const KMEIN = String.raw`% Verordnung zur Erprobung der Fassung  (ErprobV)
% Ausfertigungsdatum: 06.06.2013
 
# Inhaltsübersicht

Teil 1

Allgemeine Bestimmungen

§ 1

Anwendungsbereich der Verordnung

§ 30

Beschäftigungsaufenthalte ohne Aufenthaltstitel

Anlage

(zu § 38)

# § 1 – Anwendungsbereich der Verordnung

(1) Die Verordnung steuert die Zuwanderung ausländischer Arbeitnehmerinnen und Arbeitnehmer. Sie regelt, in welchen Fällen

1. ein Aufenthaltstitel nach § 39 Absatz 1 Satz 1 des Aufenthaltsgesetzes erteilt werden kann,

2. die Bundesagentur für Arbeit einem Aufenthaltstitel zustimmen kann und

3. die Zustimmung abweichend von § 39 Absatz 3 des Aufenthaltsgesetzes erteilt werden darf.

(2) Die Erteilung setzt nach Vollendung des 45. Lebensjahres ein Gehalt von mindestens 55 Prozent der Beitragsbemessungsgrenze voraus. Das Bundesministerium gibt das Mindestgehalt jeweils bis zum 31. Dezember des Vorjahres bekannt.

# § 2 – (weggefallen)

# § 2a – Befreiung im Schengen-Raum

Die Befreiung gilt für Staatsangehörige der Schengen-Staaten und für Beschäftigte im Hotel- und Gaststättengewerbe. Sie gilt nicht nach Art. 2 Abs. 1 S. 2 der Richtlinie (ABl. L 343 vom 23.12.2011, S. 1).

# § 26 – Beschäftigung bestimmter Staatsangehöriger

(1) Für Staatsangehörige von Andorra kann die Zustimmung erteilt werden.

(2) Für Staatsangehörige von Albanien können ab dem 1. Januar 2021 Zustimmungen erteilt werden. Die Zustimmung darf nur erteilt werden, wenn der Antrag (vgl. BGBl. I S. 1950) gestellt wurde. Die Bundesagentur legt höchstens 25 000 Zustimmungen je Kalenderjahr fest. Nicht zu berücksichtigen sind z. B. Zustimmungen i. V. m. § 5 Nr. 3 Buchst. c.

# § 31 – Beschäftigung bei Aufenthalt aus humanitären Gründen

(1) Die Zustimmung wird erteilt, wenn

1. der Ausländer einen Aufenthaltstitel besitzt,

2. der Ausländer

a) eine Duldung besitzt,

b) eine Aufenthaltsgestattung besitzt,

c) eine Bescheinigung besitzt, die

aa) für einen Zeitraum von

aaa) sechs Monaten oder

bbb) einem Jahr oder

bb) ohne Befristung

ausgestellt wurde,

und die Beschäftigung erlaubt ist, oder

3. die Frist abgelaufen ist,

und die Bundesagentur nicht widerspricht. Dies gilt auch für Auszubildende.

(2) Die Zustimmung wird ohne Vorrangprüfung erteilt.

# § 36 – Erteilung der Zustimmung

(1) Die Zustimmung wird erteilt.

(4) Die Zustimmung gilt als erteilt, wenn die Bundesagentur nicht innerhalb von zwei Wochen widerspricht.

§ 36 Abs. 4: Eingef. durch Art. 2 Nr. 11 V v. 30.8.2023 I Nr. 233 mWv 1.3.2024

# Anlage – (zu § 38)

<table><tr><td>Punkte</td><td>6</td></tr></table>
`;

const gt = parseStatute(GT);
const km = parseStatute(KMEIN);
const DIALECTS: Array<[string, Law]> = [
  ['gesetze-tools', gt],
  ['kmein', km],
];

function para(law: Law, label: string): Paragraph {
  const p = findParagraph(law, label);
  expect(p, `§ ${label}`).toBeDefined();
  return p!;
}

function unit(law: Law, id: string): Unit {
  const u = findById(law, id);
  expect(u, id).toBeDefined();
  return u!;
}

/** The Satz with an id; where a list item's single Satz shares the item's id, the Satz. */
function satz(law: Law, id: string): Satz {
  const u = unit(law, id);
  if (u.kind === 'satz') return u;
  expect(u.kind).not.toBe('paragraph');
  const children = (u as Absatz | ListItem).children as Satz[];
  expect(children).toHaveLength(1);
  return children[0];
}

/** All ids below a §, in document order. */
function idsOf(p: Paragraph): string[] {
  const out: string[] = [];
  const walkSentences = (ss: Satz[]) => {
    for (const s of ss) {
      out.push(`${s.kind}:${s.id}`);
      for (const i of s.items ?? []) {
        out.push(`${i.kind}:${i.id}`);
        walkSentences(i.children);
      }
    }
  };
  for (const c of p.children) {
    if (c.kind === 'absatz') {
      out.push(`absatz:${c.id}`);
      walkSentences(c.children);
    } else walkSentences([c]);
  }
  return out;
}

const stripSource = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'source' || k === 'newBlock' ? undefined : x)));

describe('dialect and header', () => {
  it('detects the dialect from the first characters', () => {
    expect(detectDialect(GT)).toBe('gesetze-tools');
    expect(detectDialect(KMEIN)).toBe('kmein');
    expect(detectDialect('\uFEFF% Titel\n')).toBe('kmein');
    expect(gt.dialect).toBe('gesetze-tools');
    expect(km.dialect).toBe('kmein');
  });

  it('takes the title from the first heading (gesetze-tools) or the first % line (kmein)', () => {
    expect(gt.title).toBe('Verordnung zur Erprobung der Fassung (ErprobV)');
    expect(km.title).toBe('Verordnung zur Erprobung der Fassung  (ErprobV)');
  });

  it('keeps front matter and header lines verbatim and out of the body', () => {
    expect(gt.header).toContain('jurabk: ErprobV');
    expect(gt.header).toContain(':   2013-06-06');
    expect(km.header).toContain('% Ausfertigungsdatum: 06.06.2013');
    expect(gt.body[0]).toMatchObject({ kind: 'gliederung', type: 'Teil' });
    expect(km.body[0]).toMatchObject({ kind: 'paragraph', label: '1' });
  });

  it('passes the law id through', () => {
    expect(parseStatute(KMEIN, { lawId: 'erprobv' }).lawId).toBe('erprobv');
    expect(km.lawId).toBe('');
  });
});

describe('Gliederung', () => {
  it('reads Teil, Kapitel, Abschnitt and Unterabschnitt with label, heading and depth', () => {
    const gl = gt.body.filter((n): n is Gliederung => n.kind === 'gliederung');
    expect(gl.map((g) => [g.type, g.label, g.heading, g.depth, g.id])).toEqual([
      ['Teil', '1', 'Allgemeine Bestimmungen', 0, 'gl-teil-1'],
      ['Kapitel', '1', 'Grundsätze', 1, 'gl-kapitel-1'],
      ['Abschnitt', '1', 'Anwendungsbereich', 2, 'gl-abschnitt-1'],
      ['Unterabschnitt', '1', 'Allgemeine Regelungen', 3, 'gl-unterabschnitt-1'],
      ['Unterabschnitt', '2', 'Befreiungen', 3, 'gl-unterabschnitt-2'],
    ]);
  });

  it('does not trust heading levels: `#### Unterabschnitt` and `#### § 2` are siblings in the flat body', () => {
    expect(gt.body.map((n) => n.id)).toEqual([
      'gl-teil-1',
      'gl-kapitel-1',
      'gl-abschnitt-1',
      'gl-unterabschnitt-1',
      'para-1',
      'para-2',
      'gl-unterabschnitt-2',
      'para-2a',
      'para-26',
      'para-31',
      'para-36',
      'anlage-x',
    ]);
  });

  it('derives depth from the types present, not from the number of #', () => {
    const law = parseStatute('# Titel\n\n#### Kapitel 2 - Zwei\n\n## Abschnitt 4 - Vier\n\n### § 5 Fünf\n\nText.\n');
    const gl = law.body.filter((n): n is Gliederung => n.kind === 'gliederung');
    expect(gl.map((g) => [g.type, g.label, g.depth])).toEqual([
      ['Kapitel', '2', 0],
      ['Abschnitt', '4', 1],
    ]);
    expect(paragraphs(law).map((p) => p.label)).toEqual(['5']);
  });
});

describe.each(DIALECTS)('§§ and their units (%s)', (_name, law) => {
  it('reads the § number and heading', () => {
    expect(paragraphs(law).map((p) => [p.label, p.heading])).toEqual([
      ['1', 'Anwendungsbereich der Verordnung'],
      ['2', '(weggefallen)'],
      ['2a', 'Befreiung im Schengen-Raum'],
      ['26', 'Beschäftigung bestimmter Staatsangehöriger'],
      ['31', 'Beschäftigung bei Aufenthalt aus humanitären Gründen'],
      ['36', 'Erteilung der Zustimmung'],
    ]);
    expect(para(law, '26').id).toBe('para-26');
    expect(para(law, '1').source?.line).toBeGreaterThan(1);
  });

  it('marks a "(weggefallen)" § that keeps its number and has no content', () => {
    const p = para(law, '2');
    expect(p.weggefallen).toBe(true);
    expect(p.children).toEqual([]);
    expect(para(law, '1').weggefallen).toBe(false);
    expect(paragraphText(p)).toBe('§ 2 (weggefallen)');
  });

  it('reads Absätze with their labels, and Sätze directly under a § without "(1)"', () => {
    expect(para(law, '1').children.map((c) => [c.kind, c.label])).toEqual([
      ['absatz', '1'],
      ['absatz', '2'],
    ]);
    expect(para(law, '36').children.map((c) => c.id)).toEqual(['para-36/abs-1', 'para-36/abs-4']);
    const p2a = para(law, '2a');
    expect(p2a.children.map((c) => [c.kind, c.id])).toEqual([
      ['satz', 'para-2a/satz-1'],
      ['satz', 'para-2a/satz-2'],
    ]);
  });

  it('splits an Absatz into Sätze, ignoring abbreviations and ordinals', () => {
    const abs2 = unit(law, 'para-26/abs-2') as Absatz;
    expect(abs2.children.map((s) => s.text)).toEqual([
      'Für Staatsangehörige von Albanien können ab dem 1. Januar 2021 Zustimmungen erteilt werden.',
      'Die Zustimmung darf nur erteilt werden, wenn der Antrag (vgl. BGBl. I S. 1950) gestellt wurde.',
      'Die Bundesagentur legt höchstens 25 000 Zustimmungen je Kalenderjahr fest.',
      'Nicht zu berücksichtigen sind z. B. Zustimmungen i. V. m. § 5 Nr. 3 Buchst. c.',
    ]);
    expect(satz(law, 'para-26/abs-2/satz-3').text).toBe(
      'Die Bundesagentur legt höchstens 25 000 Zustimmungen je Kalenderjahr fest.',
    );
    expect((unit(law, 'para-1/abs-2') as Absatz).children).toHaveLength(2);
    expect(satz(law, 'para-1/abs-2/satz-1').text).toContain('des 45. Lebensjahres');
    expect(satz(law, 'para-2a/satz-2').text).toBe(
      'Sie gilt nicht nach Art. 2 Abs. 1 S. 2 der Richtlinie (ABl. L 343 vom 23.12.2011, S. 1).',
    );
  });

  it('unwraps lines: joined compounds and suspended hyphens', () => {
    expect(satz(law, 'para-2a/satz-1').text).toBe(
      'Die Befreiung gilt für Staatsangehörige der Schengen-Staaten und für Beschäftigte im Hotel- und Gaststättengewerbe.',
    );
  });

  it('gives a list to the Satz that introduces it: Satzteil vor and Nummern', () => {
    const s = satz(law, 'para-1/abs-1/satz-2');
    expect(s.text).toBeUndefined();
    expect(s.vor).toBe('Sie regelt, in welchen Fällen');
    expect(s.items!.map((i) => [i.kind, i.label, i.id])).toEqual([
      ['nummer', '1', 'para-1/abs-1/satz-2/nr-1'],
      ['nummer', '2', 'para-1/abs-1/satz-2/nr-2'],
      ['nummer', '3', 'para-1/abs-1/satz-2/nr-3'],
    ]);
    expect(s.nach).toBeUndefined();
    expect(satz(law, 'para-1/abs-1/satz-1').text).toBe(
      'Die Verordnung steuert die Zuwanderung ausländischer Arbeitnehmerinnen und Arbeitnehmer.',
    );
    // the list item's single Satz takes the item's id
    const nr2 = unit(law, 'para-1/abs-1/satz-2/nr-2') as ListItem;
    expect(nr2.kind).toBe('nummer');
    expect(nr2.children).toHaveLength(1);
    expect(nr2.children[0]).toMatchObject({
      kind: 'satz',
      id: 'para-1/abs-1/satz-2/nr-2',
      text: 'die Bundesagentur für Arbeit einem Aufenthaltstitel zustimmen kann und',
    });
    expect((unit(law, 'para-1/abs-1') as Absatz).children).toHaveLength(2);
  });

  it('nests Buchstaben, Doppel- and Dreifachbuchstaben under their items', () => {
    expect(idsOf(para(law, '31'))).toEqual([
      'absatz:para-31/abs-1',
      'satz:para-31/abs-1/satz-1',
      'nummer:para-31/abs-1/satz-1/nr-1',
      'satz:para-31/abs-1/satz-1/nr-1',
      'nummer:para-31/abs-1/satz-1/nr-2',
      'satz:para-31/abs-1/satz-1/nr-2',
      'buchstabe:para-31/abs-1/satz-1/nr-2/bst-a',
      'satz:para-31/abs-1/satz-1/nr-2/bst-a',
      'buchstabe:para-31/abs-1/satz-1/nr-2/bst-b',
      'satz:para-31/abs-1/satz-1/nr-2/bst-b',
      'buchstabe:para-31/abs-1/satz-1/nr-2/bst-c',
      'satz:para-31/abs-1/satz-1/nr-2/bst-c',
      'doppelbuchstabe:para-31/abs-1/satz-1/nr-2/bst-c/dbst-aa',
      'satz:para-31/abs-1/satz-1/nr-2/bst-c/dbst-aa',
      'dreifachbuchstabe:para-31/abs-1/satz-1/nr-2/bst-c/dbst-aa/tbst-aaa',
      'satz:para-31/abs-1/satz-1/nr-2/bst-c/dbst-aa/tbst-aaa',
      'dreifachbuchstabe:para-31/abs-1/satz-1/nr-2/bst-c/dbst-aa/tbst-bbb',
      'satz:para-31/abs-1/satz-1/nr-2/bst-c/dbst-aa/tbst-bbb',
      'doppelbuchstabe:para-31/abs-1/satz-1/nr-2/bst-c/dbst-bb',
      'satz:para-31/abs-1/satz-1/nr-2/bst-c/dbst-bb',
      'nummer:para-31/abs-1/satz-1/nr-3',
      'satz:para-31/abs-1/satz-1/nr-3',
      'satz:para-31/abs-1/satz-2',
      'absatz:para-31/abs-2',
      'satz:para-31/abs-2/satz-1',
    ]);
    const c = unit(law, 'para-31/abs-1/satz-1/nr-2/bst-c') as ListItem;
    expect(c.kind).toBe('buchstabe');
    expect(c.label).toBe('c');
    const aaa = unit(law, 'para-31/abs-1/satz-1/nr-2/bst-c/dbst-aa/tbst-aaa') as ListItem;
    expect(aaa).toMatchObject({ kind: 'dreifachbuchstabe', label: 'aaa' });
    expect(satz(law, aaa.id).text).toBe('sechs Monaten oder');
    expect(unit(law, 'para-31/abs-1/satz-1/nr-2/bst-c/dbst-bb')).toMatchObject({ kind: 'doppelbuchstabe', label: 'bb' });
  });

  it('keeps the Satzteil vor and the Satzteil nach of every list level', () => {
    const top = satz(law, 'para-31/abs-1/satz-1');
    expect(top.vor).toBe('Die Zustimmung wird erteilt, wenn');
    expect(top.items!.map((i) => i.label)).toEqual(['1', '2', '3']);
    // Satzteil nach Nummer 3: the words after the list continue the sentence; the next sentence is Satz 2
    expect(top.nach).toBe('und die Bundesagentur nicht widerspricht.');
    expect(satz(law, 'para-31/abs-1/satz-2').text).toBe('Dies gilt auch für Auszubildende.');

    const nr2 = satz(law, 'para-31/abs-1/satz-1/nr-2');
    expect(nr2.vor).toBe('der Ausländer');
    expect(nr2.items!.map((i) => i.label)).toEqual(['a', 'b', 'c']);
    expect(nr2.nach).toBe('und die Beschäftigung erlaubt ist, oder');

    const c = satz(law, 'para-31/abs-1/satz-1/nr-2/bst-c');
    expect(c.vor).toBe('eine Bescheinigung besitzt, die');
    expect(c.items!.map((i) => i.label)).toEqual(['aa', 'bb']);
    expect(c.nach).toBe('ausgestellt wurde,');

    const aa = satz(law, 'para-31/abs-1/satz-1/nr-2/bst-c/dbst-aa');
    expect(aa.vor).toBe('für einen Zeitraum von');
    expect(aa.items!.map((i) => i.label)).toEqual(['aaa', 'bbb']);
    expect(aa.nach).toBeUndefined();

    expect(satzText(top)).toBe(
      'Die Zustimmung wird erteilt, wenn 1. der Ausländer einen Aufenthaltstitel besitzt, 2. der Ausländer ' +
        'a) eine Duldung besitzt, b) eine Aufenthaltsgestattung besitzt, c) eine Bescheinigung besitzt, die ' +
        'aa) für einen Zeitraum von aaa) sechs Monaten oder bbb) einem Jahr oder bb) ohne Befristung ' +
        'ausgestellt wurde, und die Beschäftigung erlaubt ist, oder 3. die Frist abgelaufen ist, ' +
        'und die Bundesagentur nicht widerspricht.',
    );
  });

  it('gives the whole § as normalised words', () => {
    expect(paragraphText(para(law, '36'))).toBe(
      '§ 36 Erteilung der Zustimmung (1) Die Zustimmung wird erteilt. (4) Die Zustimmung gilt als erteilt, ' +
        'wenn die Bundesagentur nicht innerhalb von zwei Wochen widerspricht.',
    );
  });

  it('keeps an Anlage opaque: heading and verbatim body', () => {
    const anlagen = law.body.filter((n): n is Anlage => n.kind === 'anlage');
    expect(anlagen).toHaveLength(1);
    expect(anlagen[0]).toMatchObject({ kind: 'anlage', label: '', id: 'anlage-x', heading: '(zu § 38)' });
    expect(anlagen[0].body.startsWith('<table><tr><td>Punkte</td><td>6</td></tr></table>')).toBe(true);
  });
});

describe('both dialects give the same tree', () => {
  it('for every § of the fixtures (footnotes aside)', () => {
    const a = paragraphs(gt).map((p) => stripSource({ ...p, footnotes: [] }));
    const b = paragraphs(km).map((p) => stripSource({ ...p, footnotes: [] }));
    expect(b).toEqual(a);
  });
});

describe('Anlagen', () => {
  it('keeps sub-headings, tables and bullet lists of an Anlage verbatim in its body (gesetze-tools)', () => {
    const anlage = gt.body.find((n): n is Anlage => n.kind === 'anlage')!;
    expect(anlage.body).toBe(
      '<table><tr><td>Punkte</td><td>6</td></tr></table>\n\n## - Vorderseite -\n\n*   Zeile 1\n*   Zeile 2',
    );
  });

  it('reads Anlage labels, and keeps several Anlagen apart', () => {
    const law = parseStatute(
      '% Titel\n\n# § 1 – Eins\n\nText.\n\n# Anlage D1 – Ausweisersatz gemäß § 48\n\n(Fundstelle: BGBl. I 2004, 2958)\n\n# Anlage D2a – (weggefallen)\n',
    );
    const anlagen = law.body.filter((n): n is Anlage => n.kind === 'anlage');
    expect(anlagen.map((a) => [a.label, a.id, a.heading, a.body])).toEqual([
      ['D1', 'anlage-D1', 'Ausweisersatz gemäß § 48', '(Fundstelle: BGBl. I 2004, 2958)'],
      ['D2a', 'anlage-D2a', '(weggefallen)', ''],
    ]);
    // the Anlage text is not part of the § before it
    expect(paragraphText(para(law, '1'))).toBe('§ 1 Eins Text.');
  });
});

describe('Inhaltsübersicht (kmein)', () => {
  it('reads label and title paragraphs as Angaben', () => {
    expect(km.inhalt?.entries.map((e) => [e.label, e.text, e.id])).toEqual([
      ['Teil 1', 'Allgemeine Bestimmungen', 'inhalt/teil-1'],
      ['§ 1', 'Anwendungsbereich der Verordnung', 'inhalt/para-1'],
      ['§ 30', 'Beschäftigungsaufenthalte ohne Aufenthaltstitel', 'inhalt/para-30'],
      ['Anlage', '(zu § 38)', 'inhalt/anlage'],
    ]);
    expect(km.inhalt?.id).toBe('inhalt');
    expect(gt.inhalt).toBeUndefined();
  });

  it('is not part of the body: the § headings there do not create §§', () => {
    expect(findParagraph(km, '30')).toBeUndefined();
    expect(km.body.filter((n) => n.kind === 'gliederung')).toEqual([]);
  });

  it('gives repeated Angaben distinct ids', () => {
    const law = parseStatute('% T\n\n# Inhaltsübersicht\n\n§ 4\n\n(weggefallen)\n\n§ 4\n\nDoppelt\n\n# § 1 – Eins\n\nText.\n');
    expect(law.inhalt?.entries.map((e) => e.id)).toEqual(['inhalt/para-4', 'inhalt/para-4-2']);
  });
});

describe('juris footnotes (kmein)', () => {
  const FOOTNOTE = '§ 36 Abs. 4: Eingef. durch Art. 2 Nr. 11 V v. 30.8.2023 I Nr. 233 mWv 1.3.2024';

  it('go to paragraph.footnotes, not into the text', () => {
    const p = para(km, '36');
    expect(p.footnotes).toEqual([FOOTNOTE]);
    expect(paragraphText(p)).not.toContain('Eingef.');
    expect((unit(km, 'para-36/abs-4') as Absatz).children).toHaveLength(1);
    expect(satz(km, 'para-36/abs-4/satz-1').text).toBe(
      'Die Zustimmung gilt als erteilt, wenn die Bundesagentur nicht innerhalb von zwei Wochen widerspricht.',
    );
  });

  it('are recognised by their form, norm text is not', () => {
    expect(isJurisFootnote(FOOTNOTE)).toBe(true);
    expect(isJurisFootnote('§ 45c Abs. 1 Nr. 4: IdF d. Art. 1 Nr. 8 Buchst. c V v. 27.2.2013 I 351 mWv 5.3.2013')).toBe(true);
    expect(isJurisFootnote('Anlage D4a: Aufgeh. durch Art. 1 Nr. 30 V v. 27.2.2013 I 351 mWv 5.3.2013')).toBe(true);
    expect(isJurisFootnote('[^1]: Amtlicher Hinweis.')).toBe(true);
    expect(isJurisFootnote('§ 2 Absatz 1 Satz 1 Nummer 1 gilt entsprechend.')).toBe(false);
    expect(isJurisFootnote('Die Zustimmung wird erteilt: Das gilt mWv 1.3.2024.')).toBe(false);
  });

  it('stay apart when they sit between the Absätze of a §', () => {
    const law = parseStatute(
      '% T\n\n# § 5 – Fünf\n\n(1) Erster Satz.\n\n§ 5 Abs. 1: IdF d. Art. 1 V v. 1.1.2020 I 1 mWv 1.2.2020\n\n(2) Zweiter Satz.\n',
    );
    const p = para(law, '5');
    expect(p.footnotes).toEqual(['§ 5 Abs. 1: IdF d. Art. 1 V v. 1.1.2020 I 1 mWv 1.2.2020']);
    expect(paragraphText(p)).toBe('§ 5 Fünf (1) Erster Satz. (2) Zweiter Satz.');
  });
});

describe('ids and human labels', () => {
  it('humanLabelFromId spells out the address', () => {
    expect(humanLabelFromId('para-26/abs-2/satz-3')).toBe('§ 26 Abs. 2 Satz 3');
    expect(humanLabelFromId('para-31/abs-1/satz-1/nr-2/bst-c')).toBe('§ 31 Abs. 1 Satz 1 Nr. 2 Buchst. c');
    expect(humanLabelFromId('para-31/abs-1/satz-1/nr-2/bst-c/dbst-aa/tbst-aaa')).toBe(
      '§ 31 Abs. 1 Satz 1 Nr. 2 Buchst. c Doppelbuchst. aa Dreifachbuchst. aaa',
    );
    expect(humanLabelFromId('para-18g')).toBe('§ 18g');
    expect(humanLabelFromId('para-2a/satz-1')).toBe('§ 2a Satz 1');
    expect(humanLabelFromId('anlage-D1')).toBe('Anlage D1');
    expect(humanLabelFromId('inhalt/para-30')).toBe('Inhaltsübersicht § 30');
  });

  it('every unit id of a § is unique and starts with the id of its parent', () => {
    for (const law of [gt, km]) {
      for (const p of paragraphs(law)) {
        const seen = new Set<string>();
        const check = (parentId: string, ss: Satz[]) => {
          for (const s of ss) {
            expect(s.id.startsWith(parentId)).toBe(true);
            for (const i of s.items ?? []) {
              expect(i.id.startsWith(s.id === parentId ? parentId : s.id)).toBe(true);
              expect(seen.has(i.id), i.id).toBe(false);
              seen.add(i.id);
              check(i.id, i.children);
            }
          }
        };
        for (const c of p.children) {
          if (c.kind === 'absatz') {
            expect(c.id).toBe(`${p.id}/abs-${c.label}`);
            check(c.id, c.children);
          } else check(p.id, [c]);
        }
      }
    }
  });

  it('numbers the Sätze of a list item when it has more than one', () => {
    const law = parseStatute('% T\n\n# § 7 – Sieben\n\n(1) Es gilt:\n\n1. Erster Satz. Zweiter Satz.\n\n2. Einziger Satz.\n');
    expect(idsOf(para(law, '7'))).toEqual([
      'absatz:para-7/abs-1',
      'satz:para-7/abs-1/satz-1',
      'nummer:para-7/abs-1/satz-1/nr-1',
      'satz:para-7/abs-1/satz-1/nr-1/satz-1',
      'satz:para-7/abs-1/satz-1/nr-1/satz-2',
      'nummer:para-7/abs-1/satz-1/nr-2',
      'satz:para-7/abs-1/satz-1/nr-2',
    ]);
    // findById returns the outermost unit for a shared id: the item, not its Satz
    expect(findById(law, 'para-7/abs-1/satz-1/nr-2')?.kind).toBe('nummer');
  });

  it('reads inserted labels: § 18g, Absatz (4f), Nummer 2a', () => {
    const law = parseStatute('% T\n\n# § 18g – Blaue Karte EU\n\n(4f) Es gilt\n\n2. zwei,\n\n2a. zwei a.\n');
    const p = para(law, '18g');
    expect(p.children.map((c) => c.id)).toEqual(['para-18g/abs-4f']);
    expect(satz(law, 'para-18g/abs-4f/satz-1').items!.map((i) => i.id)).toEqual([
      'para-18g/abs-4f/satz-1/nr-2',
      'para-18g/abs-4f/satz-1/nr-2a',
    ]);
  });
});

describe('layout quirks of the corpus', () => {
  it('keeps Buchstaben under an inserted Nummer "1a." (gesetze-tools indented code block)', () => {
    const law = parseStatute(
      '# T\n\n### § 54 X\n\n(1) Es wiegt schwer, wenn er\n\n1.  erstens,\n\n\n1a. verurteilt ist wegen Taten\n\n    a)  gegen das Leben,\n\n\n    b)  gegen die Ehre,\n\n\n\n2.  drittens.\n',
    );
    const nr1a = satz(law, 'para-54/abs-1/satz-1/nr-1a');
    expect(nr1a.vor).toBe('verurteilt ist wegen Taten');
    expect(nr1a.items!.map((i) => [i.kind, i.id])).toEqual([
      ['buchstabe', 'para-54/abs-1/satz-1/nr-1a/bst-a'],
      ['buchstabe', 'para-54/abs-1/satz-1/nr-1a/bst-b'],
    ]);
    expect(satz(law, 'para-54/abs-1/satz-1/nr-1a/bst-a').text).toBe('gegen das Leben,');
    expect(satz(law, 'para-54/abs-1/satz-1').items!.map((i) => i.label)).toEqual(['1', '1a', '2']);
  });

  it('measures deeper levels inside such a code block by their indentation', () => {
    // "2a." is no Markdown list marker: everything indented below it is one code block
    const law = parseStatute(
      '# T\n\n### § 5 X\n\n(1) Es gilt\n\n2a. Die\n\n    b)  Der\n\n        aa) Das\n\n            aaa) Dies,\n\n        der Rest\n\n    am Ende.\n',
    );
    const b = satz(law, 'para-5/abs-1/satz-1/nr-2a/bst-b');
    expect(b.vor).toBe('Der');
    expect(b.items!.map((i) => i.id)).toEqual(['para-5/abs-1/satz-1/nr-2a/bst-b/dbst-aa']);
    expect(satz(law, 'para-5/abs-1/satz-1/nr-2a/bst-b/dbst-aa').items!.map((i) => i.label)).toEqual(['aaa']);
    expect(b.nach).toBe('der Rest');
    expect(satz(law, 'para-5/abs-1/satz-1/nr-2a').nach).toBe('am Ende.');
  });

  it('keeps both labels when an item starts with a nested list ("1. 1. …")', () => {
    const law = parseStatute('# T\n\n### § 6 X\n\n(1) Es gilt\n\n1. 1. die Anmeldung,\n\n2. die Abmeldung.\n');
    expect(paragraphText(para(law, '6'))).toBe('§ 6 X (1) Es gilt 1. 1. die Anmeldung, 2. die Abmeldung.');
  });

  it('keeps an unlabelled block between two Nummern in the Nummer before it (kmein)', () => {
    const law = parseStatute(
      '% T\n\n# § 72 – X\n\n(2) Zu übermitteln sind:\n\n4. bei einer Eheschließung der Name,\n\nder Tag der Eheschließung sowie\n\n4a. bei einer Scheidung der Tag,\n\n5. bei einer Namensänderung der Name.\n',
    );
    const s = satz(law, 'para-72/abs-2/satz-1');
    expect(s.items!.map((i) => i.label)).toEqual(['4', '4a', '5']);
    expect(s.nach).toBeUndefined();
    expect((unit(law, 'para-72/abs-2/satz-1/nr-4') as ListItem).children.map((c) => [c.id, c.text])).toEqual([
      ['para-72/abs-2/satz-1/nr-4/satz-1', 'bei einer Eheschließung der Name,'],
      ['para-72/abs-2/satz-1/nr-4/satz-2', 'der Tag der Eheschließung sowie'],
    ]);
  });

  it('keeps a new list that restarts at 1 apart from the list before it (kmein)', () => {
    const law = parseStatute(
      '% T\n\n# § 9 – X\n\n(1) Es gilt, wenn\n\n1. eins,\n\n2. zwei.\n\nEs gilt nicht, wenn\n\n1. drei oder\n\n2. vier.\n',
    );
    const abs = unit(law, 'para-9/abs-1') as Absatz;
    expect(abs.children.map((s) => [s.id, s.vor, s.items?.map((i) => i.label)])).toEqual([
      ['para-9/abs-1/satz-1', 'Es gilt, wenn', ['1', '2']],
      ['para-9/abs-1/satz-2', 'Es gilt nicht, wenn', ['1', '2']],
    ]);
  });

  it('keeps a multi-line HTML table in its Nummer (kmein)', () => {
    const law = parseStatute(
      '% T\n\n# § 46 – Gebühren\n\n(2) Die Gebühr beträgt\n\n1. <table><tr><td>für die Erteilung<br />\nnationaler Visa</td><td>75 Euro,</td></tr></table>\n\n2. <table><tr><td>für die Verlängerung</td><td>25 Euro.</td></tr></table>\n',
    );
    const s = satz(law, 'para-46/abs-2/satz-1');
    expect(s.items!.map((i) => i.id)).toEqual(['para-46/abs-2/satz-1/nr-1', 'para-46/abs-2/satz-1/nr-2']);
    expect(s.nach).toBeUndefined();
    const nr1 = satz(law, 'para-46/abs-2/satz-1/nr-1');
    expect(nr1.opaque).toBe(true);
    expect(nr1.text).toBe(
      '<table><tr><td>für die Erteilung<br />\nnationaler Visa</td><td>75 Euro,</td></tr></table>',
    );
  });

  it('keeps a pipe table opaque and drops "<!-- -->" list separators (kmein)', () => {
    const law = parseStatute(
      '% T\n\n# § 44 – Gebühren\n\nAn Gebühren sind zu erheben\n\n| 1\\. | für A | 147 Euro, |\n|:--|:--|--:|\n| 2\\. | für B | 124 Euro. |\n\n# § 77 – X\n\nOrdnungswidrig handelt, wer\n\n1. eins,\n\n<!-- -->\n\n2. zwei.\n',
    );
    const table = satz(law, 'para-44/satz-2');
    expect(table.opaque).toBe(true);
    expect(table.text).toBe('| 1\\. | für A | 147 Euro, |\n|:--|:--|--:|\n| 2\\. | für B | 124 Euro. |');
    const p77 = para(law, '77');
    expect(idsOf(p77)).toEqual([
      'satz:para-77/satz-1',
      'nummer:para-77/satz-1/nr-1',
      'satz:para-77/satz-1/nr-1',
      'nummer:para-77/satz-1/nr-2',
      'satz:para-77/satz-1/nr-2',
    ]);
    expect(paragraphText(p77)).not.toContain('<!--');
  });

  it('treats the "-" placeholder of a repealed § as no content', () => {
    for (const src of ['# T\n\n### § 70 (weggefallen)\n\n-\n', '% T\n\n# § 70 – (weggefallen)\n\n\\-\n']) {
      const p = para(parseStatute(src), '70');
      expect(p.weggefallen).toBe(true);
    }
    // a "(weggefallen)" heading with real text is not a repealed §
    expect(para(parseStatute('% T\n\n# § 71 – (weggefallen)\n\nDoch ein Text.\n'), '71').weggefallen).toBe(false);
  });

  it('removes Markdown escapes from the text', () => {
    const law = parseStatute('% T\n\n# § 3 – X\n\n(1) Der Wert \\* 2 gilt \\[nicht\\] für \\_alle\\_.\n');
    expect(satz(law, 'para-3/abs-1/satz-1').text).toBe('Der Wert * 2 gilt [nicht] für _alle_.');
  });

  it('words before "(1)" stay in front of the Absätze when written back', () => {
    const law = parseStatute('% T\n\n# § 8 – X\n\nVorbemerkung ohne Absatz.\n\n(1) Erster Absatz.\n');
    expect(para(law, '8').children.map((c) => c.id)).toEqual(['para-8/satz-1', 'para-8/abs-1']);
    for (const d of ['kmein', 'gesetze-tools'] as const) {
      const again = parseStatute(serializeLaw(law, d));
      expect(para(again, '8').children.map((c) => c.id)).toEqual(['para-8/satz-1', 'para-8/abs-1']);
    }
  });

  it('never throws on empty or heading-only input', () => {
    expect(parseStatute('').body).toEqual([]);
    expect(parseStatute('# Nur ein Titel\n').title).toBe('Nur ein Titel');
    expect(paragraphs(parseStatute('### § 1\n')).map((p) => [p.label, p.heading, p.children])).toEqual([['1', '', []]]);
  });
});

describe('a Satz the official Markdown breaks before its comma', () => {
  const KMEIN = `% Gesetz\n\n# § 11 – Verbot\n\n(1) Gegen einen Ausländer, gegen den eine Anordnung erlassen wurde\n\n, ist ein Verbot zu erlassen. Ein Verbot ist auch zu erlassen, wenn er ausreist. Infolge des Verbots darf er nicht einreisen.\n\n(2) Zwei.\n`;
  it('is one Satz (the Sätze after it keep their numbers), written back as it stood, the same tree in the other dialect', () => {
    const law = parseStatute(KMEIN);
    const abs = findById(law, 'para-11/abs-1') as Absatz;
    expect(abs.children).toHaveLength(3);
    expect(satzText(abs.children[1] as Satz)).toBe('Ein Verbot ist auch zu erlassen, wenn er ausreist.');
    expect(serializeLaw(law, 'kmein')).toBe(KMEIN);
    const other = parseStatute(serializeLaw(law, 'gesetze-tools'));
    expect(findById(other, 'para-11/abs-1')).toEqual(abs);
  });
});

describe('a table kept verbatim followed by a list', () => {
  it('keeps the table and the list when written out, in both dialects (they were lost: the table stood in "vor")', () => {
    for (const src of ['% G\n\n# § 1 – A\n\n(1) Es gilt:\n\n<table><tr><td>x</td></tr></table>\n\na) eins,\n\nb) zwei.\n\n(2) Zwei.\n', '% G\n\n# § 1 – A\n\n(1) Es gilt:\n\n<table><tr><td>x</td></tr></table>\n\n1. eins,\n\n2. zwei.\n\nDanach gilt.\n']) {
      const law = parseStatute(src);
      expect(serializeLaw(law, 'kmein')).toBe(src);
      const other = serializeLaw(law, 'gesetze-tools');
      for (const words of ['<table><tr><td>x</td></tr></table>', 'eins,', 'zwei.']) expect(other).toContain(words);
      expect(parseStatute(other).body[0]).toEqual(law.body[0]);
    }
  });
});
