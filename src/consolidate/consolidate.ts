/**
 * The time machine: for each law, start from the base text, apply the operations that enter into force
 * on each date, in order (in-force date, then the acts' "zuletzt geändert durch" chain, then Artikel
 * number, then instruction order), and keep one version per date.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatAddress, type Address } from '../act/address.js';
import { describeOperation, type Operation } from '../act/operations.js';
import { loadAct, type InstructionRecord, type LoadedAct } from '../act/load-act.js';
import type { LawEntry, Manifest } from '../corpus/manifest.js';
import { readCorpusText } from '../corpus/manifest.js';
import { readCorpusBytes, recordInputs, type InputFile } from '../corpus/read-file.js';
import { parseStatute } from '../model/parse-statute.js';
import type { Law } from '../model/types.js';
import { addDays } from '../text/dates.js';
import { vocabularyOf } from '../text/vocabulary.js';
import { applyOperation, ApplyError } from './apply.js';
import type { ChangeRecord, Consolidation, LawConsolidation, LawVersion, LawVersions, Tier, UnitProvenance, UnitSource } from './types.js';
import { TIERS } from './types.js';
import { buildOfficialSeries, snapshotTree, unitLabel, unitTextOf, type ActHint, type OfficialEntry, type OfficialSeries, type OfficialUnitNode, type BlockCache } from '../provenance/official-series.js';
import { cacheRoot } from '../cache/cache-root.js';
import { wordDiff } from './verify.js';

export interface Corpus {
  manifest: Manifest;
  dir: string;
  acts: LoadedAct[];
  bases: BaseTexts;
  /** the official series per law, each built when first asked for (see officialSeriesOfLaw) */
  series: Map<string, OfficialSeries>;
  /** every file read to load the corpus and the official series built so far (for caches of derived results) */
  inputs: InputFile[];
}

/** The base texts, each parsed when first asked for (the chain starts from the official text where there is one). */
export class BaseTexts {
  private readonly parsed = new Map<string, Law>();
  constructor(private readonly sources: Map<string, string>) {}
  get(id: string): Law | undefined {
    let law = this.parsed.get(id);
    const src = this.sources.get(id);
    if (!law && src !== undefined) {
      law = parseStatute(src, { lawId: id });
      this.parsed.set(id, law);
    }
    return law;
  }
}

export function loadCorpus(manifest: Manifest, dir: string): Corpus {
  const { value, inputs } = recordInputs(() => {
    const sources = new Map<string, string>();
    for (const l of manifest.laws) sources.set(l.id, readCorpusText(dir, l.base.file));
    const vocab = vocabularyOf([...sources.values()]);
    const acts = manifest.acts.map((a) => loadAct(a, manifest, (rel) => readCorpusText(dir, rel), vocab));
    return { sources, acts };
  });
  return { manifest, dir, acts: value.acts, bases: new BaseTexts(value.sources), series: new Map(), inputs };
}

/** An act's date for ordering: its date, else its Verkündung (an act without a known date sorts by when it was published). */
function actSortDate(a: LoadedAct): string {
  return a.entry.date ?? a.entry.verkuendung.date ?? a.entry.verkuendung.latest ?? '9999-12-31';
}

/** Sort key of an instruction: date, act order, Artikel, position. */
function orderActs(acts: LoadedAct[]): Map<string, number> {
  const order = new Map<string, number>();
  [...acts].sort((a, b) => actSortDate(a).localeCompare(actSortDate(b))).forEach((a, i) => order.set(a.entry.id, i));
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
 * Apply a list of instructions to a tree, recording one ChangeRecord per operation (one for an
 * instruction that was not parsed: see changeCount). `indices` number the records pushed onto `changes`
 * from `firstIndex` on (the number of `changes[0]`, when it holds a part of a larger table).
 */
export function applyInstructions(
  tree: Law,
  instructions: InstructionRecord[],
  changes: ChangeRecord[],
  diagnostics: Diagnostic[],
  firstIndex = 0,
): { tree: Law; indices: number[] } {
  const indices: number[] = [];
  let cur = tree;
  // renumberings run before the insertions (or replacements by more units) that reuse the numbers they
  // free, as the act intends ("Nach § 1 wird folgender § 2 eingefügt. Die bisherigen §§ 2 und 3 werden
  // die §§ 3 und 4."; "Absatz 2 wird durch die folgenden Absätze 2 und 3 ersetzt. Der bisherige Absatz 3
  // wird Absatz 4.")
  const pulledForward = new Set<Operation>();
  /** what every row of an instruction says about it */
  const recordBase = (ins: InstructionRecord) => ({
    act: ins.act,
    artikel: ins.artikel,
    path: ins.path,
    law: ins.law ?? '',
    effective: ins.effective,
    source: ins.source,
    wording: ins.wording,
  });
  const rowOf = (ins: InstructionRecord, op: Operation): ChangeRecord => ({ ...recordBase(ins), target: formatAddress(namedUnit(op)), action: op.action, status: 'applied' });
  const tryApply = (ins: InstructionRecord, op: Operation, row: ChangeRecord): boolean => {
    try {
      const r = applyOperation(cur, op);
      cur = r.law;
      row.targetId = r.targetId;
      row.paragraphId = r.paragraphId;
      if (r.alsoTouched?.length) row.alsoTouched = r.alsoTouched;
      for (const w of r.warnings ?? []) {
        diagnostics.push({ severity: 'warning', code: 'tidied', message: w, location: ins.source, act: ins.act, path: ins.path, notes: [`operation: ${describeOperation(op)}`] });
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
  // operations of later instructions not yet pulled forward (each is applied and recorded once)
  const later = (k: number) => instructions.slice(k + 1).flatMap((ins) => (ins.status === 'parsed' ? ins.operations.filter((op) => !pulledForward.has(op)).map((op) => ({ ins, op })) : []));
  instructions.forEach((ins, k) => {
    const base = recordBase(ins);
    if (ins.status !== 'parsed') {
      indices.push(firstIndex + changes.length);
      changes.push({ ...base, target: '', action: 'none', status: ins.status === 'incomplete-text' ? 'incomplete-text' : ins.status === 'not-in-corpus' ? 'not-in-corpus' : 'failed', reason: ins.diagnostics[0]?.message });
      return;
    }
    for (const op of ins.operations) {
      if (pulledForward.has(op)) continue;
      const row = rowOf(ins, op);
      let applied = tryApply(ins, op, row);
      if (!applied && (row.code === 'target-exists' || row.code === 'invariant-labels') && (op.action === 'insert-units' || op.action === 'append-units' || op.action === 'substitute-units')) {
        const freeing = later(k).find((x) => x.ins.act === ins.act && x.op.action === 'renumber' && x.op.unitKind === op.unitKind && op.labels.some((l) => (x.op as Extract<Operation, { action: 'renumber' }>).from.includes(l)));
        if (freeing) {
          const rrow = rowOf(freeing.ins, freeing.op);
          const saved = cur;
          if (tryApply(freeing.ins, freeing.op, rrow)) {
            const retry = rowOf(ins, op);
            if (tryApply(ins, op, retry)) {
              pulledForward.add(freeing.op);
              indices.push(firstIndex + changes.length);
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
          notes: [`operation: ${describeOperation(op)}`],
        });
      }
      indices.push(firstIndex + changes.length);
      changes.push(row);
    }
  });
  return { tree: cur, indices };
}

/** The units (§, Anlage) an instruction names: from its operations' targets, else from its wording. */
export function unitsNamedBy(ins: InstructionRecord): string[] {
  const ids = new Set<string>();
  for (const op of ins.operations) {
    // an insertion names the new units; its target is only the anchor ("Nach § 20 werden … eingefügt")
    if (op.action === 'insert-units' && 'unitKind' in op && op.unitKind === 'paragraph' && 'labels' in op) {
      for (const l of op.labels as string[]) ids.add(`para-${l}`);
      continue;
    }
    for (const part of op.target) {
      if (part.kind === 'paragraph' && 'labels' in part) for (const l of part.labels) ids.add(`para-${l}`);
      if (part.kind === 'inhalt') ids.add('inhalt');
    }
  }
  if (ids.size === 0) {
    // the words before the first quote: "2. § 104 Absatz 14 wird durch …", "In der Inhaltsübersicht …"
    // ("Nach § 87c wird folgender § 87d eingefügt": the new unit, not the anchor)
    const head = ins.wording.split(/[„"“]/)[0];
    const inserted = /(?:folgende[rn]?|die folgenden)\s+§§?\s*([\d]+[a-z]?)(?:\s*(?:bis|und)\s*([\d]+[a-z]?))?\s+(?:eingefügt|angefügt)/.exec(head);
    if (inserted) {
      ids.add(`para-${inserted[1]}`);
      if (inserted[2]) ids.add(`para-${inserted[2]}`);
      return [...ids];
    }
    for (const m of head.matchAll(/§\s*(\d+[a-z]?)\b/g)) ids.add(`para-${m[1]}`);
    if (/Inhaltsübersicht/.test(head)) ids.add('inhalt');
  }
  return [...ids];
}

/** The unit a row of the effects table changed (or was meant to change). */
function unitOfChange(c: ChangeRecord): string | undefined {
  if (c.paragraphId) return c.paragraphId;
  if (c.targetId?.startsWith('inhalt') || /^Inhaltsübersicht/.test(c.target)) return 'inhalt';
  const m = /§\s*(\d+[a-z]?)\b/.exec(c.target);
  return m ? `para-${m[1]}` : undefined;
}

type UnitNode = OfficialUnitNode;

function unitsOfTree(tree: Law): Map<string, UnitNode> {
  const m = new Map<string, UnitNode>();
  if (tree.inhalt && tree.inhalt.entries.length) m.set('inhalt', tree.inhalt);
  for (const n of tree.body) if (n.kind === 'paragraph' || n.kind === 'anlage') m.set(n.id, n);
  return m;
}

const textCache = new WeakMap<object, string>();
function textOf(n: UnitNode): string {
  let t = textCache.get(n);
  if (t === undefined) {
    t = unitTextOf(n);
    textCache.set(n, t);
  }
  return t;
}

/** Put `node` (or nothing) in place of unit `id`; a new unit goes after its predecessor in `order`. */
function replaceUnit(tree: Law, id: string, node: UnitNode | null, order: string[]): Law {
  if (id === 'inhalt') {
    return { ...tree, inhalt: node && node.kind === 'inhaltsuebersicht' ? node : undefined };
  }
  const body = [...tree.body];
  const i = body.findIndex((n) => n.id === id);
  if (node === null || node.kind === 'inhaltsuebersicht') {
    if (i >= 0) body.splice(i, 1);
    return { ...tree, body };
  }
  if (i >= 0) {
    body[i] = node;
    return { ...tree, body };
  }
  const k = order.indexOf(id);
  for (let j = k - 1; j >= 0; j--) {
    const at = body.findIndex((n) => n.id === order[j]);
    if (at >= 0) {
      body.splice(at + 1, 0, node);
      return { ...tree, body };
    }
  }
  // no predecessor in the tree: before the first unit that follows in the official order, else at the end
  for (let j = k + 1; j < order.length && k >= 0; j++) {
    const at = body.findIndex((n) => n.id === order[j]);
    if (at >= 0) {
      body.splice(at, 0, node);
      return { ...tree, body };
    }
  }
  body.push(node);
  return { ...tree, body };
}

function countTiers(units: UnitProvenance[]): Record<Tier, number> {
  const r = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  for (const u of units) r[u.tier]++;
  return r;
}

function officialSource(e: OfficialEntry): UnitSource {
  const src: UnitSource = { kind: 'official', file: e.file, inForce: e.from, inForceFrom: e.inForceFrom === 'first-snapshot' ? 'base' : e.inForceFrom };
  if (e.attribution) {
    if (e.attribution.act) src.act = e.attribution.act;
    if (e.attribution.citation) src.citation = e.attribution.citation;
    if (e.attribution.artikel !== undefined) src.artikel = e.attribution.artikel;
    if (e.attribution.within) src.within = e.attribution.within;
    if (e.attribution.footnote) src.footnote = e.attribution.footnote;
  }
  return src;
}

/** The official series of every law of the manifest, with hints from the acts for the in-force dates. */
export function officialSeriesOf(corpus: Corpus): Map<string, OfficialSeries> {
  for (const entry of corpus.manifest.laws) officialSeriesOfLaw(corpus, entry);
  return corpus.series;
}

/**
 * The official series of one law, built when first asked for; the files it read join the corpus's
 * inputs (a cache entry derived from the series depends on them).
 */
export function officialSeriesOfLaw(corpus: Corpus, entry: LawEntry): OfficialSeries {
  const known = corpus.series.get(entry.id);
  if (known) return known;
  const { value, inputs } = recordInputs(() => buildSeries(corpus, entry));
  corpus.inputs.push(...inputs);
  corpus.series.set(entry.id, value);
  return value;
}

/**
 * The parsed blocks of official snapshots, by their bytes, for every consolidation of this process: a
 * process that consolidates again (the tests) parses only blocks it has not seen. A block is found by
 * memcmp of its bytes, so a changed text is never answered from here. FASSUNG_CACHE=off (the bench's
 * cold runs) gives every series a fresh memo.
 */
const PARSED_BLOCKS: BlockCache = new Map();

/** Room for the largest official snapshot (AufenthG: 0.6 MB); a larger one gets its own buffer. */
const SNAPSHOT_SCRATCH_BYTES = 4 * 1024 * 1024;

let scratch: Buffer | undefined;

/** The citation of an act of the corpus ("BGBl. 2023 I Nr. 217"), its id where it has none. */
function citationOf(corpus: Corpus, act: string): string {
  return corpus.acts.find((a) => a.entry.id === act)?.entry.citation ?? act;
}

function buildSeries(corpus: Corpus, entry: LawEntry): OfficialSeries {
  const cache: BlockCache = cacheRoot() ? PARSED_BLOCKS : new Map();
  // every snapshot is read into this one buffer (the series copies the few blocks it keeps)
  scratch ??= Buffer.allocUnsafe(SNAPSHOT_SCRATCH_BYTES);
  const into = scratch;
  const hints: ActHint[] = instructionsFor(corpus.acts, entry.id)
    .filter((i) => i.effective)
    .map((i) => ({
      date: i.effective!,
      act: i.act,
      citation: citationOf(corpus, i.act),
      artikel: i.artikel,
      path: i.path,
      units: unitsNamedBy(i),
    }));
  return buildOfficialSeries({ law: entry.id, files: entry.official, read: (rel) => readCorpusBytes(corpus.dir, rel, { into }), hints, cache });
}

/**
 * How many change records the versions of a law hold: one per operation of every instruction due after
 * its base date, one for an instruction that was not parsed (applyInstructions). It is known before
 * anything is applied, so one law can be consolidated alone with the numbers its records have in the
 * whole consolidation (consolidate checks that they agree).
 */
export function changeCount(corpus: Corpus, entry: LawEntry): number {
  let n = 0;
  for (const i of instructionsFor(corpus.acts, entry.id)) {
    if (i.effective !== null && i.effective > entry.base.validFrom) n += i.status === 'parsed' ? i.operations.length : 1;
  }
  return n;
}

/** The diagnostics of the acts themselves (parsing), which come first in a consolidation's list. */
function actDiagnostics(corpus: Corpus): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of corpus.acts) {
    out.push(...a.diagnostics);
    for (const i of a.instructions) out.push(...i.diagnostics);
  }
  return out;
}

/** Every law of the manifest, version by version; the change records are numbered law after law. */
export function consolidate(corpus: Corpus): Consolidation {
  const changes: ChangeRecord[] = [];
  const diagnostics = actDiagnostics(corpus);
  const laws: LawVersions[] = [];
  for (const entry of corpus.manifest.laws) {
    const r = consolidateLaw(corpus, entry, changes.length);
    laws.push(r.law);
    changes.push(...r.changes);
    diagnostics.push(...r.diagnostics);
  }
  return { laws, changes, diagnostics };
}

/**
 * One law of the manifest consolidated alone (for a command about one law): its versions are those of
 * the whole consolidation, and the change numbers they carry are those of its change table.
 */
export function consolidateOneLaw(corpus: Corpus, lawId: string): LawConsolidation {
  let firstChange = 0;
  for (const entry of corpus.manifest.laws) {
    if (entry.id === lawId) {
      return { ...consolidateLaw(corpus, entry, firstChange), firstChange };
    }
    firstChange += changeCount(corpus, entry);
  }
  throw new Error(`internal: no law ${lawId} in the manifest`);
}

/** The versions of one law; its change records get the numbers from `firstChange` on. */
function consolidateLaw(corpus: Corpus, entry: LawEntry, firstChange: number): { law: LawVersions; changes: ChangeRecord[]; diagnostics: Diagnostic[] } {
  const changes: ChangeRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const change = (idx: number): ChangeRecord => changes[idx - firstChange];
  const series = officialSeriesOfLaw(corpus, entry);
  const hasOfficial = series.snapshots.length > 0;
  const all = instructionsFor(corpus.acts, entry.id);
  const undated = all.filter((i) => i.effective === null);
  for (const i of undated) {
    diagnostics.push({ severity: 'warning', code: 'effective-date-unknown', message: `in-force date unknown (${i.effectiveSource}); not applied`, location: i.source, act: i.act, path: i.path });
  }
  const B = entry.base.validFrom;
  const missing = corpus.acts.flatMap((a) => a.missingArtikel.filter((m) => m.law === entry.id).map((m) => ({ ...m, act: a })));
  const officialDates = [...series.entries.values()].flatMap((l) => l.filter((e) => e.inForceFrom !== 'first-snapshot').map((e) => e.from));
  const dates = [...new Set([...all.map((i) => i.effective), ...missing.map((m) => m.effective), ...officialDates].filter((d): d is string => !!d && d > B))].sort();
  const versions: LawVersion[] = [];
  /** provenance per unit, carried from version to version */
  const prov = new Map<string, UnitProvenance>();
  const lastOfficial = series.lastDate;

  /** tier of a unit whose wording is derived (base or applied), against the official wording on `date` */
  const derivedTier = (id: string, node: UnitNode, date: string, source: UnitSource, since: string, viaInstructionAfterLastOfficial: boolean): UnitProvenance => {
    const label = unitLabel(id);
    if (!hasOfficial) return { id, label, tier: 'derived', since, source };
    if (viaInstructionAfterLastOfficial) return { id, label, tier: 'pending', since, source };
    const o = series.entryOn(id, date);
    const ours = textOf(node);
    const theirs = o?.unit ? o.unit.text : null;
    if (o && theirs === ours) return { id, label, tier: 'derived-verified', since, source: { ...source, file: source.file ?? o.file } };
    return { id, label, tier: 'derived-differs', since, source, diff: wordDiff(ours, theirs ?? '') };
  };

  // the chain starts from the official text of the base date where the series has it (the base file of
  // the manifest is the same text in another layout, which loses some characters and the Inhaltsübersicht)
  const startSnapshot = series.snapshotOn(B);
  let tree = startSnapshot ? snapshotTree(entry.id, startSnapshot) : corpus.bases.get(entry.id)!;
  const stepDates = [B, ...dates];
  let missingSoFar: string[] = [];
  for (const date of stepDates) {
    const isBase = date === B;
    const step = isBase ? [] : all.filter((i) => i.effective === date);
    const r = applyInstructions(tree, step, changes, diagnostics, firstChange);
    tree = r.tree;
    const notes: string[] = [];
    if (!isBase) {
      for (const m of missing.filter((x) => x.effective === date)) notes.push(`${m.act.entry.citation} Artikel ${m.artikel} (in Kraft ${m.effective}): Text nicht im Korpus, nicht angewendet`);
    }
    // an instruction whose in-force date the act does not tell is missing from every version from the
    // act's own date on: said in `missing`, and the version is incomplete where no official text covers it
    for (const i of undated) {
      const a = corpus.acts.find((x) => x.entry.id === i.act);
      const from = a?.entry.verkuendung.date ?? a?.entry.date ?? B;
      const k = stepDates.findIndex((d) => d >= from);
      if (k >= 0 && stepDates[k] === date) notes.push(`${citationOf(corpus, i.act)} ${i.path}: Inkrafttreten unbekannt (${i.effectiveSource}), nicht angewendet`);
    }
    // which units this step derived, and which it failed on
    const derivedNow = new Map<string, number[]>();
    const failedNow = new Map<string, string[]>();
    for (const idx of r.indices) {
      const c = change(idx);
      const noToc = c.code === 'no-inhaltsuebersicht';
      const u = unitOfChange(c);
      if (c.status === 'applied') {
        if (u) derivedNow.set(u, [...(derivedNow.get(u) ?? []), idx]);
      } else {
        const what = `${citationOf(corpus, c.act)} ${c.path}${c.target ? ` (${c.target})` : ''}: ${c.status === 'incomplete-text' ? 'Text unvollständig' : c.status === 'not-in-corpus' ? 'Gesetz nicht im Korpus' : 'nicht angewendet'}${c.reason ? ` – ${c.reason}` : ''}`;
        if (c.status !== 'not-in-corpus' && !noToc) notes.push(what);
        const named = unitsNamedBy(all.find((i) => i.act === c.act && i.path === c.path)!);
        const targets = named.length ? named : u ? [u] : [];
        for (const t of targets) failedNow.set(t, [...(failedNow.get(t) ?? []), what]);
      }
    }
    const act = corpus.acts.find((a) => step.some((s) => s.act === a.entry.id) && a.entry.missing);
    if (act) notes.push(`${act.entry.citation}: ${act.entry.missing}`);

    // 1. derived units: applied without a failure on the same unit
    const afterLast = !!lastOfficial && date > lastOfficial;
    const current = unitsOfTree(tree);
    for (const [u, idxs] of derivedNow) {
      if (failedNow.has(u)) continue;
      const node = current.get(u);
      if (!node) {
        prov.delete(u);
        continue;
      }
      const first = change(idxs[0]);
      prov.set(u, derivedTier(u, node, date, { kind: 'act', changes: idxs, act: first.act, citation: citationOf(corpus, first.act), artikel: first.artikel, inForce: date, inForceFrom: 'act' }, date, afterLast));
    }
    // 2. official fallback: units the official text changes on this date that no instruction derived,
    //    and units an instruction failed on
    const snapshot = series.snapshotOn(date) ?? series.snapshots[0];
    const order = snapshot ? snapshot.order : [];
    const fallback = new Set<string>([...series.changesOn(date).map((e) => e.id), ...failedNow.keys()]);
    if (isBase) {
      // the base text: every unit against the official text of its date; units the base lacks come from it
      for (const [u, node] of current) {
        const e = startSnapshot ? series.entryOn(u, date) : undefined;
        prov.set(u, e && e.unit && e.unit.node === node ? { id: u, label: unitLabel(u), tier: 'official', since: date, source: officialSource(e) } : derivedTier(u, node, date, { kind: 'base', file: entry.base.file, inForceFrom: 'base' }, date, false));
      }
      for (const id of snapshot?.order ?? []) if (!current.has(id)) fallback.add(id);
    }
    for (const u of fallback) {
      if (derivedNow.has(u) && !failedNow.has(u)) continue;
      if (afterLast) {
        // no official text covers this date: keep our wording, say so
        const node = unitsOfTree(tree).get(u);
        if (node) prov.set(u, { id: u, label: unitLabel(u), tier: 'pending', since: date, source: { kind: 'act', notApplied: failedNow.get(u) } });
        continue;
      }
      const e = series.entryOn(u, date);
      if (!e) continue;
      tree = replaceUnit(tree, u, e.unit ? e.unit.node : null, order);
      if (e.unit) prov.set(u, { id: u, label: unitLabel(u), tier: 'official', since: date, source: { ...officialSource(e), ...(failedNow.has(u) ? { notApplied: failedNow.get(u) } : {}) } });
      else prov.delete(u);
    }
    // units that vanished from the tree lose their provenance; every unit present has one
    const finalUnits = unitsOfTree(tree);
    for (const id of [...prov.keys()]) if (!finalUnits.has(id)) prov.delete(id);
    for (const [id, node] of finalUnits) if (!prov.has(id)) prov.set(id, derivedTier(id, node, date, { kind: 'base', file: entry.base.file, inForceFrom: 'base' }, date, afterLast));
    // a derived unit whose official wording changed on this date without an instruction is re-checked
    for (const p of prov.values()) {
      if ((p.tier === 'derived-verified' || p.tier === 'derived-differs') && p.since !== date && series.changesOn(date).some((e) => e.id === p.id)) {
        prov.set(p.id, derivedTier(p.id, finalUnits.get(p.id)!, date, p.source, p.since, false));
      }
    }
    const units = [...finalUnits.keys()].map((id) => prov.get(id)!);
    missingSoFar = [...new Set([...missingSoFar, ...notes])];
    const prev = versions[versions.length - 1];
    if (prev) prev.validTo = addDays(date, -1);
    versions.push({
      law: entry.id,
      validFrom: date,
      validTo: null,
      isBase,
      // complete: every unit has its wording (derived or, where the act text is missing, official)
      complete: hasOfficial && !afterLast ? true : missingSoFar.length === 0,
      missing: [...missingSoFar],
      changes: r.indices,
      tree,
      units,
      tiers: countTiers(units),
      official: series.snapshotOn(date)?.file,
    });
  }
  // the numbers a law consolidated alone gives its records rest on this count
  const expected = changeCount(corpus, entry);
  if (changes.length !== expected) throw new Error(`internal: ${entry.id} has ${changes.length} change records, changeCount says ${expected}`);
  return { law: { law: entry.id, title: entry.title, abbreviation: entry.abbreviation, versions }, changes, diagnostics };
}

/** Exactly one step: the instructions for `law` that enter into force on `date`, applied to `tree`. */
export function applyStep(corpus: Corpus, law: string, date: string, tree: Law, opts: { except?: (i: InstructionRecord) => boolean } = {}) {
  const changes: ChangeRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const step = instructionsFor(corpus.acts, law).filter((i) => i.effective === date && !(opts.except?.(i) ?? false));
  const r = applyInstructions(tree, step, changes, diagnostics);
  return { tree: r.tree, changes, diagnostics, instructions: step };
}
