import { defineStrategy } from './define.js';
import { fromSignal } from './allocation.js';
import { changeOverMonths } from './signals.js';

/** Small caps when the ISM manufacturing PMI is above a level and/or rising (as published). */
export default defineStrategy({
  id: 'ism-cycle',
  name: 'ISM cycle',
  description:
    'Idea: small caps are more cyclical; analysts point to the ISM manufacturing PMI crossing 50. Rule: small caps when the PMI known at the close (each month\'s first release from its release date since 2007, the revised history before) is above `level` (rule level), rising over `months` (rising), both, or either; otherwise `otherwise`. Where the PMI is unknown (before 1948, or stale once the data end: the last value, November 2025, was released 2025-12-02) the strategy holds `otherwise`.',
  assets: ['small', 'large'],
  series: ['ism_pmi'],
  params: {
    level: { type: 'number', default: 50, min: 40, max: 60, step: 1, description: 'PMI threshold (50 = no change)' },
    rule: { type: 'enum', values: ['level', 'rising', 'both', 'either'], default: 'both', description: 'which condition makes the signal' },
    months: { type: 'integer', default: 3, min: 1, max: 12, step: 1, description: 'calendar months over which "rising" is measured' },
    otherwise: { type: 'enum', values: ['large', 'cash', 'mix'], default: 'large', description: 'allocation when the signal is off' },
  },
  weights(view, p, out) {
    const pmi = view.series('ism_pmi');
    const o = out ?? { small: new Float64Array(view.length), large: new Float64Array(view.length) };
    const rise = changeOverMonths(view.dates, pmi, p.months, o.large); // scratch: overwritten below
    const signal = o.small;
    for (let t = 0; t < view.length; t++) {
      if (pmi[t] !== pmi[t]) {
        signal[t] = NaN;
        continue;
      }
      const above = pmi[t] > p.level;
      const rising = rise[t] > 0;
      signal[t] = (p.rule === 'level' ? above : p.rule === 'rising' ? rising : p.rule === 'both' ? above && rising : above || rising) ? 1 : 0;
    }
    return fromSignal(signal, 'small', p.otherwise, p.otherwise, o);
  },
});
