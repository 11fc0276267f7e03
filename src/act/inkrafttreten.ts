/**
 * The Inkrafttreten article → in-force dates per Artikel and per Nummer.
 *
 * "(1) Die Verordnung tritt vorbehaltlich der Absätze 2 bis 4 am 1. März 2024 in Kraft." (default),
 * "(2) Die Artikel 1 und 4 treten am Tag nach der Verkündung in Kraft, frühestens jedoch am
 * 18. November 2023.", "(3) Artikel 3 sowie Artikel 5 Nummer 2 und 7 treten am 1. Juni 2024 in Kraft.",
 * "Diese Verordnung tritt am ersten Tag des (zweiten) auf die Verkündung folgenden Kalendermonats (Quartals,
 * Kalenderjahres) in Kraft." — dates counted from the Verkündung are known only with its date.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ActEntry } from '../corpus/manifest.js';
import { locate } from './clean-text.js';
import { addDays, firstDayOfFollowing } from '../text/dates.js';
import { GERMAN_DATE, germanDate, type ArtikelNode } from './parse-act.js';
import { expandRange } from '../model/labels.js';

export interface InkrafttretenRule {
  /** null = the whole act (default rule) */
  artikel: string | null;
  /** null = the whole Artikel; else the instruction paths it names: "2", "3 b" (Nummer 3 Buchstabe b) */
  nummern: string[] | null;
  kind: 'fixed' | 'day-after-verkuendung' | 'period-after-verkuendung' | 'unknown';
  date?: string;
  /** 'period-after-verkuendung': the first day of the nth Kalendermonat, Quartal or Kalenderjahr after the Verkündung */
  period?: { unit: 'month' | 'quarter' | 'year'; nth: number };
  earliest?: string;
  source: string;
}

const ORDINALS: Record<string, number> = {
  zweiten: 2, dritten: 3, vierten: 4, fünften: 5, sechsten: 6, siebten: 7, achten: 8, neunten: 9, zehnten: 10, elften: 11, zwölften: 12,
};
const PERIOD_UNITS: Record<string, 'month' | 'quarter' | 'year'> = {
  Kalendermonats: 'month', Monats: 'month', Quartals: 'quarter', Kalendervierteljahres: 'quarter', Vierteljahres: 'quarter',
  Kalenderjahres: 'year', Jahres: 'year',
};
/** "am ersten Tag des (zweiten) auf die Verkündung folgenden Kalendermonats" (Quartals, Kalenderjahres) */
const PERIOD_AFTER_VERKUENDUNG = new RegExp(
  `am ersten Tag des (?:(${Object.keys(ORDINALS).join('|')})\\s+)?auf die Verkündung folgenden (${Object.keys(PERIOD_UNITS).join('|')})(?![\\p{L}])`,
  'u',
);
/** a web copy states the day that results: "am Tag nach der Verkündung (24.07.2025)" */
const STATED_DAY = new RegExp(`(?:am Tag nach der Verkündung|${PERIOD_AFTER_VERKUENDUNG.source})\\s*\\((\\d{2})\\.(\\d{2})\\.(\\d{4})\\)`, 'u');

/**
 * Split an Absatz into its in-force sentences ("… in Kraft. Die Artikel 2, 5 und 9 treten …"). "in Kraft."
 * and "außer Kraft." end a Satz before any word ("… in Kraft. Gleichzeitig tritt … außer Kraft."), so no
 * sentence after them is taken as the tail of the first; after "in Kraft, frühestens jedoch am 18." only the
 * words that open an in-force sentence do ("18. November" goes on).
 */
function sentencesOfAbsatz(text: string): string[] {
  return text
    .split(/(?<=\bin Kraft\b[^.]*?\.)\s+(?=(?:Die|Der|Das|Diese|Dieses|Artikel|Abweichend|Im Übrigen)\s)|(?<=\b(?:in|außer) Kraft\.)\s+(?=\p{Lu})/u)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** the unit words of a reference in an Inkrafttreten sentence, by depth below the Artikel (0 = Artikel) */
const REFERENCE_WORDS: Array<[RegExp, number]> = [
  [/^(?:Artikel|Art\.)$/u, 0],
  [/^(?:Nummern?|Nrn?\.)$/u, 1],
  [/^(?:Buchstaben?|Buchst\.)$/u, 2],
  [/^(?:Doppelbuchstaben?|Doppelbuchst\.)$/u, 3],
];
const REFERENCE_TOKEN = /\s*(Artikel|Art\.|Nummern|Nummer|Nrn\.|Nr\.|Buchstaben|Buchstabe|Buchst\.|Doppelbuchstaben|Doppelbuchstabe|Doppelbuchst\.|,|und|sowie|bis|\d+[a-z]?|[a-z]{1,3})(?=[\s,]|$)/uy;

/** "2 bis 4", "2 und 3", "2, 3 und 5", "2 bis 4 und 6" → the labels it names */
function labelList(list: string): string[] {
  return list.split(/\s*(?:,|\bund\b|\bsowie\b)\s*/u).flatMap((part) => {
    const range = /^(\S+)\s+bis\s+(\S+)$/u.exec(part.trim());
    return range ? (expandRange(range[1], range[2]) ?? [part.trim()]) : [part.trim()];
  });
}

/**
 * "Artikel 3 sowie Artikel 5 Nummer 2 und 7", "Artikel 1 Nummer 1 Buchstabe b und Nummer 2",
 * "Artikel 1 Nr. 1 Buchstabe a Doppelbuchstabe bb", "Artikel 2 Nummer 3 bis 5" → the rules' subjects,
 * each Nummer as an instruction path ("1 a bb", matched as effectiveDate matches instruction labels).
 *
 * Read word by word: a unit word ("Nummer") sets the depth of the labels that follow; a label after
 * "und", ",", "sowie" without one keeps the depth of the label before (a number below the Artikel is a
 * Nummer, a doubled letter below a Buchstabe a Doppelbuchstabe, a single one a Buchstabe), so the list
 * goes on at the depth the text names. Anything else — an unknown word, a unit word deeper than the label
 * before it after "und" ("Nummer 1 und Buchstabe b": of which Nummer?), a dangling "und" — makes the
 * whole subject unread (undefined): a part dropped would put it on the general date, a wrong date that
 * looks right.
 */
export function readSubjects(subject: string): Array<{ artikel: string; nummern: string[] | null }> | undefined {
  const text = subject.replace(/^(?:Die|Der)\s+/u, '').trim();
  const paths: string[][] = [];
  /** the labels from the Artikel down to the label read last */
  let path: string[] = [];
  /** depth named by the last unit word, waiting for its label */
  let named: number | null = null;
  /** the label read last may be a subject of its own (not followed by a deeper unit word yet) */
  let open = false;
  let afterConjunction = false;
  let rangeFrom: string[] | null = null;
  const depthOf = (label: string, before: number): number | undefined => {
    if (/^\d/.test(label)) return before === 0 ? 0 : 1;
    if (before < 2) return undefined;
    return before === 3 && /^([a-z])\1+$/.test(label) ? 3 : 2;
  };
  const close = (): boolean => {
    if (!open) return false;
    if (rangeFrom) {
      const d = path.length - 1;
      const labels = rangeFrom.length === path.length ? expandRange(rangeFrom[d], path[d]) : undefined;
      if (!labels || rangeFrom.slice(0, d).join(' ') !== path.slice(0, d).join(' ')) return false;
      for (const l of labels) paths.push([...path.slice(0, d), l]);
      rangeFrom = null;
    } else paths.push(path);
    open = false;
    return true;
  };
  REFERENCE_TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    REFERENCE_TOKEN.lastIndex = pos;
    const t = REFERENCE_TOKEN.exec(text);
    if (!t) return undefined;
    pos = REFERENCE_TOKEN.lastIndex;
    const word = t[1];
    const unit = REFERENCE_WORDS.find(([re]) => re.test(word))?.[1];
    if (unit !== undefined) {
      if (named !== null) return undefined;
      if (afterConjunction) {
        // after "und" the list goes on at the depth of the label before or above it, never below:
        // "Nummer 1 und Buchstabe b" leaves open whose Buchstabe; "Nummer 2 bis Nummer 4" is no form
        if (rangeFrom || unit > path.length - 1) return undefined;
      } else if (!(path.length === 0 && unit === 0) && !(open && unit === path.length)) {
        // else a unit word goes one step below the label before it ("Nummer 1 Buchstabe a")
        return undefined;
      }
      named = unit;
      open = false;
      continue;
    }
    if (word === ',' || word === 'und' || word === 'sowie' || word === 'bis') {
      if (named !== null || !open || afterConjunction || rangeFrom) return undefined;
      if (word === 'bis') rangeFrom = path;
      else if (!close()) return undefined;
      afterConjunction = true;
      continue;
    }
    // a label
    const depth = named ?? (afterConjunction && path.length ? depthOf(word, path.length - 1) : undefined);
    if (depth === undefined || depth > path.length || (open && !afterConjunction)) return undefined;
    path = [...path.slice(0, depth), word];
    named = null;
    open = true;
    afterConjunction = false;
  }
  if (named !== null || afterConjunction || !close()) return undefined;
  const out: Array<{ artikel: string; nummern: string[] | null }> = [];
  for (const p of paths) {
    const nummer = p.slice(1).join(' ');
    const same = nummer ? out.find((o) => o.artikel === p[0] && o.nummern) : undefined;
    if (same) same.nummern!.push(nummer);
    else out.push({ artikel: p[0], nummern: nummer ? [nummer] : null });
  }
  return out;
}

export function readInkrafttreten(a: ArtikelNode, act: ActEntry, diagnostics: Diagnostic[]): InkrafttretenRule[] {
  const rules: InkrafttretenRule[] = [];
  const unreadable: string[] = [];
  for (const abs of a.absaetze) {
    for (const sentence of sentencesOfAbsatz(abs.text)) {
      const where = `Artikel ${a.number}${a.absaetze.length > 1 ? ` Absatz ${abs.label}` : ''}`;
      const loc = locate(a.clean, abs.start);
      // "Die Weiterbildungsbeihilfeverordnung vom … tritt am Tag nach der Verkündung außer Kraft": another law
      // (or this act) goes out of force — no in-force date of an instruction of this act, and no exception to one
      if (/\b(?:tritt|treten)\b.*\saußer Kraft\b/u.test(sentence) && !/\sin Kraft\b/u.test(sentence)) {
        diagnostics.push({ severity: 'info', code: 'ausserkrafttreten', message: `an Außerkrafttreten, no in-force date of this act's instructions; skipped: "${sentence}"`, location: loc, act: act.id, path: where });
        continue;
      }
      const m = /^(.*?)\s+(?:tritt|treten)\s+(.*?)\s+in Kraft(.*)$/.exec(sentence);
      if (!m) {
        diagnostics.push({ severity: 'error', code: 'inkrafttreten-unparsed', message: `Inkrafttreten sentence not understood: "${sentence}"`, location: loc, act: act.id, path: where });
        unreadable.push(where);
        continue;
      }
      let subject = m[1];
      let whenWords = m[2];
      // the subject after the verb: "Im Übrigen tritt diese Verordnung am …", "Abweichend von Satz 1
      // treten Artikel 1 Nummer 1 und Artikel 1 Nummer 3 am … in Kraft"
      const inverted = /^(?:Im Übrigen|Abweichend von\b.*)$/.exec(subject) && /^(.+?)\s+((?:am|mit Wirkung vom)\s.*)$/.exec(m[2]);
      if (inverted) {
        subject = inverted[1].replace(/^\p{Ll}/u, (c) => c.toUpperCase());
        whenWords = inverted[2];
      }
      // "In Artikel 1 Nummer 1 tritt Buchstabe b am … in Kraft": the reference goes on after the verb, below
      // the unit before it ("within" checks that no part of it leaves that unit)
      let within: string | undefined;
      const inUnit = /^In\s+(Artikel\s.*)$/u.exec(subject);
      const rest = inUnit && /^((?:Nummern?|Nrn?\.|Buchstaben?|Buchst\.|Doppelbuchstaben?|Doppelbuchst\.)\s.+?)\s+((?:am|mit Wirkung vom)\s.*)$/u.exec(m[2]);
      if (inUnit && rest) {
        within = inUnit[1];
        subject = `${inUnit[1]} ${rest[1]}`;
        whenWords = rest[2];
      }
      const when = `${whenWords}${m[3]}`;
      let kind: InkrafttretenRule['kind'];
      let date: string | undefined;
      let earliest: string | undefined;
      const dm = GERMAN_DATE.exec(whenWords);
      const period = PERIOD_AFTER_VERKUENDUNG.exec(whenWords);
      const given = STATED_DAY.exec(whenWords)?.slice(-3);
      if (given) {
        // a web copy that states the resulting day: "am Tag nach der Verkündung (24.07.2025)"
        kind = 'fixed';
        date = `${given[2]}-${given[1]}-${given[0]}`;
      } else if (/am Tag nach der Verkündung/.test(whenWords) || period) {
        // counted from the Verkündung, when its date is known (effectiveDate)
        kind = period ? 'period-after-verkuendung' : 'day-after-verkuendung';
        const e = /frühestens jedoch am (\d{1,2})\.\s*(\S+)\s+(\d{4})/.exec(when);
        if (e) {
          earliest = germanDate(e[1], e[2], e[3]);
          if (!earliest) {
            diagnostics.push({ severity: 'error', code: 'impossible-date', message: `impossible date "${e[0]}"`, location: loc, act: act.id, path: where });
            unreadable.push(where);
            continue;
          }
        }
      } else if (dm) {
        kind = 'fixed';
        date = germanDate(dm[1], dm[2], dm[3]);
        if (!date) {
          diagnostics.push({ severity: 'error', code: 'impossible-date', message: `impossible date "${dm[0]}" in ${where}`, location: loc, act: act.id, path: where });
          unreadable.push(where);
          continue;
        }
      } else {
        diagnostics.push({ severity: 'error', code: 'inkrafttreten-unparsed', message: `in-force date not understood: "${whenWords}"`, location: loc, act: act.id, path: where });
        unreadable.push(where);
        continue;
      }
      const source = `${where}: ${sentence}`;
      const periodOf = kind === 'period-after-verkuendung' && period ? { unit: PERIOD_UNITS[period[2]], nth: period[1] ? ORDINALS[period[1]] : 1 } : undefined;
      if (/^(?:Die|Das|Diese|Dieses)\s+(?:Verordnung|Gesetz)\b|^(?:Gesetz|Verordnung)\b/.test(subject)) {
        // "vorbehaltlich der Absätze 2 bis 4" ("2 und 3", "2, 3 und 5"): those Absätze must be there
        const vb = /vorbehaltlich (?:der Absätze|des Absatzes) (\d+[a-z]?(?:\s*(?:,|und|sowie|bis)\s*\d+[a-z]?)*)/u.exec(subject + ' ' + whenWords);
        if (vb) {
          const wanted = labelList(vb[1]);
          const missing = wanted.filter((w) => !a.absaetze.some((x) => x.label === w));
          if (missing.length) {
            diagnostics.push({ severity: 'error', code: 'inkrafttreten-absatz-missing', message: `${where} reserves Absatz ${missing.join(', ')}, which the text lacks; the general date is not applied to Artikel that an exception may concern`, location: loc, act: act.id, path: where });
            unreadable.push(`${where} (Absatz ${missing.join(', ')} missing)`);
          }
        }
        rules.push({ artikel: null, nummern: null, kind, date, earliest, ...(periodOf && { period: periodOf }), source });
        continue;
      }
      const subjects = readSubjects(subject);
      const unit = within ? readSubjects(within) : undefined;
      const outside = unit && subjects?.some((x) => unit.length !== 1 || x.artikel !== unit[0].artikel || (unit[0].nummern && !x.nummern?.every((n) => n.startsWith(`${unit[0].nummern![0]} `))));
      if (!subjects || (within && (!unit || outside))) {
        const what = within ? `${subject} (the part after "tritt" read within ${within})` : subject;
        diagnostics.push({ severity: 'error', code: 'inkrafttreten-unparsed', message: `reference not understood to its end: "${what}"; no part of it is given this date, and the general date is not applied`, location: loc, act: act.id, path: where });
        unreadable.push(where);
        continue;
      }
      for (const x of subjects) rules.push({ artikel: x.artikel, nummern: x.nummern, kind, date, earliest, ...(periodOf && { period: periodOf }), source });
    }
  }
  // a part of the article that could not be read may hold an exception to any rule read — to the general
  // one, and as well to an Artikel's ("Artikel 1 tritt …" beside an unread "Artikel 1 Nummer 1 Satz 2 tritt …")
  if (unreadable.length) {
    for (const r of rules) {
      r.kind = 'unknown';
      r.source = `${r.source} — not applied, because ${unreadable.join('; ')} could not be read and may hold an exception`;
    }
  }
  return rules;
}

/** The date on which an Artikel (and Nummer, Buchstabe) enters into force; null when the act does not tell. */
export function effectiveDate(
  rules: InkrafttretenRule[],
  artikel: string,
  nummer: string | null,
  act: ActEntry,
  labels: string[] = nummer ? [nummer] : [],
): { date: string | null; source: string } {
  let specific: InkrafttretenRule | undefined;
  for (let k = labels.length; k >= 1 && !specific; k--) {
    const key = labels.slice(0, k).join(' ');
    specific = rules.find((r) => r.artikel === artikel && r.nummern?.includes(key));
  }
  specific ??= rules.find((r) => r.artikel === artikel && !r.nummern) ?? rules.find((r) => r.artikel === null);
  if (!specific) return { date: null, source: `no in-force rule for Artikel ${artikel}` };
  if (specific.kind === 'unknown') return { date: null, source: specific.source };
  if (specific.kind === 'fixed') return { date: specific.date!, source: specific.source };
  // am Tag nach der Verkündung, am ersten Tag des auf die Verkündung folgenden Kalendermonats … [, frühestens jedoch am …]
  const period = specific.period;
  const after = (verkuendung: string) => (period ? firstDayOfFollowing(verkuendung, period.unit, period.nth) : addDays(verkuendung, 1));
  const v = act.verkuendung;
  if (v.date) {
    const next = after(v.date);
    const date = specific.earliest && specific.earliest > next ? specific.earliest : next;
    return { date, source: `${specific.source} (Verkündung ${v.date}: ${v.source})` };
  }
  if (v.latest && specific.earliest && after(v.latest) <= specific.earliest) {
    return { date: specific.earliest, source: `${specific.source} (Verkündung no later than ${v.latest}, so the earliest date governs)` };
  }
  return { date: null, source: `${specific.source} (Verkündung date unknown${v.earliest ? `: between ${v.earliest} and ${v.latest}` : ''})` };
}
