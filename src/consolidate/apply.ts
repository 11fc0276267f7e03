/**
 * Apply one operation to a law, immutably: the input tree is never changed; the § an operation touches
 * is copied before it is changed (copy-on-write), every other § is shared with the input.
 *
 * Quoted words are found modulo white-space kind (the base writes "25 000" with a no-break space, the
 * act with a plain one) and at word boundaries; without "jeweils" they must occur exactly once.
 */
import type { Address, AddressPart } from '../act/address.js';
import { formatAddress, isListItemKind } from '../act/address.js';
import { EACH_PARAGRAPH, type NewGliederung, type Operation } from '../act/operations.js';
import { assignIds } from '../model/build-units.js';
import { compareLabels, expandRange, nextLabels, writtenLabel } from '../model/labels.js';
import { assignAngabeIds } from '../model/parse-statute.js';
import type { Absatz, Anlage, Angabe, BodyNode, Gliederung, GliederungType, Law, ListItem, Paragraph, Satz, Unit, UnitKind } from '../model/types.js';
import { GLIEDERUNG_ORDER } from '../model/types.js';
import { cloneParagraph, findChildren, sentencesOf, type ChildHit } from '../model/walk.js';
import { parseQuotedAbsaetze, parseQuotedAngaben, parseQuotedGliederung, parseQuotedItems, parseQuotedParagraphs, parseQuotedSentences } from './parse-quoted.js';
import { sentencesText } from '../model/text-of.js';
import { normalizeSpace } from '../text/unwrap.js';

export interface ApplyResult {
  law: Law;
  /** what the engine tidied to reach the official form (e.g. a comma left before ")" by a deletion) */
  warnings?: string[];
  /** the § the operation touched ("para-26") */
  paragraphId?: string;
  /** node id of the changed unit after the change */
  targetId?: string;
  /** further §§ the operation touched (a renumbering of several §§) */
  alsoTouched?: string[];
}

export class ApplyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A resolved unit; the § itself has no owner list. */
type Hit = Omit<ChildHit, 'owner'> & { owner?: ChildHit['owner'] };

function fail(code: string, message: string): never {
  throw new ApplyError(code, message);
}

/** Warnings of the operation being applied (set by applyOperation, read by the editing helpers). */
let tidied: string[] = [];

/**
 * Apply one operation. The result keeps the invariants of the statute tree: sibling labels unique and in
 * order (§§, Absätze, list items); an operation that would break one fails and leaves the tree as it was.
 */
export function applyOperation(law: Law, op: Operation): ApplyResult {
  tidied = [];
  const r = applyUnchecked(law, op);
  checkInvariants(law, r.law, op);
  return tidied.length ? { ...r, warnings: tidied } : r;
}

/**
 * Label problems (duplicates, order) among siblings, as "where: problem": in the list of § labels
 * `sections` (when given), and among the Absätze and list items inside the §§ `inside`.
 */
function labelProblems(sections: string[] | undefined, inside: Paragraph[]): Set<string> {
  const out = new Set<string>();
  const check = (where: string, labels: string[]) => {
    const seen = new Set<string>();
    for (let i = 0; i < labels.length; i++) {
      if (seen.has(labels[i])) out.add(`${where}: ${labels[i]} twice`);
      seen.add(labels[i]);
      if (i > 0 && compareLabels(labels[i - 1], labels[i]) > 0) out.add(`${where}: ${labels[i]} after ${labels[i - 1]}`);
    }
  };
  if (sections) check('§§', sections);
  const visitSatz = (where: string, st: Satz) => {
    if (!st.items) return;
    const byKind = new Map<string, string[]>();
    for (const it of st.items) byKind.set(it.kind, [...(byKind.get(it.kind) ?? []), it.label]);
    for (const [k, labels] of byKind) check(`${where} ${k}`, labels);
    for (const it of st.items) it.children.forEach((c) => visitSatz(`${where} ${it.kind} ${it.label}`, c));
  };
  for (const p of inside) {
    const abs = p.children.filter((c): c is Absatz => c.kind === 'absatz');
    check(`§ ${p.label}`, abs.map((a) => a.label));
    for (const c of p.children) {
      if (c.kind === 'absatz') c.children.forEach((st) => visitSatz(`§ ${p.label} Abs. ${c.label}`, st));
      else visitSatz(`§ ${p.label}`, c);
    }
  }
  return out;
}

const isParagraph = (n: BodyNode): n is Paragraph => n.kind === 'paragraph';

/** The § labels of body[from..to] with the nearest § on either side (the neighbours the order is checked against). */
function sectionWindow(body: BodyNode[], from: number, to: number): string[] {
  let s = from - 1;
  while (s >= 0 && !isParagraph(body[s])) s--;
  let e = to + 1;
  while (e < body.length && !isParagraph(body[e])) e++;
  return body.slice(Math.max(0, s), Math.min(body.length, e + 1)).filter(isParagraph).map((p) => p.label);
}

/**
 * The operation must not add a label problem. The §§ an operation did not touch are the same objects
 * before and after and have the same problems on both sides, so only the stretch of the body between
 * the first and the last changed node is looked into, with one neighbouring § on either side for the
 * order of the § labels (in an ordered list a duplicate label sits next to its twin): the check costs
 * the size of the change, not the size of the law.
 */
function checkInvariants(before: Law, after: Law, op: Operation): void {
  if (after === before) return;
  const b = before.body;
  const a = after.body;
  let lo = 0;
  while (lo < b.length && lo < a.length && b[lo] === a[lo]) lo++;
  let hb = b.length - 1;
  let ha = a.length - 1;
  while (hb >= lo && ha >= lo && b[hb] === a[ha]) {
    hb--;
    ha--;
  }
  const changedBefore = b.slice(lo, hb + 1).filter(isParagraph);
  const changed = a.slice(lo, ha + 1).filter(isParagraph);
  const sectionsChanged = op.action === 'renumber' || changed.length !== changedBefore.length || changed.some((p, i) => p.label !== changedBefore[i].label);
  const was = labelProblems(sectionsChanged ? sectionWindow(b, lo, hb) : undefined, changedBefore);
  const now = labelProblems(sectionsChanged ? sectionWindow(a, lo, ha) : undefined, changed);
  // compare problems by their text, ignoring where they sit (a renumbered § has a new name)
  const fresh = [...now].filter((x) => !was.has(x));
  if (fresh.length) fail('invariant-labels', `the result would break the numbering (${fresh.slice(0, 3).join('; ')}); not applied`);
}

function applyUnchecked(law: Law, op: Operation): ApplyResult {
  const target = op.target;
  if (op.action === 'renumber' && op.unitKind === 'paragraph' && (target.length === 0 || target[0].kind !== 'paragraph')) {
    return renumberParagraphs(law, op.from, op.to);
  }
  if (op.action === 'append-units' && op.unitKind === 'paragraph' && (target.length === 0 || target[0].kind !== 'paragraph')) {
    // "Folgender § 11 wird angefügt": after the last §
    const last = [...law.body].reverse().find((n): n is Paragraph => n.kind === 'paragraph');
    if (!last) fail('target-not-found', 'the law has no § to append after');
    return insertParagraphs(law, last.label, op.labels, op.content, false, op.gliederung);
  }
  if (target.length === 0) fail('target-missing', 'the instruction names no unit');
  if (target[0].kind === 'inhalt') return applyToInhalt(law, op);
  const first = target[0];
  if (first.kind === 'anlage') return applyToAnlage(law, op);
  if (first.kind !== 'paragraph') fail('target-unsupported', `cannot address ${formatAddress(target)}`);
  // insert a new § after (or before) an existing one
  if (op.action === 'insert-units' && op.unitKind === 'paragraph' && target.length === 1) {
    return insertParagraphs(law, first.labels[0], op.labels, op.content, op.before, op.gliederung);
  }
  if (first.labels.length > 1 && EACH_PARAGRAPH.has(op.action)) return applyToEachParagraph(law, op, first);
  if (first.labels.length !== 1) fail('target-plural', `several §§ at once are not supported: ${formatAddress(target)}`);
  const idx = law.body.findIndex((n) => n.kind === 'paragraph' && n.label === first.labels[0]);
  if (idx < 0) fail('target-not-found', `§ ${first.labels[0]} does not exist in this text`);
  const original = law.body[idx] as Paragraph;
  if (op.action === 'rewrite' && op.unitKind === 'paragraph' && target.length === 1) {
    const { paragraphs, error } = parseQuotedParagraphs(op.content, [original.label]);
    if (error || paragraphs.length !== 1) fail('content-unparsed', error ?? 'the new § could not be read');
    return replaceBody(law, idx, paragraphs[0]);
  }
  if (op.action === 'repeal' && target.length === 1) {
    if (original.weggefallen) tidied.push(`§ ${original.label} was already "(weggefallen)": the repeal changes nothing`);
    // the last § of a lettered series ("§ 105d" with no "§ 105e" after it) leaves no gap in the numbering:
    // the official consolidation drops it; any other § stays as "(weggefallen)"
    const m = /^(\d+)([a-z]+)$/.exec(original.label);
    if (m) {
      const laterOfSeries = law.body.some((n, i) => i > idx && n.kind === 'paragraph' && new RegExp(`^${m[1]}[a-z]+$`).test(n.label));
      if (!laterOfSeries) {
        const body = law.body.slice();
        body.splice(idx, 1);
        tidied.push(`§ ${original.label} is the last of its lettered series: removed, as the official consolidation does, rather than kept as "(weggefallen)"`);
        return { law: { ...law, body }, paragraphId: original.id, targetId: original.id };
      }
    }
    const p: Paragraph = { ...cloneParagraph(original), heading: '(weggefallen)', weggefallen: true, children: [], footnotes: [] };
    assignIds(p);
    return replaceBody(law, idx, p);
  }
  const p = cloneParagraph(original);
  const rest = target.slice(1);
  const targetId = applyWithinParagraph(p, rest, op);
  assignIds(p);
  const res = replaceBody(law, idx, p);
  return { ...res, targetId: targetId ?? p.id };
}

/**
 * The labels a part names, in the text's order (those the text lacks last): a range ("§§ 5 bis 7",
 * "Nummern 2 bis 4") takes every unit from its first to its last, lettered ones ("§ 5a", "3a") included;
 * where the text lacks an end of the range, the range counted by number (so the missing ones are reported).
 */
function labelsInText(inText: string[], part: { labels: string[]; spans?: Array<{ from: string; to: string }> }): string[] {
  const at = (l: string) => (inText.includes(l) ? inText.indexOf(l) : Infinity);
  if (!part.spans) return [...part.labels].sort((a, b) => at(a) - at(b));
  const counted = new Set<string>();
  const out: string[] = [];
  for (const sp of part.spans) {
    const range = expandRange(sp.from, sp.to) ?? [];
    range.forEach((l) => counted.add(l));
    const i = inText.indexOf(sp.from);
    const j = inText.indexOf(sp.to);
    out.push(...(i >= 0 && j >= i ? inText.slice(i, j + 1) : range));
  }
  for (const l of part.labels) if (!counted.has(l)) out.push(l);
  return [...new Set(out)].sort((a, b) => at(a) - at(b));
}

/** "Die §§ 6 und 7 werden aufgehoben", "In den §§ 5 bis 7 wird jeweils …": the operation on each §, in the text's order. */
function applyToEachParagraph(law: Law, op: Operation, first: Extract<AddressPart, { kind: UnitKind }>): ApplyResult {
  const inText = law.body.flatMap((n) => (n.kind === 'paragraph' && !n.weggefallen ? [n.label] : []));
  let cur = law;
  const touched: string[] = [];
  // a repeal from the last § to the first, so that a lettered series repealed whole goes as one
  // ("Die §§ 5a und 5b": § 5b is the last of its series, then § 5a), whatever order the act names them in
  const labels = labelsInText(inText, first);
  for (const label of op.action === 'repeal' ? [...labels].reverse() : labels) {
    const r = applyUnchecked(cur, { ...op, target: [{ kind: 'paragraph', labels: [label] }, ...op.target.slice(1)] } as Operation);
    cur = r.law;
    if (r.paragraphId) touched.push(r.paragraphId);
  }
  return { law: cur, paragraphId: touched[0], targetId: touched[0], alsoTouched: touched.slice(1) };
}

/** "Die bisherigen §§ 2 und 3 werden die §§ 3 und 4": the §§ keep their text under new numbers. */
function renumberParagraphs(law: Law, from: string[], to: string[]): ApplyResult {
  // "§ 6 wird aufgehoben. Der bisherige § 7 wird § 6": the renumbering takes the number the repealed §
  // kept, so its "(weggefallen)" goes (as for Absätze and list items)
  const body = law.body.filter((n) => !(n.kind === 'paragraph' && n.weggefallen && to.includes(n.label) && !from.includes(n.label)));
  const idx = from.map((l) => body.findIndex((n) => n.kind === 'paragraph' && n.label === l));
  const missing = from.filter((_, i) => idx[i] < 0);
  if (missing.length) fail('target-not-found', `§ ${missing.join(', ')} not found for renumbering`);
  const oldIds = idx.map((i) => body[i].id);
  idx.forEach((i, k) => {
    const p = cloneParagraph(body[i] as Paragraph);
    p.label = to[k];
    assignIds(p);
    body[i] = p;
  });
  const first = body[idx[0]] as Paragraph;
  return { law: { ...law, body }, paragraphId: first.id, targetId: first.id, alsoTouched: [...idx.slice(1).map((i) => body[i].id), ...oldIds] };
}

function replaceBody(law: Law, idx: number, p: Paragraph): ApplyResult {
  const body = law.body.slice();
  body[idx] = p;
  return { law: { ...law, body }, paragraphId: p.id, targetId: p.id };
}

/** A new unit labelled `label` must sort after (before: before) the anchor it is inserted next to. */
function checkOrder(label: string, anchor: string, before: boolean, prefix = ''): void {
  const order = compareLabels(label, anchor);
  if (before ? order >= 0 : order <= 0) fail('label-order', `${prefix}${label} cannot ${before ? 'precede' : 'follow'} ${prefix}${anchor}`);
}

/**
 * New §§ right after § `anchorLabel`, or right before it (in its Gliederung unit: after any heading above
 * it); with `gliederung`, a part of the Gliederung with its §§ ("Nach § 2 wird
 * folgender Abschnitt 1a eingefügt"). Its headings are kept where the text carries Gliederung headings;
 * a text without any (the official consolidation's Markdown) gets the §§ alone, and a note says so.
 */
function insertParagraphs(law: Law, anchorLabel: string, labels: string[], content: string, before = false, gliederung?: NewGliederung): ApplyResult {
  const idx = law.body.findIndex((n) => n.kind === 'paragraph' && n.label === anchorLabel);
  if (idx < 0) fail('target-not-found', `§ ${anchorLabel} (${before ? 'before' : 'after'} which to insert) does not exist`);
  const parsed: { nodes: BodyNode[]; paragraphs: Paragraph[]; error?: string } = gliederung
    ? parseQuotedGliederung(content, labels, gliederung)
    : (({ paragraphs, error }) => ({ nodes: paragraphs, paragraphs, error }))(parseQuotedParagraphs(content, labels));
  if (parsed.error) fail('content-unparsed', parsed.error);
  const { paragraphs } = parsed;
  for (const p of paragraphs) {
    if (law.body.some((n) => n.kind === 'paragraph' && n.label === p.label)) fail('target-exists', `§ ${p.label} exists already`);
    checkOrder(p.label, anchorLabel, before, '§ ');
  }
  let nodes = parsed.nodes;
  if (gliederung) {
    const depths = new Map<GliederungType, number>();
    for (const n of law.body) if (n.kind === 'gliederung') depths.set(n.type, n.depth);
    const heads = nodes.filter((n): n is Gliederung => n.kind === 'gliederung');
    if (depths.size === 0) {
      nodes = paragraphs;
      tidied.push(`the Gliederung headings ${heads.map((g) => `„${g.type} ${g.label}${g.heading ? ' ' + g.heading : ''}“`).join(', ')} are not kept: this text carries no Gliederung headings (its §§ are inserted)`);
    } else {
      // before a § that opens a part of the Gliederung the new part would stand inside that part's heading
      if (before && law.body[idx - 1]?.kind === 'gliederung') fail('target-unsupported', `§ ${anchorLabel} opens a part of the Gliederung: a new ${gliederung.type} before it is not placed`);
      const taken = new Set(law.body.flatMap((n) => (n.kind === 'gliederung' ? [n.id] : [])));
      for (const g of heads) {
        // an Abschnitt 1 inside a new Kapitel 3 is no second Abschnitt 1 of the law (numbers restart)
        const restarts = heads.slice(0, heads.indexOf(g)).some((h) => GLIEDERUNG_ORDER.indexOf(h.type) < GLIEDERUNG_ORDER.indexOf(g.type));
        if (taken.has(g.id) && !restarts) fail('target-exists', `${g.type} ${g.label} exists already`);
        for (let k = 2; taken.has(g.id); k++) g.id = `gl-${g.type.toLowerCase()}-${g.label}-${k}`;
        taken.add(g.id);
        const depth = depths.get(g.type);
        if (depth === undefined) fail('target-unsupported', `this text has no ${g.type} headings: the level of a new ${g.type} ${g.label} is not known`);
        g.depth = depth;
      }
    }
  }
  const body = law.body.slice();
  body.splice(before ? idx : idx + 1, 0, ...nodes);
  return { law: { ...law, body }, paragraphId: paragraphs[0]?.id, targetId: paragraphs[0]?.id };
}

// ---------------------------------------------------------------------------------------------
// resolution inside a §


/**
 * The labels of the units of one kind directly in a unit, in order (Absätze of a §, the items of its
 * lists), for a range to take: "(weggefallen)" units are no part of one ("Absatz 2 bis 4 … jeweils").
 */
function siblingLabels(node: Unit, kind: UnitKind): string[] {
  if (kind === 'absatz') return node.kind === 'paragraph' ? node.children.flatMap((c) => (c.kind === 'absatz' && !isWeggefallen(c) ? [c.label] : [])) : [];
  if (kind === 'satz' || kind === 'paragraph') return [];
  return sentencesOf(node).flatMap((s) => (s.items ?? []).filter((it) => it.kind === kind && !isWeggefallen(it)).map((it) => it.label));
}

function resolveUnits(p: Paragraph, parts: AddressPart[]): Hit[] {
  let hits: Hit[] = [{ node: p }];
  for (const part of parts) {
    if (part.kind === 'satzteil' || part.kind === 'ueberschrift' || part.kind === 'halbsatz') break;
    if (!('labels' in part)) fail('target-unsupported', `cannot address ${part.kind} inside a §`);
    const next: Hit[] = [];
    for (const h of hits) {
      for (const label of labelsInText(siblingLabels(h.node, part.kind), part)) {
        const found = findChildren(h.node, part.kind, label);
        if (found.length === 0) fail('target-not-found', `${formatAddress([part])} (label ${label}) not found in ${h.node.id || '§'}`);
        if (found.length > 1) fail('target-ambiguous', `${formatAddress([part])} matches ${found.length} units in ${h.node.id}`);
        next.push(found[0]);
      }
    }
    hits = next;
  }
  return hits;
}


interface Slot {
  get(): string;
  set(v: string): void;
}

/**
 * A Nummer that is a row of a table ("| 1\\. | für die Erteilung … | 147 Euro, |" in AufenthV § 44): the
 * official text lays some fee lists out as Markdown tables, kept verbatim, and acts change their amounts
 * by Nummer ("In § 44 Nummer 1 wird die Angabe „147 Euro“ durch …"). Only where the unit has no list
 * item of that number and exactly one table row carries it; the slot is the row's cells after the label.
 */
function tableRow(p: Paragraph, parts: AddressPart[]): { slot: Slot; id: string } | undefined {
  const last = parts[parts.length - 1];
  if (last?.kind !== 'nummer' || last.labels.length !== 1) return undefined;
  const label = last.labels[0];
  let container: Hit[];
  try {
    container = resolveUnits(p, parts.slice(0, -1));
  } catch {
    return undefined;
  }
  if (container.length !== 1 || findChildren(container[0].node, 'nummer', label).length) return undefined;
  const row = new RegExp(`^(\\|\\s*${label}\\\\?\\.\\s*\\|)(.*)$`);
  const found: Array<{ satz: Satz; key: 'text' | 'vor'; line: number }> = [];
  const node = container[0].node;
  const saetze = node.kind === 'paragraph' ? node.children.flatMap((c) => (c.kind === 'absatz' ? c.children : [c])) : sentencesOf(node);
  for (const satz of saetze) {
    if (!satz.opaque) continue;
    const key = satz.text !== undefined ? 'text' : 'vor';
    (satz[key] ?? '').split('\n').forEach((l, line) => {
      if (row.test(l)) found.push({ satz, key, line });
    });
  }
  if (found.length !== 1) return undefined;
  const { satz, key, line } = found[0];
  const lines = () => (satz[key] ?? '').split('\n');
  const cells = () => row.exec(lines()[line])!;
  return {
    id: `${node.id || p.id}/nr-${label}`,
    slot: {
      get: () => cells()[2],
      set: (v) => {
        const all = lines();
        all[line] = cells()[1] + v;
        satz[key] = all.join('\n');
      },
    },
  };
}

function slotsOf(node: Unit): Slot[] {
  const slots: Slot[] = [];
  const visitSatz = (s: Satz) => {
    if (s.opaque) return;
    if (s.items === undefined) {
      slots.push({ get: () => s.text ?? '', set: (v) => (s.text = v) });
      return;
    }
    slots.push({ get: () => s.vor ?? '', set: (v) => (s.vor = v) });
    for (const it of s.items) it.children.forEach(visitSatz);
    if (s.nach !== undefined) slots.push({ get: () => s.nach ?? '', set: (v) => (s.nach = v) });
  };
  if (node.kind === 'satz') visitSatz(node);
  else if (node.kind === 'paragraph') {
    for (const c of node.children) {
      if (c.kind === 'absatz') c.children.forEach(visitSatz);
      else visitSatz(c);
    }
  } else node.children.forEach(visitSatz);
  return slots;
}

/**
 * The Satzteil vor/nach a list item: the vor/nach of the sentence that holds that item; without an
 * item (einleitender, abschließender Satzteil), that of the one sentence of the unit with a list.
 */
function satzteilSlot(node: Unit, part: Extract<AddressPart, { kind: 'satzteil' }>): Slot {
  const ref = part.ref;
  const candidates = sentencesOf(node).filter((s) => s.items !== undefined && (!ref || s.items.some((it) => it.kind === ref.kind && it.label === ref.label)));
  const what = ref ? `Satzteil ${part.which} ${ref.kind} ${ref.label}` : `${part.which === 'vor' ? 'einleitender' : 'abschließender'} Satzteil`;
  if (candidates.length !== 1) fail(candidates.length ? 'target-ambiguous' : 'target-not-found', `${what} not found${candidates.length ? ' uniquely (several lists)' : ''}`);
  const s = candidates[0];
  if (part.which === 'vor') return { get: () => s.vor ?? '', set: (v) => (s.vor = v) };
  // words after the list that are all gone leave no Satzteil nach
  return {
    get: () => s.nach ?? '',
    set: (v) => {
      if (v.trim() === '') delete s.nach;
      else s.nach = v;
    },
  };
}

/**
 * The Satz whose Halbsätze an address names: the addressed Satz, or the one Satz of an Absatz or list
 * item ("In Absatz 2 wird der zweite Halbsatz aufgehoben", "Nummer 1 zweiter Halbsatz").
 */
function halbsatzHolder(node: Unit): Satz {
  const satz = node.kind === 'satz' ? node : node.kind !== 'paragraph' && node.children.length === 1 && node.children[0].kind === 'satz' ? node.children[0] : undefined;
  if (!satz || satz.items !== undefined || satz.opaque) fail('target-unsupported', 'a Halbsatz is addressed in one Satz without a list');
  return satz;
}

/** The Halbsätze of a Satz without a list: its parts between semicolons outside parentheses and quotes. */
function halbsaetzeOf(unit: Unit): { text: string; parts: Array<{ start: number; end: number }> } {
  const node = halbsatzHolder(unit);
  const text = node.text ?? '';
  const parts: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '„') depth++;
    else if ((c === ')' || c === '“') && depth > 0) depth--;
    else if (c === ';' && depth === 0) {
      parts.push({ start, end: i });
      start = i + 1;
      while (start < text.length && text[start] === ' ') start++;
    }
  }
  parts.push({ start, end: text.length });
  return { text, parts };
}

function setSatzText(node: Unit, text: string): void {
  halbsatzHolder(node).text = text;
}

/** The words of one Halbsatz ("Satz 2 zweiter Halbsatz"); -1: the last. */
function halbsatzSlot(node: Unit, index: number): Slot {
  const { parts } = halbsaetzeOf(node);
  if (parts.length < 2) fail('target-not-found', 'the Satz has no Halbsätze (no semicolon)');
  const k = index < 0 ? parts.length - 1 : index - 1;
  if (k >= parts.length) fail('target-not-found', `the Satz has ${parts.length} Halbsätze, not ${index}`);
  return {
    get: () => {
      const r = halbsaetzeOf(node).parts[k];
      return halbsatzHolder(node).text!.slice(r.start, r.end);
    },
    set: (v) => {
      const t = halbsatzHolder(node).text!;
      const r = halbsaetzeOf(node).parts[k];
      setSatzText(node, t.slice(0, r.start) + v + t.slice(r.end));
    },
  };
}

function applyWithinParagraph(p: Paragraph, parts: AddressPart[], op: Operation): string | undefined {
  const last = parts[parts.length - 1];
  if (op.action === 'replace' || op.action === 'delete' || op.action === 'insert-words') {
    const row = tableRow(p, parts);
    if (row) {
      if (/[|\\\n]/.test(`${findOf(op)}${'replacement' in op ? op.replacement : ''}${'words' in op ? op.words : ''}`)) {
        fail('target-unsupported', `words with "|" or "\\" are not changed inside a table row`);
      }
      const n = editWords([row.slot], op, op.each);
      if (op.each && n === 0) fail('words-not-found', `"${findOf(op)}" not found in ${formatAddress(parts)}`);
      return row.id;
    }
  }
  const hits = resolveUnits(p, parts);
  // text slots: a Satzteil, the Überschrift, or all text of the addressed units
  const textSlots = (): Slot[] => {
    if (last?.kind === 'satzteil') return hits.map((h) => satzteilSlot(h.node, last));
    if (last?.kind === 'halbsatz') return hits.map((h) => halbsatzSlot(h.node, last.index));
    if (last?.kind === 'ueberschrift') return [{ get: () => p.heading, set: (v) => (p.heading = v) }];
    return hits.flatMap((h) => slotsOf(h.node));
  };
  /** the text slots of each addressed unit on its own: "am Ende" is the end of each */
  const slotsPerUnit = (): Slot[][] => {
    if (last?.kind === 'satzteil') return hits.map((h) => [satzteilSlot(h.node, last)]);
    if (last?.kind === 'halbsatz') return hits.map((h) => [halbsatzSlot(h.node, last.index)]);
    if (last?.kind === 'ueberschrift') return [textSlots()];
    return hits.map((h) => slotsOf(h.node));
  };
  switch (op.action) {
    case 'replace':
    case 'delete':
    case 'insert-words': {
      if (op.each) {
        // "jeweils": each addressed unit must contain the words at least once
        for (const h of hits.length > 1 ? hits : [undefined]) {
          const slots = h && last?.kind !== 'satzteil' && last?.kind !== 'ueberschrift' && last?.kind !== 'halbsatz' ? slotsOf(h.node) : textSlots();
          const n = editWords(slots, op, true);
          if (n === 0) fail('words-not-found', `"${findOf(op)}" not found in ${h ? h.node.id : formatAddress(op.target)}`);
        }
      } else {
        const n = editWords(textSlots(), op, false);
        void n;
      }
      return hits[0]?.node.id;
    }
    case 'replace-end': {
      // the end of each addressed unit ("In Nummer 3 und 4 wird jeweils das Komma am Ende durch ein
      // Semikolon ersetzt"): every unit is checked before any is changed
      const edits = slotsPerUnit().map((unitSlots) => {
        const slots = unitSlots.filter((s) => s.get().trim() !== '');
        if (op.sole) {
          const n = slots.reduce((k, s) => k + s.get().split(op.punctuation).length - 1, 0);
          if (n !== 1) fail('target-ambiguous', `the act names "the ${op.punctuation === '.' ? 'Punkt' : op.punctuation === ',' ? 'Komma' : 'Semikolon'}" without "am Ende", and the addressed unit has ${n} of them`);
        }
        const s = slots[slots.length - 1];
        if (!s) fail('target-empty', 'the addressed unit has no text');
        const t = s.get().replace(/\s+$/, '');
        if (!t.endsWith(op.punctuation)) fail('punctuation-not-found', `the addressed unit does not end with "${op.punctuation}" but with "${t.slice(-12)}"`);
        const base = t.slice(0, -op.punctuation.length);
        return () => s.set(/^[,.;:]/.test(op.replacement) ? base + op.replacement : `${base} ${op.replacement}`);
      });
      applyEach(edits);
      return hits[0]?.node.id;
    }
    case 'append-words': {
      // at the end of each addressed unit, every unit checked first
      const edits = slotsPerUnit().map((unitSlots) => {
        const s = unitSlots[unitSlots.length - 1];
        if (!s) fail('target-empty', 'the addressed unit has no text');
        const before = s.get().replace(/\s+$/, '');
        // words that continue a sentence after its final period ("text. und", "text.; dies …") would be a
        // wrong text: the act must first replace the period ("… durch ein Semikolon ersetzt und …")
        if (/\.$/.test(before) && (/^[,;]/.test(op.words) || /^\p{Ll}/u.test(op.words))) {
          fail('punctuation-not-found', `the addressed unit ends with a period: "${op.words.slice(0, 30)}" cannot follow it`);
        }
        return () => s.set(`${before}${/^[,;]/.test(op.words) ? '' : ' '}${op.words}`);
      });
      applyEach(edits);
      return hits[0]?.node.id;
    }
    case 'unnumber-absatz': {
      // "(weggefallen)" Absätze go with the numbering ("Absatz 1 wird aufgehoben. Die Absatzbezeichnung „(2)“ wird gestrichen.")
      const absaetze = p.children.filter((c): c is Absatz => c.kind === 'absatz' && !isWeggefallen(c));
      const addressed = parts.length === 0 || (parts.length === 1 && parts[0].kind === 'absatz' && parts[0].labels.length === 1 && parts[0].labels[0] === op.label);
      if (!addressed) fail('target-unsupported', 'the Absatzbezeichnung is dropped for a whole §');
      if (absaetze.length !== 1 || p.children.some((c) => c.kind !== 'absatz') || absaetze[0].label !== op.label) {
        fail('target-unsupported', `§ ${p.label} has ${absaetze.length === 1 ? `Absatz ${absaetze[0].label}` : `${absaetze.length} Absätze`}: only a § with Absatz ${op.label} alone can lose its Absatzbezeichnung`);
      }
      p.children = absaetze[0].children;
      return p.id;
    }
    case 'number-wortlaut': {
      if (parts.length !== 0) fail('target-unsupported', 'only the Wortlaut of a whole § becomes its Absatz 1');
      if (p.children.some((c) => c.kind === 'absatz')) fail('target-exists', `§ ${p.label} has Absätze already`);
      const sentences = p.children as Satz[];
      p.children = [{ kind: 'absatz', label: '1', id: '', children: sentences }];
      return p.id;
    }
    case 'substitute-units': {
      if (hits.length === 0 || hits.some((h) => !h.owner) || hits.some((h) => h.owner!.list !== hits[0].owner!.list)) fail('target-unsupported', 'the units to replace must be siblings');
      const units = parseUnits(op.unitKind, op.content, op.labels);
      const list = hits[0].owner!.list;
      let at = Math.min(...hits.map((h) => list.indexOf(h.node as never)));
      for (const h of [...hits].sort((a, b) => list.indexOf(b.node as never) - list.indexOf(a.node as never))) list.splice(list.indexOf(h.node as never), 1);
      at -= yieldNumbers(list, units, at);
      list.splice(at, 0, ...(units as never[]));
      return (units[0] as Unit)?.id;
    }
    case 'rewrite': {
      if (op.unitKind === 'satzteil') {
        if (last?.kind !== 'satzteil') fail('target-unsupported', 'a Satzteil rewrite needs a Satzteil address');
        const slots = textSlots();
        if (slots.length !== 1) fail('target-ambiguous', 'the Satzteil is not unique');
        slots[0].set(op.content);
        return hits[0]?.node.id;
      }
      if (op.unitKind === 'ueberschrift') {
        let heading = op.content.replace(/\s+/g, ' ').trim();
        // the act quotes the heading line with its label ("„§ 4 Auslagen und Reisekosten“"): the label is the §'s own
        const label = /^§\s*(\d+[a-z]*)\b\s*(?:[–-]\s*)?/.exec(heading);
        if (label) {
          if (label[1] !== p.label) fail('content-mismatch', `the new heading is quoted with § ${label[1]}, but it is the heading of § ${p.label}`);
          heading = heading.slice(label[0].length);
        }
        p.heading = heading;
        return p.id;
      }
      if (op.unitKind === 'halbsatz') {
        if (last?.kind !== 'halbsatz' || hits.length !== 1) fail('target-unsupported', 'a Halbsatz is set anew in one Satz at a time');
        const slot = halbsatzSlot(hits[0].node, last.index);
        // the new words take the place of the old ones; the Satz keeps its closing mark
        const mark = /[.,;:!?]$/.exec(slot.get().trim())?.[0] ?? '';
        const words = op.content.replace(/\s+/g, ' ').trim();
        slot.set(/[.,;:!?]$/.test(words) ? words : words + mark);
        return hits[0].node.id;
      }
      if (!isListItemKind(op.unitKind as UnitKind)) return rewriteUnits(hits, op.unitKind as UnitKind, op.content);
      const closing = closingWordsOfLastItem(p, hits);
      const id = rewriteUnits(hits, op.unitKind as UnitKind, op.content);
      closing?.();
      return id;
    }
    case 'repeal':
    case 'delete-unit': {
      if (last?.kind === 'satzteil') {
        // "Der Satzteil nach Nummer 3 wird aufgehoben": those words go, the Sätze and the list stay
        if (hits.length !== 1) fail('target-unsupported', 'a Satzteil is repealed in one unit at a time');
        // without its einleitender Satzteil a list opens the unit, a layout no official text shows
        if (last.which === 'vor') fail('target-unsupported', 'the Satzteil before a list is set anew or changed, not repealed alone');
        const slot = satzteilSlot(hits[0].node, last);
        if (slot.get().trim() === '') fail('target-empty', `the ${formatAddress([last])} has no words`);
        slot.set('');
        return p.id;
      }
      if (last?.kind === 'halbsatz') {
        // "Satz 2 zweiter Halbsatz wird aufgehoben": the Satz ends where the repealed part began
        if (hits.length !== 1) fail('target-unsupported', 'a Halbsatz is repealed in one Satz at a time');
        const { text, parts: halves } = halbsaetzeOf(hits[0].node);
        const k = last.index < 0 ? halves.length - 1 : last.index - 1;
        if (halves.length < 2 || k !== halves.length - 1) fail('target-unsupported', `only the last Halbsatz of a Satz is repealed here (the Satz has ${halves.length} Halbsätze)`);
        // the Satz (or the list item) keeps its closing mark: "." or the "," of a Nummer
        const end = /[.!?:,;]?\s*$/.exec(text)![0].trim();
        setSatzText(hits[0].node, text.slice(0, halves[k].start).replace(/\s*;\s*$/, '') + end);
        return p.id;
      }
      // remove from the owner list, from the back so indices stay valid
      const sorted = [...hits].sort((a, b) => (b.owner?.index ?? 0) - (a.owner?.index ?? 0));
      const removed = new Set<unknown>(hits.map((h) => h.node));
      for (const h of sorted) {
        const owner = h.owner;
        if (!owner) fail('target-unsupported', 'cannot remove this unit');
        const at = owner.list.indexOf(h.node as never);
        const node = h.node;
        // a repealed unit keeps its number as the official consolidation prints it: an Absatz always as
        // "(5) (weggefallen)", also the last one of its § (AufenthG §§ 28, 43, 52, 60); a list item as
        // "4. (weggefallen)" only where later ones follow (TestV § 4a Nr. 4 went, and no official list ends
        // with a "(weggefallen)" item)
        const isItem = isListItemKind(node.kind);
        const later = (owner.list as Array<{ kind: string }>).slice(at + 1).some((n) => n.kind === node.kind && !removed.has(n));
        if (node.kind === 'absatz' || (isItem && later)) {
          owner.list[at] = weggefallen(node as Absatz | ListItem) as never;
        } else {
          owner.list.splice(at, 1);
          // the last item goes, and "(weggefallen)" items before it that would now end the list with it
          if (isItem) dropTrailingWeggefallen(owner.list as Array<{ kind: string }>, node.kind);
        }
      }
      return p.id;
    }
    case 'insert-units': {
      if (hits.length !== 1 || !hits[0].owner) fail('target-unsupported', 'insertion needs exactly one anchor unit');
      const h = hits[0];
      // new units stand among units of their kind ("Nach Nummer 3 wird folgender Satz eingefügt" does not say where)
      if (h.node.kind !== op.unitKind) fail('target-unsupported', `a new ${op.unitKind} cannot be inserted after or before a ${h.node.kind}`);
      const units = parseUnits(op.unitKind as UnitKind, op.content, op.labels);
      const anchor = (h.node as ListItem).label;
      if (op.labels.length) {
        for (const u of units) {
          if (!('label' in u) || u.kind === 'satz') continue;
          checkOrder(u.label, anchor, !!op.before);
        }
      }
      const owner = h.owner!;
      yieldNumbers(owner.list, units);
      const at = owner.list.indexOf(h.node as never);
      const where = op.before ? at : at + 1;
      // a table kept verbatim after the Satz may be part of it (AufenthV § 48 Abs. 1): "nach Satz 1" is then after the table
      if (op.unitKind === 'satz' && !op.before && (owner.list[where] as Satz | undefined)?.opaque) {
        fail('target-ambiguous', 'the Satz is followed by a table kept verbatim, which may belong to it: where the new Satz goes is not certain');
      }
      // a block of the text that began with the Satz at this place (after a list) now begins with the new one
      const next = owner.list[where] as Absatz | Satz | undefined;
      if (next?.kind === 'satz' && next.newBlock && units[0]?.kind === 'satz') {
        (units[0] as Satz).newBlock = true;
        delete next.newBlock;
      }
      owner.list.splice(where, 0, ...(units as never[]));
      return (units[0] as Unit)?.id;
    }
    case 'append-units': {
      if (hits.length !== 1) fail('target-unsupported', 'appending needs exactly one container');
      const container = hits[0].node;
      if ((container.kind === 'absatz' || isListItemKind(container.kind)) && isWeggefallen(container as Absatz | ListItem)) {
        fail('target-empty', `${formatAddress(op.target)} is "(weggefallen)": nothing can be appended to it`);
      }
      const units = parseUnits(op.unitKind, op.content, op.labels);
      const put = <T,>(list: T[], xs: T[]) => {
        // units appended after "(weggefallen)" ones the act repealed take over their numbers: "Absatz 2 und
        // Absatz 3 werden aufgehoben … Folgender Absatz 2 wird angefügt" ends the § with the new Absatz 2
        if (!op.atStart && op.labels.length) dropTrailingWeggefallen(list as unknown as Array<{ kind: string }>, op.unitKind, op.labels[0]);
        // "Folgender Absatz 7 wird angefügt" to a § whose last Absatz is 3 leaves a gap the act did not make
        const labelled = (list as unknown as Array<{ kind: string; label?: string }>).filter((x) => x.kind === op.unitKind && x.label !== undefined);
        const lastLabel = labelled[labelled.length - 1]?.label;
        if (!op.atStart && op.labels.length && lastLabel && op.unitKind !== 'satz' && !nextLabels(lastLabel).includes(op.labels[0])) {
          fail('label-gap', `${op.unitKind} ${op.labels[0]} cannot be appended after ${op.unitKind} ${lastLabel}: the numbering would have a gap`);
        }
        return op.atStart ? list.unshift(...xs) : list.push(...xs);
      };
      for (const list of [container.kind === 'satz' ? [] : container.children, ...sentencesOf(container).map((x) => x.items ?? [])]) yieldNumbers(list as Array<{ kind: string }>, units);
      if (op.unitKind === 'absatz') {
        if (container.kind !== 'paragraph') fail('target-unsupported', 'an Absatz can only be appended to a §');
        if (container.children.some((c) => c.kind === 'satz')) fail('target-unsupported', `§ ${container.label} has no Absätze: its Wortlaut must first become Absatz 1`);
        put(container.children, units as Absatz[]);
      } else if (op.unitKind === 'satz') {
        if (container.kind === 'paragraph') put(container.children, units as Satz[]);
        else if (container.kind === 'satz') fail('target-unsupported', 'cannot append a Satz to a Satz');
        else put(container.children, units as Satz[]);
      } else {
        const lists = sentencesOf(container).filter((s) => s.items?.some((it) => it.kind === op.unitKind));
        if (lists.length !== 1) fail(lists.length ? 'target-ambiguous' : 'target-not-found', `no single list of ${op.unitKind} in ${container.id}`);
        put(lists[0].items!, units as ListItem[]);
      }
      return p.id;
    }
    case 'renumber': {
      if (hits.length !== 1) fail('target-unsupported', 'renumbering needs exactly one container');
      const container = hits[0].node;
      if (op.unitKind === 'absatz') {
        if (container.kind !== 'paragraph') fail('target-unsupported', 'Absätze are renumbered within a §');
        const abs = op.from.map((l) => container.children.find((c): c is Absatz => c.kind === 'absatz' && c.label === l));
        const miss = op.from.filter((_, i) => !abs[i]);
        if (miss.length) fail('target-not-found', `Absatz ${miss.join(', ')} not found for renumbering`);
        // "Absatz 2 wird aufgehoben. Die bisherigen Absätze 3 und 4 werden die Absätze 2 und 3": the
        // renumbering takes the number the repealed Absatz kept, so its "(weggefallen)" goes
        container.children = container.children.filter((c) => !(c.kind === 'absatz' && !abs.includes(c) && isWeggefallen(c) && movedOver(c.label, op.from, op.to)));
        abs.forEach((a, i) => (a!.label = op.to[i]));
        return p.id;
      }
      const lists = sentencesOf(container).filter((s) => s.items);
      const items = lists.flatMap((s) => s.items!).filter((it) => it.kind === op.unitKind);
      const found = op.from.map((l) => items.find((it) => it.label === l));
      const missing = op.from.filter((_, i) => !found[i]);
      if (missing.length) fail('target-not-found', `${op.unitKind} ${missing.join(', ')} not found for renumbering`);
      for (const s of lists) s.items = s.items!.filter((it) => !(it.kind === op.unitKind && !found.includes(it) && isWeggefallen(it) && movedOver(it.label, op.from, op.to)));
      found.forEach((it, i) => (it!.label = op.to[i]));
      return p.id;
    }
  }
  return undefined;
}

/**
 * Does a renumbering take or pass over this number? A unit moved down ("Der bisherige Absatz 4 wird
 * Absatz 2" after "Die Absätze 2 und 3 werden aufgehoben") takes the number of one "(weggefallen)"
 * unit and leaves the others between behind it: those go, as the act means the gap to close.
 */
function movedOver(label: string, from: string[], to: string[]): boolean {
  return to.some((t, i) => t === label || (compareLabels(t, label) < 0 && compareLabels(label, from[i]) < 0));
}

const WEGGEFALLEN = '(weggefallen)';

/** "(weggefallen)" units of a kind at the end of a list go (those numbered `from` or later, when given). */
function dropTrailingWeggefallen(list: Array<{ kind: string }>, kind: string, from?: string): void {
  for (let k = list.length - 1; k >= 0; k--) {
    const u = list[k] as Absatz | ListItem;
    if (u.kind !== kind || !isWeggefallen(u) || (from !== undefined && compareLabels(u.label, from) < 0)) break;
    list.splice(k, 1);
  }
}

/**
 * New units take the numbers of "(weggefallen)" units ("Absatz 2 wird aufgehoben. Nach Absatz 1 wird
 * folgender Absatz 2 eingefügt"): those placeholders leave the list. Returns how many stood before `at`.
 */
function yieldNumbers(list: Array<{ kind: string }>, units: Array<{ kind: string }>, at = 0): number {
  const taken = new Set(units.filter((u) => 'label' in u).map((u) => `${u.kind} ${(u as ListItem).label}`));
  let before = 0;
  for (let k = list.length - 1; k >= 0; k--) {
    const n = list[k] as Absatz | ListItem;
    if ((n.kind === 'absatz' || isListItemKind(n.kind)) && taken.has(`${n.kind} ${n.label}`) && isWeggefallen(n)) {
      list.splice(k, 1);
      if (k < at) before++;
    }
  }
  return before;
}

/** "(2) (weggefallen)", "4. (weggefallen)": a repealed unit that keeps its number */
function isWeggefallen(u: Absatz | ListItem): boolean {
  return (u.kind === 'absatz' || isListItemKind(u.kind)) && normalizeSpace(sentencesText(u.children)) === WEGGEFALLEN;
}

function weggefallen(u: Absatz | ListItem): Absatz | ListItem {
  const text = u.kind === 'absatz' ? `(${u.label}) ${WEGGEFALLEN}` : `${writtenLabel(u.kind, u.label)} ${WEGGEFALLEN}`;
  return parseUnits(u.kind, text, [u.label])[0] as Absatz | ListItem;
}

function findOf(op: Operation): string {
  return op.action === 'insert-words' ? op.anchor : 'find' in op ? op.find : '';
}

/** The edits of an operation on several units, made once every unit has been checked. */
function applyEach(edits: Array<() => void>): void {
  if (!edits.length) fail('target-empty', 'the addressed unit has no text');
  for (const edit of edits) edit();
}

/**
 * The words after a list whose last item has a list of its own close one of the two lists; the flat text
 * does not say which, and the parser gives them to the outer one ("… 2. die Beschäftigungen können je
 * Kalenderwoche a) … b) … ⏎ unabhängig von … angerechnet werden." in AufenthG § 16b Abs. 3). When the
 * act sets that last item anew and its new text ends in the same words after its own list, they were the
 * item's: the outer list loses them, or they would stand twice. Returns what to do after the rewrite.
 */
function closingWordsOfLastItem(p: Paragraph, hits: Hit[]): (() => void) | undefined {
  if (hits.length !== 1 || !hits[0].owner) return undefined;
  const list = hits[0].owner.list;
  const old = hits[0].node as ListItem;
  if (list[list.length - 1] !== old) return undefined;
  const carrier = carrierOf(p.children, list);
  const oldLast = old.children[old.children.length - 1];
  if (!carrier || carrier.nach === undefined || !oldLast?.items || oldLast.nach !== undefined) return undefined;
  return () => {
    const item = list[list.length - 1] as ListItem;
    const last = item.children[item.children.length - 1];
    if (last?.nach !== undefined && normalizeSpace(last.nach) === normalizeSpace(carrier.nach!)) delete carrier.nach;
  };
}

/** The Satz whose list is `list`, anywhere below `nodes`. */
function carrierOf(nodes: Array<Absatz | Satz | ListItem>, list: unknown[]): Satz | undefined {
  for (const n of nodes) {
    if (n.kind === 'satz') {
      if (n.items === list) return n;
      if (n.items) for (const it of n.items) {
        const found = carrierOf(it.children, list);
        if (found) return found;
      }
    } else {
      const found = carrierOf(n.children, list);
      if (found) return found;
    }
  }
  return undefined;
}

function rewriteUnits(hits: Hit[], kind: UnitKind, content: string): string | undefined {
  const units = parseUnits(kind, content, hits.map((h) => ('label' in h.node ? h.node.label : '')));
  if (kind === 'satz') {
    if (hits.length !== 1 || !hits[0].owner) fail('target-unsupported', 'a Satz can only be set anew one at a time');
    const h = hits[0];
    const list = h.owner!.list as Array<Absatz | Satz>;
    const at = list.indexOf(h.node as Satz);
    list.splice(at, 1, ...(units as Satz[]));
    // the Satz after a list stood in a block of its own; where the new Satz ends in words (no list, or the
    // words that close its list) it goes on in their block, as the official text prints it
    const endsInList = (x: Satz) => !!x.items && x.nach === undefined;
    const next = list[at + units.length];
    if (endsInList(h.node as Satz) && !endsInList(units[units.length - 1] as Satz) && next?.kind === 'satz' && next.newBlock) delete next.newBlock;
    return undefined;
  }
  if (units.length !== hits.length) fail('content-mismatch', `${hits.length} unit(s) addressed but the quoted text holds ${units.length}`);
  hits.forEach((h, i) => {
    if (!h.owner) fail('target-unsupported', 'cannot replace this unit');
    const u = units[i] as ListItem | Absatz;
    if ('label' in h.node && u.label !== h.node.label) fail('content-mismatch', `the quoted text is labelled ${u.label}, the addressed unit ${h.node.label}`);
    h.owner.list[h.owner.list.indexOf(h.node as never)] = u as never;
  });
  return (units[0] as Unit).id || undefined;
}

function parseUnits(kind: UnitKind, content: string, labels: string[]): Array<Absatz | Satz | ListItem> {
  if (kind === 'absatz') {
    const a = parseQuotedAbsaetze(content);
    if (!a) fail('content-unparsed', 'the quoted text is not a list of Absätze');
    checkLabels(a.map((x) => x.label), labels);
    return a;
  }
  if (kind === 'satz') {
    const s = parseQuotedSentences(content);
    if (!s.length) fail('content-unparsed', 'the quoted text holds no sentence');
    return s;
  }
  if (kind === 'paragraph') fail('target-unsupported', 'a § cannot be inserted here');
  const { items, rest } = parseQuotedItems(content);
  if (!items.length || rest.length) fail('content-unparsed', `the quoted text is not a list of ${kind}`);
  if (items.some((it) => it.kind !== kind)) fail('content-mismatch', `the quoted text holds ${items[0].kind}, not ${kind}`);
  checkLabels(items.map((x) => x.label), labels);
  return items;
}

function checkLabels(got: string[], want: string[]): void {
  if (want.length && want.every((w) => w !== '') && got.join(',') !== want.join(',')) {
    fail('content-mismatch', `announced ${want.join(', ')} but the quoted text holds ${got.join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// words

interface WordsPattern {
  re: RegExp;
  /** the words start / end with a letter or digit: the match must not continue a longer word */
  wordStart: boolean;
  wordEnd: boolean;
}

const patternCache = new Map<string, WordsPattern>();
const WORD_CHAR = /[\p{L}\p{N}]/u;
const HYPHEN = /[-\u2011]/;
const DIGIT = /\d/;

/**
 * A hyphen joins the word to a compound: „Arbeitnehmer“ is not in "Arbeitnehmer-Entsendegesetz", nor in
 * the suspended "Arbeitnehmer- und Arbeitgeberverbände", nor „Richtlinie“ in "EU-Richtlinie". Between
 * numbers it is a dash of a span ("1.1.2020-31.12.2020"), which keeps both numbers words of their own.
 */
function compoundAfter(t: string, end: number): boolean {
  return HYPHEN.test(t[end]) && !(DIGIT.test(t[end - 1]) && DIGIT.test(t[end + 1] ?? ''));
}

/**
 * A number that goes on past the match in digit groups: „500 Euro“ is no part of "12 500 Euro", „12“ none
 * of "12 500" (a group of three digits after a space continues the number).
 */
function groupBefore(t: string, i: number): boolean {
  return DIGIT.test(t[i - 2] ?? '') && GROUP_SPACE.test(t[i - 1]) && /^\d{3}(?!\d)/.test(t.slice(i, i + 4)) && digitsBefore(t, i - 1) <= 3;
}

function groupAfter(t: string, end: number): boolean {
  return DIGIT.test(t[end - 1]) && GROUP_SPACE.test(t[end] ?? '') && /^\d{3}(?!\d)/.test(t.slice(end + 1, end + 5)) && digitsBefore(t, end) <= 3;
}

/**
 * The digits that end right before `at`. A group of a number has at most three ("12 500"); four or more
 * are a number of their own followed by another: "ab 1. Januar 2021 130,35 Euro" is a year and an amount.
 */
function digitsBefore(t: string, at: number): number {
  let k = at;
  while (k > 0 && DIGIT.test(t[k - 1])) k--;
  return at - k;
}

/** the spaces between the digit groups of a number ("25 000", "25\u00a0000", "25\u202f000") */
const GROUP_SPACE = /^[ \u00a0\u202f]$/;
/** a number in digit groups: one to three digits, then groups of three ("2022 218,05" is a year and an amount) */
const GROUPED_NUMBER = /(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)/g;

function compoundBefore(t: string, i: number): boolean {
  return HYPHEN.test(t[i - 1]) && i >= 2 && WORD_CHAR.test(t[i - 2]) && !(DIGIT.test(t[i - 2]) && DIGIT.test(t[i]));
}

/**
 * Quoted words as a pattern: any white-space kind between words; whole words at the edges. The word
 * boundaries are checked in code rather than with Unicode look-behind, which V8 runs slowly.
 */
function wordsPattern(words: string): WordsPattern {
  let p = patternCache.get(words);
  if (!p) {
    const w = words.trim();
    const esc = w
      .split(/\s+/)
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\u00a0\\u202f]+');
    p = { re: new RegExp(esc, 'g'), wordStart: WORD_CHAR.test(w[0] ?? ''), wordEnd: WORD_CHAR.test(w[w.length - 1] ?? '') };
    if (patternCache.size > 10_000) patternCache.clear();
    patternCache.set(words, p);
  }
  return p;
}

/** All whole-word occurrences of the pattern in a text. */
function findWords(t: string, p: WordsPattern): Array<{ index: number; length: number }> {
  const out: Array<{ index: number; length: number }> = [];
  p.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = p.re.exec(t))) {
    const i = m.index;
    const end = i + m[0].length;
    if (m[0].length === 0) {
      p.re.lastIndex++;
      continue;
    }
    const okStart = !p.wordStart || i === 0 || (!WORD_CHAR.test(t[i - 1]) && !compoundBefore(t, i) && !groupBefore(t, i));
    const okEnd = !p.wordEnd || end === t.length || (!WORD_CHAR.test(t[end]) && !compoundAfter(t, end) && !groupAfter(t, end));
    if (okStart && okEnd) out.push({ index: i, length: m[0].length });
    else p.re.lastIndex = i + 1;
  }
  return out;
}

function editWords(slots: Slot[], op: Extract<Operation, { action: 'replace' | 'delete' | 'insert-words' }>, each: boolean): number {
  const find = op.action === 'insert-words' ? op.anchor : op.find;
  const pattern = wordsPattern(find);
  // cheap pre-filter: a slot without the first quoted word cannot match (the regex is costly)
  const firstWord = find.trim().split(/\s+/)[0] ?? '';
  const matches: Array<{ slot: Slot; index: number; length: number }> = [];
  for (const slot of slots) {
    const t = slot.get();
    if (!t.includes(firstWord)) continue;
    for (const m of findWords(t, pattern)) matches.push({ slot, index: m.index, length: m.length });
  }
  let chosen = matches;
  if (op.occurrence !== undefined) {
    // "das zweite Wort „und“": that one of the occurrences, in the order of the text
    const k = op.occurrence < 0 ? matches.length + op.occurrence : op.occurrence - 1;
    if (k < 0 || k >= matches.length) fail('words-not-found', `"${find}" occurs ${matches.length} times in ${formatAddress(op.target)}: there is no occurrence ${op.occurrence < 0 ? 'last' : `number ${op.occurrence}`}`);
    chosen = [matches[k]];
  } else if ('atEnd' in op && op.atEnd) {
    chosen = matches.filter((m) => /^\s*[,;.]?\s*$/.test(m.slot.get().slice(m.index + m.length)));
  }
  if (op.occurrences !== undefined && chosen.length !== op.occurrences) {
    fail(chosen.length ? 'words-ambiguous' : 'words-not-found', `"${find}" occurs ${chosen.length} times in ${formatAddress(op.target)}, the act names ${op.occurrences} places`);
  }
  if (!each) {
    if (chosen.length === 0) fail('words-not-found', `"${find}" not found in ${formatAddress(op.target)}`);
    if (chosen.length > 1) fail('words-ambiguous', `"${find}" occurs ${chosen.length} times in ${formatAddress(op.target)} and the instruction does not say "jeweils"`);
  }
  // edit from the back so indices stay valid
  const bySlot = new Map<Slot, typeof chosen>();
  for (const m of chosen) bySlot.set(m.slot, [...(bySlot.get(m.slot) ?? []), m]);
  for (const [slot, ms] of bySlot) {
    let t = slot.get();
    for (const m of [...ms].sort((a, b) => b.index - a.index)) t = editAt(t, m.index, m.length, op);
    slot.set(t);
  }
  return chosen.length;
}

function editAt(t: string, index: number, length: number, op: Extract<Operation, { action: 'replace' | 'delete' | 'insert-words' }>): string {
  const before = t.slice(0, index);
  const match = t.slice(index, index + length);
  const after = t.slice(index + length);
  if (op.action === 'replace') {
    // the text groups the digits of the number it replaces with a no-break space ("25\u00a0000"), the act
    // with a plain one („50 000“): the new number is written as the text writes numbers, as the official text does
    const replacement = /\d\u00a0\d/.test(match.match(GROUPED_NUMBER)?.join(' ') ?? '') ? op.replacement.replace(GROUPED_NUMBER, (n) => n.replace(/ /g, '\u00a0')) : op.replacement;
    if (/^[,;.:]/.test(replacement)) return before.replace(/[\s\u00a0]+$/, '') + replacement + after;
    return before + replacement + after;
  }
  if (op.action === 'delete') {
    let b = before.replace(/[ \u00a0]+$/, '');
    const a = after.replace(/^[ \u00a0]+/, '');
    if (b === '') return a;
    // the deletion left a comma before the closing parenthesis or the end of the sentence: the official
    // consolidation drops it ("Gesetzes, § 10 …)" → "Gesetzes)")
    if (/,$/.test(b) && /^[);.]/.test(a) && !/^,/.test(match)) {
      b = b.slice(0, -1);
      tidied.push(`tidied: the comma left before "${a[0]}" by the deletion was dropped`);
    }
    if (a === '' || /^[,;.:)]/.test(a)) return b + a;
    return `${b} ${a}`;
  }
  const words = op.words;
  if (op.newLine) return `${before}${match}\n\n${words}${after}`;
  if (op.position === 'after') {
    const sep = /^[,;.:)]/.test(words) ? '' : ' ';
    return before + match + sep + words + after;
  }
  return `${before}${words} ${match}${after}`;
}

// ---------------------------------------------------------------------------------------------
// Anlagen (kept as Markdown blocks): word changes, within a Nummer of the Anlage where one is named

/**
 * An Anlage that lists one entry per line ("Emden ⏎⏎ Giebelstadt"): words inserted after a whole line that
 * are an entry themselves („Frankfurt-Egelsbach“: one capitalised word) go on a line of their own, as the
 * official text sets them; words that go on a sentence („und Umgebung“) stay in the line.
 */
function entryAfterEntry<T extends Extract<Operation, { action: 'replace' | 'delete' | 'insert-words' }>>(segment: string, op: T): T {
  if (op.action !== 'insert-words' || op.position !== 'after' || op.newLine) return op;
  const entry = /^\p{Lu}\S*$/u;
  const wholeLine = segment.split('\n').some((l) => l.trim() === op.anchor.trim());
  return wholeLine && entry.test(op.anchor.trim()) && entry.test(op.words.trim()) ? { ...op, newLine: true } : op;
}

function applyToAnlage(law: Law, op: Operation): ApplyResult {
  const part = op.target[0] as Extract<AddressPart, { kind: 'anlage' }>;
  const anlagen = law.body.filter((n): n is Anlage => n.kind === 'anlage');
  const found = part.label ? anlagen.filter((a) => a.label === part.label) : anlagen.length === 1 ? anlagen : anlagen.filter((a) => a.label === '');
  if (found.length !== 1) fail(found.length ? 'target-ambiguous' : 'target-not-found', `Anlage ${part.label} ${found.length ? 'is not unique' : 'does not exist in this text'}`);
  if (op.action !== 'replace' && op.action !== 'delete' && op.action !== 'insert-words') fail('target-unsupported', `"${op.action}" in an Anlage is not supported (the Anlage is kept as a block)`);
  const anlage = found[0];
  let from = 0;
  let to = anlage.body.length;
  const nr = op.target[1];
  if (nr && 'labels' in nr && nr.kind === 'nummer') {
    // the Nummer of the Anlage: from its "2." line to the next numbered line
    const lines = anlage.body.split('\n');
    let pos = 0;
    let start = -1;
    for (const l of lines) {
      const m = /^\s*(\d+[a-z]?)\.\s/.exec(l);
      if (m && start >= 0) {
        to = pos;
        break;
      }
      if (m && m[1] === nr.labels[0]) start = pos;
      pos += l.length + 1;
    }
    if (start < 0) fail('target-not-found', `Nummer ${nr.labels[0]} of the Anlage not found`);
    // an Anlage in parts, each numbered from 1, has the label more than once: which one is not said
    const twice = lines.filter((l) => /^\s*(\d+[a-z]?)\.\s/.exec(l)?.[1] === nr.labels[0]).length;
    if (twice > 1) fail('target-ambiguous', `the Anlage has ${twice} lines numbered ${nr.labels[0]}.: the act does not say which`);
    from = start;
  } else if (op.target.length > 1) fail('target-unsupported', `cannot address ${formatAddress(op.target)} inside an Anlage`);
  let segment = anlage.body.slice(from, to);
  const slot: Slot = { get: () => segment, set: (v) => (segment = v) };
  editWords([slot], entryAfterEntry(segment, op), op.each);
  const copy: Anlage = { ...anlage, body: anlage.body.slice(0, from) + segment + anlage.body.slice(to) };
  const body = law.body.slice();
  body[body.indexOf(anlage)] = copy;
  return { law: { ...law, body }, paragraphId: copy.id, targetId: copy.id };
}

// ---------------------------------------------------------------------------------------------
// Inhaltsübersicht

function applyToInhalt(law: Law, op: Operation): ApplyResult {
  if (!law.inhalt || law.inhalt.entries.length === 0) {
    fail('no-inhaltsuebersicht', 'this text of the law has no Inhaltsübersicht');
  }
  if (law.inhalt.entries.length === 1 && /^\s*<table\b/.test(law.inhalt.entries[0].text)) {
    fail('no-inhaltsuebersicht', 'the Inhaltsübersicht of this text is an HTML table, kept as one block: its Angaben cannot be addressed');
  }
  const ref = op.target.find((p): p is Extract<AddressPart, { kind: 'angabe' }> => p.kind === 'angabe');
  const entries = law.inhalt.entries.slice();
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const at = (r: string) => angabeIndex(entries.map((e) => norm(e.label)), norm(r));
  const idx = ref ? at(ref.ref) : -1;
  if (op.action === 'insert-units') {
    // no Angabe named: "Der Inhaltsübersicht wird folgende Angabe angefügt"
    if (!ref && op.before) fail('target-missing', 'an insertion before an Angabe needs that Angabe');
    entries.splice(!ref ? entries.length : op.before ? idx : idx + 1, 0, ...parseQuotedAngaben(op.content));
    return withEntries(law, entries);
  }
  if (!ref) fail('target-unsupported', `"${op.action}" on the Inhaltsübersicht is not supported`);
  return applyToAngaben(law, op, entries, ref.through ? range(idx, at(ref.through)) : [idx, ...(ref.more ?? []).map(at)]);
}

/**
 * The Angabe a reference names: "§ 5", "Anlage 2", or a part of the Gliederung, also with the parts
 * above it ("Kapitel 2 Abschnitt 1": the Abschnitt 1 after the Angabe zu Kapitel 2, before the next
 * Kapitel). A label that stands more than once where it is looked for ("Abschnitt 1" of Kapitel 1 and
 * of Kapitel 2) is ambiguous: the act must name the part above it.
 */
function angabeIndex(labels: string[], ref: string): number {
  const parts = /^(?:(?:Teil|Kapitel|Abschnitt|Unterabschnitt) \S+ ?)+$/.test(ref) ? ref.match(/(?:Teil|Kapitel|Abschnitt|Unterabschnitt) \S+/g)! : [ref];
  let from = 0;
  let to = labels.length;
  for (const [i, part] of parts.entries()) {
    const hits = labels.map((l, k) => (k >= from && k < to && l === part ? k : -1)).filter((k) => k >= 0);
    if (hits.length === 0) fail('target-not-found', `the Inhaltsübersicht has no Angabe zu ${parts.slice(0, i + 1).join(' ')}`);
    if (hits.length > 1) fail('target-ambiguous', `the Inhaltsübersicht has ${hits.length} Angaben zu ${parts.slice(0, i + 1).join(' ')}: the act does not say under which part`);
    if (i === parts.length - 1) return hits[0];
    // the parts below this one: up to the next Angabe of the same kind ("Kapitel 3")
    const kind = part.split(' ')[0];
    from = hits[0] + 1;
    const next = labels.findIndex((l, k) => k >= from && l.startsWith(`${kind} `));
    to = next < 0 ? labels.length : next;
  }
  return -1;
}

/** The law with these Angaben, numbered anew. */
function withEntries(law: Law, entries: Angabe[]): ApplyResult {
  const copy = entries.map((e) => ({ ...e }));
  assignAngabeIds(copy);
  return { law: { ...law, inhalt: { ...law.inhalt!, entries: copy } }, paragraphId: 'inhalt', targetId: 'inhalt' };
}

/** The numbers from `a` through `b`: the Angaben of "zu den §§ 18 bis 18c" in the order of the Inhaltsübersicht. */
function range(a: number, b: number): number[] {
  if (b < a) fail('label-order', 'the range of Angaben runs backwards in the Inhaltsübersicht');
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/**
 * The Angaben an instruction names, one ("Die Angabe zu § 104c wird wie folgt gefasst", "In der Angabe zu
 * § 9 wird das Wort … ersetzt") or several ("Die Angaben zu den §§ 5 und 6 werden durch die folgenden
 * Angaben ersetzt", "… werden gestrichen", "In den Angaben zu den §§ 5 und 6 wird jeweils …"): set anew
 * or struck, they must stand together in the Inhaltsübersicht; words are changed in each.
 */
function applyToAngaben(law: Law, op: Operation, entries: Angabe[], indices: number[]): ApplyResult {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const named = formatAddress(op.target.filter((p) => p.kind === 'angabe'));
  const together = sorted.every((k, i) => i === 0 || k === sorted[i - 1] + 1);
  if (op.action === 'rewrite' || op.action === 'repeal' || op.action === 'delete-unit') {
    if (!together) fail('target-unsupported', `the ${named} do not stand together in the Inhaltsübersicht`);
    entries.splice(sorted[0], sorted.length, ...(op.action === 'rewrite' ? parseQuotedAngaben(op.content) : []));
  } else if (op.action === 'replace' || op.action === 'delete' || op.action === 'insert-words') {
    let n = 0;
    for (const k of sorted) {
      const entry = { ...entries[k] };
      n += editWords([{ get: () => entry.text, set: (v) => (entry.text = v) }], op, op.each);
      entries[k] = entry;
    }
    if (op.each && n === 0) fail('words-not-found', `"${findOf(op)}" not found in the ${named}`);
  } else {
    fail('target-unsupported', `"${op.action}" on the Inhaltsübersicht is not supported`);
  }
  return withEntries(law, entries);
}

export type { Address };
