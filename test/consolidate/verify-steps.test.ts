/**
 * The measure of correctness: every step of the corpus README's table, applied to the official text of
 * the day before, gives the official text of the day, § by §.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/corpus/manifest.js';
import { applyStep, loadCorpus, type Corpus } from '../../src/consolidate/consolidate.js';
import { verifyAgainst } from '../../src/consolidate/verify.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { findById } from '../../src/model/walk.js';
import { unitText } from '../../src/model/text-of.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

const official = (law: string, date: string) => parseStatute(readFileSync(join(CORPUS, 'official', law, `${date}.md`), 'utf8'));

describe.runIf(HAS_CORPUS)('verify every step against the official consolidation', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = loadCorpus(loadManifest(), CORPUS);
  });

  const steps: Array<[string, string, string, string, string]> = [
    ['beschv', 'beschv_2013', '2022-07-29', '2023-11-18', '2023-11-18'],
    ['beschv', 'beschv_2013', '2023-12-14', '2024-03-01', '2024-03-01'],
    ['aufenthv', 'aufenthv', '2023-11-10', '2023-11-18', '2023-11-18'],
    ['aufenthv', 'aufenthv', '2024-02-28', '2024-03-01', '2024-03-01'],
  ];
  for (const [law, dir, before, date, after] of steps) {
    it(`${law}: ${before} + step ${date} = official ${after}, every provision`, () => {
      const r = applyStep(corpus, law, date, official(dir, before));
      expect(r.changes.filter((c) => c.status !== 'applied')).toEqual([]);
      const report = verifyAgainst(r.tree, official(dir, after), r.changes);
      expect(report.differ.map((d) => `${d.label}: ${d.diff.slice(0, 300)}`)).toEqual([]);
      // the step changed something, and every changed provision is among the equal ones
      expect(report.changedAndEqual.length).toBeGreaterThan(3);
      // not only the words: the unit trees (Absätze, Sätze, Nummern, Buchstaben, ids) are the official ones
      const shape = (p: unknown) => JSON.stringify(p, (k, v) => (k === 'source' || k === 'newBlock' || k === 'footnotes' ? undefined : v));
      const off = new Map(official(dir, after).body.flatMap((n) => (n.kind === 'paragraph' ? [[n.id, shape(n)] as const] : [])));
      const differ = r.tree.body.filter((n) => n.kind === 'paragraph' && off.get(n.id) !== shape(n)).map((n) => n.id);
      expect(differ).toEqual([]);
    });
  }

  it('aufenthg: 2023-11-01 + Artikel 1 (our fragment) matches the official 2023-11-18 for §§ 1, 4, 9b, 18, 18a, 18b, 18c', () => {
    const r = applyStep(corpus, 'aufenthg', '2023-11-18', official('aufenthg_2004', '2023-11-01'));
    const report = verifyAgainst(r.tree, official('aufenthg_2004', '2023-11-18'), r.changes);
    const covered = ['para-1', 'para-4', 'para-9b', 'para-18', 'para-18a', 'para-18b', 'para-18c'];
    for (const id of covered) expect(report.equal, id).toContain(id);
    // the truncated Nummer 8 (§§ 18g–18i) is reported, not applied
    const n8 = r.changes.find((c) => c.path === 'Artikel 1 Nummer 8');
    expect(n8?.status).toBe('incomplete-text');
    expect(r.tree.body.some((n) => n.kind === 'paragraph' && n.label === '18g')).toBe(false);
  });

  it('1.6.2024 versions come from the act alone: BeschV quota 50 000, AufenthV "Chancenkarte", AufenthG § 20 new', () => {
    const b = applyStep(corpus, 'beschv', '2024-06-01', official('beschv_2013', '2024-03-01'));
    expect(unitText(findById(b.tree, 'para-26/abs-2/satz-3')!)).toBe('Die Anzahl der Zustimmungen in den Fällen des Satzes 2 ist auf bis zu 50 000 je Kalenderjahr begrenzt.');
    const v = applyStep(corpus, 'aufenthv', '2024-06-01', official('aufenthv', '2024-03-01'));
    expect(v.changes.every((c) => c.status === 'applied')).toBe(true);
    expect(unitText(findById(v.tree, 'para-59/abs-1/satz-3')!)).toBe('Im Falle des § 20a des Aufenthaltsgesetzes wird der Vermerk „Chancenkarte“ eingetragen.');
    expect(unitText(findById(v.tree, 'para-59/abs-4f')!)).toMatch(/^\(4f\) In einer Aufenthaltserlaubnis, die nach § 20a des Aufenthaltsgesetzes erteilt wird, .* wird der Vermerk „Chancenkarte“ eingetragen\.$/);
    expect(unitText(findById(v.tree, 'para-31/abs-1/satz-1/nr-2/bst-c/dbst-dd')!)).toContain('mit einer Chancenkarte nach § 20a des Aufenthaltsgesetzes aufhalten will, und');
    const g = applyStep(corpus, 'aufenthg', '2024-06-01', official('aufenthg_2004', '2024-03-01'));
    const p20 = g.tree.body.find((n) => n.kind === 'paragraph' && n.label === '20');
    expect(p20 && p20.kind === 'paragraph' && p20.heading).toBe('Arbeitsplatzsuche im Anschluss an Aufenthalte im Bundesgebiet');
    expect(unitText(findById(g.tree, 'para-20/abs-2/satz-2')!)).toBe('Sie wird in den Fällen des Absatzes 1 Nummer 1 bis 4 für einen Zeitraum von bis zu 18 Monaten erteilt.');
    expect(g.changes.find((c) => c.path === 'Artikel 3 Nummer 3')?.status).toBe('incomplete-text');
  });
});
