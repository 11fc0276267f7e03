/**
 * For CLI tests: run the CLI in-process (runCli, output captured), and a small corpus (the three base
 * texts and one short Verordnung raising the Westbalkan quota) on which every command answers in a
 * second, also as a real process.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newCliCache, runCli, type CliIo } from '../../src/cli.js';
import { CORPUS, ROOT } from '../helpers.js';

export const CLI = join(ROOT, 'dist', 'src', 'cli.js');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** a runner sharing one cache of loaded corpora between its calls */
export function inProcess(defaults: Partial<CliIo> = {}) {
  const cache = newCliCache();
  return async (...argv: string[]): Promise<CliResult> => {
    let out = '';
    let err = '';
    const code = await runCli(argv, { cache, today: '2024-06-01', ...defaults, stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
    return { code, out, err };
  };
}

/**
 * A one-Artikel Verordnung against the BeschV in the drafting style of the corpus: the instruction is
 * line 9, the Inkrafttreten sentence line 13.
 */
export function beschvAct(title: string, instruction: string, inkrafttreten = 'Diese Verordnung tritt am 1. März 2024 in Kraft.'): string {
  return [
    'Verordnung',
    title,
    '',
    'Vom 30. August 2023',
    '',
    'Artikel 1',
    'Änderung der Beschäftigungsverordnung',
    'Die Beschäftigungsverordnung vom 6. Juni 2013 (BGBl. I S. 1499), die zuletzt durch Artikel 2 des Gesetzes vom 20. Juli 2022 (BGBl. I S. 1325) geändert worden ist, wird wie folgt geändert:',
    instruction,
    '',
    'Artikel 2',
    'Inkrafttreten',
    inkrafttreten,
    '',
  ].join('\n');
}

export const MINI_ACT = beschvAct('zur Prüfung der Kommandozeile', '1. In § 26 Absatz 2 Satz 3 wird die Angabe „25 000“ durch die Angabe „50 000“ ersetzt.');

export const MINI_BASE = 'base/beschv_2013.md';
/** the three laws of the real manifest, with their base texts only (the fact catalogue names all three) */
const MINI_LAWS = [
  { id: 'aufenthg', title: 'Gesetz über den Aufenthalt, die Erwerbstätigkeit und die Integration von Ausländern im Bundesgebiet', abbreviation: 'AufenthG', names: ['Aufenthaltsgesetz'], base: { file: 'base/aufenthg_2004.md', stand: 'test', validFrom: '2023-11-01' }, official: [] },
  { id: 'beschv', title: 'Verordnung über die Beschäftigung von Ausländerinnen und Ausländern', abbreviation: 'BeschV', names: ['Beschäftigungsverordnung'], base: { file: MINI_BASE, stand: 'test', validFrom: '2022-07-29' }, official: [] },
  { id: 'aufenthv', title: 'Aufenthaltsverordnung', abbreviation: 'AufenthV', names: ['Aufenthaltsverordnung'], base: { file: 'base/aufenthv.md', stand: 'test', validFrom: '2023-11-01' }, official: [] },
];

/** a corpus folder and manifest with the three base texts (or only the BeschV: faster, but no facts) and one act "mini-2024" in force on 2024-03-01 */
export function miniCorpus(parent = mkdtempSync(join(tmpdir(), 'fassung-mini-')), which: 'all' | 'beschv' = 'all'): { dir: string; manifest: string; manifestData: Record<string, unknown>; root: string } {
  const dir = join(parent, 'corpus');
  mkdirSync(join(dir, 'base'), { recursive: true });
  mkdirSync(join(dir, 'acts'), { recursive: true });
  const laws = which === 'all' ? MINI_LAWS : MINI_LAWS.filter((l) => l.id === 'beschv');
  for (const l of laws) cpSync(join(CORPUS, l.base.file), join(dir, l.base.file));
  writeFileSync(join(dir, 'acts', 'mini.txt'), MINI_ACT);
  const manifestData = {
    laws,
    acts: [
      {
        id: 'mini-2024',
        title: 'Verordnung zur Prüfung der Kommandozeile',
        kind: 'Verordnung',
        date: '2023-08-30',
        citation: 'Test 2023 Nr. 1',
        verkuendung: { date: '2023-09-01', source: 'test' },
        files: ['acts/mini.txt'],
        missing: null,
        inkrafttreten: null,
      },
    ],
  };
  const manifest = join(parent, 'manifest.json');
  writeFileSync(manifest, JSON.stringify(manifestData, null, 2));
  return { dir, manifest, manifestData, root: parent };
}
