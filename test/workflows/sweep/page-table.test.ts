import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { finalizeSweep, runSweep, setAt, type SetSource } from '../../../engine/workflows/sweep/sweep.js';
import { parseGrid } from '../../../engine/workflows/sweep/grid.js';
import { randomSearch } from '../../../engine/workflows/sweep/random-search.js';
import { metricHistogram, sweepPageData } from '../../../engine/workflows/sweep/page-table.js';
import { returnHistogram } from '../../../engine/measure/analytics/return-histogram.js';
import { resultsHeader } from '../../../engine/formats/sweep-folder.js';
import type { SweepPageData } from '../../../engine/formats/sweep-folder.js';
import { renderSweep } from '../../../reports/sweep/render-sweep.js';
import { metricDistribution, pageDataOfRows } from '../../reports/sweep-page-of-rows.js';
import { makeMarket, weekdays } from '../../helpers/make-market.js';
import { defineStrategy } from '../../../engine/strategy/define.js';
import { DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/simulate.js';
import { mulberry32 } from '../../../engine/core/random.js';
import { csvCell } from '../../../engine/core/io/csv-writer.js';

const T = 500;
const market = makeMarket({
  dates: weekdays('2013-01-01', T),
  small: Array.from({ length: T }, (_, t) => 100 + Math.sin(t / 7) * 6 + t / 25),
  large: Array.from({ length: T }, (_, t) => 100 + Math.cos(t / 11) * 4 + t / 30),
});
// k and side decide the weights; mode only changes them for k > 8, so its cells tie for small k; k = 6 fails;
// flat holds cash only (a NaN Sharpe ratio: an empty metric cell without an error); tag is a text parameter
const strategy = defineStrategy({
  id: 'page',
  name: 'P',
  description: 'd',
  assets: ['small', 'large'],
  params: {
    k: { type: 'integer', default: 1, min: 1, max: 30, description: 'k' },
    side: { type: 'enum', values: ['large', 'cash', 'flat'], default: 'large', description: 'otherwise' },
    mode: { type: 'enum', values: ['a', 'b', '=c'], default: 'a', description: 'mode' },
    tag: { type: 'string', default: '', description: 'text' },
  },
  weights(view, p) {
    if (p.k === 6) throw new Error('six, "no"');
    const pr = view.price('small');
    const s = new Float64Array(view.length);
    const lag = p.k > 8 && p.mode !== 'a' ? p.k + 2 : p.k;
    if (p.side !== 'flat') for (let t = lag; t < view.length; t++) s[t] = pr[t] > pr[t - lag] ? 1 : 0;
    return { small: s, large: p.side === 'large' ? s.map((x) => 1 - x) : new Float64Array(view.length) };
  },
});
const paramNames = Object.keys(strategy.params);
const sim = { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear };

/**
 * The page's data from results.csv read back whole, row by row (as the renderer computed it before), and from what the sweep
 * kept (sweepPageData, one pass over the rows): they must be equal, and so must the pages.
 */
async function bothPages(source: SetSource, axes: string[], opts: { metric?: string; shard?: { index: number; count: number }; tag?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-page-'));
  const base = { k: 1, side: 'large', mode: 'a', tag: opts.tag ?? '' };
  const s = await runSweep({
    strategy: strategy as never,
    strategyRef: 'page',
    base,
    source,
    market,
    sim,
    benchmark: 'large',
    workers: 0,
    batch: 5,
    top: 0,
    metric: opts.metric,
    shard: opts.shard,
    out: join(dir, 's'),
  });
  const folder = finalizeSweep(s);
  const metric = opts.metric ?? 'sharpe';
  const [header, ...rows] = parse(readFileSync(join(folder, 'results.csv'), 'utf8'), { relax_column_count: true }) as string[][];
  const shard = opts.shard ?? { index: 0, count: 1 };
  const x = axes[0],
    y = axes[1] ?? axes[0];
  const data = sweepPageData({
    header: resultsHeader(paramNames),
    paramNames,
    x,
    y,
    values: s.values,
    indexOf: (r) => shard.index + r * shard.count,
    paramsOf: (i) => setAt(source, i, base),
    best: s.best,
  });
  const page = (d: SweepPageData) =>
    renderSweep({
      title: 'Sweep',
      data: d,
      metric,
      buyHold: [{ label: 'small caps buy-and-hold', short: 'small B&H', value: 0.2, src: 'x' }],
      summary: { sets: s.total, errors: s.errors, trials: s.trials, deflatedSharpe: s.deflatedSharpe, best: s.best, dsr: s.dsr, pbo: s.pbo },
      top: [],
    });
  const full = pageDataOfRows({ header, rows }, { paramNames, metric, x, y, best: s.best });
  return {
    full: page(full),
    fromRun: page(data),
    fullData: full,
    data,
    distribution: metricDistribution({ header, rows }, metric),
    rows: rows.length,
    errors: s.errors,
  };
}

const grid = (...axes: string[]): SetSource => ({ kind: 'grid', grid: parseGrid(axes, strategy.params, 'page') });

describe('the sweep page from what the sweep kept (no results.csv read back)', () => {
  it('a grid with failed sets, empty metrics, ties and a text value needing the formula guard: the same page and distribution', async () => {
    const p = await bothPages(grid('k=1:12:1', 'side=large,cash,flat', 'mode=a,b,=c'), ['k', 'side']);
    expect(p.errors).toBe(9);
    expect(p.data).toEqual(p.fullData);
    expect(p.fromRun).toBe(p.full);
    expect(p.data.distribution).toEqual(p.distribution);
    expect(p.data.sensitivity.map((s) => [s.param, s.mode])).toEqual([
      ['k', 'others at best'],
      ['side', 'others at best'],
      ['mode', 'others at best'],
    ]);
  });

  it('one axis, another metric, a shard, and a text parameter with commas and quotes', async () => {
    for (const [source, axes, opts] of [
      [grid('k=1:20:1'), ['k'], { metric: 'max_drawdown' }],
      [grid('k=1:12:1', 'side=large,cash', 'mode=a,b'), ['mode', 'k'], { shard: { index: 1, count: 3 }, tag: 'a, "b"' }],
      [grid('side=large,cash,flat', 'mode=a,b,=c'), ['side', 'mode'], {}],
      // a one-valued parameter of the best set whose text results.csv guards ('=t): the slices leave it out (a second pass)
      [grid('k=1:12:1', 'side=large,cash'), ['k', 'side'], { tag: '=t' }],
    ] as const) {
      const p = await bothPages(source, [...axes], opts);
      expect(p.data).toEqual(p.fullData);
      expect(p.fromRun).toBe(p.full);
      expect(p.data.distribution).toEqual(p.distribution);
    }
  });

  it('a random search (profiles where no other row matches the best set)', async () => {
    const source = randomSearch(strategy.params, ['k', 'side', 'mode'], 40, 9, 'page');
    const p = await bothPages(source, ['k', 'side', 'mode']);
    expect(p.rows).toBe(40);
    expect(p.data).toEqual(p.fullData);
    expect(p.fromRun).toBe(p.full);
  });
});

describe('the sweep page from kept values: random tables', () => {
  const read = (v: unknown) => {
    const c = csvCell(v as never);
    return c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c;
  };
  it('draws the page of the whole table for random metrics (ties, gaps) over grids and random searches', () => {
    const rnd = mulberry32(11);
    for (let trial = 0; trial < 400; trial++) {
      const gaps = 0.1 + (trial % 5) / 10;
      const sizes = [1 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 3)];
      const axes = [
        { name: 'k', values: Array.from({ length: sizes[0] }, (_, i) => i + 1) },
        { name: 'side', values: ['large', 'cash', 'flat'].slice(0, sizes[1]) },
        { name: 'mode', values: ['a', '=c', 'b, "q"'].slice(0, sizes[2]) },
        // a parameter whose name results.csv guards as '@w: the page finds no column for it, so its slices hold several rows per value
        { name: '@w', values: trial % 2 ? [0, 1] : [0] },
      ];
      const source: SetSource =
        trial % 3 === 2
          ? { ...randomSearch(strategy.params, ['k', 'side', 'mode'], 30, trial, 'page'), samples: 30 }
          : { kind: 'grid', grid: { axes, size: axes.reduce((m, a) => m * a.values.length, 1) } };
      const base = { k: 1, side: 'large', mode: 'a', tag: trial % 7 === 3 ? '=t' : ' t ', '@w': 0 };
      const paramNames = [...Object.keys(strategy.params), '@w'];
      const n = source.kind === 'grid' ? source.grid.size : 30;
      // values on a coarse scale (ties, −0), some missing (failed or not finite)
      const values = Float64Array.from({ length: n }, () => (rnd() < gaps ? NaN : Math.round(rnd() * 8) / 4 - 0.5 || (trial % 2 ? -0 : 0)));
      let best: { index: number; params: Record<string, unknown>; value: number } | undefined;
      values.forEach((v, i) => {
        if (Number.isFinite(v) && (!best || v > best.value)) best = { index: i, params: setAt(source, i, base), value: v };
      });
      const header = resultsHeader(paramNames).map(read);
      const mi = header.indexOf('sharpe');
      const rows = Array.from(values, (v, i) => {
        const params = setAt(source, i, base);
        const r = header.map(() => '');
        r[0] = String(i);
        for (const p of paramNames) if (header.indexOf(p) >= 0) r[header.indexOf(p)] = read(params[p]);
        r[mi] = Number.isFinite(v) ? String(v) : '';
        return r;
      });
      // the heat map's axes: parameters with a column, and now and then '@w', which has none (one value on the page)
      const x = trial % 2 ? 'side' : 'k',
        y = trial % 4 === 1 ? 'side' : trial % 8 === 6 ? '@w' : 'mode';
      const data = sweepPageData({
        header: resultsHeader(paramNames),
        paramNames,
        x,
        y,
        values,
        indexOf: (r) => r,
        paramsOf: (i) => setAt(source, i, base),
        best,
      });
      const full = pageDataOfRows({ header, rows }, { paramNames, metric: 'sharpe', x, y, best });
      expect(data).toEqual(full);
      const page = (d: SweepPageData) =>
        renderSweep({ title: 'Sweep', data: d, metric: 'sharpe', summary: { sets: n, errors: 0, trials: n, deflatedSharpe: 0.5, best }, top: [] });
      expect(page(data)).toBe(page(full));
    }
  });
});

describe('metricHistogram', () => {
  it('gives the bins and counts of returnHistogram with 12 to 40 bins', () => {
    const rnd = mulberry32(5);
    const cases: number[][] = [[], [NaN, NaN], [0.3], [1, 1, 1, 1], [-0, 0, 0.5], [1e-9, 2e-9, 3e-9, NaN, Infinity]];
    for (let k = 0; k < 200; k++) {
      const n = Math.floor(rnd() * 3000);
      const scale = 10 ** Math.floor(rnd() * 8 - 4);
      const skew = rnd() < 0.3;
      cases.push(Array.from({ length: n }, () => (rnd() < 0.05 ? NaN : (skew ? (rnd() - 0.2) ** 5 : rnd() + rnd() - 1) * scale)));
    }
    for (const values of cases) {
      const h = returnHistogram([{ name: 'm', values }], { maxBins: 40, minBins: 12 });
      const m = metricHistogram(Float64Array.from(values));
      expect(m.edges).toEqual(h.edges);
      expect(m.counts).toEqual(h.series[0].counts);
    }
  });
});
