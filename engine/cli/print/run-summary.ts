import { join } from 'node:path';
import { isoDay } from '../../core/dates.js';
import { formatCumulative } from '../../core/format.js';
import { metricsJson } from '../../formats/run-folder.js';
import type { Metrics } from '../../measure/metrics/compute-metrics.js';
import type { BacktestSimulation } from '../../workflows/run/backtest.js';
import { num, pct, wrapText } from '../format.js';
import { textTable } from '../table.js';

/** The rows of the metrics table: label and how a column's metrics show. */
const ROWS: [string, (m: Metrics) => string][] = [
  ['Total return', (m) => formatCumulative(m.totalReturn)],
  ['CAGR', (m) => pct(m.cagr)],
  ['Volatility (ann.)', (m) => pct(m.volatility)],
  ['Sharpe (excess)', (m) => num(m.sharpe)],
  ['Sortino (excess)', (m) => num(m.sortino)],
  ['Max drawdown', (m) => pct(m.maxDrawdown)],
  ['Calmar', (m) => num(m.calmar)],
  ['Exposure', (m) => pct(m.exposure)],
  ['Turnover (ann.)', (m) => pct(m.turnoverAnnual)],
  ['Rebalances', (m) => num(m.rebalances, 0)],
  ['Beta', (m) => num(m.beta)],
  ['Information ratio', (m) => num(m.informationRatio)],
];

/** The compact metrics table of a backtest (the strategy, small and large caps, and any other benchmark column) and the line naming the benchmark of beta. */
export function metricsLines(r: BacktestSimulation): string[] {
  const extra = Object.keys(r.metrics).filter((k) => !['strategy', 'small', 'large'].includes(k));
  const cols = [r.metrics.strategy, r.metrics.small, r.metrics.large, ...extra.map((k) => r.metrics[k])];
  const table = textTable(
    [
      'metric',
      r.strategy.id,
      `small (${r.market.small})`,
      `large (${r.market.large})`,
      ...extra.map((k) => (k === 'bonds' && r.market.bonds ? `bonds (${r.market.bonds})` : `benchmark (${k})`)),
    ],
    ROWS.map(([label, f]) => [label, ...cols.map((m) => f(m))]),
  );
  return [table, `(beta and information ratio against ${r.benchmark === 'small' || r.benchmark === 'large' ? `${r.benchmark} caps` : r.benchmark})`];
}

/** The line saying when a backtest's equity fell to 0 or below, or '' when it never did. */
export function ruinedLine(r: BacktestSimulation): string {
  return r.sim.ruinBar >= 0 ? `ruined on ${isoDay(r.market.dates[r.sim.ruinBar])}: equity fell to 0 or below; positions closed, equity 0 from there` : '';
}

/** What `run` prints once the simulation is done: the strategy (its `name`), universe, period, bars and `lag`, the ruin line if any, and the metrics. */
export function simulatedLines(name: string, r: BacktestSimulation, lag: number): string[] {
  const m = r.market;
  const ruined = ruinedLine(r);
  return [
    `${name} on ${m.universe} (${isoDay(m.dates[0])} to ${isoDay(m.dates[m.dates.length - 1])}, ${m.dates.length.toLocaleString('en-US')} bars, lag ${lag})`,
    ...(ruined ? [ruined] : []),
    ...metricsLines(r),
  ];
}

/** `run --json`: the run's id and folder, the ruin line if any, the data warnings and every column's metrics. */
export function runJson(id: string, out: string, r: BacktestSimulation): object {
  const ruined = ruinedLine(r);
  return {
    run: id,
    out,
    ...(ruined ? { ruined } : {}),
    warnings: r.market.warnings,
    metrics: Object.fromEntries(Object.entries(r.metrics).map(([k, m]) => [k, metricsJson(m)])),
  };
}

/** The end of `run`: the strategy's own answer (a sentence wrapped to `width`, when there is one) and the folder written, with its report when one was written. */
export function runDoneLines(answer: string | undefined, out: string, report: boolean, width: number): string[] {
  return [...(answer !== undefined ? [`\n${wrapText(answer, width, '  ', '')}`] : []), `\nwrote ${out}${report ? ` (open ${join(out, 'report.html')})` : ''}`];
}
