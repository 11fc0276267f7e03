/**
 * Load an amending act from the corpus: clean and parse its files, read its Inkrafttreten article,
 * and turn every leaf instruction into an InstructionRecord with its target law, effective date,
 * operations (or diagnostic) and status.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import type { ActEntry, Manifest } from '../corpus/manifest.js';
import { cleanActText, locate } from './clean-text.js';
import { parseActFragment, type ArtikelNode, type InstructionNode } from './parse-act.js';
import { parseInstruction } from './parse-instruction.js';
import { readInkrafttreten, effectiveDate, type InkrafttretenRule } from './inkrafttreten.js';
import type { Address } from './address.js';
import type { Operation } from './operations.js';

export type InstructionStatus = 'parsed' | 'failed' | 'not-in-corpus' | 'incomplete-text';

export interface InstructionRecord {
  act: string;
  artikel: string;
  /** "Artikel 4 Nummer 4 Buchstabe e Doppelbuchstabe aa" */
  path: string;
  law: string | null;
  lawName: string;
  effective: string | null;
  effectiveSource: string;
  status: InstructionStatus;
  /** for 'parsed' the operations to apply; for 'incomplete-text' those the cut-off text shows (not applied) */
  operations: Operation[];
  diagnostics: Diagnostic[];
  source: SourceLocation;
  wording: string;
  /** order within the act */
  seq: number;
}

export interface LoadedAct {
  entry: ActEntry;
  title?: string;
  date?: string;
  artikel: ArtikelNode[];
  instructions: InstructionRecord[];
  inkrafttreten: InkrafttretenRule[];
  diagnostics: Diagnostic[];
  /** Artikel the text lacks, with what we know about them */
  missingArtikel: Array<{ artikel: string; law: string | null; effective: string | null }>;
  /** cleaned text per file, for display */
  texts: Array<{ file: string; text: string }>;
}

export function loadAct(
  entry: ActEntry,
  manifest: Manifest,
  readFile: (rel: string) => string,
  vocabulary?: Set<string>,
): LoadedAct {
  const diagnostics: Diagnostic[] = [];
  const artikel: ArtikelNode[] = [];
  const texts: Array<{ file: string; text: string }> = [];
  let title: string | undefined;
  let date: string | undefined;
  for (const file of entry.files) {
    const raw = readFile(file);
    if (raw.trim() === '') {
      diagnostics.push({ severity: 'error', code: 'empty-file', message: `act file is empty: ${file}`, location: { file, line: 1, column: 1 }, act: entry.id });
      continue;
    }
    const clean = cleanActText(file, raw, vocabulary);
    texts.push({ file, text: clean.text });
    const frag = parseActFragment(clean);
    for (const d of frag.diagnostics) diagnostics.push({ ...d, act: entry.id });
    title ??= frag.title;
    date ??= frag.date;
    artikel.push(...frag.artikel);
  }
  if (artikel.length === 0) {
    diagnostics.push({
      severity: 'error',
      code: 'no-artikel',
      message: `no "Artikel N" found in the text of ${entry.id}`,
      location: { file: entry.files[0] ?? entry.id, line: 1, column: 1 },
      act: entry.id,
    });
  }
  // Inkrafttreten: from the act's own article, else from the manifest
  const inkArtikel = artikel.find((a) => /Inkrafttreten/.test(a.heading));
  let rules: InkrafttretenRule[] = [];
  if (inkArtikel) {
    rules = readInkrafttreten(inkArtikel, entry, diagnostics);
  } else if (entry.inkrafttreten) {
    rules = entry.inkrafttreten.map((e) => ({
      artikel: e.artikel,
      nummern: null,
      kind: 'fixed' as const,
      date: e.date,
      source: `manifest: ${e.source}`,
    }));
    diagnostics.push({
      severity: 'info',
      code: 'inkrafttreten-from-manifest',
      message: `the text of ${entry.citation} lacks its Inkrafttreten article; in-force dates come from the manifest (${rules.map((r) => `Artikel ${r.artikel}: ${r.date}`).join(', ')})`,
      act: entry.id,
      location: { file: entry.files[0], line: 1, column: 1 },
    });
  } else {
    diagnostics.push({ severity: 'error', code: 'inkrafttreten-missing', message: `no Inkrafttreten article and no dates in the manifest for ${entry.id}`, act: entry.id });
  }
  // the amended law of each Artikel
  const lawOf = new Map<string, { law: string | null; name: string }>();
  for (const a of artikel) {
    if (a === inkArtikel) continue;
    const law = manifest.laws.find((l) => l.names.includes(a.lawName));
    lawOf.set(a.number, { law: law ? law.id : null, name: a.lawName });
  }
  // Artikel named by a later Artikel's "zuletzt durch Artikel N dieses Gesetzes" amend the same law
  const missingArtikel: LoadedAct['missingArtikel'] = [];
  for (const a of artikel) {
    if (a.lastChangedBy?.sameAct && a.lastChangedBy.artikel && !artikel.some((x) => x.number === a.lastChangedBy!.artikel)) {
      const law = lawOf.get(a.number)?.law ?? null;
      missingArtikel.push({ artikel: a.lastChangedBy.artikel, law, effective: effectiveDate(rules, a.lastChangedBy.artikel, null, entry).date });
    }
  }
  const instructions: InstructionRecord[] = [];
  let seq = 0;
  for (const a of artikel) {
    if (a === inkArtikel) continue;
    const target = lawOf.get(a.number)!;
    const walk = (n: InstructionNode, context: Address) => {
      const path = `Artikel ${a.number}${n.path ? ' ' + n.path : ''}`;
      const loc = locate(a.clean, n.start);
      const eff = effectiveDate(rules, a.number, n.labels[0] ?? null, entry);
      const base = {
        act: entry.id,
        artikel: a.number,
        path,
        law: target.law,
        lawName: target.name,
        effective: eff.date,
        effectiveSource: eff.source,
        source: loc,
        wording: (n.path ? n.labels[n.labels.length - 1] + (/^\d/.test(n.labels[n.labels.length - 1]) ? '. ' : ') ') : '') + n.text.replace(/\s+/g, ' '),
      };
      if (!target.law) {
        if (n.children.length) {
          for (const c of n.children) walk(c, context);
          return;
        }
        instructions.push({
          ...base,
          seq: seq++,
          status: 'not-in-corpus',
          operations: [],
          diagnostics: [
            {
              severity: 'info',
              code: 'target-not-in-corpus',
              message: `Artikel ${a.number} amends ${a.lawName ? `"${a.lawName}"` : 'a law'} which is not in the corpus`,
              location: loc,
              act: entry.id,
              path,
            },
          ],
        });
        return;
      }
      const r = parseInstruction(n.sentence, n.quotes.map((q) => q.text), context);
      if (r.kind === 'context') {
        if (n.children.length === 0) {
          instructions.push({
            ...base,
            seq: seq++,
            status: n.truncated ? 'incomplete-text' : 'failed',
            operations: [],
            diagnostics: [{ severity: 'error', code: 'instruction-without-children', message: 'an instruction announces changes ("wird wie folgt geändert:") but none follow in the text', location: loc, act: entry.id, path }],
          });
        }
        for (const c of n.children) walk(c, r.address);
        return;
      }
      if (n.truncated) {
        // in an act whose text the manifest declares incomplete, a cut-off quote is expected; in a
        // complete act it is an error of the text
        const expected = entry.missing !== null;
        instructions.push({
          ...base,
          seq: seq++,
          status: expected ? 'incomplete-text' : 'failed',
          // what the instruction would do, as far as the text goes: listed, never applied
          operations: expected && r.kind === 'operations' ? r.operations : [],
          diagnostics: [
            {
              severity: expected ? 'warning' : 'error',
              code: expected ? 'incomplete-text' : 'unclosed-quote',
              message: expected
                ? `the quoted text of this instruction is cut off by the end of the available act text (${a.clean.file}); not applied`
                : `a quote („) of this instruction never closes (no matching “ before the next Artikel or the end of ${a.clean.file}); not applied`,
              location: loc,
              act: entry.id,
              path,
            },
          ],
        });
        return;
      }
      if (r.kind === 'error') {
        instructions.push({
          ...base,
          seq: seq++,
          status: 'failed',
          operations: [],
          diagnostics: [{ severity: 'error', code: r.code, message: r.message, location: loc, act: entry.id, path, notes: [`instruction: ${n.sentence}`] }],
        });
        return;
      }
      instructions.push({
        ...base,
        seq: seq++,
        status: 'parsed',
        operations: r.operations,
        diagnostics: r.warnings.map((w) => ({ severity: 'warning' as const, code: 'typo-corrected', message: w, location: loc, act: entry.id, path })),
      });
    };
    for (const n of a.instructions) walk(n, []);
  }
  return { entry, title, date, artikel, instructions, inkrafttreten: rules, diagnostics, missingArtikel, texts };
}
