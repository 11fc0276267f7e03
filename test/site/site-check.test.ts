/** The link checker used on every built site finds what it must (it is what the site tests rest on). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import fc from 'fast-check';
import { brokenLinks, duplicateIds, scanBytes, scanPage, scanWithHtmlparser2 } from './site-check.js';

const dir = mkdtempSync(join(tmpdir(), 'fassung-site-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('broken links, missing fragments, external URLs and duplicate ids are found; good links pass', () => {
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', 'p.html'), '<p id="y">y</p>');
  writeFileSync(join(dir, 'a', 'index.html'), '<p>i</p>');
  writeFileSync(
    join(dir, 'index.html'),
    '<a id="x" href="a/">ok</a><a href="a/p.html#y">ok</a><a href="&#x61;/p.html#y">entity</a><a href="#x">self</a>' +
      '<link rel="icon" href="data:,">' +
      '<a href="a/p.html#zz">bad fragment</a><a href="nope.html">missing</a><img src="http://x.org/i.png">' +
      '<a href="a/p.html/">file as folder</a><a href="../up.html">leaves</a><a id="x">dup</a>',
  );
  expect(brokenLinks(dir).map((b) => `${b.href}: ${b.problem}`)).toEqual([
    'a/p.html#zz: no element with id "zz" in a/p.html',
    'nope.html: missing file nope.html',
    'http://x.org/i.png: external or absolute URL',
    'a/p.html/: missing file a/p.html/',
    '../up.html: leaves the site',
  ]);
  expect(duplicateIds(dir)).toEqual([{ page: 'index.html', id: 'x' }]);
});

test('the fast page scan reads what htmlparser2 reads, and hands it what it cannot read exactly', () => {
  const pages = [
    '<!doctype html><html><head><title>a <a id="no"> b</title><script>if (a<b) x = "<a href=\'s\'>";</script>' +
      '<style>p > a { }</style></head><body>',
    '<p id="a" data-x=\'>\' class="c>d">x &lt; y</p><A HREF="b.html#c" ID="d">B</A><img src=i.png><a href="x" href="y">first wins</a>',
    '<a href="a&amp;b&#x2F;c&#47;d&quot;&apos;.html">e</a><!-- <a href="comment"> --><iframe src="f.html"></iframe>',
    '<a href="&nbsp;x">named entity</a><p id="e">',
    '<a href="x">unterminated <!-- comment',
    '<p>a < b and a<3</p><br/><a id=bare href=y.html>z</a><script src="s.js"></script><a id="after">',
    '<p ID="größe">ä</p><TextArea><a id="no"></textarea ><a id="yes">',
    '',
  ];
  for (const html of pages) expect(scanPage(html), html).toEqual(scanWithHtmlparser2(html));
  // the pages the site writes are read by the scan itself, not handed on
  expect(pages.map((html) => scanBytes(html) !== undefined)).toEqual([true, true, true, false, false, true, true, true]);
  let ownReading = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom('<a href="x.html#y">', '<p id="i">', '</p>', '<!-- c -->', '<script>', '</script>', '&amp;', '&nbsp;', '"', "'", '<', '>', 'text', ' id="t"', '<title>', '</title>', '<img src=q>', '=', '<SCRIPT>', '</Script >', ' ID=\'ä\'', 'Größe', '<a href="§ 1#abs-ü">', '<!doctype html>', '</>', '<a href="&#128;&#0;&#x110000;&#xD800;&#8364;">'), { maxLength: 30 }), (parts) => {
      const html = parts.join('');
      const own = scanBytes(html);
      if (own) ownReading++;
      expect(own ?? scanPage(html)).toEqual(scanWithHtmlparser2(html));
    }),
    { numRuns: 2000 },
  );
  expect(ownReading).toBeGreaterThan(200);
});
