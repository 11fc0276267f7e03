/**
 * Build the static site: every page into a temporary directory next to `outDir`, the stylesheet,
 * the Pagefind search index, then one rename into place, so a failed build leaves the previous site
 * as it was. Output is deterministic: no timestamps, ordering from the input and from dates.
 */
import { addDays } from '../text/dates.js';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
import { PROJECT_ROOT } from '../package-root.js';
import { CSS, FACTS, HOME, SEARCH, SEARCH_JS, SITE_JS, actPage, comparePage, diffPage, historyPage, lawDatePage } from './paths.js';
import { htmlBytes, type HtmlPieces } from './html-pieces.js';
import { SiteModel } from './site-model.js';
import type { BuildSiteOptions, SiteInput } from './types.js';
import { renderActPage } from './pages/act.js';
import { renderComparePage, renderDiffPage } from './pages/diff.js';
import { renderFactsPage } from './pages/facts.js';
import { paragraphIdsOf, renderHistoryPage } from './pages/history.js';
import { renderHomePage } from './pages/home.js';
import { lawVersionPages, renderDayPage } from './pages/law-version.js';
import { renderSearchPage } from './pages/search.js';

/** Where the stylesheet and scripts are read from: next to this module, else the project's sources. */
export const ASSET_DIRS = [fileURLToPath(new URL('./assets/', import.meta.url)), join(PROJECT_ROOT, 'src', 'site', 'assets')];

async function readAsset(name: string): Promise<string> {
  const candidates = ASSET_DIRS.map((dir) => join(dir, name));
  for (const file of candidates) if (existsSync(file)) return readFile(file, 'utf8');
  throw new Error(`site asset ${name} not found (looked in ${candidates.join(', ')})`);
}

const readStylesheet = (): Promise<string> => readAsset('site.css');

/** Every day from `from` to `to` (ISO dates, inclusive). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  if (!from || !to) return out;
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Files worth compressing: text above 2 KiB (pagefind's own files are compressed already). */
const COMPRESSIBLE = /\.(?:html|css|js|json|svg|txt)$/;

function worthCompressing(file: string, data: Buffer): boolean {
  return COMPRESSIBLE.test(file) && data.length >= 2048;
}

/** Write `file.gz` and `file.br` of `data` next to `file`, for `serve`. */
async function writeCompressed(file: string, data: Buffer): Promise<void> {
  await Promise.all([
    gzipAsync(data, { level: 6 }).then((z) => writeFile(`${file}.gz`, z)),
    brotliAsync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length } }).then((b) => writeFile(`${file}.br`, b)),
  ]);
}

/** Compress every file below `dir` worth it (the search index pagefind wrote; the pages are compressed as they are written). */
async function precompress(dir: string): Promise<void> {
  const files: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else files.push(p);
    }
  };
  await walk(dir);
  const queue = new PQueue({ concurrency: 8 });
  await Promise.all(
    files.map((f) =>
      queue.add(async () => {
        const data = await readFile(f);
        if (worthCompressing(f, data)) await writeCompressed(f, data);
      }),
    ),
  );
}

/**
 * The pages that can hold searchable text (`data-pagefind-body`): the text of each version (index and
 * parts), the acts and the facts. Pagefind indexes only pages with that attribute once any page has
 * it, so the index is the same as over every page; it just need not read the compare, diff and history
 * pages (most of the site's bytes).
 */
const SEARCHABLE = '{facts.html,acts/*.html,*/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]/*.html}';

async function indexForSearch(dir: string): Promise<void> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true, forceLanguage: 'de' });
  try {
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir, glob: SEARCHABLE });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** Every page of the site: its path and how to render it, in a fixed order. */
function planPages(model: SiteModel, input: SiteInput, search: boolean): Array<[string, () => string | HtmlPieces]> {
  const plan: Array<[string, () => string | HtmlPieces]> = [
    [HOME, () => renderHomePage(model)],
    [SEARCH, () => renderSearchPage(model, search)],
    [FACTS, () => renderFactsPage(model, input.facts)],
  ];
  const last = model.lastDate();
  for (const law of model.laws) {
    law.versions.forEach((v, k) => {
      plan.push(...lawVersionPages(model, law, v));
      if (k > 0) {
        const prev = law.versions[k - 1];
        plan.push([diffPage(law.id, prev.validFrom, v.validFrom), () => renderDiffPage(model, law, prev, v)]);
      }
      for (const a of law.versions.slice(0, k)) plan.push([comparePage(law.id, a.validFrom, v.validFrom), () => renderComparePage(model, law, a, v)]);
    });
    // every other day of the timeline: a small page that leads to the version in force
    const versionDates = new Set(law.versions.map((v) => v.validFrom));
    for (const day of daysBetween(law.versions[0]?.validFrom ?? '', last)) {
      if (!versionDates.has(day)) plan.push([lawDatePage(law.id, day), () => renderDayPage(model, law, day)]);
    }
    for (const pid of paragraphIdsOf(law)) plan.push([historyPage(law.id, pid), () => renderHistoryPage(model, law, pid)]);
  }
  for (const act of model.acts) plan.push([actPage(act.entry.id), () => renderActPage(model, act)]);
  return plan;
}

export async function buildSite(input: SiteInput, outDir: string, options: BuildSiteOptions = {}): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${suffix}`);
  const search = options.search ?? true;
  try {
    await mkdir(tmp);
    const model = new SiteModel(input);
    const plan = planPages(model, input, search);
    const queue = new PQueue({ concurrency: options.concurrency ?? 16 });
    const madeDirs = new Map<string, Promise<unknown>>();
    // every page and asset is written here, and compressed right after, while the bytes are at hand
    const write = async (rel: string, content: () => string | HtmlPieces | Promise<string>): Promise<void> => {
      const file = join(tmp, rel);
      const dir = dirname(file);
      let made = madeDirs.get(dir);
      if (!made) madeDirs.set(dir, (made = mkdir(dir, { recursive: true })));
      await made;
      const data = htmlBytes(await content());
      await writeFile(file, data);
      if (worthCompressing(file, data)) await writeCompressed(file, data);
    };
    const jobs = plan.map(([rel, render]) => queue.add(() => write(rel, render)));
    jobs.push(queue.add(() => write(CSS, readStylesheet)));
    jobs.push(queue.add(() => write(SITE_JS, () => readAsset('site.js'))));
    jobs.push(queue.add(() => write(SEARCH_JS, () => readAsset('search.js'))));
    // wait for every write, also after a failure, so the temporary directory can be removed
    const settled = await Promise.allSettled(jobs);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;

    if (search) {
      await indexForSearch(tmp);
      await precompress(join(tmp, 'pagefind'));
    }
    options.beforeSwap?.(tmp);

    let old: string | undefined;
    if (existsSync(target)) {
      old = join(parent, `.${basename(target)}.old-${suffix}`);
      await rename(target, old);
    }
    try {
      await rename(tmp, target);
    } catch (e) {
      if (old) await rename(old, target);
      throw e;
    }
    if (old) await rm(old, { recursive: true, force: true });
    return { pages: plan.length, ms: Math.round(performance.now() - started) };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
