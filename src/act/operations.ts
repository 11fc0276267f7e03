/**
 * Typed operations: what one leaf instruction does to the statute tree.
 */
import { formatAddress, type Address } from './address.js';
import type { GliederungType, UnitKind } from '../model/types.js';

/** the parts of the Gliederung an instruction inserts ("folgende Abschnitte 4a und 4b") */
export interface NewGliederung {
  type: GliederungType;
  labels: string[];
}

export type WordKind = 'Wort' | 'Wörter' | 'Angabe' | 'Zeichen';

interface OpBase {
  /** the fully resolved target address (inherited from parent instructions) */
  target: Address;
}

export type Operation =
  | (OpBase & { action: 'rewrite'; unitKind: UnitKind | 'ueberschrift' | 'angabe' | 'satzteil' | 'halbsatz'; content: string })
  /** replace the addressed unit(s) by new units whose labels may differ ("Nummer 3 wird durch die folgenden Nummern 3 bis 10 ersetzt") */
  | (OpBase & { action: 'substitute-units'; unitKind: UnitKind; labels: string[]; content: string })
  | (OpBase & { action: 'repeal' })
  | (OpBase & { action: 'delete-unit' })
  /**
   * `occurrence`: only that occurrence in the unit ("das zweite Wort „und“", "an der ersten Stelle"; -1: the
   * last); `occurrences`: how often the words occur in the unit, as the act says ("an beiden Stellen": 2), checked
   */
  | (OpBase & { action: 'replace'; find: string; replacement: string; each: boolean; atEnd?: boolean; occurrence?: number; occurrences?: number })
  | (OpBase & { action: 'delete'; find: string; each: boolean; atEnd?: boolean; occurrence?: number; occurrences?: number })
  | (OpBase & { action: 'insert-words'; anchor: string; position: 'before' | 'after'; words: string; each: boolean; newLine?: boolean; occurrence?: number; occurrences?: number })
  /** the mark at the end of the unit; `sole`: the act names the mark without "am Ende", so it must be the unit's only one */
  | (OpBase & { action: 'replace-end'; punctuation: string; replacement: string; sole?: boolean })
  /**
   * insert new units after (before: before) the sibling named in the target (the target's last part is the
   * anchor); Angaben with no anchor go to the end of the Inhaltsübersicht. `gliederung`: the act inserts
   * a part of the Gliederung ("folgender Abschnitt 1a"): the quoted text starts with its heading, and its
   * §§ (`labels`, unitKind 'paragraph') follow
   */
  | (OpBase & { action: 'insert-units'; unitKind: UnitKind | 'angabe'; labels: string[]; content: string; before?: boolean; gliederung?: NewGliederung })
  /** append new units at the end of the target container */
  | (OpBase & { action: 'append-units'; unitKind: UnitKind; labels: string[]; content: string; atStart?: boolean; gliederung?: NewGliederung })
  /** "Der bisherige Wortlaut wird Absatz 1": the Sätze of a § without Absätze become its Absatz 1 */
  | (OpBase & { action: 'number-wortlaut' })
  /** "Die Absatzbezeichnung „(1)“ wird gestrichen": the one Absatz left in a § loses its number (its Sätze become the Wortlaut) */
  | (OpBase & { action: 'unnumber-absatz'; label: string })
  | (OpBase & { action: 'append-words'; words: string })
  | (OpBase & { action: 'renumber'; unitKind: UnitKind; from: string[]; to: string[] });

export type Action = Operation['action'];

/** what an act does to several §§ named at once ("Die §§ 6 und 7 werden aufgehoben", "In den §§ 5 und 7 wird jeweils …"), it does to each */
export const EACH_PARAGRAPH = new Set<Action>(['repeal', 'replace', 'delete', 'insert-words', 'replace-end', 'append-words']);

/** "replace § 26 Abs. 2 Satz 3", "insert-units before § 6 Abs. 2": an operation in one line, for listings and notes. */
export function describeOperation(op: Operation): string {
  return `${op.action}${op.action === 'insert-units' && op.before ? ' before' : ''} ${formatAddress(op.target)}`;
}

export const ACTIONS: Action[] = [
  'rewrite',
  'substitute-units',
  'repeal',
  'delete-unit',
  'replace',
  'delete',
  'insert-words',
  'replace-end',
  'insert-units',
  'append-units',
  'append-words',
  'number-wortlaut',
  'unnumber-absatz',
  'renumber',
];
