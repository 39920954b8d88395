import { join } from 'node:path';
import { refuseExistingOutput } from '../../core/io/atomic-dir.js';
import type { Catalog, SimOptions } from '../../core/types.js';
import type { ClaimsReport } from '../../formats/claims-folder.js';
import type { NowReport } from '../../formats/now-folder.js';
import { assetUnits } from '../../market/data/catalog.js';
import { defaultUniverse } from '../../market/data/default-universe.js';
import { displayPath } from '../../market/data/load-series.js';
import { buildMarket } from '../../market/build-market.js';
import { runSimOptions } from '../../simulate/options.js';
import type { Strategy } from '../../strategy/define.js';
import { parseParams } from '../../strategy/params.js';
import { loadStrategy } from '../../../strategies/index.js';
import type { RunData } from '../../../reports/read-run.js';
import { claimsToFolder } from '../claims/claims-to-folder.js';
import { compareToFolder, type CompareFolderResult } from '../compare/compare-to-folder.js';
import { nowToFolder } from '../now/now-to-folder.js';
import type { BacktestSimulation } from '../run/backtest.js';
import { parseRebalance } from '../run/parse-rebalance.js';
import { runToFolder, type RunManifest } from '../run/run-to-folder.js';
import { startStudiesThread } from '../run/studies-thread.js';

/** One run of the demo: its folder name under `runs/`, the built-in strategy, its parameters and its schedule. */
export interface DemoRun {
  /** The run's folder under `<out>/runs/` and its name in the summary. */
  name: string;
  /** A built-in strategy id. */
  strategy: string;
  /** Parameters as `name=value` texts (what `--param` takes); the others keep their defaults. */
  params: readonly string[];
  /** A schedule as `--rebalance` takes it (default: the strategy's own). */
  rebalance?: string;
}

/** The demo's runs: the flagship rate-cycle strategies against buying and holding small caps, large caps and a 60/40 mix. */
export const DEMO_RUNS: readonly DemoRun[] = [
  { name: 'small-caps', strategy: 'buy-hold', params: ['asset=small'] },
  { name: 'large-caps', strategy: 'buy-hold', params: ['asset=large'] },
  { name: 'mix-60-40', strategy: 'fixed-mix', params: ['small=0.6', 'large=0.4'] },
  { name: 'first-cut-rotation', strategy: 'first-cut-rotation', params: [] },
  { name: 'fed-regime', strategy: 'fed-regime', params: [] },
  { name: 'vote', strategy: 'vote', params: [] },
];

/**
 * What {@link demoToFolder} has just done, in order: the claims folder, the now folder, then for
 * each run its start, its simulation (before its folder is written) and its folder, then the
 * comparison. A caller prints each as it comes (the CLI prints the claims' answer at once).
 */
export type DemoStep =
  | { step: 'claims'; dir: string; report: ClaimsReport }
  | { step: 'now'; dir: string; report: NowReport }
  | {
      step: 'run-start';
      run: DemoRun;
      strategy: Strategy;
      universe: string;
      /** Set when no universe was named and the catalog's default is not available here (see defaultUniverse). */
      note?: string;
    }
  | { step: 'simulated'; run: DemoRun; strategy: Strategy; simulation: BacktestSimulation; sim: SimOptions }
  | { step: 'run'; run: DemoRun; dir: string; manifest: RunManifest; simulation: BacktestSimulation }
  | { step: 'compare'; dir: string; model: CompareFolderResult['model'] };

/** Options of {@link demoToFolder}. */
export interface DemoFolderOptions {
  /** The demo's folder: `claims/`, `now/`, `runs/<name>/` and `compare/` are written in it. */
  out: string;
  /** The universe of the runs (default: each strategy's own, else the catalog's default); claims and now keep their own samples. */
  universe?: string;
  /** Replace existing folders that ratecycle wrote (default false). */
  force?: boolean;
  /** Called after each step (see {@link DemoStep}). */
  onStep?: (step: DemoStep) => void;
}

/** One run of the demo as its summary row shows it. */
export interface DemoRunSummary {
  name: string;
  /** The run folder (`<out>/runs/<name>`). */
  dir: string;
  manifest: RunManifest;
  /** The strategy's compound annual growth rate, Sharpe ratio and maximum drawdown (fractions; metrics.json; NaN when not available). */
  cagr: number;
  sharpe: number;
  maxDrawdown: number;
  /** The strategy's annualized return in each phase of the policy cycle (fractions a year; regimes.csv; NaN when it has none). */
  phases: { easing: number; tightening: number; hold: number };
}

/** What {@link demoToFolder} wrote and what its summary shows. */
export interface DemoResult {
  /** The demo's folder, as given. */
  dir: string;
  /** The universe of the runs: the one named, else the first run's. */
  universe: string;
  claims: { dir: string; report: ClaimsReport };
  now: { dir: string; report: NowReport };
  runs: DemoRunSummary[];
  compare: CompareFolderResult;
}

/** A metric of metrics.json as a number (NaN for null or text). */
function metric(record: Record<string, number | string | null>, key: string): number {
  const v = record[key];
  return typeof v === 'number' ? v : NaN;
}

/** The summary row of a run folder: its strategy metrics and its annualized return in each phase. */
function runSummary(name: string, dir: string, manifest: RunManifest, data: RunData): DemoRunSummary {
  const m = data.metrics.metrics.strategy;
  const phase = (label: string) => Number(data.regimes.find((r) => r.scope === 'phase' && r.label === label)?.strategy_ann ?? NaN);
  return {
    name,
    dir,
    manifest,
    cagr: metric(m, 'cagr'),
    sharpe: metric(m, 'sharpe'),
    maxDrawdown: metric(m, 'maxDrawdown'),
    phases: { easing: phase('easing'), tightening: phase('tightening'), hold: phase('hold') },
  };
}

/** The market and options of one demo run, as `ratecycle run <strategy> --param …` builds them. */
async function demoRunSetup(catalog: Catalog, run: DemoRun, universe: string | undefined) {
  const { strategy } = await loadStrategy(run.strategy);
  const params = parseParams(strategy.params, run.params, strategy.id) as Record<string, unknown>;
  let id = universe ?? strategy.defaults?.universe;
  let note: string | undefined;
  if (id === undefined) ({ id, note } = defaultUniverse(catalog));
  const series = strategy.seriesFor
    ? strategy.seriesFor(params as never, { series: catalog.series.filter((e) => e.kind !== 'event').map((e) => e.id) })
    : strategy.series;
  return { strategy, params, universe: id, note, market: () => buildMarket(catalog, { universe: id, series: [...series] }) };
}

/**
 * The `demo` workflow (what `npm start` runs): tests the article's claims into `<out>/claims`
 * (see claimsToFolder), says where the cycle stands now into `<out>/now` (see nowToFolder), runs
 * each of {@link DEMO_RUNS} into `<out>/runs/<name>` with `ratecycle run`'s defaults (see
 * runToFolder) and compares them into `<out>/compare` (see compareToFolder). Refuses an existing
 * `out` before any work unless `force`. `onStep` sees each step as soon as it is done. Returns
 * the reports, the folders and each run's summary row (read from its folder, as the comparison
 * reads it).
 *
 * @example
 * const demo = await demoToFolder(loadCatalog(), { out: 'out/demo', onStep: (s) => console.log(s.step) });
 * for (const r of demo.runs) console.log(r.name, r.sharpe.toFixed(2)); // the summary's Sharpe ratios
 */
export async function demoToFolder(catalog: Catalog, options: DemoFolderOptions): Promise<DemoResult> {
  const { out, force } = options;
  const onStep = options.onStep ?? (() => {});
  refuseExistingOutput(out, force);
  // first the answer to the article's claims, then where the cycle stands at the end of the data (on now's own default universe)
  const claims = await claimsToFolder(catalog, { out: join(out, 'claims'), force, universes: [] });
  onStep({ step: 'claims', ...claims });
  const now = await nowToFolder(catalog, { out: join(out, 'now'), force });
  onStep({ step: 'now', ...now });
  const written: { dir: string; manifest: RunManifest }[] = [];
  for (const run of DEMO_RUNS) {
    const dir = join(out, 'runs', run.name);
    // the studies' thread starts first, so that its start-up overlaps loading the data and simulating
    const studiesThread = startStudiesThread();
    const setup = await demoRunSetup(catalog, run, options.universe);
    onStep({ step: 'run-start', run, strategy: setup.strategy, universe: setup.universe, note: setup.note });
    const market = setup.market();
    const sim = runSimOptions(
      market.periodsPerYear,
      { lag: setup.strategy.defaults?.lag, rebalance: setup.strategy.defaults?.rebalance },
      { rebalance: run.rebalance ? parseRebalance(run.rebalance) : undefined },
    );
    const { manifest, run: simulation } = await runToFolder({
      strategy: setup.strategy,
      params: setup.params,
      market,
      options: { sim, benchmark: 'large', events: [] },
      studiesThread,
      out: dir,
      dataDir: displayPath(catalog.dir),
      units: assetUnits(catalog, market),
      catalog,
      force,
      onSimulated: (simulation) => onStep({ step: 'simulated', run, strategy: setup.strategy, simulation, sim }),
    });
    onStep({ step: 'run', run, dir, manifest, simulation });
    written.push({ dir, manifest });
  }
  const compare = await compareToFolder(
    written.map((w) => w.dir),
    { out: join(out, 'compare'), force },
  );
  onStep({ step: 'compare', ...compare });
  // the summary rows from the run folders as the comparison read them
  const runs = DEMO_RUNS.map((r, i) => runSummary(r.name, written[i].dir, written[i].manifest, compare.model.runs[i]));
  return { dir: out, universe: options.universe ?? runs[0].manifest.universe.id, claims, now, runs, compare };
}
