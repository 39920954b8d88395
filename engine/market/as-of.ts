/**
 * As-of join: the value known at each calendar day's close. `known[i]` is the day the
 * i-th observation becomes known (non-decreasing); each output bar takes the last
 * observation known on or before its date (forward-filled, never backfilled). Values
 * older than `maxStaleDays` calendar days (counted from when they became known, once a
 * newer one was due) turn NaN. Returns the joined column and the first stale bar (−1 if none).
 */
export function asOfJoin(
  calendar: Int32Array,
  known: Int32Array,
  values: Float64Array,
  maxStaleDays = Infinity,
): { column: Float64Array; firstStaleBar: number } {
  const out = new Float64Array(calendar.length);
  let j = -1;
  let firstStaleBar = -1;
  for (let t = 0; t < calendar.length; t++) {
    const day = calendar[t];
    while (j + 1 < known.length && known[j + 1] <= day) j++;
    if (j < 0) {
      out[t] = NaN;
    } else if (day - known[j] > maxStaleDays) {
      out[t] = NaN;
      if (firstStaleBar < 0) firstStaleBar = t;
    } else {
      out[t] = values[j];
    }
  }
  return { column: out, firstStaleBar };
}
