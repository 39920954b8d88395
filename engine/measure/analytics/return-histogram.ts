import { normalCdf } from '../metrics/normal.js';
import { mean, stdev } from '../metrics/moments.js';
import { quantileSorted } from './quantiles.js';

/** A histogram of several return series on common bins, with each series' fitted normal. */
export interface ReturnHistogram {
  /** Bin edges, fractions: bin i is [edges[i], edges[i + 1]). */
  edges: Float64Array;
  /** Per series: observations per bin, and the count a normal with the series' mean and sample standard deviation expects there. */
  series: { name: string; n: number; mean: number; sd: number; counts: Float64Array; normal: Float64Array }[];
}

/** Rounds a bin width up to 1, 2, 2.5 or 5 × 10^k. */
function niceWidth(w: number): number {
  const k = Math.pow(10, Math.floor(Math.log10(w)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * k >= w * (1 - 1e-12)) return m * k;
  return 10 * k;
}

/**
 * Histogram of returns on bins shared by every series: width from the Freedman–Diaconis rule
 * 2·IQR·n^(−1/3) on the pooled values (Freedman & Diaconis 1981), rounded up to a nice width,
 * edges on multiples of it (`maxBins`, `minBins` bound the count). The normal fit expects n·(Φ((b₁ − μ)/σ) − Φ((b₀ − μ)/σ)) per bin.
 * NaN values are skipped.
 * @example returnHistogram([{ name: 'strategy', values: monthly }]).series[0].counts
 */
export function returnHistogram(
  input: readonly { name: string; values: ArrayLike<number> }[],
  opts: { maxBins?: number; minBins?: number } = {},
): ReturnHistogram {
  const clean = input.map((s) => Float64Array.from(Array.from(s.values).filter(Number.isFinite)));
  const pooled = Float64Array.from(clean.flatMap((v) => Array.from(v))).sort();
  if (pooled.length === 0)
    return {
      edges: new Float64Array(0),
      series: input.map((s) => ({ name: s.name, n: 0, mean: NaN, sd: NaN, counts: new Float64Array(0), normal: new Float64Array(0) })),
    };
  const lo = pooled[0],
    hi = pooled[pooled.length - 1];
  const iqr = quantileSorted(pooled, 0.75) - quantileSorted(pooled, 0.25);
  let width = iqr > 0 ? 2 * iqr * Math.pow(pooled.length, -1 / 3) : (hi - lo) / 10 || 0.01;
  const maxBins = opts.maxBins ?? 60;
  if ((hi - lo) / width > maxBins) width = (hi - lo) / maxBins;
  if (opts.minBins && hi > lo && (hi - lo) / width < opts.minBins) width = (hi - lo) / opts.minBins;
  width = niceWidth(width);
  const first = Math.floor(lo / width);
  const bins = Math.max(1, Math.floor(hi / width) - first + 1);
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => Number(((first + i) * width).toPrecision(12)));
  return {
    edges,
    series: input.map((s, k) => {
      const v = clean[k];
      const counts = new Float64Array(bins);
      for (const x of v) counts[Math.min(bins - 1, Math.max(0, Math.floor(x / width) - first))]++;
      const m = mean(v),
        sd = stdev(v);
      const normal = Float64Array.from({ length: bins }, (_, i) =>
        sd > 0 ? v.length * (normalCdf((edges[i + 1] - m) / sd) - normalCdf((edges[i] - m) / sd)) : NaN,
      );
      return { name: s.name, n: v.length, mean: m, sd, counts, normal };
    }),
  };
}
