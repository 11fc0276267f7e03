/**
 * An Inhaltsübersicht laid out as an HTML table (official texts since 2025): read into Angaben, written
 * back byte for byte, changed by acts with the rows re-striped as the official text has them, and left
 * as one block when it holds anything this reading would not write back exactly.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInhaltTable, serializeInhaltTable } from '../../src/model/inhalt-table.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { serializeLaw } from '../../src/model/serialize.js';
import { applyActFile } from '../../src/cli/act-file.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

const TD = 'style="text-align: left;" data-valign="top" data-charoff="50"';
const TH = 'colspan="2" style="text-align: center;" data-valign="top" data-charoff="50"';
const HEAD = '<table width="100%" style="border: none;">\n<colgroup>\n<col style="width: 6%" />\n<col style="width: 94%" />\n</colgroup>\n<tbody data-valign="top">\n';
const TAIL = '\n</tbody>\n</table>';
const row = (i: number, cells: string) => `<tr class="${i % 2 ? 'even' : 'odd'}">\n${cells}\n</tr>`;
const para = (label: string, text: string) => `<td ${TD}>${label}</td>\n<td ${TD}>${text}</td>`;
const one = (text: string) => `<td ${TH}>${text}</td>`;

/** a table of rows given as cells, striped from the first */
const table = (rows: string[]) => HEAD + rows.map((r, i) => row(i, r)).join('\n') + TAIL;

/** the rows no act below touches */
const KEPT = [one('Kapitel 1'), one('Allgemeine Bestimmungen'), para('§ 1', 'Begriffsbestimmungen'), one('<br />\n\nKapitel 2'), one('Einreise &amp; Aufenthalt'), para('§ 12', 'Grenzgängerkarte')];

const TABLE = table([
  ...KEPT,
  para('§ 13', 'Notreiseausweis'),
  para('§ 14', 'Befreiung von der Passpflicht'),
  one('<br />\nAnlagen'),
]);

const LAW = `% Testverordnung
% Ausfertigungsdatum: 01.01.2020

# Inhaltsübersicht

${TABLE}

# § 1 – Begriffsbestimmungen

Text.
`;

describe('an Inhaltsübersicht laid out as an HTML table', () => {
  it('is read into Angaben (a Gliederung with its heading row, a § with its two cells) and written back byte for byte', () => {
    const read = parseInhaltTable(TABLE)!;
    expect(read.entries.map((e) => [e.label, e.text])).toEqual([
      ['Kapitel 1', 'Allgemeine Bestimmungen'],
      ['§ 1', 'Begriffsbestimmungen'],
      ['Kapitel 2', 'Einreise & Aufenthalt'],
      ['§ 12', 'Grenzgängerkarte'],
      ['§ 13', 'Notreiseausweis'],
      ['§ 14', 'Befreiung von der Passpflicht'],
      ['Anlagen', ''],
    ]);
    expect(serializeInhaltTable({ kind: 'inhaltsuebersicht', id: 'inhalt', ...read })).toBe(TABLE);
    const law = parseStatute(LAW);
    expect(law.inhalt?.table).toBeDefined();
    expect(serializeLaw(law, 'kmein')).toBe(LAW);
  });

  it('is left as one block when it holds other markup, is striped otherwise, or has more than two cells in a row', () => {
    for (const t of [
      table([para('§ 1', '<b>Begriffe</b>')]),
      table([para('§ 1', 'A'), para('§ 2', 'B')]).replace('class="even"', 'class="odd"'),
      table([`${para('§ 1', 'A')}\n<td ${TD}>C</td>`]),
      table([para('§ 1', 'A')]).replace('</tbody>', '</tbody >'),
    ]) {
      expect(parseInhaltTable(t)).toBeUndefined();
      const law = parseStatute(LAW.replace(TABLE, t));
      expect(law.inhalt?.table).toBeUndefined();
      expect(law.inhalt?.entries).toHaveLength(1);
    }
  });

  it('takes Angaben inserted, changed and repealed by an act; the rows are striped anew, an untouched row stays as written', () => {
    const act = `Artikel 1
Die Testverordnung vom 1. Januar 2020 (BGBl. I S. 1) wird wie folgt geändert:
1. In der Inhaltsübersicht wird nach der Angabe zu § 12 folgende Angabe eingefügt:
„§ 12a Grenzgängerkarte für Studierende“.
2. In der Inhaltsübersicht wird in der Angabe zu § 13 das Wort „Notreiseausweis“ durch die Wörter „Notreiseausweis & Passersatz“ ersetzt.
3. In der Inhaltsübersicht wird die Angabe zu § 14 aufgehoben.
Artikel 2
Diese Verordnung tritt am Tag nach der Verkündung in Kraft.
`;
    const work = mkdtempSync(join(tmpdir(), 'fassung-inhalt-table-'));
    let law;
    try {
      writeFileSync(join(work, 'law.md'), LAW);
      writeFileSync(join(work, 'act.txt'), act);
      const r = applyActFile(join(work, 'act.txt'), act, join(work, 'law.md'), {});
      expect(r.changes.filter((c) => c.status !== 'applied')).toEqual([]);
      law = r.tree;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const expected = table([
      ...KEPT,
      para('§ 12a', 'Grenzgängerkarte für Studierende'),
      para('§ 13', 'Notreiseausweis &amp; Passersatz'),
      one('<br />\nAnlagen'),
    ]);
    expect(serializeLaw(law, 'kmein')).toBe(LAW.replace(TABLE, expected));
  });

  it('reads back what it writes, for any Angaben (property)', () => {
    const words = fc.stringMatching(/^[A-Za-zÄÖÜäöüß&<>" ]{1,30}$/).filter((w) => w.trim() !== '' && !/^\s|\s$|\s\s/.test(w));
    const angabe = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('', 'a', 'b'), words).map(([n, l, w]) => ({ label: `§ ${n}${l}`, text: w })),
      fc.tuple(fc.constantFrom('Kapitel', 'Abschnitt', 'Unterabschnitt'), fc.integer({ min: 1, max: 9 }), words).map(([k, n, w]) => ({ label: `${k} ${n}`, text: w })),
    );
    fc.assert(
      fc.property(fc.array(angabe, { minLength: 1, maxLength: 12 }), (angaben) => {
        const entries = angaben.map((a) => ({ kind: 'angabe' as const, id: '', ...a }));
        const written = serializeInhaltTable({ kind: 'inhaltsuebersicht', id: 'inhalt', entries, table: { head: HEAD, tail: TAIL } });
        const read = parseInhaltTable(written);
        expect(read?.entries.map((e) => ({ label: e.label, text: e.text }))).toEqual(angaben);
      }),
      { numRuns: 300 },
    );
  });

  it.skipIf(!HAS_CORPUS)('every official text of the corpus with such a table is read as a table and written back byte for byte', () => {
    const dir = join(CORPUS, 'official', 'aufenthv');
    let tables = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      const start = src.indexOf('# Inhaltsübersicht\n');
      const raw = src.slice(start + '# Inhaltsübersicht\n'.length, src.indexOf('\n# ', start + 1)).trim();
      if (!raw.startsWith('<table')) continue;
      tables++;
      const read = parseInhaltTable(raw);
      expect(read, f).toBeDefined();
      expect(serializeInhaltTable({ kind: 'inhaltsuebersicht', id: 'inhalt', ...read! }), f).toBe(raw);
      expect(read!.entries.every((e) => /^(?:§|Kapitel|Abschnitt|Unterabschnitt|Anlagen)/.test(e.label)), f).toBe(true);
    }
    expect(tables).toBeGreaterThanOrEqual(10);
  });
});
