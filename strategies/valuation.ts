import { quantileSorted } from '../engine/measure/stats/quantile-sorted.js';
import { fromSignalWithBonds } from '../engine/strategy/allocation.js';
import { defineStrategy } from '../engine/strategy/define.js';

/** Index of the first element of ascending `sorted[0..n)` greater than `x` (binary search). */
function upperBound(sorted: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a series is above its own trailing percentile, point in time: at each bar the
 * known value is compared with the `q`-quantile (Hyndman & Fan 1996, definition 7) of the
 * series' month-end values of earlier months plus the current value, over the last `months`
 * months (rolling) or all months seen so far (expanding, at least `months`). A month's
 * sample is the value known at its last bar, taken once the next month's first bar arrives.
 * Returns 1 (above), 0 (not above) or NaN (unknown value or too little history).
 */
export function aboveTrailingQuantile(dates: Int32Array, x: Float64Array, q: number, months: number, rolling: boolean): Float64Array {
  const T = x.length;
  const out = new Float64Array(T).fill(NaN);
  const sorted = new Float64Array(T + 1); // finalized month-end samples, ascending
  const order: number[] = []; // the same samples in time order (for the rolling window)
  const merged = new Float64Array(T + 1);
  let n = 0;
  let threshold = NaN;
  let dirty = true;
  let lastX = NaN;
  const monthOf = (d: number) => {
    const dt = new Date(d * 864e5);
    return dt.getUTCFullYear() * 12 + dt.getUTCMonth();
  };
  for (let t = 0; t < T; t++) {
    if (t > 0 && monthOf(dates[t]) !== monthOf(dates[t - 1])) {
      const s = x[t - 1]; // the previous month is over: its last known value is its sample
      if (s === s) {
        const at = upperBound(sorted, n, s);
        sorted.copyWithin(at + 1, at, n);
        sorted[at] = s;
        n++;
        order.push(s);
        if (rolling && n > months - 1) {
          const old = order.shift()!;
          const k = upperBound(sorted, n, old) - 1; // an element equal to `old`
          sorted.copyWithin(k, k + 1, n);
          n--;
        }
        dirty = true;
      }
    }
    const v = x[t];
    if (v !== v || n + 1 < months) continue;
    if (dirty || v !== lastX) {
      const at = upperBound(sorted, n, v);
      merged.set(sorted.subarray(0, at), 0);
      merged[at] = v;
      merged.set(sorted.subarray(at, n), at + 1);
      threshold = quantileSorted(merged.subarray(0, n + 1), q);
      dirty = false;
      lastX = v;
    }
    out[t] = v > threshold ? 1 : 0;
  }
  return out;
}

/** Small caps when they are cheap against large caps relative to their own history. */
export default defineStrategy({
  id: 'valuation',
  name: 'Relative valuation',
  description:
    "Idea: small caps are cheap against large caps, so they should earn more (the article's valuation claim). Rule: small caps when bm_spread (book-to-market of Fama/French small stocks over that of big stocks, known one month after the month) is above its trailing `pct` percentile of month-end values (`window` rolling over `months` months, or expanding with at least `months`), otherwise `otherwise` (large caps; also while the spread is unknown or stale). A proxy: book-to-market by size group, not the Russell 2000 P/E the article cites.",
  assets: ['small', 'large', 'bonds'],
  series: ['bm_spread'],
  params: {
    pct: {
      type: 'number',
      default: 50,
      min: 5,
      max: 95,
      step: 5,
      description: 'percentile (5–95) of the trailing month-end spreads that the current spread must exceed',
    },
    window: {
      type: 'enum',
      values: ['rolling', 'expanding'],
      default: 'rolling',
      description: 'rolling window of `months` months, or every month since the start',
    },
    months: {
      type: 'integer',
      default: 120,
      min: 12,
      max: 600,
      step: 12,
      description: 'rolling window length, or the minimum history of the expanding window (months)',
    },
    otherwise: {
      type: 'enum',
      values: ['large', 'cash', 'mix', 'bonds'],
      default: 'large',
      description: 'allocation when small caps are not cheap enough (bonds: universes with bonds)',
    },
  },
  defaults: { universe: 'ff' },
  weights(view, p) {
    const signal = aboveTrailingQuantile(view.dates, view.series('bm_spread'), p.pct / 100, p.months, p.window === 'rolling');
    return fromSignalWithBonds(signal, 'small', p.otherwise);
  },
});
