import { mulberry32 } from '../../core/random.js';
import { DEFAULT_DRAWS } from './bootstrap-mean.js';
import { placeboPValue } from './placebo-p-value.js';
import type { PlaceboResult } from './placebo-p-value.js';

/**
 * Placebo test for events that come in clusters (e.g. the cuts of one easing cycle, whose
 * windows overlap): each placebo draw moves every cluster, with its own spacing of events
 * kept, to a random anchor bar where all its events are eligible, and averages the statistic
 * over all moved events. Random single dates would understate how much clustered events vary
 * together, and so overstate significance. `values[t]` is the statistic from bar t (NaN where
 * not eligible); `patterns[c]` the bar offsets of cluster c's events from its first (starting
 * at 0). With `weighting: 'group'` each draw's statistic is the mean of the clusters' own means (each
 * cluster, e.g. each easing cycle, counts once, as in the observed statistic it is compared
 * with). p and rank as in {@link placeboTest} (Phipson & Smyth 2010; the moving-block idea of
 * keeping dependence intact: Künsch 1989).
 *
 * @example clusteredPlaceboTest(forwardByBar, [Int32Array.of(0, 30, 75), Int32Array.of(0)], observed, { seed: 1 })
 */
export function clusteredPlaceboTest(
  values: Float64Array,
  patterns: readonly Int32Array[],
  observed: number,
  options: { draws?: number; seed?: number; weighting?: 'event' | 'group' } = {},
): PlaceboResult {
  const byGroup = options.weighting === 'group';
  const draws = options.draws ?? DEFAULT_DRAWS;
  const T = values.length;
  const n = patterns.reduce((a, p) => a + p.length, 0);
  const distribution = new Float64Array(draws);
  // anchors where every event of the cluster has a value: each bar without one rules out the
  // anchors that would put an event on it (clusters with the same pattern share the answer)
  const missing: number[] = [];
  for (let t = 0; t < T; t++) if (!Number.isFinite(values[t])) missing.push(t);
  const byPattern = new Map<string, Int32Array>();
  const anchors = patterns.map((p) => {
    const key = p.join(',');
    let ok = byPattern.get(key);
    if (!ok) byPattern.set(key, (ok = eligibleAnchors(p, missing, T)));
    return ok;
  });
  const eligible = anchors.reduce((m, a) => Math.min(m, a.length), Infinity);
  if (n === 0 || !Number.isFinite(observed) || !(eligible > 0)) {
    return { observed, n, eligible: Number.isFinite(eligible) ? eligible : 0, center: NaN, p: NaN, rank: NaN, distribution: distribution.fill(NaN) };
  }
  const rnd = mulberry32(options.seed ?? 1);
  for (let b = 0; b < draws; b++) {
    let s = 0;
    for (let c = 0; c < patterns.length; c++) {
      const a = anchors[c][Math.floor(rnd() * anchors[c].length)];
      const p = patterns[c];
      if (byGroup) {
        let sc = 0;
        for (let k = 0; k < p.length; k++) sc += values[a + p[k]];
        s += sc / p.length;
      } else {
        for (let k = 0; k < p.length; k++) s += values[a + p[k]];
      }
    }
    distribution[b] = s / (byGroup ? patterns.length : n);
  }
  return placeboPValue(observed, n, eligible, distribution);
}

/** Anchors a (ascending) with a + p[last] < T and no a + p[k] in `missing`. */
function eligibleAnchors(p: Int32Array, missing: readonly number[], T: number): Int32Array {
  const span = p.length ? p[p.length - 1] : 0;
  const n = Math.max(0, T - span);
  const bad = new Uint8Array(n);
  for (const m of missing) {
    for (let k = 0; k < p.length; k++) {
      const a = m - p[k];
      if (a >= 0 && a < n) bad[a] = 1;
    }
  }
  let count = 0;
  for (let a = 0; a < n; a++) count += 1 - bad[a];
  const out = new Int32Array(count);
  for (let a = 0, i = 0; a < n; a++) if (!bad[a]) out[i++] = a;
  return out;
}
