import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, escapeHtml, serveSite } from '../../src/site/index.js';
import { wordDiff, renderDiff } from '../../src/site/text-diff.js';
import { instructionAnchor } from '../../src/site/paths.js';
import { actionLabel } from '../../src/site/pages/common.js';
import { ACTIONS } from '../../src/act/operations.js';
import { unitsOfParagraph } from '../../src/model/walk.js';
import type { Paragraph } from '../../src/model/types.js';
import { ACT, ATTR, D1, D2, fixtureInput, LAW, MISSING, SCRIPT } from './fixture.js';
import { allFiles, brokenLinks, clearCache, duplicateIds, htmlFiles, load, norm } from './site-check.js';

const work = mkdtempSync(join(tmpdir(), 'fassung-site-'));
const site = join(work, 'site');
const evilSite = join(work, 'evil');
let result: { pages: number; ms: number };

beforeAll(async () => {
  clearCache();
  result = await buildSite(fixtureInput(), site);
  await buildSite(fixtureInput({ evil: true }), evilSite);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const de = (iso: string): string => iso.split('-').reverse().join('.');
const V1 = `${LAW}/${D1}/index.html`;
const V2 = `${LAW}/${D2}/index.html`;
const DIFF = `${LAW}/diff/${D1}_${D2}.html`;
const HIST = `${LAW}/history/para-26.html`;
const ACTPAGE = `acts/${ACT}.html`;

describe('escapeHtml and word diff', () => {
  test('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  test('a number with thousands groups is one token', () => {
    expect(renderDiff(wordDiff('bis zu 25 000 je Jahr', 'bis zu 50 000 je Jahr'))).toBe('bis zu <del>25\u00a0000</del><ins>50\u00a0000</ins> je Jahr');
  });
  test('a struck phrase is one <del>', () => {
    expect(renderDiff(wordDiff('können in den Jahren 2021 bis 2023 Zustimmungen', 'können Zustimmungen'))).toBe(
      'können <del>in den Jahren 2021 bis 2023</del> Zustimmungen',
    );
  });
  test('an insertion keeps the spaces around it outside <ins>', () => {
    expect(renderDiff(wordDiff('Steuerung des Zuzugs', 'Steuerung und Begrenzung des Zuzugs'))).toBe('Steuerung <ins>und Begrenzung</ins> des Zuzugs');
    expect(renderDiff(wordDiff('a b c', 'a x c'))).toBe('a <del>b</del><ins>x</ins> c');
  });
  test('identical texts give no change; diff output is escaped', () => {
    expect(wordDiff('a b', 'a b').every((s) => s.type === 'same')).toBe(true);
    expect(renderDiff(wordDiff('x', '<b>'))).toBe('<del>x</del><ins>&lt;b&gt;</ins>');
  });
  test('every action of an operation has a German name on the pages', () => {
    // 'none': the record of an instruction that was not read into operations
    for (const a of [...ACTIONS, 'none']) expect(actionLabel(a), a).not.toBe(a);
  });
  test('instruction anchors come from the path', () => {
    expect(instructionAnchor('Artikel 3 Nummer 1')).toBe('artikel-3-nummer-1');
    expect(instructionAnchor('Artikel 4 Nummer 4 Buchstabe e Doppelbuchstabe aa')).toBe('artikel-4-nummer-4-buchstabe-e-doppelbuchstabe-aa');
  });
});

/** The ISO days after `a` and before `b`. */
function daysStrictlyBetween(a: string, b: string): string[] {
  const out: string[] = [];
  const d = new Date(`${a}T12:00:00Z`);
  for (d.setUTCDate(d.getUTCDate() + 1); d.toISOString().slice(0, 10) < b; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

describe('buildSite on the fixture', () => {
  test('writes the expected pages', () => {
    const pages = htmlFiles(site);
    expect(pages).toEqual(
      [
        ACTPAGE,
        'facts.html',
        'index.html',
        V1,
        V2,
        DIFF,
        `${LAW}/history/para-1.html`,
        HIST,
        `${LAW}/history/para-27.html`,
        'search.html',
        // the synopsis of the two versions, and a page for every other day of the timeline
        `${LAW}/compare/${D1}/${D2}/index.html`,
        ...daysStrictlyBetween(D1, D2).map((d) => `${LAW}/${d}/index.html`),
      ].sort(),
    );
    expect(result.pages).toBe(pages.length);
    expect(existsSync(join(site, 'site.css'))).toBe(true);
    expect(existsSync(join(site, 'pagefind', 'pagefind-ui.js'))).toBe(true);
    expect(readdirSync(work).sort()).toEqual(['evil', 'site']);
  });

  test('every page is German, links one stylesheet and has no external reference', () => {
    for (const page of htmlFiles(site)) {
      const $ = load(site, page);
      expect($('html').attr('lang'), page).toBe('de');
      expect($('link[rel=stylesheet]').first().attr('href'), page).toMatch(/(^|\/)site\.css$/);
      expect(readFileSync(join(site, page), 'utf8'), page).not.toMatch(/https?:\/\//);
    }
  });

  test('every local href resolves to a file, every fragment to an id', () => {
    expect(brokenLinks(site)).toEqual([]);
    expect(duplicateIds(site)).toEqual([]);
  });

  test('every page title names the dates it is about', () => {
    const expected: Record<string, string[]> = {
      'index.html': [de(D1), de(D2)],
      [V1]: [de(D1)],
      [V2]: [de(D2)],
      [DIFF]: [de(D1), de(D2)],
      [HIST]: [de(D1), de(D2)],
      [`${LAW}/history/para-1.html`]: [de(D1)],
      [ACTPAGE]: ['30.08.2023'],
      'facts.html': [de(D1), de(D2)],
    };
    for (const page of htmlFiles(site)) {
      const title = load(site, page)('title').text();
      if (page === 'search.html') continue;
      expect(title, page).toMatch(/\d{2}\.\d{2}\.\d{4}/);
      for (const d of expected[page] ?? []) expect(title, page).toContain(d);
    }
  });

  test('the law page has an id for every unit and marks the statute text for search', () => {
    const $ = load(site, V2);
    const v2 = fixtureInput().consolidation.laws[0].versions[1].tree;
    const ids: string[] = [];
    for (const n of v2.body) {
      ids.push(n.id);
      if (n.kind === 'paragraph') for (const u of unitsOfParagraph(n as Paragraph)) ids.push(u.id);
    }
    expect(ids).toContain('para-26/abs-2/satz-3');
    for (const id of ids) expect($(`[id="${id}"]`).length, id).toBe(1);
    expect($('[data-pagefind-body]').find('[id="para-26"]').length).toBe(1);
    expect($('[id="para-26/abs-2/satz-3"]').hasClass('changed')).toBe(true);
    expect($('[id="para-26/abs-2/satz-1"]').hasClass('changed')).toBe(false);
    expect($('.satz-nr').length).toBeGreaterThan(0);
    expect($('#satznummern').attr('type')).toBe('checkbox');
  });

  test('the changed § shows the removed and inserted words', () => {
    const $ = load(site, V2);
    const box = $('[id="para-26"]').closest('section').find('.change-box');
    expect(box.length).toBe(1);
    expect(box.find('del').map((_, e) => norm($(e).text())).get()).toEqual(['25 000']);
    expect(box.find('ins').map((_, e) => norm($(e).text())).get()).toEqual(['50 000']);
    expect(box.find(`a[href="../../acts/${ACT}.html#artikel-3-nummer-1"]`).length).toBe(1);
    // unchanged §§ have no change box; the base version has none at all
    expect($('[id="para-1"]').closest('section').find('.change-box').length).toBe(0);
    expect(load(site, V1)('del, ins').length).toBe(0);
    const d = load(site, DIFF);
    expect(d('section.diff-section').map((_, e) => d(e).attr('id')).get()).toEqual(['para-26']);
    expect(norm(d('[id="para-26"] del').text())).toBe('25 000');
    expect(norm(d('[id="para-26"] ins').text())).toBe('50 000');
  });

  test('an incomplete version says so and lists what is missing', () => {
    const notice = load(site, V2)('.notice.incomplete');
    expect(notice.length).toBe(1);
    expect(norm(notice.text())).toContain(MISSING);
    expect(load(site, V1)('.notice.incomplete').length).toBe(0);
  });

  test('the date switcher links the versions and keeps the fragment', () => {
    const $ = load(site, V1);
    const links = $('.dates a');
    expect(links.map((_, e) => $(e).attr('href')).get()).toEqual(['index.html', `../${D2}/index.html`]);
    expect(links.first().attr('aria-current')).toBe('page');
    expect(links.last().is('[data-keep-hash]')).toBe(true);
    expect($('script').text()).toContain('location.hash');
  });

  test('the history of § 26 lists both versions with intervals and the instruction', () => {
    const $ = load(site, HIST);
    const entries = $('.hist-entry');
    expect(entries.length).toBe(2);
    expect(norm(entries.eq(0).find('.validity').text())).toContain(`gültig ab ${de(D2)}`);
    expect(norm(entries.eq(1).find('.validity').text())).toContain(`gültig ${de(D1)} bis 31.05.2024`);
    expect(entries.eq(0).find(`a[href="../../acts/${ACT}.html#artikel-3-nummer-1"]`).length).toBe(1);
    expect(norm(entries.eq(0).find('.records').text())).toContain('Artikel 3 Nummer 1');
    expect(entries.eq(0).find('ins').text()).toContain('50');
    expect(load(site, `${LAW}/history/para-1.html`)('.hist-entry').length).toBe(1);
  });

  test('the act page lists each instruction with status and links to the changed unit', () => {
    const $ = load(site, ACTPAGE);
    const first = $('[id="artikel-3-nummer-1"]');
    expect(first.length).toBe(1);
    expect(norm(first.find('.status').first().text())).toBe('angewendet');
    expect(first.find(`a[href="../${LAW}/${D2}/index.html#para-26%2Fabs-2%2Fsatz-3"]`).length).toBe(1);
    const second = $('[id="artikel-3-nummer-2"]');
    expect(norm(second.find('.status').first().text())).toBe('Ziel nicht im Korpus');
    expect(norm(second.text())).toContain(`in Kraft ab ${de(D2)}`);
  });

  test('the facts page links every period to its wording and shows euro amounts and tiers', () => {
    const $ = load(site, 'facts.html');
    const rows = $('#fact-westbalkan-quota table.timeline tbody tr');
    expect(rows.length).toBe(2);
    expect(rows.eq(0).find('.where a').attr('href')).toBe(`${LAW}/${D1}/index.html#para-26%2Fabs-2%2Fsatz-3`);
    expect(rows.eq(1).find('.where a').attr('href')).toBe(`${LAW}/${D2}/index.html#para-26%2Fabs-2%2Fsatz-3`);
    expect(rows.eq(1).find('.last a').attr('href')).toBe(`acts/${ACT}.html#artikel-3-nummer-1`);
    expect(norm(rows.eq(0).find('.tier').text())).toBe('official');
    expect(norm(rows.eq(1).find('.tier-badge').text())).toBe('konsolidierte Fassung');
    expect(norm(rows.eq(1).find('.caveat').text())).toBe('aus einer unvollständigen Fassung');
    const euros = $('#fact-blue-card-salary table.euros tbody tr');
    expect(euros.map((_, e) => norm($(e).find('td').eq(1).text())).get()).toEqual(['41 041,80 €', '43 759,80 €']);
  });

  test('the start page has a timeline of in-force dates with change counts', () => {
    const $ = load(site, 'index.html');
    expect($('.tl-date h3').map((_, e) => $(e).text()).get()).toEqual([de(D1), de(D2)]);
    const d2 = norm($('.tl-date').eq(1).text());
    expect(d2).toContain('BspV: 2 Änderungen, 1 Abschnitt geändert');
    expect($('.tl-date').eq(1).find(`a[href="${DIFF}"]`).length).toBe(1);
    expect($(`a[href="${ACTPAGE}"]`).length).toBeGreaterThan(0);
  });

  test('the output is deterministic', async () => {
    const again = join(work, 'again');
    await buildSite(fixtureInput(), again);
    const hash = (dir: string): Record<string, string> =>
      Object.fromEntries(allFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
    try {
      expect(hash(again)).toEqual(hash(site));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  test('a failed build leaves the previous site in place', async () => {
    const out = join(work, 'atomic');
    await buildSite(fixtureInput(), out, { search: false });
    writeFileSync(join(out, 'marker.txt'), 'previous');
    // fails while planning the pages
    const broken = fixtureInput();
    (broken.consolidation.laws[0].versions[1] as { tree: unknown }).tree = { body: null };
    await expect(buildSite(broken, out, { search: false })).rejects.toThrow();
    // fails while writing: one § cannot be rendered
    const broken2 = fixtureInput();
    broken2.consolidation.laws[0].versions[1].tree.body.push({
      kind: 'paragraph', label: '99', id: 'para-99', heading: '', weggefallen: false, footnotes: [],
      children: null as unknown as [],
    });
    await expect(buildSite(broken2, out, { search: false })).rejects.toThrow();
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous');
    expect(readdirSync(work).filter((n) => n.includes('.tmp-') || n.includes('.old-'))).toEqual([]);
    await buildSite(fixtureInput(), out, { search: false });
    expect(existsSync(join(out, 'marker.txt'))).toBe(false);
    rmSync(out, { recursive: true, force: true });
  });
});

describe('escaping of corpus text', () => {
  test('script tags and attribute breakouts from the corpus stay text', () => {
    const pages = htmlFiles(evilSite);
    expect(pages.length).toBeGreaterThanOrEqual(10);
    let seen = 0;
    for (const page of pages) {
      const $ = load(evilSite, page);
      $('script').each((_, el) => expect($(el).html() ?? '', page).not.toContain('alert(1)'));
      $('*').each((_, el) => {
        const attribs = (el as unknown as { attribs: Record<string, string> }).attribs;
        for (const name of Object.keys(attribs)) expect(name.startsWith('on'), `${page}: attribute ${name}`).toBe(false);
      });
      const text = $('body').text() + $('title').text();
      if (text.includes(SCRIPT)) seen++;
      expect(readFileSync(join(evilSite, page), 'utf8'), page).not.toContain(SCRIPT);
    }
    // the injected strings are shown as text on the law, act, history, diff and facts pages
    expect(seen).toBeGreaterThanOrEqual(7);
    expect(load(evilSite, 'facts.html')('body').text()).toContain(ATTR);
    expect(brokenLinks(evilSite)).toEqual([]);
    expect(duplicateIds(evilSite)).toEqual([]);
  });
});

describe('serveSite', () => {
  const get = (port: number, path: string, method = 'GET'): Promise<{ status: number; type?: string; body: string; location?: string }> =>
    new Promise((ok, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, type: res.headers['content-type'], body, location: res.headers.location }));
      });
      req.on('error', fail);
      req.end();
    });

  test('serves files with content types and refuses to leave the site', async () => {
    const s = await serveSite(site, 0);
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const home = await get(s.port, '/');
      expect(home.status).toBe(200);
      expect(home.type).toBe('text/html; charset=utf-8');
      expect((await get(s.port, '/site.css')).type).toBe('text/css; charset=utf-8');
      expect((await get(s.port, '/pagefind/pagefind-ui.js')).type).toBe('text/javascript; charset=utf-8');
      const wasm = readdirSync(join(site, 'pagefind')).find((f) => f.endsWith('.pagefind'))!;
      expect((await get(s.port, `/pagefind/${wasm}`)).status).toBe(200);
      expect((await get(s.port, `/${LAW}/${D1}`)).location).toBe(`/${LAW}/${D1}/`);
      expect((await get(s.port, `/${LAW}/${D1}/`)).status).toBe(200);
      expect((await get(s.port, '/nope.html')).status).toBe(404);
      for (const evil of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e%5c..%5cetc', '/a%00b', '/%E0%A4%A']) {
        const r = await get(s.port, evil);
        expect([400, 403, 404], evil).toContain(r.status);
        expect(r.body, evil).not.toContain('root:');
      }
      expect((await get(s.port, '/', 'POST')).status).toBe(405);
    } finally {
      await s.close();
    }
  });
});
