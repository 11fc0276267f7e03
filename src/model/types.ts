/**
 * The statute model: a law (Gesetz or Verordnung) as a tree of units.
 *
 * Outside in: Gliederung markers and §§ (and Anlagen) form the flat body of the law; a § holds either
 * Absätze or, when it has none, Sätze directly; an Absatz holds Sätze; a Satz is either plain text or
 * introduces a list (Nummern, Buchstaben, Doppel- and Dreifachbuchstaben) with the words before it
 * (Satzteil vor Nummer 1) and possibly words after it (Satzteil nach …). List items hold Sätze again.
 */

export type UnitKind =
  | 'paragraph'
  | 'absatz'
  | 'satz'
  | 'nummer'
  | 'buchstabe'
  | 'doppelbuchstabe'
  | 'dreifachbuchstabe';

/** The list kinds, in nesting order. */
export const LIST_KINDS = ['nummer', 'buchstabe', 'doppelbuchstabe', 'dreifachbuchstabe'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface SourceSpan {
  /** 1-based line of the first source line of the unit. */
  line: number;
}

/** A Satz. Either `text` (no list) or `vor` + `items` (+ `nach`). */
export interface Satz {
  kind: 'satz';
  /** Positional number, "1", "2", … */
  label: string;
  id: string;
  text?: string;
  vor?: string;
  items?: ListItem[];
  nach?: string;
  /** Opaque blocks (tables, HTML) that belong to this sentence, kept verbatim. */
  opaque?: boolean;
  /** The sentence starts a new block (paragraph) of the source, e.g. a "– …" line. Layout only. */
  newBlock?: boolean;
}

export interface ListItem {
  kind: ListKind;
  /** "2", "2a", "c", "aa", "aaa" (without the "." or ")"). */
  label: string;
  id: string;
  children: Satz[];
}

export interface Absatz {
  kind: 'absatz';
  /** "1", "4f" */
  label: string;
  id: string;
  children: Satz[];
}

export interface Paragraph {
  kind: 'paragraph';
  /** "26", "18g" */
  label: string;
  id: string;
  /** Überschrift, without the number; "" when none. */
  heading: string;
  /** "(weggefallen)" §§ keep their number with no content. */
  weggefallen: boolean;
  /** Absätze, or Sätze when the § has no Absätze. */
  children: Array<Absatz | Satz>;
  /** juris editorial footnotes, kept apart from the norm text. */
  footnotes: string[];
  source?: SourceSpan;
}

export type GliederungType = 'Buch' | 'Teil' | 'Kapitel' | 'Abschnitt' | 'Unterabschnitt' | 'Titel';
/** the kinds of Gliederung from the outermost to the innermost */
export const GLIEDERUNG_ORDER: readonly GliederungType[] = ['Buch', 'Teil', 'Kapitel', 'Abschnitt', 'Unterabschnitt', 'Titel'];

export interface Gliederung {
  kind: 'gliederung';
  type: GliederungType;
  label: string;
  id: string;
  heading: string;
  /** Nesting depth derived from the type order within this law (0 = outermost). */
  depth: number;
  source?: SourceSpan;
}

/** An Anlage, kept as an opaque block of Markdown. */
export interface Anlage {
  kind: 'anlage';
  label: string;
  id: string;
  heading: string;
  /** Raw Markdown body lines, verbatim. */
  body: string;
  source?: SourceSpan;
}

/** What an opaque block is, when it is a part of the law of its own (not words under a Gliederung). */
export type OpaqueRole = 'eingangsformel' | 'schlussformel' | 'paragraph-range' | 'anhang';

/** A heading or block that the model does not interpret (kept verbatim for round trip). */
export interface OpaqueBlock {
  kind: 'opaque';
  id: string;
  /** Set for the Eingangsformel, Schlussformel, "§§ 7 bis 7a – (weggefallen)" and an Anhang: body holds the heading too. */
  role?: OpaqueRole;
  body: string;
  source?: SourceSpan;
}

export type BodyNode = Gliederung | Paragraph | Anlage | OpaqueBlock;

/** One entry ("Angabe") of the Inhaltsübersicht: "§ 30a" + title, or "Kapitel 2" + title. */
export interface Angabe {
  kind: 'angabe';
  /** "§ 30a", "Kapitel 2", "Anlage" … as written. */
  label: string;
  id: string;
  text: string;
  /** in an Inhaltsübersicht laid out as an HTML table: the cells of the Angabe's rows as written (inhalt-table.ts) */
  rows?: string[];
}

export interface Inhaltsuebersicht {
  kind: 'inhaltsuebersicht';
  id: 'inhalt';
  entries: Angabe[];
  /** laid out as an HTML table (official texts since 2025): its markup before and after the rows */
  table?: { head: string; tail: string };
}

export type Dialect = 'gesetze-tools' | 'kmein';

export interface Law {
  /** Law id from the manifest when known ("beschv"), else "". */
  lawId: string;
  title: string;
  dialect: Dialect;
  /** Front matter / header lines, kept verbatim. */
  header: string;
  inhalt?: Inhaltsuebersicht;
  body: BodyNode[];
}

export type Unit = Paragraph | Absatz | Satz | ListItem;
export type AnyNode = Unit | Gliederung | Anlage | OpaqueBlock | Angabe | Inhaltsuebersicht;
