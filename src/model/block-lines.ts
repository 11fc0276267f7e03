/**
 * The block structure of statute Markdown in one pass over its lines.
 *
 * Statute Markdown (both dialects) uses a small, line-oriented part of CommonMark: ATX headings,
 * paragraphs (with lazy continuation), ordered lists nested by indentation, indented code (deeper
 * list levels of gesetze-tools) and HTML tables. This tokenizer recognises exactly that part and
 * builds the same mdast block nodes (types, nesting, positions) as remark-parse (micromark) does.
 * Whatever it is not sure about (bullet lists, block quotes, fences, setext underlines, link
 * definitions, tabs in indentation, HTML that is not a table-like block, very deep nesting) is
 * handed, one heading section at a time, to remark-parse: the result is the same tree, and the cost
 * of micromark is paid only for those few sections. Time and memory are linear in the input.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
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

class Unsupported extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A block the tokenizer cannot reproduce exactly: hand the section to remark-parse. */
function bail(reason: string): never {
  throw new Unsupported(reason);
}

const HTML6 =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
/** HTML blocks of kinds 1–5 run to an end marker, across blank lines and headings. */
const HTML1TO5 = /^ {0,3}<(?:script|pre|style|textarea|!|\?)/i;
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const ORDERED = /^(\d{1,9})([.)])/;
const ATX_COL0 = /^#{1,6}(?:[ \t]|$)/;

/** Parse Markdown with remark-parse (the reference; used for sections the tokenizer hands over). */
export function parseBlocksRemark(src: string): RootContent[] {
  return (unified().use(remarkParse).parse(src) as Root).children;
}

/** Top-level block nodes of a statute text, as remark-parse would give them. */
export function parseBlocks(src: string): RootContent[] {
  if (!canSplit(src)) return parseBlocksRemark(src);
  const lineStarts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineCount = src.endsWith('\n') || src === '' ? lineStarts.length - 1 : lineStarts.length;
  const out: RootContent[] = [];
  // chunks start at column-0 headings; each is tokenized on its own (headings close every block,
  // except an HTML block not yet ended by a blank line: then the heading stays in the chunk)
  let chunkStart = 0;
  let chunkHasHtml = false;
  for (let l = 0; l <= lineCount; l++) {
    const at = l === lineCount ? src.length : lineStarts[l];
    if (l < lineCount) {
      const c = src.charCodeAt(at);
      if (c === 35 /* # */ && l > chunkStart) {
        const lineText = src.slice(at, lineEnd(src, lineStarts, l));
        const prevBlank = isBlank(src.slice(lineStarts[l - 1], lineEnd(src, lineStarts, l - 1)));
        if (!ATX_COL0.test(lineText) || (chunkHasHtml && !prevBlank)) continue;
      } else {
        if (!chunkHasHtml && src.indexOf('<', at) !== -1) {
          const e = lineEnd(src, lineStarts, l);
          const lt = src.indexOf('<', at);
          if (lt < e) chunkHasHtml = true;
        }
        continue;
      }
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
      for (const n of nodes) out.push(n as unknown as RootContent);
    }
    chunkStart = l;
    chunkHasHtml = false;
  }
  return out;
}

/** Fences and HTML blocks of kinds 1–5 may run across headings: then the text is read as a whole. */
function canSplit(src: string): boolean {
  if (/^ {0,3}(?:`{3,}|~{3,})/m.test(src)) return false;
  const re = /^[ \t]*<(?:script|pre|style|textarea|!|\?)[^\n]*/gim;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const line = m[0];
    const closed =
      /<!--/.test(line) ? /<!--[\s\S]*-->/.test(line) : /^\s*<!\[CDATA\[/.test(line) ? line.includes(']]>') : /^\s*<\?/.test(line) ? line.includes('?>') : /^\s*<!/.test(line) ? line.includes('>') : /<\/(?:script|pre|style|textarea)>/i.test(line);
    if (!closed) return false;
  }
  return true;
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
  marker: string;
  /** absolute column (0-based) of the content of the current item */
  contentCol: number;
  /** column where this list's container content starts (the parent's content column) */
  parentCol: number;
  item: BNode;
  initialBlankLine: boolean;
  furtherBlankLines: boolean;
}

type Leaf =
  | { kind: 'paragraph'; node: BNode }
  | { kind: 'code'; node: BNode; lastLine: number }
  | { kind: 'html'; node: BNode };

/**
 * Tokenize lines [from, to) into block nodes. Throws Unsupported for anything outside the statute
 * subset of CommonMark.
 */
function tokenize(src: string, lineStarts: number[], from: number, to: number): BNode[] {
  const root: BNode[] = [];
  const lists: OpenList[] = [];
  let leaf: Leaf | undefined;
  /** the leaf's container: children array it was appended to */

  const point = (line: number, col: number): Point => ({ line: line + 1, column: col + 1, offset: lineStarts[line] + col });
  const setEnd = (n: BNode, line: number, col: number) => {
    n.position.end = point(line, col);
  };
  /** end column (0-based, exclusive) of line l, trailing white space included */
  const endCol = (l: number) => lineEnd(src, lineStarts, l) - lineStarts[l];
  const containerChildren = () => (lists.length ? lists[lists.length - 1].item.children : root);

  const closeLeaf = () => {
    leaf = undefined;
  };
  /** extend the ends of the open lists and items to the end of a node */
  const extendLists = (line: number, col: number, upTo = lists.length) => {
    for (let k = 0; k < upTo; k++) {
      setEnd(lists[k].node, line, col);
      setEnd(lists[k].item, line, col);
    }
  };
  const closeListsFrom = (k: number) => {
    lists.length = k;
  };

  for (let l = from; l < to; l++) {
    const start = lineStarts[l];
    const end = lineEnd(src, lineStarts, l);
    const text = src.slice(start, end);
    // indentation
    let ind = 0;
    while (ind < text.length && text.charCodeAt(ind) === 32) ind++;
    if (ind < text.length && text.charCodeAt(ind) === 9) bail('L205');
    const blank = ind === text.length;
    if (blank) {
      for (const li of lists) li.furtherBlankLines = li.furtherBlankLines || li.initialBlankLine;
      if (leaf && leaf.kind !== 'code') closeLeaf();
      continue;
    }
    // which open lists does this line continue?
    let continued = 0;
    let newItemAt = -1;
    for (; continued < lists.length; continued++) {
      const li = lists[continued];
      const further = li.furtherBlankLines;
      li.furtherBlankLines = false;
      li.initialBlankLine = false;
      if (!further && ind >= li.contentCol) continue;
      // not in the current item: a sibling item of this list?
      const rel = ind - li.parentCol;
      if (rel >= 0 && rel <= 3) {
        const m = ORDERED.exec(text.slice(ind));
        if (m && m[2] === li.marker) {
          const after = ind + m[0].length;
          if (after === text.length || text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9) newItemAt = continued;
        }
      }
      break;
    }
    if (newItemAt >= 0) {
      const li = lists[newItemAt];
      closeListsFrom(newItemAt + 1);
      closeLeaf();
      startItem(li, l, ind);
      continue;
    }
    if (continued < lists.length) {
      // lazy continuation of an open paragraph
      if (leaf?.kind === 'paragraph' && continuesParagraph(text, ind, ind - lists[continued].parentCol, true)) {
        setEnd(leaf.node, l, endCol(l));
        extendLists(l, endCol(l));
        continue;
      }
      closeListsFrom(continued);
      if (leaf && !containsLeaf(leaf.node)) closeLeaf();
    }
    const base = lists.length ? lists[lists.length - 1].contentCol : 0;
    const rel = ind - base;
    // an open indented code block (even across blank lines) lets only "1." start a list (micromark's
    // "interrupt"), as an open paragraph does
    const interrupt = leaf?.kind === 'code';
    if (leaf?.kind === 'code') {
      if (rel >= 4) {
        setEnd(leaf.node, l, endCol(l));
        leaf.lastLine = l;
        extendLists(l, endCol(l));
        continue;
      }
      closeLeaf();
    }
    if (leaf?.kind === 'html') {
      setEnd(leaf.node, l, endCol(l));
      extendLists(l, endCol(l));
      continue;
    }
    if (leaf?.kind === 'paragraph') {
      if (continuesParagraph(text, ind, rel, false)) {
        setEnd(leaf.node, l, endCol(l));
        extendLists(l, endCol(l));
        continue;
      }
      closeLeaf();
    }
    // a new block in the innermost container
    if (rel >= 4) {
      const node: BNode = { type: 'code', position: { start: point(l, base), end: point(l, endCol(l)) }, children: [] };
      containerChildren().push(node);
      leaf = { kind: 'code', node, lastLine: l };
      extendLists(l, endCol(l));
      continue;
    }
    const rest = text.slice(ind);
    const c = rest.charCodeAt(0);
    if (c === 35 /* # */) {
      if (ind === 0 && lists.length === 0 && ATX_COL0.test(rest)) {
        let depth = 0;
        while (rest.charCodeAt(depth) === 35) depth++;
        root.push({ type: 'heading', depth, position: { start: point(l, 0), end: point(l, endCol(l)) }, children: [] });
        continue;
      }
      if (/^#{1,6}(?:[ \t]|$)/.test(rest)) bail('L291');
    }
    if (c >= 48 && c <= 57) {
      const m = ORDERED.exec(rest);
      if (m) {
        const after = m[0].length;
        if (after === rest.length || rest.charCodeAt(after) === 32) {
          if (rel > 3) bail('L298');
          if (lists.length >= MAX_LIST_DEPTH) bail('L299');
          if (interrupt && (m[1] !== '1' || isBlank(rest.slice(after)))) {
            paragraphHere();
            continue;
          }
          const node: BNode = { type: 'list', ordered: true, position: { start: point(l, ind), end: point(l, ind) }, children: [] };
          containerChildren().push(node);
          const li: OpenList = { node, marker: m[2], contentCol: 0, parentCol: base, item: node, initialBlankLine: false, furtherBlankLines: false };
          lists.push(li);
          startItem(li, l, ind);
          continue;
        }
        if (rest.charCodeAt(after) === 9) bail('L311');
      }
    }
    if (c === 60 /* < */) {
      if (!HTML6.test(rest)) bail('L315');
      const node: BNode = { type: 'html', position: { start: point(l, ind), end: point(l, endCol(l)) }, children: [] };
      containerChildren().push(node);
      leaf = { kind: 'html', node };
      extendLists(l, endCol(l));
      continue;
    }
    if (startsOtherBlock(rest)) bail('L322');
    paragraphHere();

    function paragraphHere(): void {
      const node: BNode = { type: 'paragraph', position: { start: point(l, ind), end: point(l, endCol(l)) }, children: [] };
      containerChildren().push(node);
      leaf = { kind: 'paragraph', node };
      extendLists(l, endCol(l));
    }
  }
  return root;

  function containsLeaf(n: BNode): boolean {
    const children = containerChildren();
    return children[children.length - 1] === n;
  }

  /** A new item of list `li` whose marker starts at column `ind` of line l. */
  function startItem(li: OpenList, l: number, ind: number): void {
    const start = lineStarts[l];
    const end = lineEnd(src, lineStarts, l);
    const text = src.slice(start, end);
    const m = ORDERED.exec(text.slice(ind))!;
    const markerEnd = ind + m[0].length;
    let sp = 0;
    while (markerEnd + sp < text.length && text.charCodeAt(markerEnd + sp) === 32) sp++;
    if (markerEnd + sp < text.length && text.charCodeAt(markerEnd + sp) === 9) bail('L348');
    const item: BNode = { type: 'listItem', spread: false, position: { start: point(l, ind), end: point(l, markerEnd) }, children: [] };
    li.node.children.push(item);
    li.item = item;
    li.furtherBlankLines = false;
    if (markerEnd + sp === text.length) {
      // "1." alone: the item starts with a blank line
      li.contentCol = markerEnd + 1;
      li.initialBlankLine = true;
      leaf = undefined;
      extendLists(l, markerEnd);
      return;
    }
    li.initialBlankLine = false;
    if (sp > 4) bail('L362'); // content would be indented code
    li.contentCol = markerEnd + sp;
    const rest = text.slice(li.contentCol);
    const c = rest.charCodeAt(0);
    if ((c >= 48 && c <= 57 && ORDERED.test(rest)) || c === 35 || c === 60 || startsOtherBlock(rest)) bail('L366');
    const node: BNode = { type: 'paragraph', position: { start: point(l, li.contentCol), end: point(l, end - start) }, children: [] };
    item.children.push(node);
    leaf = { kind: 'paragraph', node };
    extendLists(l, end - start);
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
    // a table-like HTML block ends the paragraph; other tags (kind 7) cannot interrupt it
    if (HTML6.test(rest)) {
      if (lazy) bail('lazy-html');
      return false;
    }
    if (HTML1TO5.test(rest)) bail('html-1-5');
    return true;
  }
  if (c === 35 || startsOtherBlock(rest, false)) bail('interrupt');
  if (c >= 48 && c <= 57) {
    const m = ORDERED.exec(rest);
    if (m) {
      const after = m[0].length;
      if (after === rest.length || rest.charCodeAt(after) === 32 || rest.charCodeAt(after) === 9) {
        if (lazy || rest.charCodeAt(after) === 9) bail('L398');
        // only "1." / "1)" with words after it can start a list that interrupts a paragraph
        if (m[1] === '1' && !isBlank(rest.slice(after))) bail('L400');
      }
    }
  }
  return true;
}

/** For tests: the lines starting a construct the tokenizer never handles itself. */
export const _internal = { HTML1TO5, FENCE };
