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
  /**
   * units equal to the official text because the chain took the official wording (tier official) for a
   * change since the previous official date: the act missing from the corpus, or the instruction of the
   * corpus that could not be applied
   */
  filled: Array<{ id: string; label: string; since: string; explanation: string }>;
}

export interface ReconcileLaw {
  law: string;
  dates: ReconcileDate[];
  equal: number;
  differs: number;
  /** of the equal units: taken from the official text for a change between two official dates */
  filled: number;
}

export function reconcile(corpus: Corpus, result: Consolidation, lawIds?: string[]): ReconcileLaw[] {
  const series = officialSeriesOf(corpus);
  const out: ReconcileLaw[] = [];
  for (const lv of result.laws) {
    if (lawIds && !lawIds.includes(lv.law)) continue;
    const s = series.get(lv.law);
    const first = lv.versions[0]?.validFrom;
    const rl: ReconcileLaw = { law: lv.law, dates: [], equal: 0, differs: 0, filled: 0 };
    if (!s || !first) {
      out.push(rl);
      continue;
    }
    let prevDate: string | null = null;
    for (const snap of s.snapshots) {
      if (snap.date < first) continue;
      const since = prevDate;
      prevDate = snap.date;
      const v = [...lv.versions].reverse().find((x) => x.validFrom <= snap.date)!;
      const units = new Map((v.units ?? []).map((u) => [u.id, u]));
      const oursNodes = new Map<string, OfficialUnitNode>();
      if (v.tree.inhalt && v.tree.inhalt.entries.length) oursNodes.set('inhalt', v.tree.inhalt);
      for (const n of v.tree.body) if (n.kind === 'paragraph' || n.kind === 'anlage') oursNodes.set(n.id, n);
      const ids = [...new Set([...snap.order, ...oursNodes.keys()])];
      const rd: ReconcileDate = { date: snap.date, file: snap.file, version: v.validFrom, equal: 0, differs: [], filled: [] };
      // acts of the corpus due in (since, date] whose text for that Artikel is missing or unreadable
      const candidates: string[] = [];
      if (since !== null) {
        for (const a of corpus.acts) {
          for (const rule of a.inkrafttreten) {
            const d = rule.date ?? rule.earliest;
            if (!d || !(d > since && d <= snap.date)) continue;
            const forRule = a.instructions.filter((i) => rule.artikel === null || i.artikel === rule.artikel);
            if (forRule.length === 0) candidates.push(`${a.entry.citation}${rule.artikel ? ` Artikel ${rule.artikel}` : ''} (in force ${d}; its text is not in the corpus or could not be read)`);
            else if (forRule.some((i) => i.law === lv.law && i.status !== 'parsed')) candidates.push(`${a.entry.citation}${rule.artikel ? ` Artikel ${rule.artikel}` : ''} (in force ${d}; instructions for this law not applied)`);
          }
        }
      }
      const maybe = candidates.length ? `; acts of the corpus due then whose text is missing or unread: ${[...new Set(candidates)].join(', ')}` : '';
      for (const u of v.units ?? []) {
        if (u.tier !== 'official' || since === null || !(u.since > since && u.since <= snap.date)) continue;
        const src = u.source;
        const by = src.citation ? `${src.citation}${src.artikel ? ` Art. ${src.artikel}` : ''}${src.within ? ` ${src.within}` : ''}` : null;
        const when = `in force ${src.inForce ?? u.since} (${src.inForceFrom === 'footnote' ? 'juris footnote' : src.inForceFrom === 'act' ? 'the act of the corpus' : 'day the official text went online; no in-force date in the corpus'})`;
        const explanation = src.notApplied?.length
          ? `instruction of the corpus not applied (${src.notApplied.join('; ')}); official wording, ${when}`
          : by
            ? `changed by ${by}${src.act ? '' : corpus.acts.some((a) => a.entry.citation === src.citation) ? ` (named by the juris footnote; the act is in the corpus as ${corpus.acts.find((a) => a.entry.citation === src.citation)!.entry.id}, but no instruction of it for this unit could be read)` : ' (named by the juris footnote; the act is not in the corpus)'}; ${when}`
            : src.footnote
              ? `the official text changed with a new juris footnote „${src.footnote}“ (no act named for this date); ${when}`
              : `changed by an act not in the corpus (no footnote names it); ${when}${maybe}`;
        rd.filled.push({ id: u.id, label: u.label, since: u.since, explanation });
      }
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
      rl.filled += rd.filled.length;
      rl.dates.push(rd);
    }
    out.push(rl);
  }
  return out;
}


export function formatReconcile(r: ReconcileLaw[]): string {
  const lines: string[] = [];
  for (const l of r) {
    lines.push(`${l.law}: ${l.dates.length} official dates, units equal ${l.equal}, differ ${l.differs} (of the equal: ${l.filled} changes taken from the official text)`);
    for (const d of l.dates) {
      lines.push(`  ${d.date} (${d.file}) vs version of ${d.version}: equal ${d.equal}, differ ${d.differs.length}, taken from the official text ${d.filled.length}`);
      for (const f of d.filled) lines.push(`    ${f.label} (official since ${f.since}): ${f.explanation}`);
      for (const f of d.differs) {
        lines.push(`    ${f.label} [${f.tier ?? 'missing'}]: ${f.explanation}`);
        lines.push(`      ${f.diff.length > 400 ? f.diff.slice(0, 400) + ' …' : f.diff}`);
        for (const i of f.instructions) lines.push(`      by ${i.act} ${i.path}: ${i.action} ${i.target} [${i.status}] in force ${i.effective ?? '?'}`);
      }
    }
  }
  return lines.join('\n');
}
