import type { RunData } from '../read-run.js';
import { escapeHtml } from './escape.js';
import { formatPercent, formatValue } from '../../engine/core/format.js';
import { readStrategyInference, strategyAnswer } from '../strategy-answer.js';

function n(v: string | undefined): number {
  return v === undefined || v === '' ? NaN : Number(v);
}

/**
 * The answer of a run: first the strategy's own (its annualized difference from large caps with
 * interval, verdict and MDE, see strategyAnswer), then the rate-cycle answer in three sentences, each with its n: small vs large caps 12
 * months after each first cut (mean spread and how many cycles small caps won), the same in
 * easing phases, and the strategy against both buy-and-holds. The verdict answers "were small
 * caps ahead?" by the bootstrap 95 % interval of the mean spread and prints its rule; whether first
 * cuts beat other dates — the claim's own question — is left to `ratecycle claims`, and said so.
 */
export function verdict(run: RunData): string {
  const u = run.manifest.universe;
  const s12 = run.eventsSummary.find((s) => s.event === 'first-cut' && s.horizon_months === '12');
  const count = s12 ? n(s12.n) : 0;
  const hit = s12 ? n(s12.spread_hit_rate) : NaN;
  const wins = Math.round(hit * count);
  const spread = s12 ? n(s12.spread_mean) : NaN;
  const low = s12 ? n(s12.spread_ci_low) : NaN;
  const high = s12 ? n(s12.spread_ci_high) : NaN;
  const call = verdictCall(count, low, high);
  const easing = run.regimes.find((r) => r.scope === 'phase' && r.label === 'easing');
  const m = run.metrics.metrics;
  const s = m.strategy,
    l = m.large,
    sm = m.small;
  const rows = [
    count > 0
      ? `<li><b>After first cuts (12 months, n = ${count} cycles):</b> small caps ${formatPercent(n(s12!.small_mean))} vs large caps ${formatPercent(n(s12!.large_mean))} on average (spread ${formatPercent(spread)}${Number.isFinite(low) ? `, 95 % CI ${formatPercent(low)} to ${formatPercent(high)}` : ''}${s12!.placebo_p ? `, placebo p ${formatValue(n(s12!.placebo_p), 'ratio')}` : ''}); small caps ahead in ${wins} of ${count}.</li>`
      : '<li><b>After first cuts:</b> no easing cycle with 12 months of data after its first cut in this period.</li>',
    easing
      ? `<li><b>In easing phases</b> (${Number(easing.days).toLocaleString('en-US')} days): small caps ${formatPercent(n(easing.small_ann))} a year vs large caps ${formatPercent(n(easing.large_ann))}.</li>`
      : '',
    `<li><b>The strategy:</b> CAGR ${formatValue(s.cagr, 'fraction')} (small ${formatValue(sm.cagr, 'fraction')}, large ${formatValue(l.cagr, 'fraction')}), Sharpe ${formatValue(s.sharpe, 'ratio')} (${formatValue(sm.sharpe, 'ratio')}, ${formatValue(l.sharpe, 'ratio')}), max drawdown ${formatValue(s.maxDrawdown, 'fraction')} (${formatValue(sm.maxDrawdown, 'fraction')}, ${formatValue(l.maxDrawdown, 'fraction')}), ${formatValue(run.manifest.period.bars, 'count')} bars.</li>`,
  ];
  // the strategy's own answer first: against large caps, its benchmark by default
  const own = strategyAnswer(readStrategyInference(run.dir), 'large', `large caps (${u.large})`);
  const mine = own
    ? `<p class="call" id="strategy-call">The strategy vs large caps: <b>${escapeHtml(own.verdict)}</b></p><p class="how">${escapeHtml(own.sentence)}</p>`
    : '';
  return `<div class="verdict" id="verdict">${mine}<p class="call" id="rate-cycle-call">Rate-cycle verdict (${escapeHtml(u.small)} vs ${escapeHtml(u.large)}, whatever the strategy): <b>${escapeHtml(call)}</b></p><ul>${rows.join('')}</ul>
<p class="how">Rule: "small caps ahead" when the bootstrap 95 % interval of the mean 12-month small − large spread after first cuts lies above zero, "large caps ahead" when it lies below zero, "no evidence either way" when it contains zero, and "too few cycles to test" under 5 cycles (n = ${count}). This says whether small caps were ahead, not whether the cuts made them so: <code>ratecycle claims</code> tests that (first cuts against every other entry date, with the independent cycles as the n). Details in "How sure can we be?" below.</p></div>`;
}

/** The verdict's rule: the sign of a 95 % interval that excludes zero, else no evidence; under 5 events, too few to test. */
export function verdictCall(count: number, low: number, high: number): string {
  if (!(count > 0)) return 'no complete first-cut cycle in this period';
  if (count < 5 || !Number.isFinite(low) || !Number.isFinite(high)) return 'too few cycles to test';
  if (low > 0) return 'small caps ahead';
  if (high < 0) return 'large caps ahead';
  return 'no evidence either way';
}
