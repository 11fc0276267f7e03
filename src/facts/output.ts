/**
 * Output of the resolved facts: the JSON that `fassung consolidate` writes to consolidated/facts.json, and the
 * plain text that `fassung facts` prints.
 */
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isValidIsoDate } from '../corpus/manifest.js';
import type { LawVersions } from '../consolidate/types.js';
import type { ResolveFactsResult } from './resolve-facts.js';
import { entryOn } from './timeline.js';
import type { FactTimeline, LastChange, SourceTier, TimelineEntry } from './types.js';

export interface GeneratedFrom {
  /** the fact catalogue file */
  catalogue: string;
  /** the parameter table file, when euro amounts were derived */
  parameters?: string;
  /** the versions the facts were read from */
  laws: Array<{ law: string; versions: Array<{ validFrom: string; validTo: string | null; complete: boolean }> }>;
}

/** A timeline entry as written to facts.json: all of it but the internal exact share. */
export type FactsJsonEntry = Omit<TimelineEntry, 'share'>;

export interface FactsJson {
  generatedFrom: GeneratedFrom;
  facts: Array<{ id: string; label: { de: string; en: string }; unit: string; timeline: FactsJsonEntry[] }>;
  diagnostics: Diagnostic[];
}

/** The `generatedFrom` block for a set of consolidated laws. */
export function generatedFromLaws(laws: LawVersions[], files: { catalogue: string; parameters?: string }): GeneratedFrom {
  return {
    ...files,
    laws: laws.map((l) => ({
      law: l.law,
      versions: l.versions.map((v) => ({ validFrom: v.validFrom, validTo: v.validTo, complete: v.complete })),
    })),
  };
}

function jsonEntry(e: TimelineEntry): FactsJsonEntry {
  const { share: _share, ...entry } = e;
  void _share;
  return entry;
}

/** The JSON document for consolidated/facts.json. */
export function factsJson(result: ResolveFactsResult, generatedFrom: GeneratedFrom): FactsJson {
  return {
    generatedFrom,
    facts: result.timelines.map((t) => ({ id: t.id, label: t.label, unit: t.unit, timeline: t.timeline.map(jsonEntry) })),
    diagnostics: result.diagnostics,
  };
}

export const TIER_LABEL: Record<SourceTier, string> = {
  consolidated: 'konsolidiert',
  'official-snapshot': 'amtliche Fassung',
  'act-text': 'Text des Änderungsgesetzes (noch nicht konsolidiert)',
};

export function lastChangeText(c: LastChange | null, note?: string): string {
  if (c) return `zuletzt geändert durch ${c.act}, ${c.path}`;
  return note ?? 'Ausgangstext';
}

function entryLines(e: TimelineEntry): string[] {
  const period = `${e.validFrom} – ${e.validTo ?? '…'}`;
  const tier = `${TIER_LABEL[e.tier]}${e.provenance ? ` · tier ${e.provenance}` : ''}${e.source ? ` (${e.source})` : ''}`;
  const lines = [
    `  ${period}  ${e.display}`,
    `    ${e.lawAbbreviation} ${e.unitLabel} · ${tier} · ${lastChangeText(e.lastChange, e.lastChangeNote)}`,
    `    „${e.wording}“`,
  ];
  if (e.euros?.length) lines.push(`    ${e.euros.map((a) => `${a.year}: ${a.display}`).join(' · ')}`);
  if (e.caveat) lines.push(`    Achtung: ${e.caveat}`);
  return lines;
}

/**
 * Plain text of the timelines: all facts, or one (`factId`), over all time or on one day (`date`).
 * Throws UserError for an unknown fact id or an invalid date.
 */
export function formatFactsText(timelines: FactTimeline[], opts: { date?: string; factId?: string } = {}): string {
  if (opts.date !== undefined && !isValidIsoDate(opts.date)) {
    throw new UserError(`invalid date ${JSON.stringify(opts.date)} (expected YYYY-MM-DD)`, 'invalid-date');
  }
  let selected = timelines;
  if (opts.factId !== undefined) {
    selected = timelines.filter((t) => t.id === opts.factId);
    if (selected.length === 0) {
      const prefix = opts.factId.split('.')[0];
      const near = timelines.filter((t) => t.id.startsWith(prefix)).map((t) => t.id);
      throw new UserError(
        `unknown fact ${JSON.stringify(opts.factId)}${near.length ? ` (did you mean: ${near.join(', ')})` : ''}; known: ${timelines.map((t) => t.id).join(', ')}`,
        'unknown-fact',
      );
    }
  }
  const blocks = selected.map((t) => {
    const head = `${t.id} — ${t.label.de} [${t.unit}]`;
    if (opts.date !== undefined) {
      const e = entryOn(t, opts.date);
      return [head, ...(e ? entryLines(e) : [`  kein Wert am ${opts.date} (nicht geregelt oder nicht ermittelbar)`])].join('\n');
    }
    if (t.timeline.length === 0) return [head, '  kein Wert ermittelt'].join('\n');
    return [head, ...t.timeline.flatMap(entryLines)].join('\n');
  });
  return blocks.join('\n\n') + '\n';
}
