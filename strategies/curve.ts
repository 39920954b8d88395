import { defineStrategy } from '../engine/strategy/define.js';
import { fromSignal } from '../engine/strategy/allocation.js';
import { changeOverMonths } from '../engine/strategy/signals.js';

/** Small caps while the yield curve steepens. */
export default defineStrategy({
  id: 'curve',
  name: 'Yield-curve steepening',
  description:
    'Idea: a steepening curve (short rates falling faster than long ones, or growth expectations rising) has historically favoured small caps. Rule: small caps when the 10y−2y spread (or 10y−3m) rose by more than `threshold` points over `months` calendar months, large caps otherwise or while the spread is unknown (10y−3m ends with the Treasury data in 2024-01; 10y−2y runs to 2026-06).',
  assets: ['small', 'large'],
  series: ['t10y2y', 'ust_10y', 'tbill_3m'],
  params: {
    spread: { type: 'enum', values: ['10y2y', '10y3m'], default: '10y2y', description: 'which spread' },
    months: { type: 'integer', default: 3, min: 1, max: 12, step: 1, description: 'lookback in calendar months' },
    threshold: { type: 'number', default: 0, min: 0, max: 1, step: 0.05, description: 'minimum steepening, percentage points' },
  },
  seriesFor: (p) => (p.spread === '10y2y' ? ['t10y2y'] : ['ust_10y', 'tbill_3m']),
  weights(view, p, out) {
    let spread: Float64Array;
    if (p.spread === '10y2y') spread = view.series('t10y2y');
    else {
      const a = view.series('ust_10y');
      const b = view.series('tbill_3m');
      spread = new Float64Array(view.length);
      for (let t = 0; t < view.length; t++) spread[t] = a[t] - b[t];
    }
    const o = out ?? { small: new Float64Array(view.length), large: new Float64Array(view.length) };
    const d = changeOverMonths(view.dates, spread, p.months, o.large); // scratch: overwritten below
    const signal = o.small;
    for (let t = 0; t < view.length; t++) signal[t] = d[t] !== d[t] ? NaN : d[t] > p.threshold ? 1 : 0;
    return fromSignal(signal, 'small', 'large', 'large', o);
  },
});
