/**
 * Load an amending act from the corpus: clean and parse its files, read its Inkrafttreten article,
 * and turn every leaf instruction into an InstructionRecord with its target law, effective date,
 * operations (or diagnostic) and status.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import type { ActEntry, Manifest } from '../corpus/manifest.js';
import { cleanActText, locate } from './clean-text.js';
import { findLawCitation, parseActFragment, type ArtikelNode, type InstructionNode } from './parse-act.js';
import { readVerkuendung, type VerkuendungFound } from './verkuendung.js';
import { parseInstruction } from './parse-instruction.js';
import { readInkrafttreten, effectiveDate, type InkrafttretenRule } from './inkrafttreten.js';
import type { Address } from './address.js';
import type { Operation } from './operations.js';
import type { Vocabulary } from '../text/vocabulary.js';

export type InstructionStatus = 'parsed' | 'failed' | 'not-in-corpus' | 'incomplete-text';

export interface InstructionRecord {
  act: string;
  artikel: string;
  /** "Artikel 4 Nummer 4 Buchstabe e Doppelbuchstabe aa" */
  path: string;
  law: string | null;
  lawName: string;
  effective: string | null;
  effectiveSource: string;
  status: InstructionStatus;
  /** for 'parsed' the operations to apply; for 'incomplete-text' those the cut-off text shows (not applied) */
  operations: Operation[];
  diagnostics: Diagnostic[];
  source: SourceLocation;
  wording: string;
  /** order within the act */
  seq: number;
}

export interface LoadedAct {
  entry: ActEntry;
  title?: string;
  date?: string;
  artikel: ArtikelNode[];
  instructions: InstructionRecord[];
  inkrafttreten: InkrafttretenRule[];
  diagnostics: Diagnostic[];
  /** Artikel the text lacks, with what we know about them */
  missingArtikel: Array<{ artikel: string; law: string | null; effective: string | null }>;
  /** cleaned text per file, for display */
  texts: Array<{ file: string; text: string }>;
}

/** Edit distance, for "did you mean" on law names. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The known law a name as written refers to ("des Aufenthaltsgesetzes" → aufenthg), or a near miss. */
export function resolveLawName(name: string, laws: Manifest['laws']): { law?: string; nearMiss?: string; nearMissLaw?: string } {
  // a hyphen is spelling, not another name: "Prüfstellen-Gebührenverordnung" is the Prüfstellengebührenverordnung
  const plain = (n: string) => n.toLowerCase().replace(/(?<=\p{L})-(?=\p{L})/gu, '');
  const forms = (n: string) => {
    const l = plain(n.trim()).replace(/^(?:(?:die|das|der|des|dem|den)\s+)+/, '');
    return [l, l.replace(/es$/, ''), l.replace(/s$/, '')];
  };
  const written = forms(name);
  for (const law of laws) {
    const known = [...law.names, law.abbreviation, law.title].map(plain);
    if (written.some((w) => known.includes(w))) return { law: law.id };
  }
  let best: { name: string; d: number; law: string } | undefined;
  for (const law of laws) {
    for (const n of law.names) {
      // the known name, or the same number of words at the start of what is written ("Kurzarbeitergeldverordnng vom …")
      const k = n.split(/\s+/).length;
      const d = Math.min(...written.flatMap((w) => [w, w.split(/\s+/).slice(0, k).join(' ')]).map((w) => distance(w, plain(n))));
      if (d <= Math.max(2, Math.floor(n.length / 12)) && (!best || d < best.d)) best = { name: n, d, law: law.id };
    }
  }
  return { nearMiss: best?.name, nearMissLaw: best?.law };
}

/** Every name by which a known law may be cited, longest first. */
function citableNames(laws: Manifest['laws']): string[] {
  return [...new Set(laws.flatMap((l) => [...l.names, l.abbreviation]))].filter((n) => n.length > 2).sort((a, b) => b.length - a.length);
}

/** The sentence without the citation of the amended law: "§ 1 der X vom … wird …" → "§ 1 wird …". */
function withoutCitation(sentence: string, names: string[]): string {
  const c = findLawCitation(sentence, names);
  if (!c) return sentence;
  const before = sentence.slice(0, c.start).replace(/\s+$/, '');
  const after = sentence.slice(c.end).replace(/^\s*,?\s*/, '');
  return `${before} ${after}`.trim().replace(/^(?:Die|Das|Der)\s+(?=wird|werden)/, '');
}

export function loadAct(
  entry: ActEntry,
  manifest: Manifest,
  readFile: (rel: string) => string,
  vocabulary?: Vocabulary,
): LoadedAct {
  const diagnostics: Diagnostic[] = [];
  const artikel: ArtikelNode[] = [];
  const texts: Array<{ file: string; text: string }> = [];
  let title: string | undefined;
  let date: string | undefined;
  let verkuendung: VerkuendungFound | undefined;
  let verkuendungFile = entry.files[0] ?? entry.id;
  for (const file of entry.files) {
    const raw = readFile(file);
    if (raw.trim() === '') {
      diagnostics.push({ severity: 'error', code: 'empty-file', message: `act file is empty: ${file}`, location: { file, line: 1, column: 1 }, act: entry.id });
      continue;
    }
    if (!verkuendung) {
      verkuendung = readVerkuendung(raw);
      if (verkuendung) verkuendungFile = file;
    }
    const clean = cleanActText(file, raw, vocabulary);
    texts.push({ file, text: clean.text });
    const frag = parseActFragment(clean);
    for (const d of frag.diagnostics) diagnostics.push({ ...d, act: entry.id });
    title ??= frag.title;
    date ??= frag.date;
    artikel.push(...frag.artikel);
  }
  // the Verkündung: from the text; the manifest where the text does not say
  let actEntry = entry;
  if (verkuendung) {
    if (entry.verkuendung.date && entry.verkuendung.date !== verkuendung.date) {
      diagnostics.push({ severity: 'warning', code: 'verkuendung-differs', message: `the text gives the Verkündung as ${verkuendung.date} ("${verkuendung.source}"), the manifest as ${entry.verkuendung.date}; the text is used`, location: { file: verkuendungFile, line: verkuendung.line, column: 1 }, act: entry.id });
    }
    actEntry = { ...entry, verkuendung: { date: verkuendung.date, source: `${verkuendungFile}:${verkuendung.line}: "${verkuendung.source}"` } };
  }
  if (artikel.length === 0) {
    diagnostics.push({
      severity: 'error',
      code: 'no-artikel',
      message: `no "Artikel N" and no amending sentence found in the text of ${entry.id}`,
      location: { file: entry.files[0] ?? entry.id, line: 1, column: 1 },
      act: entry.id,
    });
  }
  // Inkrafttreten: from the act's own article; the manifest supplies or overrides the Artikel it names
  const inkArtikel = artikel.find((a) => /Inkrafttreten/.test(a.heading));
  let rules: InkrafttretenRule[] = [];
  if (inkArtikel) rules = readInkrafttreten(inkArtikel, actEntry, diagnostics);
  if (entry.inkrafttreten) {
    const fromManifest = entry.inkrafttreten.map((e) => ({
      artikel: e.artikel,
      nummern: null,
      kind: 'fixed' as const,
      date: e.date,
      source: `manifest: ${e.source}`,
    }));
    for (const m of fromManifest) {
      const own = effectiveDate(rules, m.artikel, null, actEntry);
      if (inkArtikel && own.date && own.date !== m.date) {
        diagnostics.push({ severity: 'warning', code: 'inkrafttreten-manifest-differs', message: `Artikel ${m.artikel}: the act's Inkrafttreten article gives ${own.date}, the manifest ${m.date}; the manifest is used`, act: entry.id, location: inkArtikel ? locate(inkArtikel.clean, inkArtikel.start) : undefined });
      }
    }
    rules = [...fromManifest, ...rules.filter((r) => !fromManifest.some((m) => m.artikel === r.artikel && !r.nummern))];
    if (!inkArtikel) {
      diagnostics.push({
        severity: 'info',
        code: 'inkrafttreten-from-manifest',
        message: `the text of ${entry.citation} lacks its Inkrafttreten article; in-force dates come from the manifest (${fromManifest.map((r) => `Artikel ${r.artikel}: ${r.date}`).join(', ')})`,
        act: entry.id,
        location: { file: entry.files[0], line: 1, column: 1 },
      });
    }
  } else if (!inkArtikel && !artikel.some((a) => a.clean.markers.length)) {
    diagnostics.push({ severity: 'error', code: 'inkrafttreten-missing', message: `no Inkrafttreten article and no dates in the manifest for ${entry.id}`, act: entry.id, location: { file: entry.files[0] ?? entry.id, line: 1, column: 1 } });
  }
  // the amended law of each Artikel (or Artikel-Absatz)
  const names = citableNames(manifest.laws);
  const lawOf = new Map<ArtikelNode, { law: string | null; name: string; nearMissLaw?: string }>();
  for (const a of artikel) {
    if (a === inkArtikel) continue;
    const cited = findLawCitation(a.intro, names)?.name ?? a.lawName;
    const r = resolveLawName(cited, manifest.laws);
    lawOf.set(a, { law: r.law ?? null, name: cited, nearMissLaw: r.nearMissLaw });
    if (!r.law && (!cited || /^(?:Verordnung|Gesetz|Gesetzes|Bekanntmachung|\d)/.test(cited) && !/\s/.test(cited.trim()) || /^\d/.test(cited)) && a.instructions.length) {
      diagnostics.push({
        severity: 'error',
        code: 'amended-law-missing',
        message: `Artikel ${a.number}${a.absatz ? ` Absatz ${a.absatz}` : ''} has instructions but no amending sentence that names the amended law ("Die … vom … wird wie folgt geändert:"); its instructions are not applied`,
        location: locate(a.clean, a.introStart),
        act: entry.id,
        path: `Artikel ${a.number}`,
      });
    }
    if (!r.law && r.nearMiss) {
      diagnostics.push({
        severity: 'error',
        code: 'unknown-law',
        message: `Artikel ${a.number} amends "${cited}", which matches no known law; did you mean "${r.nearMiss}"?`,
        location: locate(a.clean, a.introStart),
        act: entry.id,
        path: `Artikel ${a.number}`,
      });
    }
  }
  // Artikel named by a later Artikel's "zuletzt durch Artikel N dieses Gesetzes" amend the same law
  const missingArtikel: LoadedAct['missingArtikel'] = [];
  // an Artikel whose law name is a near miss of a known law: that law's versions lack its changes
  for (const [a, t] of lawOf) {
    if (!t.law && t.nearMissLaw) missingArtikel.push({ artikel: a.number, law: t.nearMissLaw, effective: effectiveDate(rules, a.number, null, actEntry).date });
  }
  for (const a of artikel) {
    if (a.lastChangedBy?.sameAct && a.lastChangedBy.artikel && !artikel.some((x) => x.number === a.lastChangedBy!.artikel)) {
      const law = lawOf.get(a)?.law ?? null;
      missingArtikel.push({ artikel: a.lastChangedBy.artikel, law, effective: effectiveDate(rules, a.lastChangedBy.artikel, null, actEntry).date });
    }
  }
  const instructions: InstructionRecord[] = [];
  /** "Artikel|Nummer path" of every instruction read, to check the paths the Inkrafttreten article names */
  const unitsOfArtikel = new Set<string>();
  let seq = 0;
  for (const a of artikel) {
    if (a === inkArtikel) continue;
    const target = lawOf.get(a)!;
    const prefix = `Artikel ${a.number}${a.absatz ? ` Absatz ${a.absatz}` : ''}`;
    const dateOf = (n: InstructionNode) => {
      const eff = effectiveDate(rules, a.number, n.labels[0] ?? null, actEntry, n.labels);
      if (eff.date || rules.some((r) => r.artikel === a.number || r.artikel === null)) return eff;
      // web copies: buzer's editorial marker "abweichendes Inkrafttreten am …" around the instruction
      const marker = [...a.clean.markers].reverse().find((m) => m.offset <= n.start);
      if (marker?.date) return { date: marker.date, source: `editorial marker "abweichendes Inkrafttreten am ${marker.date}" of the web copy (${a.clean.file}:${marker.line})` };
      return eff;
    };
    const walk = (n: InstructionNode, context: Address): Address | undefined => {
      unitsOfArtikel.add(`${a.number}|${n.labels.join(' ')}`);
      const path = `${prefix}${n.path ? ' ' + n.path : ''}`;
      const loc = locate(a.clean, n.start);
      const eff = dateOf(n);
      const base = {
        act: entry.id,
        artikel: a.number,
        path,
        law: target.law,
        lawName: target.name,
        effective: eff.date,
        effectiveSource: eff.source,
        source: loc,
        wording: (n.path ? n.labels[n.labels.length - 1] + (/^\d/.test(n.labels[n.labels.length - 1]) ? '. ' : ') ') : '') + n.text.replace(/\s+/g, ' '),
      };
      if (!target.law) {
        if (n.children.length) {
          for (const c of n.children) walk(c, context);
          return undefined;
        }
        instructions.push({
          ...base,
          seq: seq++,
          status: 'not-in-corpus',
          operations: [],
          diagnostics: [
            {
              severity: 'info',
              code: 'target-not-in-corpus',
              message: `${prefix} amends ${target.name ? `"${target.name}"` : 'a law'} which is not among the known laws`,
              location: loc,
              act: entry.id,
              path,
            },
          ],
        });
        return undefined;
      }
      const sentence = n.labels.length === 0 && !a.hasInstructions ? withoutCitation(n.sentence, names) : n.sentence;
      // the amending sentence of another law inside an instruction: an "Artikel N" heading was lost
      const foreign = n.labels.length > 0 ? /(?:^|[.:] )((?:Die|Das|Der) [^⟦]{3,120}? (?:vom \d{1,2}\.\s*\p{L}+ \d{4}|in der Fassung der Bekanntmachung vom)[^⟦]*?(?:wird|werden) wie folgt geändert:)/u.exec(sentence) : null;
      if (foreign) {
        instructions.push({
          ...base,
          seq: seq++,
          status: 'failed',
          operations: [],
          diagnostics: [{ severity: 'error', code: 'amending-sentence-inside-instruction', message: `the instruction contains the amending sentence of a law ("${foreign[1].slice(0, 100)}…"): an "Artikel" heading is missing before it; not applied`, location: loc, act: entry.id, path }],
        });
        return undefined;
      }
      const r = parseInstruction(sentence, n.quotes.map((q) => q.text), context);
      if (r.kind === 'context') {
        if (r.operations?.length) {
          // what the instruction does itself before its sub-instructions (a renumbering)
          instructions.push({ ...base, seq: seq++, status: 'parsed', operations: r.operations, diagnostics: [] });
        }
        if (n.children.length === 0) {
          // an unnumbered "§ 90 Absatz 1 wird wie folgt geändert:" before numbered instructions sets their context
          if (n.labels.length === 0 && a.hasInstructions) return r.address;
          instructions.push({
            ...base,
            seq: seq++,
            status: n.truncated ? 'incomplete-text' : 'failed',
            operations: [],
            diagnostics: [{ severity: 'error', code: 'instruction-without-children', message: 'an instruction announces changes ("wird wie folgt geändert:") but none follow in the text', location: loc, act: entry.id, path }],
          });
        }
        for (const c of n.children) walk(c, r.address);
        return undefined;
      }
      if (n.truncated) {
        // in an act whose text the manifest declares incomplete, a cut-off quote is expected; in a
        // complete act it is an error of the text
        const expected = entry.missing !== null;
        instructions.push({
          ...base,
          seq: seq++,
          status: expected ? 'incomplete-text' : 'failed',
          // what the instruction would do, as far as the text goes: listed, never applied
          operations: expected && r.kind === 'operations' ? r.operations : [],
          diagnostics: [
            {
              severity: expected ? 'warning' : 'error',
              code: expected ? 'incomplete-text' : 'unclosed-quote',
              message: expected
                ? `the quoted text of this instruction is cut off by the end of the available act text (${a.clean.file}); not applied`
                : `a quote („) of this instruction never closes (no matching “ before the next Artikel or the end of ${a.clean.file}); not applied`,
              location: loc,
              act: entry.id,
              path,
            },
          ],
        });
        return undefined;
      }
      if (r.kind === 'error') {
        instructions.push({
          ...base,
          seq: seq++,
          status: 'failed',
          operations: [],
          diagnostics: [{ severity: 'error', code: r.code, message: r.message, location: loc, act: entry.id, path, notes: [`instruction: ${sentence}`] }],
        });
        return undefined;
      }
      const notes: Diagnostic[] = r.warnings.map((w) => ({ severity: 'warning' as const, code: w.startsWith('a stray letter') ? 'stray-character' : 'typo-corrected', message: w, location: loc, act: entry.id, path }));
      for (const q of n.quotes.filter((x) => x.openingSupplied)) {
        notes.push({ severity: 'warning', code: 'opening-quote-supplied', message: 'the quoted text has no opening mark („) in the act text; it is taken to start after the colon that announces it', location: locate(a.clean, q.start), act: entry.id, path });
      }
      const operations = r.operations.map((op) => {
        // "… bis zum Ablauf des 31. März 2024“." in a web copy: the final period of a new Absatz or Satz stands after the closing mark
        if ((op.action === 'rewrite' || op.action === 'insert-units' || op.action === 'append-units' || op.action === 'substitute-units') && (op.unitKind === 'absatz' || op.unitKind === 'satz' || op.unitKind === 'paragraph')) {
          const qt = n.quotes.find((x) => x.text === op.content);
          if (qt?.periodAfter && /[\p{L}\p{N})]$/u.test(op.content.trimEnd())) {
            notes.push({ severity: 'warning', code: 'period-moved-inside', message: 'the new text ends without a period and the act has one right after the closing mark: the period is read as the end of the new text', location: locate(a.clean, qt.end), act: entry.id, path });
            return { ...op, content: op.content.trimEnd() + '.' };
          }
        }
        return op;
      });
      instructions.push({
        ...base,
        seq: seq++,
        status: 'parsed',
        operations,
        diagnostics: notes,
      });
      return undefined;
    };
    // the amending sentence names the unit that is the context of every instruction ("§ 2 der X … wird wie folgt geändert:")
    let context: Address = [];
    if (a.hasInstructions && target.law) {
      const own = withoutCitation(a.intro, names);
      const r = parseInstruction(own, [], []);
      if (r.kind === 'context') context = r.address;
    }
    for (const n of a.instructions) {
      const next = walk(n, context);
      if (next) context = next;
    }
  }
  // a Nummer the Inkrafttreten article dates but the Artikel lacks: its date goes to nothing, and the
  // instruction it meant (numbered otherwise in the text, or lost from it) falls to the general date
  if (inkArtikel) {
    for (const r of rules) {
      if (!r.nummern || r.source.startsWith('manifest:') || !artikel.some((a) => a !== inkArtikel && a.number === r.artikel && a.instructions.length)) continue;
      const absent = r.nummern.filter((n) => !unitsOfArtikel.has(`${r.artikel}|${n}`));
      if (absent.length) {
        diagnostics.push({ severity: 'warning', code: 'inkrafttreten-target-missing', message: `the Inkrafttreten article dates Artikel ${r.artikel} ${absent.map((n) => n.split(' ').map((l, k) => `${['Nummer', 'Buchstabe', 'Doppelbuchstabe'][k] ?? ''} ${l}`).join(' ')).join(', ')}, which Artikel ${r.artikel} of the text lacks (${r.source})`, location: locate(inkArtikel.clean, inkArtikel.start), act: entry.id, path: `Artikel ${inkArtikel.number}` });
      }
    }
  }
  return { entry: actEntry, title, date, artikel, instructions, inkrafttreten: rules, diagnostics, missingArtikel, texts };
}
