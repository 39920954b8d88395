/**
 * Compounds a per-observation return series into per-bar returns: bar t gets
 * Π(1 + r) − 1 over observations dated in (calendar[t−1], calendar[t]]; bar 0 gets 0.
 * Bars after the last observation get NaN (the caller decides what that means).
 */
export function compoundBetween(calendar: Int32Array, dates: Int32Array, returns: Float64Array): Float64Array {
  const out = new Float64Array(calendar.length);
  let j = 0;
  while (j < dates.length && dates[j] <= calendar[0]) j++;
  const last = dates.length ? dates[dates.length - 1] : -Infinity;
  for (let t = 1; t < calendar.length; t++) {
    if (calendar[t] > last) {
      out[t] = NaN;
      continue;
    }
    let growth = 1;
    while (j < dates.length && dates[j] <= calendar[t]) growth *= 1 + returns[j++];
    out[t] = growth - 1;
  }
  return out;
}
