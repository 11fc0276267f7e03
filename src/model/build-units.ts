/**
 * Build the unit tree of one § (or of an inserted text) from a flat sequence of text blocks.
 *
 * Both source dialects and the quoted text of amending acts are first cut into blocks: a block is one
 * paragraph of text, possibly starting with a label ("(2)", "3.", "c)", "aa)"). This module turns
 * the blocks into Absätze, Sätze and nested lists. A list belongs to the sentence that introduces it;
 * words after a list either continue that sentence (Satzteil nach …) or start new Sätze.
 */
import { LIST_RANK, compareLabels, idSegment, matchItemLabel } from './labels.js';
import { splitSentences } from '../text/sentences.js';
import type { Absatz, ListItem, ListKind, Paragraph, Satz } from './types.js';

export interface TextBlock {
  text: string;
  /** Nesting depth known from the source (Markdown list nesting), 0 when flat. */
  indent: number;
  line: number;
  /** Tables and HTML: kept verbatim, never split into sentences. */
  opaque?: boolean;
}

interface Classified {
  kind: ListKind | 'absatz' | 'text';
  label: string;
  text: string;
  indent: number;
  opaque: boolean;
}

function classify(b: TextBlock, allowAbsatz: boolean): Classified {
  if (!b.opaque) {
    const l = matchItemLabel(b.text, allowAbsatz);
    if (l) return { kind: l.kind, label: l.label, text: b.text.slice(l.length), indent: b.indent, opaque: false };
  } else {
    // an opaque block may still start with a list label ("1. <table …>")
    const l = matchItemLabel(b.text, false);
    if (l) return { kind: l.kind, label: l.label, text: b.text.slice(l.length), indent: b.indent, opaque: true };
  }
  return { kind: 'text', label: '', text: b.text, indent: b.indent, opaque: !!b.opaque };
}

function endsSentence(s: string): boolean {
  return /[.!?]["“”)]*\s*$/.test(s);
}

function textSentences(text: string, opaque: boolean): string[] {
  if (opaque) return [text];
  const s = splitSentences(text);
  return s.length ? s : [text];
}

function newSatz(text: string, opaque = false): Satz {
  const s: Satz = { kind: 'satz', label: '', id: '', text };
  if (opaque) s.opaque = true;
  return s;
}

/** Last sentence of a sentence list, to carry a list (creating an empty one if needed). */
function listCarrier(sentences: Satz[]): Satz {
  const last = sentences[sentences.length - 1];
  if (last && last.items === undefined && last.text !== undefined && !endsSentenceStrict(last.text)) {
    last.vor = last.text;
    delete last.text;
    last.items = [];
    return last;
  }
  if (last && last.items !== undefined && last.nach === undefined) return last;
  const s: Satz = { kind: 'satz', label: '', id: '', vor: '', items: [] };
  sentences.push(s);
  return s;
}

/** A sentence that ends with "." cannot introduce a list, except when it ends with ":" */
function endsSentenceStrict(text: string): boolean {
  return endsSentence(text) && !/:\s*$/.test(text);
}

interface OpenItem {
  item: ListItem;
  rank: number;
  /** the sentence list this item belongs to (its parent's carrier sentence) */
  carrier: Satz;
}

/**
 * Turn content blocks of one container (Absatz, or § without Absätze, or a list item) into Sätze.
 */
export function buildSentences(blocks: Classified[]): Satz[] {
  const sentences: Satz[] = [];
  let stack: OpenItem[] = [];
  /** the top-level list sentence of the current run */
  let runCarrier: Satz | undefined;

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'text' || b.kind === 'absatz') {
      const text = b.kind === 'absatz' ? `(${b.label}) ${b.text}` : b.text;
      if (stack.length === 0) {
        // plain text at container level
        // an opaque block (table) is never a Satzteil nach: `nach` is plain text and would lose its layout
        if (runCarrier && runCarrier.nach === undefined && !b.opaque && isContinuation(runCarrier, text)) {
          const parts = textSentences(text, b.opaque);
          runCarrier.nach = parts.shift()!;
          for (const p of parts) sentences.push(newSatz(p, b.opaque));
        } else {
          pushBlockSentences(sentences, textSentences(text, b.opaque), b.opaque);
        }
        runCarrier = undefined;
        continue;
      }
      // text inside a list run: decide which open item it belongs to
      const nextIsItem = blocks.slice(i + 1).some((n) => n.kind !== 'text' && n.kind !== 'absatz');
      let target: OpenItem | undefined;
      if (b.indent > 0) {
        // Markdown nesting tells: depth d belongs to the d-th open item, counting from the outermost
        target = stack[Math.min(b.indent, stack.length) - 1];
      } else if (nextIsItem && restartsOuterList(stack, blocks, i)) {
        // the next item starts the outermost list anew ("1." after "3."): the words end the whole run
        // and may introduce that new list themselves ("… unbeachtlich, wenn 1. …" after Satz 3)
      } else if (nextIsItem) {
        // flat source: words between items close the innermost list that has sub-items
        for (let k = stack.length - 1; k >= 0; k--) {
          const last = lastSatz(stack[k].item);
          if (last?.items && last.items.length && last.nach === undefined) {
            target = stack[k];
            break;
          }
        }
        // words between two items of one list (the next item continues its numbering, "4" → "4a")
        // belong to the open item, they do not end the list
        const next = blocks.slice(i + 1).find((n) => n.kind !== 'text' && n.kind !== 'absatz');
        target ??= stack.find((o) => next && o.item.kind === next.kind && compareLabels(next.label, o.item.label) > 0);
        // the definition of a term, bringing in the term's own sub-list ("3a. Virusvariantengebiet ⏎ ein
        // Gebiet …, dass ⏎ a) … ⏎ b) …" in a definition list): the item is a bare term, no punctuation, no
        // "und"/"oder" at its end. After "2. …, und" or "2. …," the words close the list, as before; after a
        // bare label they do too (the flattened fee tables of the AufenthV set "1." alone, then its words).
        const inner = stack[stack.length - 1];
        const innerLast = lastSatz(inner.item);
        if (!target && next && innerLast && !innerLast.items && LIST_RANK[next.kind as ListKind] > inner.rank && isBareTerm(lastLeafText(innerLast))) {
          target = inner;
        }
      }
      if (!target) {
        // after the whole run: continuation of the run's sentence or new sentences
        stack = [];
        i--; // re-handle at container level
        continue;
      }
      const innerCarrier = lastSatz(target.item);
      if (innerCarrier?.items && innerCarrier.items.length && innerCarrier.nach === undefined && !b.opaque) {
        const parts = textSentences(text, b.opaque);
        innerCarrier.nach = parts.shift()!;
        for (const p of parts) target.item.children.push(newSatz(p, b.opaque));
      } else {
        pushBlockSentences(target.item.children, textSentences(text, b.opaque), b.opaque);
      }
      // the words went to `target`: the lists below it are closed, later words cannot go back into them
      stack = stack.slice(0, stack.indexOf(target) + 1);
      continue;
    }
    // a list item
    const rank = LIST_RANK[b.kind];
    while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
    const item: ListItem = { kind: b.kind, label: b.label, id: '', children: [] };
    // a bare label ("1a." on a line of its own) has no Satz yet: the next block gives it one
    if (b.text.trim() !== '') for (const p of textSentences(b.text, b.opaque)) item.children.push(newSatz(p, b.opaque));
    let carrier: Satz;
    if (stack.length === 0) {
      if (!runCarrier || runCarrier.nach !== undefined) {
        runCarrier = listCarrier(sentences);
      }
      carrier = runCarrier;
    } else {
      const parent = stack[stack.length - 1].item;
      carrier = listCarrier(parent.children);
    }
    carrier.items!.push(item);
    stack.push({ item, rank, carrier });
  }
  return sentences;
}

/** Is the next list item of the outermost open list's kind, with a label that does not follow it? */
function restartsOuterList(stack: OpenItem[], blocks: Classified[], i: number): boolean {
  if (!stack.length) return false;
  const next = blocks.slice(i + 1).find((n) => n.kind !== 'text' && n.kind !== 'absatz');
  const outer = stack[0].item;
  return !!next && next.kind === outer.kind && compareLabels(next.label, outer.label) <= 0;
}

function pushBlockSentences(into: Satz[], parts: string[], opaque: boolean): void {
  parts.forEach((p, i) => {
    const s = newSatz(p, opaque);
    if (i === 0 && into.length > 0 && !opaque) s.newBlock = true;
    into.push(s);
  });
}

function lastSatz(item: ListItem): Satz | undefined {
  return item.children[item.children.length - 1];
}

function lastLeafText(s: Satz): string {
  if (s.nach !== undefined) return s.nach;
  if (s.items && s.items.length) {
    const lastItem = s.items[s.items.length - 1];
    const ls = lastItem.children[lastItem.children.length - 1];
    return ls ? lastLeafText(ls) : '';
  }
  return s.text ?? s.vor ?? '';
}

/** A term standing alone as a list item's text ("Einreise", "Virusvariantengebiet"): it ends in a letter or digit, not in a conjunction. */
function isBareTerm(text: string): boolean {
  return /[\p{L}\d]$/u.test(text.trimEnd()) && !/(?:^|\s)(?:und|oder|sowie|bzw|beziehungsweise|sofern|wenn|dass|soweit)$/u.test(text.trimEnd());
}

/** Words after a list continue the list's sentence when the last item does not end the sentence. */
function isContinuation(carrier: Satz, following: string): boolean {
  if (/^\p{Ll}/u.test(following)) return true;
  return !endsSentence(lastLeafText(carrier));
}

export interface ParagraphContent {
  children: Array<Absatz | Satz>;
}

/** Build the content of a § (or an inserted fragment at Absatz level) from blocks. */
/**
 * A text block that opens with a comma, semicolon or closing parenthesis goes on the Satz of the text
 * block before it, which has not ended: the official Markdown breaks a paragraph inside a Satz at times
 * ("… nach § 58a erlassen wurde ⏎⏎ , ist ein Einreise- und Aufenthaltsverbot zu erlassen." in AufenthG
 * § 11 Abs. 1). (A block that opens with a number is left alone: the fee lists of the AufenthV set their
 * amounts so, "für die Ausstellung … ⏎⏎ 100 Euro,", and "Richtlinie (EU) ⏎⏎ 2019/997" in § 13a Abs. 8
 * stays two blocks.) Read as a block of its own it would be a Satz of its own, and every Satz after it counted
 * one too high. The blank line stays in the Satz's text, so the text is written back as it stood.
 */
function joinBrokenSentences(blocks: Classified[]): Classified[] {
  const out: Classified[] = [];
  for (const c of blocks) {
    const prev = out[out.length - 1];
    if (c.kind === 'text' && !c.opaque && /^[,;)]/.test(c.text) && prev && (prev.kind === 'text' || prev.kind === 'absatz') && !prev.opaque && prev.text !== '' && !/[.!?:]\s*$/.test(prev.text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text}\n\n${c.text}` };
    } else out.push(c);
  }
  return out;
}

export function buildContent(blocks: TextBlock[]): ParagraphContent {
  const classified = joinBrokenSentences(blocks.map((b) => classify(b, b.indent === 0)));
  const hasAbsatz = classified.some((c) => c.kind === 'absatz');
  if (!hasAbsatz) return { children: buildSentences(classified) };
  const children: Array<Absatz | Satz> = [];
  let current: { label: string; blocks: Classified[] } | undefined;
  const pre: Classified[] = [];
  const flush = () => {
    if (current) {
      const abs: Absatz = { kind: 'absatz', label: current.label, id: '', children: buildSentences(current.blocks) };
      children.push(abs);
    }
  };
  for (const c of classified) {
    if (c.kind === 'absatz') {
      flush();
      current = { label: c.label, blocks: [{ ...c, kind: 'text', label: '' }] };
    } else if (current) {
      current.blocks.push(c);
    } else {
      pre.push(c);
    }
  }
  flush();
  if (pre.length) children.unshift(...buildSentences(pre));
  return { children };
}

/** Build list items of a given kind from blocks (for inserted "Nummer 7a", "Buchstabe c" …). */
export function buildItems(blocks: TextBlock[]): { items: ListItem[]; rest: Satz[] } {
  const classified = blocks.map((b) => classify(b, false));
  const sentences = buildSentences(classified);
  const items: ListItem[] = [];
  const rest: Satz[] = [];
  for (const s of sentences) {
    // words after the last sub-list of quoted items close that sub-list ("c) im Bundesgebiet ⏎ aa) … ⏎ dd)
    // …, und ⏎ wenn er sich …"): quoted items never carry the words that close the list they stand in
    const last = s.items?.[s.items.length - 1];
    const inner = last?.children[last.children.length - 1];
    if (s.items && (s.vor ?? '') === '' && s.nach !== undefined && inner?.items && inner.nach === undefined) {
      inner.nach = s.nach;
      delete s.nach;
    }
    if (s.items && (s.vor ?? '') === '' && s.nach === undefined) items.push(...s.items);
    else rest.push(s);
  }
  return { items, rest };
}

/** Assign positional Satz labels and ids below a § (after parsing and after every change). */
export function assignIds(p: Paragraph): void {
  p.id = idSegment('paragraph', p.label);
  for (const c of p.children) {
    if (c.kind !== 'absatz') continue;
    c.id = `${p.id}/${idSegment('absatz', c.label)}`;
    assignSentenceIds(c.children, c.id, true);
  }
  const direct = p.children.filter((c): c is Satz => c.kind === 'satz');
  if (direct.length) assignSentenceIds(direct, p.id, true);
}

export function assignSentenceIds(sentences: Satz[], parentId: string, alwaysNumber: boolean): void {
  const showSatz = alwaysNumber || sentences.length > 1;
  sentences.forEach((s, i) => {
    s.label = String(i + 1);
    s.id = showSatz ? `${parentId}/${idSegment('satz', s.label)}` : parentId;
    const itemParent = showSatz ? s.id : parentId;
    for (const item of s.items ?? []) {
      item.id = `${itemParent}/${idSegment(item.kind, item.label)}`;
      assignSentenceIds(item.children, item.id, false);
    }
  });
}
