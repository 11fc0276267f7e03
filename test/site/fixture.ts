/**
 * A tiny synthetic consolidation for the site tests: one Verordnung in two versions (2024-03-01 base,
 * 2024-06-01 with § 26 Abs. 2 Satz 3 changed from „25 000“ to „50 000“ and marked incomplete), one
 * amending act with two instructions, and two facts. With `evil`, corpus strings carry HTML
 * injection attempts.
 */
import type { ChangeRecord, Consolidation, LawVersion } from '../../src/consolidate/types.js';
import type { ActEntry } from '../../src/corpus/manifest.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import type { SiteInput } from '../../src/site/types.js';

export const SCRIPT = '<script>alert(1)</script>';
export const ATTR = '" onload="x';

export const LAW = 'bspv';
export const ACT = 'vo-2023';
export const D1 = '2024-03-01';
export const D2 = '2024-06-01';
export const MISSING = 'Artikel 1 Nummern 9 bis 40 des Gesetzes BGBl. 2023 I Nr. 217: Text nicht im Korpus';

function statute(quota: string, evil: boolean): string {
  const h = evil ? ` ${SCRIPT}${ATTR}` : '';
  const s = evil ? ` Siehe ${SCRIPT} und ${ATTR}.` : '';
  return `---
Title: Beispielverordnung
---

# Verordnung über Beispiele

## Teil 1 - Allgemeines

### § 1 Anwendungsbereich${h}

Diese Verordnung gilt für Beispiele.${s}

### § 26 Beschäftigung bestimmter Staatsangehöriger

(1) Für Staatsangehörige von Andorra kann die Zustimmung erteilt werden.

(2) Für Staatsangehörige von Albanien können Zustimmungen erteilt werden. Die erstmalige Zustimmung darf nur erteilt werden, wenn

1.  der Antrag gestellt wird und

2.  die Auslandsvertretung zustimmt.

Die Anzahl der Zustimmungen ist auf bis zu ${quota} je Kalenderjahr begrenzt.

## Teil 2 - Schluss

### § 27 Inkrafttreten

Diese Verordnung tritt am 1. Januar 2024 in Kraft.
`;
}

export function fixtureInput(opts: { evil?: boolean } = {}): SiteInput {
  const evil = opts.evil ?? false;
  const e = (s: string): string => (evil ? `${s} ${SCRIPT}${ATTR}` : s);
  const v1: LawVersion = {
    law: LAW,
    validFrom: D1,
    validTo: '2024-05-31',
    isBase: true,
    complete: true,
    missing: [],
    changes: [],
    tree: parseStatute(statute('25\u00a0000', evil), { lawId: LAW }),
  };
  const v2: LawVersion = {
    law: LAW,
    validFrom: D2,
    validTo: null,
    isBase: false,
    complete: false,
    missing: [e(MISSING)],
    changes: [0, 1],
    tree: parseStatute(statute('50\u00a0000', evil), { lawId: LAW }),
  };
  const wording1 = e('1. In § 26 Absatz 2 Satz 3 wird die Angabe „25 000“ durch die Angabe „50 000“ ersetzt.');
  const wording2 = e('2. In § 5 der AZRG-Durchführungsverordnung wird das Wort „Chancenkarte“ eingefügt.');
  const changes: ChangeRecord[] = [
    {
      act: ACT,
      artikel: '3',
      path: 'Artikel 3 Nummer 1',
      law: LAW,
      target: e('§ 26 Abs. 2 Satz 3'),
      targetId: 'para-26/abs-2/satz-3',
      paragraphId: 'para-26',
      action: 'replace',
      effective: D2,
      status: 'applied',
      source: { file: 'acts/vo.txt', line: 12, column: 1 },
      wording: wording1,
    },
    {
      act: ACT,
      artikel: '3',
      path: 'Artikel 3 Nummer 2',
      law: 'azrg-dv',
      target: e('§ 5'),
      targetId: evil ? `para-5/${ATTR}` : undefined,
      action: 'insert-words',
      effective: D2,
      status: 'not-in-corpus',
      reason: e('Die AZRG-Durchführungsverordnung ist nicht im Korpus.'),
      source: { file: 'acts/vo.txt', line: 13, column: 1 },
      wording: wording2,
    },
  ];
  const consolidation: Consolidation = {
    laws: [{ law: LAW, title: e('Verordnung über Beispiele'), abbreviation: evil ? `BspV${ATTR}` : 'BspV', versions: [v1, v2] }],
    changes,
    diagnostics: [],
  };
  const entry: ActEntry = {
    id: ACT,
    title: e('Verordnung zur Weiterentwicklung der Beispiele'),
    kind: 'Verordnung',
    date: '2023-08-30',
    citation: e('BGBl. 2023 I Nr. 233'),
    verkuendung: { date: null, earliest: '2023-09-01', latest: '2023-09-30', source: e('README') },
    files: ['acts/vo.txt'],
    missing: evil ? e('Seite 2 fehlt') : null,
    inkrafttreten: null,
  };
  const text = [
    e('Verordnung zur Weiterentwicklung der Beispiele'),
    '',
    'Artikel 3',
    'Weitere Änderung der Beispielverordnung',
    wording1,
    wording2,
    'Die Chancenkarte bleibt unberührt.',
  ].join('\n');
  return {
    consolidation,
    acts: [
      {
        entry,
        text,
        instructions: [
          { path: 'Artikel 3 Nummer 1', artikel: '3', line: 5, wording: wording1, status: 'applied', effective: D2, changeIndices: [0] },
          { path: 'Artikel 3 Nummer 2', artikel: '3', line: 6, wording: wording2, status: 'not-in-corpus', effective: D2, changeIndices: [1] },
        ],
      },
    ],
    facts: {
      facts: [
        {
          id: evil ? `quota${ATTR}` : 'westbalkan-quota',
          label: { de: e('Westbalkanregelung: Kontingent'), en: e('Western Balkans quota') },
          unit: 'Zustimmungen je Jahr',
          timeline: [
            {
              value: 25000,
              display: e('25 000'),
              validFrom: D1,
              validTo: '2024-05-31',
              law: LAW,
              unitLabel: e('§ 26 Abs. 2 Satz 3'),
              nodeId: 'para-26/abs-2/satz-3',
              wording: e('Die Anzahl der Zustimmungen ist auf bis zu 25 000 je Kalenderjahr begrenzt.'),
              tier: e('official'),
              lastChange: null,
            },
            {
              value: 50000,
              display: '50 000',
              validFrom: D2,
              validTo: null,
              law: LAW,
              unitLabel: '§ 26 Abs. 2 Satz 3',
              nodeId: evil ? `para-26/${ATTR}` : 'para-26/abs-2/satz-3',
              wording: 'Die Anzahl der Zustimmungen ist auf bis zu 50 000 je Kalenderjahr begrenzt.',
              tier: 'consolidated',
              caveat: 'aus einer unvollständigen Fassung',
              lastChange: { act: ACT, artikel: '3', path: 'Artikel 3 Nummer 1' },
            },
          ],
        },
        {
          id: 'blue-card-salary',
          label: { de: 'Blaue Karte EU: Mindestgehalt', en: 'EU Blue Card: minimum salary' },
          unit: 'Prozent der BBG',
          timeline: [
            {
              value: 45.3,
              display: '45,3 %',
              validFrom: D1,
              validTo: null,
              law: LAW,
              unitLabel: '§ 1',
              nodeId: 'para-1',
              wording: 'Diese Verordnung gilt für Beispiele.',
              tier: 'guide',
              lastChange: null,
              euros: [
                { year: 2024, amount: 41041.8 },
                { year: 2025, amount: 43759.8, display: '43\u00a0759,80\u00a0€' },
              ],
            },
          ],
        },
      ],
    },
  };
}
