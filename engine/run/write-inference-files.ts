import { eventPath } from '../analytics/event-path.js';
import { deriveSeed } from '../random.js';
import { meanInference } from '../stats/mean-inference.js';
import type { BacktestResult } from './backtest.js';
import type { CsvSink } from './write-run-folder.js';

/** Bootstrap and placebo draws of a run's path bands (a run stays fast; `ratecycle claims` uses 10,000). */
export const RUN_PATH_DRAWS = 2_000;

/**
 * Writes events-path.csv: the average cumulative small − large path from 3 months before to
 * 24 months after the first cuts, with its bootstrap band and placebo band (see eventPath); and
 * strategy-inference.csv: the strategy's annualized mean return over cash, over large caps and
 * over small caps, each with its Newey–West t and block-bootstrap 95 % interval. `put` writes each file.
 */
export function writeInferenceFiles(put: CsvSink, r: BacktestResult): void {
  const { market } = r;
  const entries: number[] = [];
  for (const e of r.events) if (e.event === 'first-cut' && e.horizonMonths === r.events[0]?.horizonMonths) entries.push(market.dates.indexOf(e.entryDate));
  const p = eventPath({ dates: market.dates, small: r.smallEquity, large: r.largeEquity }, entries.filter((i) => i >= 0), { draws: RUN_PATH_DRAWS });
  put('events-path.csv', ['offset_months', 'n', 'mean', 'boot_low', 'boot_high', 'placebo_low', 'placebo_high'], p.offsets.map((m, k) => [m, p.n[k], p.mean[k], p.bootLow[k], p.bootHigh[k], p.placeboLow[k], p.placeboHigh[k]]));
  const strat = r.sim.returns;
  const T = strat.length;
  const diff = (b: Float64Array) => Float64Array.from({ length: T - 1 }, (_, i) => strat[i + 1] - b[i + 1]);
  const rows = [
    ['cash', market.cash],
    ['large', market.returns[market.large]],
    ['small', market.returns[market.small]],
  ] as const;
  put(
    'strategy-inference.csv',
    ['versus', 'n', 'mean_ann', 'nw_t', 'nw_lag', 'ci_low', 'ci_high', 'block_length'],
    rows.map(([name, b]) => {
      const m = meanInference(diff(b), market.periodsPerYear, { draws: RUN_PATH_DRAWS, seed: deriveSeed(1, `strategy/${name}`) });
      return [name, m.n, m.estimate, m.t, m.lag, m.ciLow, m.ciHigh, m.blockLength];
    }),
  );
}
