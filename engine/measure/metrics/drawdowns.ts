/** Drawdown at each bar, a fraction ≤ 0: equity / running peak − 1. */
export function drawdownSeries(equity: ArrayLike<number>): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = -Infinity;
  for (let t = 0; t < equity.length; t++) {
    if (equity[t] > peak) peak = equity[t];
    out[t] = equity[t] / peak - 1;
  }
  return out;
}

/** One drawdown episode: from a running peak, through its trough, to the first bar back at or above the peak. */
export interface Drawdown {
  /** Dates (days since epoch) of the peak, the trough and the recovery (NaN if not recovered). */
  peak: number;
  trough: number;
  recovery: number;
  /** Depth: trough / peak − 1, a negative fraction. */
  depth: number;
  /** Calendar days from the peak to the recovery, or to the last bar if not recovered. */
  days: number;
}

/** Every drawdown episode of an equity curve, in time order (dates are days since epoch). */
export function drawdownEpisodes(dates: Int32Array, equity: ArrayLike<number>): Drawdown[] {
  const out: Drawdown[] = [];
  const T = equity.length;
  let peak = 0;
  let trough = 0;
  let down = false;
  for (let t = 1; t < T; t++) {
    if (equity[t] >= equity[peak]) {
      if (down)
        out.push({ peak: dates[peak], trough: dates[trough], recovery: dates[t], depth: equity[trough] / equity[peak] - 1, days: dates[t] - dates[peak] });
      down = false;
      peak = t;
      trough = t;
    } else if (!down || equity[t] < equity[trough]) {
      trough = t;
      down = true;
    }
  }
  if (down) out.push({ peak: dates[peak], trough: dates[trough], recovery: NaN, depth: equity[trough] / equity[peak] - 1, days: dates[T - 1] - dates[peak] });
  return out;
}

/** The `n` deepest drawdown episodes, deepest first (ties: earlier peak first). */
export function drawdownTable(dates: Int32Array, equity: ArrayLike<number>, n: number): Drawdown[] {
  return drawdownEpisodes(dates, equity)
    .sort((a, b) => a.depth - b.depth || a.peak - b.peak)
    .slice(0, n);
}
