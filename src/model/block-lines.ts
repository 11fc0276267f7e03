/**
 * The block structure of statute Markdown in one pass over its lines.
 *
 * Statute Markdown (both dialects) uses a small, line-oriented part of CommonMark: ATX headings,
 * paragraphs (with lazy continuation), ordered lists nested by indentation, indented code (deeper
 * list levels of gesetze-tools), HTML tables and one-line HTML comments. This tokenizer recognises exactly that part and
 * builds the same mdast block nodes (types, nesting, positions) as remark-parse (micromark) does.
 * Whatever it is not sure about (bullet lists, block quotes, fences, setext underlines, link
 * definitions, tabs in indentation, HTML that is not a table-like block, very deep nesting) is
 * handed, one heading section at a time, to remark-parse: the result is the same tree, and the cost
 * of micromark is paid only for those few sections. Time and memory are linear in the input.
 */
import { createRequire } from 'node:module';
import type { Root, RootContent } from 'mdast';

/** Deepest list nesting the line tokenizer builds itself; deeper input goes to remark-parse. */
export const MAX_LIST_DEPTH = 16;

/** Characters handed to remark-parse (for the bench and tests). */
export const blockStats = { handedOver: 0, reasons: {} as Record<string, number> };

interface Point {
  line: number;
  column: number;
  offset: number;
}
interface Pos {
  start: Point;
  end: Point;
}
interface BNode {
  type: 'paragraph' | 'code' | 'html' | 'list' | 'listItem' | 'heading';
  position: Pos;
  children: BNode[];
  ordered?: boolean;
  spread?: boolean;
  depth?: number;
}

/** Thrown (without a stack: it is control flow) when a section needs remark-parse. */
class Unsupported {
  constructor(readonly reason: string) {}
}

/** A block the tokenizer cannot reproduce exactly: hand the section to remark-parse. */
function bail(reason: string): never {
  throw new Unsupported(reason);
}

const HTML6 =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
/** HTML blocks of kinds 1–5 run to an end marker, across blank lines and headings. */
const HTML1TO5 = /^<(?:script|pre|style|textarea|!|\?)/i;
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const ORDERED = /^(\d{1,9})([.)])/;
const ATX_COL0 = /^#{1,6}(?:[ \t]|$)/;

let remark: ((src: string) => Root) | undefined;

/**
 * remark-parse, loaded when a section first needs it: unified, remark-parse and micromark take ~0.1 s to
 * load, more than the tokenizer takes for all three laws, and most runs never hand a section over.
 * They are ES modules loaded synchronously (require of an ES module: Node ≥ 20.19), as parsing is.
 */
function remarkParser(): (src: string) => Root {
  if (!remark) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    const processor = unified().use(remarkParse);
    remark = (src) => processor.parse(src) as Root;
  }
  return remark;
}

/** Parse Markdown with remark-parse (the reference; used for sections the tokenizer hands over). */
export function parseBlocksRemark(src: string): RootContent[] {
  return remarkParser()(src).children;
}

/** Top-level block nodes of a statute text, as remark-parse would give them. */
export function parseBlocks(src: string): RootContent[] {
  const out: RootContent[] = [];
  for (const nodes of blockChunks(src)) for (const n of nodes) out.push(n);
  return out;
}

/**
 * The same nodes, one heading section (chunk) at a time: a caller that handles each chunk before
 * asking for the next keeps only one section's nodes alive.
 */
export function* blockChunks(src: string): Generator<RootContent[]> {
  const lineStarts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineCount = src.endsWith('\n') || src === '' ? lineStarts.length - 1 : lineStarts.length;
  /** first non-blank character of each line ('' for a blank line) */
  const firstChar = new Uint16Array(lineCount);
  /**
   * Fences and HTML blocks of kinds 1–5 may run across headings: from the line that opens one to the
   * line that can end it (a fence: to the end of the text), headings do not start a chunk; the
   * chunk then goes to remark-parse whole. Holding a chunk open longer than micromark's block runs
   * is always safe; only splitting inside one would not be.
   */
  const holdFrom = new Map<number, number>();
  for (let l = 0; l < lineCount; l++) {
    const end = lineEnd(src, lineStarts, l);
    let i = lineStarts[l];
    while (i < end && (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9)) i++;
    const c = i < end ? src.charCodeAt(i) : 0;
    firstChar[l] = c;
    if ((c === 96 || c === 126 || c === 60) && !closedOnItsLine(src.slice(i, end))) {
      const marker = c === 60 ? htmlEndMarker(src.slice(i, end)) : undefined;
      let e = lineCount;
      if (marker) {
        const at = marker.source === '>' ? src.indexOf('>', end) : -1;
        const found = marker.source === '>' ? at : src.slice(end).search(marker);
        if (found !== -1) {
          const abs = marker.source === '>' ? found : end + found;
          e = l;
          while (e + 1 < lineCount && lineStarts[e + 1] <= abs) e++;
        }
      }
      holdFrom.set(l, e);
    }
  }
  // chunks start at column-0 headings; each is tokenized on its own (headings close every block,
  // except an HTML block not yet ended by a blank line: then the heading stays in the chunk)
  let chunkStart = 0;
  let chunkHasHtml = false;
  let holdUntil = -1;
  for (let l = 0; l <= lineCount; l++) {
    if (l < lineCount) {
      const at = lineStarts[l];
      const hold = holdFrom.get(l);
      if (hold !== undefined) holdUntil = Math.max(holdUntil, hold);
      if (l <= holdUntil && holdFrom.get(l) === undefined) continue;
      if (src.charCodeAt(at) !== 35 /* # */ || l === chunkStart) {
        if (firstChar[l] === 60) chunkHasHtml = true;
        continue;
      }
      if (!ATX_COL0.test(src.slice(at, Math.min(at + 8, lineEnd(src, lineStarts, l))))) continue;
      if (chunkHasHtml && firstChar[l - 1] !== 0) continue;
    }
    if (l > chunkStart) {
      const from = lineStarts[chunkStart];
      const to = l === lineCount ? src.length : lineStarts[l];
      let nodes: BNode[];
      try {
        nodes = tokenize(src, lineStarts, chunkStart, l);
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        blockStats.handedOver += to - from;
        blockStats.reasons[e.reason] = (blockStats.reasons[e.reason] ?? 0) + (to - from);
        nodes = shift(parseBlocksRemark(src.slice(from, to)) as unknown as BNode[], chunkStart, from);
      }
      yield nodes as unknown as RootContent[];
    }
    chunkStart = l;
    chunkHasHtml = false;
  }
}

/** What ends an HTML block of kinds 1–5 opened by this line (searched from the next line on). */
function htmlEndMarker(line: string): RegExp | undefined {
  if (line.startsWith('<!--')) return /-->/;
  if (line.startsWith('<![CDATA[')) return /\]\]>/;
  if (line.startsWith('<?')) return /\?>/;
  if (line.startsWith('<!')) return />/;
  if (HTML1TO5.test(line)) return /<\/(?:script|pre|style|textarea)>/i;
  return undefined;
}

/** A line that may open a fence or an HTML block of kinds 1–5: is that block closed on the same line? */
function closedOnItsLine(line: string): boolean {
  if (line.charCodeAt(0) !== 60) return !/^(?:`{3,}|~{3,})/.test(line);
  if (!HTML1TO5.test(line)) return true;
  if (line.startsWith('<!--')) return line.indexOf('-->', 4) !== -1;
  if (line.startsWith('<![CDATA[')) return line.includes(']]>');
  if (line.startsWith('<?')) return line.includes('?>');
  if (line.startsWith('<!')) return line.includes('>');
  return /<\/(?:script|pre|style|textarea)>/i.test(line);
}

/** "<!-- … -->" with the end on the same line (and not the ambiguous "<!-->" or "<!--->" forms). */
function isOneLineComment(rest: string): boolean {
  return rest.startsWith('<!--') && rest.indexOf('-->', 4) !== -1;
}

function lineEnd(src: string, lineStarts: number[], l: number): number {
  const next = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : src.length;
  return next;
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function shift(nodes: BNode[], lineDelta: number, offsetDelta: number): BNode[] {
  const fix = (n: BNode) => {
    if (n.position) {
      n.position.start.line += lineDelta;
      n.position.start.offset += offsetDelta;
      n.position.end.line += lineDelta;
      n.position.end.offset += offsetDelta;
    }
    if (n.type !== 'paragraph' && n.type !== 'heading') for (const c of n.children ?? []) fix(c);
  };
  for (const n of nodes) fix(n);
  return nodes;
}

interface OpenList {
  node: BNode;
  /** "." or ")" for ordered lists, "-", "*" or "+" for bullet lists */
  marker: string;
  ordered: boolean;
  /** absolute column (0-based) of the content of the current item */
  contentCol: number;
  /** column where this list's container content starts (the parent's content column) */
  parentCol: number;
  item: BNode;
  initialBlankLine: boolean;
  furtherBlankLines: boolean;
}

type Leaf = { kind: 'paragraph' | 'code' | 'html'; node: BNode };

/** A list marker at the start of `rest`: its length, or 0. The marker must be followed by a space or the end. */
function listMarker(rest: string): { length: number; marker: string; ordered: boolean; one: boolean } | undefined {
  const c = rest.charCodeAt(0);
  let length = 0;
  let ordered = false;
  if (c === 45 || c === 42 || c === 43) length = 1;
  else if (c >= 48 && c <= 57) {
    const m = ORDERED.exec(rest);
    if (!m) return undefined;
    length = m[0].length;
    ordered = true;
  } else return undefined;
  const after = rest.charCodeAt(length);
  if (length < rest.length && after !== 32) {
    if (after === 9) bail('tab');
    return undefined;
  }
  return { length, marker: rest[length - 1], ordered, one: ordered && length === 2 && c === 49 };
}

/**
 * Tokenize lines [from, to) into block nodes. Throws Unsupported for anything outside the statute
 * subset of CommonMark.
 */
function tokenize(src: string, lineStarts: number[], from: number, to: number): BNode[] {
  const root: BNode[] = [];
  const lists: OpenList[] = [];
  let leaf: Leaf | undefined;

  const point = (line: number, col: number): Point => ({ line: line + 1, column: col + 1, offset: lineStarts[line] + col });
  const setEnd = (n: BNode, line: number, col: number) => {
    // every node has its own end point: move it (no garbage per line)
    const e = n.position.end;
    e.line = line + 1;
    e.column = col + 1;
    e.offset = lineStarts[line] + col;
  };
  const containerChildren = () => (lists.length ? lists[lists.length - 1].item.children : root);
  /** extend the ends of the open lists and items to the end of a node */
  const extendLists = (line: number, col: number) => {
    for (let k = 0; k < lists.length; k++) {
      setEnd(lists[k].node, line, col);
      setEnd(lists[k].item, line, col);
    }
  };
  const extendLeaf = (l: number, col: number) => {
    setEnd(leaf!.node, l, col);
    extendLists(l, col);
  };

  for (let l = from; l < to; l++) {
    const start = lineStarts[l];
    const text = src.slice(start, lineEnd(src, lineStarts, l));
    const endCol = text.length;
    let ind = 0;
    while (ind < text.length && text.charCodeAt(ind) === 32) ind++;
    if (ind < text.length && text.charCodeAt(ind) === 9) bail('tab');
    if (ind === text.length) {
      // a blank line continues every list; it ends a paragraph or an HTML block, not (yet) code
      for (const li of lists) li.furtherBlankLines = li.furtherBlankLines || li.initialBlankLine;
      if (leaf && leaf.kind !== 'code') leaf = undefined;
      continue;
    }
    // which open lists does this line continue?
    let continued = 0;
    let sibling = false;
    for (; continued < lists.length; continued++) {
      const li = lists[continued];
      const further = li.furtherBlankLines;
      li.furtherBlankLines = false;
      li.initialBlankLine = false;
      if (!further && ind >= li.contentCol) continue;
      // not in the current item: a sibling item of this list?
      const rel = ind - li.parentCol;
      if (rel >= 0 && rel <= 3) {
        const rest = text.slice(ind);
        const m = listMarker(rest);
        if (m && m.ordered === li.ordered && (m.ordered ? m.marker === li.marker : rest[0] === li.marker)) {
          if (!m.ordered && THEMATIC.test(rest)) bail('thematic-break');
          sibling = true;
        }
      }
      break;
    }
    if (sibling) {
      lists.length = continued + 1;
      leaf = undefined;
      openContent(l, text, startItem(lists[continued], l, text, ind), false);
      continue;
    }
    const closedLists = continued < lists.length;
    if (closedLists) {
      // lazy continuation of an open paragraph
      if (leaf?.kind === 'paragraph' && continuesParagraph(text, ind, ind - lists[continued].parentCol, true)) {
        extendLeaf(l, endCol);
        continue;
      }
      lists.length = continued;
      if (leaf && containerChildren()[containerChildren().length - 1] !== leaf.node) leaf = undefined;
    }
    const base = lists.length ? lists[lists.length - 1].contentCol : 0;
    const rel = ind - base;
    // an open indented code block (even across blank lines) lets only "1." start a list (micromark's
    // "interrupt"), as an open paragraph does
    const interrupt = leaf?.kind === 'code';
    if (leaf?.kind === 'code') {
      if (rel >= 4) {
        extendLeaf(l, endCol);
        continue;
      }
      leaf = undefined;
    }
    if (leaf?.kind === 'html') {
      extendLeaf(l, endCol);
      continue;
    }
    if (leaf?.kind === 'paragraph') {
      if (continuesParagraph(text, ind, rel, false)) {
        extendLeaf(l, endCol);
        continue;
      }
      leaf = undefined;
    }
    const open = lists.length;
    openContent(l, text, ind, interrupt);
    // indented code that starts on a line where lists end ("lazy" for micromark) ends on that line,
    // unless it starts in a list item opened on this line (then the line is that item's, not lazy)
    if (closedLists && leaf?.kind === 'code' && lists.length === open) leaf = undefined;
  }
  return root;

  /**
   * New blocks from column `pos` of line l on, in the innermost container: list items (several may
   * open on one line), then a leaf (paragraph, indented code, HTML). pos = -1: nothing (an item's
   * blank first line).
   */
  function openContent(l: number, text: string, pos: number, interrupt: boolean): void {
    while (pos >= 0) {
      const base = lists.length ? lists[lists.length - 1].contentCol : 0;
      if (pos - base >= 4) {
        leaf = { kind: 'code', node: { type: 'code', position: { start: point(l, base), end: point(l, text.length) }, children: [] } };
        containerChildren().push(leaf.node);
        extendLists(l, text.length);
        return;
      }
      const rest = text.slice(pos);
      const c = rest.charCodeAt(0);
      const m = listMarker(rest);
      if (m) {
        if (!m.ordered && (c === 45 || c === 42) && THEMATIC.test(rest)) bail('thematic-break');
        if (interrupt) {
          if (!m.ordered && isBlank(rest.slice(m.length))) break; // an empty bullet cannot interrupt: a paragraph
          if (m.ordered && (!m.one || isBlank(rest.slice(m.length)))) break; // not a list: a paragraph
        }
        if (lists.length >= MAX_LIST_DEPTH) bail('depth');
        const node: BNode = { type: 'list', ordered: m.ordered, position: { start: point(l, pos), end: point(l, pos) }, children: [] };
        containerChildren().push(node);
        const li: OpenList = {
          node,
          marker: m.ordered ? m.marker : rest[0],
          ordered: m.ordered,
          contentCol: 0,
          parentCol: base,
          item: node,
          initialBlankLine: false,
          furtherBlankLines: false,
        };
        lists.push(li);
        pos = startItem(li, l, text, pos);
        continue;
      }
      if (c === 35 && /^#{1,6}(?:[ \t]|$)/.test(rest)) {
        if (pos !== 0 || lists.length) bail('heading');
        let depth = 0;
        while (rest.charCodeAt(depth) === 35) depth++;
        root.push({ type: 'heading', depth, position: { start: point(l, 0), end: point(l, text.length) }, children: [] });
        return;
      }
      if (c === 60) {
        // an HTML comment closed on its own line is an HTML block of that one line (kind 2 ends at the
        // line holding "-->"); a table-like block (kind 6) runs to a blank line; other HTML goes to remark
        const comment = isOneLineComment(rest);
        if (!comment && !HTML6.test(rest)) bail('html');
        const node: BNode = { type: 'html', position: { start: point(l, base), end: point(l, text.length) }, children: [] };
        containerChildren().push(node);
        extendLists(l, text.length);
        leaf = comment ? undefined : { kind: 'html', node };
        return;
      }
      if (startsOtherBlock(rest)) bail('block');
      break;
    }
    if (pos < 0) return;
    leaf = { kind: 'paragraph', node: { type: 'paragraph', position: { start: point(l, pos), end: point(l, text.length) }, children: [] } };
    containerChildren().push(leaf.node);
    extendLists(l, text.length);
  }

  /** A new item of list `li` whose marker starts at column `ind` of line l: the column of its content, or -1. */
  function startItem(li: OpenList, l: number, text: string, ind: number): number {
    const m = listMarker(text.slice(ind))!;
    const markerEnd = ind + m.length;
    let sp = 0;
    while (markerEnd + sp < text.length && text.charCodeAt(markerEnd + sp) === 32) sp++;
    if (markerEnd + sp < text.length && text.charCodeAt(markerEnd + sp) === 9) bail('tab');
    const item: BNode = { type: 'listItem', spread: false, position: { start: point(l, ind), end: point(l, markerEnd) }, children: [] };
    li.node.children.push(item);
    li.item = item;
    li.furtherBlankLines = false;
    extendLists(l, markerEnd);
    if (markerEnd + sp === text.length) {
      // "1." alone: the item starts with a blank line
      li.contentCol = markerEnd + 1;
      li.initialBlankLine = true;
      return -1;
    }
    li.initialBlankLine = false;
    // five or more spaces: the content is indented code one column after the marker
    li.contentCol = sp > 4 ? markerEnd + 1 : markerEnd + sp;
    return markerEnd + sp;
  }
}

/**
 * Line starts that the tokenizer leaves to remark-parse: block quotes, bullet items, thematic breaks,
 * setext underlines, fences (and "[" where a paragraph starts: a link definition).
 */
function startsOtherBlock(rest: string, paragraphStart = true): boolean {
  const c = rest.charCodeAt(0);
  switch (c) {
    case 62: // >
      return true;
    case 45: // -
    case 42: // *
    case 43: // +
    case 95: // _
    case 61: // =
      return BULLET.test(rest) || THEMATIC.test(rest) || SETEXT.test(rest);
    case 96: // `
    case 126: // ~
      return FENCE.test(rest);
    case 91: // [
      return paragraphStart;
    default:
      return false;
  }
}
const BULLET = /^[-*+](?:[ \t]|$)/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;

/**
 * Is a line (its first non-blank at column `ind`, `rel` columns into its container) a continuation
 * of the open paragraph? Every line that might start another block is left to remark-parse.
 * `lazy`: not all open containers continue on this line.
 */
function continuesParagraph(text: string, ind: number, rel: number, lazy: boolean): boolean {
  if (rel >= 4) return true;
  const rest = text.slice(ind);
  const c = rest.charCodeAt(0);
  if (c === 60) {
    // on a lazy line every HTML block ends the paragraph (micromark has reset "interrupt" there)
    if (lazy) bail('lazy-html');
    // a table-like HTML block ends the paragraph; other tags (kind 7) cannot interrupt it
    if (HTML6.test(rest)) return false;
    if (HTML1TO5.test(rest)) bail('html-1-5');
    return true;
  }
  if (c === 35 || startsOtherBlock(rest, false)) bail('interrupt');
  if (c >= 48 && c <= 57) {
    const m = ORDERED.exec(rest);
    if (m) {
      const after = m[0].length;
      if (after === rest.length || rest.charCodeAt(after) === 32 || rest.charCodeAt(after) === 9) {
        if (lazy || rest.charCodeAt(after) === 9) bail('lazy-list');
        // only "1." / "1)" with words after it can start a list that interrupts a paragraph
        if (m[1] === '1' && !isBlank(rest.slice(after))) bail('list-interrupt');
      }
    }
  }
  return true;
}

/** For tests: the lines starting a construct the tokenizer never handles itself. */
export const _internal = { HTML1TO5, FENCE };
