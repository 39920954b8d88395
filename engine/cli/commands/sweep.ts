import { refuseExistingOutput } from '../../core/io/atomic-dir.js';
import type { Argv } from 'yargs';
import { defaultOutDir } from '../out-dir.js';
import { availableParallelism } from 'node:os';
import { UserError } from '../../core/errors.js';
import { displayPath } from '../../market/data/load-series.js';
import { describeAsset } from '../../market/data/catalog.js';
import { parseGrid, parseShard } from '../../workflows/sweep/grid.js';
import { randomSearch } from '../../workflows/sweep/random-search.js';
import { setCount, type SetSource } from '../../workflows/sweep/sweep.js';
import { sweepToFolder } from '../../workflows/sweep/sweep-to-folder.js';
import { parseParams } from '../../strategy/params.js';
import type { Strategy } from '../../strategy/define.js';
import { runOptions, setupRun, type RunArgs } from '../run-setup.js';
import { checkSweepOptions, confirmSweepSize } from '../sweep-options.js';
import { withUnknownEta } from '../progress-time.js';
import { num, pct, textWidth, wrapText } from '../format.js';
import { DEFAULT_METRIC, metricColumn } from '../../measure/metrics/metric-names.js';
import { dsrVsBenchmarkWords, dsrVsCashWords, pboWords } from '../../../reports/sweep/sweep-words.js';

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

/** The sets to run: a random search (`--samples`) or a grid (`--grid`), checked against the strategy's parameters. */
function setSource(args: SweepArgs, strategy: Strategy): SetSource {
  if (args.samples !== undefined) {
    if (!(Number.isInteger(args.samples) && args.samples > 0)) throw new UserError(`--samples must be a whole number > 0 (got ${args.samples})`);
    if (args.grid?.length) throw new UserError('give either --grid or --samples, not both');
    const names = Object.entries(strategy.params)
      .filter(([, s]) => s.type !== 'string')
      .map(([k]) => k)
      .filter((k) => !(args.param ?? []).some((p) => p.startsWith(`${k}=`)));
    const source = randomSearch(strategy.params, names, args.samples, args.seed ?? 1, strategy.id);
    if (source.samples < args.samples)
      process.stderr.write(
        `warning: --samples ${args.samples} exceeds the ${source.space.toLocaleString('en-US')} distinct sets of ${names.join(', ')}; running each once\n`,
      );
    return source;
  }
  if (!args.grid?.length) throw new UserError('name the parameters to sweep with --grid name=a:b:step (or use --samples N)');
  return { kind: 'grid', grid: parseGrid(args.grid, strategy.params, strategy.id) };
}

/** Handler: runs the sweep with a progress bar, then writes sweep.json, sweep.html and the top runs. */
export async function sweepHandler(args: SweepArgs): Promise<void> {
  // an --out that cannot be written is refused before any work
  if (args.out !== undefined) refuseExistingOutput(args.out, args.force);
  checkSweepOptions(args);
  let source: SetSource | undefined;
  const setup = await setupRun(args, { checkArgs: (s) => (source = setSource(args, s)) });
  const { strategy } = setup;
  const base = parseParams(strategy.params, args.param ?? [], strategy.id) as Record<string, unknown>;
  if (!source) throw new Error('the sweep has no sets'); // checkArgs always sets it
  confirmSweepSize(
    Math.ceil(setCount(source) / (args.shard ? parseShard(args.shard).count : 1)),
    setup.market.dates.length,
    args.workers ?? availableParallelism(),
    args.yes,
  );
  const out = args.out ?? defaultOutDir(`sweep-${strategy.id}`);
  const shard = args.shard ? parseShard(args.shard) : undefined;
  const workers = args.workers ?? 'auto';

  const signal = { stopped: false };
  const onSigint = () => {
    if (signal.stopped) process.exit(130);
    signal.stopped = true;
    process.stderr.write('\nstopping after the tasks in flight (Ctrl-C again to abort)…\n');
  };
  process.on('SIGINT', onSigint);
  const tty = Boolean(process.stderr.isTTY);
  const { default: cliProgress } = await import('cli-progress');
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: 'sweep [{bar}] {percentage}% | {value}/{total} sets | ETA {eta_formatted} | {rate} sets/s',
          formatTime: withUnknownEta(cliProgress.Format.TimeFormat),
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const started = Date.now();
  let lastPrinted = -1;
  let barStarted = false;
  const onProgress = (done: number, total: number) => {
    const rate = (done / Math.max(1e-3, (Date.now() - started) / 1000)).toFixed(0);
    if (bar) {
      if (!barStarted) bar.start(total, done, { rate });
      barStarted = true;
      bar.update(done, { rate });
    } else {
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastPrinted && done > 0) {
        lastPrinted = decile;
        process.stderr.write(`sweep: ${done}/${total} sets (${Math.round((done / total) * 100)}%), ${rate} sets/s\n`);
      }
    }
  };
  const units = Object.fromEntries(setup.market.assets.map((a) => [a, describeAsset(setup.catalog, a)]));
  let result;
  try {
    result = await sweepToFolder({
      strategy,
      strategyRef: setup.strategyFile ?? strategy.id,
      strategyFile: setup.strategyFile,
      base,
      source,
      sourceText: args.grid,
      market: setup.market,
      sim: setup.sim,
      benchmark: (args.benchmark as 'small' | 'large') ?? 'large',
      out,
      shard,
      shardText: args.shard,
      workers,
      batch: args.batch,
      resume: args.resume,
      force: args.force,
      metric: args.metric,
      onProgress,
      signal,
      taskTimeoutMs: (args.taskTimeout ?? 600) * 1000,
      top: args.top,
      dataDir: displayPath(setup.catalog.dir),
      units,
    });
  } finally {
    bar?.stop();
    process.off('SIGINT', onSigint);
  }
  const { summary } = result;
  const seconds = (Date.now() - started) / 1000;
  if (!result.dir) {
    console.log(
      `interrupted: ${summary.done} of ${summary.total} sets are in ${displayPath(summary.partial)}/results.csv; finish with the same command and --resume`,
    );
    process.exitCode = 130;
    return;
  }
  const final = result.dir;
  const best = summary.best
    ? Object.entries(summary.best.params)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ')
    : 'none';
  if (args.json) {
    const { total, errors, trials, deflatedSharpe, dsr, pbo } = summary;
    const t = summary.timings;
    const s3 = (ms: number) => Math.round(ms) / 1000;
    console.log(
      JSON.stringify(
        {
          out: displayPath(final),
          sets: total,
          failed: errors,
          seconds,
          workers: summary.workers,
          thisThread: summary.thisThread,
          metric: args.metric ?? DEFAULT_METRIC,
          best: summary.best ?? null,
          trials,
          deflatedSharpe,
          dsr,
          pbo,
          buyHold: result.buyHold ?? null,
          // where the time went (seconds since the process started when the first set ran; the loop; the statistics at the end;
          // the top runs, sweep.json and the page) and the whole process's peak resident memory, workers included
          timings: {
            startS: s3(t.loopStart),
            loopS: s3(t.loopMs),
            statisticsS: s3(t.statisticsMs),
            folderS: s3(performance.now() - t.loopStart - t.loopMs - t.statisticsMs),
            totalS: s3(performance.now()),
          },
          peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(
    `sweep: ${summary.total.toLocaleString('en-US')} sets in ${seconds.toFixed(1)} s on ${summary.workers === 0 ? 'this thread' : `${summary.thisThread ? 'this thread and ' : ''}${summary.workers} worker(s)`} (${(summary.total / seconds).toFixed(0)} sets/s), ${summary.errors} failed`,
  );
  console.log(
    `best ${args.metric ?? DEFAULT_METRIC} ${num(summary.best?.value ?? NaN, 4)} at ${best}; deflated Sharpe ratio ${pct(summary.deflatedSharpe, 1)} over ${summary.trials} trials (null: Sharpe over cash 0), ${pct(summary.dsr.benchmark.value, 1)} against ${args.benchmark ?? 'large'} caps (monthly, n = ${summary.dsr.benchmark.observations})`,
  );
  console.log(
    summary.pbo.value === null
      ? `probability of backtest overfitting: not computed (${summary.pbo.reason})`
      : `probability of backtest overfitting ${pct(summary.pbo.value, 1)} (CSCV, ${summary.pbo.blocks} blocks, ${summary.pbo.splits.toLocaleString('en-US')} splits, ${summary.pbo.trials.toLocaleString('en-US')} sets × ${summary.pbo.months} months)`,
  );
  const column = metricColumn(args.metric ?? DEFAULT_METRIC);
  if (result.buyHold) {
    const { small, large } = result.buyHold;
    const v = (x: number | null | undefined) => num(x ?? NaN, 4);
    console.log(
      `buy-and-hold over the same bars: ${column} ${v(small.metrics[column])} small caps (${small.asset}), ${v(large.metrics[column])} large caps (${large.asset})`,
    );
  }
  // what the overfitting checks mean for this sweep, in words
  const width = textWidth();
  for (const line of [dsrVsCashWords(summary.dsr.cash), dsrVsBenchmarkWords(summary.dsr.benchmark, `${args.benchmark ?? 'large'} caps`), pboWords(summary.pbo)])
    console.log(wrapText(line, width, '  ', '- '));
  console.log(`wrote ${displayPath(final)} (results.csv, sweep.json, sweep.html, top/)`);
}
