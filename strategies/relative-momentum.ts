import { defineStrategy } from '../engine/strategy/define.js';
import { fromSignal } from '../engine/strategy/allocation.js';
import { momentum } from '../engine/strategy/signals.js';

/** Small vs large 12-1 month momentum: hold the leader. */
export default defineStrategy({
  id: 'relative-momentum',
  name: 'Relative momentum',
  description:
    "Idea: size leadership persists (Jegadeesh & Titman style momentum applied to the small-minus-large spread). Rule: small caps when their return from `lookback` to `skip` calendar months ago beats large caps' by more than `margin`, large caps otherwise (and until a full lookback exists).",
  assets: ['small', 'large'],
  params: {
    lookback: { type: 'integer', default: 12, min: 2, max: 36, step: 1, description: 'start of the momentum window, months ago' },
    skip: { type: 'integer', default: 1, min: 0, max: 6, step: 1, description: 'end of the window, months ago (skips short-term reversal)' },
    margin: { type: 'number', default: 0, min: 0, max: 0.2, step: 0.01, description: 'required outperformance, fraction' },
  },
  weights(view, p, out) {
    const o = out ?? { small: new Float64Array(view.length), large: new Float64Array(view.length) };
    const s = momentum(view.dates, view.price('small'), p.lookback, p.skip, o.small); // scratch: overwritten below
    const l = momentum(view.dates, view.price('large'), p.lookback, p.skip, o.large);
    const signal = o.small;
    for (let t = 0; t < view.length; t++) signal[t] = s[t] !== s[t] || l[t] !== l[t] ? NaN : s[t] - l[t] > p.margin ? 1 : 0;
    return fromSignal(signal, 'small', 'large', 'large', o);
  },
});
