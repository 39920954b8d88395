import { basename } from 'node:path';
import { pearson } from '../../engine/measure/analytics/correlation.js';
import { isoDay, parseIsoDay } from '../../engine/core/dates.js';
import { DataError, UserError } from '../../engine/core/errors.js';
import { metricsJson } from '../../engine/formats/run-folder.js';
import type { RunData } from '../read-run.js';
import { assetLabel } from '../html/run-labels.js';
import { overlap, runExcess, runWindow, type RunWindow } from './common-period.js';
import { runLabels, type RunLabel } from './run-labels.js';
import { sharpeTests, untested, type SharpeTests } from './sharpe-tests.js';

/** Metric values as in metrics.json: numbers, ISO dates, null for not available. */
export type MetricRecord = Record<string, number | string | null>;

/** Everything the comparison page and its CSVs show, gathered once. */
export interface CompareModel {
  runs: RunData[];
  labels: RunLabel[];
  /** Reasons the runs differ (universe, data, period, benchmark), one line each. */
  notes: string[];
  /** The common period every run was restricted to, or null when each run keeps its own. */
  period: { from: string; to: string } | null;
  /** Whether a "best" per metric is meaningful: same universe, same data, same bars. */
  rankable: boolean;
  /** Strategy metrics per run (recomputed on the common period when one applies). */
  metrics: MetricRecord[];
  /** The highest Sharpe ratio tested against every other run's (Ledoit & Wolf 2008, Holm): whether "best" is more than noise. */
  sharpeTests: SharpeTests;
  /** Buy-and-hold metrics of every distinct asset of the runs' universes (on the same period). */
  holds: { key: string; label: string; metrics: MetricRecord }[];
  /** Time series on the union of the runs' dates: equity (rebased on the common period), drawdown, rolling 12-month excess return over large caps. */
  series: { dates: string[]; equity: (number | null)[][]; drawdown: (number | null)[][]; excess: (number | null)[][] };
  /** Correlation of monthly strategy returns between runs, with the number of months each pair shares. */
  correlation: { r: number[][]; months: number[][] };
  /** Each run's compounded strategy return in each easing and tightening cycle (regimes.csv). */
  cycles: { key: string; label: string; direction: string; start: string; end: string; values: number[] }[];
}

function num(v: string | undefined): number {
  return v === undefined || v === '' ? NaN : Number(v);
}

/** Reasons why runs cannot be compared one to one as they are. */
export function comparability(runs: readonly RunData[]): { universe: string[]; data: string[]; period: string[]; other: string[] } {
  const out = { universe: [] as string[], data: [] as string[], period: [] as string[], other: [] as string[] };
  const first = runs[0].manifest;
  runs.slice(1).forEach((r, k) => {
    const m = r.manifest;
    const name = `R${k + 2} (${basename(r.dir)})`;
    if (m.universe.id !== first.universe.id) out.universe.push(`${name} uses universe ${m.universe.id}, R1 ${first.universe.id}`);
    if (m.period.from !== first.period.from || m.period.to !== first.period.to)
      out.period.push(`${name} covers ${m.period.from} to ${m.period.to}, R1 ${first.period.from} to ${first.period.to}`);
    const files = new Set([...Object.keys(m.data.hashes), ...Object.keys(first.data.hashes)]);
    const differ = [...files].filter((f) => m.data.hashes[f] && first.data.hashes[f] && m.data.hashes[f] !== first.data.hashes[f]);
    if (differ.length) out.data.push(`${name} used different versions of ${differ.join(', ')}`);
    if (m.benchmark !== first.benchmark) out.other.push(`${name} measures beta and alpha against ${m.benchmark}, R1 against ${first.benchmark}`);
  });
  return out;
}

/**
 * Gathers the comparison of run folders. `commonPeriod`: restrict every run to the period all of
 * them cover and recompute its metrics there (default: when the periods differ).
 */
export function compareModel(runs: RunData[], opts: { commonPeriod?: boolean } = {}): CompareModel {
  const labels = runLabels(runs);
  const why = comparability(runs);
  const common = overlap(runs);
  if (opts.commonPeriod === true && !common) throw new UserError('‹common-period›: the runs share no common period');
  const wantCommon = opts.commonPeriod ?? why.period.length > 0;
  const period = wantCommon && common ? common : null;
  const notes = [...why.universe, ...why.data, ...why.other];
  if (period && why.period.length)
    notes.push(
      `periods differ (${why.period.join('; ')}): every run is restricted to the common period ${period.from} to ${period.to} and its metrics recomputed there`,
    );
  else if (why.period.length) notes.push(...why.period, ...(common ? [] : ['the runs share no common period']));
  const rankable = why.universe.length === 0 && why.data.length === 0 && (why.period.length === 0 || period !== null);

  const windows: (RunWindow | null)[] = runs.map((r) => (period ? runWindow(r, period) : null));
  const metrics = runs.map((r, i) => (windows[i] ? metricsJson(windows[i]!.metrics) : r.metrics.metrics.strategy));
  const sharpe = rankable ? testSharpes(runs, windows, metrics) : untested('the runs are not directly comparable (see the notes), so no run is ranked');
  const holds: CompareModel['holds'] = [];
  const seen = new Set<string>();
  runs.forEach((r, i) => {
    for (const a of r.manifest.universe.assets) {
      const key = `${a} buy-and-hold`;
      if (seen.has(key)) continue;
      seen.add(key);
      const role = a === r.manifest.universe.small ? 'small' : a === r.manifest.universe.large ? 'large' : a === r.manifest.universe.bonds ? 'bonds' : null;
      const own = windows[i] ? metricsJson(windows[i]!.holds[a]) : role ? r.metrics.metrics[role] : null;
      if (own) holds.push({ key, label: `${assetLabel(r, a)} buy-and-hold`, metrics: own });
    }
  });

  // time series on the union of dates
  const perRun = runs.map((r, i) => {
    const w = windows[i];
    const byDate = new Map<string, [number, number]>();
    if (w) w.dates.forEach((d, t) => byDate.set(isoDay(d), [w.equity[t], w.drawdown[t]]));
    else r.equity.forEach((row) => byDate.set(row.date, [num(row.equity), num(row.drawdown)]));
    const excess = new Map(r.rolling.map((row) => [row.date, num(row.strategy_excess_12m)]));
    return { byDate, excess };
  });
  const inPeriod = (d: string) => !period || (d >= period.from && d <= period.to);
  const dates = [...new Set(perRun.flatMap((p) => [...p.byDate.keys()]))].filter(inPeriod).sort();
  const val = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
  const series = {
    dates,
    equity: perRun.map((p) => dates.map((d) => val(p.byDate.get(d)?.[0]))),
    drawdown: perRun.map((p) => dates.map((d) => val(p.byDate.get(d)?.[1]))),
    excess: perRun.map((p) => dates.map((d) => val(p.excess.get(d)))),
  };

  // monthly returns: of the window, or of the run's own returns-monthly.csv
  const monthly = runs.map((r, i) => windows[i]?.monthly ?? new Map(r.monthly.map((m) => [`${m.year}-${m.month.padStart(2, '0')}`, num(m.strategy)])));
  const months = [...new Set(monthly.flatMap((m) => [...m.keys()]))].sort();
  const cols = monthly.map((m) => months.map((k) => m.get(k) ?? NaN));
  const r = cols.map((a) => cols.map((b) => pearson(a, b)));
  const shared = cols.map((a) => cols.map((b) => a.filter((x, t) => Number.isFinite(x) && Number.isFinite(b[t])).length));

  const cycleRows = new Map<string, CompareModel['cycles'][number]>();
  runs.forEach((run, i) => {
    for (const row of run.regimes) {
      if (row.scope !== 'cycle' || row.start === run.manifest.period.from) continue; // a cycle cut by the run's start is not comparable
      if (period && (row.start < period.from || row.end > period.to)) continue;
      const key = `${row.direction}|${row.start}`;
      if (!cycleRows.has(key))
        cycleRows.set(key, {
          key,
          label: `${row.direction} ${row.start.slice(0, 7)}`,
          direction: row.direction,
          start: row.start,
          end: row.end,
          values: runs.map(() => NaN),
        });
      const c = cycleRows.get(key)!;
      if (row.end === c.end) c.values[i] = num(row.strategy);
    }
  });
  const cycles = [...cycleRows.values()].sort((a, b) => parseIsoDay(a.start) - parseIsoDay(b.start));
  return { runs, labels, notes, period, rankable, metrics, sharpeTests: sharpe, holds, series, correlation: { r, months: shared }, cycles };
}

/**
 * The Sharpe ratio tests of comparable runs on the bars they share: the common period's windows,
 * or each run's whole returns.csv (a run folder whose returns cannot be read is named, untested).
 */
function testSharpes(runs: readonly RunData[], windows: readonly (RunWindow | null)[], metrics: readonly MetricRecord[]): SharpeTests {
  let series: { dates: Int32Array; excess: Float64Array }[];
  try {
    series = runs.map((r, i) => {
      const w = windows[i];
      return w ? { dates: w.dates.subarray(1), excess: w.excess } : runExcess(r, r.manifest.period);
    });
  } catch (e) {
    if (e instanceof DataError) return untested(`the returns of a run cannot be read (${e.message})`);
    throw e;
  }
  // comparable runs share their bars, hence their bars per year
  return sharpeTests(
    series,
    metrics.map((m) => (typeof m.sharpe === 'number' ? m.sharpe : null)),
    Number(metrics[0].periodsPerYear),
  );
}
