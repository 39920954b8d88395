import { readStrategyInference, strategyAnswer } from '../../../reports/strategy-answer.js';
import { refuseExistingOutput } from '../../core/io/atomic-dir.js';
import type { Argv } from 'yargs';
import { startStudiesThread } from '../../workflows/run/studies-thread.js';
import { runToFolder } from '../../workflows/run/run-to-folder.js';
import { displayPath } from '../../market/data/load-series.js';
import { runOptions, setupRun, type RunArgs } from '../run-setup.js';
import { assetUnits } from '../../market/data/catalog.js';
import { textWidth, warnOnce } from '../format.js';
import { defaultOutDir } from '../out-dir.js';
import { UserError } from '../../core/errors.js';
import { loadCatalog } from '../../market/data/catalog.js';
import { benchmarkKind, withBenchmark } from '../../market/benchmark-series.js';
import { isolatedIfFile } from '../../strategy/isolated.js';
import { isolationLimits, isolationOptions } from '../isolation-options.js';
import { runDoneLines, runJson, simulatedLines } from '../print/run-summary.js';

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
  // the summary is printed as soon as the simulation is done, while the studies compute on their thread
  const { manifest, run } = await runToFolder({
    strategy,
    params: setup.params,
    market,
    options: { sim: setup.sim, benchmark: bench, events },
    studiesThread,
    out,
    strategyFile: setup.strategyFile,
    dataDir: displayPath(setup.catalog.dir),
    catalog: setup.catalog,
    units: assetUnits(setup.catalog, market),
    force: args.force,
    report: args.report,
    onSimulated: (simulated) => {
      if (args.json) return;
      console.log(simulatedLines(setup.strategy.name, simulated, setup.sim.lag).join('\n'));
      for (const w of simulated.market.warnings) warnOnce(w);
    },
  });
  if (args.json) {
    for (const w of run.market.warnings) warnOnce(w);
    console.log(JSON.stringify(runJson(manifest.id, out, run), null, 2));
  } else {
    const own = strategyAnswer(readStrategyInference(out), 'large', `large caps (${run.market.large})`);
    console.log(runDoneLines(own?.sentence, out, args.report !== false, textWidth()).join('\n'));
  }
  return out;
}
