/**
 * The juris footnotes of the official (kmein) texts: who changed a provision, by which Artikel and
 * Nummer, and from when. Forms:
 *   "§ 11 Abs. 1 Satz 1 (Kursivdruck): IdF d. Art. 1 Nr. 4 Buchst. a DBuchst. aa G v. 21.2.2024 I Nr. 54 mWv 27.2.2024 (…)"
 *   "§ 45c Abs. 1 Nr. 4: IdF d. Art. 1 Nr. 8 Buchst. c V v. 27.2.2013 I 351 mWv 5.3.2013 u. d. Art. 3 … mWv 1.11.2023 (…)"
 *   "§ 36 Abs. 4: Eingef. durch Art. 2 Nr. 11 V v. 30.8.2023 I Nr. 233 mWv 1.3.2024; Kursivdruck: …"
 *   "§ 5: Aufgeh. durch Art. 1 Nr. 3 G v. … mWv …"
 *   "§ 71 Abs. 1 Satz 4 idF d. G v. 25.2.2008 I 162: Schleswig-Holstein - Abweichung durch …" (Landesrecht: not an amendment)
 * The in-force date ("mWv", mit Wirkung vom) is the legal date of the change; the date of the official
 * file is only the day the text went online.
 */
import { isoDateOf } from '../text/dates.js';

export type FootnoteKind = 'idf' | 'eingef' | 'aufgeh' | 'abweichung' | 'note';

export interface FootnoteChange {
  /** "1" */
  artikel: string | null;
  /** the rest of the address inside the Artikel: "Nr. 4 Buchst. a DBuchst. aa" ("" when none) */
  within: string;
  /** 'G' Gesetz, 'V' Verordnung */
  actKind: 'G' | 'V';
  /** ISO date of the act (Ausfertigung): "2024-02-21" */
  actDate: string;
  /** "BGBl. 2024 I Nr. 54", "BGBl. 2013 I S. 351" */
  citation: string;
  /** ISO in-force date ("mWv"), null when the footnote gives none */
  inForce: string | null;
}

export interface Footnote {
  kind: FootnoteKind;
  /** the provision the footnote is about, as written: "§ 11 Abs. 1 Satz 1" ("" when not named) */
  target: string;
  /** the § label: "11", "45c" (null when the footnote names none) */
  paragraph: string | null;
  /** the changes named, in order ("… u. d. Art. 3 …" names several) */
  changes: FootnoteChange[];
  /** editorial remark ("Kursivdruck: Müsste richtig …", "sinngemäß konsolidiert") */
  remark: string;
  text: string;
}

const DATE = /(\d{1,2})\.(\d{1,2})\.(\d{4})/;

export function germanDateToIso(s: string): string | null {
  const m = DATE.exec(s);
  return m ? (isoDateOf(m[1], m[2], m[3]) ?? null) : null;
}

/** one "Art. 1 Nr. 4 Buchst. a G v. 21.2.2024 I Nr. 54 mWv 27.2.2024" */
const CHANGE =
  /(?:Art\.\s*(\d+[a-z]?)\s*((?:(?:Nr\.|Buchst\.|DBuchst\.|Abs\.|Satz)\s*\S+\s*)*?))?\s*(G|V)\s+v\.\s*(\d{1,2}\.\d{1,2}\.\d{4})\s+I\s+(Nr\.\s*\d+|S\.\s*\d+|\d+)(?:\s*,\s*\d+)?(?:\s+mWv\s+(\d{1,2}\.\d{1,2}\.\d{4}))?/gu;

function parseChanges(s: string): FootnoteChange[] {
  const out: FootnoteChange[] = [];
  for (const m of s.matchAll(CHANGE)) {
    const actDate = germanDateToIso(m[4]);
    if (!actDate) continue;
    const where = m[5].startsWith('Nr.') ? `Nr. ${m[5].replace(/^Nr\.\s*/, '')}` : `S. ${m[5].replace(/^S\.\s*/, '')}`;
    out.push({
      artikel: m[1] ?? null,
      within: (m[2] ?? '').trim(),
      actKind: m[3] as 'G' | 'V',
      actDate,
      citation: `BGBl. ${actDate.slice(0, 4)} I ${where}`,
      inForce: m[6] ? germanDateToIso(m[6]) : null,
    });
  }
  return out;
}

/** Is this line of an official text a juris footnote (rather than norm text)? */
export function isFootnoteLine(line: string): boolean {
  return /^§\s*\d+[a-z]*\b[^:]{0,80}(?::\s*(?:IdF|Eingef\.|Aufgeh\.|Neugef\.)|\s+idF d\.)/u.test(line.trim()) || /^\(\+\+\+.*\+\+\+\)$/.test(line.trim());
}

export function parseFootnote(text: string): Footnote {
  const t = text.replace(/\s+/g, ' ').trim();
  const head = /^(§\s*(\d+[a-z]*)\b[^:]*?)(?:\s*\((?:Kursivdruck)\))?(?:\s+Kursivdruck)?\s*(?::\s*|\s+(?=idF d\.))/u.exec(t);
  const target = head ? head[1].replace(/\s*\(Kursivdruck\)$/, '').replace(/\s+Kursivdruck$/, '').trim() : '';
  const paragraph = head ? head[2] : null;
  const rest = head ? t.slice(head[0].length) : t;
  let kind: FootnoteKind = 'note';
  if (/^idF d\. .*?:.*Abweichung/u.test(rest) || /Abweichung durch/u.test(rest)) kind = 'abweichung';
  else if (/^IdF d\./u.test(rest)) kind = 'idf';
  else if (/^(?:Eingef|Neugef)\. durch/u.test(rest)) kind = 'eingef';
  else if (/^Aufgeh\. durch/u.test(rest)) kind = 'aufgeh';
  let changesPart = rest;
  let remark = '';
  if (kind !== 'note' && kind !== 'abweichung') {
    // the remark follows the last "mWv <date>" (or the last citation): "(…)" or "; …"
    const lastMwv = [...rest.matchAll(/mWv \d{1,2}\.\d{1,2}\.\d{4}/gu)].pop();
    const cut = lastMwv ? lastMwv.index! + lastMwv[0].length : rest.length;
    changesPart = rest.slice(0, cut);
    remark = rest.slice(cut).replace(/^\s*[;(]\s*/, '').replace(/\)\s*$/, '').trim();
  } else if (kind === 'abweichung') {
    changesPart = '';
    remark = rest;
  } else {
    remark = rest;
  }
  return { kind, target, paragraph, changes: kind === 'note' || kind === 'abweichung' ? [] : parseChanges(changesPart), remark, text: t };
}

/** Every footnote line of an official text, with the § it stands under. */
export function footnotesOfText(text: string): Array<Footnote & { line: number }> {
  const out: Array<Footnote & { line: number }> = [];
  text.split('\n').forEach((line, i) => {
    if (isFootnoteLine(line)) out.push({ ...parseFootnote(line), line: i + 1 });
  });
  return out;
}
