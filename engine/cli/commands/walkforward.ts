import { refuseExistingOutput } from '../../core/io/atomic-dir.js';
import type { Argv } from 'yargs';
import { defaultOutDir } from '../out-dir.js';
import { isoDay } from '../../core/dates.js';
import { displayPath } from '../../market/data/load-series.js';
import { type Grid, parseGrid } from '../../workflows/sweep/grid.js';
import { parseDuration } from '../../workflows/sweep/walk-forward.js';
import { walkForwardToFolder } from '../../workflows/sweep/walk-forward-to-folder.js';
import { UserError } from '../../core/errors.js';
import { metricsJson } from '../../formats/run-folder.js';
import type { Metrics } from '../../measure/metrics/compute-metrics.js';
import { parseParams } from '../../strategy/params.js';
import { runOptions, setupRun, type RunArgs } from '../run-setup.js';
import { textTable } from '../table.js';
import { num, pct } from '../format.js';
import { DEFAULT_METRIC, metricKey } from '../../measure/metrics/metric-names.js';

interface WalkArgs extends RunArgs {
  grid?: string[];
  train: string;
  test: string;
  anchored?: boolean;
  metric?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

/** `ratecycle walkforward`. */
export function walkforwardCommand(y: Argv): Argv {
  return runOptions(y)
    .option('grid', { type: 'string', array: true, describe: 'name=a:b:step or name=v1,v2 (repeatable)' })
    .option('train', { type: 'string', default: '10y', describe: 'training window, e.g. 10y or 18m' })
    .option('test', { type: 'string', default: '2y', describe: 'test window (and step), e.g. 2y' })
    .option('anchored', { type: 'boolean', default: false, describe: 'expanding training windows from the first bar' })
    .option('metric', { type: 'string', default: DEFAULT_METRIC, describe: 'metric to choose parameters by' })
    .option('out', { type: 'string', describe: 'output folder (default out/walkforward-<strategy>-<timestamp>)' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder written by ratecycle' })
    .option('json', { type: 'boolean', default: false, describe: 'print the windows and out-of-sample metrics as JSON' })
    .example('$0 walkforward first-cut-rotation --grid months=3:24:3 --train 10y --test 2y', 'rolling 10-year training, 2-year tests')
    .example(
      '$0 walkforward ism-cycle --grid level=45:55:1 --train 15y --test 3y --anchored --universe ff',
      'expanding windows on the monthly universe',
    ) as Argv;
}

/** Handler: runs the walk-forward and writes walkforward.html, walkforward.csv, oos-equity.csv and walkforward.json. */
export async function walkforwardHandler(args: WalkArgs): Promise<void> {
  // an --out that cannot be written is refused before any work
  if (args.out !== undefined) refuseExistingOutput(args.out, args.force);
  // argument errors before any data is read
  const trainMonths = parseDuration(args.train, 'train');
  const testMonths = parseDuration(args.test, 'test');
  let grid: Grid | undefined;
  const setup = await setupRun(args, {
    checkArgs: (s) => {
      if (!args.grid?.length) throw new UserError('name the parameters to choose with --grid name=a:b:step');
      grid = parseGrid(args.grid, s.params, s.id);
    },
  });
  const { strategy } = setup;
  if (!grid) throw new Error('no grid'); // checkArgs always sets it
  const base = parseParams(strategy.params, args.param ?? [], strategy.id) as Record<string, unknown>;
  const out = args.out ?? defaultOutDir(`walkforward-${strategy.id}`);
  const res = await walkForwardToFolder({
    strategy,
    market: setup.market,
    sim: setup.sim,
    grid,
    base,
    trainMonths,
    testMonths,
    anchored: args.anchored,
    metric: args.metric,
    out,
    force: args.force,
    described: { grid: args.grid, train: args.train, test: args.test },
  });
  const paramNames = grid.axes.map((a) => a.name);
  if (args.json) {
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
    console.log(
      JSON.stringify(
        {
          out: displayPath(out),
          warnings: setup.market.warnings,
          metric: args.metric ?? DEFAULT_METRIC,
          inSampleMean: res.inSampleMean,
          outOfSample: metricsJson(res.outOfSample),
          buyHold: Object.fromEntries(Object.entries(res.buyHold).map(([a, m]) => [a, metricsJson(m)])),
          windows,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(
    textTable(
      ['test window', ...paramNames, 'in-sample', 'out-of-sample', 'test return'],
      res.windows.map((w) => [
        `${isoDay(w.testFrom)}..${isoDay(w.testTo)}`,
        ...paramNames.map((p) => String(w.params[p])),
        num(w.inSample),
        num(w.outOfSample),
        pct(w.testReturn),
      ]),
    ),
  );
  const m = res.outOfSample;
  console.log(
    `\n${args.metric ?? DEFAULT_METRIC}: in-sample mean ${num(res.inSampleMean)} vs stitched out-of-sample ${num(m[metricKey(args.metric ?? DEFAULT_METRIC) as 'sharpe'] as number)}; out-of-sample CAGR ${pct(m.cagr)}, max drawdown ${pct(m.maxDrawdown)}`,
  );
  // the strategy beside buying and holding small and large caps over exactly the same out-of-sample bars
  const mk = setup.market;
  const line = (label: string, x: Metrics) => [label, pct(x.cagr), num(x.sharpe), pct(x.maxDrawdown)];
  console.log(
    `\nout of sample, ${isoDay(res.dates[0])} to ${isoDay(res.dates[res.dates.length - 1])} (${res.dates.length.toLocaleString('en-US')} bars, the same for every row):`,
  );
  console.log(
    textTable(
      ['', 'CAGR', 'Sharpe', 'max drawdown'],
      [
        line('walk-forward (stitched)', m),
        line(`small caps (${mk.small}) buy-and-hold`, res.buyHold[mk.small]),
        line(`large caps (${mk.large}) buy-and-hold`, res.buyHold[mk.large]),
      ],
    ),
  );
  console.log(`wrote ${displayPath(out)} (walkforward.html, walkforward.csv, oos-equity.csv, walkforward.json)`);
}
