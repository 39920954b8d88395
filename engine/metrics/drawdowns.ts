/** Drawdown at each bar: equity / running peak − 1 (≤ 0, fraction). */
export function drawdownSeries(equity: ArrayLike<number>): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = -Infinity;
  for (let t = 0; t < equity.length; t++) {
    if (equity[t] > peak) peak = equity[t];
    out[t] = equity[t] / peak - 1;
  }
  return out;
}

/** One drawdown episode: peak, trough and recovery dates (days since epoch; recovery NaN if none). */
export interface Drawdown {
  peak: number;
  trough: number;
  recovery: number;
  /** Depth, a negative fraction. */
  depth: number;
  /** Calendar days from peak to recovery (or to the last bar if not recovered). */
  days: number;
}

/** Every drawdown episode (from a peak to the first bar back at or above it). */
export function drawdownEpisodes(dates: Int32Array, equity: ArrayLike<number>): Drawdown[] {
  const out: Drawdown[] = [];
  let peakIdx = 0;
  let troughIdx = 0;
  let inDd = false;
  for (let t = 1; t < equity.length; t++) {
    if (equity[t] >= equity[peakIdx]) {
      if (inDd) {
        out.push({ peak: dates[peakIdx], trough: dates[troughIdx], recovery: dates[t], depth: equity[troughIdx] / equity[peakIdx] - 1, days: dates[t] - dates[peakIdx] });
        inDd = false;
      }
      peakIdx = t;
      troughIdx = t;
    } else {
      if (!inDd || equity[t] < equity[troughIdx]) troughIdx = t;
      inDd = true;
    }
  }
  if (inDd) {
    const last = equity.length - 1;
    out.push({ peak: dates[peakIdx], trough: dates[troughIdx], recovery: NaN, depth: equity[troughIdx] / equity[peakIdx] - 1, days: dates[last] - dates[peakIdx] });
  }
  return out;
}

/** The `n` deepest drawdowns, deepest first. */
export function drawdownTable(dates: Int32Array, equity: ArrayLike<number>, n: number): Drawdown[] {
  return drawdownEpisodes(dates, equity)
    .sort((a, b) => a.depth - b.depth || a.peak - b.peak)
    .slice(0, n);
}
