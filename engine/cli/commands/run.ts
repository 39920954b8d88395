import { formatCumulative } from '../../core/format.js';
import { readStrategyInference, strategyAnswer } from '../../../reports/strategy-answer.js';
import { refuseExistingOutput } from '../../core/io/atomic-dir.js';
import type { Argv } from 'yargs';
import { join } from 'node:path';
import type { BacktestResult, BacktestSimulation } from '../../workflows/run/backtest.js';
import { startStudiesThread } from '../../workflows/run/studies-thread.js';
import { runToFolder } from '../../workflows/run/run-to-folder.js';
import { metricsJson } from '../../formats/run-folder.js';
import { displayPath } from '../../market/data/load-series.js';
import { describeAsset } from '../../market/data/catalog.js';
import { runOptions, setupRun, type RunArgs } from '../run-setup.js';
import { textTable } from '../table.js';
import { num, pct, textWidth, warnOnce, wrapText } from '../format.js';
import { isoDay } from '../../core/dates.js';
import { defaultOutDir } from '../out-dir.js';
import { UserError } from '../../core/errors.js';
import { loadCatalog } from '../../market/data/catalog.js';
import { benchmarkKind, withBenchmark } from '../../market/benchmark-series.js';
import { isolatedIfFile, type IsolationLimits } from '../../strategy/isolated.js';
import { boundedNumber, wholeNumber } from '../validate-options.js';

interface RunCommandArgs extends RunArgs {
  out?: string;
  force?: boolean;
  json?: boolean;
  benchmark?: string;
  events?: string;
  report?: boolean;
  timeout?: number;
  memoryMb?: number;
}

/** The event kinds `--events` accepts (first cuts are always studied). */
const EVENT_KINDS = ['cut', 'hike', 'first-cut'] as const;

/** Parses `--events`: a comma list of {@link EVENT_KINDS}; anything else is refused. */
export function parseEvents(text: string | undefined): ('cut' | 'hike' | 'first-cut')[] {
  const kinds = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const k of kinds) {
    if (!(EVENT_KINDS as readonly string[]).includes(k)) throw new UserError(`--events: unknown event kind "${k}"; known: ${EVENT_KINDS.join(', ')}`);
  }
  return kinds as ('cut' | 'hike' | 'first-cut')[];
}

/** `--timeout` and `--memory-mb`: the limits of a user strategy evaluated in a worker thread. */
export function isolationOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('timeout', { type: 'number', default: 600, describe: 'seconds a strategy file may run before it is stopped (user files run in a worker thread)' })
    .option('memory-mb', { type: 'number', default: 2048, describe: "heap limit of a strategy file's worker thread, MB" }) as Argv<T>;
}

/** Checks `--timeout` and `--memory-mb`; returns the limits. */
export function isolationLimits(args: { timeout?: unknown; memoryMb?: unknown }): IsolationLimits {
  return {
    timeoutSeconds: boundedNumber('timeout', args.timeout, { min: 0, exclusive: true }),
    memoryMb: wholeNumber('memory-mb', args.memoryMb, { min: 16 }),
  };
}

/** `ratecycle run`. */
export function runCommand(y: Argv): Argv {
  return isolationOptions(runOptions(y.positional('strategy', { type: 'string' })))
    .option('benchmark', {
      type: 'string',
      default: 'large',
      describe: 'benchmark for beta, alpha, tracking error, information ratio: small, large or a price series id (e.g. spy)',
    })
    .option('events', { type: 'string', describe: 'extra event studies besides first cuts: cut, hike (comma list)' })
    .option('out', { type: 'string', describe: 'run folder to write (default out/<strategy>-<timestamp>)' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing run folder written by ratecycle' })
    .option('json', { type: 'boolean', default: false, describe: 'print the metrics as JSON instead of a table' })
    .option('report', { type: 'boolean', default: true, describe: 'write report.html (--no-report to skip)' })
    .example('$0 run first-cut-rotation', 'the default universe (Russell 2000 vs S&P 500, daily)')
    .example('$0 run fixed-mix --param small=0.5 --param large=0.5 --universe ff', '50/50 on the Fama/French monthly universe since 1926')
    .example('$0 run ./my-strategy.ts --lag 1 --cost-bps 10 --out out/mine', 'a strategy file of your own') as Argv;
}

/** Prints the compact metrics table of a backtest. */
export function printMetrics(r: BacktestSimulation): void {
  const rows: [string, (m: BacktestResult['metrics']['strategy']) => string][] = [
    ['Total return', (m) => formatCumulative(m.totalReturn)],
    ['CAGR', (m) => pct(m.cagr)],
    ['Volatility (ann.)', (m) => pct(m.volatility)],
    ['Sharpe (excess)', (m) => num(m.sharpe)],
    ['Sortino (excess)', (m) => num(m.sortino)],
    ['Max drawdown', (m) => pct(m.maxDrawdown)],
    ['Calmar', (m) => num(m.calmar)],
    ['Exposure', (m) => pct(m.exposure)],
    ['Turnover (ann.)', (m) => pct(m.turnoverAnnual)],
    ['Rebalances', (m) => num(m.rebalances, 0)],
  ];
  const extra = Object.keys(r.metrics).filter((k) => !['strategy', 'small', 'large'].includes(k));
  const cols = [r.metrics.strategy, r.metrics.small, r.metrics.large, ...extra.map((k) => r.metrics[k])];
  console.log(
    textTable(
      [
        'metric',
        r.strategy.id,
        `small (${r.market.small})`,
        `large (${r.market.large})`,
        ...extra.map((k) => (k === 'bonds' && r.market.bonds ? `bonds (${r.market.bonds})` : `benchmark (${k})`)),
      ],
      [
        ...rows,
        ['Beta', (m: BacktestResult['metrics']['strategy']) => num(m.beta)] as (typeof rows)[number],
        ['Information ratio', (m: BacktestResult['metrics']['strategy']) => num(m.informationRatio)] as (typeof rows)[number],
      ].map(([label, f]) => [label, ...cols.map((m) => f(m))]),
    ),
  );
  console.log(`(beta and information ratio against ${r.benchmark === 'small' || r.benchmark === 'large' ? `${r.benchmark} caps` : r.benchmark})`);
}

/** Handler of `ratecycle run`: backtest, write the run folder atomically, print metrics. */
export async function runHandler(args: RunCommandArgs): Promise<string> {
  // an --out that cannot be written is refused before any work
  if (args.out !== undefined) refuseExistingOutput(args.out, args.force);
  const events = parseEvents(args.events);
  const limits = isolationLimits(args);
  // the studies' thread starts now, so that its start-up overlaps loading the data and simulating
  const studiesThread = startStudiesThread();
  const bench = args.benchmark ?? 'large';
  const benchKind = bench === 'small' || bench === 'large' ? undefined : benchmarkKind(loadCatalog(args.data), bench);
  const setup = await setupRun(args, { extraSeries: benchKind === 'price' ? [bench] : [], warn: false });
  const market = withBenchmark(setup.catalog, setup.market, bench);
  // a user's file runs in a worker thread (timeout, heap limit, process.exit contained); built-ins in-process
  const strategy = await isolatedIfFile(setup.strategy, setup.strategyFile, market, setup.params, limits);
  const out = args.out ?? defaultOutDir(setup.strategy.id);
  const units = Object.fromEntries(market.assets.map((a) => [a, describeAsset(setup.catalog, a)]));
  let ruined = '';
  // the summary is printed as soon as the simulation is done, while the studies compute on their thread
  const { manifest, run: simulated } = await runToFolder({
    strategy,
    params: setup.params,
    market,
    options: { sim: setup.sim, benchmark: bench, events },
    studiesThread,
    out,
    strategyFile: setup.strategyFile,
    dataDir: displayPath(setup.catalog.dir),
    units,
    force: args.force,
    report: args.report,
    onSimulated: (run) => {
      ruined =
        run.sim.ruinBar >= 0 ? `ruined on ${isoDay(run.market.dates[run.sim.ruinBar])}: equity fell to 0 or below; positions closed, equity 0 from there` : '';
      if (args.json) return;
      const m = run.market;
      console.log(
        `${setup.strategy.name} on ${m.universe} (${isoDay(m.dates[0])} to ${isoDay(m.dates[m.dates.length - 1])}, ${m.dates.length.toLocaleString('en-US')} bars, lag ${setup.sim.lag})`,
      );
      if (ruined) console.log(ruined);
      printMetrics(run);
      for (const w of m.warnings) warnOnce(w);
    },
  });
  if (args.json) {
    for (const w of simulated.market.warnings) warnOnce(w);
    console.log(
      JSON.stringify(
        {
          run: manifest.id,
          out,
          ...(ruined ? { ruined } : {}),
          warnings: simulated.market.warnings,
          metrics: Object.fromEntries(Object.entries(simulated.metrics).map(([k, m]) => [k, metricsJson(m)])),
        },
        null,
        2,
      ),
    );
  } else {
    const own = strategyAnswer(readStrategyInference(out), 'large', `large caps (${simulated.market.large})`);
    if (own) console.log(`\n${wrapText(own.sentence, textWidth(), '  ', '')}`);
    console.log(`\nwrote ${out}${args.report !== false ? ` (open ${join(out, 'report.html')})` : ''}`);
  }
  return out;
}
