import { writeDirAtomically } from '../../core/io/atomic-dir.js';
import type { Catalog, Market } from '../../core/types.js';
import type { Strategy } from '../../strategy/define.js';
import { backtestSimulation, studyInput, type BacktestOptions, type BacktestSimulation } from './backtest.js';
import type { StudyInput, StudyRows, Studies } from './studies.js';
import { startStudiesThread, type OfferedJob, type StudiesThread } from './studies-thread.js';
import { runManifest, writeRunFiles } from './write-run-folder.js';
import { factorAttributionInput, factorDataFor } from './factor-files.js';
import { cachedMarketColumns } from './run-cache.js';

/** What a run folder records besides the run itself. */
export interface RunFolderOptions {
  /** The user's strategy file (its hash goes into run.json), if any. */
  strategyFile?: string;
  /** The data folder as shown to the user (run.json). */
  dataDir: string;
  /** What each asset series is (price index, total return), by id (run.json). */
  units?: Record<string, string>;
  /** Replace an existing folder that ratecycle wrote (default false). */
  force?: boolean;
  /** Write report.html (default true). */
  report?: boolean;
  /**
   * The catalog the factor series of factors.csv are read from (default: the catalog in
   * `dataDir`, when it has one); a catalog without them gives a folder without factor files.
   */
  catalog?: Catalog;
  /** Write the factor attribution (factors.csv, factors-rolling.csv) when the catalog has its series (default true). */
  factors?: boolean;
}

/** The run.json manifest of a written run folder. */
export type RunManifest = ReturnType<typeof runManifest>;

/**
 * Writes a backtest's run folder atomically — every CSV and JSON file of reports/run-folder.md
 * (the factor files when the catalog has the factor series) and report.html unless `report` is
 * false — into a temporary folder renamed when complete.
 * `studies` may still be computing on another thread: the simulation's files are written
 * meanwhile. With `thread` (the studies' thread), the factor attribution is offered to it, and so
 * is the strategy inference of {@link PendingStudies} (rows computing there), each computed on
 * whichever thread is free first; without, on this thread. Returns the run.json manifest.
 */
export async function writeRunFolder(
  out: string,
  run: BacktestSimulation,
  studies: Studies | Promise<Studies> | PendingStudies,
  options: RunFolderOptions,
  thread: StudiesThread = startStudiesThread({ inThread: true }),
): Promise<RunManifest> {
  const factors = options.factors === false ? undefined : factorDataFor(options, run.market.frequency, run.market.universe);
  const manifest = runManifest(run, { strategyFile: options.strategyFile, dataDir: options.dataDir, units: options.units, factorHashes: factors?.hashes });
  // offered in this order: the thread takes the attribution (the larger job) first, and this thread can take back the inference
  const attribution = factors ? thread.offerFactors(factorAttributionInput(run, factors)) : undefined;
  const study = isPending(studies) ? withInference(studies, thread.offerInference(inferenceInput(studies.input))) : studies;
  await writeDirAtomically(out, options.force ?? false, async (tmp) => {
    const market = cachedMarketColumns(run.market, run.benchmark, run.benchmarkReturns);
    const written = await writeRunFiles(tmp, run, study, manifest, market, attribution);
    if (options.report !== false) {
      // loaded only when a report is written (after a caller's summary is on screen)
      const { writeRunReport } = await import('../../../reports/write-report.js');
      await writeRunReport(tmp, written);
    }
  });
  return manifest;
}

/** A run's studies under way on the studies' thread: their rows computing there, the strategy inference still to offer (see writeRunFolder). */
export interface PendingStudies {
  rows: Promise<StudyRows>;
  input: StudyInput;
}

/** What the strategy inference reads (the rest of a study input is on the thread already). */
const inferenceInput = ({ strategy, cash, large, small, periodsPerYear }: StudyInput) => ({ strategy, cash, large, small, periodsPerYear });

const isPending = (x: Studies | Promise<Studies> | PendingStudies): x is PendingStudies => (x as PendingStudies).rows instanceof Promise;

/** The studies of `pending` with their inference: taken back from the thread when it has not started it. */
function withInference(pending: PendingStudies, inference: OfferedJob<Studies['inference']>): OfferedJob<Studies> {
  return {
    async result() {
      const own = inference.result();
      return { ...(await pending.rows), inference: await own };
    },
  };
}

/** Inputs of {@link runToFolder}. */
export interface RunToFolderInput extends RunFolderOptions {
  strategy: Strategy;
  params: Record<string, unknown>;
  market: Market;
  options: BacktestOptions;
  /** The run folder to write. */
  out: string;
  /** Called with the simulation before the folder is written (e.g. to print a summary). */
  onSimulated?: (run: BacktestSimulation) => void;
  /** A studies thread already started (its start-up then overlaps the caller's loading); default: one started here. */
  studiesThread?: StudiesThread;
}

/**
 * The `run` workflow: backtests a strategy on a market, computes its studies (regime table,
 * event studies, first-cut path, strategy inference) on a second thread while the simulation's
 * files are written, and writes the run folder atomically. Returns the folder, its manifest and
 * the simulation.
 *
 * @example const { dir, manifest } = await runToFolder({ strategy, params, market, options: { sim: simOptions(market) }, out: 'out/mine', dataDir: 'data' });
 */
export async function runToFolder(input: RunToFolderInput): Promise<{ dir: string; manifest: RunManifest; run: BacktestSimulation }> {
  const thread = input.studiesThread ?? startStudiesThread();
  const run = backtestSimulation(input.strategy, input.params, input.market, input.options);
  input.onSimulated?.(run); // the summary first: the studies' input is copied to their thread after it
  const study = studyInput(run, { events: input.options.events });
  const manifest = await writeRunFolder(input.out, run, { rows: thread.computeRows(study), input: study }, input, thread);
  return { dir: input.out, manifest, run };
}
