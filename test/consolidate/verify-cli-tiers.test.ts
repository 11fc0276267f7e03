/**
 * The tiers as the CLI shows them: versions with counts per tier, one unit with its tier and source, and
 * the reconcile summary. In-process (runCli, one shared cache); test/cli/contract.test.ts checks the
 * real process.
 */
import { describe, expect, it } from 'vitest';
import { HAS_CORPUS } from '../helpers.js';
import { inProcess } from '../cli/fixture.js';

const cli = inProcess({ today: undefined });
async function run(...args: string[]) {
  const r = await cli(...args);
  return { code: r.code, out: r.out, err: r.err };
}

describe.runIf(HAS_CORPUS)('tiers in the CLI', () => {
  it('versions aufenthg lists versions to 2026-08-12 with their count of §§ per tier', async () => {
    const rows = JSON.parse((await run('versions', 'aufenthg', '--json')).out) as Array<{ validFrom: string; tiers: Record<string, number> }>;
    expect(rows.at(-1)!.validFrom >= '2026-08-12').toBe(true);
    for (const r of rows) expect(Object.keys(r.tiers).sort()).toEqual(['derived', 'derived-differs', 'derived-verified', 'official', 'pending']);
    const text = (await run('versions', 'aufenthg')).out;
    expect(text).toMatch(/^2026-08-12 – offen {2}\d+ Änderungen?\n {4}§§ je Stufe: (?:[a-z-]+ \d+(?:, )?)+ \(verglichen mit official\/aufenthg_2004\/2026-08-12\.md\)$/m);
  }, 180_000);

  it('show --date 2026-08-12 --unit "§ 18g" prints the wording with tier and source; --json carries validFrom, validTo, tier', async () => {
    const text = await run('show', 'aufenthg', '--date', '2026-08-12', '--unit', '§ 18g');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^AufenthG § 18g — gültig 2026-08-12 bis offen — tier (official|derived-verified) — Quelle: /);
    expect(text.out).toContain('Blaue Karte EU');
    const json = JSON.parse((await run('show', 'aufenthg', '--date', '2026-08-12', '--unit', '§ 18g', '--json')).out);
    expect(json).toMatchObject({ law: 'aufenthg', validFrom: '2026-08-12', validTo: null });
    expect(json.units).toEqual([expect.objectContaining({ id: 'para-18g', tier: expect.stringMatching(/^(official|derived-verified)$/) })]);
  }, 180_000);

  it('reconcile prints per law and official date: equal / differ', async () => {
    const r = await run('reconcile', 'beschv');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^beschv: 8 official dates, units equal \d+, differ \d+/);
    expect(r.out).toMatch(/^ {2}2024-06-01 \(official\/beschv_2013\/2024-06-01\.md\) vs version of 2024-06-01: equal \d+, differ \d+/m);
  }, 180_000);
});
