/**
 * The findings of "Never silently wrong" (issue 12, items 1–2), reproduced on the real texts: each former
 * silent misapplication is now a diagnostic and leaves the tree as it was; each wrong-date case leaves the
 * affected instructions without a date (never a fallback) and says so in the versions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOperation, ApplyError } from '../../src/consolidate/apply.js';
import { consolidate, loadCorpus } from '../../src/consolidate/consolidate.js';
import { loadAct } from '../../src/act/load-act.js';
import type { Operation } from '../../src/act/operations.js';
import { loadManifest, readCorpusText } from '../../src/corpus/manifest.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { serializeLaw } from '../../src/model/serialize.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

const VO = 'bgbl-2023-i-233';
const VO_FILE = 'acts/bgbl-2023-i-233_verordnung-weiterentwicklung-fachkraefteeinwanderung.txt';

/** apply, expecting a failure with one of `codes`, and the input tree unchanged */
function refused(law: ReturnType<typeof parseStatute>, op: Operation, codes: string[]): string {
  const before = serializeLaw(law);
  let code = '';
  try {
    applyOperation(law, op);
  } catch (e) {
    if (!(e instanceof ApplyError)) throw e;
    code = e.code;
  }
  expect(serializeLaw(law)).toBe(before);
  expect(codes).toContain(code);
  return code;
}

describe.runIf(HAS_CORPUS)('silent misapplications become diagnostics, the tree untouched', () => {
  const aufenthv = parseStatute(readFileSync(join(CORPUS, 'official/aufenthv/2023-11-18.md'), 'utf8'), { lawId: 'aufenthv' });
  const beschv = parseStatute(readFileSync(join(CORPUS, 'official/beschv_2013/2023-11-18.md'), 'utf8'), { lawId: 'beschv' });
  const p = (l: string, ...rest: Array<{ kind: 'absatz' | 'satz' | 'nummer'; labels: string[] }>) => [{ kind: 'paragraph' as const, labels: [l] }, ...rest];

  it('inserting a Nummer 8 that exists already (AufenthV § 39)', () => {
    refused(aufenthv, { action: 'insert-units', target: p('39', { kind: 'nummer', labels: ['7'] }), unitKind: 'nummer', labels: ['8'], content: '8. neu,' }, ['invariant-labels', 'target-exists']);
  });
  it('"Die Nummern 3 werden die Nummern 2": two Nummer 2 (AufenthV § 39)', () => {
    refused(aufenthv, { action: 'renumber', target: p('39'), unitKind: 'nummer', from: ['3'], to: ['2'] }, ['invariant-labels']);
  });
  it('two Nummer 7 by an appended Nummer (BeschV § 30)', () => {
    refused(beschv, { action: 'append-units', target: p('30'), unitKind: 'nummer', labels: ['2'], content: '2. neu' }, ['label-gap', 'invariant-labels']);
  });
  it('two Absatz 2 and an Absatz 3 before Absatz 2 (BeschV § 26, Absätze 1 and 2)', () => {
    refused(beschv, { action: 'insert-units', target: p('26', { kind: 'absatz', labels: ['1'] }), unitKind: 'absatz', labels: ['2'], content: '(2) Neu.' }, ['invariant-labels', 'label-order']);
    refused(beschv, { action: 'insert-units', target: p('26', { kind: 'absatz', labels: ['1'] }), unitKind: 'absatz', labels: ['3'], content: '(3) Neu.' }, ['invariant-labels', 'label-order']);
    refused(beschv, { action: 'append-units', target: p('26'), unitKind: 'absatz', labels: ['2'], content: '(2) Neu.' }, ['invariant-labels', 'label-gap']);
  });
  it('Absatz 7 appended after Absatz 3 (a gap no instruction made)', () => {
    const absaetze = (beschv.body.find((n) => n.kind === 'paragraph' && n.label === '26') as { children: Array<{ label: string }> }).children.map((c) => c.label);
    const last = Number(absaetze[absaetze.length - 1]);
    refused(beschv, { action: 'append-units', target: p('26'), unitKind: 'absatz', labels: [String(last + 4)], content: `(${last + 4}) Neu.` }, ['label-gap']);
  });
  it('a renumbering whose repeal failed does not run (two Nummer 1)', () => {
    // the repeal of Nummer 1 fails (wrong §), the renumbering "Nummern 2 und 3 → 1 und 2" would give two Nummer 1
    refused(aufenthv, { action: 'renumber', target: p('39'), unitKind: 'nummer', from: ['2', '3'], to: ['1', '2'] }, ['invariant-labels']);
  });
  it('a typo in the amended law\'s name is an error with "did you mean", and the law\'s versions say what is missing', () => {
    const manifest = loadManifest();
    const entry = manifest.acts.find((a) => a.id === VO)!;
    const act = loadAct(entry, manifest, (rel) => readCorpusText(CORPUS, rel).replace('Die Beschäftigungsverordnung vom 6. Juni 2013', 'Die Beschäftigungsverordung vom 6. Juni 2013'));
    expect(act.diagnostics.find((d) => d.code === 'unknown-law')?.message).toMatch(/did you mean "Beschäftigungsverordnung"/);
    expect(act.missingArtikel).toContainEqual(expect.objectContaining({ artikel: '1', law: 'beschv' }));
  });
});

describe.runIf(HAS_CORPUS)('wrong dates never fall back silently', () => {
  const manifest = loadManifest();
  const entry = manifest.acts.find((a) => a.id === VO)!;
  const load = (mutate: (t: string) => string) => loadAct(entry, manifest, (rel) => (rel === VO_FILE ? mutate(readCorpusText(CORPUS, rel)) : readCorpusText(CORPUS, rel)));
  const dateOf = (act: ReturnType<typeof load>, artikel: string) => [...new Set(act.instructions.filter((i) => i.artikel === artikel).map((i) => i.effective))];

  it('the unmutated act: Artikel 3 (Westbalkan quota 50 000) on 1.6.2024', () => {
    expect(dateOf(load((t) => t), '3')).toEqual(['2024-06-01']);
  });
  it('an impossible date in an Inkrafttreten Absatz: Artikel 3 has no date, not the general 1.3.2024', () => {
    const act = load((t) => t.replace('treten am 1. Juni 2024 in Kraft', 'treten am 31. Juni 2024 in Kraft'));
    expect(act.diagnostics.some((d) => d.code === 'impossible-date')).toBe(true);
    expect(dateOf(act, '3')).toEqual([null]);
  });
  it('Absätze lost while Absatz 1 says "vorbehaltlich der Absätze 2 bis 4": the general date is not applied', () => {
    const act = load((t) => t.replace(/\n\(3\) Artikel 3 sowie Artikel 5[^\n]*\n[^\n]*in Kraft\.\n/, '\n').replace(/\n\(3\) Artikel 3 sowie Artikel 5[^\n]*in Kraft\.\n/, '\n'));
    expect(act.diagnostics.some((d) => d.code === 'inkrafttreten-absatz-missing')).toBe(true);
    expect(dateOf(act, '3')).toEqual([null]);
  });
  it('a lost "Artikel 4" line: reported, and no AufenthV instruction lands in another law', () => {
    const act = load((t) => t.replace(/\nArtikel 4\n/, '\n'));
    expect(act.diagnostics.some((d) => d.code === 'artikel-gap')).toBe(true);
    const art3 = act.instructions.filter((i) => i.artikel === '3');
    expect(art3.some((i) => i.status === 'failed')).toBe(true);
    expect(art3.filter((i) => i.status === 'parsed').flatMap((i) => i.operations).some((op) => op.target.some((t) => 'labels' in t && t.kind === 'paragraph' && t.labels.includes('30a')))).toBe(false);
  });
  it('the versions of a law say which instructions have no date', () => {
    const corpus = loadCorpus(manifest, CORPUS);
    const i = corpus.acts.findIndex((a) => a.entry.id === VO);
    corpus.acts[i] = load((t) => t.replace('treten am 1. Juni 2024 in Kraft', 'treten am 31. Juni 2024 in Kraft'));
    const beschv = consolidate(corpus).laws.find((l) => l.law === 'beschv')!;
    expect(beschv.versions.some((v) => v.missing.some((m) => /Artikel 3 .*Inkrafttreten unbekannt/.test(m)))).toBe(true);
  }, 120_000);
});
