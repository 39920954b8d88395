import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../core/io/csv-writer.js';
import { MANIFEST_MONTHLY_LAYOUT, resultsHeader, SWEEP_FILES } from '../../formats/sweep-folder.js';
import { DEFAULT_METRIC, metricColumn } from '../../measure/metrics/metric-names.js';
import { isolatedIfFile } from '../../strategy/isolated.js';
import { renderSweep } from '../../../reports/sweep/render-sweep.js';
import { backtest } from '../run/backtest.js';
import { writeRunFolder } from '../run/run-to-folder.js';
import { finalizeSweep, runSweep, setAt, setCount, type SweepOptions, type SweepSummary } from './sweep.js';
import { sweepBuyHold, type SweepBuyHold } from './buy-hold.js';
import { sweepPageData } from './page-table.js';

/** Inputs of {@link sweepToFolder}: the sweep's options and what its folder records besides. */
export interface SweepFolderInput extends SweepOptions {
  /** The user's strategy file, if any (sweep.json, and the top runs decide their weights in a worker thread). */
  strategyFile?: string;
  /** How the sets were given, for sweep.json: the grid text or the random search's descriptor. */
  sourceText?: string[];
  /** The shard as given (`i/n`), for sweep.json. */
  shardText?: string;
  /** The data folder as shown to the user and what each asset series is (the top runs' run.json). */
  dataDir: string;
  units?: Record<string, string>;
}

/** What {@link sweepToFolder} did: the summary, the final folder (when complete) and the top runs. */
export interface SweepFolderResult {
  summary: SweepSummary;
  /** The sweep's folder once complete, else undefined (the results stay in `summary.partial`). */
  dir?: string;
  tops: { dir: string; params: Record<string, unknown>; value: number }[];
  /** Small and large caps bought and held over the sweep's bars (sweep.json `buyHold`; absent when interrupted). */
  buyHold?: SweepBuyHold;
}

/**
 * The `sweep` workflow: runs every parameter set (see runSweep), then, when the sweep is
 * complete, writes full run folders of the best sets (`top/`), sweep.json (with the metrics of
 * buying and holding small and large caps over the same bars, `buyHold`), the metric's
 * distribution and sweep.html into the partial folder and renames it into place. The page and
 * the distribution come from what the sweep kept while it ran (the ranking metric of each row and
 * the set each row holds), not from reading results.csv back: one pass over the rows computes
 * what the page draws (sweepPageData), and the renderer takes that, so the memory of the end does
 * not grow with the number of sets. An interrupted sweep returns without a final folder (finish
 * it with `resume`).
 *
 * @example const { dir, summary } = await sweepToFolder({ strategy, strategyRef: strategy.id, base, source, market, sim, benchmark: 'large', out: 'out/s', dataDir: 'data' });
 */
export async function sweepToFolder(input: SweepFolderInput): Promise<SweepFolderResult> {
  const summary = await runSweep(input);
  if (!summary.complete) return { summary, tops: [] };
  const { strategy, source, market } = input;
  const metric = input.metric ?? DEFAULT_METRIC;
  // the manifest, the heat-map page and full runs of the best sets, then move into place; the page first, while this
  // thread holds little else
  const tops: SweepFolderResult['tops'] = summary.top.map((t, rank) => ({
    dir: `${SWEEP_FILES.top}/${rank + 1}-set${t.index}`,
    params: t.params,
    value: t.value,
  }));
  const axes = source.kind === 'grid' ? source.grid.axes.filter((a) => a.values.length > 1).map((a) => a.name) : source.names;
  // the reference lines of the page and the terminal: buying and holding small and large caps over the same bars
  const buyHold = sweepBuyHold(market, input.benchmark);
  const manifest = {
    strategy: { id: strategy.id, file: input.strategyFile ?? null, base: input.base },
    sets: setCount(source),
    shardSets: summary.total,
    universe: market.universe,
    source:
      source.kind === 'grid'
        ? { grid: input.sourceText }
        : { samples: source.samples, requested: source.requested, space: source.space, seed: source.seed, withoutReplacement: Number.isFinite(source.space) },
    shard: input.shardText ?? null,
    metric,
    errors: summary.errors,
    best: summary.best ?? null,
    deflatedSharpe: summary.deflatedSharpe,
    trials: summary.trials,
    deflatedSharpeRatio: summary.dsr,
    pbo: summary.pbo,
    buyHold,
    months: {
      count: summary.months.length,
      first: summary.months[0] ?? null,
      last: summary.months.at(-1) ?? null,
      file: SWEEP_FILES.monthly,
      layout: MANIFEST_MONTHLY_LAYOUT,
    },
    data: market.dataHashes,
    identity: summary.identity,
  };
  writeFileSync(join(summary.partial, SWEEP_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
  if (axes.length >= 1) {
    const paramNames = Object.keys(strategy.params);
    const shard = input.shard ?? { index: 0, count: 1 };
    const data = sweepPageData({
      header: resultsHeader(paramNames),
      paramNames,
      x: axes[0],
      y: axes[1] ?? axes[0],
      values: summary.values,
      indexOf: (row) => shard.index + row * shard.count,
      paramsOf: (index) => setAt(source, index, input.base),
      best: summary.best,
    });
    writeFileSync(join(summary.partial, SWEEP_FILES.distribution), toCsv(data.distribution.header, data.distribution.rows));
    writeFileSync(
      join(summary.partial, SWEEP_FILES.page),
      renderSweep({
        title: `Sweep of ${strategy.name}`,
        data,
        metric: metricColumn(metric),
        buyHold: (['small', 'large'] as const).map((role) => ({
          label: `${role} caps (${buyHold[role].asset}) buy-and-hold`,
          short: `${role}\u00a0B&H`, // a no-break space: the bar chart splits labels with spaces over two lines
          value: buyHold[role].metrics[metricColumn(metric)] ?? NaN,
          src: `sweep.json:buyHold.${role}.metrics.${metricColumn(metric)}`,
        })),
        benchmark: `${input.benchmark} caps`,
        summary: {
          sets: summary.total,
          errors: summary.errors,
          trials: summary.trials,
          deflatedSharpe: summary.deflatedSharpe,
          best: summary.best,
          dsr: summary.dsr,
          pbo: summary.pbo,
        },
        top: tops,
      }),
    );
  }
  for (const t of tops) {
    // a user's file decides its weights in a worker thread here too (the timeout and heap limit of `run`)
    const decided = await isolatedIfFile(strategy, input.strategyFile, market, t.params, { timeoutSeconds: (input.taskTimeoutMs ?? 600_000) / 1000 });
    const result = backtest(decided, t.params, market, { sim: input.sim, benchmark: input.benchmark });
    await writeRunFolder(join(summary.partial, t.dir), result, result, { strategyFile: input.strategyFile, dataDir: input.dataDir, units: input.units });
  }
  return { summary, dir: finalizeSweep(summary), tops, buyHold };
}
