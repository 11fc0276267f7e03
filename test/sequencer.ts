/**
 * The order of the test files: vitest's own (failed first, then the longest), except that the files
 * that look at the real site (they import real-site.js) come last, and the site is built in the
 * background as soon as the order is known. Building it (consolidate + site, about 30 s on a fresh
 * checkout) then overlaps the other files instead of keeping both workers waiting at the start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { buildOnceInRun } from './site/real-site-build.js';

const CHROMIUM = '/usr/bin/chromium';

const needsRealSite = (spec: TestSpecification): boolean => /from '\.\/real-site\.js'/.test(readFileSync(spec.moduleId, 'utf8'));

export class RealSiteLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const later = sorted.filter(needsRealSite);
    const runDir = this.ctx.getRootProject().getProvidedContext().runDir;
    // as real-site.ts and browser-helpers.ts decide: a given site, or no browser, needs no build
    const wanted = later.length > 0 && !process.env.FASSUNG_SITE_DIR && (existsSync(CHROMIUM) || !!process.env.CI);
    if (wanted && runDir && existsSync(runDir)) {
      // not awaited: the files that need it wait for its outcome file; failures are written there
      void buildOnceInRun(runDir);
    }
    return [...sorted.filter((f) => !later.includes(f)), ...later];
  }
}
