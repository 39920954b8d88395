import { isoDay } from '../../core/dates.js';
import { displayPath } from '../../market/data/load-series.js';
import { metricsJson } from '../../formats/run-folder.js';
import type { Metrics } from '../../measure/metrics/compute-metrics.js';
import { metricKey } from '../../measure/metrics/metric-names.js';
import type { WalkForwardFolderResult } from '../../workflows/sweep/walk-forward-to-folder.js';
import { num, pct } from '../format.js';
import { textTable } from '../table.js';

/** What a walk-forward's summary names besides its result: the folder, the ranking metric, the grid's parameters and the universe's small- and large-cap assets. */
export interface WalkForwardPrintOptions {
  out: string;
  metric: string;
  params: string[];
  small: string;
  large: string;
}

/** The walk-forward as `walkforward --json` prints it: the folder, the data warnings, the metric, the out-of-sample metrics beside buy-and-hold, and every window. */
export function walkForwardJson(res: WalkForwardFolderResult, o: Pick<WalkForwardPrintOptions, 'out' | 'metric'>, warnings: readonly string[]): object {
  const windows = res.windows.map((w) => ({
    trainFrom: isoDay(w.trainFrom),
    trainTo: isoDay(w.trainTo),
    testFrom: isoDay(w.testFrom),
    testTo: isoDay(w.testTo),
    params: w.params,
    inSample: w.inSample,
    outOfSample: w.outOfSample,
    testReturn: w.testReturn,
    failed: w.failed,
  }));
  return {
    out: displayPath(o.out),
    warnings,
    metric: o.metric,
    inSampleMean: res.inSampleMean,
    outOfSample: metricsJson(res.outOfSample),
    buyHold: Object.fromEntries(Object.entries(res.buyHold).map(([a, m]) => [a, metricsJson(m)])),
    windows,
  };
}

/**
 * The walk-forward as terminal text: a table of the test windows (parameters chosen, in- and
 * out-of-sample metric, test return), the in-sample mean against the stitched out-of-sample
 * metric, the strategy beside buying and holding small and large caps over exactly the same
 * out-of-sample bars, and the folder written.
 */
export function walkForwardLines(res: WalkForwardFolderResult, o: WalkForwardPrintOptions): string[] {
  const { params, metric } = o;
  const windows = textTable(
    ['test window', ...params, 'in-sample', 'out-of-sample', 'test return'],
    res.windows.map((w) => [
      `${isoDay(w.testFrom)}..${isoDay(w.testTo)}`,
      ...params.map((p) => String(w.params[p])),
      num(w.inSample),
      num(w.outOfSample),
      pct(w.testReturn),
    ]),
  );
  const m = res.outOfSample;
  const line = (label: string, x: Metrics) => [label, pct(x.cagr), num(x.sharpe), pct(x.maxDrawdown)];
  const bars = res.dates.length;
  return [
    windows,
    `\n${metric}: in-sample mean ${num(res.inSampleMean)} vs stitched out-of-sample ${num(m[metricKey(metric) as 'sharpe'] as number)}; out-of-sample CAGR ${pct(m.cagr)}, max drawdown ${pct(m.maxDrawdown)}`,
    `\nout of sample, ${isoDay(res.dates[0])} to ${isoDay(res.dates[bars - 1])} (${bars.toLocaleString('en-US')} bars, the same for every row):`,
    textTable(
      ['', 'CAGR', 'Sharpe', 'max drawdown'],
      [
        line('walk-forward (stitched)', m),
        line(`small caps (${o.small}) buy-and-hold`, res.buyHold[o.small]),
        line(`large caps (${o.large}) buy-and-hold`, res.buyHold[o.large]),
      ],
    ),
    `wrote ${displayPath(o.out)} (walkforward.html, walkforward.csv, oos-equity.csv, walkforward.json)`,
  ];
}
