/**
 * Resolve an address ("§ 31 Absatz 1 Satz 1 Nummer 2 Buchstabe c", "Absätze 3 und 4") to the units of a
 * law, with a clear diagnostic when nothing or more than one thing matches. The apply engine
 * resolves with the same finder (walk.ts findChildren) while it changes a §.
 */
import type { Address } from '../act/address.js';
import { formatAddress } from '../act/address.js';
import type { Law, Unit } from './types.js';
import { findChildren } from './walk.js';

export type Resolution = { ok: true; units: Unit[] } | { ok: false; code: 'target-not-found' | 'target-ambiguous' | 'target-unsupported'; message: string };



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
        const found = findChildren(u, part.kind, label).map((h) => h.node);
        if (found.length === 0) return { ok: false, code: 'target-not-found', message: `${formatAddress([part]).replace(/ .*/, '')} ${label} not found in ${u.id}` };
        if (found.length > 1) return { ok: false, code: 'target-ambiguous', message: `${formatAddress([part]).replace(/ .*/, '')} ${label} matches ${found.length} units in ${u.id}: ${found.map((f) => f.id).join(', ')}` };
        next.push(found[0]);
      }
    }
    units = next;
  }
  return { ok: true, units };
}
