/**
 * Indexes to keep when drawing a long series: the first and last bar, and in each of
 * `buckets` equal slices the bars where `primary` is lowest and highest (so peaks and
 * troughs survive). Returns all indexes when the series is short. Display only: tables and
 * metrics always use every bar.
 */
export function downsampleIndexes(primary: ArrayLike<number>, buckets: number): Int32Array {
  const n = primary.length;
  if (n <= buckets * 2) return Int32Array.from({ length: n }, (_, i) => i);
  const keep = new Set<number>([0, n - 1]);
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let lo = from,
      hi = from;
    for (let i = from; i < to; i++) {
      if (primary[i] < primary[lo]) lo = i;
      if (primary[i] > primary[hi]) hi = i;
    }
    keep.add(lo);
    keep.add(hi);
  }
  return Int32Array.from([...keep].sort((a, b) => a - b));
}

/** Return over a trailing window of calendar months at each bar: level[t] / level[t − window] − 1 (NaN until a full window exists). */
export function rollingReturn(dates: ArrayLike<number>, level: ArrayLike<number>, months: number): Float64Array {
  const out = new Float64Array(level.length).fill(NaN);
  const span = months * 30.436875;
  let j = 0;
  for (let t = 0; t < level.length; t++) {
    while (j + 1 <= t && dates[t] - dates[j + 1] >= span) j++;
    if (dates[t] - dates[j] >= span - 3) out[t] = level[t] / level[j] - 1;
  }
  return out;
}
