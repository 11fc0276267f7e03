/**
 * The pending text of an amending act: §§ that an instruction puts in full ("§ 20 wird wie folgt gefasst:
 * „…“", "Nach § 20 werden die folgenden §§ 20a und 20b eingefügt: „…“"), taken from the act as the act
 * parser read it (src/act), with the in-force date of the instruction. Used for dates on which no
 * consolidated or official text exists (AufenthG from 1.6.2024). A quotation the corpus cuts off is kept
 * as far as it goes and marked truncated.
 */
import type { LoadedAct } from '../act/load-act.js';
import { parseQuotedParagraphs } from '../consolidate/parse-quoted.js';
import { findById } from '../model/walk.js';
import { unitText } from '../model/text-of.js';
import { locationOn, findFact } from './catalogue.js';
import type { Law, Paragraph } from '../model/types.js';
import type { FactCatalogue, LastChange } from './types.js';

export interface PendingParagraph {
  /** act id of the manifest */
  act: string;
  artikel: string;
  /** instruction number within the Artikel */
  nummer?: string;
  /** "Artikel 3 Nummer 3" */
  path: string;
  /** law id the Artikel amends */
  law: string;
  /** in-force date of the instruction */
  date: string | null;
  citation: string;
  paragraph: Paragraph;
  /** the quotation ends before its closing mark (the corpus has only part of the act) */
  truncated: boolean;
  file: string;
}

/** All §§ that the acts quote in full (set anew or inserted), with the instruction they belong to. */
export function pendingParagraphs(acts: LoadedAct[]): PendingParagraph[] {
  const out: PendingParagraph[] = [];
  for (const act of acts) {
    for (const ins of act.instructions) {
      if (!ins.law || (ins.status !== 'parsed' && ins.status !== 'incomplete-text')) continue;
      const truncated = ins.status === 'incomplete-text';
      for (const op of ins.operations) {
        const whole = (op.action === 'rewrite' || op.action === 'insert-units') && op.unitKind === 'paragraph' && op.target.length === 1;
        if (!whole) continue;
        const first = op.target[0];
        const labels = op.action === 'insert-units' ? op.labels : 'labels' in first ? first.labels : [];
        const { paragraphs } = parseQuotedParagraphs(op.content, labels);
        paragraphs.forEach((paragraph, i) => {
          out.push({
            act: act.entry.id,
            artikel: ins.artikel,
            nummer: /Nummer (\S+)/.exec(ins.path)?.[1],
            path: ins.path,
            law: ins.law!,
            date: ins.effective,
            citation: act.entry.citation,
            paragraph,
            truncated: truncated && i === paragraphs.length - 1,
            file: ins.source.file,
          });
        });
      }
    }
  }
  return out;
}

export interface ActTextHit {
  text: string;
  source: string;
  change?: LastChange;
}

export type ActTextProvider = (law: string, date: string, factId: string) => ActTextHit | undefined;

/**
 * The pending-text provider for resolveFacts: for a fact and the first day of a version, the words of its unit
 * in an instruction entering into force on exactly that day and putting the unit's § in full. Text of an
 * instruction in force earlier is not offered: later changes may have overtaken it.
 */
export function pendingActText(opts: { acts: LoadedAct[]; catalogue: FactCatalogue }): ActTextProvider {
  const pending = pendingParagraphs(opts.acts);
  return (law, date, factId) => {
    const def = findFact(opts.catalogue, factId);
    const loc = def && locationOn(def, date);
    if (!loc || loc.law !== law) return undefined;
    const paraLabel = loc.nodeId.split('/')[0].replace(/^para-/, '');
    for (const p of pending.filter((x) => x.law === law && x.date === date && x.paragraph.label === paraLabel)) {
      const tree: Law = { lawId: law, title: '', dialect: 'kmein', header: '', body: [p.paragraph] };
      const unit = findById(tree, loc.nodeId);
      if (!unit) continue;
      return {
        text: unitText(unit),
        source: `${p.citation}, ${p.path}, in Kraft ab ${p.date} (${p.file}${p.truncated ? '; Zitat im Korpus unvollständig' : ''})`,
        change: { act: p.act, artikel: p.artikel, path: p.path },
      };
    }
    return undefined;
  };
}
