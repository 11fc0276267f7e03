/**
 * The fact catalogue (corpus/facts.json): which eligibility facts exist, where each lives in which period,
 * and the pattern that reads it. Validated at load; every problem is listed in one clear error.
 */
import { readJsonFile } from '../corpus/read-file.js';
import { join } from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';
import { isValidIsoDate } from '../corpus/manifest.js';
import { PROJECT_ROOT } from '../package-root.js';
import { FACT_UNITS, LIST_STYLES, type FactCatalogue, type FactDefinition, type FactLocation, type FactUnit, type ListStyle } from './types.js';

export const DEFAULT_FACT_CATALOGUE = join(PROJECT_ROOT, 'corpus', 'facts.json');

const FACT_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const NODE_ID = /^(?:para-[0-9]+[a-z]*(?:\/(?:abs|satz|nr|bst|dbst|tbst)-[0-9a-z]+)*|anlage-[0-9A-Za-z]+)$/;

class Problems {
  readonly list: string[] = [];
  add(where: string, what: string): void {
    this.list.push(`${where}: ${what}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(p: Problems, v: unknown, where: string): string {
  if (typeof v !== 'string' || v.trim() === '') {
    p.add(where, `expected a non-empty string, got ${JSON.stringify(v)}`);
    return '';
  }
  return v;
}

function optDate(p: Problems, v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !isValidIsoDate(v)) {
    p.add(where, `expected a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
    return undefined;
  }
  return v;
}

function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function capturingGroups(source: string): number {
  return new RegExp(`${source}|`, 'u').exec('')!.length - 1;
}

function validateLocation(p: Problems, v: unknown, where: string, unit: FactUnit, knownLaws?: ReadonlySet<string>): FactLocation | undefined {
  if (!isObject(v)) {
    p.add(where, `expected an object, got ${JSON.stringify(v)}`);
    return undefined;
  }
  const law = str(p, v.law, `${where}.law`);
  if (law && knownLaws && !knownLaws.has(law)) p.add(`${where}.law`, `unknown law ${JSON.stringify(law)} (known: ${[...knownLaws].join(', ')})`);
  const nodeId = str(p, v.nodeId, `${where}.nodeId`);
  if (nodeId && !NODE_ID.test(nodeId)) p.add(`${where}.nodeId`, `${JSON.stringify(nodeId)} is not a unit node id like "para-26/abs-2/satz-3"`);
  const from = optDate(p, v.from, `${where}.from`);
  const to = optDate(p, v.to, `${where}.to`);
  if (from && to && from > to) p.add(where, `from ${from} is after to ${to}`);
  const pattern = str(p, v.pattern, `${where}.pattern`);
  if (pattern) {
    const bad = regexProblem(pattern);
    if (bad) p.add(`${where}.pattern`, `not a valid regular expression: ${bad}`);
    else if (unit !== 'boolean-present' && capturingGroups(pattern) === 0) {
      p.add(`${where}.pattern`, 'needs a capturing group for the value');
    }
  }
  let anchor: string | undefined;
  if (v.anchor !== undefined) {
    anchor = str(p, v.anchor, `${where}.anchor`);
    if (unit !== 'boolean-present') p.add(`${where}.anchor`, 'only boolean-present facts have an anchor');
    const bad = anchor ? regexProblem(anchor) : undefined;
    if (bad) p.add(`${where}.anchor`, `not a valid regular expression: ${bad}`);
  }
  const known = new Set(['law', 'nodeId', 'from', 'to', 'pattern', 'anchor']);
  for (const k of Object.keys(v)) if (!known.has(k)) p.add(where, `unknown field ${JSON.stringify(k)}`);
  const loc: FactLocation = { law, nodeId, pattern };
  if (from) loc.from = from;
  if (to) loc.to = to;
  if (anchor !== undefined) loc.anchor = anchor;
  return loc;
}

function validateFact(p: Problems, v: unknown, where: string, knownLaws?: ReadonlySet<string>): FactDefinition | undefined {
  if (!isObject(v)) {
    p.add(where, `expected an object, got ${JSON.stringify(v)}`);
    return undefined;
  }
  const id = str(p, v.id, `${where}.id`);
  if (id && !FACT_ID.test(id)) p.add(`${where}.id`, `${JSON.stringify(id)} is not a fact id like "westbalkan.quota"`);
  const at = id ? `fact ${JSON.stringify(id)}` : where;
  const label = isObject(v.label) ? v.label : {};
  if (!isObject(v.label)) p.add(`${at}.label`, 'expected an object {de, en}');
  const de = str(p, label.de, `${at}.label.de`);
  const en = str(p, label.en, `${at}.label.en`);
  const unit = v.unit as FactUnit;
  if (!FACT_UNITS.includes(unit)) p.add(`${at}.unit`, `expected one of ${FACT_UNITS.join(' | ')}, got ${JSON.stringify(v.unit)}`);
  let list: ListStyle | undefined;
  if (v.list !== undefined || unit === 'list') {
    list = v.list as ListStyle;
    if (unit !== 'list') p.add(`${at}.list`, 'only list facts have a list style');
    else if (!LIST_STYLES.includes(list)) p.add(`${at}.list`, `expected one of ${LIST_STYLES.join(' | ')}, got ${JSON.stringify(v.list)}`);
  }
  const locations: FactLocation[] = [];
  if (!Array.isArray(v.locations) || v.locations.length === 0) {
    p.add(`${at}.locations`, 'expected a non-empty array');
  } else {
    v.locations.forEach((l, i) => {
      const loc = validateLocation(p, l, `${at}.locations[${i}]`, unit, knownLaws);
      if (loc) locations.push(loc);
    });
    const sorted = [...locations].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      if (prev.to === undefined || (sorted[i].from ?? '') <= prev.to) {
        p.add(`${at}.locations`, `periods overlap: ${prev.from ?? '…'}–${prev.to ?? '…'} and ${sorted[i].from ?? '…'}–${sorted[i].to ?? '…'}`);
      }
    }
  }
  if (v.note !== undefined && typeof v.note !== 'string') p.add(`${at}.note`, 'expected a string');
  const known = new Set(['id', 'label', 'unit', 'list', 'locations', 'note']);
  for (const k of Object.keys(v)) if (!known.has(k)) p.add(at, `unknown field ${JSON.stringify(k)}`);
  const def: FactDefinition = { id, label: { de, en }, unit, locations: locations.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '')) };
  if (list) def.list = list;
  if (typeof v.note === 'string') def.note = v.note;
  return def;
}

/** Validate parsed JSON as a fact catalogue; throws UserError listing every problem. */
export function validateFactCatalogue(data: unknown, file: string, knownLaws?: Iterable<string>): FactCatalogue {
  const p = new Problems();
  const laws = knownLaws ? new Set(knownLaws) : undefined;
  const facts: FactDefinition[] = [];
  if (!isObject(data)) {
    p.add('catalogue', 'expected an object with "facts"');
  } else if (!Array.isArray(data.facts)) {
    p.add('facts', 'expected an array');
  } else {
    data.facts.forEach((f, i) => {
      const def = validateFact(p, f, `facts[${i}]`, laws);
      if (def) facts.push(def);
    });
    const ids = facts.map((f) => f.id);
    const dup = ids.filter((id, i) => id && ids.indexOf(id) !== i);
    for (const d of new Set(dup)) p.add('facts', `duplicate fact id ${JSON.stringify(d)}`);
  }
  if (p.list.length) {
    throw new UserError(`malformed fact catalogue ${file}:\n  - ${p.list.join('\n  - ')}`, 'facts-invalid');
  }
  return { facts };
}

export function loadFactCatalogue(file = DEFAULT_FACT_CATALOGUE, knownLaws?: Iterable<string>): FactCatalogue {
  const data = readJsonFile(file, { what: 'fact catalogue', missingCode: 'facts-missing', invalidCode: 'facts-invalid' });
  return validateFactCatalogue(data, file, knownLaws);
}

/** The location of a fact that holds on a date, if any. */
export function locationOn(def: FactDefinition, date: string): FactLocation | undefined {
  return def.locations.find((l) => (l.from === undefined || l.from <= date) && (l.to === undefined || date <= l.to));
}

export function findFact(catalogue: FactCatalogue, id: string): FactDefinition | undefined {
  return catalogue.facts.find((f) => f.id === id);
}
