/**
 * The columns of a run folder that do not depend on the strategy: everything a run's files show
 * of the market itself (dates, each asset's returns, buy-and-hold equity and drawdown and trailing
 * statistics, cash, the benchmark, the Fed's rate, phase and cycle, calendar returns, box
 * statistics), as the CSV cells the files hold, plus the few numbers the strategy's own columns
 * are combined with. Computed once per market and benchmark; the run cache (run-cache.ts) keeps
 * them so that a run on the same data formats only the strategy's cells.
 */
import { isoDay } from '../../core/dates.js';
import { equityCurve } from '../../core/equity-curve.js';
import { numberCells, textCells } from '../../core/io/csv-writer.js';
import { Phase, type Market } from '../../core/types.js';
import { boxStats, type BoxStats } from '../../measure/analytics/quantiles.js';
import { rollingStats } from '../../measure/analytics/rolling-stats.js';
import { calendarReturns } from '../../measure/metrics/calendar-returns.js';
import { drawdownSeries } from '../../measure/metrics/drawdowns.js';

/** The fields of a quantiles.csv row after its period and series, in column order. */
export const BOX_FIELDS = ['n', 'min', 'whiskerLow', 'q1', 'median', 'q3', 'whiskerHigh', 'max', 'mean'] as const satisfies readonly (keyof BoxStats)[];

/** The trailing statistics of rolling.csv, per series, in column order. */
export const ROLLING_FIELDS = ['ret', 'volatility', 'sharpe', 'beta'] as const;

const PHASE_NAME: Record<number, string> = { [Phase.Easing]: 'easing', [Phase.Tightening]: 'tightening', [Phase.Hold]: 'hold' };

/**
 * Named columns of cells (each as csvCell writes it, every one reading back as itself) and named
 * number arrays. Names: `date`, `policy_rate`, `phase`, `cycle_id`, `cash`, `benchmark`; per asset
 * `return:<a>`, `hold:<a>`, `drawdown:<a>`, `rolling:<a>:<field>`, `monthly:<a>`, `annual:<a>`;
 * `month:year`, `month:month`, `year:year`. Numbers: `monthly:<a>`, `annual:<a>` (the calendar
 * returns), `rolling:large:ret` (the large asset's trailing return), `box:<period>:<a>` (the
 * {@link BOX_FIELDS} of the asset's returns by day, month and year).
 */
export interface MarketColumns {
  cells: Map<string, string[]>;
  values: Map<string, Float64Array>;
}

/** The periods of quantiles.csv for a market's frequency (`day` only for daily bars). */
export function boxPeriods(frequency: Market['frequency']): ('day' | 'month' | 'year')[] {
  return frequency === 'daily' ? ['day', 'month', 'year'] : ['month', 'year'];
}

/**
 * Computes the {@link MarketColumns} of a market with the benchmark returns a run's metrics used
 * (see benchmarkReturns): the same numbers, and the same text, as the run's files show.
 */
export function marketColumns(market: Market, benchmarkReturns: Float64Array): MarketColumns {
  return withCheapColumns(costlyColumns(market, benchmarkReturns), market, benchmarkReturns);
}

/**
 * Adds the columns that cost little to write, and that a cache would only make larger: the dates,
 * and the columns of few distinct values (cash, the policy rate, phase and cycle id: one text per
 * run of equal values, see numberCells), and the benchmark's when they are an asset's own returns
 * (its `return:<a>` cells, the same text).
 */
export function withCheapColumns(mc: MarketColumns, market: Market, benchmarkReturns: Float64Array): MarketColumns {
  const { cells } = mc;
  const { dates, fed } = market;
  const T = dates.length;
  const iso: string[] = new Array(T);
  for (let t = 0; t < T; t++) iso[t] = isoDay(dates[t]);
  cells.set('date', textCells(iso).cells);
  cells.set('policy_rate', numberCells(fed.policyRate));
  const phase: string[] = new Array(T);
  for (let t = 0; t < T; t++) phase[t] = PHASE_NAME[fed.phase[t]] ?? '';
  cells.set('phase', textCells(phase).cells);
  cells.set('cycle_id', numberCells(fed.cycleId));
  cells.set('cash', numberCells(market.cash));
  const asset = market.assets.find((a) => market.returns[a] === benchmarkReturns);
  if (asset !== undefined) cells.set('benchmark', cells.get(`return:${asset}`)!);
  return mc;
}

/**
 * The columns worth keeping in the run cache: everything of {@link MarketColumns} but what
 * {@link withCheapColumns} adds (the benchmark's cells only when they are not an asset's returns).
 */
export function costlyColumns(market: Market, benchmarkReturns: Float64Array): MarketColumns {
  const cells = new Map<string, string[]>();
  const values = new Map<string, Float64Array>();
  const { dates } = market;
  if (!market.assets.some((a) => market.returns[a] === benchmarkReturns)) cells.set('benchmark', numberCells(benchmarkReturns));
  const large = market.returns[market.large];
  const months: string[][] = [[], []];
  const years: string[] = [];
  market.assets.forEach((a, k) => {
    const returns = market.returns[a];
    cells.set(`return:${a}`, numberCells(returns));
    const hold = equityCurve(returns);
    cells.set(`hold:${a}`, numberCells(hold));
    cells.set(`drawdown:${a}`, numberCells(drawdownSeries(hold)));
    const roll = rollingStats({ dates, returns, cash: market.cash, benchmark: large, periodsPerYear: market.periodsPerYear });
    for (const f of ROLLING_FIELDS) cells.set(`rolling:${a}:${f}`, numberCells(roll[f]));
    if (a === market.large) values.set('rolling:large:ret', roll.ret);
    const cal = calendarReturns(dates, returns);
    if (k === 0) {
      for (const m of cal.months) {
        months[0].push(String(m.year));
        months[1].push(String(m.month));
      }
      for (const y of cal.years) years.push(String(y.year));
    }
    const monthly = Float64Array.from(cal.months, (m) => m.ret);
    const annual = Float64Array.from(cal.years, (y) => y.ret);
    values.set(`monthly:${a}`, monthly);
    values.set(`annual:${a}`, annual);
    cells.set(`monthly:${a}`, numberCells(monthly));
    cells.set(`annual:${a}`, numberCells(annual));
    for (const p of boxPeriods(market.frequency)) {
      const b = boxStats(p === 'day' ? returns.subarray(1) : p === 'month' ? monthly : annual);
      values.set(
        `box:${p}:${a}`,
        Float64Array.from(BOX_FIELDS, (f) => b[f]),
      );
    }
  });
  cells.set('month:year', months[0]);
  cells.set('month:month', months[1]);
  cells.set('year:year', years);
  return { cells, values };
}
