import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { cli } from '../helpers/cli.js';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, HAS_CHROMIUM, openOffline } from '../helpers/browser.js';

if (!HAS_CHROMIUM) console.warn(`now browser test skipped: no Chromium at ${CHROMIUM}`);

describe.skipIf(!HAS_CHROMIUM)('now.html in a real browser (offline, file://)', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-now-browser-')), 'now');
    const r = cli(['now', '--draws', '500', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1280, 760])
    it(`state table first, then analogues, outlook with bands, track record and the article; nothing clipped at ${width} px; no errors`, async () => {
      const { context, page, errors, blocked } = await openOffline(browser, join(dir, 'now.html'), width);
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      expect(await page.$$eval('main > section', (s) => s.map((x) => x.id))).toEqual(['state', 'analogues', 'outlook', 'track', 'article']);
      expect(await page.$$eval('#state-table tbody tr', (r) => r.length)).toBe(11);
      // the outlook chart has its bands and its two lines; the verdict column is on screen, not scrolled away
      expect(await page.$$eval('#outlook-chart polygon', (p) => p.length)).toBe(3);
      const table = await page.$eval('#outlook-table', (t) => ({
        table: t.getBoundingClientRect().right,
        wrap: t.parentElement!.getBoundingClientRect().right,
      }));
      if (width >= 1280) expect(table.table).toBeLessThanOrEqual(table.wrap + 1);
      // no horizontal overflow of the page itself; chart labels readable
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      const font = await page.$eval('#outlook-chart text', (t) => t.getBoundingClientRect().height);
      expect(font).toBeGreaterThanOrEqual(width >= 1280 ? 11 : 8);
      await context.close();
    });
});
