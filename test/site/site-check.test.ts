/** The link checker used on every built site finds what it must (it is what the site tests rest on). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { brokenLinks, duplicateIds } from './site-check.js';

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
