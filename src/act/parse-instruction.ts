/**
 * One instruction sentence → operations. The sentence has its quotes replaced by ⟦n⟧ placeholders, so
 * quoted text (which may contain lists and words like "wird") is never read as instruction wording.
 *
 * Forms (see shared/domain/AMENDMENT-FORMS.md): "X wird wie folgt geändert:" (context for children),
 * "X wird wie folgt gefasst: ⟦0⟧", "X wird aufgehoben", "Satz 5 wird gestrichen", "Nach X wird folgender
 * Y eingefügt: ⟦0⟧", "Dem X wird folgender Y angefügt: ⟦0⟧", "Folgende Nummer 8 wird angefügt: ⟦0⟧",
 * "Die Nummern 2 und 3 werden die Nummern 1 und 2", "Vor X wird folgender Y eingefügt", "Die bisherige
 * Nummer 3 wird Nummer 4 und wie folgt gefasst", "Die Absatzbezeichnung ⟦0⟧ wird gestrichen", Angaben of
 * the Inhaltsübersicht replaced or appended, and word operations "In X wird/werden [jeweils] <clause>
 * [, <clause>] [und <clause>]" with clauses (each may have an address of its own) for replacing, deleting
 * and inserting words and the punctuation at the end. A sentence that is two complete instructions
 * joined by "und" or ";" gives both (parseInstruction).
 */
import { formatAddress, inheritAddress, isListItemKind, lastListItem, namesListItem, parseAddress, unitKindOfWord, type Address, type AddressPart } from './address.js';
import { EACH_PARAGRAPH, type NewGliederung, type Operation } from './operations.js';
import { expandRange, quotedParagraphLabels } from '../model/labels.js';
import type { GliederungType, UnitKind } from '../model/types.js';

export type InstructionParse =
  /** the address of the sub-instructions; `operations` come first ("Die bisherige Nummer 3 wird Nummer 4 und wie folgt geändert:") */
  | { kind: 'context'; address: Address; operations?: Operation[] }
  | { kind: 'operations'; operations: Operation[]; warnings: string[] }
  | { kind: 'error'; code: string; message: string };

const Q = '⟦(\\d+)⟧';

/** The unit words of instructions, as alternatives for the patterns below (a longer word is tried where a shorter fails). */
const SUB_UNIT = 'Absatz|Satz|Nummer|Buchstabe|Doppelbuchstabe|Dreifachbuchstabe';
const SUB_UNITS = 'Absätze|Sätze|Nummern|Buchstaben|Doppelbuchstaben|Dreifachbuchstaben';
/** one unit: "Nummer 4 wird Nummer 5" */
const ONE_UNIT = `§|${SUB_UNIT}`;
/** several units: "Die Nummern 2 und 3 werden die Nummern 1 und 2" */
const MANY_UNITS = `§§|${SUB_UNITS}`;
/** any unit word, one or several */
const ANY_UNIT = `§§?|${SUB_UNIT}|${SUB_UNITS}`;
/** the items of a list */
const LIST_ITEM = 'Nummer|Buchstabe|Doppelbuchstabe|Dreifachbuchstabe';

/** quoted words, whitespace normalised (line breaks of the PDF are not part of the words) */
function q(quotes: string[], n: string): string {
  return (quotes[Number(n)] ?? '').replace(/\s+/g, ' ').trim();
}

/** a quoted block to insert or set anew: keeps its line structure */
function block(quotes: string[], n: string): string {
  return quotes[Number(n)] ?? '';
}

/** Correct evident typos of the original ("wir" for "wird"), returning warnings. */
function correctTypos(s: string): { s: string; warnings: string[] } {
  const warnings: string[] = [];
  let out = s;
  if (/\bwir\b(?= (?:das|die|der|den|nach|vor|jeweils|wie)\b)/.test(out)) {
    out = out.replace(/\bwir\b(?= (?:das|die|der|den|nach|vor|jeweils|wie)\b)/, 'wird');
    warnings.push('typo in the act: "wir" read as "wird"');
  }
  return { s: out, warnings };
}

const GLIEDERUNG_WORDS: Record<string, GliederungType> = {
  Buch: 'Buch', Bücher: 'Buch', Teil: 'Teil', Teile: 'Teil', Kapitel: 'Kapitel', Abschnitt: 'Abschnitt', Abschnitte: 'Abschnitt',
  Unterabschnitt: 'Unterabschnitt', Unterabschnitte: 'Unterabschnitt', Titel: 'Titel',
};

/**
 * "folgender § 15d" / "die folgenden §§ 18g bis 18i" / "folgende Nummern 9 bis 11" / "folgender Satz";
 * with `quote` (insertions and appendices only): "folgender Abschnitt 1a", a part of the Gliederung
 * with its §§, which are read from the quoted text's § headings.
 */
function parseNewUnits(what: string, quote?: string): { unitKind: UnitKind | 'angabe'; labels: string[]; gliederung?: NewGliederung } | undefined {
  const w = what.trim();
  let m = /^(?:Angabe|Angaben)(?: zu .+)?$/.exec(w);
  if (m) return { unitKind: 'angabe', labels: [] };
  m = /^(\S+) (\S+(?:(?:, | und | bis )\S+)*)$/.exec(w);
  if (m && GLIEDERUNG_WORDS[m[1]]) {
    if (quote === undefined) return undefined;
    const parts = parseNewUnits(`Nummern ${m[2]}`); // the labels, as of Nummern ("4a und 4b", "4 bis 6")
    const labels = quotedParagraphLabels(quote);
    return labels.length && parts ? { unitKind: 'paragraph', labels, gliederung: { type: GLIEDERUNG_WORDS[m[1]], labels: parts.labels } } : undefined;
  }
  m = new RegExp(`^(${ANY_UNIT})(?:\\s+(.+))?$`).exec(w);
  if (!m) return undefined;
  const unitKind = unitKindOfWord(m[1]);
  if (!unitKind) return undefined;
  if (!m[2]) return { unitKind, labels: [] };
  const labels: string[] = [];
  const parts = m[2].split(/\s*,\s*|\s+und\s+/);
  for (const p of parts) {
    const r = /^(\S+)\s+bis\s+(\S+)$/.exec(p);
    if (r) {
      const e = expandRange(r[1], r[2]);
      if (!e) return undefined;
      labels.push(...e);
    } else labels.push(p);
  }
  return { unitKind, labels };
}

/**
 * Bring the many ways of writing one instruction to one wording (the meaning is kept exactly):
 * "der folgende Absatz 9" → "folgender Absatz 9", "ergänzt" (words) → "eingefügt", "im Satzteil vor
 * Nummer 1" moved into the address, "Die Wörter ⟦0⟧ werden durch … ersetzt" → "werden die Wörter ⟦0⟧
 * durch … ersetzt", a quote glued to its colon, a stray letter of a web copy before a quote.
 */
export function normaliseSentence(sentence: string, warnings: string[]): string {
  let s = sentence
    .replace(/[.;]$/, '')
    .replace(/\s*\.$/, '')
    .trim()
    .replace(/:(?=⟦)/g, ': ');
  if (/: \p{L}⟦\d+⟧/u.test(s)) {
    warnings.push('a stray letter before a quote of the act text was dropped');
    s = s.replace(/: \p{L}(⟦\d+⟧)/u, ': $1');
  }
  // the older wording: "§ 9 erhält folgende Fassung:", "… erhält folgende Überschrift:"
  s = s
    .replace(/^(.+?) (?:erhält|erhalten) (?:folgende|die folgende) Fassung:/, '$1 wird wie folgt gefasst:')
    .replace(/^(§ \S+) (?:erhält|erhalten) (?:folgende|die folgende) Überschrift:/, 'Die Überschrift des $1 wird wie folgt gefasst:');
  s = s
    // "Absatz 5 (neu)" is the neue Absatz 5: the number as it stands after the changes before
    .replace(/\b((?:§|Absatz|Satz|Nummer|Buchstabe|Doppelbuchstabe|Dreifachbuchstabe) [0-9]*[a-z]*) \(neu\)/g, '$1')
    .replace(/\b(?:der|die|das|den) (folgenden?|folgender|folgendes)\b/g, (_, w: string) => w)
    .replace(/\bfolgenden (Absatz|Satz|Buchstaben|§)\b/g, 'folgender $1')
    // "In § 9 Absatz 1 werden im Satzteil vor Nummer 1 die Wörter …": the Satzteil belongs to the address
    .replace(/ (wird|werden) ((?:in dem|im) (?:einleitenden|abschließenden) Satzteil|(?:in dem|im) Satzteil (?:vor|nach) \S+ \S+) /, ' $2 $1 ')
    .replace(/^(?:Im|In dem) ((?:einleitenden|abschließenden) Satzteil|Satzteil (?:vor|nach) \S+ \S+) (wird|werden) /, 'In dem $1 $2 ')
    // subject first: "Die Wörter ⟦0⟧ werden durch …", "Das Wort ⟦0⟧ am Ende wird durch einen Punkt ersetzt"
    .replace(/^(Das Wort|Die Wörter|Die Angabe|Die Angaben|Das Zeichen|Die Zahl|Die Jahreszahl|Das Datum|Der Betrag|Der Klammerzusatz|Die Wortfolge|Die Zeichenfolge|Die Absatzbezeichnung) (⟦\d+⟧(?: am Ende)?) (wird|werden) /, (_, w: string, q: string, v: string) => `${v} ${w[0].toLowerCase()}${w.slice(1)} ${q} `)
    .replace(/^(In .+?) (wird|werden) ((?:jeweils )?(?:nach|vor) .*?) ergänzt$/, '$1 $2 $3 eingefügt')
    .replace(/^(In .+?) (wird|werden) ((?:das Wort|die Wörter|die Angabe) ⟦\d+⟧) ergänzt$/, '$1 $2 $3 angefügt')
    // "die Angabe ⟦0⟧ jeweils durch …": "jeweils" belongs in front of the clause
    .replace(/ (wird|werden) ((?:das Wort|die Wörter|die Angabe|die Angaben) ⟦\d+⟧) jeweils /, ' $1 jeweils $2 ')
    .replace(/^(.*\bnach (?:dem Wort|den Wörtern|der Angabe) ⟦\d+⟧ (?:das Wort|die Wörter|die Angabe) ⟦\d+⟧) ergänzt\b/, '$1 eingefügt');
  s = s.replace(/^Vor dem (Punkt|Komma|Semikolon) am Ende (wird|werden) (.*) eingefügt$/, '$2 vor dem $1 am Ende $3 eingefügt');
  // "Das Komma am Ende wird durch einen Punkt ersetzt" = "wird das Komma am Ende durch einen Punkt ersetzt"
  s = s.replace(/^(Der Punkt|Das Komma|Das Semikolon)( am Ende)? (wird|werden) (durch .+ ersetzt)$/, (_, w: string, end: string | undefined, v: string, rest: string) => `${v} ${w[0].toLowerCase()}${w.slice(1)}${end ?? ''} ${rest}`);
  // the anchor first: "Nach dem Wort ⟦0⟧ werden die Wörter ⟦1⟧ eingefügt" = "werden nach dem Wort ⟦0⟧ die Wörter ⟦1⟧ eingefügt"
  // (also "Nach dem Wort ⟦0⟧ wird das Komma gestrichen")
  s = s.replace(/^(Nach|Vor) (dem Wort|den Wörtern|der Angabe|den Angaben) (⟦\d+⟧) (wird|werden) (.+ (?:eingefügt|gestrichen|ersetzt))$/, (_, p: string, w: string, a: string, v: string, rest: string) => `${v} ${p.toLowerCase()} ${w} ${a} ${rest}`);
  // "der Punkt am Ende des Satzes" (with no number): the end of the addressed unit
  s = s.replace(/ am Ende (?:des Satzes|der Nummer|des Absatzes|des Buchstabens)(?= durch )/, ' am Ende');
  // "der Punkt am Ende von Nummer 3 / des Satzes 2": the unit belongs to the address
  s = s.replace(/ (wird|werden) (der|das) (Punkt|Komma|Semikolon) am Ende (?:von |des |der )?(Nummer|Satzes|Satz|Absatzes|Absatz|Buchstabens|Buchstabe) (\d+[a-z]{0,2}|[a-z]{1,3}) /, (_, v: string, art: string, mark: string, unit: string, label: string) =>
    ` ${v} in ${unit.replace(/es$/, '').replace(/ens$/, 'e')} ${label} ${art} ${mark} am Ende `);
  // "wird am Ende das Wort ⟦0⟧ durch ein Komma ersetzt" = "wird das Wort ⟦0⟧ am Ende durch ein Komma ersetzt"
  s = s.replace(/ (wird|werden) am Ende ((?:das Wort|die Wörter|die Angabe|das Zeichen) ⟦\d+⟧) (durch|gestrichen)/, ' $1 $2 am Ende $3');
  // "In § 22 wird in Absatz 1 Satz 1 das Wort …", "In § 23 Absatz 1 werden in Satz 1 die Wörter …": one address
  // (a single clause only; several clauses carry such addresses from clause to clause in the clause loop)
  const inner = new RegExp(`^In (.+?) (wird|werden) (?:in|im) ((?:${SUB_UNIT}) [^⟦]+?) ((?:jeweils )?(?:das|die|der|den|dem|nach|vor|am|ein|eine) .*)$`).exec(s);
  if (inner && parseAddress(inner[1]) && (parseAddress(inner[3]) || addressList(inner[3], [])) && splitClauses(inner[4]).length === 1) {
    s = `In ${inner[1]} ${inner[3]} ${inner[2]} ${inner[4]}`;
  }
  // "In Absatz 4 wird Satz 2 aufgehoben", "… werden die Sätze 2 und 3 aufgehoben", "In der Inhaltsübersicht
  // wird die Angabe zu § 14 aufgehoben": the unit belongs to the address
  const m = new RegExp(`^In (.+?) (wird|werden) (?:die |der |das )?((?:${SUB_UNIT}|${SUB_UNITS}|Angaben? zu) [^⟦]+?) (aufgehoben|gestrichen)$`).exec(s);
  if (m && parseAddress(m[1]) && parseAddress(m[3])) s = `${m[1].replace(/^(?:den|dem|der) /, '')} ${m[3]} ${m[2]} ${m[4]}`;
  // "In § 8 Absatz 1 wird der Satzteil nach Nummer 3 aufgehoben" (also der einleitende / abschließende Satzteil)
  const st = /^In (.+?) (wird) der ((?:einleitende|abschließende) Satzteil|Satzteil (?:vor|nach) [^⟦]+?) (aufgehoben|gestrichen)$/.exec(s);
  if (st && parseAddress(st[1]) && parseAddress(st[3])) s = `${st[1].replace(/^(?:den|dem|der) /, '')} ${st[3]} ${st[2]} ${st[4]}`;
  return s;
}

/**
 * An operation on several §§ as one operation per §, in the act's order. A repeal, a range, units set
 * anew or inserted stay one operation (apply takes a repeal or a range § by § against the text).
 */
function onePerParagraph(op: Operation): Operation[] {
  const [first, ...rest] = op.target;
  // a range ("Die §§ 5 bis 7") is counted out against the text when applied: it may hold a § 5a
  if (!EACH_PARAGRAPH.has(op.action) || first?.kind !== 'paragraph' || first.labels.length < 2 || first.spans) return [op];
  // a repeal stays one operation: applied § by § from the last to the first (applyToEachParagraph)
  if (op.action === 'repeal') return [op];
  return first.labels.map((label) => ({ ...op, target: [{ ...first, labels: [label] }, ...rest] }));
}

/** At most this many instructions in one sentence (a chain of three, and one more): bounds the splitting. */
const MAX_JOINED = 4;

/**
 * Parse one instruction sentence in the context of its parent's address. A sentence that is two or
 * more instructions joined by "und", ";" or a comma, each complete in itself ("In § 12 wird Absatz 2
 * aufgehoben und Absatz 3 wird Absatz 2", "§ 14 Absatz 2 wird aufgehoben; der bisherige Absatz 3 wird
 * Absatz 2", "In Nummer 4 wird …, in Nummer 5 wird … und folgende Nummer 6 wird angefügt"), gives the
 * operations of all, each read in the address of the one before ("In …", or the unit it names).
 * `joined`: how many instructions the sentence this one was split from already gave.
 */
export function parseInstruction(sentence: string, quotes: string[], context: Address, joined = 1): InstructionParse {
  const whole = parseOne(sentence, quotes, context);
  if (whole.kind !== 'error' || whole.code !== 'instruction-unparsed' || joined >= MAX_JOINED) return whole;
  const text = sentence.replace(/\s+/g, ' ').trim();
  // "… ersetzt und …", "… aufgehoben; in Satz 3 …", and the comma of a chain of three ("In Nummer 4 wird
  // … ersetzt, in Nummer 5 wird … ersetzt und folgende Nummer 6 wird angefügt")
  const joints = [...text.matchAll(/ und |; |, (?=in )/g)].map((j) => ({ at: j.index!, length: j[0].length }));
  for (const { at, length } of joints) {
    const left = text.slice(0, at).replace(/,$/, '');
    const first = parseOne(left, quotes, context);
    if (first.kind !== 'operations') continue;
    const prefix = /^In (.+?) (?:wird|werden) /.exec(left);
    const within = prefix ? parseAddress(prefix[1]) : undefined;
    // the first names several units ("In § 14 Absatz 1 und § 5 Absatz 2 …"): which the second means is not said
    if (prefix && !within) continue;
    // the unit the first half changed (for a repeal: the unit that held what it removed)
    const last = first.operations[first.operations.length - 1];
    // a unit renumbered by the first half is the one the second half changes ("Der bisherige Absatz 2
    // wird Absatz 3 und in Satz 1 wird …": Absatz 3)
    const changed =
      last.action === 'repeal' || last.action === 'delete-unit'
        ? last.target.slice(0, -1)
        : last.action === 'renumber' && last.to.length === 1 && last.unitKind !== 'paragraph'
          ? inheritAddress(last.target, [{ kind: last.unitKind, labels: [last.to[0]] }])
          : last.target;
    // the second half with the verb first and a unit after it ("… ersetzt und wird Nummer 3 aufgehoben"):
    // the unit first, as an instruction starts (each reading of where the unit ends is tried)
    for (const right of unitBeforeVerb(text.slice(at + length))) {
      // the second instruction has its own verb and starts as an instruction does
      if (!/\b(?:wird|werden)\b/.test(right) || !new RegExp(`^(?:§\\s|(?:die|der|das|dem|den|im|in|nach|vor|${SUB_UNIT}|${SUB_UNITS})\\b)`, 'i').test(right)) continue;
      // a Satz of the second is a Nummer's only when the first's address names the Nummer ("In § 5 Absatz 1
      // Nummer 1 wird … und Satz 2 wird aufgehoben"), not when a clause does ("… wird in Nummer 2 … und Satz 1 …")
      // (itself two instructions or more: a chain of three)
      const second = parseInstruction(right[0].toUpperCase() + right.slice(1), quotes, containerFor(right, changed, namesListItem(context) || (within !== undefined && itemHoldsSaetze(within))), joined + 1);
      if (second.kind !== 'operations') continue;
      // Sätze are counted, not labelled: after the first half removes or adds one, the second half's
      // "Satz 3" may mean the Satz counted before or after it. Only a Satz before the first one changed is
      // the same either way ("In § 7 Absatz 1 wird Satz 4 aufgehoben und in Satz 3 …")
      if (satzNumbersShifted(first.operations, second.operations)) continue;
      return { kind: 'operations', operations: [...first.operations, ...second.operations], warnings: [...first.warnings, ...second.warnings] };
    }
  }
  return whole;
}

/**
 * "wird Nummer 3 aufgehoben" → "Nummer 3 wird aufgehoben": for each run of words after the verb that is
 * an address, longest first ("werden die Absätze 3 und 4 die Absätze 2 und 3": "die Absätze 3 und 4"
 * is the one that reads); a clause that does not start with the verb as it is.
 */
function unitBeforeVerb(clause: string): string[] {
  const m = /^(wird|werden) (.+)$/.exec(clause);
  if (!m) return [clause];
  const words = m[2].split(' ');
  // the unit, or "nach/vor/in" and the unit ("… und wird nach Absatz 3 folgender Absatz 4 eingefügt")
  const from = /^(?:nach|vor|in)$/i.test(words[0]) ? 1 : 0;
  const readings: string[] = [];
  for (let k = words.length - 1; k > from; k--) {
    if (parseAddress(words.slice(from, k).join(' '))) readings.push(`${words.slice(0, k).join(' ')} ${m[1]} ${words.slice(k).join(' ')}`);
  }
  return readings.length ? readings : [clause];
}

/**
 * Does the address of the first half make a later "Satz" one of its list item's? Only for one item named
 * without a Satz above it ("In § 5 Absatz 1 Nummer 1 wird … und Satz 2 wird aufgehoben"); after "In § 12
 * Absatz 1 Satz 1 Nummer 1 und 2 wird …; in Satz 3 wird …" Satz 3 is the Absatz's, as Satz 1 is.
 */
function itemHoldsSaetze(a: Address): boolean {
  const item = lastListItem(a);
  if (item < 0) return false;
  const part = a[item] as { labels?: string[] };
  return (part.labels?.length ?? 0) === 1 && !a.slice(0, item).some((p) => p.kind === 'satz');
}

/**
 * The address the second of two instructions is read in: the unit the first one changed, above the
 * level of the unit the second names ("§ 14 Absatz 2 wird aufgehoben; der bisherige Absatz 3 wird
 * Absatz 2": § 14; "In § 5 wird in Absatz 2 Satz 1 … gestrichen und Satz 2 wird aufgehoben": § 5
 * Absatz 2), or that unit itself when the second names none.
 */
function containerFor(right: string, firstTarget: Address, itemFrames: boolean): Address {
  const word = new RegExp(`(?:^|\\s)(${SUB_UNIT}|${SUB_UNITS})(?=\\s)`).exec(right)?.[1];
  const kind = word ? unitKindOfWord(word) : undefined;
  if (!kind) return firstTarget;
  const kept = inheritAddress(firstTarget, [{ kind, labels: [] }], itemFrames).slice(0, -1);
  // the Nummern of an Absatz are counted in the Absatz, whichever of its Sätze holds the list
  return isListItemKind(kind) ? kept.filter((p) => p.kind !== 'satz') : kept;
}

/**
 * An appended unit of a kind its target already names goes to the list that holds that unit ("… in
 * Nummer 2 Buchstabe b … und folgende Nummer 3 angefügt": the list of Nummern), except a Satz, which a
 * Nummer or Buchstabe after it holds ("In Absatz 1 Satz 2 Nummer 1 … und folgender Satz angefügt": a
 * Satz of Nummer 1). Undefined: no lifting.
 */
function liftedAppendTarget(target: Address, unitKind: string): Address | undefined {
  const at = target.map((p) => p.kind as string).lastIndexOf(unitKind);
  if (at < 0) return undefined;
  if (unitKind === 'satz' && at !== target.length - 1) return undefined;
  return target.slice(0, at);
}

/** Operations that remove or add Sätze (which shifts the numbers of the Sätze after them). */
function changesSaetze(op: Operation): boolean {
  return (
    ((op.action === 'repeal' || op.action === 'delete-unit') && op.target.some((p) => p.kind === 'satz')) ||
    ((op.action === 'insert-units' || op.action === 'append-units' || op.action === 'substitute-units' || op.action === 'rewrite') && op.unitKind === 'satz')
  );
}

/**
 * Would the Sätze the second half names be counted differently before and after the first half? A
 * Satz of the same unit at or after the first Satz the first half removes, adds or sets anew is (an
 * appended Satz shifts none); a Satz of another unit, or before that one, is not.
 */
function satzNumbersShifted(first: Operation[], second: Operation[]): boolean {
  const key = formatAddress;
  const numbers = (p: AddressPart): number[] => ('labels' in p ? p.labels.map(Number) : [Number.NaN]);
  const shifted: Array<{ container: string; from: number }> = [];
  for (const op of first) {
    if (!changesSaetze(op)) continue;
    const at = op.target.map((p) => p.kind).lastIndexOf('satz');
    if (at < 0) {
      if (op.action !== 'append-units') shifted.push({ container: key(op.target), from: 1 });
      continue;
    }
    const labels = numbers(op.target[at]);
    shifted.push({ container: key(op.target.slice(0, at)), from: labels.some(Number.isNaN) ? 1 : Math.min(...labels) });
  }
  if (!shifted.length) return false;
  // every Satz level of the second half's address (a Satz of an Absatz, a Satz inside its Nummer …)
  return second.some((op) =>
    op.target.some((p, at) => p.kind === 'satz' && shifted.some((s) => s.container === key(op.target.slice(0, at)) && numbers(p).some((l) => Number.isNaN(l) || l >= s.from))),
  );
}

function parseOne(sentence: string, quotes: string[], context: Address): InstructionParse {
  const fixed = correctTypos(sentence.replace(/\s+/g, ' ').trim());
  const warnings = fixed.warnings;
  const s = normaliseSentence(fixed.s, warnings);
  let m: RegExpExecArray | null;

  const addr = (phrase: string): Address | undefined => {
    const a = parseAddress(phrase);
    return a ? inheritAddress(context, a) : undefined;
  };
  const ok = (operations: Operation[]): InstructionParse => ({ kind: 'operations', operations: operations.flatMap(onePerParagraph), warnings });
  const bad = (message: string): InstructionParse => ({ kind: 'error', code: 'instruction-unparsed', message });
  /** Angaben appended to the Inhaltsübersicht ("Der Inhaltsübersicht wird folgende Angabe angefügt"): at its end */
  const angabenAtEnd = (target: Address, quote: string, what: string): InstructionParse =>
    target.length === 1 && target[0].kind === 'inhalt' ? ok([{ action: 'insert-units', target, unitKind: 'angabe', labels: [], content: block(quotes, quote) }]) : bad(`new units not understood: "${what}"`);

  // "Absatz 1 wird alleiniger Wortlaut" (after the other Absätze went): its number goes
  if ((m = /^(?:Der )?(?:bisherige )?Absatz (\S+) wird (?:alleiniger|der) Wortlaut$/.exec(s))) return ok([{ action: 'unnumber-absatz', target: context, label: m[1] }]);
  // Der (bisherige) Wortlaut wird Absatz 1 / Dem Wortlaut wird folgender Absatz 2 angefügt
  if (/^Der (?:bisherige )?(?:Wortlaut|Text) wird Absatz 1$/.test(s)) return ok([{ action: 'number-wortlaut', target: context }]);
  if ((m = new RegExp(`^Dem (?:bisherigen )?(?:Wortlaut|Text) (?:wird|werden) (?:folgender|folgende) (Absatz \\S+|Absätze .+?) angefügt:? ${Q}$`).exec(s))) {
    const nu = parseNewUnits(m[1]);
    if (!nu) return bad(`new units not understood: "${m[1]}"`);
    return ok([
      { action: 'number-wortlaut', target: context },
      { action: 'append-units', target: context, unitKind: 'absatz', labels: nu.labels, content: block(quotes, m[2]) },
    ]);
  }
  // "Die Anlagen 1 bis 8 erhalten jeweils die aus dem Anhang zu dieser Verordnung ersichtliche Fassung"
  if (/\berhalten? (?:jeweils )?die aus (?:dem|der) (?:Anhang|Anlage) zu (?:diesem Gesetz|dieser Verordnung)\b.*ersichtliche Fassung/.test(s)) {
    return { kind: 'error', code: 'fassung-aus-anhang', message: 'the new text is printed in an Anhang of the act (forms, tables), not quoted in the instruction: not applied; the official text of the Anlage must be taken from the consolidation' };
  }
  // structure above the §: Gliederung headings are not part of the statute model's units
  if (/\b(?:des|dem|der) (?:Abschnitts|Abschnitt|Kapitels|Kapitel|Unterabschnitts|Unterabschnitt|Teils|Teil|Titels|Titel|Buches|Buch) \d/.test(s) || /^(?:Die |In der )?Überschrift (?:des|von) (?:Abschnitt|Kapitel|Unterabschnitt|Teil|Titel|Buch)/.test(s)) {
    return { kind: 'error', code: 'gliederung-not-supported', message: 'changes to the Gliederung (Buch, Teil, Kapitel, Abschnitt, Titel headings) are not applied by fassung yet' };
  }
  // Die bisherige Nummer 3 wird Nummer 4 und wie folgt geändert: (renumbered, then changed under its new label)
  if ((m = new RegExp(`^(?:(?:Der|Die|Das) (?:bisherige )?)?(${ONE_UNIT}) (\\S+) wird (${ONE_UNIT}) (\\S+) und wie folgt (?:geändert|ergänzt):?$`).exec(s))) {
    const unitKind = unitKindOfWord(m[1])!;
    if (unitKindOfWord(m[3]) !== unitKind) return bad(`a ${m[1]} cannot become a ${m[3]}`);
    return {
      kind: 'context',
      address: inheritAddress(context, [{ kind: unitKind, labels: [m[4]] }]),
      operations: [{ action: 'renumber', target: context, unitKind, from: [m[2]], to: [m[4]] }],
    };
  }
  // X wird wie folgt geändert:
  if ((m = /^(.+?) (?:wird|werden) wie folgt (?:geändert|ergänzt):?$/.exec(s))) {
    const a = addr(m[1]);
    if (!a) return bad(`address not understood: "${m[1]}"`);
    return { kind: 'context', address: a };
  }
  // Die bisherige Nummer 3 wird Nummer 4 und wie folgt gefasst: ⟦n⟧ (renumbered, then set anew under its new label)
  if ((m = new RegExp(`^(?:(?:Der|Die|Das) (?:bisherige )?)?(${ONE_UNIT}) (\\S+) wird (${ONE_UNIT}) (\\S+) und wie folgt gefasst:? ${Q}$`).exec(s))) {
    const unitKind = unitKindOfWord(m[1])!;
    if (unitKindOfWord(m[3]) !== unitKind) return bad(`a ${m[1]} cannot become a ${m[3]}`);
    return ok([
      { action: 'renumber', target: context, unitKind, from: [m[2]], to: [m[4]] },
      { action: 'rewrite', target: inheritAddress(context, [{ kind: unitKind, labels: [m[4]] }]), unitKind, content: block(quotes, m[5]) },
    ]);
  }
  // In X wird/werden Y wie folgt gefasst: ⟦n⟧  |  X wird wie folgt gefasst: ⟦n⟧
  if ((m = new RegExp(`^(?:In (.+?) (?:wird|werden) )?(.+?)(?: (?:wird|werden))? wie folgt gefasst:? ${Q}\\.?$`).exec(s))) {
    const base = m[1] ? addr(m[1]) : context;
    if (!base) return bad(`address not understood: "${m[1]}"`);
    const own = parseAddress(m[2].replace(/ (?:wird|werden)$/, ''));
    if (!own) return bad(`address not understood: "${m[2]}"`);
    const target = inheritAddress(base, own);
    const last = target[target.length - 1];
    const words = last.kind === 'ueberschrift' || last.kind === 'satzteil' || last.kind === 'halbsatz';
    const unitKind = words ? last.kind : last.kind === 'angabe' ? 'angabe' : 'labels' in last ? last.kind : undefined;
    if (!unitKind) return bad(`cannot set anew: "${m[2]}"`);
    return ok([{ action: 'rewrite', target, unitKind: unitKind as UnitKind, content: words ? q(quotes, m[3]) : block(quotes, m[3]) }]);
  }
  // Anlage lists: "Nach dem Abschnitt zu Jordanien ⟦0⟧ wird in der nächsten Zeile das Wort ⟦1⟧ eingefügt"
  if ((m = new RegExp(`^Nach dem Abschnitt zu \\S+ ${Q} (?:wird|werden) in der nächsten Zeile (?:das Wort|die Wörter|die Angabe) ${Q} eingefügt$`).exec(s))) {
    return ok([{ action: 'insert-words', target: context, anchor: q(quotes, m[1]), position: 'after', words: q(quotes, m[2]), each: false, newLine: true }]);
  }
  // In der Inhaltsübersicht wird die Angabe zu § 6 durch die folgenden Angaben ersetzt: ⟦n⟧ (set anew as one or more Angaben)
  if ((m = new RegExp(`^(?:In (.+?) (?:wird|werden) )?(?:[Dd]ie )?(Angaben? zu .+?)(?: (?:wird|werden))? durch (?:folgende[rsn]?|die folgenden) Angaben? ersetzt:? ${Q}$`).exec(s))) {
    const base = m[1] ? addr(m[1]) : context;
    const own = parseAddress(m[2]);
    if (base && own) return ok([{ action: 'rewrite', target: inheritAddress(base, own), unitKind: 'angabe', content: block(quotes, m[3]) }]);
  }
  // X wird durch den folgenden Absatz 14 ersetzt: ⟦n⟧ / Nummer 3 wird durch die folgenden Nummern 3 bis 10 ersetzt
  if ((m = new RegExp(`^(?:In (.+?) (?:wird|werden) )?(.+?) (?:wird|werden) durch (?:folgende[rsn]?) (.+?) ersetzt:? ${Q}$`).exec(s))) {
    const base = m[1] ? addr(m[1]) : context;
    if (!base) return bad(`address not understood: "${m[1]}"`);
    // "Die Angabe nach Nummer 10 wird durch folgende Angabe ersetzt": the Satzteil after a list
    const st = new RegExp(`^Die (?:Angabe|Wörter) (nach|vor) (${LIST_ITEM}) (\\S+)$`).exec(m[2]);
    if (st && /^(?:Angabe|Wörter)$/.test(m[3])) {
      const target = inheritAddress(base, [{ kind: 'satzteil', which: st[1] as 'vor' | 'nach', ref: { kind: unitKindOfWord(st[2])!, label: st[3] } }]);
      return ok([{ action: 'rewrite', target, unitKind: 'satzteil', content: q(quotes, m[4]) }]);
    }
    const own = parseAddress(m[2]);
    if (!own) return bad(`address not understood: "${m[2]}"`);
    const nu = parseNewUnits(m[3]);
    if (!nu || nu.unitKind === 'angabe') return bad(`new units not understood: "${m[3]}"`);
    const target = inheritAddress(base, own);
    return ok([{ action: 'substitute-units', target, unitKind: nu.unitKind, labels: nu.labels, content: block(quotes, m[4]) }]);
  }
  // In § 6 werden die Absätze 2 und 3 durch folgenden Absatz 2 ersetzt: ⟦n⟧ (the verb before the units)
  if ((m = new RegExp(`^In (.+?) (?:wird|werden) (?:die |der |das )?((?:${ANY_UNIT}) [^⟦]+?) durch (?:folgende[rsn]?) (.+?) ersetzt:? ${Q}$`).exec(s))) {
    const base = addr(m[1]);
    if (!base) return bad(`address not understood: "${m[1]}"`);
    const own = parseAddress(m[2]);
    if (!own) return bad(`address not understood: "${m[2]}"`);
    const nu = parseNewUnits(m[3]);
    if (!nu || nu.unitKind === 'angabe') return bad(`new units not understood: "${m[3]}"`);
    return ok([{ action: 'substitute-units', target: inheritAddress(base, own), unitKind: nu.unitKind, labels: nu.labels, content: block(quotes, m[4]) }]);
  }
  /** "die Nummern 2 und 3" → "die Nummern 1 und 2": the unit words and labels, old and new (of one kind) */
  const renumbering = (word: string, oldLabels: string, newWord: string, newLabels: string, target: Address = context) => {
    if (unitKindOfWord(newWord) !== unitKindOfWord(word)) return bad(`${word} cannot become ${newWord}`);
    const from = parseNewUnits(`${word} ${oldLabels}`);
    const to = parseNewUnits(`${word} ${newLabels}`);
    if (!from || !to || from.labels.length !== to.labels.length) return bad('renumbering with lists of different length');
    return ok([{ action: 'renumber', target, unitKind: unitKindOfWord(word)!, from: from.labels, to: to.labels }]);
  };
  // Der bisherige § 2 wird § 4 / Die bisherigen §§ 2 und 3 werden die §§ 3 und 4 / Der bisherige Absatz 3 wird Absatz 4
  if ((m = new RegExp(`^(?:Der|Die|Das) bisherigen? (${ANY_UNIT}) (.+?) (?:wird|werden) (?:die |der |das )?(${ANY_UNIT}) (.+)$`).exec(s))) {
    return renumbering(m[1], m[2], m[3], m[4]);
  }
  // In Absatz 1 Satz 1 wird der zweite Halbsatz durch die Wörter ⟦n⟧ ersetzt / … durch folgenden Halbsatz ersetzt: ⟦n⟧
  if ((m = new RegExp(`^In (.+?) (?:wird|werden) der (erste|zweite|dritte|letzte) Halbsatz durch (?:die Wörter|das Wort) ${Q} ersetzt$`).exec(s)) ||
      (m = new RegExp(`^In (.+?) (?:wird|werden) der (erste|zweite|dritte|letzte) Halbsatz durch folgende[nr]? Halbsatz ersetzt:? ${Q}$`).exec(s))) {
    const base = addr(m[1]);
    const own = parseAddress(`${m[2]} Halbsatz`);
    if (base && own) return ok([{ action: 'rewrite', target: inheritAddress(base, own), unitKind: 'halbsatz', content: q(quotes, m[3]) }]);
  }
  // In § 3 werden Absatz 2 Satz 2 und Absatz 3 aufgehoben (several addresses, each repealed)
  if ((m = /^In (.+?) (?:wird|werden) (?:die |der |das )?([^⟦]+?) aufgehoben$/.exec(s))) {
    const base = addr(m[1]);
    // "In Absatz 1 Satz 2 wird der zweite Halbsatz aufgehoben"
    const own = /Halbsatz$/.test(m[2]) ? parseAddress(m[2]) : undefined;
    if (base && own) return ok([{ action: 'repeal', target: inheritAddress(base, own) }]);
    const list = base && !parseAddress(m[2]) ? addressList(m[2], base) : undefined;
    // from the last to the first: Sätze are counted, so repealing Satz 2 first would make Satz 3 another Satz
    if (list) return ok(list.map((target): Operation => ({ action: 'repeal', target })).reverse());
  }
  // X wird/werden aufgehoben
  if ((m = /^(.+?) (?:wird|werden) aufgehoben$/.exec(s))) {
    const a = addr(m[1]);
    if (!a) return bad(`address not understood: "${m[1]}"`);
    return ok([{ action: 'repeal', target: a }]);
  }
  // Satz 5 wird gestrichen (a whole unit)
  if ((m = /^([^⟦]+?) (?:wird|werden) gestrichen$/.exec(s)) && !/^In /.test(s)) {
    const a = addr(m[1]);
    if (a) return ok([{ action: 'delete-unit', target: a }]);
  }
  // Die Nummern 2 und 3 werden die Nummern 1 und 2 / Die bisherigen Buchstaben vv bis xx werden die Buchstaben xx bis zz
  if ((m = new RegExp(`^Die (?:bisherigen )?(${MANY_UNITS}) (.+?) werden die (${MANY_UNITS}) (.+)$`).exec(s))) {
    return renumbering(m[1], m[2], m[3], m[4]);
  }
  // In § 29 werden die (bisherigen) Absätze 3 und 4 die Absätze 2 und 3
  if ((m = new RegExp(`^In (.+?) werden die (?:bisherigen )?(${SUB_UNITS}) ([0-9a-z]+(?:(?:, | und | bis )[0-9a-z]+)*) die (${SUB_UNITS}) ([0-9a-z]+(?:(?:, | und | bis )[0-9a-z]+)*)$`).exec(s))) {
    const a = addr(m[1]);
    if (!a) return bad(`address not understood: "${m[1]}"`);
    return renumbering(m[2], m[3], m[4], m[5], a);
  }
  // In § 5 Absatz 1 wird die bisherige Nummer 4 (die) Nummer 3 / In Absatz 2 wird Satz 3 Satz 2
  if ((m = new RegExp(`^In (.+?) wird (?:die |der |das )?(?:bisherige )?(${SUB_UNIT}) ([0-9a-z]+) (?:die |der |das )?(${SUB_UNIT}) ([0-9a-z]+)$`).exec(s))) {
    const a = addr(m[1]);
    if (!a) return bad(`address not understood: "${m[1]}"`);
    return renumbering(m[2], m[3], m[4], m[5], a);
  }
  // Nach X wird folgender Y eingefügt/angefügt: ⟦n⟧  (also "In X wird nach Satz 2 folgender Satz eingefügt")
  if ((m = new RegExp(`^(?:In (.+?) (?:wird|werden) nach|Nach) (.+?) (?:wird|werden) (?:folgender|folgende|folgendes|folgenden|die folgenden) (.+?) (?:eingefügt|angefügt):? ${Q}\\.?$`).exec(s)) ||
      (m = new RegExp(`^In (.+?) (?:wird|werden) nach (.+?) (?:folgender|folgende|folgendes|folgenden|die folgenden) (.+?) (?:eingefügt|angefügt):? ${Q}\\.?$`).exec(s))) {
    const base = m[1] ? addr(m[1]) : context;
    if (!base) return bad(`address not understood: "${m[1]}"`);
    const anchorOwn = parseAddress(m[2]);
    if (!anchorOwn) return bad(`anchor not understood: "${m[2]}"`);
    const anchor = inheritAddress(base, anchorOwn);
    const nu = parseNewUnits(m[3], block(quotes, m[4]));
    if (!nu) return bad(`new units not understood: "${m[3]}"`);
    return ok([{ action: 'insert-units', target: anchor, unitKind: nu.unitKind, labels: nu.labels, content: block(quotes, m[4]), ...(nu.gliederung && { gliederung: nu.gliederung }) }]);
  }
  // Vor X wird folgender Y eingefügt: ⟦n⟧  (also "In X wird vor Absatz 2 folgender Absatz 1a eingefügt")
  if ((m = new RegExp(`^(?:In (.+?) (?:wird|werden) vor|Vor) (.+?) (?:wird|werden) (?:folgender|folgende|folgendes|folgenden|die folgenden) (.+?) eingefügt:? ${Q}\\.?$`).exec(s)) ||
      (m = new RegExp(`^In (.+?) (?:wird|werden) vor (.+?) (?:folgender|folgende|folgendes|folgenden|die folgenden) (.+?) eingefügt:? ${Q}\\.?$`).exec(s))) {
    const base = m[1] ? addr(m[1]) : context;
    const anchorOwn = parseAddress(m[2]);
    const nu = parseNewUnits(m[3], block(quotes, m[4]));
    if (base && anchorOwn && nu) return ok([{ action: 'insert-units', target: inheritAddress(base, anchorOwn), unitKind: nu.unitKind, labels: nu.labels, content: block(quotes, m[4]), before: true, ...(nu.gliederung && { gliederung: nu.gliederung }) }]);
  }
  // Dem X wird folgender Y angefügt: ⟦n⟧  (also "Der Inhaltsübersicht wird folgende Angabe angefügt")
  if ((m = new RegExp(`^(?:Dem|Der) (.+?) (?:wird|werden) (?:folgender|folgende|folgendes|folgenden|die folgenden) (.+?) angefügt:? ${Q}\\.?$`).exec(s))) {
    const a = addr(m[1]);
    if (!a) return bad(`address not understood: "${m[1]}"`);
    if (m[2] === 'Halbsatz') return ok([{ action: 'append-words', target: a, words: q(quotes, m[3]) }]);
    const nu = parseNewUnits(m[2]);
    if (nu?.unitKind === 'angabe') return angabenAtEnd(a, m[3], m[2]);
    if (!nu) return bad(`new units not understood: "${m[2]}"`);
    return ok([{ action: 'append-units', target: a, unitKind: nu.unitKind, labels: nu.labels, content: block(quotes, m[3]) }]);
  }
  // Folgende Nummer 8 wird angefügt: ⟦n⟧  (in the Inhaltsübersicht: "Folgende Angabe wird angefügt")
  if ((m = new RegExp(`^(?:Folgender|Folgende|Folgendes|Die folgenden) (.+?) (?:wird|werden) angefügt:? ${Q}\\.?$`).exec(s))) {
    // a part of the Gliederung only to the law as a whole
    const nu = parseNewUnits(m[1], context.length === 0 ? block(quotes, m[2]) : undefined);
    if (nu?.unitKind === 'angabe') return angabenAtEnd(context, m[2], m[1]);
    if (!nu) return bad(`new units not understood: "${m[1]}"`);
    return ok([{ action: 'append-units', target: context, unitKind: nu.unitKind, labels: nu.labels, content: block(quotes, m[2]), ...(nu.gliederung && { gliederung: nu.gliederung }) }]);
  }
  // Der Überschrift werden die Wörter ⟦n⟧ angefügt / Dem Satz 1 werden die Wörter ⟦n⟧ angefügt / Den
  // Nummern 1 und 2 wird jeweils das Wort ⟦n⟧ angefügt (at the end of each) / In Absatz 4 wird den Nummern
  // 1 und 2 jeweils …
  const appended = `(?:jeweils )?(?<punct>ein Komma und |ein Semikolon und )?(?:das Wort|die Wörter|die Angabe) ${Q.replace('(', '(?<quote>')} angefügt$`;
  const words = new RegExp(`^(?:Der|Dem|Den) (?<unit>.+?) (?:wird|werden) ${appended}`).exec(s) ?? new RegExp(`^In (?<base>.+?) (?:wird|werden) (?:der|dem|den) (?<unit>.+?) ${appended}`).exec(s);
  if (words?.groups) {
    const { base: basePhrase, unit, punct, quote } = words.groups;
    const base = basePhrase ? addr(basePhrase) : context;
    const own = parseAddress(unit);
    if (!base || !own) return bad(`address not understood: "${base ? unit : basePhrase}"`);
    return ok([{ action: 'append-words', target: inheritAddress(base, own), words: (punct ? (punct.startsWith('ein Komma') ? ', ' : '; ') : '') + q(quotes, quote) }]);
  }
  // Dem Absatz 1 wird folgender Satz vorangestellt: ⟦n⟧
  if ((m = new RegExp(`^(?:Dem|Der) (.+?) (?:wird|werden) (?:folgender|folgende|folgendes|folgenden|die folgenden) (.+?) vorangestellt:? ${Q}$`).exec(s))) {
    const a = addr(m[1]);
    if (!a) return bad(`address not understood: "${m[1]}"`);
    const nu = parseNewUnits(m[2]);
    if (!nu || nu.unitKind === 'angabe') return bad(`new units not understood: "${m[2]}"`);
    return ok([{ action: 'append-units', target: a, unitKind: nu.unitKind, labels: nu.labels, content: block(quotes, m[3]), atStart: true }]);
  }
  // "Nummer 4 wird Nummer 5" (renumbering without "bisherige"), also after an address: "§ 16 Absatz 3 wird Absatz 4"
  if ((m = new RegExp(`^(?:(.+?) )?(${ONE_UNIT}) (\\S+) wird (${ONE_UNIT}) (\\S+)$`).exec(s)) && m[2] === m[4]) {
    const target = m[1] ? addr(m[1]) : context;
    if (target) return ok([{ action: 'renumber', target, unitKind: unitKindOfWord(m[2])!, from: [m[3]], to: [m[5]] }]);
  }
  // word operations: [In X] wird/werden <clauses>
  if ((m = new RegExp(`^(?:(In .+?|Vor .+?|Nach (?:${LIST_ITEM}) \\S+) )?(?:wird|werden) (.+)$`).exec(s))) {
    // one address, or several ("In § 22 Absatz 1 Satz 1 und Absatz 2 Satz 2 wird jeweils …"): the clauses apply to each
    let targets: Address[] = [context];
    if (m[1]) {
      const one = addr(m[1]);
      const many = one ? [one] : addressList(m[1], context);
      if (!many) return bad(`address not understood: "${m[1]}"`);
      targets = many;
    }
    const clauses = splitClauses(m[2]);
    const ops: Operation[] = [];
    // a verb at the end of a later clause applies to earlier clauses without one
    const verbs = clauses.map((c) => /(ersetzt|gestrichen|eingefügt|angefügt)$/.exec(c)?.[1]);
    for (let i = clauses.length - 1; i >= 0; i--) if (!verbs[i]) verbs[i] = verbs[i + 1];
    for (const target of targets) {
      let each = false;
      // a clause without an address of its own is read in the nearest earlier clause's ("In § 3 wird in
      // Absatz 2 das Wort … ersetzt, der Punkt am Ende … ersetzt und in Absatz 3 …": the Punkt of Absatz 2);
      // a clause's own address is read in the instruction's
      let carried: Address[] = [target];
      for (let i = 0; i < clauses.length; i++) {
        // "…, und das Wort ⟦2⟧ wird gestrichen": a clause with its subject first and its own verb
        let c = clauses[i].replace(/^(?:wird|werden) /, '').replace(new RegExp(`^(${WORDS} ⟦\\d+⟧) (?:wird|werden) `), '$1 ');
        // "nach dem Wort ⟦2⟧ werden die Wörter ⟦3⟧ eingefügt": the verb inside the clause
        c = c.replace(new RegExp(`^((?:jeweils )?(?:nach|vor) ${WORDS} ⟦\\d+⟧) (?:wird|werden) `), '$1 ');
        // "… und in Satz 2 das Wort ⟦2⟧ gestrichen": a clause with its own address (or several), within the instruction's
        let clauseTargets = carried;
        const sub = /^(?:in|im) (.+?) ((?:jeweils )?(?:das|die|der|den|dem|nach|vor|am|ein|eine) .*)$/.exec(c);
        const subAddress = sub ? parseAddress(sub[1]) : undefined;
        const subAddresses = sub && !subAddress ? addressList(sub[1], target) : undefined;
        if (sub && (subAddress || subAddresses)) {
          clauseTargets = carried = subAddress ? [inheritAddress(target, subAddress)] : subAddresses!;
          // an earlier clause's "jeweils" does not reach a clause with an address of its own
          each = false;
          c = sub[2];
        }
        if (/^jeweils /.test(c)) {
          each = true;
          c = c.replace(/^jeweils /, '');
        }
        if (verbs[i] && !c.endsWith(verbs[i]!)) c = `${c} ${verbs[i]}`;
        // "die Wörter ⟦0⟧, ⟦1⟧ und ⟦2⟧ gestrichen": each of them
        const listed = new RegExp(`^(${WORDS}) (⟦\\d+⟧(?:, ⟦\\d+⟧)*(?: und ⟦\\d+⟧)) gestrichen$`).exec(c);
        const single = listed ? listed[2].split(/, | und /).map((qq) => `${listed[1]} ${qq} gestrichen`) : [c];
        for (const clauseTarget of clauseTargets) {
          for (const one of single) {
            const op = parseClause(one, quotes, clauseTarget, each);
            if (!op) return bad(`clause not understood: "${one}"`);
            // "nach Nummer 8 werden die folgenden Nummern 9 bis 11 angefügt" inside a combined instruction
            if ('rebase' in op) {
              const anchorOwn = parseAddress(op.rebase.anchor);
              if (!anchorOwn) return bad(`anchor not understood: "${op.rebase.anchor}"`);
              ops.push({ ...op.rebase.op, target: inheritAddress(clauseTarget, anchorOwn, namesListItem(target)) } as Operation);
              continue;
            }
            const liftedTo = op.action === 'append-units' ? liftedAppendTarget(op.target, op.unitKind) : undefined;
            if (op.action === 'append-units' && liftedTo) {
              // appended to the list of its kind (liftedAppendTarget); once, also when the clause was read for
              // several addresses in that list
              const lifted = { ...op, target: liftedTo };
              const same = (o: Operation) => o.action === 'append-units' && formatAddress(o.target) === formatAddress(lifted.target) && o.content === lifted.content && o.unitKind === lifted.unitKind;
              if (!ops.some(same)) ops.push(lifted);
            } else ops.push(op);
          }
        }
      }
    }
    return ok(ops);
  }
  return bad('no known instruction form');
}

/**
 * Several addresses in one phrase: "§ 22 Absatz 1 Satz 1 und Absatz 2 Satz 2", "Absatz 1 Satz 2, Absatz 3
 * und Absatz 4 Satz 1" (each later one in the address of the one before). Undefined unless every part
 * is an address.
 */
function addressList(phrase: string, context: Address): Address[] | undefined {
  const parts = phrase.replace(/^In /, '').split(/(?:,| und| sowie) (?=(?:in )?(?:dem |den |der )?(?:§\s|(?:Absatz|Absätzen|Satz|Sätzen|Nummer|Buchstabe|Doppelbuchstabe|Dreifachbuchstabe)\b))/);
  if (parts.length < 2) return undefined;
  const out: Address[] = [];
  const framedByItem = namesListItem(context);
  let previous = context;
  for (const part of parts) {
    const own = parseAddress(part);
    if (!own) return undefined;
    // a Satz after "Nummer 1 Satz 1" is another Satz of Nummer 1; after "Nummer 1" alone, a Satz of the Absatz
    const itemAt = lastListItem(previous);
    const satzInItem = framedByItem || (itemAt >= 0 && previous.map((p) => p.kind).lastIndexOf('satz') > itemAt);
    previous = inheritAddress(previous, own, satzInItem);
    out.push(previous);
  }
  return out;
}

/** Split "A und wird B" / "A, B und C" into clauses at conjunctions that start a new clause. */
export function splitClauses(text: string): string[] {
  const starter = '(?:(?:wird|werden) )?(?:jeweils )?(?:nach|vor|das|die|der|den|dem|ein|eine|in|folgender|folgende|folgendes) ';
  // "durch ein Komma und das Wort …", "das Komma und das Wort „und“ am Ende …": one clause
  const parts = text.split(new RegExp(`(?<!\\b(?:ein Komma|ein Semikolon|das Komma|das Semikolon))(?:,| und) (?=${starter})`));
  // a comma before "und" ("…ersetzt, und das Wort …") stays with no clause
  const clauses = parts.map((p) => p.trim().replace(/,$/, '')).filter((p) => p !== '');
  // "in Satz 1 und in Satz 2 jeweils das Wort …": an address alone is no clause, it belongs to the next one
  for (let i = clauses.length - 2; i >= 0; i--) {
    const only = /^(?:in|im) ([^⟦]+)$/.exec(clauses[i]);
    if (only && (parseAddress(only[1]) || addressList(only[1], []))) clauses.splice(i, 2, `${clauses[i]} und ${clauses[i + 1]}`);
  }
  return clauses;
}

/** what quoted words are called ("die Wörter „…“", "die Zahl „3“", "der Klammerzusatz „(…)“"), also as the anchor ("nach der Zahl") */
const WORDS =
  '(?:das Wort|die Wörter|die Angabe|die Angaben|das Zeichen|den Wörtern|dem Wort|der Angabe|den Angaben|die Zahl|der Zahl|die Zahlen|den Zahlen|die Jahreszahl|der Jahreszahl|das Datum|dem Datum|der Betrag|den Betrag|dem Betrag|der Klammerzusatz|den Klammerzusatz|dem Klammerzusatz|die Wortfolge|der Wortfolge|die Zeichenfolge|der Zeichenfolge)';
const PUNCT: Record<string, string> = {
  'ein Komma': ',',
  'ein Semikolon': ';',
  'einen Punkt': '.',
  'ein Doppelpunkt': ':',
  'einen Doppelpunkt': ':',
};

/** a punctuation mark by its name, with or without its article ("Komma", "das Komma") */
const MARK_OF: Record<string, string> = { Komma: ',', Semikolon: ';', Punkt: '.', Doppelpunkt: ':' };
const mark = (name: string): string => MARK_OF[name.replace(/^(?:das|der) /, '')];
/** a mark after quoted words, named in a clause */
const NAMED_MARK = '(das Komma|das Semikolon|der Punkt|der Doppelpunkt)';
/** what takes a mark's place: another mark, or words */
const NEW_MARK = `(?:(ein Komma|ein Semikolon|einen Punkt|einen Doppelpunkt)|${WORDS} ${Q})`;

type ClauseResult = Operation | { rebase: { anchor: string; op: Omit<Operation, 'target'> } };

const ORDINALS: Record<string, number> = { erste: 1, zweite: 2, dritte: 3, vierte: 4, fünfte: 5, sechste: 6, letzte: -1 };
const ORDINAL_WORDS = /\b(das|die|der|dem|den) (erste|zweite|dritte|vierte|fünfte|sechste|letzte)n? (?=(?:Wort|Wörter|Angabe|Angaben|Zahl|Zeichen|Wortfolge|Zeichenfolge) ⟦)/;

/**
 * One clause; "das zweite Wort „und“", "nach der letzten Angabe „…“": the operation concerns that
 * occurrence only, counted through the addressed unit.
 */
function parseClause(c: string, quotes: string[], target: Address, each: boolean): ClauseResult | undefined {
  // "das Wort „A“ an beiden Stellen (an allen Stellen, an der zweiten Stelle) durch … ersetzt": where the
  // words occur; "an beiden Stellen" also says how often (an operation on every occurrence that checks it)
  const at = / an (?:(beiden|allen)|der (erste|zweite|dritte|vierte|fünfte|sechste|letzte)n) Stellen?(?= )/.exec(c);
  if (at && !each) {
    const op = parseClause(c.slice(0, at.index) + c.slice(at.index + at[0].length), quotes, target, !!at[1]);
    if (!op || 'rebase' in op || (op.action !== 'replace' && op.action !== 'delete' && op.action !== 'insert-words')) return undefined;
    if (at[2]) return op.occurrence === undefined ? { ...op, occurrence: ORDINALS[at[2]] } : undefined;
    return at[1] === 'beiden' ? { ...op, occurrences: 2 } : op;
  }
  const ord = ORDINAL_WORDS.exec(c);
  if (!ord) return parseClauseWords(c, quotes, target, each);
  if (each) return undefined; // "jeweils das zweite Wort": not read
  const op = parseClauseWords(c.replace(ORDINAL_WORDS, '$1 '), quotes, target, false);
  if (!op || 'rebase' in op || (op.action !== 'replace' && op.action !== 'delete' && op.action !== 'insert-words')) return undefined;
  return { ...op, occurrence: ORDINALS[ord[2]] };
}

function parseClauseWords(c: string, quotes: string[], target: Address, each: boolean): ClauseResult | undefined {
  let m: RegExpExecArray | null;
  // der Punkt am Ende durch ein Komma ersetzt / durch das Wort ⟦n⟧ ersetzt
  // ("der Punkt durch ein Komma ersetzt" without "am Ende": the unit's only period, as drafters write it for
  // a Nummer; "jeweils das Komma …" means every comma, which is not read)
  // ("… durch ein Komma und das Wort „und“ ersetzt": the mark and the words after it)
  if ((m = new RegExp(`^(?:der|das) (Punkt|Komma|Semikolon)( am Ende)? durch (?:(ein Komma|ein Semikolon|einen Punkt)(?: und ${WORDS} ${Q})?|(?:das Wort|die Wörter|die Angabe) ${Q}) ersetzt$`).exec(c))) {
    if (!m[2] && each) return undefined;
    const punctuation = mark(m[1]);
    const replacement = m[3] ? PUNCT[m[3]] + (m[4] ? ` ${q(quotes, m[4])}` : '') : q(quotes, m[5]);
    return { action: 'replace-end', target, punctuation, replacement, ...(m[2] ? {} : { sole: true }) };
  }
  // das Komma und das Wort „und“ am Ende durch einen Punkt ersetzt (the mark with the words after it, at the end)
  if ((m = new RegExp(`^(?:der|das) (Komma|Semikolon) und ${WORDS} ${Q} am Ende durch (?:(ein Komma|ein Semikolon|einen Punkt)|${WORDS} ${Q}) ersetzt$`).exec(c))) {
    const replacement = m[3] ? PUNCT[m[3]] : q(quotes, m[4]);
    return { action: 'replace-end', target, punctuation: `${mark(m[1])} ${q(quotes, m[2])}`, replacement };
  }
  // A [am Ende] durch B ersetzt
  if ((m = new RegExp(`^${WORDS} ${Q}( am Ende)? durch (?:(ein Komma|ein Semikolon|einen Punkt)|(?:${WORDS} )?${Q}) ersetzt$`).exec(c))) {
    const replacement = m[3] ? PUNCT[m[3]] : q(quotes, m[4]);
    return { action: 'replace', target, find: q(quotes, m[1]), replacement, each, ...(m[2] ? { atEnd: true } : {}) };
  }
  // vor dem Punkt am Ende die Wörter B eingefügt
  if ((m = new RegExp(`^vor dem (Punkt|Komma|Semikolon) am Ende ${WORDS} ${Q} eingefügt$`).exec(c))) {
    const punctuation = mark(m[1]);
    return { action: 'replace-end', target, punctuation, replacement: `${q(quotes, m[2])}${punctuation}` };
  }
  // die Wörter B angefügt (at the end of the unit)
  if ((m = new RegExp(`^(ein Komma und |ein Semikolon und )?${WORDS} ${Q} angefügt$`).exec(c))) {
    const punct = m[1] ? (m[1].startsWith('ein Komma') ? ', ' : '; ') : '';
    return { action: 'append-words', target, words: punct + q(quotes, m[2]) };
  }
  // folgender Halbsatz angefügt: ⟦n⟧ (after "der Punkt am Ende durch ein Semikolon ersetzt")
  if ((m = new RegExp(`^(?:wird |werden )?folgender Halbsatz (?:wird )?angefügt:? ${Q}$`).exec(c))) {
    return { action: 'append-words', target, words: q(quotes, m[1]) };
  }
  // nach dem Wort A das Komma gestrichen / das Komma nach dem Wort A durch ein Semikolon ersetzt
  // the mark after quoted words, struck or replaced: the words with the mark become the words without it
  // or with the new one ("nach dem Wort A das Komma gestrichen", "das Komma nach dem Wort A durch …
  // ersetzt", the anchor first: "nach dem Wort A das Komma durch das Wort B ersetzt")
  const markAfter = (anchorQ: string, named: string, newMark?: string, newWordsQ?: string): Operation => {
    const anchor = q(quotes, anchorQ);
    const replacement = newMark ? anchor + PUNCT[newMark] : newWordsQ ? `${anchor} ${q(quotes, newWordsQ)}` : anchor;
    return { action: 'replace', target, find: anchor + mark(named), replacement, each };
  };
  if ((m = new RegExp(`^nach ${WORDS} ${Q} ${NAMED_MARK} gestrichen$`).exec(c))) return markAfter(m[1], m[2]);
  if ((m = new RegExp(`^${NAMED_MARK} nach ${WORDS} ${Q} durch ${NEW_MARK} ersetzt$`).exec(c))) return markAfter(m[2], m[1], m[3], m[4]);
  if ((m = new RegExp(`^nach ${WORDS} ${Q} ${NAMED_MARK} durch ${NEW_MARK} ersetzt$`).exec(c))) return markAfter(m[1], m[2], m[3], m[4]);
  // nach dem Komma am Ende das Wort „oder“ eingefügt
  if ((m = new RegExp(`^nach dem (Komma|Semikolon) am Ende ${WORDS} ${Q} eingefügt$`).exec(c))) {
    const punctuation = mark(m[1]);
    return { action: 'replace-end', target, punctuation, replacement: `${punctuation} ${q(quotes, m[2])}` };
  }
  // folgender Satz wird angefügt: ⟦n⟧ (a second clause of a combined instruction)
  if ((m = new RegExp(`^(?:wird |werden )?(?:folgender|folgende|folgendes|die folgenden) (.+?) (?:wird |werden )?angefügt:? ${Q}$`).exec(c))) {
    const nu = parseNewUnits(m[1]);
    if (!nu || nu.unitKind === 'angabe') return undefined;
    return { action: 'append-units', target, unitKind: nu.unitKind, labels: nu.labels, content: block(quotes, m[2]) };
  }
  // die Absatzbezeichnung „(1)“ gestrichen
  if ((m = new RegExp(`^die Absatzbezeichnung ${Q} gestrichen$`).exec(c))) {
    const label = /^\((\d+[a-z]*)\)$/.exec(q(quotes, m[1]))?.[1];
    return label ? { action: 'unnumber-absatz', target, label } : undefined;
  }
  // A [am Ende] gestrichen
  if ((m = new RegExp(`^${WORDS} ${Q}( am Ende)? gestrichen$`).exec(c))) {
    return { action: 'delete', target, find: q(quotes, m[1]), each, atEnd: !!m[2] };
  }
  // nach/vor dem Wort A die Wörter B eingefügt / ein Komma eingefügt
  if ((m = new RegExp(`^(nach|vor) ${WORDS} ${Q} (?:(ein Komma|ein Semikolon)(?: und ${WORDS} ${Q})?|${WORDS} ${Q}) eingefügt$`).exec(c))) {
    const words = m[3] ? PUNCT[m[3]] + (m[4] ? ` ${q(quotes, m[4])}` : '') : q(quotes, m[5]);
    return { action: 'insert-words', target, anchor: q(quotes, m[2]), position: m[1] as 'nach' | 'vor' === 'nach' ? 'after' : 'before', words, each };
  }
  // nach Nummer 8 werden die folgenden Nummern 9 bis 11 angefügt: ⟦n⟧
  if ((m = new RegExp(`^nach (.+?) (?:wird|werden )?(?:folgender|folgende|folgendes|folgenden|die folgenden) (.+?) (?:eingefügt|angefügt):? ${Q}(?: (?:eingefügt|angefügt))?$`).exec(c))) {
    const nu = parseNewUnits(m[2]);
    if (!nu) return undefined;
    return { rebase: { anchor: m[1], op: { action: 'insert-units', unitKind: nu.unitKind, labels: nu.labels, content: block(quotes, m[3]) } as Omit<Operation, 'target'> } };
  }
  return undefined;
}
