/** A series read point in time: its observations, the day each became known, and its staleness limit. */
export interface Indicator {
  id: string;
  /** Observation (reference) dates, values, and the day each became known (non-decreasing). */
  dates: Int32Array;
  values: Float64Array;
  known: Int32Array;
  /** Days after which a value is stale when no newer one is known (the catalog's maxStaleDays; Infinity when none). */
  maxStaleDays: number;
  units: string;
}

/**
 * Index of the latest observation known at the close of `day` (−1 when none yet): the last i
 * with known[i] ≤ day. Observations are never taken before they were published.
 *
 * @example knownIndex({ known: Int32Array.of(10, 40, 70), … }, 45) // 1
 */
export function knownIndex(s: Pick<Indicator, 'known'>, day: number): number {
  let lo = 0,
    hi = s.known.length - 1,
    out = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s.known[mid] <= day) {
      out = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return out;
}
