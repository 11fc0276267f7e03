/**
 * Address phrases of amendment instructions ("§ 31 Absatz 1 Satz 1 Nummer 2 Buchstabe c",
 * "in dem Satzteil vor Nummer 1", "den Absätzen 3 und 4", "die Nummern 9 bis 11", "die Angabe zu § 30")
 * parsed into a structured address, and inherited from parent instructions.
 */
import { expandRange, HUMAN } from '../model/labels.js';
import { LIST_KINDS, type UnitKind } from '../model/types.js';

export type AddressPart =
  /** `spans`: the ranges as written ("§§ 5 bis 7"); `labels` count them out by number, the text may hold more ("§ 5a") */
  | { kind: UnitKind; labels: string[]; isNew?: boolean; spans?: Array<{ from: string; to: string }> }
  /** the words before (vor) or after (nach) a list: before or after the item `ref`, or without `ref` the einleitende or abschließende Satzteil of the one list of the unit */
  | { kind: 'satzteil'; which: 'vor' | 'nach'; ref?: { kind: UnitKind; label: string } }
  | { kind: 'ueberschrift' }
  /** the n-th part of a Satz between semicolons ("Satz 2 zweiter Halbsatz"); -1: the last */
  | { kind: 'halbsatz'; index: number }
  | { kind: 'inhalt' }
  /**
   * the Angabe of the Inhaltsübersicht to a § (Kapitel, Anlage …); several: `more` ("Angaben zu den §§ 5 und
   * 6") or the Angaben from `ref` through `through` in the order of the Inhaltsübersicht ("§§ 18 bis 18c")
   */
  | { kind: 'angabe'; ref: string; more?: string[]; through?: string }
  | { kind: 'anlage'; label: string };

export type Address = AddressPart[];

const LEVEL: Record<string, number> = {
  inhalt: 0,
  angabe: 1,
  anlage: 1,
  paragraph: 1,
  ueberschrift: 2,
  absatz: 2,
  satz: 3,
  nummer: 4,
  buchstabe: 5,
  doppelbuchstabe: 6,
  dreifachbuchstabe: 7,
  satzteil: 8,
  halbsatz: 8,
};

const UNIT_WORDS: Array<[RegExp, UnitKind]> = [
  [/^(?:Paragraphen|§§|§)$/, 'paragraph'],
  [/^(?:Absatz|Absätze|Absätzen|Absatzes)$/, 'absatz'],
  [/^(?:Satz|Sätze|Sätzen|Satzes)$/, 'satz'],
  [/^(?:Nummer|Nummern)$/, 'nummer'],
  [/^(?:Buchstabe|Buchstaben|Buchstabens)$/, 'buchstabe'],
  [/^(?:Doppelbuchstabe|Doppelbuchstaben)$/, 'doppelbuchstabe'],
  [/^(?:Dreifachbuchstabe|Dreifachbuchstaben)$/, 'dreifachbuchstabe'],
];

export function unitKindOfWord(word: string): UnitKind | undefined {
  return UNIT_WORDS.find(([r]) => r.test(word))?.[1];
}

/** a label: "2", "2a", "b", "aa" (not a small word of the sentence: "in Absatz 2 und in Absatz 3") */
const LABEL = String.raw`(?:\d+[a-z]{0,2}|(?!(?:in|im|am|an|zu|und|bis|der|die|das|den|dem|des)\b)[a-z]{1,3})`;
const LABEL_LIST = new RegExp(String.raw`^(${LABEL}(?:(?:\s*,\s*|\s+und\s+|\s+sowie\s+|\s+bis\s+)${LABEL})*)`);

function parseLabelList(s: string): { labels: string[]; spans: Array<{ from: string; to: string }>; rest: string } | undefined {
  const m = LABEL_LIST.exec(s);
  if (!m) return undefined;
  const labels: string[] = [];
  const spans: Array<{ from: string; to: string }> = [];
  const tokens = m[1].split(/\s*,\s*|\s+(und|sowie|bis)\s+/).filter((t) => t !== undefined && t !== '');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 'und' || t === 'sowie') continue;
    if (t === 'bis') {
      const from = labels.pop()!;
      const to = tokens[++i];
      const range = expandRange(from, to);
      if (!range) return undefined;
      labels.push(...range);
      spans.push({ from, to });
      continue;
    }
    labels.push(t);
  }
  return { labels, spans, rest: s.slice(m[0].length) };
}

const FILLER = /^(?:(?:[Ii]n|[Ii]m|von)\s+)?(?:(?:[Dd]en|[Dd]em|[Dd]er|[Dd]es|[Dd]ie|[Dd]as)\s+)?(?:(?:neuen|neue|bisherigen|bisherige)\s+)?/;

/**
 * Parse an address phrase. Returns undefined when the phrase is not an address.
 * Accepts leading "In", articles, "neuen"/"bisherigen", and chains of units.
 */
export function parseAddress(phrase: string): Address | undefined {
  let s = phrase.trim().replace(/\s+/g, ' ').replace(/^In\s+/, '').replace(/^in\s+/, '');
  const parts: Address = [];
  let guard = 0;
  while (s.length && guard++ < 30) {
    s = s.replace(FILLER, '');
    let m: RegExpExecArray | null;
    if ((m = /^Inhaltsübersicht\b\s*/.exec(s))) {
      parts.push({ kind: 'inhalt' });
      s = s.slice(m[0].length);
      continue;
    }
    // "Angaben zu den §§ 5 und 6", "zu den §§ 18 bis 18c", "zu § 5 und § 6"
    if ((m = /^Angaben zu (?:den )?§§?\s*(\d+[a-z]*)((?:(?:\s*,\s*|\s+und\s+)(?:§\s*)?\d+[a-z]*)+|\s+bis\s+(?:§\s*)?(\d+[a-z]*))\s*/.exec(s))) {
      const more = m[3] ? undefined : m[2].split(/\s*,\s*|\s+und\s+/).filter(Boolean).map((l) => `§ ${l.replace(/^§\s*/, '')}`);
      parts.push({ kind: 'inhalt' }, { kind: 'angabe', ref: `§ ${m[1]}`, ...(more ? { more } : { through: `§ ${m[3]}` }) });
      s = s.slice(m[0].length);
      continue;
    }
    // (a part of the Gliederung with the parts above it: "Angabe zu Kapitel 2 Abschnitt 1")
    if ((m = /^Angaben? zu (§§?\s*\d+[a-z]*|(?:(?:Teil|Kapitel|Abschnitt|Unterabschnitt) \d+[a-z]*\s*)+|Anlage(?: [A-Z]?\d*[a-z]?)?)\s*/.exec(s))) {
      parts.push({ kind: 'inhalt' }, { kind: 'angabe', ref: m[1].replace(/\s+/g, ' ').trim() });
      s = s.slice(m[0].length);
      continue;
    }
    if ((m = /^Überschrift\b\s*/.exec(s))) {
      parts.push({ kind: 'ueberschrift' });
      s = s.slice(m[0].length);
      continue;
    }
    if ((m = /^Anlage(?:\s+([A-Z]?\d*[a-z]?)(?=\s|$))?\s*(?:\((?:zu|zur)\b[^)]*\)\s*)?/.exec(s))) {
      parts.push({ kind: 'anlage', label: m[1] ?? '' });
      s = s.slice(m[0].length);
      continue;
    }
    if ((m = /^(erste[rn]?|zweite[rn]?|dritte[rn]?|letzte[rn]?) Halbsatz(?=\s|$)\s*/.exec(s))) {
      const index = { erst: 1, zweit: 2, dritt: 3, letzt: -1 }[m[1].replace(/e[rn]?$/, '')]!;
      parts.push({ kind: 'halbsatz', index });
      s = s.slice(m[0].length);
      continue;
    }
    // "im einleitenden Satzteil", "im abschließenden Satzteil", "im Satzteil vor der Aufzählung"
    if ((m = /^(?:(einleitende[nr]?|abschließende[nr]?) Satzteil|Satzteil (vor|nach) der Aufzählung)(?=\s|$)\s*/.exec(s))) {
      parts.push({ kind: 'satzteil', which: m[1] ? (m[1].startsWith('einleit') ? 'vor' : 'nach') : (m[2] as 'vor' | 'nach') });
      s = s.slice(m[0].length);
      continue;
    }
    if ((m = /^Satzteil (vor|nach) (Nummer|Buchstabe|Doppelbuchstabe|Dreifachbuchstabe) (\S+)\s*/.exec(s))) {
      parts.push({ kind: 'satzteil', which: m[1] as 'vor' | 'nach', ref: { kind: unitKindOfWord(m[2])!, label: m[3] } });
      s = s.slice(m[0].length);
      continue;
    }
    if ((m = /^(Vor|Nach) (Nummer|Buchstabe|Doppelbuchstabe|Dreifachbuchstabe) (\S+)$/.exec(s))) {
      // "Vor Buchstabe a werden die Wörter … gestrichen": the Satzteil before that list item
      parts.push({ kind: 'satzteil', which: m[1] === 'Vor' ? 'vor' : 'nach', ref: { kind: unitKindOfWord(m[2])!, label: m[3] } });
      s = '';
      continue;
    }
    if ((m = /^(§§?|Paragraphen|Absätzen|Absätze|Absatz|Sätzen|Sätze|Satz|Nummern|Nummer|Buchstaben|Buchstabe|Doppelbuchstaben|Doppelbuchstabe|Dreifachbuchstaben|Dreifachbuchstabe)(?=\s|$)\s*/.exec(s))) {
      const kind = unitKindOfWord(m[1])!;
      const rest = s.slice(m[0].length);
      const ll = parseLabelList(rest);
      if (!ll) return undefined;
      parts.push(ll.spans.length && kind !== 'satz' ? { kind, labels: ll.labels, spans: ll.spans } : { kind, labels: ll.labels });
      s = ll.rest.trim();
      continue;
    }
    return undefined;
  }
  // "die Überschrift des § 5" is the Überschrift of § 5: the heading is the last part of its address
  if (parts.length > 1 && parts[0].kind === 'ueberschrift') parts.push(parts.shift()!);
  return parts.length ? parts : undefined;
}

const LIST_ITEM_KINDS = new Set<string>(LIST_KINDS);

/** Is this a kind of list item (Nummer, Buchstabe, Doppel- or Dreifachbuchstabe)? */
export function isListItemKind(kind: string): boolean {
  return LIST_ITEM_KINDS.has(kind);
}

/** The index of the last list item an address names (-1: none). */
export function lastListItem(a: Address): number {
  return a.map((p) => isListItemKind(p.kind)).lastIndexOf(true);
}

/** Does the address name a Nummer, Buchstabe, Doppel- or Dreifachbuchstabe? */
export function namesListItem(a: Address): boolean {
  return lastListItem(a) >= 0;
}

export function partLevel(p: AddressPart): number {
  return LEVEL[p.kind];
}

/**
 * Inherit the address of the parent instruction: "a) In Nummer 7 …" under "§ 39 Satz 1 wird wie folgt
 * geändert:" means § 39 Satz 1 Nummer 7. The child's address replaces the parent's from the level of
 * its first unit on.
 */
export function inheritAddress(context: Address, own: Address, satzInItem = true): Address {
  if (own.length === 0) return [...context];
  const first = own[0];
  if (first.kind === 'paragraph' || first.kind === 'inhalt') return own;
  if (first.kind === 'angabe') return [{ kind: 'inhalt' }, ...own];
  // a Satz within a Nummer or Buchstabe: list items hold Sätze of their own ("§ 10 Absatz 1 Nummer 1 wird
  // wie folgt geändert: a) Satz 2 wird aufgehoben" is Satz 2 of Nummer 1, not of the Absatz). Only where the
  // list item frames the instruction (its address, a parent's): a Nummer a clause names ("in Nummer 2 … und
  // Satz 1 wird …") does not frame the next one (satzInItem false)
  if (first.kind === 'satz' && satzInItem) {
    const item = lastListItem(context);
    if (item >= 0) return [...context.slice(0, item + 1), ...own];
  }
  const level = partLevel(first);
  const kept = context.filter((p) => partLevel(p) < level);
  return [...kept, ...own];
}

const WORD = HUMAN;

export function formatAddress(a: Address): string {
  return a
    .map((p) => {
      switch (p.kind) {
        case 'inhalt':
          return 'Inhaltsübersicht';
        case 'angabe':
          return p.more ? `Angaben zu ${[p.ref, ...p.more].join(', ')}` : p.through ? `Angaben zu ${p.ref} bis ${p.through}` : `Angabe zu ${p.ref}`;
        case 'ueberschrift':
          return 'Überschrift';
        case 'anlage':
          return `Anlage${p.label ? ' ' + p.label : ''}`;
        case 'halbsatz':
          return p.index < 0 ? 'letzter Halbsatz' : `${['', 'erster', 'zweiter', 'dritter'][p.index] ?? `${p.index}.`} Halbsatz`;
        case 'satzteil':
          return p.ref ? `Satzteil ${p.which} ${WORD[p.ref.kind]} ${p.ref.label}` : p.which === 'vor' ? 'einleitender Satzteil' : 'abschließender Satzteil';
        default:
          return `${p.kind === 'paragraph' && p.labels.length > 1 ? '§§' : WORD[p.kind]} ${p.labels.join(', ')}`;
      }
    })
    .join(' ');
}
