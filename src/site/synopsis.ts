/**
 * The synopsis of one § (or Anlage) between two versions, as lawyers know it from the Bundestag's
 * Synopse and buzer.de: the old text on the left, the new text on the right, aligned row by row
 * along the structure (Überschrift, Absätze, Sätze, Nummern, Buchstaben), with the words that
 * changed marked within the row (<del> on the left, <ins> on the right).
 */
import { writtenLabel } from '../model/labels.js';
import { angabeText, bodyNodeText } from '../model/text-of.js';
import type { Absatz, BodyNode, Inhaltsuebersicht, Law, ListItem, Paragraph, Satz } from '../model/types.js';
import type { SectionDiff } from './compare.js';
import { sectionById } from './node-text.js';
import { normalizeSpace } from '../text/unwrap.js';
import { escapeHtml } from './html.js';
import type { HtmlPieces } from './html-pieces.js';
import { memoByObject, memoByPair } from './memo.js';
import { renderDiff, sharedWordDiff, type DiffSegment } from './text-diff.js';

/** One row of a § as the synopsis aligns it: a run of Sätze, a list intro, a list item's text. */
export interface SynopsisBlock {
  /** alignment key: unit ids plus a suffix ("para-20/abs-1#s0", "…/nr-3#s0", "ueberschrift") */
  key: string;
  /** nesting depth: 0 for an Absatz, +1 per list level */
  depth: number;
  /** "(2)", "3.", "b)" on the first row of a unit, else "" */
  label: string;
  text: string;
}

export interface SynopsisRow {
  key: string;
  depth: number;
  oldLabel: string;
  newLabel: string;
  /** undefined: the row does not exist on that side */
  oldText?: string;
  newText?: string;
  changed: boolean;
  segments: DiffSegment[];
}

function sentenceBlocks(sentences: Satz[], owner: string, depth: number, label: string, out: SynopsisBlock[]): void {
  let run: string[] = [];
  let runNo = 0;
  let first = label;
  const flush = (): void => {
    if (!run.length) return;
    out.push({ key: `${owner}#s${runNo++}`, depth, label: first, text: normalizeSpace(run.join(' ')) });
    first = '';
    run = [];
  };
  for (const s of sentences) {
    if (s.items === undefined) {
      run.push(s.text ?? '');
      continue;
    }
    if (s.vor) run.push(s.vor);
    flush();
    if (first) {
      // a list right at the start of an Absatz: its label goes on an empty intro row
      out.push({ key: `${s.id}#vor`, depth, label: first, text: '' });
      first = '';
    }
    for (const item of s.items) itemBlocks(item, depth + 1, out);
    if (s.nach) run.push(s.nach);
  }
  flush();
  if (first) out.push({ key: `${owner}#leer`, depth, label: first, text: '' });
}

function itemBlocks(item: ListItem, depth: number, out: SynopsisBlock[]): void {
  sentenceBlocks(item.children, item.id, depth, writtenLabel(item.kind, item.label), out);
}

/** The rows of one § in document order. */
export function paragraphBlocks(p: Paragraph | undefined): SynopsisBlock[] {
  const out: SynopsisBlock[] = [];
  if (!p) return out;
  out.push({ key: 'ueberschrift', depth: 0, label: `§ ${p.label}`, text: normalizeSpace(p.heading) });
  const direct: Satz[] = [];
  const flushDirect = (): void => {
    if (direct.length) sentenceBlocks(direct.splice(0), `${p.id}#direkt${out.length}`, 0, '', out);
  };
  for (const c of p.children) {
    if (c.kind === 'satz') {
      direct.push(c);
      continue;
    }
    flushDirect();
    absatzBlocks(c, out);
  }
  flushDirect();
  return out;
}

function absatzBlocks(a: Absatz, out: SynopsisBlock[]): void {
  sentenceBlocks(a.children, a.id, 0, writtenLabel('absatz', a.label), out);
}

/** Rows of both sides, aligned by key: the new order, removed rows after the row that preceded them. */
export function alignBlocks(before: SynopsisBlock[], after: SynopsisBlock[]): SynopsisRow[] {
  const a = new Map(before.map((b) => [b.key, b] as const));
  const b = new Map(after.map((x) => [x.key, x] as const));
  const keys = after.map((x) => x.key);
  let lastKnown = -1;
  for (const x of before) {
    const at = keys.indexOf(x.key);
    if (at >= 0) lastKnown = at;
    else keys.splice(++lastKnown, 0, x.key);
  }
  return keys.map((key) => {
    const o = a.get(key);
    const n = b.get(key);
    const ot = o?.text;
    const nt = n?.text;
    const changed = ot !== nt || (o?.label ?? '') !== (n?.label ?? '');
    return {
      key,
      depth: (n ?? o)!.depth,
      oldLabel: o?.label ?? '',
      newLabel: n?.label ?? '',
      oldText: ot,
      newText: nt,
      changed,
      segments: changed ? sharedWordDiff(ot ?? '', nt ?? '') : [{ type: 'same', text: nt ?? '' }],
    };
  });
}

/** The blocks of a section: a § by its Absätze, Sätze and list items; any other (Anlage, Gliederung heading) as one row. */
export function sectionBlocks(n: BodyNode | undefined): SynopsisBlock[] {
  if (!n) return [];
  if (n.kind === 'paragraph') return paragraphBlocks(n);
  return [{ key: n.id, depth: 0, label: '', text: normalizeSpace(bodyNodeText(n)) }];
}

/** The changed entries of two Inhaltsübersichten side by side, once per pair. */
export const inhaltSynopsisRows = memoByPair((before: Inhaltsuebersicht | undefined, after: Inhaltsuebersicht | undefined): SynopsisRow[] => {
  const blocks = (i: Inhaltsuebersicht | undefined): SynopsisBlock[] => (i?.entries ?? []).map((e) => ({ key: e.id, depth: 0, label: '', text: angabeText(e) }));
  return alignBlocks(blocks(before), blocks(after)).filter((r) => r.changed);
});

/**
 * The aligned rows of one section (§, Anlage, …) between two versions, computed once per pair of
 * nodes: every page that shows the pair (change box, diff, each compare page, history) shares them.
 */
export const sectionSynopsisRows = memoByPair((before: BodyNode | undefined, after: BodyNode | undefined): SynopsisRow[] =>
  alignBlocks(sectionBlocks(before), sectionBlocks(after)),
);

/** The rows of one changed section (§, Anlage, the Inhaltsübersicht) between two versions of a law. */
export function sectionDiffRows(before: Law, after: Law, d: Pick<SectionDiff, 'id' | 'kind'>): SynopsisRow[] {
  return d.kind === 'inhalt' ? inhaltSynopsisRows(before.inhalt, after.inhalt) : sectionSynopsisRows(sectionById(before, d.id), sectionById(after, d.id));
}

export interface SynopsisOptions {
  /** "Fassung vom 01.03.2024" */
  oldCaption: string;
  newCaption: string;
  /** only the changed rows (for the change box above a § on a law page) */
  changedOnly?: boolean;
  /** caption element content for screen readers, plain text */
  title?: string;
}

function side(label: string, text: string | undefined, segs: DiffSegment[], keep: 'del' | 'ins', changed: boolean): string {
  if (text === undefined) return '<td class="syn-cell syn-none"><span class="muted">—</span></td>';
  const shown = changed ? renderDiff(segs.filter((s) => s.type === 'same' || s.type === keep)) : escapeHtml(text);
  const lab = label ? `<span class="syn-label">${escapeHtml(label)}</span> ` : '';
  return `<td class="syn-cell">${lab}${shown || (lab ? '' : '<span class="muted">(leer)</span>')}</td>`;
}

/** The table rows of a synopsis ('' when none is shown). */
function tableBody(rows: SynopsisRow[], changedOnly: boolean): string {
  const shown = changedOnly ? rows.filter((r) => r.changed) : rows;
  return shown
    .map((r) => {
      const cls = ['syn-row', `syn-depth-${Math.min(r.depth, 4)}`, r.changed ? 'syn-changed' : 'syn-same', r.oldText === undefined ? 'syn-new' : '', r.newText === undefined ? 'syn-gone' : '']
        .filter(Boolean)
        .join(' ');
      return `<tr class="${cls}">${side(r.oldLabel, r.oldText, r.segments, 'del', r.changed)}${side(r.newLabel, r.newText, r.segments, 'ins', r.changed)}</tr>`;
    })
    .join('\n');
}

/** The table rows once per list of aligned rows (shared by every page that shows the same pair). */
const allRowsHtml = memoByObject((rows: SynopsisRow[]) => tableBody(rows, false));
const changedRowsHtml = memoByObject((rows: SynopsisRow[]) => tableBody(rows, true));
/** The same encoded, for pages written as pieces (not kept as text too: the tables are large). */
const allRowsBytes = memoByObject((rows: SynopsisRow[]) => Buffer.from(tableBody(rows, false)));

const NO_DIFFERENCE = '<p class="muted">Kein Unterschied im Wortlaut.</p>';

/** The table around its rows. */
function tableFrame(opts: SynopsisOptions): { open: string; close: string } {
  return {
    open:
      `<div class="synopsis-wrap"><table class="synopsis">` +
      (opts.title ? `<caption class="visually-hidden">${escapeHtml(opts.title)}</caption>` : '') +
      `<thead><tr><th scope="col">${escapeHtml(opts.oldCaption)}</th><th scope="col">${escapeHtml(opts.newCaption)}</th></tr></thead>\n<tbody>\n`,
    close: `\n</tbody></table></div>`,
  };
}

/** The synopsis table of aligned rows. */
export function renderSynopsis(rows: SynopsisRow[], opts: SynopsisOptions): string {
  const body = opts.changedOnly ? changedRowsHtml(rows) : allRowsHtml(rows);
  if (!body) return NO_DIFFERENCE;
  const { open, close } = tableFrame(opts);
  return open + body + close;
}

/** renderSynopsis of all rows as pieces, the table rows as shared bytes (the compare pages). */
export function synopsisPieces(rows: SynopsisRow[], opts: Omit<SynopsisOptions, 'changedOnly'>): HtmlPieces {
  const body = allRowsBytes(rows);
  if (!body.length) return [NO_DIFFERENCE];
  const { open, close } = tableFrame(opts);
  return [open, body, close];
}
