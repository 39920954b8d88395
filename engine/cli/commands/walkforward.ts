import { refuseExistingOutput } from '../../core/io/atomic-dir.js';
import type { Argv } from 'yargs';
import { defaultOutDir } from '../out-dir.js';
import { type Grid, parseGrid } from '../../workflows/sweep/grid.js';
import { parseDuration } from '../../workflows/sweep/walk-forward.js';
import { walkForwardToFolder } from '../../workflows/sweep/walk-forward-to-folder.js';
import { UserError } from '../../core/errors.js';
import { runOptions, setupRun, type RunArgs } from '../run-setup.js';
import { DEFAULT_METRIC } from '../../measure/metrics/metric-names.js';
import { walkForwardJson, walkForwardLines } from '../print/walkforward-summary.js';

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
  const { strategy, market } = setup;
  if (!grid) throw new Error('no grid'); // checkArgs always sets it
  const out = args.out ?? defaultOutDir(`walkforward-${strategy.id}`);
  const res = await walkForwardToFolder({
    strategy,
    market,
    sim: setup.sim,
    grid,
    base: setup.params,
    trainMonths,
    testMonths,
    anchored: args.anchored,
    metric: args.metric,
    out,
    force: args.force,
    described: { grid: args.grid, train: args.train, test: args.test },
  });
  const metric = args.metric ?? DEFAULT_METRIC;
  if (args.json) console.log(JSON.stringify(walkForwardJson(res, { out, metric }, market.warnings), null, 2));
  else console.log(walkForwardLines(res, { out, metric, params: grid.axes.map((a) => a.name), small: market.small, large: market.large }).join('\n'));
}
