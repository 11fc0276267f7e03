/**
 * Parse a law text in either Markdown dialect into the statute model.
 *
 * - gesetze-tools (base/): YAML front matter, `##`/`###` Gliederung, `###`…`#####` §, wrapped lines,
 *   lists as Markdown lists ("1.  text" with indented continuation).
 * - kmein (official/): `% title` lines, `# § 1 – Überschrift`, one paragraph per line, an Inhaltsübersicht,
 *   juris footnotes after the norm text.
 *
 * block-lines.ts (a line tokenizer that gives remark-parse's block nodes, handing the rare sections
 * it does not cover to remark-parse) cuts the text into blocks (headings, paragraphs, list items, HTML, code); the raw source
 * of each block is unwrapped and unescaped, and build-units.ts turns the blocks into units. Heading
 * levels are not trusted (`#### Unterabschnitt` and `#### § 2` share a level): a heading is what its
 * words say it is.
 */
import type { RootContent, ListItem as MdListItem } from 'mdast';
import { blockChunks } from './block-lines.js';
import { cachedParse } from './statute-cache.js';
import { unwrapLines } from '../text/unwrap.js';
import { assignIds, buildContent, type TextBlock } from './build-units.js';
import type {
  Angabe,
  BodyNode,
  Dialect,
  Gliederung,
  GliederungType,
  Inhaltsuebersicht,
  Law,
  OpaqueRole,
  Paragraph,
} from './types.js';
import { GLIEDERUNG_ORDER } from './types.js';
import { parseInhaltTable } from './inhalt-table.js';


export function detectDialect(source: string): Dialect {
  const head = source.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('% ')) return 'kmein';
  return 'gesetze-tools';
}

/** Remove Markdown backslash escapes. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Raw block text → model text: unwrap lines, then unescape. */
export function blockText(raw: string): string {
  // (unwrapLines only trims the end of a text on one line: most kmein paragraphs)
  let text = unwrapLines(raw);
  if (text.indexOf('\\') !== -1) text = unescapeMarkdown(text);
  return text.indexOf('  ') === -1 && text.indexOf('\t') === -1 ? text : text.replace(/[ \t]{2,}/g, ' ');
}

/** The raw source of a node from the start of its first line (keeps its indentation). */
function rawFromLineStart(src: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  const start = node.position!.start.offset!;
  const lineStart = src.lastIndexOf('\n', start - 1) + 1;
  return src.slice(lineStart, node.position!.end.offset!).trimEnd();
}

interface HeadingInfo {
  /** 'unit': a part of the law that is no § (Eingangsformel, Schlussformel, "§§ 7 bis 7a", Anhang) */
  kind: 'paragraph' | 'gliederung' | 'anlage' | 'inhalt' | 'title' | 'other' | 'unit';
  role?: OpaqueRole;
  label: string;
  heading: string;
  type?: GliederungType;
}

export function classifyHeading(text: string, depth: number): HeadingInfo {
  const t = text.trim();
  let m: RegExpMatchArray | null;
  if ((m = /^§\s*(\d+[a-z]*)\s*(?:[–-]\s*)?(.*)$/u.exec(t))) {
    return { kind: 'paragraph', label: m[1], heading: m[2].trim() };
  }
  if ((m = /^(Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel)\s+(\S+)\s*(?:[–-]\s*)?(.*)$/u.exec(t))) {
    return { kind: 'gliederung', type: m[1] as GliederungType, label: m[2], heading: m[3].trim() };
  }
  if ((m = /^Anlage(?:\s+([A-Z]?\d*[a-z]?|[IVX]+)(?=\s|$))?\s*(?:[–-]\s*)?(.*)$/u.exec(t))) {
    return { kind: 'anlage', label: m[1] ?? '', heading: m[2].trim() };
  }
  if (/^Inhaltsübersicht$/u.test(t)) return { kind: 'inhalt', label: '', heading: t };
  if (/^Eingangsformel$/u.test(t)) return { kind: 'unit', role: 'eingangsformel', label: '', heading: t };
  if (/^Schlu(?:ss|ß)formel$/u.test(t)) return { kind: 'unit', role: 'schlussformel', label: '', heading: t };
  if ((m = /^§§\s*(\d+[a-z]*)\s+(?:bis|und)\s+(\d+[a-z]*)\b\s*(?:[–-]\s*)?(.*)$/u.exec(t))) {
    return { kind: 'unit', role: 'paragraph-range', label: `${m[1]}-${m[2]}`, heading: m[3].trim() };
  }
  if ((m = /^Anhang(?:\s+(\S+))?\b\s*(?:[–-]\s*)?(.*)$/u.exec(t))) {
    return { kind: 'unit', role: 'anhang', label: m[1] ?? '', heading: m[2].trim() };
  }
  if (depth === 1) return { kind: 'title', label: '', heading: t };
  return { kind: 'other', label: '', heading: t };
}

const FOOTNOTE = /^(?:§{1,2}|Anlage|Art\.)\s*[^\s:]+[^:]{0,120}:\s/u;
const FOOTNOTE_MARK = /(mWv|\bidF\b|\bIdF\b|Eingef\.|Kursivdruck|Aufgeh\.|\+\+\+|Geänd\.)/u;
/** juris notes "(+++ EU-Vollzitate: … +++)", "(+++ § 1: Zur Geltung vgl. § 5 Abs. 1 +++)" */
const JURIS_NOTE = /^\(\+\+\+[\s\S]*\+\+\+\)$/u;

export function isJurisFootnote(text: string): boolean {
  return (FOOTNOTE.test(text) && FOOTNOTE_MARK.test(text)) || /^\[\^[^\]]+\]:/.test(text) || JURIS_NOTE.test(text.trim());
}

interface Section {
  info: HeadingInfo;
  line: number;
  /** start offset of the content (after the heading) */
  contentStart: number;
  contentEnd: number;
  headingStart: number;
  nodes: RootContent[];
}

/**
 * Parse a law text (either dialect) into a Law. Large texts go through the content-addressed cache
 * (statute-cache.ts): a text parsed before, by this very parser, is read back instead.
 */
export function parseStatute(source: string, opts: { lawId?: string } = {}): Law {
  return cachedParse(source, opts.lawId ?? '', () => parseStatuteUncached(source, opts));
}

/** Parse a law text without the cache. */
export function parseStatuteUncached(source: string, opts: { lawId?: string } = {}): Law {
  const src = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const dialect = detectDialect(src);
  const sections: Section[] = [];
  const body: BodyNode[] = [];
  let inhalt: Inhaltsuebersicht | undefined;
  let headerEnd = 0;
  let title = '';
  let sawTitle = false;
  let opaqueNo = 0;
  // a section is turned into units as soon as the next one starts: only one section's block nodes
  // are alive at a time
  const finish = (sec: Section | undefined) => {
    if (!sec) return;
    const { info } = sec;
    if (info.kind === 'inhalt') {
      inhalt = parseInhaltsuebersicht(src, sec);
    } else if (info.kind === 'gliederung') {
      const g: Gliederung = {
        kind: 'gliederung',
        type: info.type!,
        label: info.label,
        id: `gl-${info.type!.toLowerCase()}-${info.label}`,
        heading: info.heading,
        depth: 0,
        source: { line: sec.line },
      };
      body.push(g);
      if (sec.nodes.length) {
        body.push({
          kind: 'opaque',
          id: `opaque-${++opaqueNo}`,
          body: src.slice(sec.contentStart, sec.contentEnd).trim(),
          source: { line: sec.line },
        });
      }
    } else if (info.kind === 'unit') {
      // kept verbatim, heading included: its own unit, never words of the preceding §
      const ids: Record<OpaqueRole, string> = {
        eingangsformel: 'eingangsformel',
        schlussformel: 'schlussformel',
        'paragraph-range': `paras-${info.label}`,
        anhang: `anhang-${info.label || 'x'}`,
      };
      body.push({
        kind: 'opaque',
        id: ids[info.role!],
        role: info.role,
        body: src.slice(sec.headingStart, sec.contentEnd).trimEnd(),
        source: { line: sec.line },
      });
    } else if (info.kind === 'anlage') {
      body.push({
        kind: 'anlage',
        label: info.label,
        id: `anlage-${info.label || 'x'}`,
        heading: info.heading,
        body: src.slice(sec.contentStart, sec.contentEnd).replace(/^\n+/, '').trimEnd(),
        source: { line: sec.line },
      });
    } else {
      body.push(parseParagraphSection(src, sec));
    }
    sec.nodes = [];
  };
  for (const chunk of blockChunks(src)) {
    for (const node of chunk) {
      if (node.type === 'heading') {
        const text = blockText(sliceOf(src, node)).replace(/^#+\s*/, '').replace(/\s*#*\s*$/, '');
        const info = classifyHeading(text, node.depth);
        if (info.kind === 'title' && !sawTitle && sections.length === 0) {
          title = info.heading;
          sawTitle = true;
          headerEnd = node.position!.end.offset!;
          continue;
        }
        if (info.kind === 'other' || info.kind === 'title') {
          // sub-headings inside an Anlage ("## - Vorderseite -") or unknown headings: content of current
          if (sections.length) {
            sections[sections.length - 1].nodes.push(node);
            sections[sections.length - 1].contentEnd = node.position!.end.offset!;
            continue;
          }
          headerEnd = node.position!.end.offset!;
          continue;
        }
        finish(sections[sections.length - 1]);
        sections.push({
          info,
          line: node.position!.start.line,
          headingStart: node.position!.start.offset!,
          contentStart: node.position!.end.offset!,
          contentEnd: node.position!.end.offset!,
          nodes: [],
        });
        continue;
      }
      if (sections.length === 0) {
        headerEnd = node.position!.end.offset!;
        continue;
      }
      const sec = sections[sections.length - 1];
      sec.nodes.push(node);
      sec.contentEnd = node.position!.end.offset!;
    }
  }
  finish(sections[sections.length - 1]);
  if (dialect === 'kmein' && !title) {
    const m = /^%\s*(.*)$/m.exec(src);
    if (m) title = m[1].trim();
  }
  const header = src.slice(0, headerEnd).trimEnd();
  const law: Law = { lawId: opts.lawId ?? '', title, dialect, header, body };
  if (inhalt) law.inhalt = inhalt;
  const depthOf = gliederungDepths(sections);
  for (const n of body) if (n.kind === 'gliederung') n.depth = depthOf.get(n.type) ?? 0;
  disambiguateIds(law.body);
  return law;
}

function sliceOf(src: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  return src.slice(node.position!.start.offset!, node.position!.end.offset!);
}

function gliederungDepths(sections: Section[]): Map<GliederungType, number> {
  const present = new Set(sections.filter((s) => s.info.kind === 'gliederung').map((s) => s.info.type!));
  const map = new Map<GliederungType, number>();
  let d = 0;
  for (const t of GLIEDERUNG_ORDER) if (present.has(t)) map.set(t, d++);
  return map;
}

function disambiguateIds(body: BodyNode[]): void {
  const seen = new Map<string, number>();
  for (const n of body) {
    if (n.kind === 'paragraph') continue;
    const c = seen.get(n.id) ?? 0;
    seen.set(n.id, c + 1);
    if (c > 0) n.id = `${n.id}-${c + 1}`;
  }
}

/** No-break spaces (and spaces) before a Nummer label at the start of a paragraph. */
const NBSP_SET_IN_LABEL = /^\u00a0[\u00a0 ]*(?=\d{1,3}[a-z]{0,2}\. )/;

/** Cut a section's Markdown nodes into flat text blocks with their list nesting depth. */
export function blocksOfNodes(src: string, nodes: RootContent[], indent = 0): TextBlock[] {
  const out: TextBlock[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const line = node.position!.start.line;
    // an HTML table that runs over several lines ends its list item after the first line (HTML blocks
    // have no lazy continuation): the following blocks up to "</table>" belong to it
    const prev = out[out.length - 1];
    if (prev?.opaque && prev.text.lastIndexOf('<table') > prev.text.lastIndexOf('</table>')) {
      prev.text += '\n' + rawFromLineStart(src, node);
      continue;
    }
    switch (node.type) {
      case 'list':
        if (!node.ordered) {
          // bullet lists are tables flattened by the converter: keep them, and the indented
          // blocks that continue them, verbatim
          let j = i + 1;
          while (
            j < nodes.length &&
            ((nodes[j].type === 'list' && !(nodes[j] as { ordered?: boolean }).ordered) ||
              nodes[j].type === 'code' ||
              /^\s/.test(rawFromLineStart(src, nodes[j])))
          ) {
            j++;
          }
          const startOff = src.lastIndexOf('\n', node.position!.start.offset! - 1) + 1;
          const text = src.slice(startOff, nodes[j - 1].position!.end.offset!).trimEnd();
          out.push({ text, indent, line, opaque: true });
          i = j - 1;
          break;
        }
        for (const item of node.children) out.push(...blocksOfListItem(src, item, indent));
        break;
      case 'code': {
        // indented code inside a list = deeper list content; split at blank lines. Each further 4 columns
        // of indentation within the code block are one more level ("aa)" under "a)" under "1a.")
        const parts = splitAtBlankLines(sliceOf(src, node));
        // the first line of the slice starts at the node's column, the others at the line start
        const col = (part: { text: string; lineOffset: number }) =>
          (part.lineOffset === 0 ? node.position!.start.column - 1 : 0) +
          /^ */.exec(part.text.replace(/\t/g, '    '))![0].length;
        const base = parts.length ? col(parts[0]) : 0;
        for (const part of parts) {
          const deeper = Math.max(0, Math.floor((col(part) - base) / 4));
          out.push({ text: blockText(part.text).trimStart(), indent: indent + 1 + deeper, line: line + part.lineOffset });
        }
        break;
      }
      case 'html':
        // "<!-- -->" only separates two lists in converter output: no words of the law
        if (/^<!--[\s\S]*-->$/.test(sliceOf(src, node).trim())) break;
      // falls through
      case 'table' as string:
        out.push({ text: rawFromLineStart(src, node), indent, line, opaque: true });
        break;
      case 'thematicBreak':
        out.push({ text: sliceOf(src, node).trim(), indent, line, opaque: true });
        break;
      default: {
        const raw = sliceOf(src, node);
        // a paragraph of no-break spaces is a spacer of a flattened table: no words
        if (raw.trim() === '') break;
        // pipe tables ("| 1\\. | … |") are paragraphs without GFM: keep them verbatim as well
        const opaque = /<(table|br|div|p|img|span)\b/i.test(raw) || /^\|/.test(raw) || node.type === 'blockquote';
        // a Nummer of a definition list, its label set in with no-break spaces ("\u00a0 1. Einreise"):
        // CommonMark reads no list item there, the statute has one
        const text = opaque ? rawFromLineStart(src, node) : blockText(raw.replace(NBSP_SET_IN_LABEL, ''));
        out.push({ text, indent, line, opaque });
      }
    }
  }
  return out;
}

function blocksOfListItem(src: string, item: MdListItem, indent: number): TextBlock[] {
  const raw = sliceOf(src, item);
  const m = /^\s*(\d{1,3}[a-z]{0,2})[.)]\s*/.exec(raw);
  const label = m ? m[1] : '';
  const out: TextBlock[] = [];
  const [first, ...rest] = item.children;
  if (first && first.type === 'paragraph') {
    out.push({ text: `${label}. ${blockText(sliceOf(src, first))}`, indent, line: item.position!.start.line });
    out.push(...blocksOfNodes(src, rest, indent + 1));
  } else {
    const inner = blocksOfNodes(src, item.children, indent + 1);
    if (inner.length) {
      // only a verbatim block taken from the item's own line ("1. <table …") carries the item's label;
      // a nested list ("1. 1. …") carries its own
      const has = !!inner[0].opaque && inner[0].line === item.position!.start.line && inner[0].text.trimStart().startsWith(`${label}.`);
      inner[0] = { ...inner[0], text: has ? inner[0].text.trimStart() : `${label}. ${inner[0].text}`, indent };
    } else {
      inner.push({ text: `${label}.`, indent, line: item.position!.start.line });
    }
    out.push(...inner);
  }
  return out;
}

function splitAtBlankLines(raw: string): Array<{ text: string; lineOffset: number }> {
  const lines = raw.split('\n');
  const parts: Array<{ text: string; lineOffset: number }> = [];
  let cur: string[] = [];
  let start = 0;
  lines.forEach((l, i) => {
    if (l.trim() === '') {
      if (cur.length) parts.push({ text: cur.join('\n'), lineOffset: start });
      cur = [];
    } else {
      if (!cur.length) start = i;
      cur.push(l);
    }
  });
  if (cur.length) parts.push({ text: cur.join('\n'), lineOffset: start });
  return parts;
}

function parseParagraphSection(src: string, sec: Section): Paragraph {
  const blocks = blocksOfNodes(src, sec.nodes);
  const footnotes: string[] = [];
  const content: TextBlock[] = [];
  for (const b of blocks) {
    if (b.indent === 0 && isJurisFootnote(b.text)) footnotes.push(b.text);
    else content.push(b);
  }
  const heading = sec.info.heading;
  // a lone "-" is the converters' placeholder for the empty text of a repealed §
  const weggefallen = /^\(?weggefallen\)?$/.test(heading) && content.every((b) => b.text.trim() === '-');
  const p: Paragraph = {
    kind: 'paragraph',
    label: sec.info.label,
    id: '',
    heading,
    weggefallen,
    children: buildContent(content).children,
    footnotes,
    source: { line: sec.line },
  };
  assignIds(p);
  return p;
}

const ANGABE_LABEL =
  /^(§{1,2}\s*\d+[a-z]*(?:\s+(?:bis|und)\s+\d+[a-z]*)?|(?:Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel)\s+\d+[a-z]*|Anlagen?(?:\s+[A-Z]?\d*[a-z]?)?)(?:\s+(.*))?$/u;

function parseInhaltsuebersicht(src: string, sec: Section): Inhaltsuebersicht {
  const table = parseInhaltTable(src.slice(sec.contentStart, sec.contentEnd).trim());
  if (table) {
    assignAngabeIds(table.entries);
    return { kind: 'inhaltsuebersicht', id: 'inhalt', entries: table.entries, table: table.table };
  }
  const blocks = blocksOfNodes(src, sec.nodes);
  const entries: Angabe[] = [];
  for (const b of blocks) {
    const text = b.text.trim();
    if (text === '') continue;
    const m = ANGABE_LABEL.exec(text);
    if (m && !b.opaque) {
      entries.push({ kind: 'angabe', label: m[1], id: '', text: (m[2] ?? '').trim() });
    } else if (entries.length) {
      const e = entries[entries.length - 1];
      e.text = e.text ? `${e.text} ${text}` : text;
    } else {
      entries.push({ kind: 'angabe', label: '', id: '', text });
    }
  }
  assignAngabeIds(entries);
  return { kind: 'inhaltsuebersicht', id: 'inhalt', entries };
}

export function assignAngabeIds(entries: Angabe[]): void {
  const seen = new Map<string, number>();
  for (const e of entries) {
    const base = `inhalt/${e.label.replace(/§+\s*/, 'para-').replace(/\s+/g, '-').toLowerCase() || 'x'}`;
    const c = seen.get(base) ?? 0;
    seen.set(base, c + 1);
    e.id = c ? `${base}-${c + 1}` : base;
  }
}
