import { refuseExistingOutput } from '../../core/io/atomic-dir.js';
import type { Argv } from 'yargs';
import { defaultOutDir } from '../out-dir.js';
import { availableParallelism } from 'node:os';
import { displayPath } from '../../market/data/load-series.js';
import { parseShard } from '../../workflows/sweep/grid.js';
import { setCount, type SetSource } from '../../workflows/sweep/sweep.js';
import { sweepToFolder, type SweepFolderInput } from '../../workflows/sweep/sweep-to-folder.js';
import { runOptions, setupRun, type RunArgs, type RunSetup } from '../run-setup.js';
import { assetUnits } from '../../market/data/catalog.js';
import { checkSweepOptions, confirmSweepSize } from '../sweep-options.js';
import { setSource } from '../sweep-source.js';
import { sweepProgress } from '../sweep-progress.js';
import { stopOnInterrupt } from '../interrupt.js';
import { sweepInterruptedLine, sweepSummaryJson, sweepSummaryLines } from '../print/sweep-summary.js';
import { textWidth } from '../format.js';
import { DEFAULT_METRIC } from '../../measure/metrics/metric-names.js';

interface SweepArgs extends RunArgs {
  json?: boolean;
  grid?: string[];
  samples?: number;
  seed?: number;
  metric?: string;
  top?: number;
  workers?: number;
  out?: string;
  shard?: string;
  resume?: boolean;
  force?: boolean;
  batch?: number;
  benchmark?: string;
  taskTimeout?: number;
  yes?: boolean;
}

/** `ratecycle sweep`. */
export function sweepCommand(y: Argv): Argv {
  return runOptions(y)
    .option('grid', { type: 'string', array: true, describe: 'name=a:b:step (inclusive range) or name=v1,v2 (repeatable)' })
    .option('samples', { type: 'number', describe: 'random search: number of distinct sets drawn without replacement from the param specs instead of a grid' })
    .option('seed', { type: 'number', default: 1, describe: 'seed of the random search' })
    .option('metric', { type: 'string', default: DEFAULT_METRIC, describe: 'ranking metric (higher is better): sharpe, cagr, sortino, calmar, …' })
    .option('top', { type: 'number', default: 3, describe: 'write full run folders (with report.html) for the N best sets' })
    .option('workers', {
      type: 'number',
      describe:
        'worker threads (0 = this thread; default: this thread, then beside it workers on the idle cores once the rest of the sweep would take over 2 s; a strategy file always runs on worker threads)',
    })
    .option('batch', { type: 'number', default: 64, describe: 'parameter sets per task' })
    .option('shard', { type: 'string', describe: 'run only slice i of n of the sets, e.g. 2/8 (merge with `ratecycle merge`)' })
    .option('resume', { type: 'boolean', default: false, describe: 'finish an interrupted sweep in <out>.partial without redoing finished sets' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder written by ratecycle' })
    .option('benchmark', { choices: ['small', 'large'], default: 'large', describe: 'benchmark for beta' })
    .option('task-timeout', {
      type: 'number',
      describe: 'seconds a worker task may run before it is cancelled and retried (default 600; needs worker threads)',
    })
    .option('out', { type: 'string', describe: 'output folder (default out/sweep-<strategy>-<timestamp>)' })
    .option('yes', { type: 'boolean', default: false, describe: 'run a sweep of more than 10 million sets' })
    .option('json', { type: 'boolean', default: false, describe: 'print the summary (best set, deflated Sharpe ratio, PBO) as JSON' })
    .example('$0 sweep first-cut-rotation --grid months=1:36:1 --grid otherwise=large,cash', '72 sets on the daily Russell/S&P universe')
    .example('$0 sweep ism-cycle --samples 500 --seed 7 --metric sortino', 'random search')
    .example('$0 sweep first-cut-rotation --grid months=1:36:1 --shard 1/4 --out out/s1', 'one of four shards') as Argv;
}

/** The sweep workflow's input from the command's options, the run setup and the sets to run. */
function sweepInput(args: SweepArgs, setup: RunSetup, source: SetSource): SweepFolderInput {
  const { strategy, market, catalog } = setup;
  return {
    strategy,
    strategyRef: setup.strategyFile ?? strategy.id,
    strategyFile: setup.strategyFile,
    base: setup.params,
    source,
    sourceText: args.grid,
    market,
    sim: setup.sim,
    benchmark: (args.benchmark as 'small' | 'large') ?? 'large',
    out: args.out ?? defaultOutDir(`sweep-${strategy.id}`),
    shard: args.shard ? parseShard(args.shard) : undefined,
    shardText: args.shard,
    workers: args.workers ?? 'auto',
    batch: args.batch,
    resume: args.resume,
    force: args.force,
    metric: args.metric,
    taskTimeoutMs: (args.taskTimeout ?? 600) * 1000,
    top: args.top,
    dataDir: displayPath(catalog.dir),
    units: assetUnits(catalog, market),
  };
}

/** Handler: runs the sweep with a progress bar, then writes sweep.json, sweep.html and the top runs. */
export async function sweepHandler(args: SweepArgs): Promise<void> {
  // an --out that cannot be written is refused before any work
  if (args.out !== undefined) refuseExistingOutput(args.out, args.force);
  checkSweepOptions(args);
  let source: SetSource | undefined;
  const setup = await setupRun(args, { checkArgs: (s) => (source = setSource(args, s)) });
  if (!source) throw new Error('the sweep has no sets'); // checkArgs always sets it
  const sets = Math.ceil(setCount(source) / (args.shard ? parseShard(args.shard).count : 1));
  confirmSweepSize(sets, setup.market.dates.length, args.workers ?? availableParallelism(), args.yes);
  const input = sweepInput(args, setup, source);
  const { signal, release } = stopOnInterrupt();
  const progress = await sweepProgress();
  let result;
  try {
    result = await sweepToFolder({ ...input, onProgress: progress.onProgress, signal });
  } finally {
    progress.stop();
    release();
  }
  const print = { metric: args.metric ?? DEFAULT_METRIC, benchmark: args.benchmark ?? 'large', seconds: progress.seconds() };
  if (!result.dir) {
    console.log(sweepInterruptedLine(result.summary));
    process.exitCode = 130;
  } else if (args.json) {
    const stats = { nowMs: performance.now(), maxRssKb: process.resourceUsage().maxRSS };
    console.log(JSON.stringify(sweepSummaryJson(result, result.dir, print, stats), null, 2));
  } else console.log(sweepSummaryLines(result, result.dir, print, textWidth()).join('\n'));
}
