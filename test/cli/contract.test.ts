/**
 * The CLI contract (issue 15 item 7): every command with good input, bad input, and `| head -1`.
 * Exit codes: 0 ok, 1 failure or differences found, 2 usage or bad input; every error one line
 * `fassung: error[code]: …` (usage errors name where to look, never print the whole help).
 * In-process (runCli) on a small corpus; the real process only where the process matters (exit codes,
 * a closed pipe, --version, serve).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, inProcess, miniCorpus, MINI_BASE, type CliResult } from './fixture.js';
import { HAS_CORPUS, ROOT } from '../helpers.js';

const ONE_LINE_ERROR = /^fassung: error\[[a-z0-9-]+\]: [^\n]+\n$/;
const tmp = mkdtempSync(join(tmpdir(), 'fassung-contract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let g: string[];
let gb: string[];
let mini: ReturnType<typeof miniCorpus>;
const cli = inProcess();

beforeAll(() => {
  mini = miniCorpus(mkdtempSync(join(tmp, 'all-')));
  const b = miniCorpus(mkdtempSync(join(tmp, 'beschv-')), 'beschv');
  g = ['--corpus', mini.dir, '--manifest', mini.manifest];
  gb = ['--corpus', b.dir, '--manifest', b.manifest];
});

function ok(r: CliResult, what: string): void {
  expect(r.code, `${what}\n${r.err}`).toBe(0);
  expect(r.err, what).not.toMatch(/error\[|\n\s+at /);
}

function bad(r: CliResult, what: string, code = 2, errorCode?: string): void {
  expect(r.code, `${what}\n${r.err}`).toBe(code);
  expect(r.err, what).toMatch(ONE_LINE_ERROR);
  if (errorCode) expect(r.err, what).toContain(`error[${errorCode}]`);
  expect(r.out, what).toBe('');
}

describe.runIf(HAS_CORPUS)('every command: good input, bad input, exit codes (in-process)', () => {
  it('global: --version, --help, unknown command or option', async () => {
    const v = await cli('--version');
    ok(v, '--version');
    expect(v.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const h = await cli('--help');
    ok(h, '--help');
    expect(h.out).toMatch(/Usage: fassung/);
    for (const argv of [['nosuch'], ['show'], ['show', 'beschv', '--nope'], ['diff', 'beschv', '--from', '2024-01-01'], ['laws', 'extra', 'args']]) {
      const r = await cli(...g, ...argv);
      bad(r, argv.join(' '), 2, 'usage');
      expect(r.err).toMatch(/\(see "fassung( \w+)? --help"\)\n$/);
      expect(r.err).not.toMatch(/Usage:|Options:/);
    }
  });

  it('laws', async () => {
    ok(await cli(...g, 'laws'), 'laws');
    expect(JSON.parse((await cli(...g, 'laws', '--json')).out).laws).toHaveLength(3);
    bad(await cli('--manifest', join(tmp, 'none.json'), 'laws'), 'missing manifest', 2, 'manifest-missing');
    bad(await cli('--manifest', '', 'laws'), 'empty manifest path');
    bad(await cli('--corpus', join(tmp, 'none'), 'laws'), 'missing corpus', 2, 'corpus-missing');
  });

  it('show: lenient law names, units and dates; --json with validity and completeness', async () => {
    for (const argv of [
      ['show', 'BeschV', '--unit', '§26 Abs. 2 S. 3', '--date', '1.3.2024'],
      ['show', 'beschv', '--unit', '§ 26 Absatz 2 Satz 3', '--date', '2024-03-01'],
      ['show', 'Beschäftigungsverordnung', '--unit', '26 Abs 2 S. 3', '--date', '01.03.2024'],
      ['show', 'BESCHV', '--unit', '§ 26 Abs. 2 Satz 3', '--date', '1. März 2024'],
    ]) {
      const r = await cli(...g, ...argv);
      ok(r, argv.join(' '));
      expect(r.out, argv.join(' ')).toContain('auf bis zu 50 000 je Kalenderjahr begrenzt.');
    }
    const base = await cli(...g, 'show', 'beschv', '--unit', '§ 26 Abs. 2 S. 3');
    expect(base.out).toContain('25 000');
    const j = JSON.parse((await cli(...g, 'show', 'beschv', '--unit', '§ 26 Abs. 2 S. 3', '--date', '2024-02-01', '--json')).out);
    expect(j).toMatchObject({ law: 'beschv', date: '2024-02-01', validFrom: '2022-07-29', validTo: '2024-02-29', complete: true, missing: [] });
    expect(j.units[0].text).toContain('25 000');
    const whole = JSON.parse((await cli(...g, 'show', 'beschv', '--json')).out);
    expect(whole).toMatchObject({ validFrom: '2022-07-29', validTo: '2024-02-29', isBase: true });
    expect(whole.tree.body.length).toBeGreaterThan(10);
    for (const [argv, code] of [
      [['show', 'xyz'], 'unknown-law'],
      [['show', '../../etc'], 'unknown-law'],
      [['show', 'beschv', '--unit', '§ 999'], 'unknown-unit'],
      [['show', 'beschv', '--unit', 'hello'], 'unknown-unit'],
      [['show', 'beschv', '--date', '2024-02-30'], 'bad-date'],
      [['show', 'beschv', '--date', '31.12.9999'], 'bad-date'],
      [['show', 'beschv', '--date', 'yesterday'], 'bad-date'],
      [['show', 'beschv', '--date', '1990-01-01'], 'no-version'],
    ] as const) bad(await cli(...g, ...argv), argv.join(' '), 2, code);
  });

  it('instructions', async () => {
    const r = await cli(...g, 'instructions', 'mini-2024');
    ok(r, 'instructions');
    expect(r.out).toMatch(/acts\/mini\.txt:9: Artikel 1 Nummer 1 \[parsed\] beschv in force 2024-03-01/);
    expect(JSON.parse((await cli(...g, 'instructions', 'mini-2024', '--json')).out).instructions).toHaveLength(1);
    expect(JSON.parse((await cli(...g, 'instructions', 'mini-2024', '--stats', '--json')).out).instructions).toBe(1);
    bad(await cli(...g, 'instructions', 'nope'), 'unknown act', 2, 'unknown-act');
  });

  it('versions', async () => {
    const r = await cli(...g, 'versions', 'BeschV');
    ok(r, 'versions');
    expect(r.out).toMatch(/2024-03-01 – offen {2}1 Änderung\n/);
    const j = JSON.parse((await cli(...g, 'versions', 'beschv', '--json')).out);
    expect(j.map((v: { validFrom: string; validTo: string | null; complete: boolean }) => [v.validFrom, v.validTo, v.complete])).toEqual([
      ['2022-07-29', '2024-02-29', true],
      ['2024-03-01', null, true],
    ]);
    bad(await cli(...g, 'versions', 'nope'), 'versions nope', 2, 'unknown-law');
  });

  it('diff: changed words, nothing changed said clearly, --json, swapped and out-of-range dates refused', async () => {
    const r = await cli(...g, 'diff', 'beschv', '--from', '2024-02-29', '--to', '1.3.2024', '--unit', '§26 Abs. 2 S. 3');
    ok(r, 'diff');
    expect(r.out).toContain('[-25 000-]{+50 000+}');
    const whole = await cli(...g, 'diff', 'BeschV', '--from', '2024-01-01', '--to', '2024-06-01');
    ok(whole, 'diff whole law');
    expect(whole.out).toMatch(/^§ 26\n/);
    for (const argv of [
      ['diff', 'beschv', '--from', '2024-03-01', '--to', '2024-04-01', '--unit', '§ 26'],
      ['diff', 'beschv', '--from', '2023-01-01', '--to', '2023-06-01'],
      ['diff', 'beschv', '--from', '2024-03-01', '--to', '2024-03-01', '--unit', '§ 26'],
    ]) {
      const n = await cli(...g, ...argv);
      ok(n, argv.join(' '));
      expect(n.out, argv.join(' ')).toMatch(/^no change: [^\n]+ is the same on \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d \([^\n]+\)\n$/);
    }
    const j = JSON.parse((await cli(...g, 'diff', 'beschv', '--from', '2024-01-01', '--to', '2024-03-01', '--unit', '§ 26 Abs. 2 Satz 3', '--json')).out);
    expect(j.from).toMatchObject({ date: '2024-01-01', validFrom: '2022-07-29', validTo: '2024-02-29', complete: true });
    expect(j.to).toMatchObject({ date: '2024-03-01', validFrom: '2024-03-01', validTo: null, complete: true });
    expect(j.changed).toHaveLength(1);
    expect(j.changed[0].diff).toContainEqual({ type: 'ins', text: '50 000' });
    const same = JSON.parse((await cli(...g, 'diff', 'beschv', '--from', '2024-03-01', '--to', '2024-04-01', '--json')).out);
    expect([same.sameVersion, same.changed]).toEqual([true, []]);
    for (const [argv, code] of [
      [['diff', 'beschv', '--from', '2024-06-01', '--to', '2024-01-01'], 'bad-date'],
      [['diff', 'beschv', '--from', '2024-13-01', '--to', '2024-06-01'], 'bad-date'],
      [['diff', 'beschv', '--from', '1990-01-01', '--to', '2024-06-01'], 'no-version'],
      [['diff', 'beschv', '--from', '2024-01-01', '--to', '2024-06-01', '--unit', '§ 999'], 'unknown-unit'],
    ] as const) bad(await cli(...g, ...argv), argv.join(' '), 2, code);
  });

  it('changes', async () => {
    const r = await cli(...g, 'changes', '--law', 'BeschV');
    ok(r, 'changes');
    expect(r.out).toMatch(/replace § 26 Abs\. 2 Satz 3 \[applied\]/);
    expect(JSON.parse((await cli(...g, 'changes', '--act', 'mini-2024', '--json')).out)).toHaveLength(1);
    bad(await cli(...g, 'changes', '--act', 'nope'), 'changes --act nope', 2, 'unknown-act');
    bad(await cli(...g, 'changes', '--law', 'nope'), 'changes --law nope', 2, 'unknown-law');
  });

  it('apply: exit 0 when every operation applied, 1 with errors, 2 for bad input', async () => {
    const base = join(mini.dir, MINI_BASE);
    const r = await cli(...g, 'apply', 'beschv', '--from', base, '--date', '1.3.2024');
    ok(r, 'apply');
    // the number as the law writes numbers (a no-break space between digit groups, as the official text)
    expect(r.out).toContain('auf bis zu 50\u00a0000 je Kalenderjahr');
    const tiny = join(tmp, 'tiny.md');
    writeFileSync(tiny, '# Tiny\n\n## § 1 Eins\n\nEin Satz.\n');
    const f = await cli(...g, 'apply', 'beschv', '--from', tiny, '--date', '2024-03-01');
    expect(f.code, f.err).toBe(1);
    expect(f.err).toMatch(/error\[[a-z-]+\]: /);
    expect(f.err).toMatch(/fassung: 1 error\(s\)/);
    bad(await cli(...g, 'apply', 'beschv', '--from', '/dev/zero', '--date', '2024-03-01'), 'apply /dev/zero', 2, 'file-not-regular');
    bad(await cli(...g, 'apply', 'beschv', '--from', join(tmp, 'none.md'), '--date', '2024-03-01'), 'apply missing', 2, 'file-missing');
    bad(await cli(...g, 'apply', 'beschv', '--from', base, '--date', '2024-02-31'), 'apply bad date', 2, 'bad-date');
  });

  it('apply --act --date: an instruction left out because its in-force date is unknown is reported, exit 1', async () => {
    const law = join(tmp, 'pruefgebv.md');
    writeFileSync(law, '% Gebührenverordnung für Prüfstellen (Prüfstellen-Gebührenverordnung - PrüfGebV)\n\n# § 2 – Gebühr\n\nDie Gebühr beträgt zehn Euro.\n\n# § 3 – Ermäßigung\n\nDie Ermäßigung beträgt eins vom Hundert.\n');
    const act = join(tmp, 'pruefgebv-act.txt');
    // the Verkündung is not in the text: "am Tag nach der Verkündung" is unknown, 1 January 2025 is known
    writeFileSync(act, [
      'Verordnung zur Änderung der Prüfstellen-Gebührenverordnung', '', 'Vom 3. Mai 2024', '', 'Artikel 1', 'Änderung der Prüfstellen-Gebührenverordnung', '',
      'Die Prüfstellen-Gebührenverordnung vom 3. März 2010 (BGBl. I S. 250) wird wie folgt geändert:',
      '1. In § 2 wird das Wort „zehn“ durch das Wort „zwölf“ ersetzt.', '2. In § 3 wird das Wort „eins“ durch das Wort „zwei“ ersetzt.', '',
      'Artikel 2', 'Inkrafttreten', '', '(1) Diese Verordnung tritt vorbehaltlich des Absatzes 2 am Tag nach der Verkündung in Kraft.', '(2) Artikel 1 Nummer 2 tritt am 1. Januar 2025 in Kraft.', '',
    ].join('\n'));
    for (const date of ['2024-05-07', '2025-01-01']) {
      const r = await cli('apply', '--act', act, '--from', law, '--date', date);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(/pruefgebv-act\.txt:9:\d+: warning\[effective-date-unknown\]: .*Artikel 1 Nummer 1/);
      expect(r.err).toMatch(/fassung: 1 instruction\(s\) not applied: their in-force date is unknown/);
      expect(r.out).toContain('Die Gebühr beträgt zehn Euro.');
      expect(r.out).toContain(date === '2025-01-01' ? 'beträgt zwei vom Hundert' : 'beträgt eins vom Hundert');
    }
    // left out on purpose: nothing to report
    const except = await cli('apply', '--act', act, '--from', law, '--date', '2025-01-01', '--except', 'Artikel 1 Nummer 1');
    ok(except, 'apply --act --except');
    expect(except.err).toBe('');
    // with no --date every instruction is applied: none is left out
    const all = await cli('apply', '--act', act, '--from', law);
    ok(all, 'apply --act, no --date');
    expect(all.out).toContain('Die Gebühr beträgt zwölf Euro.');
    expect(all.out).toContain('Die Ermäßigung beträgt zwei vom Hundert.');
  });

  it('verify: exit 1 when provisions differ, 0 when equal', async () => {
    const base = join(mini.dir, MINI_BASE);
    const applied = join(tmp, 'applied.md');
    writeFileSync(applied, (await cli(...g, 'apply', 'beschv', '--from', base, '--date', '2024-03-01')).out);
    const same = await cli(...g, 'verify', 'beschv', '--from', base, '--date', '2024-03-01', '--against', applied);
    ok(same, 'verify equal');
    expect(same.out).toMatch(/provisions that differ: 0/);
    const differ = await cli(...g, 'verify', 'beschv', '--from', base, '--date', '2024-03-01', '--against', base);
    expect(differ.code).toBe(1);
    expect(differ.out).toMatch(/provisions that differ: 1/);
    expect(JSON.parse((await cli(...g, 'verify', 'beschv', '--from', base, '--date', '2024-03-01', '--against', base, '--json')).out).differ).toHaveLength(1);
    bad(await cli(...g, 'verify', 'beschv', '--from', base, '--date', '2024-03-01', '--against', tmp), 'verify against a folder', 2, 'file-not-regular');
  });

  it('facts: a date before any version is a one-line error', async () => {
    const r = await cli(...g, 'facts', '--fact', 'westbalkan.quota', '--date', '2024-01-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('25 000');
    const j = JSON.parse((await cli(...g, 'facts', '--fact', 'westbalkan.quota', '--json')).out);
    expect(j.facts[0].timeline.map((e: { validFrom: string; validTo: string | null; value: number }) => [e.validFrom, e.validTo, e.value])).toContainEqual(['2024-03-01', null, 50000]);
    bad(await cli(...g, 'facts', '--date', '1990-01-01'), 'facts 1990', 2, 'no-version');
    bad(await cli(...g, 'facts', '--fact', 'nope'), 'facts nope', 2, 'unknown-fact');
  });

  it('check: --date or a note that today is used; profile inputs checked', async () => {
    const profile = join(ROOT, 'test', 'profiles', 'kosovar-cook.json');
    const r = await cli(...g, 'check', '--profile', profile, '--date', '2024-03-01');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/not legal advice/);
    const today = await cli(...g, 'check', '--profile', profile, '--json');
    expect(today.err).toBe('note: no --date given: checking for today, 2024-06-01\n');
    expect(JSON.parse(today.out).date).toBe('2024-06-01');
    bad(await cli(...g, 'check', '--profile', profile, '--date', '1990-01-01'), 'check 1990', 2, 'no-version');
    bad(await cli(...g, 'check', '--profile', '/dev/zero', '--date', '2024-03-01'), 'check /dev/zero', 2, 'file-not-regular');
    bad(await cli(...g, 'check', '--profile', join(tmp, 'none.json'), '--date', '2024-03-01'), 'check missing', 2, 'profile-missing');
    writeFileSync(join(tmp, 'deep.json'), '['.repeat(3000) + ']'.repeat(3000));
    bad(await cli(...g, 'check', '--profile', join(tmp, 'deep.json'), '--date', '2024-03-01'), 'check deep', 2, 'profile-invalid');
  });

  it('consolidate: exit 1 when errors were reported (output written); unsafe --out refused', async () => {
    const out = join(tmp, 'out');
    const r = await cli(...g, 'consolidate', '--out', out, '--json');
    expect(r.code, r.err).toBe(1); // the fact catalogue's provisions of the missing acts are not found
    expect(JSON.parse(r.out).errors).toBeGreaterThan(0);
    expect(existsSync(join(out, 'beschv', '2024-03-01.md'))).toBe(true);
    const mine = join(tmp, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'thesis.tex'), 'x');
    for (const o of ['', '.', '/proc/x', '/sys/x', mine, join(mine, 'thesis.tex'), join(mine, 'thesis.tex', 'x'), ROOT]) {
      bad(await cli(...g, 'consolidate', '--out', o), `--out ${o}`, 2, 'out-refused');
    }
    expect(readFileSync(join(mine, 'thesis.tex'), 'utf8')).toBe('x');
  });

  it('site: unsafe --out refused', async () => {
    for (const o of ['', '.', '/proc/x', ROOT]) bad(await cli(...g, 'site', '--out', o), `site --out ${o}`, 2, 'out-refused');
  });

  it('serve: bad port, port in use, missing site', async () => {
    const site = join(tmp, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<p>x</p>');
    for (const p of ['abc', '99999', '-1', '']) bad(await cli('serve', '--dir', site, '--port', p), `--port ${p}`, 2, 'bad-port');
    bad(await cli('serve', '--dir', join(tmp, 'nosite')), 'no site', 2, 'site-missing');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      bad(await cli('serve', '--dir', site, '--port', String(port)), 'port in use', 2, 'port-in-use');
    } finally {
      blocker.close();
    }
  });
});

/** `fassung <args> | head -1` in bash: the CLI's exit code, the one line head printed, the CLI's stderr. */
function piped(args: string[]): Promise<{ code: number; first: string; err: string }> {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const p = spawn('bash', ['-c', `${q(process.execPath)} ${q(CLI)} ${args.map(q).join(' ')} | head -1; exit \${PIPESTATUS[0]}`], { env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  let first = '';
  let err = '';
  p.stdout.setEncoding('utf8').on('data', (d: string) => (first += d));
  p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve, reject) => {
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, first, err }));
  });
}

describe.runIf(HAS_CORPUS && existsSync(CLI))('the real process', () => {
  it('exit codes and one-line errors', () => {
    const run = (...a: string[]) => spawnSync(process.execPath, [CLI, ...a], { encoding: 'utf8', timeout: 60_000 });
    const v = run('--version');
    expect([v.status, v.stdout.trim()]).toEqual([0, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version]);
    for (const a of [['show'], ['show', 'beschv', '--bogus'], ['--manifest', '/dev/zero', 'laws'], ['consolidate', '--out', ''], ['serve', '--port', 'abc']]) {
      const r = run(...a);
      expect(r.status, a.join(' ')).toBe(2);
      expect(r.stderr, a.join(' ')).toMatch(ONE_LINE_ERROR);
      expect(r.stdout).toBe('');
    }
  });

  it('a closed pipe (| head -1) ends every read command quietly', async () => {
    const base = () => join(gb[1], MINI_BASE);
    const cases: string[][] = [
      [...gb, 'laws'],
      [...gb, 'show', 'beschv'],
      ['show', 'aufenthg'],
      [...gb, 'show', 'beschv', '--json'],
      [...gb, 'instructions', 'mini-2024', '--json'],
      [...gb, 'versions', 'beschv'],
      [...gb, 'diff', 'beschv', '--from', '2024-01-01', '--to', '2024-03-01', '--json'],
      [...gb, 'changes', '--json'],
      [...gb, 'apply', 'beschv', '--from', base(), '--date', '2024-03-01'],
      [...g, 'facts', '--json'],
      ['--help'],
    ];
    // three processes at a time (two cores; the other test files run meanwhile)
    const results: Array<Awaited<ReturnType<typeof piped>>> = [];
    let next = 0;
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let k = next++; k < cases.length; k = next++) results[k] = await piped(cases[k]);
      }),
    );
    for (const [k, a] of cases.entries()) {
      const r = results[k];
      expect(r.code, `${a.join(' ')}\n${r.err}`).toBe(0);
      expect(r.err, a.join(' ')).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(r.first.split('\n').filter(Boolean)).toHaveLength(1);
    }
  }, 180_000);

  it('serve answers on the port it names', async () => {
    const site = join(tmp, 'site-real');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), '<p>served</p>');
    const p = spawn(process.execPath, [CLI, 'serve', '--dir', site, '--port', '0']);
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = '';
        p.stdout.on('data', (d) => {
          out += d;
          const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) res(m[1]);
        });
        p.on('exit', (code) => rej(new Error(`serve exited ${code}`)));
      });
      expect(await (await fetch(url + '/')).text()).toBe('<p>served</p>');
    } finally {
      p.kill();
    }
  });
});

