/**
 * Drafts: a real act of ../shared/corpus/real-acts used as if it were a draft (its Inkrafttreten
 * article removed) gives, through applyDraft, the same new text as applying the act the way the
 * consolidation does; the `synopsis` command writes the HTML and JSON synopsis with every
 * instruction's status (in-process: test/cli/contract.test.ts checks the real process).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadAct } from '../../src/act/load-act.js';
import { applyInstructions, instructionsFor } from '../../src/consolidate/consolidate.js';
import type { ChangeRecord } from '../../src/consolidate/types.js';
import type { ActEntry, LawEntry, Manifest } from '../../src/corpus/manifest.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { paragraphText } from '../../src/model/text-of.js';
import type { Law } from '../../src/model/types.js';
import { applyDraft, draftJson, renderDraftPage } from '../../src/site/draft.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';
import { inProcess } from '../cli/fixture.js';
import { load } from 'cheerio';

const REAL = join(CORPUS, 'real-acts');
const CASES = ['2022-i-1325-art2-beschv', '2024-i-203-art1-zvfv', '2025-i-173-art1-aufenthg', '2022-i-2847-art1-aufenthg'];

interface CaseJson {
  act: { citation: string; title: string; kind: 'Gesetz' | 'Verordnung'; date: string; verkuendung?: string };
  law: { id: string; abbreviation: string; title: string; names: string[] };
  date: string;
  manifest_inkrafttreten?: Array<{ artikel: string; date: string; source: string }> | null;
}

function texts(law: Law): Record<string, string> {
  return Object.fromEntries(law.body.map((n) => [n.id, n.kind === 'paragraph' ? `${n.heading}\n${paragraphText(n)}` : JSON.stringify(n)]));
}

/** The act without its Inkrafttreten article: what a draft looks like before its dates are set. */
export function asDraft(actText: string): string {
  return actText.replace(/\n\s*Artikel\s+\d+\s*\n\s*Inkrafttreten[\s\S]*?in Kraft[^\n]*\n/, '\n');
}

let appliedOverall = 0;

describe.skipIf(!HAS_CORPUS)('a real act used as a draft', () => {
  test.each(CASES.filter((c) => existsSync(join(REAL, c))))('%s: the draft gives the same text as the act', (name) => {
    const dir = join(REAL, name);
    const c = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseJson;
    const law: LawEntry = { id: c.law.id, title: c.law.title, abbreviation: c.law.abbreviation, names: c.law.names, base: { file: 'before.md', stand: '', validFrom: c.date }, official: [] };
    const entry: ActEntry = {
      id: name,
      title: c.act.title,
      kind: c.act.kind,
      date: c.act.date,
      citation: c.act.citation,
      verkuendung: { date: c.act.verkuendung ?? null, source: 'case.json' },
      files: ['act.txt'],
      missing: null,
      inkrafttreten: c.manifest_inkrafttreten ?? null,
    };
    const manifest = { laws: [law], acts: [entry] } as unknown as Manifest;
    const actText = readFileSync(join(dir, 'act.txt'), 'utf8');
    const before = parseStatute(readFileSync(join(dir, 'before.md'), 'utf8'), { lawId: law.id });

    // the act, applied as the consolidation applies it (in-force order)
    const act = loadAct(entry, manifest, () => actText);
    const changes: ChangeRecord[] = [];
    const diags: Diagnostic[] = [];
    const viaAct = applyInstructions(before, instructionsFor([act], law.id), changes, diags).tree;

    // the same act as a draft: no Inkrafttreten article
    const draftText = asDraft(actText);
    expect(draftText.length).toBeLessThanOrEqual(actText.length);
    const r = applyDraft({ file: 'entwurf.txt', text: draftText }, law, before);
    expect(texts(r.after)).toEqual(texts(viaAct));
    // every instruction has a status, and the applied ones match the act's applied operations
    expect(r.instructions.every((i) => typeof i.status === 'string' && i.status.length > 0)).toBe(true);
    const appliedDraft = r.instructions.flatMap((i) => i.records).filter((x) => x.status === 'applied').length;
    expect(appliedDraft).toBe(changes.filter((x) => x.status === 'applied').length);
    appliedOverall += appliedDraft;

    // page and JSON: a synopsis row for every changed §, all escaped
    const css = 'body{}';
    const html = renderDraftPage(r, { law, date: c.date, draftFile: 'entwurf.txt', css });
    const $ = load(html);
    const changed = Object.entries(texts(r.after)).filter(([id, t]) => texts(before)[id] !== t).map(([id]) => id);
    for (const id of changed) expect($(`section.diff-section[id="${id}"] table.synopsis`).length, id).toBe(1);
    expect($('.instruction').length).toBe(r.instructions.length);
    const json = draftJson(r, { law, date: c.date, draftFile: 'entwurf.txt' }) as { instructions: unknown[]; sections: unknown[] };
    expect(json.instructions.length).toBe(r.instructions.length);
    expect(json.sections.length).toBeGreaterThanOrEqual(changed.length);
  });

  test('the engine applied something from these cases (else the comparison proves little)', () => {
    expect(appliedOverall).toBeGreaterThan(0);
  });
});

describe.skipIf(!HAS_CORPUS)('fassung synopsis', () => {
  const cli = inProcess();
  const work = mkdtempSync(join(tmpdir(), 'fassung-synopsis-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('the Verordnung as a draft against the BeschV of 17.11.2023: HTML and JSON, exit 0', async () => {
    const act = join(CORPUS, 'acts', 'bgbl-2023-i-233_verordnung-weiterentwicklung-fachkraefteeinwanderung.txt');
    const draft = join(work, 'entwurf.txt');
    writeFileSync(draft, asDraft(readFileSync(act, 'utf8')));
    const out = join(work, 'synopse.html');
    const run = await cli('synopsis', '--act', draft, '--law', 'BeschV', '--date', '2023-11-17', '--out', out);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/29 of 29 instructions on BeschV applied/);
    const $ = load(readFileSync(out, 'utf8'));
    const s26 = $('section.diff-section[id="para-26"]');
    expect(s26.find('del').text()).toContain('25');
    expect(s26.find('ins').text()).toContain('50');
    expect($('section.diff-section[id="para-2a"] .syn-new').length).toBeGreaterThan(0);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toMatch(/default-src 'none'/);
    expect($('script').length).toBe(0);
    const json = JSON.parse(readFileSync(join(work, 'synopse.json'), 'utf8')) as { instructions: Array<{ status: string; law: string }> };
    expect(json.instructions.filter((i) => i.status === 'applied').length).toBe(29);
    expect(json.instructions.filter((i) => i.status === 'other law').length).toBeGreaterThan(0);
  });

  test('bad input: exit 2 with one line', async () => {
    const r = await cli('synopsis', '--act', join(work, 'fehlt.txt'), '--law', 'beschv');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const r2 = await cli('synopsis', '--act', join(CORPUS, 'README.md'), '--law', 'nope');
    expect(r2.code).toBe(2);
  });
});
