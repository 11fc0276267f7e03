/**
 * Resolving the fact catalogue against the consolidated versions: for every version of every law, read each
 * fact from the text valid then, and build one timeline per fact (value, validity, where it lives, the words,
 * the source tier and the change that last altered the unit).
 *
 * Source tiers: a complete version is read as consolidated. An incomplete version (changes due could not be
 * applied) is read from the official snapshot of its days, else from the act's pending text of its first day.
 * When neither exists, the words are uncertain: they are read from the latest earlier official snapshot (or,
 * when the consolidation applied a change to the unit, from the version's own tree) and marked with a caveat
 * and a `fact-from-incomplete-version` warning; the profile check does not decide on them. A fact whose unit
 * is gone or whose pattern no longer matches is a `fact-unresolved` error naming the change of that version
 * that touched the unit; the old value is never carried over.
 */
import { DiagnosticSink, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ChangeRecord, LawVersion, LawVersions, UnitProvenance } from '../consolidate/types.js';
import type { Law } from '../model/types.js';
import { bodyNodeById, findById, paragraphIdOf } from '../model/walk.js';
import { bodyNodeText, unitText } from '../model/text-of.js';
import { humanLabelFromId } from '../model/labels.js';
import { readFactValue } from './read-fact.js';
import { shareAmountsForPeriod, type Parameters } from './parameters.js';
import type { ActTextHit } from './act-text.js';
import type { FactCatalogue, FactDefinition, FactLocation, FactTimeline, LastChange, SourceTier, TimelineEntry } from './types.js';

export interface ResolveFactsInput {
  laws: LawVersions[];
  /** the effects table; LawVersion.changes index into it */
  changes: ChangeRecord[];
  catalogue: FactCatalogue;
  /** the official snapshot of a law named by exactly this date */
  officialSnapshot?: (law: string, date: string) => Law | undefined;
  /** the dates of a law's official snapshots; without it only a version's first day is looked up */
  officialSnapshotDates?: (law: string) => string[];
  /** the corpus file of a snapshot, cited in the timeline */
  officialSnapshotFile?: (law: string, date: string) => string | undefined;
  /** the pending words of a fact's unit in the acts entering into force on a version's first day (see pendingActText) */
  actText?: (law: string, date: string, factId: string) => ActTextHit | undefined;
  /** BBG table: when given, share-of-bbg entries get their euro amounts per calendar year */
  parameters?: Parameters;
}

export interface ResolveFactsResult {
  timelines: FactTimeline[];
  diagnostics: Diagnostic[];
}

import { addDays } from '../text/dates.js';

export { addDays };

/** Does a change record touch the unit (the unit itself, a unit inside it, or a unit containing it)? */
export function changeCovers(r: ChangeRecord, law: string, nodeId: string): boolean {
  if (r.law !== law) return false;
  if (r.targetId) {
    const t = r.targetId;
    return t === nodeId || nodeId.startsWith(`${t}/`) || t.startsWith(`${nodeId}/`);
  }
  return r.paragraphId !== undefined && r.paragraphId === paragraphIdOf(nodeId);
}

function toLastChange(r: ChangeRecord): LastChange {
  return { act: r.act, artikel: r.artikel, path: r.path };
}

/** The words of a unit (or Anlage) in a tree, normalised; undefined when the tree lacks it. */
export function wordsOf(tree: Law, nodeId: string): string | undefined {
  if (nodeId.startsWith('anlage-')) {
    const n = bodyNodeById(tree, nodeId);
    return n ? bodyNodeText(n) : undefined;
  }
  const u = findById(tree, nodeId);
  return u ? unitText(u) : undefined;
}

/** One stretch of days with one source of words. */
interface TextPiece {
  from: string;
  to: string | null;
  tier: SourceTier;
  /** the words of the unit, or undefined when the source lacks the unit */
  words: string | undefined;
  source?: string;
  caveat?: string;
  /** change named by the act-text provider */
  actChange?: LastChange;
  /** the provenance of the unit's § in the version (see consolidate/types.ts Tier) */
  provenance?: UnitProvenance;
}

/** The provenance of the § (or Anlage) that holds a node, in a version that carries tiers. */
export function provenanceOf(v: LawVersion, nodeId: string): UnitProvenance | undefined {
  if (!v.units) return undefined;
  const id = nodeId.startsWith('anlage-') ? nodeId.split('/')[0] : paragraphIdOf(nodeId);
  return v.units.find((u) => u.id === id);
}

/** The change an official-tier unit rests on, as far as the footnotes or the acts tell. */
function officialChange(p: UnitProvenance): { change: LastChange | null; note: string } {
  const s = p.source;
  if (s.inForceFrom === 'base') return { change: null, note: `Ausgangstext (amtliche Fassung ${s.file})` };
  const when = `in Kraft ab ${s.inForce ?? p.since}${s.inForceFrom === 'online-date' ? ' (Tag der Veröffentlichung des amtlichen Textes; kein Inkrafttretensdatum im Korpus)' : s.inForceFrom === 'footnote' ? ' (laut juris-Fußnote)' : ''}`;
  if (s.act || s.citation) {
    const change: LastChange = { act: s.act ?? s.citation!, artikel: s.artikel ?? '', path: [s.artikel ? `Artikel ${s.artikel}` : '', s.within ?? ''].filter(Boolean).join(' ') || (s.citation ?? '') };
    return { change, note: `amtlicher Wortlaut (${s.file}), ${when}; ${s.citation ?? s.act}${s.act ? '' : ': Änderungstext nicht im Korpus'}` };
  }
  return { change: null, note: `amtlicher Wortlaut (${s.file}), ${when}; Änderung nicht im Korpus (keine Fußnote nennt sie)` };
}

class FactResolver {
  readonly sink = new DiagnosticSink();
  /** laws the catalogue names but the input lacks, with the facts concerned */
  readonly missingLaws = new Map<string, string[]>();
  /** facts read with a caveat, per law and first day: reported as one warning each */
  readonly uncertain = new Map<string, { where: string; caveat: string; facts: string[] }>();

  constructor(private readonly input: ResolveFactsInput) {}

  resolve(def: FactDefinition): FactTimeline {
    const entries: TimelineEntry[] = [];
    for (const loc of def.locations) {
      const lv = this.input.laws.find((l) => l.law === loc.law);
      if (!lv) {
        this.missingLaws.set(loc.law, [...(this.missingLaws.get(loc.law) ?? []), def.id]);
        continue;
      }
      const versions = [...lv.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      versions.forEach((v, k) => {
        const from = loc.from !== undefined && loc.from > v.validFrom ? loc.from : v.validFrom;
        const to = minDate(v.validTo, loc.to ?? null);
        if (to !== null && to < from) return;
        for (const piece of this.pieces(def, loc, v, from, to)) {
          const entry = this.read(def, loc, lv, versions, k, piece);
          if (entry) entries.push(entry);
        }
      });
    }
    const timeline = mergeEntries(entries);
    if (def.unit === 'share-of-bbg' && this.input.parameters) {
      for (const e of timeline) if (e.share) e.euros = shareAmountsForPeriod(this.input.parameters, e.share, e.validFrom, e.validTo);
    }
    return { id: def.id, label: def.label, unit: def.unit, timeline };
  }

  /** The sources of words for the days [from, to] of one version. */
  private pieces(def: FactDefinition, loc: FactLocation, v: LawVersion, from: string, to: string | null): TextPiece[] {
    if (v.complete) {
      const p = provenanceOf(v, loc.nodeId);
      // official wording that entered the chain after its start (the base text itself reads as consolidated)
      if (p?.tier === 'official' && p.source.inForceFrom !== 'base') return [{ from, to, tier: 'official-snapshot', words: wordsOf(v.tree, loc.nodeId), source: p.source.file, provenance: p }];
      return [{ from, to, tier: 'consolidated', words: wordsOf(v.tree, loc.nodeId), provenance: p }];
    }
    const { officialSnapshot, officialSnapshotDates, officialSnapshotFile, actText } = this.input;
    const dates = officialSnapshotDates ? officialSnapshotDates(v.law) : [v.validFrom];
    const inVersion = dates.filter((d) => d >= v.validFrom && (to === null || d <= to));
    const firstSnapshot = [...inVersion].reverse().find((d) => d <= from);
    const starts: Array<{ at: string; snapshot?: string }> = [{ at: from, snapshot: firstSnapshot }];
    for (const d of inVersion) if (d > from) starts.push({ at: d, snapshot: d });
    return starts.map((s, i): TextPiece => {
      const end = i + 1 < starts.length ? addDays(starts[i + 1].at, -1) : to;
      const snap = s.snapshot !== undefined ? officialSnapshot?.(v.law, s.snapshot) : undefined;
      if (snap) {
        const file = officialSnapshotFile?.(v.law, s.snapshot!);
        return { from: s.at, to: end, tier: 'official-snapshot', words: wordsOf(snap, loc.nodeId), source: file ?? `official snapshot ${s.snapshot}` };
      }
      const hit = actText?.(v.law, v.validFrom, def.id);
      if (hit) return { from: s.at, to: end, tier: 'act-text', words: hit.text, source: hit.source, actChange: hit.change };
      // Nothing for this day: the best words left are uncertain. If the consolidation applied a change to the
      // unit, its own tree has the newest words; otherwise the latest official snapshot before the version
      // does (the tree may also lack earlier changes that could not be applied).
      const incomplete = `Fassung ab ${v.validFrom} unvollständig${v.missing.length ? ` (${v.missing.join('; ')})` : ''}; weder amtliche Fassung noch Änderungstext dieses Tages für diese Einheit im Korpus`;
      const appliedHere = this.changesOf(v, v.law, loc.nodeId, true).length > 0;
      const earlier = appliedHere || !officialSnapshotDates ? undefined : officialSnapshotDates(v.law).filter((d) => d < v.validFrom).pop();
      const earlierSnap = earlier !== undefined ? officialSnapshot?.(v.law, earlier) : undefined;
      if (earlierSnap) {
        const caveat = `${incomplete}; Wortlaut der amtlichen Fassung vom ${earlier}, spätere Änderungen nicht ausgeschlossen`;
        return { from: s.at, to: end, tier: 'official-snapshot', words: wordsOf(earlierSnap, loc.nodeId), source: officialSnapshotFile?.(v.law, earlier!) ?? `official snapshot ${earlier}`, caveat };
      }
      return { from: s.at, to: end, tier: 'consolidated', words: wordsOf(v.tree, loc.nodeId), caveat: `${incomplete}; Wortlaut der unvollständigen Fassung` };
    });
  }

  private read(def: FactDefinition, loc: FactLocation, lv: LawVersions, versions: LawVersion[], k: number, piece: TextPiece): TimelineEntry | undefined {
    const unitLabel = humanLabelFromId(loc.nodeId);
    const where = `${lv.abbreviation} ${unitLabel} (${piece.tier}${piece.caveat ? ', unvollständige Fassung' : ''}, ab ${piece.from})`;
    const culprits = this.changesOf(versions[k], lv.law, loc.nodeId, piece.tier === 'consolidated' && !piece.caveat);
    const blame = (): Partial<Diagnostic> => {
      const c = culprits[culprits.length - 1];
      if (!c && piece.provenance?.tier === 'official') return { notes: [`changed in the official text: ${officialChange(piece.provenance).note}`] };
      return c ? { act: c.act, path: c.path, notes: culprits.map((r) => `changed by ${r.act} ${r.path} (${r.status}): ${r.target}`) } : { notes: ['no change recorded for this version touches the unit'] };
    };
    if (piece.words === undefined) {
      if (piece.caveat) {
        this.sink.warning('fact-text-missing', `${def.id}: ${where}: the text is not in the corpus. ${piece.caveat}`);
      } else {
        this.sink.error('fact-unresolved', `${def.id}: ${where}: unit ${loc.nodeId} not found`, blame());
      }
      return undefined;
    }
    const r = readFactValue(def, loc, piece.words);
    if (!r.ok) {
      this.sink.error('fact-unresolved', `${def.id}: ${where}: ${r.detail}. Wording: „${clip(piece.words)}“`, blame());
      return undefined;
    }
    if (piece.caveat) {
      const key = `${lv.abbreviation} ab ${piece.from}\u0000${piece.caveat}`;
      const seen = this.uncertain.get(key) ?? { where: `${lv.abbreviation} ab ${piece.from}`, caveat: piece.caveat, facts: [] };
      seen.facts.push(def.id);
      this.uncertain.set(key, seen);
    }
    const entry: TimelineEntry = {
      value: r.value,
      display: r.display,
      validFrom: piece.from,
      validTo: piece.to,
      law: lv.law,
      lawAbbreviation: lv.abbreviation,
      unitLabel,
      nodeId: loc.nodeId,
      wording: piece.words,
      matched: r.matched,
      tier: piece.tier,
      lastChange: null,
    };
    if (piece.provenance) entry.provenance = piece.provenance.tier;
    const last = this.lastChange(def, versions, k, lv.law, loc.nodeId, piece);
    entry.lastChange = last.change;
    if (last.note) entry.lastChangeNote = last.note;
    if (piece.source) entry.source = piece.source;
    if (piece.caveat) entry.caveat = piece.caveat;
    if (r.share) entry.share = { numerator: r.share.numerator, denominator: r.share.denominator };
    return entry;
  }

  /** The change records of a version that touch the unit (applied ones only, when the tree itself is read). */
  private changesOf(v: LawVersion, law: string, nodeId: string, appliedOnly: boolean): ChangeRecord[] {
    return v.changes
      .map((i) => this.input.changes[i])
      .filter((r): r is ChangeRecord => r !== undefined && changeCovers(r, law, nodeId) && (!appliedOnly || r.status === 'applied'));
  }

  /**
   * The change that last altered the unit. Consolidated words: the latest covering record of this or an earlier
   * version (null = base text). Words from outside the consolidation: a record of this version, else the
   * Artikel whose pending text they are; if they equal the consolidation's own words, its history holds;
   * otherwise they were changed by something the corpus does not have, and that is said.
   */
  private lastChange(def: FactDefinition, versions: LawVersion[], k: number, law: string, nodeId: string, piece: TextPiece): { change: LastChange | null; note?: string } {
    if (piece.provenance?.tier === 'official') return officialChange(piece.provenance);
    const own = this.changesOf(versions[k], law, nodeId, piece.tier === 'consolidated');
    if (own.length) return { change: toLastChange(own[own.length - 1]) };
    if (piece.actChange) return { change: piece.actChange };
    const history = (): LastChange | null => {
      for (let i = k - 1; i >= 0; i--) {
        const earlier = this.changesOf(versions[i], law, nodeId, true);
        if (earlier.length) return toLastChange(earlier[earlier.length - 1]);
      }
      return null;
    };
    if (piece.tier === 'consolidated' || wordsOf(versions[k].tree, nodeId) === piece.words) return { change: history() };
    const hit = this.input.actText?.(law, versions[k].validFrom, def.id);
    if (hit?.change && hit.text === piece.words) return { change: hit.change };
    return { change: null, note: 'Änderung nicht im Korpus: der Wortlaut weicht von der Konsolidierung ab, und keine Änderungsvorschrift im Korpus erklärt ihn' };
  }

}

function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function clip(s: string, n = 240): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function sameValue(a: TimelineEntry['value'], b: TimelineEntry['value']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Join consecutive entries with the same value, unit, words and source tier. */
export function mergeEntries(entries: TimelineEntry[]): TimelineEntry[] {
  const sorted = [...entries].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const out: TimelineEntry[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.validTo !== null &&
      addDays(prev.validTo, 1) === e.validFrom &&
      sameValue(prev.value, e.value) &&
      prev.law === e.law &&
      prev.nodeId === e.nodeId &&
      prev.wording === e.wording &&
      prev.tier === e.tier &&
      prev.caveat === e.caveat
    ) {
      prev.validTo = e.validTo;
      continue;
    }
    out.push({ ...e });
  }
  return out;
}

/** Resolve every fact of the catalogue over all versions of all laws. */
export function resolveFacts(input: ResolveFactsInput): ResolveFactsResult {
  const resolver = new FactResolver(input);
  const timelines = input.catalogue.facts.map((def) => resolver.resolve(def));
  for (const { where, caveat, facts } of resolver.uncertain.values()) {
    resolver.sink.warning('fact-from-incomplete-version', `${where}: ${facts.length} fact(s) read from words that nothing of that day confirms (${caveat}): ${facts.join(', ')}`);
  }
  for (const [law, facts] of resolver.missingLaws) {
    resolver.sink.warning('fact-law-missing', `law ${JSON.stringify(law)} is not among the consolidated laws; not resolved: ${[...new Set(facts)].join(', ')}`);
  }
  return { timelines, diagnostics: resolver.sink.items };
}

export { entryOn } from './timeline.js';
