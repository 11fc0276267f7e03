/**
 * Build the static site: every page into a temporary directory next to `outDir`, the stylesheet,
 * the Pagefind search index, then one rename into place, so a failed build leaves the previous site
 * as it was. Output is deterministic: no timestamps, ordering from the input and from dates.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import { PROJECT_ROOT } from '../corpus/manifest.js';
import { CSS, FACTS, HOME, SEARCH, actPage, diffPage, historyPage, lawDatePage } from './paths.js';
import { SiteModel } from './site-model.js';
import type { BuildSiteOptions, SiteInput } from './types.js';
import { renderActPage } from './pages/act.js';
import { renderDiffPage } from './pages/diff.js';
import { renderFactsPage } from './pages/facts.js';
import { paragraphIdsOf, renderHistoryPage } from './pages/history.js';
import { renderHomePage } from './pages/home.js';
import { renderLawVersionPage } from './pages/law-version.js';
import { renderSearchPage } from './pages/search.js';

async function readStylesheet(): Promise<string> {
  const candidates = [
    fileURLToPath(new URL('./assets/site.css', import.meta.url)),
    join(PROJECT_ROOT, 'src', 'site', 'assets', 'site.css'),
  ];
  for (const file of candidates) if (existsSync(file)) return readFile(file, 'utf8');
  throw new Error(`site stylesheet not found (looked in ${candidates.join(', ')})`);
}

async function indexForSearch(dir: string): Promise<void> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true, forceLanguage: 'de' });
  try {
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** Every page of the site: its path and how to render it, in a fixed order. */
function planPages(model: SiteModel, input: SiteInput, search: boolean): Array<[string, () => string]> {
  const plan: Array<[string, () => string]> = [
    [HOME, () => renderHomePage(model)],
    [SEARCH, () => renderSearchPage(search)],
    [FACTS, () => renderFactsPage(model, input.facts)],
  ];
  for (const law of model.laws) {
    law.versions.forEach((v, k) => {
      plan.push([lawDatePage(law.id, v.validFrom), () => renderLawVersionPage(model, law, v)]);
      if (k > 0) {
        const prev = law.versions[k - 1];
        plan.push([diffPage(law.id, prev.validFrom, v.validFrom), () => renderDiffPage(model, law, prev, v)]);
      }
    });
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
    const write = async (rel: string, content: () => string | Promise<string>): Promise<void> => {
      const file = join(tmp, rel);
      const dir = dirname(file);
      let made = madeDirs.get(dir);
      if (!made) madeDirs.set(dir, (made = mkdir(dir, { recursive: true })));
      await made;
      await writeFile(file, await content());
    };
    const jobs = plan.map(([rel, render]) => queue.add(() => write(rel, render)));
    jobs.push(queue.add(() => write(CSS, readStylesheet)));
    // wait for every write, also after a failure, so the temporary directory can be removed
    const settled = await Promise.allSettled(jobs);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;

    if (search) await indexForSearch(tmp);

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
