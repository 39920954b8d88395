import { defineStrategy } from './define.js';
import { fromSignalWithBonds } from './allocation.js';

/**
 * Small caps for N months after the first cut of an easing cycle, large caps otherwise.
 */
export default defineStrategy({
  id: 'first-cut-rotation',
  name: 'First-cut rotation',
  description:
    'Idea: small caps outperform once the Fed starts cutting (cheaper floating-rate debt, cheaper valuations), a claim analysts repeat every cycle. Rule: hold small caps for `months` calendar months after the first cut of each easing cycle (as detected point-in-time from the FOMC decisions; with every_cut, the window restarts after every cut), otherwise `otherwise` (large caps by default; `bonds` in universes with bonds).',
  assets: ['small', 'large', 'bonds'],
  params: {
    months: { type: 'integer', default: 12, min: 1, max: 36, step: 1, description: 'calendar months to hold small caps after a first cut' },
    every_cut: { type: 'boolean', default: false, description: 'restart the window after every cut, not only the first of a cycle' },
    otherwise: { type: 'enum', values: ['large', 'cash', 'mix', 'bonds'], default: 'large', description: 'allocation outside the window (bonds: universes with bonds)' },
  },
  weights(view, p) {
    const T = view.length;
    const since = view.fed.monthsSinceFirstCut;
    const signal = new Float64Array(T);
    const cuts = view.fomc.filter((d) => d.changeBp < 0).map((d) => d.date);
    let lastCut = NaN;
    let k = 0;
    for (let t = 0; t < T; t++) {
      while (k < cuts.length && cuts[k] <= view.dates[t]) lastCut = cuts[k++];
      const sinceAny = (view.dates[t] - lastCut) / 30.436875;
      const inWindow = since[t] >= 0 && since[t] < p.months;
      signal[t] = inWindow || (p.every_cut && sinceAny >= 0 && sinceAny < p.months) ? 1 : 0;
    }
    return fromSignalWithBonds(signal, 'small', p.otherwise);
  },
});
