/**
 * The site in a real browser (Chromium via playwright-core), on sites built here from the synthetic
 * fixture: date switching keeps the unit, changes show as <del>/<ins>, links reach the instruction, the
 * Satznummern toggle works, search finds words, a hostile law abbreviation stays text; no console
 * errors and no request leaves 127.0.0.1. Screenshots go to test-artifacts/.
 * The real consolidation in the browser: browser-real*.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { ACT, D1, D2, fixtureInput, LAW } from './fixture.js';
import { fixtureSite, norm, searchFor, servedSite, shot, skipBrowser, watchedPage } from './browser-helpers.js';

describe.skipIf(skipBrowser)('site in the browser (fixture)', () => {
  const site = servedSite(fixtureSite('fassung-browser-', fixtureInput));

  test('switch date on a unit, see the change, follow it to the instruction, search', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.url}/${LAW}/${D1}/index.html#para-26`);
    await expect(page.locator('[id="para-26"]').isVisible()).resolves.toBe(true);
    expect(await page.title()).toContain('01.03.2024');

    // Satznummern are hidden until the toggle is switched on
    const nr = page.locator('[id="para-26/abs-2/satz-3"] .satz-nr');
    expect(await nr.isVisible()).toBe(false);
    await page.locator('label[for="satznummern"]').click();
    expect(await nr.isVisible()).toBe(true);
    await shot(page, 'fixture-law-2024-03-01');

    await page.locator('.dates a', { hasText: '01.06.2024' }).click();
    await page.waitForURL(`**/${LAW}/${D2}/index.html#para-26`, { timeout: 10_000 });
    const box = page.locator('section:has(> [id="para-26"]) .change-box');
    expect(norm(await box.locator('ins').innerText())).toBe('50 000');
    expect(norm(await box.locator('del').innerText())).toBe('25 000');
    expect(await page.locator('.notice.incomplete').isVisible()).toBe(true);
    await shot(page, 'fixture-law-2024-06-01');

    await box.locator(`a[href*="acts/${ACT}.html#artikel-3-nummer-1"]`).click();
    await page.waitForURL(`**/acts/${ACT}.html#artikel-3-nummer-1`, { timeout: 10_000 });
    const instr = page.locator('[id="artikel-3-nummer-1"]');
    expect(await instr.isVisible()).toBe(true);
    expect(norm(await instr.innerText())).toContain('Artikel 3 Nummer 1');
    await shot(page, 'fixture-act');

    expect(await searchFor(page, site.server.url, 'Chancenkarte')).toBeGreaterThan(0);
    await shot(page, 'fixture-search');

    for (const [name, path] of [
      ['fixture-home', 'index.html'],
      ['fixture-history', `${LAW}/history/para-26.html`],
      ['fixture-diff', `${LAW}/diff/${D1}_${D2}.html`],
      ['fixture-facts', 'facts.html'],
    ]) {
      await page.goto(`${site.server.url}/${path}`);
      await shot(page, name);
    }
    expect(problems).toEqual([]);
  });
});

const PAYLOAD = '"><img src=x onerror=alert(1)>';

describe.skipIf(skipBrowser)('a hostile law abbreviation in the search (fixture)', () => {
  const site = servedSite(
    fixtureSite('fassung-xss-', () => {
      const input = fixtureInput();
      input.consolidation.laws[0].abbreviation = PAYLOAD;
      input.consolidation.laws[0].title = `Verordnung ${PAYLOAD}`;
      return input;
    }),
  );

  test('the payload is shown as text in filters, results and pages; no script runs; the CSP is sent', async () => {
    const { page, problems } = await watchedPage(site.browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const res = await page.goto(`${site.server.url}/search.html?q=Beispiele&gesetz=${encodeURIComponent(PAYLOAD)}`);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(await page.locator('#gesetz option').allInnerTexts()).toContain(PAYLOAD);
    expect(await page.locator('#gesetz').inputValue()).toBe(PAYLOAD);
    await page.locator('.treffer').first().waitFor({ timeout: 15_000 });
    expect(norm(await page.locator('.treffer-titel').first().innerText())).toContain(PAYLOAD);
    await page.goto(`${site.server.url}/${LAW}/${D2}/index.html`);
    expect(norm(await page.locator('h1').innerText())).toContain(PAYLOAD);
    await shot(page, 'xss-law-page');
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
