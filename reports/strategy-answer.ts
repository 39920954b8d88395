import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber, formatPercent } from '../engine/core/format.js';
import { readCsv } from '../engine/market/data/read-csv.js';
import type { Table } from './read-run.js';

/** strategy-inference.csv of a run folder as header-keyed rows ([] when the folder predates it). */
export function readStrategyInference(dir: string): Table {
  const file = join(dir, 'strategy-inference.csv');
  if (!existsSync(file)) return [];
  const { header, rows } = readCsv(file);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The strategy's own answer: its annualized difference from a benchmark, with interval, test and verdict. */
export interface StrategyAnswer {
  /** `large`, `small` or `cash`: the row of strategy-inference.csv it reads. */
  versus: string;
  verdict: 'ahead' | 'behind' | 'not distinguishable' | 'not tested';
  /** Annualized mean difference (fraction a year) and its 95 % interval. */
  estimate: number;
  low: number;
  high: number;
  /** The smallest difference these data could detect (5 % two-sided test, 80 % power), fraction a year. */
  mde: number;
  /** One plain sentence: verdict, estimate, interval, t, n, null, rule and, when not shown, the MDE. */
  sentence: string;
}

const num = (v: string | undefined) => (v === undefined || v === '' ? NaN : Number(v));
const signed = (x: number) => (x > 0 ? `+${formatPercent(x, 1)}` : formatPercent(x, 1).replace(/^-/, '−'));

/** z for a two-sided 5 % test plus z for 80 % power: 1.96 + 0.84 (Cohen 1988). */
const MDE_Z = 1.959964 + 0.841621;

/**
 * The strategy against one benchmark from its strategy-inference.csv rows: "ahead" or "behind"
 * when the block-bootstrap 95 % interval of the annualized mean difference excludes zero, else
 * "not distinguishable" with the minimum detectable effect (1.96 + 0.84 standard errors, the
 * standard error read off the interval's width); "not tested" without a finite interval. The n
 * is the bars and, dividing by the bootstrap's block length, the independent blocks behind it.
 *
 * @example strategyAnswer(rows, 'large', 'large caps (spx)').verdict // 'not distinguishable'
 */
export function strategyAnswer(rows: Table, versus: string, label: string): StrategyAnswer | undefined {
  const r = rows.find((x) => x.versus === versus);
  if (!r) return undefined;
  const estimate = num(r.mean_ann);
  const low = num(r.ci_low);
  const high = num(r.ci_high);
  const n = num(r.n);
  const block = num(r.block_length);
  const se = (high - low) / (2 * 1.959964);
  const mde = MDE_Z * se;
  const tested = Number.isFinite(low) && Number.isFinite(high);
  const verdict = !tested ? 'not tested' : low > 0 ? 'ahead' : high < 0 ? 'behind' : 'not distinguishable';
  const blocks = Number.isFinite(block) && block > 0 ? `, about ${formatNumber(n / block, 0)} independent blocks of ${formatNumber(block, 1)} bars` : '';
  const word =
    verdict === 'ahead' ? 'AHEAD of' : verdict === 'behind' ? 'BEHIND' : verdict === 'not tested' ? 'NOT TESTED against' : 'NOT DISTINGUISHABLE from';
  const interval = tested ? ` (95 % CI ${signed(low)} to ${signed(high)})` : '';
  const t = Number.isFinite(num(r.nw_t)) ? `, Newey–West t ${formatNumber(num(r.nw_t)).replace(/^-/, '−')}` : '';
  const detect =
    verdict === 'not distinguishable' && Number.isFinite(mde)
      ? `; the smallest difference these data could detect (5 % test, 80 % power) is ±${formatPercent(mde, 1)} a year`
      : '';
  const sentence =
    `The strategy is ${word} ${label}: ${signed(estimate)} a year${interval}${t}; ${formatNumber(n, 0)} bars${blocks}. ` +
    `Null: its mean return equals that of ${label}; rule: ahead or behind when the block-bootstrap 95 % interval excludes 0${detect}.`;
  return { versus, verdict, estimate, low, high, mde, sentence };
}
