import { mulberry32 } from '../random.js';
import { DEFAULT_DRAWS } from './bootstrap-mean.js';
import { placeboPValue } from './placebo-p-value.js';
import type { PlaceboResult } from './placebo-test.js';

/**
 * Placebo test for events that come in clusters (e.g. the cuts of one easing cycle, whose
 * windows overlap): each placebo draw moves every cluster, with its own spacing of events
 * kept, to a random anchor bar where all its events are eligible, and averages the statistic
 * over all moved events. Random single dates would understate how much clustered events vary
 * together, and so overstate significance. `values[t]` is the statistic from bar t (NaN where
 * not eligible); `patterns[c]` the bar offsets of cluster c's events from its first (starting
 * at 0). p and rank as in {@link placeboTest} (Phipson & Smyth 2010; the moving-block idea of
 * keeping dependence intact: Künsch 1989).
 *
 * @example clusteredPlaceboTest(forwardByBar, [Int32Array.of(0, 30, 75), Int32Array.of(0)], observed, { seed: 1 })
 */
export function clusteredPlaceboTest(values: Float64Array, patterns: readonly Int32Array[], observed: number, options: { draws?: number; seed?: number } = {}): PlaceboResult {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const T = values.length;
  const n = patterns.reduce((a, p) => a + p.length, 0);
  const distribution = new Float64Array(draws);
  // anchors where every event of the cluster has a value
  const anchors = patterns.map((p) => {
    const span = p.length ? p[p.length - 1] : 0;
    const ok: number[] = [];
    for (let a = 0; a + span < T; a++) {
      let all = true;
      for (let k = 0; k < p.length && all; k++) if (!Number.isFinite(values[a + p[k]])) all = false;
      if (all) ok.push(a);
    }
    return Int32Array.from(ok);
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
      for (let k = 0; k < p.length; k++) s += values[a + p[k]];
    }
    distribution[b] = s / n;
  }
  return placeboPValue(observed, n, eligible, distribution);
}
