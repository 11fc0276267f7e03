/**
 * Write a Law back to Markdown, in the gesetze-tools style of the base texts (wrapped at 72 columns,
 * Markdown lists with indented continuation) or in the kmein style of the official snapshots (one
 * paragraph per line). Reading the output again gives the same tree.
 */
import { writtenLabel } from './labels.js';
import { serializeInhaltTable } from './inhalt-table.js';
import type { Absatz, BodyNode, Dialect, Inhaltsuebersicht, Law, ListItem, Paragraph, Satz } from './types.js';

const WIDTH = 72;

interface Style {
  dialect: Dialect;
}

/**
 * The UTF-8 bytes of serialized body nodes by object (and dialect and Gliederung depth): the versions
 * of a law share every unchanged §, so a memo passed to serializeLawBytes for all of them writes and
 * encodes each distinct § once.
 */
export type SerializeBytesMemo = WeakMap<BodyNode, Map<string, Buffer>>;

export function serializeLaw(law: Law, dialect: Dialect = law.dialect): string {
  const style: Style = { dialect };
  return lawParts(law, style, (node, depth) => serializeBodyNode(node, style, depth), (s) => s).join('\n\n') + '\n';
}

const BLANK_LINE = Buffer.from('\n\n');
const NEWLINE = Buffer.from('\n');

/**
 * serializeLaw as UTF-8 bytes, put together from the bytes of each distinct §: encoding the text of a
 * whole version again for every version costs more than writing it.
 */
export function serializeLawBytes(law: Law, dialect: Dialect, memo: SerializeBytesMemo): Buffer {
  return Buffer.concat(serializeLawChunks(law, dialect, memo));
}

/** serializeLawBytes in parts (the §§' bytes are the memo's own buffers: not to be changed). */
export function serializeLawChunks(law: Law, dialect: Dialect, memo: SerializeBytesMemo): Buffer[] {
  const style: Style = { dialect };
  const parts = lawParts(
    law,
    style,
    memoized(memo, dialect, (node, depth) => Buffer.from(serializeBodyNode(node, style, depth), 'utf8')),
    (s) => Buffer.from(s, 'utf8'),
  );
  return [...parts.flatMap((p, i) => (i ? [BLANK_LINE, p] : [p])), NEWLINE];
}

function memoized(memo: SerializeBytesMemo, dialect: Dialect, make: (node: BodyNode, depth: number) => Buffer): (node: BodyNode, depth: number) => Buffer {
  return (node, depth) => {
    const key = `${dialect}|${depth}`;
    let byKey = memo.get(node);
    let made = byKey?.get(key);
    if (made === undefined) {
      made = make(node, depth);
      if (!byKey) memo.set(node, (byKey = new Map()));
      byKey.set(key, made);
    }
    return made;
  };
}

/** The head of a law (header or title, kmein's Inhaltsübersicht) and its body nodes, each as one part. */
function lawParts<T>(law: Law, style: Style, part: (node: BodyNode, depth: number) => T, text: (s: string) => T): T[] {
  const out: T[] = [];
  if (law.header) out.push(text(law.header));
  else if (style.dialect === 'kmein') out.push(text(`% ${law.title}`));
  else out.push(text(`# ${law.title}`));
  if (law.inhalt && style.dialect === 'kmein') out.push(text(serializeInhalt(law.inhalt)));
  let depth = -1;
  for (const node of law.body) {
    if (node.kind === 'gliederung') depth = node.depth;
    out.push(part(node, depth));
  }
  return out;
}

/**
 * A unit of a law (§, Anlage, "inhalt") written out in the official dialect, its juris footnotes aside:
 * what "laid out as the official text" compares, byte for byte ("" when the law has no such unit).
 */
export function writtenAsOfficial(law: Law, id: string): string {
  if (id === 'inhalt') return law.inhalt ? serializeInhalt(law.inhalt) : '';
  const n = law.body.find((x) => x.id === id);
  if (!n) return '';
  return serializeBodyNode(n.kind === 'paragraph' ? { ...n, footnotes: [] } : n, { dialect: 'kmein' });
}

export function serializeInhalt(inhalt: Inhaltsuebersicht): string {
  if (inhalt.table) return `# Inhaltsübersicht\n\n${serializeInhaltTable(inhalt)}`;
  const parts = ['# Inhaltsübersicht'];
  for (const e of inhalt.entries) {
    if (e.label) parts.push(escapeLineStarts(e.label));
    if (e.text) parts.push(escapeLineStarts(e.text));
  }
  return parts.join('\n\n');
}

export function serializeBodyNode(node: BodyNode, style: Style, gliederungDepth = -1): string {
  const kmein = style.dialect === 'kmein';
  switch (node.kind) {
    case 'gliederung':
      return `${'#'.repeat(kmein ? 1 : 2 + node.depth)} ${node.type} ${node.label}${node.heading ? ' - ' + node.heading : ''}`;
    case 'anlage': {
      const head = `${kmein ? '#' : '###'} Anlage${node.label ? ' ' + node.label : ''}${
        node.heading ? (kmein ? ' – ' : ' ') + node.heading : ''
      }`;
      return node.body ? `${head}\n\n${node.body}` : head;
    }
    case 'opaque':
      return node.body;
    case 'paragraph':
      return serializeParagraph(node, style, gliederungDepth);
  }
}

export function serializeParagraph(p: Paragraph, style: Style, gliederungDepth = -1): string {
  const kmein = style.dialect === 'kmein';
  const level = kmein ? 1 : 3 + Math.max(0, gliederungDepth);
  const head = `${'#'.repeat(level)} § ${p.label}${p.heading ? (kmein ? ' – ' : ' ') + p.heading : ''}`;
  const blocks: string[] = [head];
  // keep the order of the children: words before "(1)" stay before the Absätze
  let direct: Satz[] = [];
  const flushDirect = () => {
    if (direct.length) blocks.push(...sentenceBlocks(direct, '', 0, style));
    direct = [];
  };
  for (const c of p.children) {
    if (c.kind === 'absatz') {
      flushDirect();
      blocks.push(...absatzBlocks(c, style));
    } else direct.push(c);
  }
  flushDirect();
  for (const f of p.footnotes) blocks.push(f);
  return blocks.join('\n\n');
}

function absatzBlocks(a: Absatz, style: Style): string[] {
  return sentenceBlocks(a.children, `(${a.label})`, 0, style);
}

/**
 * Lay out sentences as Markdown blocks: running text in one paragraph, each list item its own block,
 * words after a list (Satzteil nach) starting a new paragraph.
 */
function sentenceBlocks(
  sentences: Satz[],
  prefix: string,
  level: number,
  style: Style,
  itemLabel?: string,
): string[] {
  const blocks: string[] = [];
  let buf = prefix;
  let bufIsLabelOnly = prefix !== '';
  /** the first block of a list item carries its label ("1.  ", "a)  ") in the gesetze-tools style */
  let pendingLabel = itemLabel;
  const emit = (text: string) => {
    if (pendingLabel !== undefined) {
      blocks.push(labelledPara(pendingLabel, text, level - 1, style));
      pendingLabel = undefined;
    } else blocks.push(para(text, level, style));
  };
  const flush = () => {
    if (buf !== '') emit(buf);
    buf = '';
    bufIsLabelOnly = false;
  };
  for (const s of sentences) {
    if (s.opaque) {
      if (buf !== '' && !bufIsLabelOnly) flush();
      // a verbatim block (a table) is the Satz's text, or the words before its list ("… ⏎ <table> ⏎ a) …")
      const raw = s.text ?? s.vor ?? '';
      const body = bufIsLabelOnly ? `${buf} ${raw}` : raw;
      if (pendingLabel !== undefined) {
        blocks.push(indentRaw(`${pendingLabel} ${body}`, level - 1, style));
        pendingLabel = undefined;
      } else blocks.push(indentRaw(body, level, style));
      buf = '';
      bufIsLabelOnly = false;
      if (s.items) {
        for (const item of s.items) blocks.push(...itemBlocks(item, level, style));
        buf = s.nach ?? '';
      }
      continue;
    }
    if (s.items === undefined) {
      if (s.newBlock && buf !== '' && !bufIsLabelOnly) flush();
      buf = join(buf, s.text ?? '');
      bufIsLabelOnly = false;
      continue;
    }
    if (s.newBlock && buf !== '' && !bufIsLabelOnly) flush();
    buf = join(buf, s.vor ?? '');
    if (buf !== '') flush();
    else if (pendingLabel !== undefined) {
      blocks.push(labelledPara(pendingLabel, '', level - 1, style));
      pendingLabel = undefined;
    }
    for (const item of s.items) blocks.push(...itemBlocks(item, level, style));
    buf = s.nach ?? '';
    bufIsLabelOnly = false;
  }
  if (buf !== '') flush();
  if (pendingLabel !== undefined) blocks.push(labelledPara(pendingLabel, '', level - 1, style));
  return blocks;
}

function join(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return `${a} ${b}`;
}

function itemBlocks(item: ListItem, level: number, style: Style): string[] {
  const label = writtenLabel(item.kind, item.label);
  if (style.dialect === 'kmein') return sentenceBlocks(item.children, label, level + 1, style);
  return sentenceBlocks(item.children, '', level + 1, style, label);
}

function labelledPara(label: string, text: string, level: number, style: Style): string {
  const pad = '    '.repeat(level);
  const first = `${pad}${label}${' '.repeat(Math.max(1, 4 - label.length))}`;
  if (text === '') return `${pad}${label}`;
  return wrapText(escapeInline(text), first, `${pad}    `);
}

function para(text: string, level: number, style: Style): string {
  if (style.dialect === 'kmein') return escapeInline(text).replace(/^([#>+*=-])/, '\\$1');
  const pad = '    '.repeat(level);
  return wrapText(escapeInline(text).replace(/^([#>+*=-])/, '\\$1'), pad, pad);
}

function indentRaw(text: string, level: number, style: Style): string {
  void level;
  void style;
  return text;
}

/** Escape characters that Markdown would read as structure or formatting. */
function escapeInline(text: string): string {
  return text.replace(/\\/g, '\\\\');
}

/** Escape a line start that Markdown would read as a list, heading, quote or rule. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3')
    .replace(/^(\s*)([#>+*=-])/, '$1\\$2');
}

function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((l) => escapeLineStart(l))
    .join('\n');
}

/**
 * Wrap at spaces to WIDTH columns. Never breaks after a word ending in "-" (a reader could not tell
 * "Schengen-\nStaaten" from "Hotel-\nund"), so unwrapping gives back the same words.
 */
export function wrapText(text: string, firstPrefix: string, contPrefix: string): string {
  // a Satz the official text broke before its comma (joinBrokenSentences) keeps the break, so that it
  // reads back as the same Satz
  const broken = text.split('\n\n');
  if (broken.length > 1) return broken.map((part, i) => wrapText(part, i ? contPrefix : firstPrefix, contPrefix)).join('\n\n');
  const words = text.split(' ');
  const lines: string[] = [];
  let line = firstPrefix;
  let lineHasWord = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!lineHasWord) {
      line += w;
      lineHasWord = true;
      continue;
    }
    const prev = words[i - 1];
    const canBreak = !prev.endsWith('-') && w !== '';
    if (canBreak && line.length + 1 + w.length > WIDTH) {
      lines.push(line);
      line = contPrefix + w;
    } else {
      line += ' ' + w;
    }
  }
  lines.push(line);
  // continuation lines must not look like block starts
  return lines.map((l, i) => (i === 0 ? l : contPrefix + escapeLineStart(l.slice(contPrefix.length)))).join('\n');
}
