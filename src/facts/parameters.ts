/**
 * Amounts set outside the statutes (corpus/parameters.json): the Beitragsbemessungsgrenze (BBG) of the
 * allgemeine Rentenversicherung per calendar year, and the euro amounts of share-of-BBG facts derived from it.
 */
import { readJsonFile } from '../corpus/read-file.js';
import { join } from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';
import { PROJECT_ROOT } from '../corpus/manifest.js';
import { formatEuroCents, shareOfCents, type Share } from './german-numbers.js';
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
}

export interface Parameters {
  beitragsbemessungsgrenze: BbgEntry[];
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
      entries.push({ year: o.year as number, amount: o.amount as number, region: String(o.region ?? ''), source: String(o.source ?? '') });
    });
    const years = entries.map((e) => e.year);
    const dup = years.find((y, i) => years.indexOf(y) !== i);
    if (dup !== undefined) problems.push(`beitragsbemessungsgrenze: year ${dup} appears twice`);
  }
  if (problems.length) throw new UserError(`malformed parameter table ${file}:\n  - ${problems.join('\n  - ')}`, 'parameters-invalid');
  return { beitragsbemessungsgrenze: entries.sort((a, b) => a.year - b.year) };
}

export function loadParameters(file = DEFAULT_PARAMETERS): Parameters {
  const data = readJsonFile(file, { what: 'parameter table', missingCode: 'parameters-missing', invalidCode: 'parameters-invalid' });
  return validateParameters(data, file);
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
