/**
 * Compare a consolidated text with an official one, § by §, after normalising layout (line wrapping,
 * white-space kind, Markdown escapes): provisions equal, provisions that differ (with a word diff) and
 * the operations that touched each differing provision.
 */
import { formatWordDiff, wordDiff as segments } from '../text/word-diff.js';
import type { Law, Paragraph } from '../model/types.js';
import { inhaltText, paragraphText } from '../model/text-of.js';
import type { ChangeRecord } from './types.js';

export interface ProvisionDiff {
  id: string;
  label: string;
  ours: string | null;
  official: string | null;
  /** word diff: [-removed-] {+added+} */
  diff: string;
  /** operations of this step that touched the provision */
  touchedBy: ChangeRecord[];
}

export interface VerifyReport {
  equal: string[];
  differ: ProvisionDiff[];
  /** provisions changed by the step that came out identical to the official text */
  changedAndEqual: string[];
}

/** "[-removed-]{+inserted+}" word diff of two texts. */
export function wordDiff(a: string, b: string): string {
  return formatWordDiff(segments(a, b));
}

export function verifyAgainst(ours: Law, official: Law, changes: ChangeRecord[]): VerifyReport {
  const report: VerifyReport = { equal: [], differ: [], changedAndEqual: [] };
  const mapA = new Map<string, Paragraph>();
  const mapB = new Map<string, Paragraph>();
  for (const n of ours.body) if (n.kind === 'paragraph') mapA.set(n.id, n);
  for (const n of official.body) if (n.kind === 'paragraph') mapB.set(n.id, n);
  const touched = (id: string) => changes.filter((c) => c.paragraphId === id);
  const ids = [...new Set([...mapB.keys(), ...mapA.keys()])];
  if (ours.inhalt?.entries.length || official.inhalt?.entries.length) ids.unshift('inhalt');
  for (const id of ids) {
    const a = id === 'inhalt' ? (ours.inhalt ? inhaltText(ours.inhalt) : null) : mapA.has(id) ? paragraphText(mapA.get(id)!) : null;
    const b = id === 'inhalt' ? (official.inhalt ? inhaltText(official.inhalt) : null) : mapB.has(id) ? paragraphText(mapB.get(id)!) : null;
    const label = id === 'inhalt' ? 'Inhaltsübersicht' : `§ ${id.replace(/^para-/, '')}`;
    if (a !== null && a === b) {
      report.equal.push(id);
      if (touched(id).length) report.changedAndEqual.push(id);
    } else {
      report.differ.push({ id, label, ours: a, official: b, diff: wordDiff(a ?? '', b ?? ''), touchedBy: touched(id) });
    }
  }
  return report;
}

export function formatVerifyReport(r: VerifyReport): string {
  const lines = [
    `provisions equal: ${r.equal.length} (of which changed by this step: ${r.changedAndEqual.length}: ${r.changedAndEqual.map((i) => i.replace(/^para-/, '§ ')).join(', ')})`,
    `provisions that differ: ${r.differ.length}`,
  ];
  for (const d of r.differ) {
    lines.push('', `${d.label}: ${d.ours === null ? 'missing in ours' : d.official === null ? 'missing in the official text' : 'differs'}`);
    lines.push(`  ${d.diff.length > 2000 ? d.diff.slice(0, 2000) + ' …' : d.diff}`);
    for (const c of d.touchedBy) lines.push(`  touched by ${c.act} ${c.path}: ${c.action} ${c.target} [${c.status}]${c.reason ? ' – ' + c.reason : ''}`);
    if (!d.touchedBy.length) lines.push('  not touched by any operation of this step (changed by an act outside the corpus or by a part of the act we lack)');
  }
  return lines.join('\n');
}
