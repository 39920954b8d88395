import type { DeflatedSharpeReport, PboReport } from '../../engine/formats/sweep-folder.js';

/** A deflated Sharpe ratio counts as convincing from this value (the page's and the docs' rule). */
export const DSR_RULE = 0.95;
/** A probability of backtest overfitting above this says the in-sample choice overfits. */
export const PBO_RULE = 0.5;

const percent = (x: number) => `${Math.round(x * 100)}%`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * What a sweep's deflated Sharpe ratio against cash means, in one sentence with its rule.
 *
 * @example dsrVsCashWords({ value: 0.41, trials: 72, … }) // "DSR 0.41: after 72 trials, the probability … is 41 % — not convincing (rule: ≥ 0.95)."
 */
export function dsrVsCashWords(d: DeflatedSharpeReport): string {
  if (!Number.isFinite(d.value)) return `DSR not computed: the best set has no Sharpe ratio over cash to deflate.`;
  return `DSR ${d.value.toFixed(2)}: after ${count(d.trials)} trials, the probability that the best set's true Sharpe ratio over cash is above zero by more than the luck of ${count(d.trials)} tries would give is ${percent(d.value)} — ${d.value >= DSR_RULE ? 'convincing' : 'not convincing'} (rule: ≥ ${DSR_RULE}).`;
}

/**
 * The deflated Sharpe ratio against the benchmark (the best set's monthly returns minus the
 * benchmark's: its information ratio), in one sentence.
 *
 * @example dsrVsBenchmarkWords(report, 'large caps') // "Against large caps: DSR 0.12 — …"
 */
export function dsrVsBenchmarkWords(d: DeflatedSharpeReport, benchmark: string): string {
  if (!Number.isFinite(d.value)) return `Against ${benchmark}: DSR not computed.`;
  return `Against ${benchmark}: DSR ${d.value.toFixed(2)} — the probability that the best set's monthly lead over ${benchmark} (its information ratio, ${count(d.observations)} months) is more than the best of ${count(d.trials)} unskilled trials would show is ${percent(d.value)}: ${d.value >= DSR_RULE ? 'convincing' : 'not convincing'} (rule: ≥ ${DSR_RULE}).`;
}

/**
 * What a sweep's probability of backtest overfitting means, in one sentence with its rule.
 *
 * @example pboWords({ value: 0.62, splits: 12870, … }) // "PBO 0.62: in 62 % of the 12,870 CSCV splits … — the choice overfits (rule: > 0.5)."
 */
export function pboWords(p: PboReport): string {
  if (p.value === null) return `PBO not computed: ${p.reason}.`;
  const verdict =
    p.value > PBO_RULE
      ? 'the choice overfits: more often than not, the set picked in sample does worse out of sample than the median set'
      : 'no sign that picking the best in-sample set overfits';
  return `PBO ${p.value.toFixed(2)}: in ${percent(p.value)} of the ${count(p.splits)} CSCV splits the set best in sample ranked at or below the median out of sample — ${verdict} (rule: > ${PBO_RULE} overfits).`;
}
