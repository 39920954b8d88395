/**
 * Example user strategy: small caps from 6 to 18 months after a first Fed cut, but only
 * while manufacturing is recovering (ISM PMI rising over 3 months); large caps otherwise.
 *
 * Run it:    npx ratecycle run strategies/examples/small-after-cuts.ts
 * Audit it:  npx ratecycle audit strategies/examples/small-after-cuts.ts
 */
import { defineStrategy } from '../../engine/strategy/define.js';
import { changeOverMonths } from '../../engine/strategy/signals.js';

export default defineStrategy({
  id: 'small-after-cuts',
  name: 'Small caps after cuts, if ISM recovers',
  description:
    'Holds small caps between `from` and `to` months after the first cut of an easing cycle while the ISM PMI rose over the last 3 months; large caps otherwise (and when the PMI is unknown).',
  // Roles: "small" and "large" are the universe's small- and large-cap assets.
  assets: ['small', 'large'],
  // Series the strategy reads; each is joined as of its publication date (ISM: 1st business day of the next month).
  series: ['ism_pmi'],
  params: {
    from: { type: 'number', default: 6, min: 0, max: 24, step: 1, description: 'start of the window, months after the first cut' },
    to: { type: 'number', default: 18, min: 1, max: 36, step: 1, description: 'end of the window, months after the first cut' },
  },
  weights(view, p) {
    const months = view.fed.monthsSinceFirstCut; // NaN before the first cut; point-in-time
    const pmiRise = changeOverMonths(view.dates, view.series('ism_pmi'), 3);
    const small = new Float64Array(view.length);
    const large = new Float64Array(view.length);
    for (let t = 0; t < view.length; t++) {
      // Only index t (and earlier) may be read to decide at t: the engine trades it at t + lag.
      const on = months[t] >= p.from && months[t] < p.to && pmiRise[t] > 0;
      small[t] = on ? 1 : 0;
      large[t] = on ? 0 : 1;
    }
    return { small, large };
  },
});
