/**
 * The measure of generality: real amending acts with the official text of the amended law the day
 * before and the day after (`real-acts/<case>/`). Each case's act is read as it comes, its instructions
 * for the case's law and date are applied to `before.md`, and the result is compared provision by
 * provision with `after.md`:
 * - scored provisions: those that differ between before and after, or those listed in `only`;
 *   right when ours equals the official after-text (layout normalised);
 * - collateral: a provision outside the scored set that we changed into something that is neither the
 *   before- nor the after-text.
 * The case.json plays the manifest's part: law names, `except`, `manifest_inkrafttreten`, `verkuendung`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/diagnostic.js';
import { parseStatute } from '../model/parse-statute.js';
import type { BodyNode, Law } from '../model/types.js';
import { bodyNodeText, inhaltText } from '../model/text-of.js';
import { writtenAsOfficial } from '../model/serialize.js';
import { loadAct, type InstructionRecord } from '../act/load-act.js';
import type { ActEntry, LawEntry, Manifest } from '../corpus/manifest.js';
import { applyInstructions } from '../consolidate/consolidate.js';
import { vocabularyOf } from '../text/vocabulary.js';
import type { ChangeRecord } from '../consolidate/types.js';
import { wordDiff } from '../consolidate/verify.js';

export interface CaseFile {
  act: { citation: string; title: string; kind: string; date: string | null; verkuendung: string | null; source?: string };
  law: { file: string; id: string; abbreviation: string; title: string; names: string[] };
  date: string;
  artikel: string[];
  only?: string | null;
  except?: string[] | null;
  complete?: boolean;
  manifest_inkrafttreten?: Array<{ artikel: string; date: string; source: string }> | null;
  notes?: string;
}

export interface SectionResult {
  id: string;
  label: string;
  /** word diff ours → official after-text */
  diff: string;
  /** the instructions that touched the provision, or failed on it */
  explainedBy: string[];
  /** where ours first departs from the official text (character offset and a window), when the word diff shows nothing */
  firstDifference?: { at: number; ours: string; official: string };
}

export interface CaseResult {
  id: string;
  law: string;
  date: string;
  scored: number;
  right: number;
  /** of the §§ right, those also laid out as the official text: written out in its dialect, byte for byte (juris footnotes aside) */
  laidOut: number;
  /** the §§ right in words but laid out otherwise (a Satz in another block, words after a list inside its last item) */
  layoutDiffers: string[];
  wrong: SectionResult[];
  collateral: SectionResult[];
  /** provisions the act changes that the case does not score (and that differ from the official text) */
  unscored: SectionResult[];
  instructions: { total: number; applied: number; failed: number; notApplied: number; codes: Record<string, number> };
  /** every § not right has a diagnostic naming an instruction */
  silentMisses: string[];
  diagnostics: Diagnostic[];
  seconds: number;
}

export interface EvalSummary {
  cases: CaseResult[];
  totals: { cases: number; scored: number; right: number; laidOut: number; collateral: number; instructions: number; applied: number; failed: number; silentMisses: number };
}

/** Case folders under `dir` (those with a case.json), sorted by name. */
export function listCases(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`not a directory: ${dir}`, 'eval-dir-missing');
  return readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, 'case.json')))
    .sort();
}

function readCase(dir: string): CaseFile {
  try {
    return JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseFile;
  } catch (e) {
    throw new UserError(`${join(dir, 'case.json')}: not valid JSON (${(e as Error).message})`, 'case-invalid');
  }
}

/** "§ 45a,§ 52" → ["para-45a", "para-52"] */
export function onlyIds(only: string | null | undefined): string[] | null {
  if (!only) return null;
  return only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^§\s*(\S+)$/.exec(s);
      if (m) return `para-${m[1]}`;
      const a = /^Anlage\s*(\S*)$/.exec(s);
      if (a) return `anlage-${a[1]}`;
      return s;
    });
}

function textsOf(law: Law): Map<string, { label: string; text: string }> {
  const m = new Map<string, { label: string; text: string }>();
  if (law.inhalt && law.inhalt.entries.length) m.set('inhalt', { label: 'Inhaltsübersicht', text: inhaltText(law.inhalt) });
  for (const n of law.body) {
    if (n.kind === 'gliederung') continue;
    m.set(n.id, { label: labelOf(n), text: bodyNodeText(n) });
  }
  return m;
}

function labelOf(n: BodyNode): string {
  if (n.kind === 'paragraph') return `§ ${n.label}`;
  if (n.kind === 'anlage') return `Anlage ${n.label}`.trim();
  return n.id;
}

export function caseActEntry(id: string, c: CaseFile): ActEntry {
  return {
    id,
    title: c.act.title,
    kind: c.act.kind === 'Verordnung' ? 'Verordnung' : 'Gesetz',
    date: c.act.date ?? c.date,
    citation: c.act.citation,
    verkuendung: { date: c.act.verkuendung ?? null, source: 'case.json (act.verkuendung)' },
    files: ['act.txt'],
    missing: c.complete === false ? (c.notes ?? 'the act text is incomplete') : null,
    inkrafttreten: c.manifest_inkrafttreten?.length ? c.manifest_inkrafttreten.map((e) => ({ artikel: String(e.artikel), date: e.date, source: e.source })) : null,
  };
}

export function caseLawEntry(c: CaseFile): LawEntry {
  return {
    id: c.law.id,
    title: c.law.title,
    abbreviation: c.law.abbreviation,
    names: [...new Set([...c.law.names, c.law.abbreviation, c.law.title])],
    base: { file: 'before.md', stand: 'before.md', validFrom: c.date },
    official: [],
  };
}

function isExcepted(ins: InstructionRecord, except: string[]): boolean {
  return except.some((e) => ins.path === e || ins.path.startsWith(e + ' '));
}

/** Run one case folder. */
export function runCase(dir: string, id: string): CaseResult {
  const t0 = performance.now();
  const c = readCase(dir);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const beforeText = read('before.md');
  const before = parseStatute(beforeText, { lawId: c.law.id });
  const after = parseStatute(read('after.md'), { lawId: c.law.id });
  const entry = caseActEntry(id, c);
  const lawEntry = caseLawEntry(c);
  const manifest: Manifest = { laws: [lawEntry], acts: [entry] };
  const act = loadAct(entry, manifest, (rel) => read(rel), vocabularyOf([beforeText]));
  const except = c.except ?? [];
  const mine = act.instructions.filter((i) => i.law === c.law.id && c.artikel.includes(i.artikel) && !isExcepted(i, except));
  const step = mine.filter((i) => i.effective === c.date);
  const diagnostics: Diagnostic[] = [...act.diagnostics];
  for (const i of mine) diagnostics.push(...i.diagnostics);
  for (const i of mine) {
    if (i.effective !== c.date && i.status === 'parsed') {
      diagnostics.push({
        severity: 'error',
        code: 'effective-date-mismatch',
        message: `in force ${i.effective ?? 'on an unknown date'} (${i.effectiveSource}), not on the case date ${c.date}; not applied`,
        location: i.source,
        act: id,
        path: i.path,
      });
    }
  }
  const changes: ChangeRecord[] = [];
  const applied = applyInstructions(before, step, changes, diagnostics);
  const ours = applied.tree;

  const B = textsOf(before);
  const A = textsOf(after);
  const O = textsOf(ours);
  const only = onlyIds(c.only);
  const ids = [...new Set([...B.keys(), ...A.keys(), ...O.keys()])];
  const scoredIds = only ?? ids.filter((k) => B.get(k)?.text !== A.get(k)?.text);
  const explain = (pid: string): string[] => {
    const rows = changes.filter((r) => r.paragraphId === pid || (r.alsoTouched ?? []).includes(pid) || (r.targetId ?? '').startsWith(pid));
    const failed = mine.filter((i) => i.status !== 'parsed' || i.effective !== c.date);
    return [
      ...rows.map((r) => `${r.path}: ${r.action} ${r.target} — ${r.status}${r.reason ? ` (${r.reason})` : ''}`),
      ...(rows.length ? [] : failed.map((i) => `${i.path}: ${i.status}${i.diagnostics[0] ? ` — ${i.diagnostics[0].code}: ${i.diagnostics[0].message}` : ''}`)),
    ];
  };
  const wrong: SectionResult[] = [];
  let right = 0;
  const layoutDiffers: string[] = [];
  for (const k of scoredIds) {
    const o = O.get(k)?.text ?? null;
    const a = A.get(k)?.text ?? null;
    if (o === a) {
      right++;
      if (writtenAsOfficial(ours, k) !== writtenAsOfficial(after, k)) layoutDiffers.push(A.get(k)?.label ?? k);
    } else wrong.push({ id: k, label: A.get(k)?.label ?? O.get(k)?.label ?? k, diff: wordDiff(o ?? '', a ?? ''), explainedBy: explain(k), firstDifference: firstDifference(o ?? '', a ?? '') });
  }
  // collateral: a provision outside the scored set that we changed although no applied operation of the
  // act addresses it. A provision the act does address but the case does not score (its official text
  // holds other changes, or the act text is cut off) is listed as unscored, not as collateral.
  const collateral: SectionResult[] = [];
  const unscored: SectionResult[] = [];
  const addressed = new Set(changes.filter((r) => r.status === 'applied').flatMap((r) => [r.paragraphId, ...(r.alsoTouched ?? [])]));
  for (const k of ids) {
    if (scoredIds.includes(k)) continue;
    const o = O.get(k)?.text;
    if (o !== B.get(k)?.text && o !== A.get(k)?.text) {
      const row = { id: k, label: O.get(k)?.label ?? B.get(k)?.label ?? k, diff: wordDiff(B.get(k)?.text ?? '', o ?? ''), explainedBy: explain(k) };
      (addressed.has(k) ? unscored : collateral).push(row);
    }
  }
  const codes: Record<string, number> = {};
  let failed = 0;
  let notApplied = 0;
  for (const i of mine) {
    if (i.status === 'parsed') continue;
    if (i.status === 'failed') failed++;
    else notApplied++;
    const code = i.diagnostics[0]?.code ?? i.status;
    codes[code] = (codes[code] ?? 0) + 1;
  }
  const appliedCount = changes.filter((r) => r.status === 'applied').length;
  for (const r of changes) {
    if (r.status === 'failed' && r.code) {
      failed++;
      codes[r.code] = (codes[r.code] ?? 0) + 1;
    }
  }
  // a wrong § with no error diagnostic behind it is a silent miss
  const hasError = diagnostics.some((d) => d.severity === 'error');
  const silentMisses = wrong.filter((w) => !w.explainedBy.some((e) => /failed|incomplete|not-in-corpus|error|unknown|mismatch|—/.test(e)) && !hasError).map((w) => w.label);
  return {
    id,
    law: c.law.abbreviation,
    date: c.date,
    scored: scoredIds.length,
    right,
    laidOut: right - layoutDiffers.length,
    layoutDiffers,
    wrong,
    collateral,
    unscored,
    instructions: { total: mine.reduce((n, i) => n + Math.max(1, i.operations.length), 0), applied: appliedCount, failed, notApplied, codes },
    silentMisses,
    diagnostics,
    seconds: (performance.now() - t0) / 1000,
  };
}

export function runEval(dir: string, filter?: (id: string) => boolean): EvalSummary {
  const cases = listCases(dir)
    .filter((id) => !filter || filter(id))
    .map((id) => runCase(join(dir, id), id));
  const sum = (f: (c: CaseResult) => number) => cases.reduce((n, c) => n + f(c), 0);
  return {
    cases,
    totals: {
      cases: cases.length,
      scored: sum((c) => c.scored),
      right: sum((c) => c.right),
      laidOut: sum((c) => c.laidOut),
      collateral: sum((c) => c.collateral.length),
      instructions: sum((c) => c.instructions.total),
      applied: sum((c) => c.instructions.applied),
      failed: sum((c) => c.instructions.failed),
      silentMisses: sum((c) => c.silentMisses.length),
    },
  };
}

export function formatEvalTable(s: EvalSummary, verbose = false): string {
  const rows = [['case', 'law', 'date', '§§ right', 'laid out', 'collateral', 'instr. applied/total', 'failed', 'codes']];
  for (const c of s.cases) {
    rows.push([
      c.id,
      c.law,
      c.date,
      `${c.right}/${c.scored}`,
      `${c.laidOut}/${c.right}`,
      String(c.collateral.length),
      `${c.instructions.applied}/${c.instructions.total}`,
      String(c.instructions.failed),
      Object.entries(c.instructions.codes)
        .map(([k, v]) => `${k}×${v}`)
        .join(' '),
    ]);
  }
  const t = s.totals;
  rows.push(['total', '', '', `${t.right}/${t.scored} (${pct(t.right, t.scored)})`, `${t.laidOut}/${t.right}`, String(t.collateral), `${t.applied}/${t.instructions} (${pct(t.applied, t.instructions)})`, String(t.failed), `silent misses: ${t.silentMisses}`]);
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((x, i) => x.padEnd(w[i])).join('  ').trimEnd());
  if (verbose) {
    for (const c of s.cases) {
      for (const x of c.wrong) lines.push(`\n${c.id} ${x.label}: differs\n  ${x.diff}\n${x.explainedBy.map((e) => `  because ${e}`).join('\n')}`);
      for (const x of c.collateral) lines.push(`\n${c.id} ${x.label}: collateral change\n  ${x.diff}`);
      for (const x of c.layoutDiffers) lines.push(`\n${c.id} ${x}: right in words, laid out otherwise than the official text`);
    }
  }
  return lines.join('\n');
}

function firstDifference(a: string, b: string): { at: number; ours: string; official: string } {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { at: i, ours: a.slice(Math.max(0, i - 30), i + 30), official: b.slice(Math.max(0, i - 30), i + 30) };
}

function pct(a: number, b: number): string {
  return b ? `${((100 * a) / b).toFixed(1)} %` : '–';
}

/** Per-case figures a later run must not fall below. */
export interface Baseline {
  /** `laidOut`: absent in baselines written before it was measured */
  cases: Record<string, { right: number; scored: number; collateral: number; applied: number; laidOut?: number }>;
}

export function baselineOf(s: EvalSummary): Baseline {
  const cases: Baseline['cases'] = {};
  for (const c of s.cases) cases[c.id] = { right: c.right, scored: c.scored, collateral: c.collateral.length, applied: c.instructions.applied, laidOut: c.laidOut };
  return { cases };
}

/** The regressions of a run against a baseline: fewer §§ right or laid out as the official text, more collateral, fewer operations applied, a case gone. */
export function compareWithBaseline(s: EvalSummary, b: Baseline): string[] {
  const out: string[] = [];
  for (const [id, want] of Object.entries(b.cases)) {
    const got = s.cases.find((c) => c.id === id);
    if (!got) {
      out.push(`${id}: case missing`);
      continue;
    }
    if (got.right < want.right) out.push(`${id}: ${got.right}/${got.scored} §§ right, baseline ${want.right}/${want.scored}`);
    if (want.laidOut !== undefined && got.laidOut < want.laidOut) out.push(`${id}: ${got.laidOut} §§ laid out as the official text, baseline ${want.laidOut}`);
    if (got.collateral.length > want.collateral) out.push(`${id}: ${got.collateral.length} collateral changes, baseline ${want.collateral}`);
    if (got.instructions.applied < want.applied) out.push(`${id}: ${got.instructions.applied} operations applied, baseline ${want.applied}`);
  }
  return out;
}
