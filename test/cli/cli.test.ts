/**
 * The CLI's answers on the real corpus: JSON shapes, exit codes. In-process (runCli, one loaded corpus
 * for the whole file); test/cli/contract.test.ts checks the real process.
 */
import { describe, expect, it } from 'vitest';
import { HAS_CORPUS, ROOT } from '../helpers.js';
import { inProcess } from './fixture.js';

const run = inProcess({ cwd: ROOT });

describe.runIf(HAS_CORPUS)('fassung CLI', () => {
  it('show prints the Westbalkan quota sentence and a Buchstabe of the base text', async () => {
    expect((await run('show', 'beschv', '--unit', '§ 26 Abs. 2 Satz 3')).out).toContain('Die Anzahl der Zustimmungen in den Fällen des Satzes 2 ist auf bis zu 25 000 je Kalenderjahr begrenzt.');
    expect((await run('show', 'aufenthv', '--unit', '§ 31 Abs. 1 Satz 1 Nr. 2 Buchst. c')).out).toMatch(/c\) eine sonstige Beschäftigung ausüben will/);
  });

  it('bad input is one line and exit code 2', async () => {
    for (const args of [['show', 'xyz'], ['show', 'beschv', '--unit', '§ 999'], ['--corpus', '/does/not/exist', 'laws'], ['show', '../../etc'], ['facts', '--fact', 'nope']]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^fassung: error\[/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('instructions --json has the documented shape', async () => {
    const j = JSON.parse((await run('instructions', 'bgbl-2023-i-233', '--json')).out);
    expect(j.act).toBe('bgbl-2023-i-233');
    const i = j.instructions.find((x: { path: string }) => x.path === 'Artikel 4 Nummer 4 Buchstabe e Doppelbuchstabe aa');
    expect(i).toMatchObject({ artikel: '4', law: 'aufenthv', effective: '2023-11-18', status: 'parsed', source: { line: 388 } });
    expect(i.operations[0]).toMatchObject({ action: 'replace', target: '§ 38d Abs. 5 Satz 1' });
  });

  it('facts answers per date with the wording it rests on', async () => {
    const j = JSON.parse((await run('facts', '--fact', 'westbalkan.quota', '--json')).out);
    const t = j.facts[0].timeline.map((e: { validFrom: string; validTo: string | null; value: number; tier: string }) => [e.validTo, e.value, e.tier]);
    expect(t).toContainEqual(['2024-05-31', 25000, 'consolidated']);
    expect(t).toContainEqual([null, 50000, 'consolidated']);
    const blue = JSON.parse((await run('facts', '--fact', 'bluecard.salary.shortage', '--date', '2024-03-01', '--json')).out).facts[0].timeline[0];
    expect(blue.unitLabel).toMatch(/§ 18g Abs\. 1/);
    expect(blue.euros.find((e: { year: number }) => e.year === 2024).amount).toBe(41041.8);
  });

  it('check answers change with the date as the law did, citing provisions, and say it is no legal advice', async () => {
    const on = async (d: string) => JSON.parse((await run('check', '--profile', 'test/profiles/software-developer.json', '--date', d, '--json')).out);
    const blue = (c: { pathways: Array<{ id?: string; name?: string; outcome: string }> }) => c.pathways[0];
    const before = await on('2023-11-01');
    const after = await on('2023-11-18');
    expect(JSON.stringify(before.disclaimer)).toMatch(/not legal advice/);
    expect(blue(before).outcome).toBe('not-eligible');
    expect(blue(after).outcome).toBe('eligible');
    expect(JSON.stringify(after)).toContain('§ 18g Abs. 1');
    const cook = async (d: string) => JSON.parse((await run('check', '--profile', 'test/profiles/kosovar-cook.json', '--date', d, '--json')).out);
    const wb = async (d: string) => JSON.stringify((await cook(d)).pathways.find((p: { outcome: string }) => /Westbalkan/.test(JSON.stringify(p).slice(0, 200))));
    expect(await wb('2023-11-01')).toContain('2021 bis einschließlich 2023');
    expect(await wb('2024-06-01')).toContain('50 000');
  });

  it('diff --format synopsis: old and new side by side, the changed Absatz marked (BeschV § 26, 1.6.2024)', async () => {
    const r = await run('diff', 'beschv', '--from', '2024-05-31', '--to', '2024-06-01', '--unit', '§ 26', '--format', 'synopsis');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^bisherige Fassung +\| neue Fassung$/m);
    expect(r.out).toMatch(/^\* \(2\) Für Staatsangehörige von Albanien/m);
    expect(r.out).toMatch(/bis zu 25 +\| .*bis zu 50/);
    expect(r.out).not.toMatch(/^\* \(1\)/m);
  });

  it('the check text says each caveat and each quoted wording once', async () => {
    const r = await run('check', '--profile', 'test/profiles/kosovar-cook.json', '--date', '2024-06-01');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter((l) => l.length > 150);
    expect(new Set(lines).size, 'a long line repeats').toBe(lines.length);
    // since the AufenthG timeline is complete (official text where the act is missing) this profile may
    // carry no caveat at all; every caveat that is referenced is printed exactly once
    const refs = [...new Set([...r.out.matchAll(/caveat \[(\d+)\] below/g)].map((m) => m[1]))];
    for (const n of refs) expect(r.out.match(new RegExp(`^caveat \\[${n}\\]: `, 'gm'))).toHaveLength(1);
    expect(r.out.match(/^caveat \[\d+\]: /gm)?.length ?? 0).toBe(refs.length);
    // a quoted wording is printed once; later mentions refer back to it
    expect(r.out).toMatch(/\(wording quoted above\)/);
  });

  it('consolidate of the real corpus exits 0 (no errors) and marks its output folder', async () => {
    const { mkdtempSync, existsSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'fassung-cli-'));
    try {
      const r = await run('consolidate', '--out', join(dir, 'out'));
      expect(r.code, r.err).toBe(0);
      expect(existsSync(join(dir, 'out', '.fassung-output'))).toBe(true);
      expect(r.out).toMatch(/^output: /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
