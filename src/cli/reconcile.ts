/**
 * `fassung reconcile [law] [--json]`: for every official version date, the chain's result against the
 * official text, § by § (equal / differs with its explanation).
 */
import type { Command } from 'commander';
import { stableJson } from '../consolidate/write-output.js';
import { contextOf } from './context.js';

export function registerReconcile(program: Command): void {
  program
    .command('reconcile [law]')
    .description('for every official version date: the chain against the official text, § by § (equal / differs, with the instruction or missing act that explains it)')
    .option('--json', 'JSON output')
    .action(async function (this: Command, lawName: string | undefined, o: { json?: boolean }) {
      const c = contextOf(this);
      const lawId = lawName ? c.law(lawName).id : undefined;
      const { formatReconcile, reconcile } = await import('../consolidate/reconcile.js');
      const r = reconcile(await c.corpus(), await c.consolidation(), lawId ? [lawId] : undefined);
      if (o.json) return void c.out(stableJson(r));
      c.out(formatReconcile(r) + '\n');
      if (r.some((l) => l.differs > 0)) c.exitCode = 1;
    });
}
