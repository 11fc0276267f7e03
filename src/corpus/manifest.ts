/**
 * The project's corpus manifest (corpus/manifest.json): which laws, acts and official snapshots exist,
 * validated at load with clear errors. The corpus texts themselves live in a corpus directory
 * (default ../shared/corpus, overridable with --corpus or FASSUNG_CORPUS).
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';
import { readJsonFile } from './read-file.js';
import { PROJECT_ROOT } from '../package-root.js';

export interface LawEntry {
  id: string;
  title: string;
  abbreviation: string;
  /** names by which amending acts refer to the law ("Beschäftigungsverordnung") */
  names: string[];
  base: { file: string; stand: string; validFrom: string };
  official: string[];
}

export interface InkrafttretenEntry {
  artikel: string;
  date: string;
  source: string;
}

export interface ActEntry {
  id: string;
  title: string;
  kind: 'Gesetz' | 'Verordnung';
  /** date of the act (Ausfertigung); null when the source does not give it */
  date: string | null;
  citation: string;
  verkuendung: { date: string | null; earliest?: string; latest?: string; source: string };
  files: string[];
  missing: string | null;
  /** in-force dates supplied by the manifest where the act's own Inkrafttreten article is missing */
  inkrafttreten: InkrafttretenEntry[] | null;
}

export interface Manifest {
  laws: LawEntry[];
  acts: ActEntry[];
}


export const DEFAULT_MANIFEST = join(PROJECT_ROOT, 'corpus', 'manifest.json');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

class Checker {
  readonly errors: string[] = [];
  constructor(readonly file: string) {}
  string(v: unknown, where: string): string {
    if (typeof v !== 'string' || v === '') this.errors.push(`${where}: expected a non-empty string, got ${JSON.stringify(v)}`);
    return typeof v === 'string' ? v : '';
  }
  date(v: unknown, where: string): string {
    const s = this.string(v, where);
    if (s && !isValidIsoDate(s)) this.errors.push(`${where}: expected a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
    return s;
  }
  array(v: unknown, where: string): unknown[] {
    if (!Array.isArray(v)) {
      this.errors.push(`${where}: expected an array, got ${JSON.stringify(v)}`);
      return [];
    }
    return v;
  }
  object(v: unknown, where: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.errors.push(`${where}: expected an object, got ${JSON.stringify(v)}`);
      return {};
    }
    return v as Record<string, unknown>;
  }
}

const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Validate parsed JSON as a Manifest; throws UserError listing every problem. */
export function validateManifest(data: unknown, file: string): Manifest {
  const c = new Checker(file);
  const root = c.object(data, 'manifest');
  const laws = c.array(root.laws, 'laws').map((l, i) => {
    const o = c.object(l, `laws[${i}]`);
    const id = c.string(o.id, `laws[${i}].id`);
    if (id && !SAFE_ID.test(id)) c.errors.push(`laws[${i}].id: ${JSON.stringify(id)} is not a safe id (a-z, 0-9, -)`);
    const base = c.object(o.base, `laws[${i}].base`);
    return {
      id,
      title: c.string(o.title, `laws[${i}].title`),
      abbreviation: c.string(o.abbreviation, `laws[${i}].abbreviation`),
      names: c.array(o.names, `laws[${i}].names`).map((n, k) => c.string(n, `laws[${i}].names[${k}]`)),
      base: {
        file: c.string(base.file, `laws[${i}].base.file`),
        stand: c.string(base.stand, `laws[${i}].base.stand`),
        validFrom: c.date(base.validFrom, `laws[${i}].base.validFrom`),
      },
      official: c.array(o.official ?? [], `laws[${i}].official`).map((f, k) => c.string(f, `laws[${i}].official[${k}]`)),
    } satisfies LawEntry;
  });
  const acts = c.array(root.acts, 'acts').map((a, i) => {
    const o = c.object(a, `acts[${i}]`);
    const id = c.string(o.id, `acts[${i}].id`);
    if (id && !SAFE_ID.test(id)) c.errors.push(`acts[${i}].id: ${JSON.stringify(id)} is not a safe id (a-z, 0-9, -)`);
    const v = c.object(o.verkuendung, `acts[${i}].verkuendung`);
    const kind = c.string(o.kind, `acts[${i}].kind`);
    if (kind && kind !== 'Gesetz' && kind !== 'Verordnung') c.errors.push(`acts[${i}].kind: expected "Gesetz" or "Verordnung"`);
    const ink =
      o.inkrafttreten === null || o.inkrafttreten === undefined
        ? null
        : c.array(o.inkrafttreten, `acts[${i}].inkrafttreten`).map((e, k) => {
            const eo = c.object(e, `acts[${i}].inkrafttreten[${k}]`);
            return {
              artikel: c.string(eo.artikel, `acts[${i}].inkrafttreten[${k}].artikel`),
              date: c.date(eo.date, `acts[${i}].inkrafttreten[${k}].date`),
              source: c.string(eo.source, `acts[${i}].inkrafttreten[${k}].source`),
            };
          });
    return {
      id,
      title: c.string(o.title, `acts[${i}].title`),
      kind: kind as ActEntry['kind'],
      date: o.date === null ? null : c.date(o.date, `acts[${i}].date`),
      citation: c.string(o.citation, `acts[${i}].citation`),
      verkuendung: {
        date: v.date === null ? null : c.date(v.date, `acts[${i}].verkuendung.date`),
        earliest: v.earliest === undefined ? undefined : c.date(v.earliest, `acts[${i}].verkuendung.earliest`),
        latest: v.latest === undefined ? undefined : c.date(v.latest, `acts[${i}].verkuendung.latest`),
        source: c.string(v.source, `acts[${i}].verkuendung.source`),
      },
      files: c.array(o.files, `acts[${i}].files`).map((f, k) => c.string(f, `acts[${i}].files[${k}]`)),
      missing: o.missing === null || o.missing === undefined ? null : c.string(o.missing, `acts[${i}].missing`),
      inkrafttreten: ink,
    } satisfies ActEntry;
  });
  const ids = [...laws.map((l) => l.id), ...acts.map((a) => a.id)];
  const dup = ids.find((id, i) => id && ids.indexOf(id) !== i);
  if (dup) c.errors.push(`duplicate id ${JSON.stringify(dup)}`);
  if (c.errors.length) {
    throw new UserError(`malformed manifest ${file}:\n  - ${c.errors.join('\n  - ')}`, 'manifest-invalid');
  }
  return { laws, acts };
}

export function loadManifest(file = DEFAULT_MANIFEST): Manifest {
  const data = readJsonFile(file, { what: 'manifest', missingCode: 'manifest-missing', invalidCode: 'manifest-invalid' });
  return validateManifest(data, file);
}

export const DEFAULT_CORPUS = resolve(PROJECT_ROOT, '..', 'shared', 'corpus');

/** The corpus directory: --corpus, else FASSUNG_CORPUS, else ../shared/corpus. Must exist. */
export function resolveCorpusDir(option?: string): string {
  const dir = resolve(option ?? process.env.FASSUNG_CORPUS ?? DEFAULT_CORPUS);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`corpus directory not found: ${dir} (set --corpus DIR or FASSUNG_CORPUS)`, 'corpus-missing');
  }
  return dir;
}

export { readCorpusText, readTextFile } from './read-file.js';

export function findLaw(m: Manifest, id: string): LawEntry {
  if (!SAFE_ID.test(id)) throw new UserError(`invalid law id ${JSON.stringify(id)} (known: ${m.laws.map((l) => l.id).join(', ')})`, 'unknown-law');
  const law = m.laws.find((l) => l.id === id);
  if (!law) throw new UserError(`unknown law ${JSON.stringify(id)} (known: ${m.laws.map((l) => l.id).join(', ')})`, 'unknown-law');
  return law;
}

export function findAct(m: Manifest, id: string): ActEntry {
  const act = m.acts.find((a) => a.id === id);
  if (!act) throw new UserError(`unknown act ${JSON.stringify(id)} (known: ${m.acts.map((a) => a.id).join(', ')})`, 'unknown-act');
  return act;
}
