/**
 * Parts of the official (kmein) dialect that are no § become units of their own; nothing merges into
 * the preceding §. Lists after a later Satz belong to that Satz. Sibling labels are unique.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/act/address.js';
import { checkSiblingLabels } from '../../src/model/check-labels.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { resolveAddress } from '../../src/model/resolve-address.js';
import { serializeLaw } from '../../src/model/serialize.js';
import type { Law, Paragraph } from '../../src/model/types.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

// shortened from real-acts/2021-i-5254-art1-fsaakv/after.md and 2021-i-5259-art1a-weinv/after.md
const KMEIN = `% Verordnung über Beispiele
% Ausfertigungsdatum: 01.01.1990

# Eingangsformel

Auf Grund des § 1 des Gesetzes verordnet das Bundesministerium:

# § 6 – Inkrafttreten

Diese Verordnung tritt am 1. Juli 1990 in Kraft.

(+++ § 6: Zur Geltung vgl. § 5 Abs. 1 +++)

# §§ 7 bis 7a – (weggefallen)

# § 8 – Weiteres

Text.

# Schlußformel

Der Bundesrat hat zugestimmt.
Der Bundesminister für Verkehr

# Anlage – (zu § 1 Absatz 1b)

(Fundstelle: BGBl. I 2021, S. 3569)

# Anhang EV – Auszug aus EinigVtr Anlage I Kapitel XI

Text des Anhangs.
`;

const para = (law: Law, label: string) => law.body.find((n): n is Paragraph => n.kind === 'paragraph' && n.label === label)!;
const roles = (law: Law) => law.body.map((n) => (n.kind === 'opaque' ? `${n.role}:${n.id}` : `${n.kind}:${n.id}`));

describe('units of the official dialect that are no §', () => {
  const law = parseStatute(KMEIN);

  it('Eingangsformel, range heading, Schlussformel and Anhang are units of their own', () => {
    expect(law.title).toBe('Verordnung über Beispiele');
    expect(roles(law)).toEqual([
      'eingangsformel:eingangsformel',
      'paragraph:para-6',
      'paragraph-range:paras-7-7a',
      'paragraph:para-8',
      'schlussformel:schlussformel',
      'anlage:anlage-x',
      'anhang:anhang-EV',
    ]);
    expect(JSON.stringify(para(law, '6'))).not.toContain('§§ 7');
    expect(JSON.stringify(para(law, '8'))).not.toContain('Bundesrat');
  });

  it('a "(+++ … +++)" note is a footnote of its §, not a Satz', () => {
    const p = para(law, '6');
    expect(p.footnotes).toEqual(['(+++ § 6: Zur Geltung vgl. § 5 Abs. 1 +++)']);
    expect(p.children).toHaveLength(1);
  });

  it('round-trips in both dialects', () => {
    for (const d of ['kmein', 'gesetze-tools'] as const) {
      const again = parseStatute(serializeLaw(law, d));
      expect(roles(again)).toEqual(roles(law));
      expect(again.body).toEqual(law.body.map((n) => ({ ...n, source: (again.body.find((m) => m.id === n.id) ?? n).source })));
    }
  });
});

describe('a list after a later Satz', () => {
  const SRC = `% G\n\n# § 30 – Ehegattennachzug\n\n(1) Dem Ehegatten ist eine Aufenthaltserlaubnis zu erteilen, wenn\n\n1. beide volljährig sind,\n\n2. der Ehegatte Deutsch kann und\n\n3. der Ausländer\n\na) eine Niederlassungserlaubnis besitzt oder\n\nb) eine Blaue Karte EU besitzt.\n\nSatz 1 Nummer 1 und 2 ist unbeachtlich, wenn Buchstabe b vorliegt. Satz 1 Nummer 2 ist unbeachtlich, wenn\n\n1. der Ausländer schutzberechtigt ist,\n\n2. der Ehegatte krank ist,\n\n3. ein Bedarf gering ist,\n\n4. der Ausländer forscht oder\n\n5. der Ausländer selbständig ist.\n\n(2) Ende.\n`;
  const law = parseStatute(SRC);

  it('attaches to that Satz (official AufenthG 2024-03-01 § 30 Absatz 1 Satz 3)', () => {
    const abs = para(law, '30').children[0];
    expect(abs.kind).toBe('absatz');
    const saetze = (abs as { children: Array<{ items?: Array<{ label: string }> }> }).children;
    expect(saetze.map((s) => s.items?.map((i) => i.label).join(',') ?? '')).toEqual(['1,2,3', '', '1,2,3,4,5']);
    expect(checkSiblingLabels(law)).toEqual([]);
  });

  it.runIf(HAS_CORPUS)('"§ 30 Absatz 1 Satz 3 Nummer 5" resolves in the official text', () => {
    const real = parseStatute(readFileSync(join(CORPUS, 'official/aufenthg_2004/2024-03-01.md'), 'utf8'));
    const r = resolveAddress(real, parseAddress('§ 30 Absatz 1 Satz 3 Nummer 5')!);
    expect(r.ok && r.units.map((u) => u.id)).toEqual(['para-30/abs-1/satz-3/nr-5']);
    expect(checkSiblingLabels(real)).toEqual([]);
  });
});

describe('a definition list (term, then its definition as a paragraph of its own)', () => {
  // shortened from real-acts/2022-banz-v2-art1-coronaeinreisev/before.md § 2: the first Nummern set in
  // with a no-break space (no list item for CommonMark), the later ones plain
  const SRC =
    '% V\n\n# § 2 – Begriffsbestimmungen\n\nIm Sinne dieser Verordnung ist:\n\n\u00a0 1. Einreise\n\nÜberschreitung der Grenze aus dem Ausland;\n\n' +
    '\u00a0 2. (weggefallen)\n\n\u00a0 3a. Virusvariantengebiet\n\nein Gebiet, für das festgestellt wurde, dass\n\na) Impfstoffe nicht wirken oder\n\nb) sie schwere Verläufe verursacht,\n\n' +
    '\u00a0 4. getestete Person\n\neine Person mit Testnachweis,\n\n10. Impfnachweis\n\na) ein Impfnachweis oder\n\nb) ein Nachweis aus dem Ausland,\n\n' +
    '11. Transportpersonal\n\nPersonen, die Waren transportieren.\n\nZertifikate nach der Verordnung (EU) 2021/953 gelten als Nachweise.\n';
  const law = parseStatute(SRC);
  const at = (address: string) => {
    const r = resolveAddress(law, parseAddress(address)!);
    return r.ok ? r.units.map((u) => u.id) : r;
  };

  it('reads every Nummer as an item of Satz 1, the definition and its Buchstaben inside the Nummer', () => {
    const satz1 = para(law, '2').children[0] as { items?: Array<{ label: string }> };
    expect(satz1.items?.map((i) => i.label)).toEqual(['1', '2', '3a', '4', '10', '11']);
    expect(at('§ 2 Satz 1 Nummer 3a Buchstabe b')).toEqual(['para-2/satz-1/nr-3a/satz-2/bst-b']);
    expect(at('§ 2 Satz 1 Nummer 10 Buchstabe a')).toEqual(['para-2/satz-1/nr-10/bst-a']);
    expect(at('§ 2 Nummer 4')).toEqual(['para-2/satz-1/nr-4']);
    expect(checkSiblingLabels(law)).toEqual([]);
  });

  it('a label is no Satz: Satz 2 is the Satz after the list', () => {
    const r = resolveAddress(law, parseAddress('§ 2 Satz 2')!);
    expect(r.ok && r.units[0]).toMatchObject({ kind: 'satz', text: 'Zertifikate nach der Verordnung (EU) 2021/953 gelten als Nachweise.' });
    expect(resolveAddress(law, parseAddress('§ 2 Satz 3')!).ok).toBe(false);
  });

  it('only a bare term takes the words and Buchstaben after it: after "2. B vorliegt," they close the list', () => {
    const other = parseStatute('% G\n\n# § 3 – B\n\n(2) Erteilt wird, wenn\n\n1. A vorliegt und\n\n2. B vorliegt,\n\nsofern nicht\n\na) C vorliegt oder\n\nb) D vorliegt.\n');
    const satz1 = (para(other, '3').children[0] as { children: Array<{ nach?: string; items?: Array<{ label: string; children: Array<{ items?: unknown }> }> }> }).children[0];
    expect(satz1.nach).toBe('sofern nicht');
    expect(satz1.items?.map((i) => i.label)).toEqual(['1', '2']);
    expect(satz1.items?.[1].children.some((s) => s.items)).toBe(false);
  });

  it('keeps every word (the no-break spaces before the labels are layout)', () => {
    const words = (s: string) => s.replace(/^[%#].*$/gm, '').replace(/\u00a0/g, ' ').split(/\s+/).filter(Boolean);
    const again = serializeLaw(law, 'kmein');
    expect(words(again)).toEqual(words(SRC));
    expect(parseStatute(again).body).toEqual(law.body);
  });
});

describe('sibling labels', () => {
  it('a duplicate is a diagnostic', () => {
    const law = parseStatute('% G\n\n# § 1 – A\n\nText.\n\n# § 1 – B\n\nMehr.\n');
    const d = checkSiblingLabels(law, 'g.md');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'warning', code: 'duplicate-label' });
  });
});
