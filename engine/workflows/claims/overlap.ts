import { monthIndex } from '../../core/dates.js';
import type { Market } from '../../core/types.js';
import type { SampleOverlap } from '../../formats/claims-folder.js';

/** Monthly small − large spreads of a market (month-end to month-end), keyed by month index. */
export function monthlySpreads(m: Market): Map<number, number> {
  const out = new Map<number, number>();
  const S = m.prices[m.small],
    L = m.prices[m.large];
  let prev = -1;
  for (let t = 0; t < m.dates.length; t++) {
    const end = t + 1 === m.dates.length || monthIndex(m.dates[t + 1]) !== monthIndex(m.dates[t]);
    if (!end) continue;
    if (prev >= 0) out.set(monthIndex(m.dates[t]), S[t] / S[prev] - L[t] / L[prev]);
    prev = t;
  }
  return out;
}

/**
 * How much a robustness sample repeats a primary one: the months both cover with the
 * Pearson correlation of their monthly small − large spreads there, and how many of the
 * sample's first cuts the primary sample also has (within 31 days). Samples that correlate
 * near 1 and share their events are the same evidence twice.
 */
export function sampleOverlap(
  sample: { spreads: Map<number, number>; firstCuts: number[] },
  primary: { id: string; spreads: Map<number, number>; firstCuts: number[] },
): SampleOverlap {
  const a: number[] = [],
    b: number[] = [];
  for (const [k, v] of sample.spreads) {
    const w = primary.spreads.get(k);
    if (w !== undefined && Number.isFinite(v) && Number.isFinite(w)) {
      a.push(v);
      b.push(w);
    }
  }
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n,
    mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  const shared = sample.firstCuts.filter((d) => primary.firstCuts.some((p) => Math.abs(p - d) <= 31)).length;
  return { with: primary.id, months: n, correlation: n > 2 ? sab / Math.sqrt(saa * sbb) : NaN, firstCuts: sample.firstCuts.length, sharedFirstCuts: shared };
}
