import { forwardSpreads, lastBarOnOrBefore, type EventInput } from '../../measure/analytics/event-study.js';

/** The entry dates a placebo may use on one market at one horizon: forward spreads where the window is complete, and their mean. */
export interface ShiftWindow {
  eligible: Float64Array;
  eligibleDates: Int32Array;
  center: number;
}

/** The eligible entry bars of `input` at horizon `h` months (a complete forward window), with their mean spread. */
export function shiftWindow(input: EventInput, h: number): ShiftWindow {
  const fw = forwardSpreads(input, h);
  const idx: number[] = [];
  for (let t = 0; t < fw.length; t++) if (Number.isFinite(fw[t])) idx.push(t);
  const eligible = Float64Array.from(idx, (t) => fw[t]);
  return { eligible, eligibleDates: Int32Array.from(idx, (t) => input.dates[t]), center: eligible.reduce((a, b) => a + b, 0) / eligible.length };
}

/** Days from a window's first eligible date to its last, inclusive. */
export const windowSpan = (w: ShiftWindow): number => w.eligibleDates[w.eligibleDates.length - 1] - w.eligibleDates[0] + 1;

/**
 * The summed spread after `entries` shifted by `delta` calendar days, each wrapping inside the
 * window (the first eligible bar on or after the shifted day). Shifting several windows by one `delta` keeps the dependence between them (the
 * joint placebo of the specification curve and of the pooled panel).
 */
export function shiftedSum(w: ShiftWindow, entries: readonly number[], delta: number): number {
  const lo = w.eligibleDates[0];
  const L = windowSpan(w);
  let sum = 0;
  for (const d of entries) {
    const target = lo + ((((d - lo + delta) % L) + L) % L);
    let i = lastBarOnOrBefore(w.eligibleDates, target - 1) + 1;
    if (i >= w.eligible.length) i = 0;
    sum += w.eligible[i];
  }
  return sum;
}
