import { displayPath } from '../../market/data/load-series.js';
import { metricColumn } from '../../measure/metrics/metric-names.js';
import type { SweepFolderResult } from '../../workflows/sweep/sweep-to-folder.js';
import type { SweepSummary } from '../../workflows/sweep/sweep.js';
import { dsrVsBenchmarkWords, dsrVsCashWords, pboWords } from '../../../reports/sweep/sweep-words.js';
import { num, pct, wrapText } from '../format.js';

/** How a finished sweep is described: its ranking metric, the benchmark caps ("small" or "large") and how long it took. */
export interface SweepPrintOptions {
  metric: string;
  benchmark: string;
  /** Wall time of the sweep, seconds. */
  seconds: number;
}

/** The process's clock and memory when the summary is printed: `performance.now()` (ms) and `process.resourceUsage().maxRSS` (KiB). */
export interface ProcessStats {
  nowMs: number;
  maxRssKb: number;
}

/** The line an interrupted sweep prints: how many sets are kept where, and how to finish. */
export function sweepInterruptedLine(summary: SweepSummary): string {
  return `interrupted: ${summary.done} of ${summary.total} sets are in ${displayPath(summary.partial)}/results.csv; finish with the same command and --resume`;
}

/**
 * The summary of a finished sweep as `sweep --json` prints it: the folder, the sets, the best set,
 * the deflated Sharpe ratio and the PBO, buy-and-hold over the same bars, where the time went
 * (seconds) and the process's peak resident memory (MB, workers included).
 */
export function sweepSummaryJson(result: SweepFolderResult, dir: string, o: Omit<SweepPrintOptions, 'benchmark'>, stats: ProcessStats): object {
  const { summary } = result;
  const { total, errors, trials, deflatedSharpe, dsr, pbo } = summary;
  const t = summary.timings;
  const s3 = (ms: number) => Math.round(ms) / 1000;
  return {
    out: displayPath(dir),
    sets: total,
    failed: errors,
    seconds: o.seconds,
    workers: summary.workers,
    thisThread: summary.thisThread,
    metric: o.metric,
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
      folderS: s3(stats.nowMs - t.loopStart - t.loopMs - t.statisticsMs),
      totalS: s3(stats.nowMs),
    },
    peakRssMb: Math.round(stats.maxRssKb / 1024),
  };
}

/** Where the sets ran: "this thread", "2 worker(s)" or "this thread and 2 worker(s)". */
function where(summary: SweepSummary): string {
  return summary.workers === 0 ? 'this thread' : `${summary.thisThread ? 'this thread and ' : ''}${summary.workers} worker(s)`;
}

/**
 * The summary of a finished sweep as terminal lines: sets, time and rate; the best set with the
 * deflated Sharpe ratio; the PBO; buy-and-hold over the same bars; what the overfitting checks
 * mean, in words wrapped to `width`; the folder written.
 */
export function sweepSummaryLines(result: SweepFolderResult, dir: string, o: SweepPrintOptions, width: number): string[] {
  const { summary } = result;
  const { seconds, metric } = o;
  const caps = `${o.benchmark} caps`;
  const best = summary.best
    ? Object.entries(summary.best.params)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ')
    : 'none';
  const lines = [
    `sweep: ${summary.total.toLocaleString('en-US')} sets in ${seconds.toFixed(1)} s on ${where(summary)} (${(summary.total / seconds).toFixed(0)} sets/s), ${summary.errors} failed`,
    `best ${metric} ${num(summary.best?.value ?? NaN, 4)} at ${best}; deflated Sharpe ratio ${pct(summary.deflatedSharpe, 1)} over ${summary.trials} trials (null: Sharpe over cash 0), ${pct(summary.dsr.benchmark.value, 1)} against ${caps} (monthly, n = ${summary.dsr.benchmark.observations})`,
  ];
  const { pbo } = summary;
  lines.push(
    pbo.value === null
      ? `probability of backtest overfitting: not computed (${pbo.reason})`
      : `probability of backtest overfitting ${pct(pbo.value, 1)} (CSCV, ${pbo.blocks} blocks, ${pbo.splits.toLocaleString('en-US')} splits, ${pbo.trials.toLocaleString('en-US')} sets × ${pbo.months} months)`,
  );
  if (result.buyHold) {
    const column = metricColumn(metric);
    const { small, large } = result.buyHold;
    const v = (x: number | null | undefined) => num(x ?? NaN, 4);
    lines.push(
      `buy-and-hold over the same bars: ${column} ${v(small.metrics[column])} small caps (${small.asset}), ${v(large.metrics[column])} large caps (${large.asset})`,
    );
  }
  // what the overfitting checks mean for this sweep, in words
  for (const line of [dsrVsCashWords(summary.dsr.cash), dsrVsBenchmarkWords(summary.dsr.benchmark, caps), pboWords(summary.pbo)])
    lines.push(wrapText(line, width, '  ', '- '));
  lines.push(`wrote ${displayPath(dir)} (results.csv, sweep.json, sweep.html, top/)`);
  return lines;
}
