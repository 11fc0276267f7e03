/**
 * Resolve an address ("§ 31 Absatz 1 Satz 1 Nummer 2 Buchstabe c", "Absätze 3 und 4") to the units of a
 * law, with a clear diagnostic when nothing or more than one thing matches. Used by `fassung show`
 * and by tests; the apply engine resolves with the same rules while it changes a §.
 */
import type { Address } from '../act/address.js';
import { formatAddress } from '../act/address.js';
import type { Law, Unit, UnitKind } from './types.js';
import { sentencesOf } from './walk.js';

export type Resolution = { ok: true; units: Unit[] } | { ok: false; code: 'target-not-found' | 'target-ambiguous' | 'target-unsupported'; message: string };


function childrenOf(node: Unit, kind: UnitKind, label: string): Unit[] {
  if (kind === 'absatz') return node.kind === 'paragraph' ? node.children.filter((c) => c.kind === 'absatz' && c.label === label) : [];
  if (kind === 'satz') {
    const s = sentencesOf(node)[Number(label) - 1];
    return s && node.kind !== 'satz' ? [s] : [];
  }
  return sentencesOf(node).flatMap((s) => (s.items ?? []).filter((it) => it.kind === kind && it.label === label));
}

export function resolveAddress(law: Law, address: Address): Resolution {
  const [first, ...rest] = address;
  if (!first || first.kind !== 'paragraph') return { ok: false, code: 'target-unsupported', message: `an address must start with a §: ${formatAddress(address)}` };
  let units: Unit[] = [];
  for (const label of first.labels) {
    const p = law.body.find((n) => n.kind === 'paragraph' && n.label === label);
    if (!p || p.kind !== 'paragraph') return { ok: false, code: 'target-not-found', message: `§ ${label} does not exist` };
    units.push(p);
  }
  for (const part of rest) {
    if (!('labels' in part)) return { ok: false, code: 'target-unsupported', message: `cannot show ${formatAddress([part])} on its own` };
    const next: Unit[] = [];
    for (const u of units) {
      for (const label of part.labels) {
        const found = childrenOf(u, part.kind, label);
        if (found.length === 0) return { ok: false, code: 'target-not-found', message: `${formatAddress([part]).replace(/ .*/, '')} ${label} not found in ${u.id}` };
        if (found.length > 1) return { ok: false, code: 'target-ambiguous', message: `${formatAddress([part]).replace(/ .*/, '')} ${label} matches ${found.length} units in ${u.id}: ${found.map((f) => f.id).join(', ')}` };
        next.push(found[0]);
      }
    }
    units = next;
  }
  return { ok: true, units };
}
