/**
 * The real site (consolidated/site, what `npm start` builds) for the test files that look at it, built
 * at most once per test run however many files ask for it.
 *
 * FASSUNG_SITE_DIR names a built site to use as it is. Otherwise, when the built CLI (dist/src/cli.js,
 * as `npm test` builds it) has a `site` command, the first file to ask runs `consolidate` and `site`
 * (each skips what is already up to date) and the others wait for it; else an existing
 * consolidated/site is used; else the tests are skipped with the reason.
 *
 * The files run in separate worker processes: they meet in the run folder that the global setup
 * provides (test/global-setup.ts). The first to create `real-site.lock` there builds and writes the
 * outcome to `real-site.json`; the others poll for that file, and fail if the builder died without it.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { ROOT } from '../helpers.js';
import { CLI } from '../cli/fixture.js';
import { processAlive } from '../../src/consolidate/write-output.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a folder that lives as long as the test run, shared by all test files */
    runDir: string;
  }
}

export interface RealSite {
  /** the site folder, when there is one */
  dir?: string;
  /** why there is none */
  why?: string;
}

/** each CLI step may take this long; the builder runs three (--help, consolidate, site) */
const STEP_MS = 600_000;
const WAIT_MS = 3 * STEP_MS + 60_000;
/** a lock file still empty after this long belongs to a process that died before writing its pid */
const EMPTY_LOCK_MS = 10_000;

function build(): RealSite {
  const dir = join(ROOT, 'consolidated', 'site');
  const run = (args: string[], stdio: 'pipe' | 'inherit'): string =>
    execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, stdio, timeout: STEP_MS, encoding: 'utf8' }) ?? '';
  const hasSiteCommand = existsSync(CLI) && /^\s+site\b/m.test(run(['--help'], 'pipe'));
  if (hasSiteCommand) {
    run(['consolidate'], 'inherit');
    run(['site'], 'inherit');
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`"node dist/src/cli.js site" did not produce ${dir}/index.html`);
    return { dir };
  }
  if (existsSync(join(dir, 'index.html'))) return { dir };
  return {
    why: `${dir}/index.html is missing and ${existsSync(CLI) ? `${CLI} has no "site" command yet` : `${CLI} does not exist`} (run "npm start", or set FASSUNG_SITE_DIR)`,
  };
}

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
  if (!runDir || !existsSync(runDir)) return build();
  const lock = join(runDir, 'real-site.lock');
  const status = join(runDir, 'real-site.json');
  let fd: number | undefined;
  try {
    fd = openSync(lock, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (fd !== undefined) {
    // the builder: whatever happens, an outcome is written for the files that wait
    let outcome: RealSite & { error?: string } = { error: 'the builder stopped without an outcome' };
    try {
      writeSync(fd, String(process.pid));
      closeSync(fd);
      outcome = build();
    } catch (e) {
      outcome = { error: (e as Error).message };
    } finally {
      writeFileSync(`${status}.tmp`, JSON.stringify(outcome));
      renameSync(`${status}.tmp`, status);
    }
    if (outcome.error) throw new Error(outcome.error);
    return outcome;
  }
  // another file builds it: wait for its outcome
  const started = Date.now();
  for (;;) {
    if (existsSync(status)) {
      const outcome = JSON.parse(readFileSync(status, 'utf8')) as RealSite & { error?: string };
      if (outcome.error) throw new Error(`the real site could not be built (by another test file): ${outcome.error}`);
      return outcome;
    }
    const pidText = readFileSync(lock, 'utf8');
    const pid = Number(pidText);
    const dead = pidText === '' ? Date.now() - started > EMPTY_LOCK_MS : Number.isInteger(pid) && !processAlive(pid);
    if (dead && !existsSync(status)) throw new Error(`the test process ${pidText || '(no pid written)'} building the real site ended without an outcome`);
    if (Date.now() - started > WAIT_MS) throw new Error(`the real site was not built within ${WAIT_MS / 60_000} minutes`);
    await sleep(250);
  }
}
