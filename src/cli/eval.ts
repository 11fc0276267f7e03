/**
 * `fassung eval DIR`: the measure of generality as a command. Every case folder of DIR (real acts with
 * the official text before and after) is run; a table and totals are printed (or JSON), and with
 * `--baseline FILE` the run fails when any case falls below the committed per-case results.
 */
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { contextOf } from './context.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';
import { UserError } from '../diagnostics/diagnostic.js';
import { stableJson } from '../consolidate/write-output.js';

export function registerEval(program: Command): void {
  program
    .command('eval <dir>')
    .description('apply each real act of DIR to its before.md and compare § by § with after.md (the generality measure)')
    .option('--json', 'JSON output')
    .option('--verbose', 'print the word diff and the instructions behind every miss')
    .option('--case <text>', 'only the cases whose folder name contains this text')
    .option('--baseline <file>', 'fail (exit 1) when any case falls below this committed baseline')
    .option('--write-baseline <file>', 'write the per-case results as the new baseline')
    .action(async function (this: Command, dir: string, o: { json?: boolean; verbose?: boolean; case?: string; baseline?: string; writeBaseline?: string }) {
      const { compareWithBaseline, formatEvalTable, runEval, baselineOf } = await import('../eval/eval-cases.js');
      const c = contextOf(this);
      const s = runEval(c.path(dir), o.case ? (id) => id.includes(o.case!) : undefined);
      if (o.json) c.out(stableJson(s));
      else c.out(formatEvalTable(s, o.verbose) + '\n');
      if (o.writeBaseline) {
        writeFileAtomic(c.path(o.writeBaseline), stableJson(baselineOf(s)));
        return void c.err(`baseline written: ${o.writeBaseline}\n`);
      }
      if (o.baseline) {
        const file = c.path(o.baseline);
        if (!existsSync(file)) throw new UserError(`baseline not found: ${o.baseline}`, 'baseline-missing');
        const regressions = compareWithBaseline(s, JSON.parse(readFileSync(file, 'utf8')));
        for (const r of regressions) c.err(`regression: ${r}\n`);
        if (regressions.length) c.exitCode = 1;
        else c.err(`no case below the baseline ${o.baseline}\n`);
      }
    });
}
