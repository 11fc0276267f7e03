/**
 * Building the real site (consolidated/site, what `npm start` builds) for the test files that look at
 * it, once per test run. It runs in whichever process takes the lock first: the test sequencer in the
 * main process (test/sequencer.ts), which starts it in the background before any worker starts, or
 * else the first test file that asks (real-site.ts). The others wait for the outcome file.
 *
 * Both files live in the run folder of the global setup: `real-site.lock` holds the builder's pid,
 * `real-site.json` the outcome ({ dir } or { why } or { error }).
 */
import { execFile } from 'node:child_process';
import { closeSync, existsSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers.js';

export interface RealSite {
  /** the site folder, when there is one */
  dir?: string;
  /** why there is none */
  why?: string;
}

export type RealSiteOutcome = RealSite & { error?: string };

export const CLI = join(ROOT, 'dist', 'src', 'cli.js');
export const REAL_SITE_DIR = join(ROOT, 'consolidated', 'site');
/** each CLI step may take this long; the builder runs three (--help, consolidate, site) */
export const STEP_MS = 600_000;

const execFileAsync = promisify(execFile);

/**
 * When the built CLI (dist/src/cli.js, as `npm test` builds it) has a `site` command: run `consolidate`
 * and `site` (each skips what is already up to date). Else an existing consolidated/site is used; else
 * there is no site, with the reason.
 */
export async function buildRealSite(): Promise<RealSite> {
  const run = async (args: string[]): Promise<string> => {
    const { stdout, stderr } = await execFileAsync(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: STEP_MS, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (args[0] !== '--help') process.stderr.write(`${stdout}${stderr}`);
    return stdout;
  };
  const hasSiteCommand = existsSync(CLI) && /^\s+site\b/m.test(await run(['--help']));
  if (hasSiteCommand) {
    await run(['consolidate']);
    await run(['site']);
    if (!existsSync(join(REAL_SITE_DIR, 'index.html'))) throw new Error(`"node dist/src/cli.js site" did not produce ${REAL_SITE_DIR}/index.html`);
    return { dir: REAL_SITE_DIR };
  }
  if (existsSync(join(REAL_SITE_DIR, 'index.html'))) return { dir: REAL_SITE_DIR };
  return {
    why: `${REAL_SITE_DIR}/index.html is missing and ${existsSync(CLI) ? `${CLI} has no "site" command yet` : `${CLI} does not exist`} (run "npm start", or set FASSUNG_SITE_DIR)`,
  };
}

export const lockFile = (runDir: string) => join(runDir, 'real-site.lock');
export const outcomeFile = (runDir: string) => join(runDir, 'real-site.json');

/**
 * Take the build lock of the run folder and build, writing the outcome for the processes that wait;
 * undefined when another process holds the lock (it builds).
 */
export function buildOnceInRun(runDir: string): Promise<RealSiteOutcome> | undefined {
  let fd: number;
  try {
    fd = openSync(lockFile(runDir), 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  }
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return (async () => {
    // whatever happens, an outcome is written for the files that wait
    let outcome: RealSiteOutcome = { error: 'the builder stopped without an outcome' };
    try {
      outcome = await buildRealSite();
    } catch (e) {
      outcome = { error: (e as Error).message };
    } finally {
      const status = outcomeFile(runDir);
      writeFileSync(`${status}.tmp`, JSON.stringify(outcome));
      renameSync(`${status}.tmp`, status);
    }
    return outcome;
  })();
}
