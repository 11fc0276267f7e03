import { describe, expect, it } from 'vitest';
import { pendingActText, pendingParagraphs } from '../../src/facts/act-text.js';
import { findById } from '../../src/model/walk.js';
import { unitText } from '../../src/model/text-of.js';
import type { Law } from '../../src/model/types.js';
import { acts, catalogue } from './helpers.js';

const PAGE_18 = 'acts/bgbl-2023-i-217_gesetz-weiterentwicklung-fachkraefteeinwanderung_seite-18.txt';
const PAGES_1_2 = 'acts/bgbl-2023-i-217_gesetz-weiterentwicklung-fachkraefteeinwanderung_seiten-1-2.txt';

function pending(file: string) {
  return pendingParagraphs(acts()).filter((p) => p.act === 'bgbl-2023-i-217' && p.file === file);
}

function lawOf(p: ReturnType<typeof pending>[number]): Law {
  return { lawId: p.law, title: '', dialect: 'kmein', header: '', body: [p.paragraph] };
}

describe('pending text of the Gesetz, BGBl. 2023 I Nr. 217', () => {
  it('reads §§ 20 and 20a from Artikel 3 (page 18), skipping the Angaben of the Inhaltsübersicht', () => {
    const ps = pending(PAGE_18);
    expect(ps.map((p) => [p.artikel, p.nummer, p.law, p.paragraph.label, p.truncated])).toEqual([
      ['3', '2', 'aufenthg', '20', false],
      ['3', '3', 'aufenthg', '20a', true],
    ]);
    expect(ps[0].paragraph.heading).toBe('Arbeitsplatzsuche im Anschluss an Aufenthalte im Bundesgebiet');
  });

  it('cuts the PDF text into units: list items, the Satzteil nach a list, Sätze after a list, page breaks', () => {
    const [p20, p20a] = pending(PAGE_18).map(lawOf);
    const nr5 = findById(p20, 'para-20/abs-1/satz-1/nr-5')!;
    expect(unitText(nr5)).toMatch(/Gesundheits- und Pflegewesen im Bundesgebiet eine Aufenthaltserlaubnis erteilt,$/);
    const satz1 = findById(p20, 'para-20/abs-1/satz-1')!;
    expect(satz1.kind === 'satz' && satz1.nach).toMatch(/^sofern die Tätigkeit nach den Bestimmungen der §§ 18a, 18b, 18d, 18g, 19c und 21/);
    // Nummer 3 starts after a page break
    expect(unitText(findById(p20, 'para-20/abs-1/satz-1/nr-3')!)).toMatch(/^3\. ist einem Ausländer nach erfolgreichem Abschluss einer qualifizierten Berufsausbildung/);
    expect(unitText(findById(p20, 'para-20/abs-2/satz-2')!)).toBe('Sie wird in den Fällen des Absatzes 1 Nummer 1 bis 4 für einen Zeitraum von bis zu 18 Monaten erteilt.');
    expect(unitText(findById(p20a, 'para-20a/abs-2/satz-1/nr-2/bst-c')!)).toBe(
      'c) geeignet sein muss, im Rahmen einer Maßnahme zur Anerkennung ausländischer Berufsqualifikationen nach § 16d aufgenommen zu werden.',
    );
    expect(unitText(findById(p20a, 'para-20a/abs-4/satz-4')!)).toMatch(/^Der Ausländer ist verpflichtet, sich das Vorliegen der Voraussetzungen nach Satz 3 Nummer 1 Buchstabe a oder b/);
  });

  it('reads §§ 18a, 18b and the cut-off § 18g from Artikel 1 (pages 1–2), not the Angabe zu § 19f', () => {
    const ps = pending(PAGES_1_2);
    expect(ps.map((p) => [p.artikel, p.nummer, p.paragraph.label, p.truncated])).toEqual([
      ['1', '5', '18a', false],
      ['1', '6', '18b', false],
      ['1', '8', '18g', true],
    ]);
  });

  it('gives the words of a fact on a date from the latest Artikel in force by then', () => {
    const provider = pendingActText({ acts: acts(), catalogue });
    const hit = provider('aufenthg', '2024-06-01', 'chancenkarte.work-hours')!;
    expect(hit.text).toBe('1. eine Beschäftigung von durchschnittlich insgesamt höchstens 20 Stunden je Woche auszuüben und');
    expect(hit.change).toEqual({ act: 'bgbl-2023-i-217', artikel: '3', path: 'Artikel 3 Nummer 3' });
    expect(hit.source).toContain('BGBl. 2023 I Nr. 217, Artikel 3 Nummer 3, in Kraft ab 2024-06-01');
    expect(provider('aufenthg', '2024-05-31', 'chancenkarte.work-hours')).toBeUndefined();
    expect(provider('aufenthg', '2024-06-01', 'chancenkarte.min-points')).toBeUndefined();
    expect(provider('aufenthg', '2024-06-01', 'training.side-job-hours')).toBeUndefined();
    expect(provider('aufenthg', '2023-11-18', 'bluecard.salary.general')?.text).toMatch(/mindestens 50 Prozent der jährlichen Beitragsbemessungsgrenze/);
  });
});
