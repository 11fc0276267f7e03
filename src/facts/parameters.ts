/**
 * Amounts set outside the statutes: the Beitragsbemessungsgrenze (BBG) of the allgemeine
 * Rentenversicherung per calendar year, read from § 4 of the official text of that year's
 * Sozialversicherungs-Rechengrößenverordnung (corpus `parameters/svbezgrv_<year>.md`, listed in
 * corpus/parameters.json), and the euro amounts of share-of-BBG facts derived from it.
 */
import { readJsonFile } from '../corpus/read-file.js';
import { join } from 'node:path';
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_CORPUS, readCorpusText } from '../corpus/manifest.js';
import { PROJECT_ROOT } from '../package-root.js';
import { parseStatute } from '../model/parse-statute.js';
import { absatzText } from '../model/text-of.js';
import { normalizeSpace } from '../text/unwrap.js';
import { formatEuroCents, parseGermanNumber, shareOfCents, type Share } from './german-numbers.js';
import type { EuroAmount } from './types.js';

export const DEFAULT_PARAMETERS = join(PROJECT_ROOT, 'corpus', 'parameters.json');

export interface BbgEntry {
  year: number;
  /** whole euros per year */
  amount: number;
  /** "West" until 2024, "bundeseinheitlich" from 2025 */
  region: string;
  /** the Sozialversicherungs-Rechengrößenverordnung that sets it */
  source: string;
  /** where the amount was read: corpus file, provision and its wording (absent for hand-made tables) */
  readFrom?: { file: string; provision: string; wording: string };
}

export interface Parameters {
  beitragsbemessungsgrenze: BbgEntry[];
  /** problems met while reading the Verordnungen (a year without its Verordnung, an unreadable § 4) */
  diagnostics?: Diagnostic[];
}

/** One row of corpus/parameters.json: which Verordnung applies to which year. */
export interface ParameterSource {
  year: number;
  /** corpus-relative path of the official text */
  file: string;
  /** the Verordnung's name, for citing */
  source: string;
}

/**
 * Read the BBG of one year from § 4 of the Rechengrößenverordnung: Absatz 1 Nummer 1 (allgemeine
 * Rentenversicherung; the general value, which is the West value while § 4 Absatz 2 fixes a separate
 * "Beitragsbemessungsgrenze (Ost)", and the nationwide value once it no longer does).
 */
export function readBbgFromVerordnung(text: string, src: ParameterSource): { entry?: BbgEntry; diagnostic?: Diagnostic } {
  const fail = (message: string): { diagnostic: Diagnostic } => ({
    diagnostic: { severity: 'error', code: 'parameter-unreadable', message: `${src.file}: ${message}`, location: { file: src.file, line: 1, column: 1 } },
  });
  const law = parseStatute(text, { lawId: `svbezgrv-${src.year}` });
  const p4 = law.body.find((n) => n.kind === 'paragraph' && n.label === '4');
  if (!p4 || p4.kind !== 'paragraph') return fail('no § 4 (Beitragsbemessungsgrenzen in der Rentenversicherung)');
  const abs = p4.children.filter((c) => c.kind === 'absatz');
  const a1 = abs.find((a) => a.label === '1');
  if (!a1 || a1.kind !== 'absatz') return fail('§ 4 has no Absatz 1');
  const wording = normalizeSpace(absatzText(a1));
  if (!new RegExp(`für das Jahr ${src.year}\\b`).test(wording)) return fail(`§ 4 Abs. 1 does not fix the BBG "für das Jahr ${src.year}"`);
  const m = /1\. in der allgemeinen Rentenversicherung auf ([\d\s\u00a0.]+?) Euro jährlich/u.exec(wording);
  const amount = m ? parseGermanNumber(m[1]) : undefined;
  if (amount === undefined) return fail('§ 4 Abs. 1 Nr. 1: no amount "in der allgemeinen Rentenversicherung auf … Euro jährlich"');
  const ost = abs.some((a) => a.kind === 'absatz' && /Beitragsbemessungsgrenze \(Ost\)/.test(absatzText(a)));
  return {
    entry: {
      year: src.year,
      amount,
      region: ost ? 'West' : 'bundeseinheitlich',
      source: src.source,
      readFrom: { file: src.file, provision: '§ 4 Abs. 1 Nr. 1', wording },
    },
  };
}

/** Read the list of Verordnungen and the BBG of each year from its official text. */
export function readParameterSources(sources: ParameterSource[], read: (rel: string) => string, opts: { years?: number[] } = {}): Parameters {
  const diagnostics: Diagnostic[] = [];
  const entries: BbgEntry[] = [];
  for (const src of sources) {
    let text: string;
    try {
      text = read(src.file);
    } catch (e) {
      diagnostics.push({ severity: 'error', code: 'parameter-source-missing', message: `the Rechengrößenverordnung ${src.year} (${src.file}) cannot be read: ${(e as Error).message}` });
      continue;
    }
    const r = readBbgFromVerordnung(text, src);
    if (r.diagnostic) diagnostics.push(r.diagnostic);
    if (r.entry) entries.push(r.entry);
  }
  for (const y of opts.years ?? []) {
    if (!entries.some((e) => e.year === y)) {
      diagnostics.push({
        severity: 'warning',
        code: 'parameter-year-missing',
        message: `no Sozialversicherungs-Rechengrößenverordnung for ${y} in the corpus: the Beitragsbemessungsgrenze ${y} is unknown, salary thresholds defined as its share cannot be given in euros for ${y}`,
      });
    }
  }
  return { ...validateParameters({ beitragsbemessungsgrenze: entries }, 'parameters'), diagnostics };
}

/** Validate parsed JSON as the parameter table; throws UserError listing every problem. */
export function validateParameters(data: unknown, file: string): Parameters {
  const problems: string[] = [];
  const entries: BbgEntry[] = [];
  const root = data as Record<string, unknown> | null;
  if (typeof root !== 'object' || root === null || !Array.isArray(root.beitragsbemessungsgrenze)) {
    problems.push('beitragsbemessungsgrenze: expected an array');
  } else {
    root.beitragsbemessungsgrenze.forEach((e: unknown, i: number) => {
      const where = `beitragsbemessungsgrenze[${i}]`;
      const o = e as Record<string, unknown> | null;
      if (typeof o !== 'object' || o === null) {
        problems.push(`${where}: expected an object`);
        return;
      }
      if (!Number.isInteger(o.year) || (o.year as number) < 1950 || (o.year as number) > 2100) problems.push(`${where}.year: expected a year, got ${JSON.stringify(o.year)}`);
      if (typeof o.amount !== 'number' || !(o.amount > 0) || !Number.isInteger(o.amount * 100)) problems.push(`${where}.amount: expected a positive euro amount, got ${JSON.stringify(o.amount)}`);
      for (const k of ['region', 'source'] as const) {
        if (typeof o[k] !== 'string' || (o[k] as string).trim() === '') problems.push(`${where}.${k}: expected a non-empty string, got ${JSON.stringify(o[k])}`);
      }
      const row: BbgEntry = { year: o.year as number, amount: o.amount as number, region: String(o.region ?? ''), source: String(o.source ?? '') };
      if (o.readFrom) row.readFrom = o.readFrom as BbgEntry["readFrom"];
      entries.push(row);
    });
    const years = entries.map((e) => e.year);
    const dup = years.find((y, i) => years.indexOf(y) !== i);
    if (dup !== undefined) problems.push(`beitragsbemessungsgrenze: year ${dup} appears twice`);
  }
  if (problems.length) throw new UserError(`malformed parameter table ${file}:\n  - ${problems.join('\n  - ')}`, 'parameters-invalid');
  return { beitragsbemessungsgrenze: entries.sort((a, b) => a.year - b.year) };
}

/** Validate corpus/parameters.json: the list of Verordnungen per year. */
export function validateParameterSources(data: unknown, file: string): ParameterSource[] {
  const problems: string[] = [];
  const out: ParameterSource[] = [];
  const root = data as Record<string, unknown> | null;
  if (typeof root !== 'object' || root === null || !Array.isArray(root.rechengroessenverordnungen)) {
    problems.push('rechengroessenverordnungen: expected an array');
  } else {
    root.rechengroessenverordnungen.forEach((e: unknown, i: number) => {
      const where = `rechengroessenverordnungen[${i}]`;
      const o = e as Record<string, unknown> | null;
      if (typeof o !== 'object' || o === null) return void problems.push(`${where}: expected an object`);
      if (!Number.isInteger(o.year)) problems.push(`${where}.year: expected a year, got ${JSON.stringify(o.year)}`);
      for (const k of ['file', 'source'] as const) {
        if (typeof o[k] !== 'string' || (o[k] as string).trim() === '') problems.push(`${where}.${k}: expected a non-empty string, got ${JSON.stringify(o[k])}`);
      }
      out.push({ year: o.year as number, file: String(o.file), source: String(o.source) });
    });
    const years = out.map((e) => e.year);
    const dup = years.find((y, i) => years.indexOf(y) !== i);
    if (dup !== undefined) problems.push(`rechengroessenverordnungen: year ${dup} appears twice`);
  }
  if (problems.length) throw new UserError(`malformed parameter table ${file}:\n  - ${problems.join('\n  - ')}`, 'parameters-invalid');
  return out;
}

/**
 * The parameter table: the list of Verordnungen from `file`, each amount read from the official text
 * in `corpusDir`. `years`: the years that need a BBG (a year without its Verordnung is a diagnostic).
 */
export function loadParameters(file = DEFAULT_PARAMETERS, corpusDir = DEFAULT_CORPUS, opts: { years?: number[] } = {}): Parameters {
  const data = readJsonFile(file, { what: 'parameter table', missingCode: 'parameters-missing', invalidCode: 'parameters-invalid' });
  return readParameterSources(validateParameterSources(data, file), (rel) => readCorpusText(corpusDir, rel), opts);
}

export function bbgForYear(params: Parameters, year: number): BbgEntry | undefined {
  return params.beitragsbemessungsgrenze.find((e) => e.year === year);
}

/** The euro amount of a share of the BBG of one year, rounded to cents; undefined when the BBG is not known. */
export function shareAmount(params: Parameters, share: Share, year: number): EuroAmount | undefined {
  const bbg = bbgForYear(params, year);
  if (!bbg) return undefined;
  const cents = shareOfCents(Math.round(bbg.amount * 100), share);
  return { year, amount: cents / 100, display: formatEuroCents(cents) };
}

/** Euro amounts for every calendar year of [from, to] (to null = open) for which the BBG is known. */
export function shareAmountsForPeriod(params: Parameters, share: Share, from: string, to: string | null): EuroAmount[] {
  const first = Number(from.slice(0, 4));
  const last = to === null ? Math.max(first, ...params.beitragsbemessungsgrenze.map((e) => e.year)) : Number(to.slice(0, 4));
  const out: EuroAmount[] = [];
  for (let y = first; y <= last; y++) {
    const a = shareAmount(params, share, y);
    if (a) out.push(a);
  }
  return out;
}
