/**
 * CLI text for the provenance tiers: the versions of a law with their count of units per tier, and a
 * unit of a version with its tier and source.
 */
import type { LawVersion, UnitProvenance } from '../consolidate/types.js';
import { TIERS } from '../consolidate/types.js';
import { stableJson } from '../consolidate/write-output.js';
import type { Law } from '../model/types.js';

export function formatVersionsWithTiers(versions: LawVersion[]): string {
  const lines = [`validFrom    validTo      ${TIERS.map((t) => t.padStart(16)).join(' ')}  official text compared`];
  for (const v of versions) {
    const t = v.tiers;
    lines.push(
      `${v.validFrom}   ${(v.validTo ?? 'offen').padEnd(10)}   ${TIERS.map((k) => String(t?.[k] ?? 0).padStart(16)).join(' ')}  ${v.official ?? '-'}${v.isBase ? '  (Basistext)' : ''}${v.complete ? '' : '  UNVOLLSTÄNDIG'}`,
    );
  }
  return lines.join('\n');
}

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

/** `show --date`: the unit (or the whole law) with tier and source; JSON with validFrom, validTo and tier per unit. */
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

export function showWithProvenance(abbreviation: string, v: LawVersion, unit: string | undefined, json: boolean, show: (tree: Law, unit: string | undefined, json: boolean) => string): string {
  const selected = provenanceOf(v, unit);
  const text = show(v.tree, unit, json);
  if (json) {
    return stableJson({
      law: v.law,
      validFrom: v.validFrom,
      validTo: v.validTo,
      official: v.official ?? null,
      tiers: v.tiers,
      units: selected.map((u) => ({ id: u.id, label: u.label, tier: u.tier, since: u.since, source: u.source, ...(u.diff ? { diff: u.diff } : {}) })),
      text: unit ? JSON.parse(`[${text.split('\n\n{').join(',\n{')}]`) : undefined,
    }).trimEnd();
  }
  const head = selected.map((u) => `${abbreviation} ${u.label} — gültig ${v.validFrom} bis ${v.validTo ?? 'offen'} — tier ${u.tier} — Quelle: ${sourceText(u)}`);
  return unit ? `${head.join('\n')}\n\n${text}` : `${abbreviation}, gültig ${v.validFrom} bis ${v.validTo ?? 'offen'}: ${TIERS.map((t) => `${t} ${v.tiers?.[t] ?? 0}`).join(', ')}\n\n${text}`;
}
