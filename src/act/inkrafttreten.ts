/**
 * The Inkrafttreten article → in-force dates per Artikel and per Nummer.
 *
 * "(1) Die Verordnung tritt vorbehaltlich der Absätze 2 bis 4 am 1. März 2024 in Kraft." (default),
 * "(2) Die Artikel 1 und 4 treten am Tag nach der Verkündung in Kraft, frühestens jedoch am
 * 18. November 2023.", "(3) Artikel 3 sowie Artikel 5 Nummer 2 und 7 treten am 1. Juni 2024 in Kraft."
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ActEntry } from '../corpus/manifest.js';
import { locate } from './clean-text.js';
import { addDays } from '../text/dates.js';
import { GERMAN_DATE, germanDate, type ArtikelNode } from './parse-act.js';

export interface InkrafttretenRule {
  /** null = the whole act (default rule) */
  artikel: string | null;
  /** null = the whole Artikel */
  nummern: string[] | null;
  kind: 'fixed' | 'day-after-verkuendung';
  date?: string;
  earliest?: string;
  source: string;
}


export function readInkrafttreten(a: ArtikelNode, act: ActEntry, diagnostics: Diagnostic[]): InkrafttretenRule[] {
  const rules: InkrafttretenRule[] = [];
  for (const abs of a.absaetze) {
    const where = `Artikel ${a.number} Absatz ${abs.label}`;
    const loc = locate(a.clean, abs.start);
    const m = /^(.*?)\s+(?:tritt|treten)\s+(.*?)\s+in Kraft(.*)$/.exec(abs.text);
    if (!m) {
      diagnostics.push({ severity: 'error', code: 'inkrafttreten-unparsed', message: `Inkrafttreten sentence not understood: "${abs.text}"`, location: loc, act: act.id, path: where });
      continue;
    }
    const subject = m[1];
    const when = `${m[2]}${m[3]}`;
    let kind: InkrafttretenRule['kind'];
    let date: string | undefined;
    let earliest: string | undefined;
    const dm = GERMAN_DATE.exec(m[2]);
    if (/am Tag nach der Verkündung/.test(m[2])) {
      kind = 'day-after-verkuendung';
      const e = /frühestens jedoch am (\d{1,2})\.\s*(\S+)\s+(\d{4})/.exec(when);
      if (e) {
        earliest = germanDate(e[1], e[2], e[3]);
        if (!earliest) {
          diagnostics.push({ severity: 'error', code: 'impossible-date', message: `impossible date "${e[0]}"`, location: loc, act: act.id, path: where });
          continue;
        }
      }
    } else if (dm) {
      kind = 'fixed';
      date = germanDate(dm[1], dm[2], dm[3]);
      if (!date) {
        diagnostics.push({ severity: 'error', code: 'impossible-date', message: `impossible date "${dm[0]}" in ${where}`, location: loc, act: act.id, path: where });
        continue;
      }
    } else {
      diagnostics.push({ severity: 'error', code: 'inkrafttreten-unparsed', message: `in-force date not understood: "${m[2]}"`, location: loc, act: act.id, path: where });
      continue;
    }
    const source = `${where}: ${abs.text}`;
    if (/^(?:Die|Das|Diese|Dieses)\s+(?:Verordnung|Gesetz)\b/.test(subject)) {
      rules.push({ artikel: null, nummern: null, kind, date, earliest, source });
      continue;
    }
    // "Die Artikel 1 und 4" / "Artikel 3 sowie Artikel 5 Nummer 2 und 7"
    const refs = subject.replace(/^Die\s+/, '').split(/\s*(?:,|\bsowie\b|\bund\b)\s*(?=Artikel\b)/);
    for (const ref of refs) {
      const r = /^Artikel\s+(.+?)(?:\s+(?:Nummer|Nummern)\s+(.+))?$/.exec(ref.trim());
      if (!r) {
        diagnostics.push({ severity: 'error', code: 'inkrafttreten-unparsed', message: `reference not understood: "${ref}"`, location: loc, act: act.id, path: where });
        continue;
      }
      const artikelNos = r[1].split(/\s*(?:,|und|sowie)\s*/).filter(Boolean);
      const nummern = r[2] ? r[2].split(/\s*(?:,|und|sowie)\s*/).filter(Boolean) : null;
      for (const no of artikelNos) rules.push({ artikel: no, nummern, kind, date, earliest, source });
    }
  }
  return rules;
}

/** The date on which an Artikel (and Nummer) enters into force; null when the act does not tell. */
export function effectiveDate(
  rules: InkrafttretenRule[],
  artikel: string,
  nummer: string | null,
  act: ActEntry,
): { date: string | null; source: string } {
  const specific =
    rules.find((r) => r.artikel === artikel && r.nummern && nummer && r.nummern.includes(nummer)) ??
    rules.find((r) => r.artikel === artikel && !r.nummern) ??
    rules.find((r) => r.artikel === null);
  if (!specific) return { date: null, source: `no in-force rule for Artikel ${artikel}` };
  if (specific.kind === 'fixed') return { date: specific.date!, source: specific.source };
  // am Tag nach der Verkündung [, frühestens jedoch am …]
  const v = act.verkuendung;
  if (v.date) {
    const next = addDays(v.date, 1);
    const date = specific.earliest && specific.earliest > next ? specific.earliest : next;
    return { date, source: `${specific.source} (Verkündung ${v.date})` };
  }
  if (v.latest && specific.earliest && addDays(v.latest, 1) <= specific.earliest) {
    return { date: specific.earliest, source: `${specific.source} (Verkündung no later than ${v.latest}, so the earliest date governs)` };
  }
  return { date: null, source: `${specific.source} (Verkündung date unknown${v.earliest ? `: between ${v.earliest} and ${v.latest}` : ''})` };
}
