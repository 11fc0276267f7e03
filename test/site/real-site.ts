/**
 * The real site (consolidated/site, what `npm start` builds) for the test files that look at it, built
 * at most once per test run however many files ask for it.
 *
 * FASSUNG_SITE_DIR names a built site to use as it is. Otherwise the site is built as real-site-build.ts
 * says: usually by the test sequencer in the background while the other test files run (it puts the
 * files that need the site last), else by the first file that asks; the others wait for the outcome,
 * and fail if the builder died without one. Without a site the tests are skipped with the reason.
 *
 * The files run in separate worker processes: they meet in the run folder that the global setup
 * provides (test/global-setup.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { processAlive } from '../../src/consolidate/write-output.js';
import { buildOnceInRun, buildRealSite, lockFile, outcomeFile, STEP_MS, type RealSite, type RealSiteOutcome } from './real-site-build.js';

export type { RealSite } from './real-site-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a folder that lives as long as the test run, shared by all test files */
    runDir: string;
  }
}

const WAIT_MS = 3 * STEP_MS + 60_000;
/** a lock file still empty after this long belongs to a process that died before writing its pid */
const EMPTY_LOCK_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let mine: Promise<RealSite> | undefined;

/** The real site of this test run: built by the first file that asks, awaited by the others. */
export function realSite(): Promise<RealSite> {
  return (mine ??= obtain());
}

async function obtain(): Promise<RealSite> {
  if (process.env.FASSUNG_SITE_DIR) return { dir: resolve(process.env.FASSUNG_SITE_DIR) };
  const runDir = inject('runDir');
  // without the global setup's run folder (another config): build here, without meeting other files
  if (!runDir || !existsSync(runDir)) return buildRealSite();
  const building = buildOnceInRun(runDir);
  if (building) {
    const outcome = await building;
    if (outcome.error) throw new Error(outcome.error);
    return outcome;
  }
  // another process builds it (the sequencer, or another file): wait for its outcome
  const lock = lockFile(runDir);
  const status = outcomeFile(runDir);
  const started = Date.now();
  for (;;) {
    if (existsSync(status)) {
      const outcome = JSON.parse(readFileSync(status, 'utf8')) as RealSiteOutcome;
      if (outcome.error) throw new Error(`the real site could not be built (by another process of the run): ${outcome.error}`);
      return outcome;
    }
    const pidText = readFileSync(lock, 'utf8');
    const pid = Number(pidText);
    const dead = pidText === '' ? Date.now() - started > EMPTY_LOCK_MS : Number.isInteger(pid) && !processAlive(pid);
    if (dead && !existsSync(status)) throw new Error(`the process ${pidText || '(no pid written)'} building the real site ended without an outcome`);
    if (Date.now() - started > WAIT_MS) throw new Error(`the real site was not built within ${WAIT_MS / 60_000} minutes`);
    await sleep(250);
  }
}
