/**
 * The pieces a lawyer relies on, unit by unit: citations linked only where they resolve, the
 * synopsis keeps the structure, notices in German without file paths, the date pages of the
 * timeline, the split of long laws, precompressed files and the CSP of `serve`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseStatute } from '../../src/model/parse-statute.js';
import type { Paragraph } from '../../src/model/types.js';
import { linkCitations, type CitationResolver } from '../../src/site/citations.js';
import { germanNote, germanSource, plural } from '../../src/site/pages/common.js';
import { alignBlocks, paragraphBlocks } from '../../src/site/synopsis.js';
import { buildSite, serveSite } from '../../src/site/index.js';
import { pickEncoding } from '../../src/site/serve.js';
import { splitBody } from '../../src/site/site-model.js';
import { D1, D2, LAW, fixtureInput } from './fixture.js';

const LAWTEXT = `---
Title: Testverordnung
---

# Testverordnung

### § 1 Zweck

(1) Diese Verordnung gilt nach § 2 Absatz 1 Nummer 2 und nach Satz 2.
Satz 1 gilt nicht. Absatz 2 bleibt unberührt; § 3 des Asylgesetzes und § 5 SGB II auch, § 39 des Aufenthaltsgesetzes gilt, ebenso §§ 2 und 9.

(2) Nach Artikel 3 Absatz 1 der Richtlinie und § 99 gilt nichts.

### § 2 Begriffe

(1) Im Sinne dieser Verordnung sind

1.  Beispiele solche,

2.  Muster andere.
`;

function resolver(): CitationResolver {
  const law = parseStatute(LAWTEXT, { lawId: 'testv' });
  const other = parseStatute('---\nTitle: G\n---\n\n# G\n\n### § 39 Zustimmung\n\nText.\n', { lawId: 'aufenthg' });
  const paras = (l: typeof law) => new Map(l.body.filter((n): n is Paragraph => n.kind === 'paragraph').map((p) => [p.label, p]));
  const byLaw: Record<string, Map<string, Paragraph>> = { testv: paras(law), aufenthg: paras(other) };
  return {
    lawByName: (n) => ({ aufenthaltsgesetzes: 'aufenthg', testv: 'testv' })[n.toLowerCase()],
    paragraph: (l, label) => byLaw[l]?.get(label),
    href: (l, id) => `${l}.html#${id}`,
  };
}

describe('citations', () => {
  const law = parseStatute(LAWTEXT, { lawId: 'testv' });
  const p1 = law.body.find((n) => n.kind === 'paragraph' && n.label === '1') as Paragraph;
  const abs1 = p1.children[0] as Extract<Paragraph['children'][number], { kind: 'absatz' }>;
  const html = (text: string) => linkCitations(text, { law: 'testv', paragraph: p1, absatz: abs1 }, resolver());

  test('a § with Absatz and Nummer links to the Nummer', () => {
    expect(html('nach § 2 Absatz 1 Nummer 2 und')).toBe('nach <a class="zitat" href="testv.html#para-2/abs-1/satz-1/nr-2">§ 2 Absatz 1 Nummer 2</a> und');
  });
  test('"Satz 1" and "Absatz 2" are read inside the same § and Absatz', () => {
    expect(html('Satz 1 gilt nicht.')).toContain('href="testv.html#para-1/abs-1/satz-1"');
    expect(html('Absatz 2 bleibt')).toContain('href="testv.html#para-1/abs-2"');
  });
  test('another law of the site is linked; laws outside it and EU law stay text', () => {
    expect(html('§ 39 des Aufenthaltsgesetzes gilt')).toContain('<a class="zitat" href="aufenthg.html#para-39">§ 39 des Aufenthaltsgesetzes</a>');
    expect(html('§ 3 des Asylgesetzes')).toBe('§ 3 des Asylgesetzes');
    expect(html('§ 5 SGB II auch')).toBe('§ 5 SGB II auch');
    expect(html('Artikel 3 Absatz 1 der Richtlinie')).toBe('Artikel 3 Absatz 1 der Richtlinie');
  });
  test('a § that does not exist stays text; "§§ 2 und 9" links only § 2', () => {
    expect(html('und § 99 gilt')).toBe('und § 99 gilt');
    expect(html('ebenso §§ 2 und 9.')).toBe('ebenso §§ <a class="zitat" href="testv.html#para-2">2</a> und 9.');
  });
  test('text around citations is escaped', () => {
    expect(html('<b>§ 2</b>')).toBe('&lt;b&gt;<a class="zitat" href="testv.html#para-2">§ 2</a>&lt;/b&gt;');
  });
});

describe('synopsis', () => {
  test('rows follow Absätze and Nummern; changed words are marked per row', () => {
    const a = parseStatute(LAWTEXT, { lawId: 't' });
    const b = parseStatute(LAWTEXT.replace('2.  Muster andere.', '2.  Muster neue,\n\n3.  Vorlagen.'), { lawId: 't' });
    const pa = a.body.find((n) => n.kind === 'paragraph' && n.label === '2') as Paragraph;
    const pb = b.body.find((n) => n.kind === 'paragraph' && n.label === '2') as Paragraph;
    const rows = alignBlocks(paragraphBlocks(pa), paragraphBlocks(pb));
    expect(rows.map((r) => r.newLabel || r.oldLabel)).toEqual(['§ 2', '(1)', '1.', '2.', '3.']);
    expect(rows.map((r) => r.depth)).toEqual([0, 0, 1, 1, 1]);
    const two = rows[3];
    expect(two.changed).toBe(true);
    expect(two.segments.filter((s) => s.type === 'del').map((s) => s.text.trim())).toEqual(['andere.']);
    expect(rows[4].oldText).toBeUndefined();
    expect(rows[2].changed).toBe(false);
  });
});

describe('wording', () => {
  test('notices in German, without file paths, with German dates', () => {
    expect(germanNote('BGBl. 2023 I Nr. 217 Artikel 1 Nummer 8: Text unvollständig – the quoted text of this instruction is cut off by the end of the available act text (acts/x.txt); not applied')).toBe(
      'BGBl. 2023 I Nr. 217 Artikel 1 Nummer 8: Text unvollständig',
    );
    expect(germanNote('BGBl. 2023 I Nr. 217 Artikel 2 (in Kraft 2024-03-01): Text nicht im Korpus, nicht angewendet')).toBe(
      'BGBl. 2023 I Nr. 217 Artikel 2 (in Kraft 01.03.2024): Text nicht im Korpus, nicht angewendet',
    );
    expect(germanNote('BGBl. 2023 I Nr. 217: Only pages 1–2 are in the corpus; the rest is missing.')).not.toMatch(/\b(the|Only|corpus)\b/);
    expect(germanNote("Artikel 12 des Gesetzes (nicht im Korpus); corpus README.md, 'Known dates'")).toBe('Artikel 12 des Gesetzes (nicht im Korpus)');
    expect(germanSource('official/aufenthg_2004/2023-11-18.md')).toBe('amtliche Fassung vom 18.11.2023 (gesetze-im-internet.de)');
    expect(plural(1, 'Änderung', 'Änderungen')).toBe('1 Änderung');
    expect(plural(2, 'Änderung', 'Änderungen')).toBe('2 Änderungen');
  });
});

describe('long laws are split per Kapitel and Abschnitt', () => {
  test('a part starts at each Kapitel or Abschnitt that follows text, named after it', () => {
    const text = `---\nTitle: G\n---\n\n# G\n\n## Kapitel 1 - Eins\n\n#### § 1 A\n\nText.\n\n## Kapitel 2 - Zwei\n\n### Abschnitt 1 - Erster\n\n#### § 2 B\n\nText.\n\n### Abschnitt 2 - Zweiter\n\n#### § 3 C\n\nText.\n`;
    const law = parseStatute(text, { lawId: 'g' });
    const parts = splitBody(law.body);
    expect(parts.map((p) => p.slug)).toEqual(['kapitel-1', 'kapitel-2-abschnitt-1', 'kapitel-2-abschnitt-2']);
    expect(parts[2].title).toContain('Kapitel 2');
    expect(parts.flatMap((p) => p.nodes).length).toBe(law.body.length);
  });
});

describe('site: days, compression, CSP', () => {
  let work: string;
  let site: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fassung-lawyer-'));
    site = join(work, 'site');
    await buildSite(fixtureInput(), site, { search: false });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('every day between two versions has a page that names and links the version in force', () => {
    const $ = load(readFileSync(join(site, LAW, '2024-04-15', 'index.html'), 'utf8'));
    expect($('body').attr('data-redirect')).toBe(`../${D1}/index.html`);
    expect($('a.day-target').attr('href')).toBe(`../${D1}/index.html`);
    expect($('title').text()).toContain('15.04.2024');
    expect(existsSync(join(site, LAW, '2024-05-31', 'index.html'))).toBe(true);
    expect(existsSync(join(site, LAW, '2024-02-29', 'index.html'))).toBe(false);
  });

  test('the date picker leads to the law directory from every page that has one', () => {
    for (const page of [`${LAW}/${D1}/index.html`, `${LAW}/${D2}/index.html`]) {
      const $ = load(readFileSync(join(site, page), 'utf8'));
      const form = $('form.date-pick');
      expect(form.attr('data-law-root'), page).toBe('../');
      expect(form.attr('data-min'), page).toBe(D1);
      expect(form.attr('data-max'), page).toBe(D2);
      expect($(`label[for="${form.find('input').attr('id')}"]`).text(), page).toBe('Stand am');
    }
  });

  test('every page carries a strict CSP and no inline script but the hashed one', () => {
    const $ = load(readFileSync(join(site, LAW, D2, 'index.html'), 'utf8'));
    const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect($('[style]').length).toBe(0);
    expect($('script[src]').length).toBeGreaterThan(0);
  });

  test('a permalink, the validity and the tier (when the version has one) at each §', () => {
    const input = fixtureInput();
    // the tier comes from the version's provenance records, as the consolidation writes them
    input.consolidation.laws[0].versions[1].units = [{ id: 'para-26', label: '§ 26', tier: 'derived-verified', since: D2, source: { kind: 'act' } }];
    return buildSite(input, join(work, 'tier'), { search: false }).then(() => {
      const $ = load(readFileSync(join(work, 'tier', LAW, D2, 'index.html'), 'utf8'));
      const tools = $('section:has(> [id="para-26"]) .para-tools');
      expect(tools.find('a.permalink').text()).toBe(`/${LAW}/${D2}/#para-26`);
      expect(tools.find('a.permalink').attr('href')).toBe('./#para-26');
      expect(tools.find('.para-validity').text()).toBe(`gültig ab 01.06.2024`);
      expect(tools.find('.tier-badge').text()).toMatch(/übereinstimmend/);
      expect($('section:has(> [id="para-1"]) .tier-badge').length).toBe(0);
    });
  });

  test('serve sends the precompressed file the client accepts, with the CSP header', async () => {
    expect(pickEncoding('gzip, deflate, br')[0].encoding).toBe('br');
    expect(pickEncoding('gzip;q=1, br;q=0')[0].encoding).toBe('gzip');
    expect(pickEncoding(undefined)).toEqual([]);
    const s = await serveSite(site, 0);
    const get = (path: string, enc?: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port: s.port, path, headers: enc ? { 'accept-encoding': enc } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', fail);
        req.end();
      });
    try {
      const plain = await get(`/${LAW}/${D2}/index.html`);
      const br = await get(`/${LAW}/${D2}/index.html`, 'br, gzip');
      const gz = await get(`/${LAW}/${D2}/index.html`, 'gzip');
      expect(br.headers['content-encoding']).toBe('br');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
      expect(String(plain.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
    } finally {
      await s.close();
    }
  });
});
