/**
 * The time machine: for each law, start from the base text, apply the operations that enter into force
 * on each date, in order (in-force date, then the acts' "zuletzt geändert durch" chain, then Artikel
 * number, then instruction order), and keep one version per date.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatAddress, type Address } from '../act/address.js';
import type { Operation } from '../act/operations.js';
import { loadAct, type InstructionRecord, type LoadedAct } from '../act/load-act.js';
import type { Manifest } from '../corpus/manifest.js';
import { readCorpusText } from '../corpus/manifest.js';
import { parseStatute } from '../model/parse-statute.js';
import type { Law } from '../model/types.js';
import { addDays } from '../text/dates.js';
import { applyOperation, ApplyError } from './apply.js';
import type { ChangeRecord, Consolidation, LawVersion, LawVersions } from './types.js';

export interface Corpus {
  manifest: Manifest;
  dir: string;
  acts: LoadedAct[];
  bases: Map<string, Law>;
}

/** Words of the base texts, to tell hyphenation ("Erwerbs-\nmigration") from compounds. */
export function vocabularyOf(texts: string[]): Set<string> {
  const vocab = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().match(/[\p{L}]+(?:-[\p{L}]+)*/gu) ?? []) vocab.add(w);
  return vocab;
}

export function loadCorpus(manifest: Manifest, dir: string): Corpus {
  const bases = new Map<string, Law>();
  const baseTexts: string[] = [];
  for (const l of manifest.laws) {
    const src = readCorpusText(dir, l.base.file);
    baseTexts.push(src);
    bases.set(l.id, parseStatute(src, { lawId: l.id }));
  }
  const vocab = vocabularyOf(baseTexts);
  const acts = manifest.acts.map((a) => loadAct(a, manifest, (rel) => readCorpusText(dir, rel), vocab));
  return { manifest, dir, acts, bases };
}

/** Sort key of an instruction: date, act order, Artikel, position. */
function orderActs(acts: LoadedAct[]): Map<string, number> {
  const order = new Map<string, number>();
  [...acts].sort((a, b) => a.entry.date.localeCompare(b.entry.date)).forEach((a, i) => order.set(a.entry.id, i));
  return order;
}

export function instructionsFor(acts: LoadedAct[], law: string): InstructionRecord[] {
  const order = orderActs(acts);
  return acts
    .flatMap((a) => a.instructions)
    .filter((i) => i.law === law)
    .sort(
      (a, b) =>
        (a.effective ?? '9999').localeCompare(b.effective ?? '9999') ||
        order.get(a.act)! - order.get(b.act)! ||
        Number.parseInt(a.artikel) - Number.parseInt(b.artikel) ||
        a.seq - b.seq,
    );
}


/**
 * The unit a change record names: for an insertion the inserted unit, not the sibling it follows
 * ("Nach § 2 wird § 2a eingefügt" names § 2a); for an appended unit with a label, that unit.
 */
export function namedUnit(op: Operation): Address {
  if (op.action !== 'insert-units' && op.action !== 'append-units') return op.target;
  const t = op.target;
  const last = t[t.length - 1];
  if (op.action === 'append-units') {
    return op.labels.length && op.unitKind !== 'paragraph' ? [...t, { kind: op.unitKind, labels: op.labels }] : t;
  }
  if (!last) return t;
  if (last.kind === 'angabe') {
    const ref = /^\s*(§§?\s*[0-9]+[a-z]*)/.exec(op.content)?.[1];
    return ref ? [...t.slice(0, -1), { kind: 'angabe', ref: ref.replace(/\s+/g, ' ') }] : t;
  }
  if (!('labels' in last) || last.kind !== op.unitKind) return t;
  let labels = op.labels;
  if (!labels.length && op.unitKind === 'satz' && /^\d+$/.test(last.labels[last.labels.length - 1] ?? '')) {
    labels = [String(Number(last.labels[last.labels.length - 1]) + 1)];
  }
  return labels.length ? [...t.slice(0, -1), { kind: last.kind, labels }] : t;
}

/**
 * Apply a list of instructions to a tree, recording one ChangeRecord per operation.
 */
export function applyInstructions(
  tree: Law,
  instructions: InstructionRecord[],
  changes: ChangeRecord[],
  diagnostics: Diagnostic[],
): { tree: Law; indices: number[] } {
  const indices: number[] = [];
  let cur = tree;
  // renumberings run before the insertions that reuse the numbers they free, as the act intends
  // ("Nach § 1 wird folgender § 2 eingefügt. Die bisherigen §§ 2 und 3 werden die §§ 3 und 4.")
  const pulledForward = new Set<Operation>();
  const rowOf = (ins: InstructionRecord, op: Operation): ChangeRecord => ({
    act: ins.act,
    artikel: ins.artikel,
    path: ins.path,
    law: ins.law ?? '',
    effective: ins.effective,
    source: ins.source,
    wording: ins.wording,
    target: formatAddress(namedUnit(op)),
    action: op.action,
    status: 'applied',
  });
  const tryApply = (ins: InstructionRecord, op: Operation, row: ChangeRecord): boolean => {
    try {
      const r = applyOperation(cur, op);
      cur = r.law;
      row.targetId = r.targetId;
      row.paragraphId = r.paragraphId;
      if (r.alsoTouched?.length) row.alsoTouched = r.alsoTouched;
      for (const w of r.warnings ?? []) {
        diagnostics.push({ severity: 'warning', code: 'tidied', message: w, location: ins.source, act: ins.act, path: ins.path, notes: [`operation: ${op.action} ${formatAddress(op.target)}`] });
      }
      return true;
    } catch (e) {
      if (!(e instanceof ApplyError)) throw e;
      row.status = 'failed';
      row.reason = e.message;
      row.code = e.code;
      const para = op.target.find((p) => p.kind === 'paragraph');
      if (para && 'labels' in para) row.paragraphId = `para-${para.labels[0]}`;
      return false;
    }
  };
  const later = (k: number) => instructions.slice(k + 1).flatMap((ins) => (ins.status === 'parsed' ? ins.operations.map((op) => ({ ins, op })) : []));
  instructions.forEach((ins, k) => {
    const base = {
      act: ins.act,
      artikel: ins.artikel,
      path: ins.path,
      law: ins.law ?? '',
      effective: ins.effective,
      source: ins.source,
      wording: ins.wording,
    };
    if (ins.status !== 'parsed') {
      indices.push(changes.length);
      changes.push({ ...base, target: '', action: 'none', status: ins.status === 'incomplete-text' ? 'incomplete-text' : ins.status === 'not-in-corpus' ? 'not-in-corpus' : 'failed', reason: ins.diagnostics[0]?.message });
      return;
    }
    for (const op of ins.operations) {
      if (pulledForward.has(op)) continue;
      const row = rowOf(ins, op);
      let applied = tryApply(ins, op, row);
      if (!applied && (row.code === 'target-exists' || row.code === 'invariant-labels') && (op.action === 'insert-units' || op.action === 'append-units')) {
        const freeing = later(k).find((x) => x.ins.act === ins.act && x.op.action === 'renumber' && x.op.unitKind === op.unitKind && op.labels.some((l) => (x.op as Extract<Operation, { action: 'renumber' }>).from.includes(l)));
        if (freeing) {
          const rrow = rowOf(freeing.ins, freeing.op);
          const saved = cur;
          if (tryApply(freeing.ins, freeing.op, rrow)) {
            const retry = rowOf(ins, op);
            if (tryApply(ins, op, retry)) {
              pulledForward.add(freeing.op);
              indices.push(changes.length);
              changes.push(rrow);
              diagnostics.push({ severity: 'info', code: 'renumbering-first', message: `${freeing.ins.path} (renumbering) applied before ${ins.path}, which reuses the numbers it frees`, location: freeing.ins.source, act: ins.act, path: freeing.ins.path });
              Object.assign(row, retry);
              applied = true;
            } else cur = saved;
          }
        }
      }
      if (!applied) {
        diagnostics.push({
          severity: row.code === 'no-inhaltsuebersicht' ? 'warning' : 'error',
          code: row.code ?? 'apply-failed',
          message: row.reason ?? 'not applied',
          location: ins.source,
          act: ins.act,
          path: ins.path,
          notes: [`operation: ${op.action} ${formatAddress(op.target)}`],
        });
      }
      indices.push(changes.length);
      changes.push(row);
    }
  });
  return { tree: cur, indices };
}

export function consolidate(corpus: Corpus): Consolidation {
  const changes: ChangeRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const a of corpus.acts) {
    diagnostics.push(...a.diagnostics);
    for (const i of a.instructions) diagnostics.push(...i.diagnostics);
  }
  const laws: LawVersions[] = [];
  for (const entry of corpus.manifest.laws) {
    const base = corpus.bases.get(entry.id)!;
    const all = instructionsFor(corpus.acts, entry.id);
    const undated = all.filter((i) => i.effective === null);
    for (const i of undated) {
      diagnostics.push({ severity: 'warning', code: 'effective-date-unknown', message: `in-force date unknown (${i.effectiveSource}); not applied`, location: i.source, act: i.act, path: i.path });
    }
    const missing = corpus.acts.flatMap((a) => a.missingArtikel.filter((m) => m.law === entry.id).map((m) => ({ ...m, act: a })));
    const dates = [...new Set([...all.map((i) => i.effective), ...missing.map((m) => m.effective)].filter((d): d is string => !!d))].sort();
    const versions: LawVersion[] = [
      { law: entry.id, validFrom: entry.base.validFrom, validTo: null, isBase: true, complete: true, missing: [], changes: [], tree: base },
    ];
    let tree = base;
    const missingSoFar: string[] = [];
    for (const date of dates) {
      if (date <= entry.base.validFrom) continue;
      const step = all.filter((i) => i.effective === date);
      const r = applyInstructions(tree, step, changes, diagnostics);
      tree = r.tree;
      for (const m of missing.filter((x) => x.effective === date)) {
        missingSoFar.push(`${m.act.entry.citation} Artikel ${m.artikel} (in Kraft ${m.effective}): Text nicht im Korpus, nicht angewendet`);
      }
      for (const idx of r.indices) {
        const c = changes[idx];
        // an Inhaltsübersicht the base text does not carry is no gap in the norm text
        const noToc = c.code === 'no-inhaltsuebersicht';
        if ((c.status === 'incomplete-text' || c.status === 'failed') && !noToc) {
          missingSoFar.push(`${corpus.acts.find((a) => a.entry.id === c.act)?.entry.citation ?? c.act} ${c.path}${c.target ? ` (${c.target})` : ''}: ${c.status === 'incomplete-text' ? 'Text unvollständig' : 'nicht angewendet'}${c.reason ? ` – ${c.reason}` : ''}`);
        }
      }
      const act = corpus.acts.find((a) => step.some((s) => s.act === a.entry.id) && a.entry.missing);
      if (act && !missingSoFar.some((m) => m.startsWith(`${act.entry.citation}: `))) {
        missingSoFar.push(`${act.entry.citation}: ${act.entry.missing}`);
      }
      const prev = versions[versions.length - 1];
      prev.validTo = addDays(date, -1);
      versions.push({
        law: entry.id,
        validFrom: date,
        validTo: null,
        isBase: false,
        complete: missingSoFar.length === 0,
        missing: [...missingSoFar],
        changes: r.indices,
        tree,
      });
    }
    laws.push({ law: entry.id, title: entry.title, abbreviation: entry.abbreviation, versions });
  }
  return { laws, changes, diagnostics };
}

/** Exactly one step: the instructions for `law` that enter into force on `date`, applied to `tree`. */
export function applyStep(corpus: Corpus, law: string, date: string, tree: Law, opts: { except?: (i: InstructionRecord) => boolean } = {}) {
  const changes: ChangeRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const step = instructionsFor(corpus.acts, law).filter((i) => i.effective === date && !(opts.except?.(i) ?? false));
  const r = applyInstructions(tree, step, changes, diagnostics);
  return { tree: r.tree, changes, diagnostics, instructions: step };
}
