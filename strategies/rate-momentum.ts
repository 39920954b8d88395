import { defineStrategy } from '../engine/strategy/define.js';
import { fromSignal } from '../engine/strategy/allocation.js';
import { changeOverMonths } from '../engine/strategy/signals.js';

/** Small caps when the policy rate (or the 2-year yield) fell over the last k months. */
export default defineStrategy({
  id: 'rate-momentum',
  name: 'Rate momentum',
  description:
    'Idea: falling rates ease financing for smaller, more indebted firms; the 2-year yield anticipates the policy rate. Rule: small caps when the chosen rate fell by more than `threshold` points over the last `months` calendar months, large caps otherwise; large caps while the rate is unknown (before its data, or after it goes stale).',
  assets: ['small', 'large'],
  series: ['ust_2y'],
  params: {
    rate: { type: 'enum', values: ['policy', 'ust_2y'], default: 'policy', description: 'policy rate or 2-year Treasury yield' },
    months: { type: 'integer', default: 6, min: 1, max: 24, step: 1, description: 'lookback in calendar months' },
    threshold: { type: 'number', default: 0, min: 0, max: 2, step: 0.25, description: 'minimum fall, percentage points' },
  },
  seriesFor: (p) => (p.rate === 'ust_2y' ? ['ust_2y'] : []),
  weights(view, p, out) {
    const rate = p.rate === 'policy' ? view.fed.policyRate : view.series('ust_2y');
    const o = out ?? { small: new Float64Array(view.length), large: new Float64Array(view.length) };
    const d = changeOverMonths(view.dates, rate, p.months, o.large); // scratch: overwritten below
    const signal = o.small;
    for (let t = 0; t < view.length; t++) signal[t] = d[t] !== d[t] ? NaN : -d[t] > p.threshold ? 1 : 0;
    return fromSignal(signal, 'small', 'large', 'large', o);
  },
});
