import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventPath } from '../analytics/event-path.js';
import { toCsv } from '../io/csv-writer.js';
import type { BacktestResult } from './backtest.js';

/** Bootstrap and placebo draws of a run's path bands (a run stays fast; `ratecycle claims` uses 10,000). */
export const RUN_PATH_DRAWS = 2_000;

/**
 * Writes events-path.csv: the average cumulative small − large path from 3 months before to
 * 24 months after the first cuts, with its bootstrap band and placebo band (see eventPath).
 */
export function writeInferenceFiles(dir: string, r: BacktestResult): void {
  const { market } = r;
  const entries: number[] = [];
  for (const e of r.events) if (e.event === 'first-cut' && e.horizonMonths === r.events[0]?.horizonMonths) entries.push(market.dates.indexOf(e.entryDate));
  const p = eventPath({ dates: market.dates, small: r.smallEquity, large: r.largeEquity }, entries.filter((i) => i >= 0), { draws: RUN_PATH_DRAWS });
  writeFileSync(
    join(dir, 'events-path.csv'),
    toCsv(['offset_months', 'n', 'mean', 'boot_low', 'boot_high', 'placebo_low', 'placebo_high'], p.offsets.map((m, k) => [m, p.n[k], p.mean[k], p.bootLow[k], p.bootHigh[k], p.placeboLow[k], p.placeboHigh[k]])),
  );
}
