import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CORPUS } from '../../src/corpus/manifest.js';
import { bbgForYear, loadParameters, readBbgFromVerordnung, readParameterSources, validateParameterSources } from '../../src/facts/parameters.js';

const read = (rel: string) => readFileSync(join(DEFAULT_CORPUS, rel), 'utf8');

describe('BBG read from § 4 of the official Rechengrößenverordnung', () => {
  it('reads the real amounts of 2023–2026 (West value of Abs. 1 Nr. 1 while Abs. 2 fixes an Ost value)', () => {
    const p = loadParameters(undefined, DEFAULT_CORPUS, { years: [2023, 2024, 2025, 2026] });
    expect(p.diagnostics).toEqual([]);
    expect(bbgForYear(p, 2024)).toMatchObject({ amount: 90600, region: 'West', readFrom: { file: 'parameters/svbezgrv_2024.md', provision: '§ 4 Abs. 1 Nr. 1' } });
    expect(bbgForYear(p, 2026)).toMatchObject({ amount: 101400, region: 'bundeseinheitlich' });
    // 2023: the amount stands on a line of its own after "in der allgemeinen Rentenversicherung auf"
    expect(bbgForYear(p, 2023)?.amount).toBe(87600);
    expect(bbgForYear(p, 2024)?.readFrom?.wording).toContain('in der allgemeinen Rentenversicherung auf 90 600 Euro jährlich');
  });

  it('the Ost value of § 4 Abs. 2 is never taken', () => {
    const r = readBbgFromVerordnung(read('parameters/svbezgrv_2024.md'), { year: 2024, file: 'parameters/svbezgrv_2024.md', source: 'x' });
    expect(r.entry?.amount).toBe(90600);
    expect(r.entry?.amount).not.toBe(89400);
  });

  it('a year without its Verordnung is a diagnostic, not a guessed amount', () => {
    const p = readParameterSources([{ year: 2024, file: 'parameters/svbezgrv_2024.md', source: 'x' }], read, { years: [2022, 2024, 2027] });
    expect(p.beitragsbemessungsgrenze.map((e) => e.year)).toEqual([2024]);
    expect(p.diagnostics?.map((d) => [d.code, d.message.slice(0, 50)])).toEqual([
      ['parameter-year-missing', 'no Sozialversicherungs-Rechengrößenverordnung for '],
      ['parameter-year-missing', 'no Sozialversicherungs-Rechengrößenverordnung for '],
    ]);
    expect(p.diagnostics?.[0].message).toContain('2022');
  });

  it('a missing file or a § 4 without the amount is a typed diagnostic', () => {
    const p = readParameterSources([{ year: 2030, file: 'parameters/svbezgrv_2030.md', source: 'x' }], read);
    expect(p.diagnostics?.[0].code).toBe('parameter-source-missing');
    const r = readBbgFromVerordnung('# § 4 – Beitragsbemessungsgrenzen\n\n(1) Die Beitragsbemessungsgrenze wird für das Jahr 2024 festgesetzt.\n', { year: 2024, file: 'f.md', source: 'x' });
    expect(r.diagnostic?.code).toBe('parameter-unreadable');
    expect(() => validateParameterSources({ rechengroessenverordnungen: [{ year: 2024 }] }, 'p.json')).toThrow(/file: expected a non-empty string/);
  });
});
