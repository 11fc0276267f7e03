/**
 * Lookups the pages share, computed once per build: versions in date order, which version each change
 * produced, which instruction each change came from, instruction anchors, and (lazily) the
 * differences between consecutive versions and the element ids of each version's page.
 */
import type { ChangeRecord, LawVersion, LawVersions } from '../consolidate/types.js';
import type { BodyNode, Paragraph } from '../model/types.js';
import { paragraphIdOf } from '../model/walk.js';
import type { CitationResolver } from './citations.js';
import { compareLaws, sectionTitle, type SectionDiff } from './compare.js';
import { actPage, href, instructionAnchor, lawDatePage, lawPartPage } from './paths.js';
import { nodeText } from './node-text.js';
import { idsOfLaw } from './render-law.js';
import { shareUnchangedNodes } from './shared-nodes.js';
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

/** One part of a version split for page weight: the body nodes from one Gliederung heading on. */
export interface LawPart {
  /** file name without ".html" ("kapitel-2-abschnitt-4") */
  slug: string;
  /** "Kapitel 2 Einreise und Aufenthalt im Bundesgebiet · Abschnitt 4 …" */
  title: string;
  nodes: BodyNode[];
}

/** Texts longer than this (characters of statute text) are split into parts per Kapitel/Abschnitt. */
export const SPLIT_ABOVE_CHARS = 90_000;

function slug(text: string): string {
  return instructionAnchor(text) || 'teil';
}

/** Split a body at every Gliederung of depth 0 or 1 (Kapitel, Abschnitt) that follows text. */
export function splitBody(body: BodyNode[]): LawPart[] {
  const parts: LawPart[] = [];
  let cur: BodyNode[] = [];
  /** the Kapitel a part starting with an Abschnitt belongs to, for its name */
  let kapitel: Extract<BodyNode, { kind: 'gliederung' }> | undefined;
  const close = (): void => {
    if (!cur.length) return;
    const named: Array<Extract<BodyNode, { kind: 'gliederung' }>> = [];
    for (const n of cur) {
      if (n.kind !== 'gliederung') break;
      named.push(n);
    }
    if (named[0]?.depth === 0) kapitel = named[0];
    const context = named.length && named[0].depth > 0 && kapitel ? [kapitel, ...named] : named;
    const base = context.length ? slug(context.map((h) => `${h.type} ${h.label}`).join(' ')) : parts.length ? `teil-${parts.length + 1}` : 'anfang';
    let name = base;
    for (let k = 2; parts.some((p) => p.slug === name); k++) name = `${base}-${k}`;
    const title = context.length ? context.map((h) => sectionTitle(h)).join(' · ') : cur[0].kind === 'paragraph' ? `ab ${sectionTitle(cur[0])}` : 'Vorschriften';
    parts.push({ slug: name, title, nodes: cur });
    cur = [];
  };
  for (const n of body) {
    if (n.kind === 'gliederung' && n.depth <= 1 && cur.some((x) => x.kind !== 'gliederung')) close();
    cur.push(n);
  }
  close();
  if (parts.length > 1) return parts;
  // a text without Kapitel/Abschnitt headings (the official texts carry none): parts of §§ by count
  return chunkByParagraphs(body);
}

/** Parts of at most PARAGRAPHS_PER_PART §§ each, named by their first and last §. */
const PARAGRAPHS_PER_PART = 20;

function chunkByParagraphs(body: BodyNode[]): LawPart[] {
  const parts: LawPart[] = [];
  let cur: BodyNode[] = [];
  const close = (): void => {
    if (!cur.length) return;
    const paras = cur.filter((n): n is Extract<BodyNode, { kind: 'paragraph' }> => n.kind === 'paragraph');
    const first = paras[0]?.label;
    const last = paras[paras.length - 1]?.label;
    const slugBase = first ? `paragraphen-${first}-${last}` : parts.length ? `teil-${parts.length + 1}` : 'anfang';
    let name = slugBase;
    for (let k = 2; parts.some((p) => p.slug === name); k++) name = `${slugBase}-${k}`;
    parts.push({ slug: name, title: first ? (first === last ? `§ ${first}` : `§§ ${first} bis ${last}`) : cur[0].kind === 'anlage' ? 'Anlagen' : 'Vorschriften', nodes: cur });
    cur = [];
  };
  let count = 0;
  for (const n of body) {
    if (n.kind === 'paragraph') {
      if (count === PARAGRAPHS_PER_PART) {
        close();
        count = 0;
      }
      count++;
    } else if (n.kind === 'anlage' && cur.some((x) => x.kind === 'paragraph')) {
      close();
      count = PARAGRAPHS_PER_PART;
    }
    cur.push(n);
  }
  close();
  return parts;
}

/** German genitive and plain forms of a law's names, lower-cased ("aufenthaltsgesetzes"). */
function nameForms(name: string): string[] {
  const n = name.trim().toLowerCase();
  if (!n) return [];
  const forms = [n];
  if (/gesetz$/.test(n)) forms.push(`${n}es`, `${n}s`);
  if (/buch$/.test(n)) forms.push(`${n}es`, `${n}s`);
  return forms;
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
  private readonly partCache = new Map<string, { parts: LawPart[]; pageOfSection: Map<string, string> } | null>();
  private readonly paraCache = new Map<string, Map<string, Paragraph>>();
  private readonly sectionRecords = new WeakMap<LawVersion, Map<string, number[]>>();
  /** law name forms (lower case) → law id */
  readonly lawNames = new Map<string, string>();

  constructor(readonly input: SiteInput) {
    const c = input.consolidation;
    this.changes = c.changes;
    this.laws = c.laws.map((l: LawVersions) => ({
      id: l.law,
      title: l.title,
      abbreviation: l.abbreviation || l.law,
      versions: shareUnchangedNodes([...l.versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0))),
    }));
    for (const law of this.laws) {
      for (const v of law.versions) for (const i of v.changes) this.versionOfChange.set(i, { law: law.id, date: v.validFrom });
    }
    for (const law of this.laws) {
      for (const name of [law.abbreviation, law.id, law.title, ...(input.lawNames?.[law.id] ?? [])]) {
        for (const f of nameForms(name)) if (!this.lawNames.has(f)) this.lawNames.set(f, law.id);
      }
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

  /** The parts of a long version (undefined: one page). */
  partsOf(law: LawInfo, v: LawVersion): LawPart[] | undefined {
    return this.partInfo(law, v)?.parts;
  }

  private partInfo(law: LawInfo, v: LawVersion): { parts: LawPart[]; pageOfSection: Map<string, string> } | null {
    const key = `${law.id}\u0000${v.validFrom}`;
    let info = this.partCache.get(key);
    if (info === undefined) {
      let chars = 0;
      for (const n of v.tree.body) chars += nodeText(n).length;
      info = null;
      if (chars > SPLIT_ABOVE_CHARS) {
        const parts = splitBody(v.tree.body);
        if (parts.length > 1) {
          const pageOfSection = new Map<string, string>();
          for (const p of parts) for (const n of p.nodes) pageOfSection.set(n.id, lawPartPage(law.id, v.validFrom, p.slug));
          info = { parts, pageOfSection };
        }
      }
      this.partCache.set(key, info);
    }
    return info;
  }

  /** The page that shows a unit of a version (the part page of its § when the version is split). */
  pageOf(law: LawInfo, v: LawVersion, id: string | undefined): string {
    const info = this.partInfo(law, v);
    const index = lawDatePage(law.id, v.validFrom);
    if (!info || !id || id === 'inhalt' || id.startsWith('inhalt/')) return index;
    return info.pageOfSection.get(paragraphIdOf(id)) ?? info.pageOfSection.get(id) ?? index;
  }

  /** Link to a unit on a version page; falls back to its § and then to the page top. */
  unitLink(law: LawInfo, v: LawVersion, id: string | undefined): Link {
    const top = lawDatePage(law.id, v.validFrom);
    if (!id) return { page: top };
    const ids = this.idsOf(law, v);
    if (ids.has(id)) return { page: this.pageOf(law, v, id), id };
    const pid = paragraphIdOf(id);
    if (ids.has(pid)) return { page: this.pageOf(law, v, pid), id: pid };
    return { page: top };
  }

  /** The § of a version by its label. */
  paragraphOf(law: LawInfo, v: LawVersion, label: string): Paragraph | undefined {
    const key = `${law.id}\u0000${v.validFrom}`;
    let m = this.paraCache.get(key);
    if (!m) {
      m = new Map();
      for (const n of v.tree.body) if (n.kind === 'paragraph' && !m.has(n.label)) m.set(n.label, n);
      this.paraCache.set(key, m);
    }
    return m.get(label);
  }

  /**
   * Citations in the text of `law` at version `v`, shown on page `from`: links go to the same law at
   * the same version, and to the other laws at the version valid on the first day of `v`.
   */
  citationResolver(from: string, law: LawInfo, v: LawVersion): CitationResolver {
    const at = (lawId: string): { info: LawInfo; version: LawVersion } | undefined => {
      if (lawId === law.id) return { info: law, version: v };
      const info = this.laws.find((l) => l.id === lawId);
      const version = info && this.versionAt(info, v.validFrom);
      return info && version ? { info, version } : undefined;
    };
    return {
      lawByName: (name) => this.lawNames.get(name.toLowerCase()),
      paragraph: (lawId, label) => {
        const t = at(lawId);
        const p = t && this.paragraphOf(t.info, t.version, label);
        return p && !p.weggefallen ? p : undefined;
      },
      href: (lawId, id) => {
        const t = at(lawId)!;
        return href(from, this.pageOf(t.info, t.version, id), id);
      },
    };
  }

  /** The last day the site is about: the latest version date of any law. */
  lastDate(): string {
    const all = this.allDates();
    return all[all.length - 1] ?? '';
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

  /** Records of a version that touched a given section (§ id, "inhalt", Anlage id), in record order. */
  recordsFor(v: LawVersion, sectionId: string): number[] {
    return this.recordsBySection(v).get(sectionId) ?? [];
  }

  /** A version's records grouped by the section they touched, once per version (compare pages ask per section and pair). */
  private recordsBySection(v: LawVersion): Map<string, number[]> {
    let m = this.sectionRecords.get(v);
    if (!m) {
      m = new Map();
      for (const i of v.changes) {
        const r = this.changes[i];
        if (!r) continue;
        const pid = r.paragraphId ?? (r.targetId ? paragraphIdOf(r.targetId) : undefined);
        if (pid === undefined) continue;
        const list = m.get(pid);
        if (list) list.push(i);
        else m.set(pid, [i]);
      }
      this.sectionRecords.set(v, m);
    }
    return m;
  }

  /** All ISO dates that the site is about (version dates), sorted. */
  allDates(): string[] {
    return [...new Set(this.laws.flatMap((l) => l.versions.map((v) => v.validFrom)))].sort();
  }
}
