/**
 * Reconcile: for every date of the official series, the chain's version valid that day against the
 * official text of that day, § by §: equal, or differs with what explains it (the instruction that
 * made our wording, an instruction of the corpus that could not be applied, the official text showing a
 * change later or earlier than its in-force date, an act missing from the corpus).
 */
import type { Corpus } from './consolidate.js';
import { officialSeriesOf } from './consolidate.js';
import type { ChangeRecord, Consolidation, Tier } from './types.js';
import { wordDiff } from './verify.js';
import { unitLabel, unitTextOf, type OfficialUnitNode } from '../provenance/official-series.js';

export interface ReconcileFinding {
  id: string;
  label: string;
  /** tier of the unit in our version */
  tier: Tier | null;
  /** our words / the official words (null: the unit is missing on that side) */
  ours: string | null;
  official: string | null;
  diff: string;
  explanation: string;
  /** the operations behind our wording (derived units) */
  instructions: Array<Pick<ChangeRecord, 'act' | 'path' | 'action' | 'target' | 'status' | 'effective'>>;
}

export interface ReconcileDate {
  date: string;
  file: string;
  /** the version of the chain valid that day */
  version: string;
  equal: number;
  differs: ReconcileFinding[];
}

export interface ReconcileLaw {
  law: string;
  dates: ReconcileDate[];
  equal: number;
  differs: number;
}

export function reconcile(corpus: Corpus, result: Consolidation, lawIds?: string[]): ReconcileLaw[] {
  const series = officialSeriesOf(corpus);
  const out: ReconcileLaw[] = [];
  for (const lv of result.laws) {
    if (lawIds && !lawIds.includes(lv.law)) continue;
    const s = series.get(lv.law);
    const first = lv.versions[0]?.validFrom;
    const rl: ReconcileLaw = { law: lv.law, dates: [], equal: 0, differs: 0 };
    if (!s || !first) {
      out.push(rl);
      continue;
    }
    for (const snap of s.snapshots) {
      if (snap.date < first) continue;
      const v = [...lv.versions].reverse().find((x) => x.validFrom <= snap.date)!;
      const units = new Map((v.units ?? []).map((u) => [u.id, u]));
      const oursNodes = new Map<string, OfficialUnitNode>();
      if (v.tree.inhalt && v.tree.inhalt.entries.length) oursNodes.set('inhalt', v.tree.inhalt);
      for (const n of v.tree.body) if (n.kind === 'paragraph' || n.kind === 'anlage') oursNodes.set(n.id, n);
      const ids = [...new Set([...snap.order, ...oursNodes.keys()])];
      const rd: ReconcileDate = { date: snap.date, file: snap.file, version: v.validFrom, equal: 0, differs: [] };
      for (const id of ids) {
        const a = oursNodes.has(id) ? unitTextOf(oursNodes.get(id)!) : null;
        const b = snap.units.get(id)?.text ?? null;
        if (a !== null && a === b) {
          rd.equal++;
          continue;
        }
        const u = units.get(id);
        const instructions = (u?.source.changes ?? []).map((i) => result.changes[i]).map((c) => ({ act: c.act, path: c.path, action: c.action, target: c.target, status: c.status, effective: c.effective }));
        // explanation
        let explanation: string;
        const later = s.snapshots.find((x) => x.date > snap.date && x.units.get(id)?.text === a);
        const earlier = [...s.snapshots].reverse().find((x) => x.date < snap.date && x.units.get(id)?.text === a);
        const entry = s.entryOn(id, v.validFrom);
        if (u?.tier === 'derived-differs') {
          explanation = `our wording comes from ${instructions.map((i) => `${i.act} ${i.path}`).join(', ') || 'the base text'}; the official text says otherwise (the act may itself have been amended before it entered into force, or another act changed the provision)`;
        } else if (later && a !== null) {
          const attr = entry?.attribution;
          explanation = `the official text of ${snap.date} does not yet show the change in force from ${u?.since ?? v.validFrom}${attr?.citation ? ` (${attr.citation}${attr.artikel ? ` Art. ${attr.artikel}` : ''}${attr.path ? `, ${attr.path}` : ''})` : ''}; it is online from ${later.date}`;
        } else if (earlier && a !== null) {
          explanation = `the official text changed on ${snap.date} but our version keeps the wording online until ${earlier.date}: the change is dated later (${entry ? `${entry.inForceFrom}: ${entry.from}` : 'no entry'})`;
        } else if (a === null) {
          explanation = 'missing in our version: the unit is in the official text but not in the chain';
        } else if (b === null) {
          explanation = 'not in the official text of this date';
        } else {
          explanation = `differs; ${u ? `tier ${u.tier}, since ${u.since}` : 'no provenance'}`;
        }
        if (u?.source.notApplied?.length) explanation += `; not applied: ${u.source.notApplied.join('; ')}`;
        rd.differs.push({ id, label: unitLabel(id), tier: u?.tier ?? null, ours: a, official: b, diff: wordDiff(a ?? '', b ?? ''), explanation, instructions });
      }
      rl.equal += rd.equal;
      rl.differs += rd.differs.length;
      rl.dates.push(rd);
    }
    out.push(rl);
  }
  return out;
}


export function formatReconcile(r: ReconcileLaw[]): string {
  const lines: string[] = [];
  for (const l of r) {
    lines.push(`${l.law}: ${l.dates.length} official dates, units equal ${l.equal}, differ ${l.differs}`);
    for (const d of l.dates) {
      lines.push(`  ${d.date} (${d.file}) vs version of ${d.version}: equal ${d.equal}, differ ${d.differs.length}`);
      for (const f of d.differs) {
        lines.push(`    ${f.label} [${f.tier ?? 'missing'}]: ${f.explanation}`);
        lines.push(`      ${f.diff.length > 400 ? f.diff.slice(0, 400) + ' …' : f.diff}`);
        for (const i of f.instructions) lines.push(`      by ${i.act} ${i.path}: ${i.action} ${i.target} [${i.status}] in force ${i.effective ?? '?'}`);
      }
    }
  }
  return lines.join('\n');
}
