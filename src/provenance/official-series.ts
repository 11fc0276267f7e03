/**
 * The official series of a law (corpus official/<law>/<date>.md, one file per day the published text
 * changed) as a timeline per unit (§, Anlage, Inhaltsübersicht): for each change between two consecutive
 * snapshots, the new wording, the day it went online, and its in-force date with what that rests on:
 * the juris footnote of the unit ("IdF d. Art. 1 Nr. 5 G v. … mWv 18.11.2023"), else an act of the corpus
 * whose instruction names the unit and enters into force between the two snapshots, else (honestly
 * labelled) the day the text went online.
 *
 * Speed: a snapshot is split into its top-level "# " blocks; only blocks whose raw text is new are parsed.
 */
import { basename } from 'node:path';
import { parseStatute } from '../model/parse-statute.js';
import { bodyNodeText, inhaltText, paragraphText } from '../model/text-of.js';
import type { Anlage, Inhaltsuebersicht, Law, Paragraph } from '../model/types.js';
import { footnotesOfText, parseFootnote, type FootnoteChange } from './footnotes.js';
import { decodeUtf8, refuseNul } from '../corpus/read-file.js';

export type OfficialUnitNode = Paragraph | Anlage | Inhaltsuebersicht;

export interface OfficialUnit {
  id: string;
  label: string;
  node: OfficialUnitNode;
  /** normalised words, for comparison */
  readonly text: string;
}

/** A hint from an act of the corpus: an instruction due on `date` that names these units. */
export interface ActHint {
  date: string;
  act: string;
  citation: string;
  artikel: string;
  path: string;
  units: string[];
}

export interface OfficialEntry {
  id: string;
  label: string;
  /** in-force date of this wording */
  from: string;
  inForceFrom: 'footnote' | 'act' | 'online-date' | 'first-snapshot';
  /** the snapshot in which it first appeared (file date = day online) */
  online: string;
  file: string;
  /** null: the unit is no longer in the text */
  unit: OfficialUnit | null;
  /** attribution: from a footnote or an act hint */
  attribution?: { act?: string; citation?: string; artikel?: string | null; within?: string; footnote?: string; path?: string };
}

export interface OfficialSnapshot {
  date: string;
  file: string;
  /** the header lines of the file ("% title", "% Ausfertigungsdatum") */
  header: string;
  /** unit ids in the order of the text */
  order: string[];
  units: Map<string, OfficialUnit>;
}

export interface OfficialSeries {
  law: string;
  snapshots: OfficialSnapshot[];
  /** per unit id, ascending by `from` */
  entries: Map<string, OfficialEntry[]>;
  /** the official wording of a unit valid on a date (undefined: the series does not reach back to it) */
  entryOn(id: string, date: string): OfficialEntry | undefined;
  /** the snapshot online on a date (the last with file date ≤ date) */
  snapshotOn(date: string): OfficialSnapshot | undefined;
  /** all entries that take effect on a date */
  changesOn(date: string): OfficialEntry[];
  lastDate: string | null;
}

export function unitLabel(id: string): string {
  if (id === 'inhalt') return 'Inhaltsübersicht';
  if (id.startsWith('para-')) return `§ ${id.slice(5)}`;
  if (id.startsWith('anlage-')) return `Anlage ${id.slice(7) === 'x' ? '' : id.slice(7)}`.trim();
  return id;
}

export function unitTextOf(node: OfficialUnitNode): string {
  if (node.kind === 'paragraph') return paragraphText(node);
  if (node.kind === 'inhaltsuebersicht') return inhaltText(node);
  return bodyNodeText(node);
}

/** A unit of an official text; its words are put together when first compared (most units never are). */
class ParsedUnit implements OfficialUnit {
  private words?: string;
  readonly label: string;
  constructor(
    readonly id: string,
    readonly node: OfficialUnitNode,
  ) {
    this.label = unitLabel(id);
  }
  get text(): string {
    return (this.words ??= unitTextOf(this.node));
  }
}

/** The units of a parsed law, in order (Inhaltsübersicht first). */
export function unitsOfLaw(law: Law): OfficialUnit[] {
  const out: OfficialUnit[] = [];
  if (law.inhalt && law.inhalt.entries.length) out.push(new ParsedUnit('inhalt', law.inhalt));
  for (const n of law.body) {
    if (n.kind === 'paragraph' || n.kind === 'anlage') out.push(new ParsedUnit(n.id, n));
  }
  return out;
}

/** Split the bytes of a kmein text into its header and its top-level "# " blocks, without decoding them (views). */
export function splitBlockBytes(buf: Buffer): { header: Buffer; blocks: Buffer[] } {
  const starts: number[] = [];
  if (buf[0] === 0x23 && buf[1] === 0x20) starts.push(0);
  for (let i = buf.indexOf('\n# '); i >= 0; i = buf.indexOf('\n# ', i + 1)) starts.push(i + 1);
  if (!starts.length) return { header: buf, blocks: [] };
  // a block runs to the line break before the next block (the last one to the end of the text)
  const blocks = starts.map((s, k) => buf.subarray(s, k + 1 < starts.length ? starts[k + 1] - 1 : buf.length));
  return { header: buf.subarray(0, Math.max(0, starts[0] - 1)), blocks };
}

export interface SeriesInput {
  law: string;
  /** corpus-relative files, named <date>.md */
  files: string[];
  /**
   * the bytes of a file (regular file, size-limited, as the corpus reader checks them; blocks seen before
   * go undecoded); they need to stay valid only until the next call (the series copies the blocks it keeps)
   */
  read: (rel: string) => Buffer;
  hints?: ActHint[];
  /** cache of parsed blocks shared between calls (key: law and raw block) */
  cache?: BlockCache;
}

/**
 * Parsed blocks by their bytes: most blocks of a snapshot are byte for byte those of the one before, so a
 * block is looked up by its heading line and length and compared with memcmp, and only a new block is
 * decoded and parsed.
 */
export type BlockCache = Map<string, Array<{ bytes: Buffer; units: OfficialUnit[] }>>;

function parseBlock(law: string, block: string): OfficialUnit[] {
  // a one-line header keeps the kmein dialect (footnotes) without parsing the real header each time
  return unitsOfLaw(parseStatute(`% ${law}\n${block}\n`, { lawId: law }));
}

const WHAT = 'official text';

function readSnapshot(law: string, date: string, file: string, content: Buffer, cache: BlockCache): OfficialSnapshot {
  const units = new Map<string, OfficialUnit>();
  const order: string[] = [];
  const add = (parsed: OfficialUnit[]) => {
    for (const u of parsed) {
      if (units.has(u.id)) continue;
      units.set(u.id, u);
      order.push(u.id);
    }
  };
  refuseNul(content, file, WHAT);
  const split = splitBlockBytes(content);
  const header = decodeUtf8(split.header, file, WHAT);
  for (const b of split.blocks) {
    const eol = b.indexOf(0x0a);
    const key = `${law}\0${b.byteLength}\0${b.subarray(0, eol < 0 ? b.length : eol).toString('latin1')}`;
    const list = cache.get(key) ?? [];
    let hit = list.find((x) => x.bytes.equals(b));
    if (!hit) {
      hit = { bytes: Buffer.from(b), units: parseBlock(law, decodeUtf8(b, file, WHAT)) };
      list.push(hit);
      cache.set(key, list);
    }
    add(hit.units);
  }
  return { date, file, header, order, units };
}

export function buildOfficialSeries(input: SeriesInput): OfficialSeries {
  const cache: BlockCache = input.cache ?? new Map();
  const files = input.files
    .map((f) => ({ file: f, date: basename(f).replace(/\.md$/, '') }))
    .filter((f) => /^\d{4}-\d{2}-\d{2}$/.test(f.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  const snapshots = files.map((f) => readSnapshot(input.law, f.date, f.file, input.read(f.file), cache));
  const entries = new Map<string, OfficialEntry[]>();
  const push = (e: OfficialEntry) => {
    const list = entries.get(e.id) ?? [];
    list.push(e);
    entries.set(e.id, list);
  };
  // juris footnotes accumulate: a footnote of a later snapshot may date the change that brought the
  // wording of an earlier one ("IdF d. … mWv 27.2.2024" added to § 11 only in 2025)
  const footnotesByUnit = new Map<string, Map<string, ReturnType<typeof parseFootnote>>>();
  for (const snap of snapshots) {
    for (const u of snap.units.values()) {
      if (u.node.kind !== 'paragraph' || !u.node.footnotes.length) continue;
      const m = footnotesByUnit.get(u.id) ?? new Map();
      for (const f of u.node.footnotes) if (!m.has(f)) m.set(f, parseFootnote(f));
      footnotesByUnit.set(u.id, m);
    }
  }
  snapshots.forEach((s, k) => {
    if (k === 0) {
      for (const id of s.order) push({ id, label: unitLabel(id), from: s.date, inForceFrom: 'first-snapshot', online: s.date, file: s.file, unit: s.units.get(id)! });
      return;
    }
    const prev = snapshots[k - 1];
    const ids = [...new Set([...s.order, ...prev.order])];
    for (const id of ids) {
      const a = prev.units.get(id);
      const b = s.units.get(id);
      // a block byte for byte the same as before is the same unit (its words need not be put together)
      if (a && b && (a === b || a.text === b.text)) continue;
      if (!a && !b) continue;
      const e: OfficialEntry = { id, label: unitLabel(id), from: s.date, inForceFrom: 'online-date', online: s.date, file: s.file, unit: b ?? null };
      // 1. a juris footnote of the new wording dating the change between the two snapshots
      const fns = [...(footnotesByUnit.get(id)?.values() ?? [])];
      let best: { c: FootnoteChange; text: string } | undefined;
      for (const f of fns) {
        if (f.kind !== 'idf' && f.kind !== 'eingef' && f.kind !== 'aufgeh') continue;
        for (const c of f.changes) {
          if (c.inForce && c.inForce > prev.date && c.inForce <= s.date && (!best || c.inForce > best.c.inForce!)) best = { c, text: f.text };
        }
      }
      if (best) {
        e.from = best.c.inForce!;
        e.inForceFrom = 'footnote';
        e.attribution = { citation: best.c.citation, artikel: best.c.artikel, within: best.c.within, footnote: best.text };
      } else {
        // 2. an act of the corpus due between the snapshots whose instruction names the unit
        const h = (input.hints ?? []).filter((x) => x.units.includes(id) && x.date > prev.date && x.date <= s.date).sort((x, y) => y.date.localeCompare(x.date))[0];
        if (h) {
          e.from = h.date;
          e.inForceFrom = 'act';
          e.attribution = { act: h.act, citation: h.citation, artikel: h.artikel, path: h.path };
        } else if (a && b && a.node.kind === 'paragraph' && b.node.kind === 'paragraph') {
          // 3. no date: a footnote new in this text may still say what happened (an editorial correction)
          const before = new Set(a.node.footnotes);
          const added = b.node.footnotes.find((f) => !before.has(f));
          if (added) e.attribution = { footnote: added };
        }
      }
      push(e);
    }
  });
  for (const list of entries.values()) list.sort((x, y) => x.from.localeCompare(y.from));
  const lastDate = snapshots.length ? snapshots[snapshots.length - 1].date : null;
  return {
    law: input.law,
    snapshots,
    entries,
    lastDate,
    entryOn(id, date) {
      const list = entries.get(id);
      if (!list) return undefined;
      let found: OfficialEntry | undefined;
      for (const e of list) if (e.from <= date) found = e;
      return found;
    },
    snapshotOn(date) {
      let found: OfficialSnapshot | undefined;
      for (const s of snapshots) if (s.date <= date) found = s;
      return found;
    },
    changesOn(date) {
      const out: OfficialEntry[] = [];
      for (const list of entries.values()) for (const e of list) if (e.from === date && e.inForceFrom !== 'first-snapshot') out.push(e);
      return out;
    },
  };
}

/** A snapshot as a whole law tree, assembled from its parsed blocks (no second parse of the file). */
export function snapshotTree(law: string, s: OfficialSnapshot): Law {
  const head = parseStatute(`${s.header}\n`, { lawId: law });
  const inhalt = s.units.get('inhalt')?.node;
  return {
    ...head,
    inhalt: inhalt && inhalt.kind === 'inhaltsuebersicht' ? inhalt : undefined,
    body: s.order.filter((id) => id !== 'inhalt').map((id) => s.units.get(id)!.node as Paragraph | Anlage),
  };
}

/** All footnote-attributed changes of a text (for display and tests). */
export function footnoteChangesOf(text: string) {
  return footnotesOfText(text).filter((f) => f.kind === 'idf' || f.kind === 'eingef' || f.kind === 'aufgeh');
}

