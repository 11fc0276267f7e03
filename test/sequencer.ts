/**
 * The order of the test files: vitest's own (failed first, then the longest), with the real site built
 * in the background as soon as the order is known. When the site is ready within a few seconds (it was
 * up to date: about 1 s), the files that look at it (they import real-site.js) keep their place among
 * the longest, first, so that the two workers end together. Otherwise (a fresh checkout: consolidate +
 * site take about 30 s) they come last, and the build overlaps the other files instead of keeping both
 * workers waiting at the start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { buildOnceInRun } from './site/real-site-build.js';

const CHROMIUM = '/usr/bin/chromium';
/** how long the order waits for a site that may be up to date (checking it takes about 1 s) */
const READY_WITHIN_MS = 4_000;

const needsRealSite = (spec: TestSpecification): boolean => /from '\.\/real-site\.js'/.test(readFileSync(spec.moduleId, 'utf8'));

export class RealSiteSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const later = sorted.filter(needsRealSite);
    const runDir = this.ctx.getRootProject().getProvidedContext().runDir;
    // as real-site.ts and browser-helpers.ts decide: a given site, or no browser, needs no build
    const wanted = later.length > 0 && !process.env.FASSUNG_SITE_DIR && (existsSync(CHROMIUM) || !!process.env.CI);
    if (wanted && runDir && existsSync(runDir)) {
      // awaited only briefly: the files that need it wait for its outcome file; failures are written there
      const building = buildOnceInRun(runDir);
      if (building) {
        let timer: NodeJS.Timeout | undefined;
        const ready = await Promise.race([building.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), READY_WITHIN_MS)))]);
        clearTimeout(timer);
        if (ready) return sorted;
      }
    }
    return [...sorted.filter((f) => !later.includes(f)), ...later];
  }
}
