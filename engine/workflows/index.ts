/**
 * `ratecycle/workflows`: the folders the CLI writes, from a script. Each workflow computes, writes
 * its folder atomically (a temporary folder renamed into place when complete; an existing folder
 * is replaced only with `force`, and only if ratecycle wrote it) and returns a typed summary of what
 * it wrote. The same inputs give the same files as the command: `ratecycle run` is
 * {@link runToFolder}, `sweep` {@link sweepToFolder} (its sets from {@link sweepSets}),
 * `walkforward` {@link walkForwardToFolder}, `merge` {@link mergeToFolder}, `claims`
 * {@link claimsToFolder}, `now` {@link nowToFolder}, `compare` {@link compareToFolder} and `demo`
 * {@link demoToFolder}. Markets, strategies and simulation options come from `ratecycle`
 * (`loadCatalog`, `buildMarket`, `builtin`, `simOptions`).
 *
 * @example
 * import { buildMarket, builtin, loadCatalog, parseParams, simOptions } from 'ratecycle';
 * import { compareToFolder, runToFolder } from 'ratecycle/workflows';
 * const catalog = loadCatalog();
 * const market = buildMarket(catalog, { universe: 'ff' });
 * const strategy = builtin('fed-regime');
 * for (const hold of ['large', 'cash']) {
 *   const params = parseParams(strategy.params, { hold }, strategy.id); // the others at their defaults
 *   await runToFolder({ strategy, params, market, options: { sim: simOptions(market) }, out: `out/fed-${hold}`, dataDir: catalog.dir });
 * }
 * await compareToFolder(['out/fed-large', 'out/fed-cash'], { out: 'out/fed-compare' }); // what `ratecycle compare` writes
 */

// run
export { runToFolder, type RunToFolderInput, type RunFolderOptions, type RunManifest } from './run/run-to-folder.js';
export type { BacktestOptions, BacktestSimulation } from './run/backtest.js';

// sweep, its sets, its shards and the walk-forward
export { sweepToFolder, type SweepFolderInput, type SweepFolderResult } from './sweep/sweep-to-folder.js';
export type { SetSource, SweepOptions, SweepSummary } from './sweep/sweep.js';
export type { RankedSet } from './sweep/running-stats.js';
export type { BuyHoldMetrics, SweepBuyHold } from './sweep/buy-hold.js';
export type { SweepIdentity } from './sweep/sweep-identity.js';
export type { DeflatedSharpeReport, PboReport } from '../formats/sweep-folder.js';
export type { RandomSearch } from './sweep/random-search.js';
export { parseGrid, parseShard, type Grid, type GridAxis } from './sweep/grid.js';
export { sweepSets, randomSearchParams, type SweepSetsOptions } from './sets/sweep-sets.js';
export { mergeToFolder, mergeResults, type MergeFolderOptions, type MergeFolderResult, type MergeResult } from './merge/merge-to-folder.js';
export { walkForwardToFolder, type WalkForwardFolderInput, type WalkForwardFolderResult } from './sweep/walk-forward-to-folder.js';
export { parseDuration, type WalkForwardOptions, type WalkForwardResult, type WalkForwardWindow } from './sweep/walk-forward.js';

// claims and now
export { claimsToFolder, type ClaimsFolderOptions } from './claims/claims-to-folder.js';
export type { ClaimsOptions } from './claims/run-claims.js';
export type {
  AheadStat,
  ClaimCharts,
  ClaimRow,
  ClaimsReport,
  InfluenceRow,
  Multiverse,
  PublishedRow,
  SampleOverlap,
  SpecRow,
  Verdict,
} from '../formats/claims-folder.js';
export { nowToFolder, type NowFolderOptions } from './now/now-to-folder.js';
export type { NowOptions } from './now/run-now.js';
export type { ArticleStatement, NowAnalogue, NowArticle, NowInput, NowOutlook, NowReport, NowTrack, SpreadDistribution } from '../formats/now-folder.js';

// compare and the demo
export { compareToFolder, type CompareFolderOptions, type CompareFolderResult, type CompareModel } from './compare/compare-to-folder.js';
export type { MetricRecord } from '../../reports/compare/compare-model.js';
export type { RunLabel } from '../../reports/compare/run-labels.js';
export type { SharpePair, SharpeTests } from '../../reports/compare/sharpe-tests.js';
export type { RunData } from '../../reports/read-run.js';
export { demoToFolder, DEMO_RUNS, type DemoFolderOptions, type DemoResult, type DemoRun, type DemoRunSummary, type DemoStep } from './demo/demo-to-folder.js';
