import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyActFile, loadActFileAlone, readActText } from '../../src/cli/act-file.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { paragraphText } from '../../src/model/text-of.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

const CASE = join(CORPUS, 'real-acts', '2023-i-13-art1-testv');

describe.runIf(HAS_CORPUS)('any act, any law, no manifest', () => {
  it('apply --act: the TestV act of 11.1.2023 applied to its before.md gives the official § 4a', () => {
    const actFile = join(CASE, 'act.txt');
    const r = applyActFile(actFile, readFileSync(actFile, 'utf8'), join(CASE, 'before.md'), { date: '2023-01-16' });
    expect(r.applied).toBe(3);
    const after = parseStatute(readFileSync(join(CASE, 'after.md'), 'utf8'));
    const ours = r.tree.body.find((n) => n.kind === 'paragraph' && n.label === '4a');
    const official = after.body.find((n) => n.kind === 'paragraph' && n.label === '4a');
    expect(ours && ours.kind === 'paragraph' && paragraphText(ours)).toBe(official && official.kind === 'paragraph' && paragraphText(official));
  });
  it('instructions FILE: the law the act names is read from the act, the instructions become operations', () => {
    const actFile = join(CASE, 'act.txt');
    const act = loadActFileAlone(actFile, readFileSync(actFile, 'utf8'));
    expect(act.instructions.map((i) => [i.path, i.status, i.lawName, i.effective])).toEqual([
      ['Artikel 1 Nummer 1', 'parsed', 'Coronavirus-Testverordnung', '2023-01-16'],
      ['Artikel 1 Nummer 2', 'parsed', 'Coronavirus-Testverordnung', '2023-01-16'],
      ['Artikel 1 Nummer 3', 'parsed', 'Coronavirus-Testverordnung', '2023-01-16'],
    ]);
  });

  it('instructions of the BGBl PDF equal those of its text extraction (BGBl. 2024 I Nr. 203)', async () => {
    const pdf = join(CORPUS, 'bgbl-pdf', 'bgbl-2024-i-203.pdf');
    const txt = join(CORPUS, 'real-acts', '2024-i-203-art1-zvfv', 'act.txt');
    const view = (file: string, text: string) =>
      loadActFileAlone(file, text).instructions.map((i) => ({ path: i.path, status: i.status, law: i.lawName, effective: i.effective, operations: i.operations, codes: i.diagnostics.map((d) => d.code) }));
    const fromPdf = view('act', await readActText(pdf));
    const fromText = view('act', await readActText(txt));
    expect(fromPdf.length).toBe(2);
    expect(fromPdf).toEqual(fromText);
  }, 120_000);
});
