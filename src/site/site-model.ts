/**
 * Lookups the pages share, computed once per build: versions in date order, which version each change
 * produced, which instruction each change came from, instruction anchors, and (lazily) the
 * differences between consecutive versions and the element ids of each version's page.
 */
import type { ChangeRecord, LawVersion, LawVersions } from '../consolidate/types.js';
import { paragraphIdOf } from '../model/walk.js';
import { compareLaws, type SectionDiff } from './compare.js';
import { actPage, instructionAnchor, lawDatePage } from './paths.js';
import { idsOfLaw } from './render-law.js';
import type { SiteAct, SiteInput, SiteInstruction } from './types.js';

export interface LawInfo {
  id: string;
  title: string;
  abbreviation: string;
  /** sorted by validFrom */
  versions: LawVersion[];
}

export interface InstructionRef {
  act: SiteAct;
  instruction?: SiteInstruction;
  anchor: string;
}

export interface Link {
  page: string;
  id?: string;
}

export class SiteModel {
  readonly laws: LawInfo[];
  readonly acts: SiteAct[];
  readonly changes: ChangeRecord[];
  /** change index → law id and version date that the change produced */
  readonly versionOfChange = new Map<number, { law: string; date: string }>();
  /** change index → the instruction it came from */
  readonly instructionOfChange = new Map<number, InstructionRef>();
  /** act id → instruction anchors in document order (unique within the page) */
  readonly anchors = new Map<string, string[]>();
  private readonly diffCache = new Map<string, SectionDiff[]>();
  private readonly idCache = new Map<string, Set<string>>();

  constructor(readonly input: SiteInput) {
    const c = input.consolidation;
    this.changes = c.changes;
    this.laws = c.laws.map((l: LawVersions) => ({
      id: l.law,
      title: l.title,
      abbreviation: l.abbreviation || l.law,
      versions: [...l.versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0)),
    }));
    for (const law of this.laws) {
      for (const v of law.versions) for (const i of v.changes) this.versionOfChange.set(i, { law: law.id, date: v.validFrom });
    }
    this.acts = input.acts;
    for (const act of this.acts) {
      const used = new Map<string, number>();
      const list: string[] = [];
      for (const ins of act.instructions) {
        const base = instructionAnchor(ins.path);
        const n = (used.get(base) ?? 0) + 1;
        used.set(base, n);
        const anchor = n === 1 ? base : `${base}-${n}`;
        list.push(anchor);
        for (const i of ins.changeIndices) {
          if (!this.instructionOfChange.has(i)) this.instructionOfChange.set(i, { act, instruction: ins, anchor });
        }
      }
      this.anchors.set(act.entry.id, list);
    }
    // change records not listed by any instruction: link to an instruction with the same path if any
    this.changes.forEach((r, i) => {
      if (this.instructionOfChange.has(i)) return;
      const act = this.actById(r.act);
      if (!act) return;
      const k = act.instructions.findIndex((ins) => ins.path === r.path);
      if (k >= 0) this.instructionOfChange.set(i, { act, instruction: act.instructions[k], anchor: this.anchors.get(act.entry.id)![k] });
    });
  }

  actById(id: string): SiteAct | undefined {
    return this.acts.find((a) => a.entry.id === id);
  }

  law(id: string): LawInfo | undefined {
    return this.laws.find((l) => l.id === id) ?? this.laws.find((l) => l.abbreviation.toLowerCase() === id.toLowerCase());
  }

  /** The version of a law valid on a date. */
  versionAt(law: LawInfo, date: string): LawVersion | undefined {
    let found: LawVersion | undefined;
    for (const v of law.versions) if (v.validFrom <= date) found = v;
    return found;
  }

  previous(law: LawInfo, v: LawVersion): LawVersion | undefined {
    const i = law.versions.indexOf(v);
    return i > 0 ? law.versions[i - 1] : undefined;
  }

  /** Sections changed from the previous version to `v` (cached). */
  diffOf(law: LawInfo, v: LawVersion): SectionDiff[] {
    const key = `${law.id}\u0000${v.validFrom}`;
    let d = this.diffCache.get(key);
    if (!d) {
      d = compareLaws(this.previous(law, v)?.tree, v.tree);
      this.diffCache.set(key, d);
    }
    return d;
  }

  /** Element ids on the page of a version (cached). */
  idsOf(law: LawInfo, v: LawVersion): Set<string> {
    const key = `${law.id}\u0000${v.validFrom}`;
    let ids = this.idCache.get(key);
    if (!ids) {
      ids = idsOfLaw(v.tree);
      this.idCache.set(key, ids);
    }
    return ids;
  }

  /** Link to a unit on a version page; falls back to its § and then to the page top. */
  unitLink(law: LawInfo, v: LawVersion, id: string | undefined): Link {
    const page = lawDatePage(law.id, v.validFrom);
    if (!id) return { page };
    const ids = this.idsOf(law, v);
    if (ids.has(id)) return { page, id };
    const pid = paragraphIdOf(id);
    if (ids.has(pid)) return { page, id: pid };
    return { page };
  }

  /** Where a change record's effect can be seen: the version it produced, at its unit. */
  effectLink(index: number): Link | undefined {
    const r = this.changes[index];
    if (!r) return undefined;
    const where = this.versionOfChange.get(index);
    const law = this.law(where?.law ?? r.law);
    if (!law) return undefined;
    const v = where ? law.versions.find((x) => x.validFrom === where.date) : r.effective ? this.versionAt(law, r.effective) : undefined;
    if (!v) return undefined;
    return this.unitLink(law, v, r.targetId ?? r.paragraphId);
  }

  /** Link to the instruction that produced a change. */
  instructionLink(index: number): Link | undefined {
    const ref = this.instructionOfChange.get(index);
    if (ref) return { page: actPage(ref.act.entry.id), id: ref.anchor };
    const r = this.changes[index];
    const act = r && this.actById(r.act);
    return act ? { page: actPage(act.entry.id) } : undefined;
  }

  /** Records of a version that touched a given section (§ id, "inhalt", Anlage id). */
  recordsFor(v: LawVersion, sectionId: string): number[] {
    return v.changes.filter((i) => {
      const r = this.changes[i];
      if (!r) return false;
      const pid = r.paragraphId ?? (r.targetId ? paragraphIdOf(r.targetId) : undefined);
      return pid === sectionId;
    });
  }

  /** All ISO dates that the site is about (version dates), sorted. */
  allDates(): string[] {
    return [...new Set(this.laws.flatMap((l) => l.versions.map((v) => v.validFrom)))].sort();
  }
}
