import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cli, ROOT } from '../helpers/cli.js';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, HAS_CHROMIUM, openOffline } from '../helpers/browser.js';

const ARTIFACTS = join(ROOT, 'test', 'artifacts');

if (!HAS_CHROMIUM) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

interface PlotLike {
  data: (number | null)[][];
  __spec: { id: string; series: { values: (number | null)[] }[] };
}

describe.skipIf(!HAS_CHROMIUM)('reports in a real browser (offline, file://)', () => {
  let browser: Browser;
  let dir: string;
  const eight: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ratecycle-browser-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const ok = (args: string[]) => {
      const r = cli(args);
      expect(r.code, r.stderr).toBe(0);
    };
    ok(['run', 'first-cut-rotation', '--out', join(dir, 'a')]);
    ok(['run', 'buy-hold', '--out', join(dir, 'b')]);
    ok(['compare', join(dir, 'a'), join(dir, 'b'), '--out', join(dir, 'cmp')]);
    // eight runs side by side: the layout must fit a laptop screen
    for (const [i, m] of [3, 6, 9, 18, 24].entries()) {
      ok(['run', 'first-cut-rotation', '--param', `months=${m}`, '--no-report', '--out', join(dir, `m${i}`)]);
      eight.push(join(dir, `m${i}`));
    }
    ok(['run', 'fixed-mix', '--no-report', '--out', join(dir, 'mix')]);
    eight.push(join(dir, 'a'), join(dir, 'b'), join(dir, 'mix'));
    ok(['compare', ...eight, '--out', join(dir, 'cmp8')]);
    ok(['walkforward', 'first-cut-rotation', '--grid', 'months=3:24:3', '--train', '10y', '--test', '3y', '--out', join(dir, 'wf')]);
    ok(['sweep', 'first-cut-rotation', '--grid', 'months=1:24:1', '--grid', 'otherwise=large,cash', '--workers', '1', '--top', '1', '--out', join(dir, 'sw')]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a file offline (see openOffline) once its charts are drawn. */
  async function open(file: string, width = 1280) {
    const opened = await openOffline(browser, file, width);
    await opened.page.waitForFunction(() => (window as unknown as { __charts?: unknown[] }).__charts !== undefined);
    return opened;
  }

  /** Number of non-transparent pixels in each uPlot chart canvas. */
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

  /** Every uPlot chart holds exactly the values of its spec (which the node tests compare with the CSVs). */
  async function plotsMatchSpecs(page: Page): Promise<number> {
    return page.evaluate(() => {
      const plots = (window as unknown as { __charts: PlotLike[] }).__charts;
      let n = 0;
      for (const p of plots) {
        p.__spec.series.forEach((s, k) => {
          const drawn = p.data[k + 1];
          if (drawn.length !== s.values.length || drawn.some((v, i) => v !== s.values[i])) throw new Error(`${p.__spec.id}: series ${k} differs from its spec`);
          n += drawn.length;
        });
      }
      return n;
    });
  }

  /** Screenshot in colour and in grayscale (the charts must read without colour). */
  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-grayscale.png`), fullPage: true });
  }

  it('the run report loads offline without errors and every chart has data drawn', async () => {
    const { page, errors, blocked, context } = await open(join(dir, 'a', 'report.html'));
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    const ink = await inkPerChart(page);
    expect(Object.keys(ink).sort()).toEqual([
      'chart-alloc',
      'chart-dist-0',
      'chart-dist-1',
      'chart-dist-2',
      'chart-drawdown',
      'chart-equity',
      'chart-rate',
      'chart-rolling',
      'chart-rolling-beta',
      'chart-rolling-sharpe',
      'chart-rolling-vol',
    ]);
    for (const [id, n] of Object.entries(ink)) expect(n, id).toBeGreaterThan(2000);
    expect(await plotsMatchSpecs(page)).toBeGreaterThan(20_000);
    // underwater: the strategy and both buy-and-holds
    expect(await page.evaluate(() => (window as unknown as { __charts: PlotLike[] }).__charts.find((c) => c.__spec.id === 'drawdown')!.data.length)).toBe(4);
    expect(await page.locator('#metrics-table tbody tr').count()).toBeGreaterThanOrEqual(32);
    expect(await page.locator('#key-metrics tbody tr').count()).toBe(11);
    // the shipped Russell data since 1987: 8 first cuts, a 95 % interval that straddles zero
    expect(await page.locator('#rate-cycle-call b').innerText()).toBe('no evidence either way');
    expect(await page.locator('#strategy-call b').innerText()).toMatch(/^(ahead|behind|not distinguishable)$/);
    expect(await page.locator('#events-table tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('#regimes-table tbody tr').count()).toBeGreaterThan(10);
    expect(await page.locator('#drawdowns-table tbody tr').count()).toBe(10);
    expect(await page.locator('#heatmap tbody tr').count()).toBe(2026 - 1987 + 1);
    expect(await page.locator('#annual-bars rect[data-src]').count()).toBe(3 * (2026 - 1987 + 1));
    expect(await page.locator('#annual-bars text').filter({ hasText: /%$/ }).count()).toBeGreaterThanOrEqual(4); // a real axis with ticks
    expect(await page.locator('#quantile-boxes g[data-src]').count()).toBe(9); // day, month, year × strategy and two buy-and-holds
    expect(await page.locator('#round-trip-stats tbody tr').count()).toBe(3);
    // the log axis is fitted to the data: its top is within 10 % of the highest value drawn
    const fit = await page.evaluate(() => {
      const c = (window as unknown as { __charts: (PlotLike & { scales: { y: { max: number } } })[] }).__charts.find((p) => p.__spec.id === 'equity')!;
      const max = Math.max(
        ...c.data
          .slice(1)
          .flat()
          .filter((v): v is number => v !== null),
      );
      return c.scales.y.max / max;
    });
    expect(fit).toBeGreaterThan(1);
    expect(fit).toBeLessThan(1.1);
    await shoot(page, 'run-report');
    await context.close();
  });

  it('a narrow screen scrolls tables inside their cards and breaks no word', async () => {
    const { page, errors, context } = await open(join(dir, 'a', 'report.html'), 390);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll('dd, p, h1, h2, li')].map((e) => getComputedStyle(e).wordBreak).filter((w) => w === 'break-all'),
    );
    expect(breaks).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'run-report-narrow.png'), fullPage: true });
    await context.close();
  });

  it('hover shows a readout in the legend', async () => {
    const { page, context } = await open(join(dir, 'a', 'report.html'));
    for (const id of ['equity', 'rolling-sharpe', 'rolling-beta']) {
      const over = page.locator(`#chart-${id} .u-over`);
      await over.scrollIntoViewIfNeeded();
      const box = (await over.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
      const text = await page.locator(`#chart-${id} .u-legend`).innerText();
      expect(text, id).toMatch(/\d{4}-\d\d-\d\d/);
      expect(text, id).toMatch(/-?\d+\.\d\d/);
    }
    await context.close();
  });

  it('the comparison page loads offline and draws every run', async () => {
    const { page, errors, blocked, context } = await open(join(dir, 'cmp', 'compare.html'));
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    const ink = await inkPerChart(page);
    expect(Object.keys(ink).sort()).toEqual(['chart-drawdown', 'chart-equity', 'chart-excess']);
    for (const n of Object.values(ink)) expect(n).toBeGreaterThan(2000);
    expect(await plotsMatchSpecs(page)).toBeGreaterThan(2000);
    expect(await page.locator('#compare-metrics tbody tr').count()).toBeGreaterThanOrEqual(32);
    // green "best" only on the Sharpe row, and only when the Ledoit & Wolf test separates the leader;
    // the other rows' leads are untested: a grey outline
    expect(await page.locator('#compare-metrics td.best').count()).toBeLessThanOrEqual(1);
    expect(await page.locator('#compare-metrics tr[data-metric="sharpe"] .sharpe-test').innerText()).toMatch(/^(best|not distinguishable from R\d), p /);
    expect(await page.locator('#compare-metrics td.lead-untested').count()).toBeGreaterThan(10);
    expect(await page.locator('#compare-sharpe-tests tbody tr').count()).toBe(1);
    expect(await page.locator('#scatter-vol g[data-src]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#scatter-dd g[data-src]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#compare-correlation tbody td').count()).toBe(2 * 3);
    expect(await page.locator('#cycle-bars rect[data-src]').count()).toBeGreaterThan(10);
    await shoot(page, 'compare-report');
    await context.close();
  });

  it('eight runs fit a laptop screen: the metrics table needs no horizontal scrolling and its first column stays put', async () => {
    const { page, errors, context } = await open(join(dir, 'cmp8', 'compare.html'), 1366);
    expect(errors).toEqual([]);
    const fit = await page.evaluate(() => {
      const t = document.querySelector('#compare-metrics') as HTMLElement;
      return { table: t.scrollWidth, wrap: (t.parentElement as HTMLElement).clientWidth, page: document.documentElement.scrollWidth };
    });
    expect(fit.table).toBeLessThanOrEqual(fit.wrap);
    expect(fit.page).toBeLessThanOrEqual(1366);
    expect(
      await page
        .locator('#compare-metrics td:first-child')
        .first()
        .evaluate((e) => getComputedStyle(e).position),
    ).toBe('sticky');
    expect(await page.locator('#compare-metrics thead th').count()).toBe(1 + 8 + 2);
    expect(await page.locator('#compare-legend tbody tr').count()).toBe(8);
    await shoot(page, 'compare-eight');
    await context.close();
  });

  it('the walk-forward page shows in-sample vs out-of-sample per window and the stitched equity', async () => {
    const { page, errors, blocked, context } = await open(join(dir, 'wf', 'walkforward.html'));
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    const ink = await inkPerChart(page);
    expect(Object.keys(ink)).toEqual(['chart-oos-equity']);
    expect(ink['chart-oos-equity']).toBeGreaterThan(2000);
    expect(await plotsMatchSpecs(page)).toBeGreaterThan(1000);
    const windows = await page.locator('#wf-table tbody tr').count();
    expect(windows).toBeGreaterThan(5);
    expect(await page.locator('#wf-windows rect[data-src]').count()).toBeGreaterThanOrEqual(2 * windows - 1);
    await shoot(page, 'walkforward');
    await context.close();
  });

  it('the sweep page shows the sensitivity per parameter and the distribution with the best marked', async () => {
    const { page, errors, blocked, context } = await open(join(dir, 'sw', 'sweep.html'));
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    const ink = await inkPerChart(page);
    expect(Object.keys(ink).sort()).toEqual(['chart-sens-0', 'chart-sweep-distribution']);
    for (const n of Object.values(ink)) expect(n).toBeGreaterThan(1000);
    expect(await page.locator('#sens-1 rect[data-src]').count()).toBe(4); // otherwise = large, cash; then small and large caps bought and held
    // buy-and-hold of small and large caps: flat lines on the numeric sensitivity chart, marks on the heat map's scale
    expect(await page.evaluate(() => (window as unknown as { __charts: PlotLike[] }).__charts.find((c) => c.__spec.id === 'sens-0')!.data.length)).toBe(4);
    expect(await page.locator('#sweep-heat-legend line').count()).toBe(2);
    expect(await plotsMatchSpecs(page)).toBeGreaterThan(20);
    await shoot(page, 'sweep');
    await context.close();
  });
});
