/**
 * Citations inside the statute text, linked to the provision they name at the same date:
 * "§ 18 Absatz 2 Nummer 3", "§§ 16a bis 16e", "nach Satz 1", "Absatz 2 Nummer 3", "§ 39 des
 * Aufenthaltsgesetzes", "§ 6 der Beschäftigungsverordnung", "§ 26 BeschV". A citation of another law
 * ("§ 10 des Asylgesetzes", "§ 5 SGB II", "Artikel 3 Absatz 1 der Richtlinie") and one that names
 * no unit of the text stays plain text: a wrong link is worse than none.
 */
import type { Absatz, ListItem, Paragraph, Satz } from '../model/types.js';
import { escapeHtml } from './html.js';

/** Where a piece of text stands: its law, its §, its Absatz. */
export interface TextPlace {
  law: string;
  paragraph: Paragraph;
  absatz?: Absatz;
}

export interface CitationTarget {
  law: string;
  /** § label ("18", "16a") */
  paragraph: string;
  absatz?: string;
  satz?: string;
  nummer?: string;
  buchstabe?: string;
}

export interface CitationResolver {
  /** law id for a name as it stands in the text ("Aufenthaltsgesetzes", "BeschV"); undefined: not a law of the site */
  lawByName(name: string): string | undefined;
  /** the § of a law at the date of the page, or undefined */
  paragraph(law: string, label: string): Paragraph | undefined;
  /** href from the current page to a unit (its id) of a law at the date of the page */
  href(law: string, unitId: string): string;
}

const NUM = String.raw`\d+[a-z]?`;
const SUB =
  String.raw`(?:\s+(?:Absatz|Abs\.)\s+(${NUM}))?` +
  String.raw`(?:\s+Satz\s+(\d+))?` +
  String.raw`(?:\s+(?:Nummer|Nr\.)\s+(${NUM}))?` +
  String.raw`(?:\s+(?:Buchstabe|Buchst\.)\s+([a-z]{1,3})\b)?`;
/** what may name the law after a citation */
const LAW_SPEC = String.raw`(?:\s+(?:des|der)\s+([A-ZÄÖÜ][\p{L}-]*)|\s+(dieses Gesetzes|dieser Verordnung)|\s+([A-ZÄÖÜ][\p{L}]*[A-Z][\p{L}]*\b(?:\s+[IVX]+\b)?))?`;

const SINGLE = String.raw`§\s*(${NUM})\b${SUB}${LAW_SPEC}`;
const MULTI = String.raw`§§\s*(${NUM}(?:(?:\s*,\s*|\s+(?:und|bis|oder|sowie)\s+)${NUM})+)\b${LAW_SPEC}`;
const RELATIVE =
  String.raw`\b(?:Absatz\s+(${NUM})(?:\s+Satz\s+(\d+))?(?:\s+Nummer\s+(${NUM}))?(?:\s+Buchstabe\s+([a-z]{1,3})\b)?` +
  String.raw`|Satz\s+(\d+)(?:\s+Nummer\s+(${NUM}))?(?:\s+Buchstabe\s+([a-z]{1,3})\b)?)\b${LAW_SPEC}`;

const PATTERN = new RegExp(`(${SINGLE})|(${MULTI})|(${RELATIVE})`, 'gu');

/** The law a citation names: undefined = the law of the text, null = another law (no link). */
function namedLaw(place: TextPlace, r: CitationResolver, genitive?: string, self?: string, abbr?: string): string | undefined | null {
  if (self) return place.law;
  const name = genitive ?? abbr;
  if (!name) return undefined;
  return r.lawByName(name) ?? null;
}

function itemsOf(sentences: Satz[], kind: string, label: string): ListItem | undefined {
  for (const s of sentences) {
    const hit = s.items?.find((i) => i.kind === kind && i.label === label);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The id of the unit a citation names inside a §, or undefined when a named part does not exist.
 * Sätze are counted in the Absatz (or in the § without Absätze); a Nummer is looked up in the
 * lists of that Absatz or Satz.
 */
export function unitIdIn(p: Paragraph, t: Omit<CitationTarget, 'law' | 'paragraph'>, contextAbsatz?: Absatz): string | undefined {
  let sentences: Satz[];
  let id = p.id;
  if (t.absatz) {
    const a = p.children.find((c): c is Absatz => c.kind === 'absatz' && c.label === t.absatz);
    if (!a) return undefined;
    sentences = a.children;
    id = a.id;
  } else if (contextAbsatz && t.satz) {
    sentences = contextAbsatz.children;
  } else {
    sentences = p.children.filter((c): c is Satz => c.kind === 'satz');
    if (!sentences.length && (t.satz || t.nummer)) {
      // a § with Absätze cited without one: only when it has exactly one Absatz
      const abs = p.children.filter((c): c is Absatz => c.kind === 'absatz');
      if (abs.length !== 1) return undefined;
      sentences = abs[0].children;
    }
  }
  if (t.satz) {
    const s = sentences.find((x) => x.label === t.satz);
    if (!s) return undefined;
    sentences = [s];
    id = s.id;
  }
  if (t.nummer) {
    const item = itemsOf(sentences, 'nummer', t.nummer);
    if (!item) return undefined;
    id = item.id;
    sentences = item.children;
  }
  if (t.buchstabe) {
    const item = itemsOf(sentences, 'buchstabe', t.buchstabe);
    if (!item) return undefined;
    id = item.id;
  }
  return id;
}

function link(html: string, href: string | undefined): string {
  return href ? `<a class="zitat" href="${escapeHtml(href)}">${html}</a>` : html;
}

/** HTML of a text with its citations linked; everything else escaped. */
export function linkCitations(text: string, place: TextPlace, r: CitationResolver): string {
  let out = '';
  let last = 0;
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    const start = m.index;
    const whole = m[0];
    const before = text.slice(Math.max(0, start - 40), start);
    let html: string | undefined;
    if (m[1] !== undefined) {
      // § 18 Absatz 2 Nummer 3 [des …]
      const [, , label, absatz, satz, nummer, buchstabe, gen, self, abbr] = m;
      const law = namedLaw(place, r, gen, self, abbr);
      if (law !== null) {
        const lawId = law ?? place.law;
        const p = r.paragraph(lawId, label);
        const id = p ? unitIdIn(p, { absatz, satz, nummer, buchstabe }) : undefined;
        if (id) html = link(escapeHtml(whole), r.href(lawId, id));
      }
    } else if (m[10] !== undefined) {
      // §§ 16a bis 16e [des …]
      const [list, gen, self, abbr] = m.slice(11, 15);
      const law = namedLaw(place, r, gen, self, abbr);
      if (law !== null) {
        const lawId = law ?? place.law;
        const listAt = whole.indexOf(list);
        let inner = escapeHtml(whole.slice(0, listAt));
        let pos = 0;
        const re = new RegExp(NUM, 'g');
        for (let n = re.exec(list); n; n = re.exec(list)) {
          inner += escapeHtml(list.slice(pos, n.index));
          const p = r.paragraph(lawId, n[0]);
          inner += p ? link(escapeHtml(n[0]), r.href(lawId, p.id)) : escapeHtml(n[0]);
          pos = n.index + n[0].length;
        }
        inner += escapeHtml(list.slice(pos)) + escapeHtml(whole.slice(listAt + list.length));
        html = inner;
      }
    } else if (m[15] !== undefined && !/(?:Artikel|Art\.|§|§§|Anhang|Anlage)\s*[\w.]*\s*$/u.test(before)) {
      // Absatz 2 Nummer 3 / Satz 1 — inside the same § (Satz: the same Absatz)
      const [absatz, satzA, nummerA, bstA, satz, nummerS, bstS, gen, self, abbr] = m.slice(16, 26);
      const law = namedLaw(place, r, gen, self, abbr);
      if (law === undefined || law === place.law) {
        if (!(gen || abbr) || law === place.law) {
          const t = absatz
            ? { absatz, satz: satzA, nummer: nummerA, buchstabe: bstA }
            : { satz, nummer: nummerS, buchstabe: bstS };
          const id = unitIdIn(place.paragraph, t, absatz ? undefined : place.absatz);
          if (id) html = link(escapeHtml(whole), r.href(place.law, id));
        }
      }
    }
    if (html === undefined) continue;
    out += escapeHtml(text.slice(last, start)) + html;
    last = start + whole.length;
  }
  return out + escapeHtml(text.slice(last));
}
