import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { cli } from '../helpers/cli.js';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, HAS_CHROMIUM, openOffline } from '../helpers/browser.js';

if (!HAS_CHROMIUM) console.warn(`claims browser test skipped: no Chromium at ${CHROMIUM}`);

describe.skipIf(!HAS_CHROMIUM)('claims.html in a real browser (offline, file://)', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-claims-browser-')), 'claims');
    const r = cli(['claims', '--draws', '300', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with the answer per claim, then the table of every sample; a section and readable full-width charts per claim; no errors, no network', async () => {
    const { context, page, errors, blocked } = await openOffline(browser, join(dir, 'claims.html'));
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    // the first section after the title is the answer, one sentence per claim, in the first screen
    expect(await page.$eval('main > section', (s) => s.id)).toBe('answer');
    expect(await page.$$eval('#answer ol.answers > li', (li) => li.length)).toBe(5);
    expect(await page.$eval('#answer', (s) => s.getBoundingClientRect().top)).toBeLessThan(400);
    expect(await page.$eval('#answer', (s) => s.textContent ?? '')).toMatch(/the null “.*” is (not )?rejected/);
    // one row per headline part, one column per sample (primary ones starred); every cell names its independent groups
    // in tables that fit a screen: US daily, US monthly, other regions, pooled
    const header = await page.$$eval('#table thead th', (ths) => ths.map((t) => t.textContent));
    expect(header).toEqual([
      'daily samples',
      'russell',
      'etf',
      'r1000',
      'sp600',
      'monthly samples',
      'ff-1954 *',
      'ff-1982',
      'ff-1926 *',
      'other regions',
      'europe-ecb',
      'europe-boe',
      'europe-snb',
      'japan-boj',
      'apxj-rba',
      'apxj-rbnz',
      'na-boc',
      'pooled over regions',
      'pooled-ex-us',
      'pooled-all',
      'pooled-ex-us-pause',
    ]);
    // the other regions: a forest plot per pooled part, the US primary sample first and the pooled rows last
    const forest = await page.$$eval('#forest-1 g > text:first-of-type', (ts) => ts.map((t) => t.textContent));
    expect(forest[0]).toBe('ff-1954 (US, primary)');
    expect(forest.slice(-3)).toEqual(['pooled-ex-us', 'pooled-all', 'pooled-ex-us-pause']);
    expect(await page.$('#forest-3-all')).not.toBeNull();
    const cells = await page.$$eval('#table tbody td:not(:first-child)', (tds) => tds.map((t) => t.textContent ?? ''));
    for (const c of cells) expect(c === 'n/a' || /g[\d,]+/.test(c)).toBe(true);
    for (const verdict of ['not tested', 'not shown']) expect(cells.some((c) => c.includes(verdict))).toBe(true);
    // charts span the column and their labels are at least 11 px on screen
    const chart = await page.$eval('#path-russell', (svg) => {
      const w = svg.getBoundingClientRect().width;
      const text = svg.querySelector('text')!;
      return { width: w, font: text.getBoundingClientRect().height };
    });
    expect(chart.width).toBeGreaterThan(600);
    expect(chart.font).toBeGreaterThanOrEqual(11);
    for (let c = 1; c <= 5; c++) {
      expect(await page.$(`#claim-${c}`)).not.toBeNull();
      expect(await page.$$eval(`#claim-${c} svg.svg-chart`, (s) => s.length)).toBeGreaterThan(0);
    }
    // the average path has its three layers, the regime bars their whiskers
    expect(await page.$$eval('#path-russell polygon', (p) => p.length)).toBe(2);
    expect(await page.$$eval('#path-russell polyline', (p) => p.length)).toBe(1);
    expect(await page.$$eval('#groups-2-russell line', (l) => l.length)).toBeGreaterThan(6);
    // no horizontal overflow of the page itself
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
