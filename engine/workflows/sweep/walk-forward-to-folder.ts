import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDay } from '../../core/dates.js';
import { writeDirAtomically } from '../../core/io/atomic-dir.js';
import { toCsv } from '../../core/io/csv-writer.js';
import { metricsJson } from '../../formats/run-folder.js';
import { computeMetrics, type Metrics } from '../../measure/metrics/compute-metrics.js';
import { equityCurve } from '../../core/equity-curve.js';
import { DEFAULT_METRIC } from '../../measure/metrics/metric-names.js';
import { writeWalkForwardPage } from '../../../reports/walkforward/render-walkforward.js';
import { walkForward, type WalkForwardOptions, type WalkForwardResult } from './walk-forward.js';

/** Inputs of {@link walkForwardToFolder}: the walk-forward's options, the folder, and how the windows were given (for walkforward.json). */
export interface WalkForwardFolderInput extends WalkForwardOptions {
  out: string;
  /** Replace an existing folder that ratecycle wrote (default false). */
  force?: boolean;
  described?: { grid?: readonly string[]; train?: string; test?: string };
}

/** What {@link walkForwardToFolder} returns: the walk-forward and buy-and-hold of each asset over its out-of-sample bars. */
export interface WalkForwardFolderResult extends WalkForwardResult {
  /** Metrics of buying and holding each asset of the universe over exactly the stitched out-of-sample bars (walkforward.json `buyHold`). */
  buyHold: Record<string, Metrics>;
}

/**
 * Buying and holding each asset over the walk-forward's stitched out-of-sample bars: per-bar
 * returns (0 on the first bar, as the stitched equity starts there), held throughout.
 */
function buyHoldOverBars(market: WalkForwardOptions['market'], dates: Int32Array) {
  const at = new Map(Array.from(market.dates, (d, i) => [d, i]));
  const idx = Array.from(dates, (d) => at.get(d)!);
  const returns = market.assets.map((a) => Float64Array.from(idx, (i, t) => (t === 0 ? 0 : market.returns[a][i])));
  const cash = Float64Array.from(idx, (i) => market.cash[i]);
  const metrics = Object.fromEntries(
    market.assets.map((a, k) => [a, computeMetrics({ dates, returns: returns[k], cash, periodsPerYear: market.periodsPerYear })]),
  );
  return { returns, metrics };
}

/**
 * The `walkforward` workflow: chooses parameters on each training window and runs them on the
 * next test window (see walkForward), then writes walkforward.csv (the windows), oos-equity.csv
 * (the stitched out-of-sample equity beside buy-and-hold of each asset over the same bars),
 * walkforward.json and walkforward.html atomically. Returns the walk-forward's result with the
 * buy-and-hold metrics over the same out-of-sample bars.
 *
 * @example const res = await walkForwardToFolder({ strategy, market, sim, grid, base: {}, trainMonths: 120, testMonths: 24, out: 'out/wf' });
 */
export async function walkForwardToFolder(input: WalkForwardFolderInput): Promise<WalkForwardFolderResult> {
  const res = walkForward(input);
  // buy-and-hold of each asset over the same stitched bars (held throughout), for the page and the terminal
  const market = input.market;
  const hold = buyHoldOverBars(market, res.dates);
  const metric = input.metric ?? DEFAULT_METRIC;
  const paramNames = input.grid.axes.map((a) => a.name);
  await writeDirAtomically(input.out, input.force ?? false, (tmp) => {
    writeFileSync(
      join(tmp, 'walkforward.csv'),
      toCsv(
        ['train_from', 'train_to', 'test_from', 'test_to', ...paramNames, `in_sample_${metric}`, `out_of_sample_${metric}`, 'test_return', 'failed_sets'],
        res.windows.map((w) => [
          isoDay(w.trainFrom),
          isoDay(w.trainTo),
          isoDay(w.testFrom),
          isoDay(w.testTo),
          ...paramNames.map((p) => w.params[p] as string),
          w.inSample,
          w.outOfSample,
          w.testReturn,
          w.failed,
        ]),
      ),
    );
    const holdEquity = hold.returns.map((r) => equityCurve(r));
    // the out-of-sample returns' first is 0 (each test window starts in cash), so the curve starts at 1
    const oosEquity = equityCurve(res.returns);
    writeFileSync(
      join(tmp, 'oos-equity.csv'),
      toCsv(
        ['date', 'equity', 'return', ...market.assets],
        Array.from(res.dates, (d, t) => [isoDay(d), oosEquity[t], res.returns[t], ...holdEquity.map((h) => h[t])]),
      ),
    );
    const buyHold = Object.fromEntries(market.assets.map((a) => [a, metricsJson(hold.metrics[a])]));
    writeFileSync(
      join(tmp, 'walkforward.json'),
      JSON.stringify(
        {
          strategy: input.strategy.id,
          grid: input.described?.grid,
          train: input.described?.train,
          test: input.described?.test,
          anchored: input.anchored ?? false,
          metric: metric,
          inSampleMean: res.inSampleMean,
          outOfSample: metricsJson(res.outOfSample),
          buyHold,
        },
        null,
        2,
      ) + '\n',
    );
    writeWalkForwardPage(tmp);
  });
  return { ...res, buyHold: hold.metrics };
}
