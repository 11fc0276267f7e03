/**
 * Quoted text from an act ("„§ 15d\nKurzzeitige …\n(1) …“") → statute units, with the statute model's
 * own builder, so that the lists inside an inserted text are never read as instructions.
 *
 * The act's lines are PDF lines: a new block starts only at a line that begins with an Absatz label
 * "(2)" or with a list label that continues the numbering ("1." first, then "2." or "2a."), so a
 * wrapped date "16. August 2023" at a line start stays in its sentence.
 */
import { buildContent, buildItems, assignIds, type TextBlock } from '../model/build-units.js';
import { blocksSetApart, matchItemLabel, nextLabels, paragraphHeadingLabel, quotedParagraphLabels, DATE_AT_START, LIST_RANK } from '../model/labels.js';
import { assignAngabeIds } from '../model/parse-statute.js';
import type { Absatz, Angabe, Gliederung, GliederungType, ListItem, ListKind, Paragraph, Satz } from '../model/types.js';
import { GLIEDERUNG_ORDER } from '../model/types.js';


const FIRST: Record<ListKind, string> = { nummer: '1', buchstabe: 'a', doppelbuchstabe: 'aa', dreifachbuchstabe: 'aaa' };
export function quotedBlocks(content: string): TextBlock[] {
  const raw = content.split('\n').map((l) => l.trim());
  const lines: string[] = [];
  /** per line: a blank line stands before it */
  const afterBlank: boolean[] = [];
  for (const [i, l] of raw.entries()) {
    if (l === '') continue;
    lines.push(l);
    afterBlank.push(i > 0 && raw[i - 1] === '');
  }
  // blocks set apart by blank lines (a web copy): a blank line ends a block, also the last list item
  // before the words that close the list ("2. ein Nachweis über die Vollmacht" ⏎⏎ "beizufügen.")
  const blankSeparated = blocksSetApart(lines, afterBlank);
  const blocks: TextBlock[] = [];
  const last: Partial<Record<ListKind, string>> = {};
  lines.forEach((line, i) => {
    // "4. Januar 2023 …", "1. Quartals" at a line start is a wrapped date or ordinal, not Nummer 4: where the
    // line before leaves its sentence open ("… ab dem"); after ":" or "," a list goes on ("1. Quartal eins,")
    const wrapped = DATE_AT_START.test(line) && i > 0 && !/(?:[:,;]|\bund|\boder|\bsowie)$/.test(lines[i - 1]);
    const l = wrapped ? undefined : matchItemLabel(line, true);
    let accept = false;
    if (l) {
      if (l.kind === 'absatz') accept = true;
      else if (i === 0 || blocks.length === 0) accept = true;
      else {
        const prev = last[l.kind];
        accept = l.label === FIRST[l.kind] || (prev !== undefined && nextLabels(prev).includes(l.label));
      }
    }
    if (accept && l) {
      if (l.kind !== 'absatz') {
        last[l.kind] = l.label;
        for (const k of Object.keys(LIST_RANK) as ListKind[]) if (LIST_RANK[k] > LIST_RANK[l.kind]) delete last[k];
      } else {
        for (const k of Object.keys(LIST_RANK) as ListKind[]) delete last[k];
      }
      blocks.push({ text: line, indent: 0, line: i + 1 });
    } else if (blocks.length === 0) {
      blocks.push({ text: line, indent: 0, line: i + 1 });
    } else if ((blankSeparated && afterBlank[i]) || endsListItem(blocks[blocks.length - 1].text, lines[i - 1], line, blocks[blocks.length - 2]?.text)) {
      // words after a list: a new sentence ("Ist der Arbeitgeber tarifgebunden …" after "c) …") or the
      // Satzteil nach the list ("sofern die Tätigkeit …" after "5. … erteilt,"): a block of its own
      blocks.push({ text: line, indent: 0, line: i + 1 });
    } else {
      const b = blocks[blocks.length - 1];
      b.text = joinLine(b.text, line);
    }
  });
  return blocks;
}

/** Full PDF lines of the BGBl run to about 100–110 characters; a shorter one ends its paragraph. */
const SHORT_LINE = 75;

/**
 * Does the list item in `block` end with its last PDF line `prevLine`? Either that line closes a
 * sentence and the next starts a new one, or it is a short line ending in punctuation (the item's
 * paragraph ended there; what follows continues the enclosing sentence), or the item is the last of
 * its list - the item before it (`before`) ends with "und"/"oder" - and its short line is followed by
 * lower-case words: the words that close the list ("c) zum Zweck des Studiums oder ⏎ d) auf Grund der
 * Rechtsstellung … ⏎ war, wenn sich …").
 */
function endsListItem(block: string, prevLine: string, line: string, before?: string): boolean {
  const item = matchItemLabel(block, false);
  if (!item) return false;
  const lastToken = prevLine.split(/\s+/).pop() ?? '';
  const sentenceEnd =
    /[.!?]$/.test(prevLine) && !/^(?:Abs|Nr|S|Art|BGBl|ABl|Buchst|z|B|i|V|m|vgl|bzw)\.$/.test(lastToken) && /^[\p{Lu}§]/u.test(line);
  const shortLine = prevLine.length < SHORT_LINE && /[.,;:]$/.test(prevLine);
  const lastItem =
    before !== undefined &&
    matchItemLabel(before, false)?.kind === item.kind &&
    /(?:^|\s)(?:und|oder|sowie)$/.test(before) &&
    prevLine.length < SHORT_LINE &&
    /[\p{L}\p{N}]$/u.test(prevLine) &&
    /^\p{Ll}/u.test(line);
  return sentenceEnd || shortLine || lastItem;
}

function joinLine(a: string, b: string): string {
  if (/\p{L}-$/u.test(a) && /^\p{Lu}/u.test(b)) return a + b; // "AZR-" + "Gesetzes"
  return `${a} ${b}`;
}

/** "§ 18a\nFachkräfte …\nEiner Fachkraft …" → Paragraph(s). `labels` are the announced §§, in order. */
export function parseQuotedParagraphs(content: string, labels: string[]): { paragraphs: Paragraph[]; error?: string } {
  const lines = content.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const chunks: string[][] = [];
  let expectIdx = 0;
  for (const line of lines) {
    const m = /^§\s*(\d+[a-z]*)(?:\s+(.*))?$/.exec(line);
    const expected = labels.length ? labels[expectIdx] : undefined;
    // "§ 2b Absatz 2 entsprechend." at a line start is a wrapped reference, not the heading of § 2b
    if (m && (chunks.length === 0 || (expected !== undefined && paragraphHeadingLabel(line) === expected))) {
      chunks.push([line]);
      expectIdx++;
      continue;
    }
    if (chunks.length === 0) return { paragraphs: [], error: `quoted text does not start with a § heading: "${line.slice(0, 60)}"` };
    chunks[chunks.length - 1].push(line);
  }
  const paragraphs: Paragraph[] = [];
  for (const chunk of chunks) {
    const m = /^§\s*(\d+[a-z]*)(?:\s+(.*))?$/.exec(chunk[0])!;
    let heading = m[2] ?? '';
    let bodyStart = 1;
    if (!heading && chunk.length > 1 && !matchItemLabel(chunk[1], true)) {
      heading = chunk[1];
      bodyStart = 2;
    }
    const body = chunk.slice(bodyStart).join('\n');
    const weggefallen = /^\(?weggefallen\)?$/.test(heading) && body.trim() === '';
    const p: Paragraph = {
      kind: 'paragraph',
      label: m[1],
      id: '',
      heading,
      weggefallen,
      children: buildContent(quotedBlocks(body)).children,
      footnotes: [],
    };
    assignIds(p);
    paragraphs.push(p);
  }
  if (labels.length && paragraphs.map((p) => p.label).join(',') !== labels.join(',')) {
    return { paragraphs, error: `announced §§ ${labels.join(', ')} but the quoted text holds §§ ${paragraphs.map((p) => p.label).join(', ')}` };
  }
  return { paragraphs };
}

const GLIEDERUNG_LINE = /^(Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel)\s+(\d+[a-z]*|[IVXLC]+[a-z]*)\.?(?:\s*[–-]?\s+(.*))?$/;
const PARAGRAPH_LINE = { test: (line: string) => paragraphHeadingLabel(line) !== undefined };



/**
 * Parts of the Gliederung with their §§ ("„Abschnitt 1a\nZwischenteil\n§ 2a\n…“"): the first announced
 * heading first, then §§. Between §§ a heading counts only where the act announced it (its kind and
 * label) or it is of a lower level, its words are no sentence, and a § follows: a line "Abschnitt 2 gilt
 * entsprechend." inside a § stays its text. The heading's words are on its line or on the next.
 * `labels` are the §§ of the quoted text, in order.
 */
export function parseQuotedGliederung(content: string, labels: string[], announced: { type: GliederungType; labels: string[] }): { nodes: Array<Gliederung | Paragraph>; paragraphs: Paragraph[]; error?: string } {
  const lines = content.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const rank = GLIEDERUNG_ORDER.indexOf(announced.type);
  const nodes: Array<Gliederung | Paragraph> = [];
  const paragraphs: Paragraph[] = [];
  let pending: string[] = [];
  const flush = (): string | undefined => {
    if (!pending.length) return undefined;
    const text = pending.join('\n');
    const own = quotedParagraphLabels(text);
    const r = parseQuotedParagraphs(text, own);
    pending = [];
    if (r.error) return r.error;
    nodes.push(...r.paragraphs);
    paragraphs.push(...r.paragraphs);
    return undefined;
  };
  const heads = (): Gliederung[] => nodes.filter((n): n is Gliederung => n.kind === 'gliederung');
  for (let i = 0; i < lines.length; i++) {
    const m = GLIEDERUNG_LINE.exec(lines[i]);
    const type = m?.[1] as GliederungType | undefined;
    if (m && type) {
      const words = m[3] ?? (lines[i + 1] !== undefined && !PARAGRAPH_LINE.test(lines[i + 1]) && !GLIEDERUNG_LINE.test(lines[i + 1]) ? lines[i + 1] : undefined);
      const after = lines[m[3] !== undefined ? i + 1 : i + 2];
      const first = nodes.length === 0 && pending.length === 0;
      const isAnnounced = type === announced.type && announced.labels.includes(m[2]) && !heads().some((g) => g.type === type && g.label === m[2]);
      const isLower = GLIEDERUNG_ORDER.indexOf(type) > rank;
      const headingLike = words === undefined || !/[.:,;]$/.test(words);
      if ((first && isAnnounced) || (!first && (isAnnounced || isLower) && headingLike && after !== undefined && (PARAGRAPH_LINE.test(after) || GLIEDERUNG_LINE.test(after)))) {
        const error = flush();
        if (error) return { nodes, paragraphs, error };
        nodes.push({ kind: 'gliederung', type, label: m[2], id: `gl-${type.toLowerCase()}-${m[2]}`, heading: words ?? '', depth: 0 });
        if (m[3] === undefined && words !== undefined) i++;
        continue;
      }
    }
    if (nodes.length === 0 && pending.length === 0) {
      return { nodes, paragraphs, error: `the quoted text does not start with the heading of ${announced.type} ${announced.labels[0]}: "${lines[i].slice(0, 60)}"` };
    }
    pending.push(lines[i]);
  }
  const error = flush();
  if (error) return { nodes, paragraphs, error };
  const missing = announced.labels.filter((l) => !heads().some((g) => g.type === announced.type && g.label === l));
  if (missing.length) return { nodes, paragraphs, error: `the quoted text holds no heading of ${announced.type} ${missing.join(', ')}` };
  if (paragraphs.map((p) => p.label).join(',') !== labels.join(',')) {
    return { nodes, paragraphs, error: `the quoted text holds §§ ${paragraphs.map((p) => p.label).join(', ')}, not ${labels.join(', ')}` };
  }
  return { nodes, paragraphs };
}

export function parseQuotedAbsaetze(content: string): Absatz[] | undefined {
  const c = buildContent(quotedBlocks(content)).children;
  if (!c.length || c.some((x) => x.kind !== 'absatz')) return undefined;
  return c as Absatz[];
}

/** One or more Sätze (a list inside belongs to its sentence). */
export function parseQuotedSentences(content: string): Satz[] {
  return buildContent(quotedBlocks(content)).children.filter((c): c is Satz => c.kind === 'satz');
}

export function parseQuotedItems(content: string): { items: ListItem[]; rest: Satz[] } {
  return buildItems(quotedBlocks(content));
}

/** "§ 30a Befreiung …" / "§ 18g Blaue Karte EU\n§ 18h\nKurzfristige …" → Angaben */
export function parseQuotedAngaben(content: string): Angabe[] {
  const lines = content.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const out: Angabe[] = [];
  for (const line of lines) {
    const m = /^(§{1,2}\s*\d+[a-z]*|(?:Kapitel|Abschnitt|Unterabschnitt|Teil) \d+[a-z]*|Anlage(?: [A-Z]?\d*[a-z]?)?)(?:\s+(.*))?$/.exec(line);
    if (m) out.push({ kind: 'angabe', label: m[1], id: '', text: (m[2] ?? '').trim() });
    else if (out.length) out[out.length - 1].text = `${out[out.length - 1].text} ${line}`.trim();
    else out.push({ kind: 'angabe', label: '', id: '', text: line });
  }
  assignAngabeIds(out);
  return out;
}

