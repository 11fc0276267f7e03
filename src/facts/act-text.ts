/**
 * The pending text of an amending act: §§ that an Artikel puts in full ("§ 20 wird wie folgt gefasst: „…“",
 * "Nach § 20 werden die folgenden §§ 20a und 20b eingefügt: „…“"), read from the act's plain text as units.
 * Used for dates on which no consolidated or official text exists (AufenthG from 1.6.2024).
 *
 * The act text is extracted from a PDF: page furniture lines are dropped, and a line break ends a block
 * (Absatz, Nummer, Buchstabe, Satzteil nach …) only before a label or after a short line ending in
 * punctuation. A quotation the fragment cuts off is kept as far as it goes and marked truncated.
 */
import { assignIds, buildContent, type TextBlock } from '../model/build-units.js';
import { unwrapLines } from '../text/unwrap.js';
import { findById } from '../model/walk.js';
import { unitText } from '../model/text-of.js';
import { readCorpusText, type Manifest } from '../corpus/manifest.js';
import { locationOn, findFact } from './catalogue.js';
import type { Law, Paragraph } from '../model/types.js';
import type { FactCatalogue, LastChange } from './types.js';

export interface PendingParagraph {
  /** act id of the manifest */
  act: string;
  artikel: string;
  /** instruction number within the Artikel, when the extracted text shows it */
  nummer?: string;
  /** law id the Artikel amends */
  law: string;
  paragraph: Paragraph;
  /** the quotation ends before its closing mark (the corpus has only part of the act) */
  truncated: boolean;
  file: string;
}

const PAGE_FURNITURE = [/^Bundesgesetzblatt Jahrgang \d{4} Teil I\b.*$/u, /^Seite \d+ von \d+$/u, /^Bundesgesetzblatt$/u];
const LABEL_START = /^(?:\(\d+[a-z]?\)|\d+[a-z]?\.|[a-z]\)|([a-z])\1\)|([a-z])\2\2\))\s/u;
/** A line shorter than this that ends in punctuation ends its block (full lines run to ~100–110 characters). */
const SHORT_LINE = 75;

function isFurniture(line: string): boolean {
  return PAGE_FURNITURE.some((re) => re.test(line.trim()));
}

/** Which law an Artikel amends: the first manifest name in its opening sentence ("Das Aufenthaltsgesetz, …"). */
function lawOfArtikel(lines: string[], manifest: Manifest): string | undefined {
  const intro = lines.slice(0, 4).join(' ');
  const m = /(?:^|\s)(?:Das|Die)\s+(\p{L}+)/u.exec(intro.slice(intro.search(/(?:^|\s)(?:Das|Die)\s/u)));
  const word = m?.[1];
  if (!word) return undefined;
  return manifest.laws.find((l) => l.names.some((n) => word.startsWith(n)))?.id;
}

/** Cut the lines of a quoted § into text blocks. */
function blocksOf(lines: string[], firstLine: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  let cur: string[] = [];
  let start = firstLine;
  const flush = () => {
    if (cur.length) blocks.push({ text: unwrapLines(cur.join('\n')), indent: 0, line: start });
    cur = [];
  };
  lines.forEach((line, i) => {
    const prev = cur[cur.length - 1];
    const endsBlock = prev !== undefined && prev.length < SHORT_LINE && /[.,;:]$/u.test(prev);
    if (LABEL_START.test(line) || endsBlock) {
      flush();
      start = firstLine + i;
    }
    cur.push(line);
  });
  flush();
  return blocks;
}

function buildParagraph(label: string, heading: string, lines: string[], firstLine: number): Paragraph {
  const p: Paragraph = {
    kind: 'paragraph',
    label,
    id: '',
    heading,
    weggefallen: false,
    children: buildContent(blocksOf(lines, firstLine)).children,
    footnotes: [],
  };
  assignIds(p);
  return p;
}

/** All §§ that the act text quotes in full, with the Artikel (and law) they belong to. */
export function extractPendingParagraphs(text: string, opts: { act: string; file: string; manifest: Manifest }): PendingParagraph[] {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  const lines: Array<{ text: string; no: number }> = [];
  all.forEach((t, i) => {
    const s = t.trim();
    if (s !== '' && !isFurniture(s)) lines.push({ text: s, no: i + 1 });
  });
  const out: PendingParagraph[] = [];
  let artikel = '';
  let law: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].text;
    const art = /^Artikel (\d+[a-z]?)$/u.exec(line);
    if (art) {
      artikel = art[1];
      law = lawOfArtikel(lines.slice(i + 1, i + 5).map((l) => l.text), opts.manifest);
      continue;
    }
    const start = /^„§ (\d+[a-z]*)$/u.exec(line);
    if (!start || !artikel || !law) continue;
    const heading = lines[i + 1]?.text ?? '';
    const instruction = lines[i - 1]?.text ?? '';
    // an Angabe of the Inhaltsübersicht ("Die Angabe zu § 20 wird wie folgt gefasst: „§ 20 …“"), not a § text
    if (/\bAngaben?\b/u.test(instruction) || heading.includes('“') || /^§/u.test(heading)) continue;
    const nummer = instructionNumber(lines.slice(Math.max(0, i - 4), i).map((l) => l.text));
    // collect until the closing quotation mark; "§ 20b" on its own line starts the next inserted §
    let label = start[1];
    let head = heading;
    let body: string[] = [];
    let bodyStart = lines[i + 2]?.no ?? lines[i].no;
    let closed = false;
    let j = i + 2;
    for (; j < lines.length; j++) {
      let t = lines[j].text;
      const next = /^§ (\d+[a-z]*)$/u.exec(t);
      if (next && lines[j + 1]) {
        out.push({ act: opts.act, artikel, nummer, law, paragraph: buildParagraph(label, head, body, bodyStart), truncated: false, file: opts.file });
        label = next[1];
        head = lines[j + 1].text;
        body = [];
        bodyStart = lines[j + 2]?.no ?? lines[j].no;
        j++;
        continue;
      }
      if (/^Artikel \d+[a-z]?$/u.test(t)) break;
      const close = t.indexOf('“');
      if (close >= 0) {
        t = t.slice(0, close).trim();
        if (t) body.push(t);
        closed = true;
        break;
      }
      body.push(t);
    }
    out.push({ act: opts.act, artikel, nummer, law, paragraph: buildParagraph(label, head, body, bodyStart), truncated: !closed, file: opts.file });
    i = j;
  }
  return out;
}

/** The instruction number ("3.") standing shortly before a quotation, if the extracted text shows one. */
function instructionNumber(before: string[]): string | undefined {
  for (let k = before.length - 1; k >= 0; k--) {
    const m = /^(\d+[a-z]?)\.$/u.exec(before[k]) ?? /^(\d+[a-z]?)\. .*\b(?:gefasst|eingefügt|angefügt):$/u.exec(before[k]);
    if (m) return m[1];
  }
  return undefined;
}

export interface ActTextHit {
  text: string;
  source: string;
  change?: LastChange;
}

export type ActTextProvider = (law: string, date: string, factId: string) => ActTextHit | undefined;

/**
 * The pending-text provider for resolveFacts: for a fact and the first day of a version, the words of its unit
 * in an Artikel entering into force on exactly that day and putting the unit's § in full. Text of an Artikel
 * in force earlier is not offered: later changes may have overtaken it. Artikel dates come from the
 * manifest's `inkrafttreten` entries (acts without them are not used: their dates are not known here).
 */
export function pendingActText(opts: { manifest: Manifest; corpusDir: string; catalogue: FactCatalogue; read?: (rel: string) => string }): ActTextProvider {
  const read = opts.read ?? ((rel: string) => readCorpusText(opts.corpusDir, rel));
  const pending: Array<PendingParagraph & { date: string; citation: string }> = [];
  for (const act of opts.manifest.acts) {
    if (!act.inkrafttreten) continue;
    for (const file of act.files) {
      for (const p of extractPendingParagraphs(read(file), { act: act.id, file, manifest: opts.manifest })) {
        const date = act.inkrafttreten.find((e) => e.artikel === p.artikel)?.date;
        if (date) pending.push({ ...p, date, citation: act.citation });
      }
    }
  }
  return (law, date, factId) => {
    const def = findFact(opts.catalogue, factId);
    const loc = def && locationOn(def, date);
    if (!loc || loc.law !== law) return undefined;
    const paraLabel = loc.nodeId.split('/')[0].replace(/^para-/, '');
    const candidates = pending
      .filter((p) => p.law === law && p.date === date && p.paragraph.label === paraLabel);
    for (const p of candidates) {
      const tree: Law = { lawId: law, title: '', dialect: 'kmein', header: '', body: [p.paragraph] };
      const unit = findById(tree, loc.nodeId);
      if (!unit) continue;
      const nummer = p.nummer ? ` Nummer ${p.nummer}` : '';
      return {
        text: unitText(unit),
        source: `${p.citation}, Artikel ${p.artikel}${nummer}, in Kraft ab ${p.date} (${p.file}${p.truncated ? '; Zitat im Korpus unvollständig' : ''})`,
        change: { act: p.act, artikel: p.artikel, path: `Artikel ${p.artikel}${nummer}` },
      };
    }
    return undefined;
  };
}
