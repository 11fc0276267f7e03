/**
 * What every CLI command shares: where output goes (CliIo, so tests run the CLI in-process), the corpus
 * and its consolidation (loaded once per run, or once per test suite with a shared cache), the exit
 * code, and lenient readers for what users type: dates (`2024-03-01`, `1.3.2024`, `1. März 2024`), law
 * names (`beschv`, `BeschV`, `Beschäftigungsverordnung`), units (`§26`, `§ 26 Abs. 2 S. 3`, `Nr.`).
 *
 * A command file `src/cli/<command>.ts` exports `register<Command>(program)` and reaches all of this with
 * `contextOf(cmd)` inside its action (`function (this: Command) { const c = contextOf(this); … }`, or
 * `contextOf(program)`).
 */
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDiagnostic, UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_MANIFEST, loadManifest, resolveCorpusDir, type ActEntry, type LawEntry, type Manifest } from '../corpus/manifest.js';
import { recordInputs, type InputFile } from '../corpus/read-file.js';
import type { Corpus } from '../consolidate/consolidate.js';
import type { Consolidation, LawConsolidation, LawVersion, LawVersions } from '../consolidate/types.js';
import type { ResolvedFacts } from '../pipeline.js';
import { DerivedCache, type Derived } from '../cache/derived-cache.js';
import { readConsolidation, readLawConsolidation, writeConsolidation, writeLawConsolidation } from '../cache/consolidation-store.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** colour the diff output */
  isTTY?: boolean;
  /** folder relative paths are resolved against (default process.cwd()) */
  cwd?: string;
  /** environment (default process.env): FASSUNG_CORPUS */
  env?: NodeJS.ProcessEnv;
  /** "today" for commands that default to it (default: the system date) */
  today?: string;
  /** share loaded corpora and consolidations between runs (tests); never used by the real CLI */
  cache?: CliCache;
}

export interface CliCache {
  corpus: Map<string, Corpus>;
  consolidation: Map<string, Derived<Consolidation>>;
  /** laws consolidated alone, by corpus and law */
  laws: Map<string, LawConsolidation>;
  facts: Map<string, Derived<ResolvedFacts>>;
}

export const newCliCache = (): CliCache => ({ corpus: new Map(), consolidation: new Map(), laws: new Map(), facts: new Map() });

interface GlobalOpts {
  corpus?: string;
  manifest?: string;
}

export class CliContext {
  /** 0 ok, 1 failure or differences found; 2 (usage, bad input) comes from UserError */
  exitCode: 0 | 1 = 0;
  private manifestCache?: { manifest: Manifest; dir: string; key: string; inputs: InputFile[] };

  /** corpora, consolidations and facts loaded in this run, or shared with other runs in this process (io.cache) */
  private readonly memo: CliCache;

  constructor(
    readonly program: Command,
    readonly io: CliIo,
  ) {
    this.memo = io.cache ?? newCliCache();
  }

  get cwd(): string {
    return this.io.cwd ?? process.cwd();
  }

  /** a path given by the user, made absolute against the working folder */
  path(p: string): string {
    return resolve(this.cwd, p);
  }

  out(text: string): void {
    this.io.stdout(text);
  }
  /** one line to stdout */
  line(text = ''): void {
    this.io.stdout(text + '\n');
  }
  err(text: string): void {
    this.io.stderr(text);
  }

  printDiagnostics(ds: Diagnostic[], min: 'error' | 'warning' | 'info' = 'warning'): void {
    const rank = { error: 0, warning: 1, info: 2 };
    for (const d of ds) if (rank[d.severity] <= rank[min]) this.err(formatDiagnostic(d) + '\n');
  }

  /** the manifest and corpus folder of this run (--manifest, --corpus, FASSUNG_CORPUS) */
  ctx(): { manifest: Manifest; dir: string; key: string; inputs: InputFile[] } {
    if (!this.manifestCache) {
      const o = this.program.opts<GlobalOpts>();
      const env = this.io.env ?? process.env;
      const dir = resolveCorpusDir(o.corpus !== undefined ? this.path(o.corpus) : env.FASSUNG_CORPUS ? this.path(env.FASSUNG_CORPUS) : undefined);
      if (o.manifest !== undefined && o.manifest.trim() === '') throw new UserError('--manifest: empty path', 'usage');
      const file = o.manifest ? this.path(o.manifest) : undefined;
      const { value: manifest, inputs } = recordInputs(() => loadManifest(file));
      this.manifestCache = { manifest, dir, key: `${dir}\n${file ?? DEFAULT_MANIFEST}`, inputs };
    }
    return this.manifestCache;
  }

  /** the corpus: acts parsed, base texts read (parsed when first used) */
  async corpus(): Promise<Corpus> {
    const { manifest, dir, key } = this.ctx();
    const cached = this.memo.corpus.get(key);
    if (cached) return cached;
    const { loadCorpus } = await import('../consolidate/consolidate.js');
    const c = loadCorpus(manifest, dir);
    this.memo.corpus.set(key, c);
    return c;
  }

  /**
   * The consolidation of the corpus; callers must not mutate it (copy diagnostics before adding).
   * Read from the derived-result cache when none of its inputs changed (src/cache/derived-cache.ts).
   */
  async consolidation(): Promise<Consolidation> {
    return (await this.derivedConsolidation()).value;
  }

  /** The content key of this run's consolidation in the derived-result cache, once it is known (none when the cache is off). */
  get consolidationKey(): string | undefined {
    return this.memo.consolidation.get(this.ctx().key)?.key;
  }

  /** The content key of this run's facts in the derived-result cache, once they are known. */
  get factsKey(): string | undefined {
    return this.memo.facts.get(this.ctx().key)?.key;
  }

  private async derivedConsolidation(): Promise<Derived<Consolidation>> {
    const { key } = this.ctx();
    const known = this.memo.consolidation.get(key);
    if (known) return known;
    const d = await new DerivedCache('consolidation').getOrCompute(
      key,
      readConsolidation,
      async () => {
        const { consolidate } = await import('../consolidate/consolidate.js');
        return this.fromCorpus(consolidate);
      },
      writeConsolidation,
    );
    this.memo.consolidation.set(key, d);
    return d;
  }

  /** A result computed from the corpus, with every file read for it (manifest, corpus, what the computation read) as its inputs. */
  private async fromCorpus<T>(compute: (corpus: Corpus) => T): Promise<{ value: T; inputs: InputFile[] }> {
    const corpus = await this.corpus();
    const run = recordInputs(() => compute(corpus));
    return { value: run.value, inputs: [...this.ctx().inputs, ...corpus.inputs, ...run.inputs] };
  }

  /** The consolidation if this run (or the test suite) has it, or the derived-result cache holds it unchanged. */
  private knownConsolidation(): Derived<Consolidation> | undefined {
    const { key } = this.ctx();
    const known = this.memo.consolidation.get(key) ?? new DerivedCache('consolidation').get(key, readConsolidation);
    if (known) this.memo.consolidation.set(key, known);
    return known;
  }

  /**
   * The versions of one law, the same as in the whole consolidation (change numbers included). Taken
   * from the whole consolidation when it is at hand or cached; else the law is consolidated alone (and
   * cached so), so that a first `show beschv` does not pay for the official series of the other laws.
   */
  async lawVersions(law: LawEntry): Promise<LawVersions> {
    const known = this.knownConsolidation();
    if (known) return lawVersionsOf(known.value, law);
    const { key } = this.ctx();
    const request = `${key}\n${law.id}`;
    const cached = this.memo.laws.get(request);
    if (cached) return cached.law;
    const r = await new DerivedCache('law-consolidation').getOrCompute(
      request,
      readLawConsolidation,
      async () => {
        const { consolidateOneLaw } = await import('../consolidate/consolidate.js');
        return this.fromCorpus((corpus) => consolidateOneLaw(corpus, law.id));
      },
      writeLawConsolidation,
    );
    this.memo.laws.set(request, r.value);
    return r.value.law;
  }

  /** the facts resolved against the consolidation (catalogue, parameters, official snapshots), cached like it */
  async facts(): Promise<ResolvedFacts> {
    const { key } = this.ctx();
    const cached = this.memo.facts.get(key);
    if (cached) return cached.value;
    const r = await new DerivedCache('facts').getOrCompute(
      key,
      (dir) => JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as ResolvedFacts,
      async () => {
        const consolidation = await this.derivedConsolidation();
        const corpus = await this.corpus();
        const { resolveCorpusFacts } = await import('../pipeline.js');
        const run = recordInputs(() => resolveCorpusFacts(corpus, consolidation.value));
        return { value: run.value, inputs: [...this.ctx().inputs, ...corpus.inputs, ...consolidation.inputs, ...run.inputs] };
      },
      (dir, facts) => writeFileSync(join(dir, 'facts.json'), JSON.stringify(facts)),
    );
    this.memo.facts.set(key, r);
    return r.value;
  }

  /** a law by id, abbreviation or name, case-insensitively */
  law(name: string): LawEntry {
    return findLawLenient(this.ctx().manifest, name);
  }

  act(id: string): ActEntry {
    return findActLenient(this.ctx().manifest, id);
  }

  /** the earliest day any law of the corpus has a version for */
  firstDay(): string {
    return this.ctx()
      .manifest.laws.map((l) => l.base.validFrom)
      .sort()[0];
  }

  today(): string {
    return this.io.today ?? new Date().toISOString().slice(0, 10);
  }

  /** a date option, leniently read; undefined stays undefined */
  checkDate(d: string | undefined, what = '--date'): string | undefined {
    return d === undefined ? undefined : parseUserDate(d, what);
  }
}

const contexts = new WeakMap<Command, CliContext>();

export function attachContext(program: Command, c: CliContext): void {
  contexts.set(program, c);
}

/** The context of the run a command belongs to. */
export function contextOf(cmd: Command): CliContext {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  const c = contexts.get(root);
  if (!c) throw new Error('no CLI context: build the program with buildProgram()');
  return c;
}

// ---- lenient input --------------------------------------------------------------------------------

const MONTHS = ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'];
/** dates outside this range are typing mistakes, not days a statute version could be asked for */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/**
 * A date as a user types it: `2024-03-01`, `1.3.2024`, `01.03.2024`, `1. März 2024` (also `Maerz`).
 * Returns YYYY-MM-DD; anything else (an impossible day, a year outside 1900–2199) is a one-line UserError.
 */
export function parseUserDate(raw: string, what = '--date'): string {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.?\s+([A-Za-zäÄ]+)\s+(\d{4})$/.exec(s))) {
    const month = MONTHS.indexOf(match[2].toLowerCase().replace('ae', 'ä'));
    if (month < 0) throw new UserError(`${what}: unknown month ${JSON.stringify(match[2])} in ${JSON.stringify(raw)}`, 'bad-date');
    [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else throw new UserError(`${what}: not a date: ${JSON.stringify(raw)} (write 2024-03-01 or 1.3.2024)`, 'bad-date');
  if (y < FIRST_YEAR || y > LAST_YEAR) throw new UserError(`${what}: year ${y} out of range (${FIRST_YEAR}–${LAST_YEAR}): ${JSON.stringify(raw)}`, 'bad-date');
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    throw new UserError(`${what}: no such day: ${JSON.stringify(raw)}`, 'bad-date');
  }
  return iso;
}

const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;
const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A law by id, abbreviation or one of its names, case-insensitively. */
export function findLawLenient(m: Manifest, name: string): LawEntry {
  const k = fold(name);
  const law = m.laws.find((l) => fold(l.id) === k || fold(l.abbreviation) === k || fold(l.title) === k || l.names.some((n) => fold(n) === k));
  if (law) return law;
  const known = m.laws.map((l) => `${l.id} (${l.abbreviation})`).join(', ');
  if (!SAFE_ID.test(name.toLowerCase())) throw new UserError(`invalid law id ${JSON.stringify(name)} (known: ${known})`, 'unknown-law');
  throw new UserError(`unknown law ${JSON.stringify(name)} (known: ${known})`, 'unknown-law');
}

export function findActLenient(m: Manifest, id: string): ActEntry {
  const k = fold(id);
  const act = m.acts.find((a) => fold(a.id) === k || fold(a.citation) === k);
  if (!act) throw new UserError(`unknown act ${JSON.stringify(id)} (known: ${m.acts.map((a) => a.id).join(', ')})`, 'unknown-act');
  return act;
}

/**
 * A unit as a user types it, in the words the address parser reads: `§26` → `§ 26`, `Abs.` → Absatz,
 * `S.` → Satz, `Nr.` → Nummer, `Buchst.`/`lit.` → Buchstabe, `Doppelbuchst.` → Doppelbuchstabe;
 * a leading `Art.` is refused (acts are not shown by unit); a bare number means the §.
 */
export function normalizeUnit(raw: string): string {
  let s = raw.trim().replace(/\s+/g, ' ');
  if (/^\d+[a-z]{0,2}\b/.test(s)) s = '§ ' + s;
  return s
    .replace(/§\s*(?=\d)/g, '§ ')
    .replace(/\bAbs\.?\s*(?=\d)/gi, 'Absatz ')
    .replace(/\bAbsatz\s*(?=\d)/gi, 'Absatz ')
    .replace(/\bS\.\s*(?=\d)/g, 'Satz ')
    .replace(/\bSatz\s*(?=\d)/gi, 'Satz ')
    .replace(/\bNr\.?\s*(?=\d)/gi, 'Nummer ')
    .replace(/\bNummer\s*(?=\d)/gi, 'Nummer ')
    .replace(/\bDoppelbuchst\.?\s*(?=[a-z])/gi, 'Doppelbuchstabe ')
    .replace(/\b(?:Buchst\.?|lit\.?)\s*(?=[a-z])/gi, 'Buchstabe ')
    .replace(/\s+/g, ' ');
}

/** The versions of a law in a consolidation. */
export function lawVersionsOf(c: Consolidation, law: LawEntry): LawVersions {
  const lv = c.laws.find((l) => l.law === law.id);
  if (!lv) throw new UserError(`no versions of ${law.abbreviation} in this corpus`, 'no-version');
  return lv;
}

/** The version of a law in force on a date, with a one-line error before the first one. */
export function versionOn(lv: LawVersions, law: LawEntry, date: string): LawVersion {
  const v = [...lv.versions].reverse().find((x) => x.validFrom <= date);
  if (!v) throw new UserError(`no version of ${law.abbreviation} valid on ${date}: its first version is valid from ${lv.versions[0].validFrom}`, 'no-version');
  return v;
}

/** validity and completeness of a version, as every --json answer carries them */
export function validityOf(v: LawVersion): { validFrom: string; validTo: string | null; isBase: boolean; complete: boolean; missing: string[] } {
  return { validFrom: v.validFrom, validTo: v.validTo, isBase: v.isBase, complete: v.complete, missing: v.missing };
}
