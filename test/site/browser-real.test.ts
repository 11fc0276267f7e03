/**
 * The real consolidation (consolidated/site, built once per test run: real-site.ts) in Chromium: a
 * change followed to its instruction, any date, permalinks, the synopsis, citations between laws, search.
 * Layout on a phone and the draft synopsis: browser-real-layout.test.ts; links: real-site-links.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { norm, searchFor, servedSite, shot, skipBrowser, watchedPage } from './browser-helpers.js';
import { realSite } from './real-site.js';

const real = skipBrowser ? { why: 'no chromium' } : await realSite();
if (!real.dir) console.warn(`real-site browser test skipped: ${real.why}`);

describe.skipIf(skipBrowser || !real.dir)('site in the browser (real consolidation)', () => {
  const site = servedSite(async () => ({ dir: real.dir! }));

  test('BeschV § 26: 2024-03-01 → 2024-06-01 shows 25 000 → 50 000 from Verordnung Artikel 3', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/beschv/2024-03-01/index.html#para-26`);
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    await shot(page, 'real-beschv-2024-03-01');

    await page.locator('.dates a', { hasText: '01.06.2024' }).click();
    await page.waitForURL('**/beschv/2024-06-01/index.html#para-26', { timeout: 10_000 });
    const box = page.locator('section:has(> [id="para-26"]) .change-box');
    const ins = (await box.locator('ins').allInnerTexts()).map(norm);
    const del = (await box.locator('del').allInnerTexts()).map(norm);
    expect(ins.some((t) => t.includes('50 000'))).toBe(true);
    expect(del.some((t) => t.includes('25 000'))).toBe(true);
    await shot(page, 'real-beschv-2024-06-01');

    const link = box.locator('a[href*="acts/"][href*="#artikel-3-"]').first();
    await link.click();
    await page.waitForURL(/\/acts\/[^/]+\.html#artikel-3-/, { timeout: 10_000 });
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const instr = page.locator(`[id="${id}"]`);
    expect(await instr.isVisible()).toBe(true);
    expect(norm(await instr.innerText())).toMatch(/Artikel 3/);
    expect(norm(await page.locator('h1').innerText())).toMatch(/Verordnung/);
    await shot(page, 'real-act-instruction');

    expect(await searchFor(page, site.server.url, 'Chancenkarte')).toBeGreaterThan(0);
    await shot(page, 'real-search-chancenkarte');
    expect(problems).toEqual([]);
  });

  test('any date: a day that is no version date leads to the version in force, keeping the §', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/beschv/2024-04-15/#para-26`);
    await page.waitForURL('**/beschv/2024-03-01/index.html#para-26', { timeout: 10_000 });
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    // the date picker goes to any day of the timeline, and says so when a day is beyond it
    await page.locator('form.date-pick input[type="date"]').fill('2030-01-01');
    await page.locator('form.date-pick button').click();
    expect(norm(await page.locator('form.date-pick .date-pick-msg').innerText())).toMatch(/Korpus reicht bis \d{2}\.\d{2}\.20(?:25|26)/);
    await page.locator('form.date-pick input[type="date"]').fill('2023-12-24');
    await page.locator('form.date-pick button').click();
    await page.waitForURL('**/beschv/2023-11-18/index.html#para-26', { timeout: 10_000 });
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('permalink per §: shown, and it resolves (also into a law split into parts)', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/beschv/2024-03-01/index.html`);
    const link = page.locator('section:has(> [id="para-26"]) a.permalink');
    expect(norm(await link.innerText())).toBe('/beschv/2024-03-01/#para-26');
    await link.click();
    await page.waitForURL(/\/beschv\/2024-03-01\/#para-26$/, { timeout: 10_000 });
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    expect(norm(await page.locator('section:has(> [id="para-26"]) .para-validity').innerText())).toMatch(/^gültig \d{2}\.\d{2}\.\d{4}/);
    // AufenthG is split into parts: the permalink is forwarded to the part holding § 20
    await page.goto(`${site.server.url}/aufenthg/2024-06-01/#para-20`);
    await page.waitForURL(/\/aufenthg\/2024-06-01\/[a-z0-9-]+\.html#para-20$/, { timeout: 10_000 });
    expect(await page.locator('[id="para-20"]').isVisible()).toBe(true);
    expect(norm(await page.locator('section:has(> [id="para-20"]) a.permalink').innerText())).toBe('/aufenthg/2024-06-01/#para-20');
    await shot(page, 'real-aufenthg-part-para-20');
    expect(problems).toEqual([]);
  });

  test('synopsis of AufenthG § 20: old and new side by side, its Nummern kept', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/aufenthg/compare/2024-03-01/2024-06-01/#para-20`);
    const syn = page.locator('section[id="para-20"] table.synopsis');
    expect(await syn.isVisible()).toBe(true);
    const newLabels = (await syn.locator('tr td:nth-child(2) .syn-label').allInnerTexts()).map(norm);
    expect(newLabels).toEqual(expect.arrayContaining(['§ 20', '(1)', '1.', '2.', '3.']));
    expect(await syn.locator('tr.syn-depth-1').count()).toBeGreaterThanOrEqual(3);
    expect(await syn.locator('td:nth-child(1) del').count()).toBeGreaterThan(0);
    expect(await syn.locator('td:nth-child(2) ins').count()).toBeGreaterThan(0);
    expect(await syn.locator('td:nth-child(1) ins').count()).toBe(0);
    await shot(page, 'real-synopsis-aufenthg-20');
    // any two versions
    await page.goto(`${site.server.url}/aufenthg/compare/2023-11-01/2024-06-01/index.html`);
    expect(await page.locator('section[id="para-20"] table.synopsis').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  test('a citation in the text links to the provision of another law at the same date', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/beschv/2024-06-01/index.html`);
    const cite = page.locator('a.zitat', { hasText: 'des Aufenthaltsgesetzes' }).first();
    const text = norm(await cite.innerText());
    const label = /§ (\d+[a-z]?)/.exec(text)![1];
    await cite.click();
    await page.waitForURL(/\/aufenthg\/2024-06-01\/[^#]+#para-/, { timeout: 10_000 });
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(id.startsWith(`para-${label}`)).toBe(true);
    expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('search: "§ 26 BeschV" goes to § 26; ?q= is restored; results show validity', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/search.html`);
    expect(await page.locator('label[for="q"]').innerText()).toMatch(/Suchbegriff/);
    await page.locator('#q').fill('§ 26 BeschV');
    await page.locator('#q').press('Enter');
    await page.waitForURL(/\/beschv\/\d{4}-\d{2}-\d{2}\/index\.html#para-26$/, { timeout: 10_000 });
    expect(await page.locator('[id="para-26"]').isVisible()).toBe(true);
    for (const q of ['26 BeschV', 'BeschV 26']) {
      await page.goto(`${site.server.url}/search.html`);
      await page.locator('#q').fill(q);
      await page.locator('#q').press('Enter');
      await page.waitForURL(/\/beschv\/[^#]+#para-26$/, { timeout: 10_000 });
    }
    await page.goto(`${site.server.url}/search.html?q=Chancenkarte&gesetz=AufenthV&stand=2024-06-15`);
    expect(await page.locator('#q').inputValue()).toBe('Chancenkarte');
    expect(await page.locator('#gesetz').inputValue()).toBe('AufenthV');
    await page.locator('.treffer').first().waitFor({ timeout: 15_000 });
    const titles = (await page.locator('.treffer-titel').allInnerTexts()).map(norm);
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toMatch(/^AufenthV – Fassung vom 01\.06\.2024/);
    expect(norm(await page.locator('.treffer-gueltig').first().innerText())).toMatch(/^gültig /);
    await page.locator('#q').fill('Westbalkan');
    await page.waitForURL(/\?q=Westbalkan/, { timeout: 10_000 });
    await shot(page, 'real-search-filtered');
    expect(problems).toEqual([]);
  });
});
