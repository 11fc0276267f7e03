/**
 * The words of a unit as one string: what a reader sees, labels included, layout normalised.
 */
import { writtenLabel } from './labels.js';
import { normalizeSpace } from '../text/unwrap.js';
import type { Absatz, Angabe, BodyNode, Inhaltsuebersicht, ListItem, Paragraph, Satz } from './types.js';

export function satzText(s: Satz): string {
  if (s.items === undefined) return s.text ?? '';
  const parts = [s.vor ?? ''];
  for (const item of s.items) parts.push(itemText(item));
  if (s.nach !== undefined) parts.push(s.nach);
  return parts.filter((p) => p !== '').join(' ');
}

export function itemText(item: ListItem): string {
  return `${writtenLabel(item.kind, item.label)} ${sentencesText(item.children)}`.trim();
}

export function sentencesText(sentences: Satz[]): string {
  return sentences.map(satzText).filter((t) => t !== '').join(' ');
}

export function absatzText(a: Absatz): string {
  return `(${a.label}) ${sentencesText(a.children)}`.trim();
}

/** The norm text of a § without its heading and footnotes. */
export function paragraphBodyText(p: Paragraph): string {
  return p.children.map((c) => (c.kind === 'absatz' ? absatzText(c) : satzText(c))).filter((t) => t).join(' ');
}

/** The whole § as normalised words: "§ 26 Heading (1) … (2) …" (footnotes excluded). */
export function paragraphText(p: Paragraph): string {
  return normalizeSpace(`§ ${p.label} ${p.heading} ${paragraphBodyText(p)}`);
}

export function angabeText(a: Angabe): string {
  return normalizeSpace(`${a.label} ${a.text}`);
}

export function inhaltText(i: Inhaltsuebersicht): string {
  return normalizeSpace(i.entries.map(angabeText).join(' '));
}

export function bodyNodeText(n: BodyNode): string {
  switch (n.kind) {
    case 'paragraph':
      return paragraphText(n);
    case 'gliederung':
      return normalizeSpace(`${n.type} ${n.label} ${n.heading}`);
    case 'anlage':
      return normalizeSpace(`Anlage ${n.label} ${n.heading} ${n.body}`);
    case 'opaque':
      return normalizeSpace(n.body);
  }
}

/** Text of any unit (§, Absatz, Satz, list item) normalised. */
export function unitText(u: Paragraph | Absatz | Satz | ListItem): string {
  switch (u.kind) {
    case 'paragraph':
      return paragraphText(u);
    case 'absatz':
      return normalizeSpace(absatzText(u));
    case 'satz':
      return normalizeSpace(satzText(u));
    default:
      return normalizeSpace(itemText(u));
  }
}
