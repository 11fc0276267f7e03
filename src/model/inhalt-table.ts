/**
 * An Inhaltsübersicht laid out as an HTML table, as the official texts have it since 2025 (kmein
 * dialect; AufenthV from 20.1.2025 on):
 *
 *   <table …><colgroup>…</colgroup><tbody …>
 *   <tr class="odd"><td colspan="2" …>Kapitel 1</td></tr>          a Gliederung: label row,
 *   <tr class="even"><td colspan="2" …>Allgemeine Bestimmungen</td></tr>   then its heading row
 *   <tr class="odd"><td …>§ 1</td><td …>Begriffsbestimmungen</td></tr>     a § (or Anlage): one row
 *   </tbody></table>
 *
 * (each tag on a line of its own). It is read into Angaben like the plain layout, each keeping its rows
 * as written (`Angabe.rows`, the cells of each row), so that an Angabe no act touched is written back
 * byte for byte; the rows are striped odd/even by their position, as the official text re-stripes them
 * when a row is inserted. An Angabe an act adds or changes is written with the cell attributes of the
 * table's rows of its kind. A table that this reading would not write back exactly as it stands is not
 * read at all (the caller keeps it as one block, whose Angaben cannot be addressed).
 */
import type { Angabe, Inhaltsuebersicht } from './types.js';

const TABLE = /^(<table\b[^>]*>\n(?:[^\n]*\n)*?<tbody\b[^>]*>\n)([\s\S]*)(\n<\/tbody>\n<\/table>)$/;
const ROW = /^<tr class="(odd|even)">\n([\s\S]*?)\n<\/tr>$/;
const CELL = /<td((?: [a-z-]+="[^"<>]*")*)>([\s\S]*?)<\/td>/g;
/** a row that starts an Angabe of the Gliederung (its heading row follows), or an Anlage */
const GLIEDERUNG_LABEL = /^(?:(?:Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel)\s+\d+[a-z]*|Anlagen?(?:\s+[A-Z]?\d*[a-z]?)?)$/u;

interface Cell {
  attrs: string;
  /** the cell's words: line breaks and <br /> as spaces, entities decoded */
  text: string;
}

/** The words of a cell's content, or undefined when it holds markup other than <br /> and entities. */
function cellText(raw: string): string | undefined {
  const plain = raw.replace(/<br \/>/g, ' ');
  if (/[<>]/.test(plain)) return undefined;
  return decode(plain).replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]);
const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellsOf(row: string): Cell[] | undefined {
  const cells: Cell[] = [];
  let rest = row;
  for (const m of row.matchAll(CELL)) {
    const text = cellText(m[2]);
    if (text === undefined) return undefined;
    cells.push({ attrs: m[1], text });
    rest = rest.replace(m[0], '');
  }
  // nothing but the cells and the line breaks between them
  return rest.trim() === '' && cells.length ? cells : undefined;
}

/** The Angabe a group of rows gives: a § row (two cells), or a label row and its heading rows (one cell each). */
function angabeOf(rows: Cell[][]): { label: string; text: string } {
  const [first, ...more] = rows;
  if (first.length === 2) return { label: first[0].text, text: first[1].text };
  return { label: first[0].text, text: more.map((r) => r[0].text).join(' ') };
}

/**
 * The Angaben of an Inhaltsübersicht laid out as an HTML table (the section's text after its heading),
 * or undefined when it is no such table or could not be written back exactly as it stands.
 */
export function parseInhaltTable(raw: string): { entries: Angabe[]; table: NonNullable<Inhaltsuebersicht['table']> } | undefined {
  const t = TABLE.exec(raw);
  if (!t) return undefined;
  const [, head, body, tail] = t;
  const rowTexts = body.split(/\n(?=<tr )/);
  const groups: Array<{ rows: string[]; cells: Cell[][] }> = [];
  for (const [i, text] of rowTexts.entries()) {
    const r = ROW.exec(text);
    if (!r || r[1] !== stripe(i)) return undefined;
    const cells = cellsOf(r[2]);
    if (!cells || cells.length > 2) return undefined;
    const last = groups[groups.length - 1];
    // a one-cell row that is no label is the heading of the Gliederung row before it
    if (cells.length === 1 && !GLIEDERUNG_LABEL.test(cells[0].text) && last && last.cells[0].length === 1) {
      last.rows.push(r[2]);
      last.cells.push(cells);
    } else groups.push({ rows: [r[2]], cells: [cells] });
  }
  const entries: Angabe[] = groups.map((g) => ({ kind: 'angabe', id: '', ...angabeOf(g.cells), rows: g.rows }));
  const table = { head, tail };
  // only a table read without loss is read at all
  if (serializeInhaltTable({ kind: 'inhaltsuebersicht', id: 'inhalt', entries, table }) !== raw) return undefined;
  return { entries, table };
}

const stripe = (i: number) => (i % 2 === 0 ? 'odd' : 'even');

/** The cell attributes of a table's rows: of a § row's two cells, and of a Gliederung row's one cell. */
function cellAttrs(entries: Angabe[]): { pair: [string, string]; single: string } {
  let pair: [string, string] | undefined;
  let single: string | undefined;
  for (const e of entries) {
    for (const row of e.rows ?? []) {
      const cells = cellsOf(row);
      if (cells?.length === 2) pair ??= [cells[0].attrs, cells[1].attrs];
      if (cells?.length === 1) single ??= cells[0].attrs;
    }
  }
  const left = ' style="text-align: left;" data-valign="top"';
  return { pair: pair ?? [left, left], single: single ?? ' colspan="2" style="text-align: center;" data-valign="top"' };
}

/** The rows of an Angabe: as written when its words are still those of its rows, else written anew. */
function rowsOf(e: Angabe, attrs: { pair: [string, string]; single: string }): string[] {
  if (e.rows?.length) {
    const cells = e.rows.map(cellsOf);
    if (cells.every((c): c is Cell[] => !!c)) {
      const was = angabeOf(cells);
      if (was.label === e.label && was.text === e.text) return e.rows;
      // changed words: the Angabe's own cell attributes
      if (cells[0].length === 2) return [`<td${cells[0][0].attrs}>${encode(e.label)}</td>\n<td${cells[0][1].attrs}>${encode(e.text)}</td>`];
      return [e.label, ...(e.text ? [e.text] : [])].map((w) => `<td${cells[0][0].attrs}>${encode(w)}</td>`);
    }
  }
  // a § (or a single Anlage with its heading) is one row of two cells; the Gliederung a row per line
  if (/^§/.test(e.label) || (/^Anlage\s+\S+$/.test(e.label) && e.text)) {
    return [`<td${attrs.pair[0]}>${encode(e.label)}</td>\n<td${attrs.pair[1]}>${encode(e.text)}</td>`];
  }
  return [e.label, ...(e.text ? [e.text] : [])].map((w) => `<td${attrs.single}>${encode(w)}</td>`);
}

/** The table (without the "# Inhaltsübersicht" heading): its head, the rows striped by position, its tail. */
export function serializeInhaltTable(inhalt: Inhaltsuebersicht): string {
  const { head, tail } = inhalt.table!;
  const attrs = cellAttrs(inhalt.entries);
  const rows = inhalt.entries.flatMap((e) => rowsOf(e, attrs));
  return head + rows.map((cells, i) => `<tr class="${stripe(i)}">\n${cells}\n</tr>`).join('\n') + tail;
}
