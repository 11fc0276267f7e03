/**
 * CLI text for the provenance tiers: a unit of a version with its tier and source, and the count of
 * units per tier.
 */
import type { LawVersion, UnitProvenance } from '../consolidate/types.js';
import { TIERS } from '../consolidate/types.js';
import type { Law } from '../model/types.js';

export function sourceText(u: UnitProvenance): string {
  const s = u.source;
  const parts: string[] = [];
  if (s.kind === 'official') parts.push(`amtlicher Text ${s.file ?? ''}`.trim());
  else if (s.kind === 'base') parts.push(`Basistext ${s.file ?? ''}`.trim());
  else parts.push('angewendete Änderungsbefehle');
  if (s.citation || s.act) parts.push(`${s.citation ?? s.act}${s.artikel ? ` Art. ${s.artikel}` : ''}${s.within ? ` ${s.within}` : ''}`);
  if (s.inForce) parts.push(`in Kraft ab ${s.inForce} (${s.inForceFrom === 'footnote' ? 'juris-Fußnote' : s.inForceFrom === 'act' ? 'Inkrafttreten des Gesetzes' : s.inForceFrom === 'base' ? 'Ausgangstext' : 'Tag der Veröffentlichung'})`);
  if (s.footnote) parts.push(`Fußnote: „${s.footnote}“`);
  if (s.notApplied?.length) parts.push(`nicht angewendet: ${s.notApplied.join('; ')}`);
  return parts.join(' · ');
}

/** The provenance records of the units a `--unit` names (all units when none is named). */
export function provenanceOf(v: LawVersion, unit: string | undefined): UnitProvenance[] {
  const units = v.units ?? [];
  const para = unit ? /§\s*(\d+[a-z]?)/.exec(unit) : null;
  const anl = unit ? /Anlage\s*(\S*)/.exec(unit) : null;
  return para ? units.filter((u) => u.id === `para-${para[1]}`) : anl ? units.filter((u) => u.id.startsWith('anlage-')) : unit ? [] : units;
}

/** "derived-verified 16, official 33" */
export function tierSummary(v: LawVersion): string {
  return TIERS.filter((t) => v.tiers?.[t]).map((t) => `${t} ${v.tiers![t]}`).join(', ');
}

/** `show --date`: the unit (or the whole law) with its tier and source. */
export function showWithProvenance(abbreviation: string, v: LawVersion, unit: string | undefined, show: (tree: Law, unit: string | undefined) => string): string {
  const selected = provenanceOf(v, unit);
  const text = show(v.tree, unit);
  const head = selected.map((u) => `${abbreviation} ${u.label} — gültig ${v.validFrom} bis ${v.validTo ?? 'offen'} — tier ${u.tier} — Quelle: ${sourceText(u)}`);
  return unit ? `${head.join('\n')}\n\n${text}` : `${abbreviation}, gültig ${v.validFrom} bis ${v.validTo ?? 'offen'}: ${TIERS.map((t) => `${t} ${v.tiers?.[t] ?? 0}`).join(', ')}\n\n${text}`;
}
