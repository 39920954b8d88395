import { defineStrategy } from './define.js';
import { fromSignalWithBonds } from './allocation.js';
import { sharedMonthsSince } from './calendar-memo.js';

/** 1 on bars within `months` of the first cut (or of any cut, when `sinceAny` is given), else 0. */
function windowSignal(since: Float64Array, sinceAny: Float64Array | null, months: number, out: Float64Array): void {
  const T = out.length;
  if (sinceAny) for (let t = 0; t < T; t++) out[t] = (since[t] >= 0 && since[t] < months) || (sinceAny[t] >= 0 && sinceAny[t] < months) ? 1 : 0;
  else for (let t = 0; t < T; t++) out[t] = since[t] >= 0 && since[t] < months ? 1 : 0;
}

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
  weights(view, p, out) {
    const T = view.length;
    const since = view.fed.monthsSinceFirstCut;
    const o = out ?? { small: new Float64Array(T), large: new Float64Array(T), bonds: new Float64Array(T) };
    const signal = o.small; // the signal is written in place, then turned into weights
    const months = p.months;
    // months since any cut: the same for every parameter set, computed once per calendar
    const sinceAny = p.every_cut ? sharedMonthsSince(view.dates, view.fomc.filter((d) => d.changeBp < 0).map((d) => d.date)) : null;
    windowSignal(since, sinceAny, months, signal);
    return fromSignalWithBonds(signal, 'small', p.otherwise, p.otherwise, o);
  },
});
