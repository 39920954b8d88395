import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cli, ROOT } from '../helpers/cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

if (!existsSync(CHROMIUM)) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!existsSync(CHROMIUM))('reports in a real browser (offline, file://)', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ratecycle-browser-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    expect(cli(['run', 'first-cut-rotation', '--out', join(dir, 'a')]).code).toBe(0);
    expect(cli(['run', 'buy-hold', '--out', join(dir, 'b')]).code).toBe(0);
    expect(cli(['compare', join(dir, 'a'), join(dir, 'b'), '--out', join(dir, 'cmp')]).code).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a file with every non-file request blocked; returns the page, its errors and blocked requests. */
  async function open(file: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (window as unknown as { __charts?: unknown[] }).__charts !== undefined);
    return { page, errors, blocked, context };
  }

  /** Number of non-transparent pixels in each chart canvas. */
  async function inkPerChart(page: Page): Promise<Record<string, number>> {
    return page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const el of document.querySelectorAll('.chart')) {
        const canvas = el.querySelector('canvas');
        if (!canvas) {
          out[el.id] = 0;
          continue;
        }
        const ctx = canvas.getContext('2d')!;
        const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
        out[el.id] = ink;
      }
      return out;
    });
  }

  it('the run report loads offline without errors and every chart has data drawn', async () => {
    const { page, errors, blocked, context } = await open(join(dir, 'a', 'report.html'));
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    const ink = await inkPerChart(page);
    expect(Object.keys(ink).sort()).toEqual(['chart-alloc', 'chart-drawdown', 'chart-equity', 'chart-rate', 'chart-rolling']);
    for (const [id, n] of Object.entries(ink)) expect(n, id).toBeGreaterThan(2000);
    const series = await page.evaluate(() => (window as unknown as { __charts: { data: unknown[][] }[] }).__charts.map((c) => c.data[1].filter((v) => v !== null).length));
    for (const n of series) expect(n).toBeGreaterThan(500);
    expect(await page.locator('#metrics-table tbody tr').count()).toBe(32);
    expect(await page.locator('#key-metrics tbody tr').count()).toBe(11);
    expect(await page.locator('#events-table tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('#regimes-table tbody tr').count()).toBeGreaterThan(10);
    expect(await page.locator('#drawdowns-table tbody tr').count()).toBe(10);
    expect(await page.locator('#heatmap tbody tr').count()).toBe(2026 - 1987 + 1);
    expect(await page.locator('#annual-bars rect').count()).toBeGreaterThan(100);
    await page.screenshot({ path: join(ARTIFACTS, 'run-report.png'), fullPage: true });
    await context.close();
  });

  it('hover shows a readout in the legend', async () => {
    const { page, context } = await open(join(dir, 'a', 'report.html'));
    const over = page.locator('#chart-equity .u-over');
    await over.scrollIntoViewIfNeeded();
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    const text = await page.locator('#chart-equity .u-legend').innerText();
    expect(text).toMatch(/\d{4}-\d\d-\d\d/);
    await context.close();
  });

  it('the comparison page loads offline and draws both runs', async () => {
    const { page, errors, blocked, context } = await open(join(dir, 'cmp', 'compare.html'));
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    const ink = await inkPerChart(page);
    expect(Object.keys(ink).sort()).toEqual(['chart-drawdown', 'chart-equity']);
    for (const n of Object.values(ink)) expect(n).toBeGreaterThan(2000);
    expect(await page.locator('#compare-metrics tbody tr').count()).toBe(32);
    expect(await page.locator('#compare-metrics td.best').count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-report.png'), fullPage: true });
    await context.close();
  });
});
