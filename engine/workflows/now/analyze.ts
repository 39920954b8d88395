import { isoDay } from '../../core/dates.js';
import { deriveSeed } from '../../core/random.js';
import type { NowAnalogue, NowOutlook, NowTrack } from '../../formats/now-folder.js';
import { cumulativeSpread } from '../../measure/analytics/cumulative-spread.js';
import { nearestAnalogues } from '../../measure/analytics/nearest-analogues.js';
import { analogueNull } from '../../measure/stats/analogue-null.js';
import { quantileSorted } from '../../measure/stats/quantile-sorted.js';
import { analogueCount, cycleLimit } from './analogue-count.js';
import { analogueSets } from './analogue-sets.js';
import { candidateRows } from './candidates.js';
import { expandingScales } from './feature-scales.js';
import { FEATURES } from './features.js';
import type { NowHistory } from './history.js';
import { outlookAt } from './outlook.js';

/** Horizons of the outlook (months) and the headline one. */
export const NOW_HORIZONS = [3, 6, 12, 24] as const;
export const HEADLINE_HORIZON = 12;

/** Options of {@link analyzeHistory}. */
export interface AnalyzeOptions {
  draws: number;
  seed: number;
  /** Replay the forecaster month by month and simulate its null (the slow part); default true. */
  track?: boolean;
  /** Samples of the track record's null (default a fifth of `draws`, as the valuation claim). */
  nullDraws?: number;
}

/** What the analogues say at the history's as-of date. */
export interface Analysis {
  /** Each input's standard deviation over the history (the distance's scale). */
  scales: Float64Array;
  /** The analogues of the headline horizon, nearest first. */
  analogues: NowAnalogue[];
  outlook: NowOutlook[];
  track: NowTrack[];
}

/**
 * The analogue study of one as-of date: at each horizon, the k nearest month ends of the same
 * cycle direction whose outcome is complete (see nearestAnalogues, analogueCount) and the outlook
 * they give (see outlookAt); with `track`, the forecaster's expanding-window record at each
 * horizon with its null (see analogueSets, analogueNull). Every choice uses only the history;
 * seeds are derived per statistic, so the result does not depend on the order of computation.
 */
export function analyzeHistory(history: NowHistory, options: AnalyzeOptions): Analysis {
  const R = history.rows.length;
  const dir = history.now.fed.direction === 'easing' ? 1 : -1;
  const scales = expandingScales(history.columns)(R - 1);
  const weights = FEATURES.map((f) => f.weight);
  const outcomes = new Map<number, Float64Array>();
  for (const h of NOW_HORIZONS) outcomes.set(h, cumulativeSpread(history.small, history.large, h));
  const outlook: NowOutlook[] = [];
  let headline: Int32Array = new Int32Array(0);
  let headlineDistances: Float64Array = new Float64Array(0);
  for (const h of NOW_HORIZONS) {
    const cands = candidateRows(history.direction, dir, h, R - 1);
    const k = analogueCount(cands.length);
    const perCycle = cycleLimit(cands, history.cycle, k);
    const near = nearestAnalogues(history.columns, weights, scales, history.now.features, cands, k, { group: history.cycle, perGroup: perCycle });
    const plain = nearestAnalogues(history.columns, weights, scales, history.now.features, cands, k);
    if (h === HEADLINE_HORIZON) {
      headline = near.rows;
      headlineDistances = near.distances;
    }
    outlook.push(
      outlookAt(outcomes.get(h)!, near.rows, {
        horizon: h,
        candidates: cands.length,
        perCycle,
        nearestCycles: new Set(Array.from(plain.rows, (i) => history.cycle[i])).size,
        cycle: history.cycle,
        days: history.days,
        draws: options.draws,
        seed: deriveSeed(options.seed, `now/cycle-bootstrap/${h}`),
      }),
    );
  }
  const cycleStart = new Map(history.cycles.map((c) => [c.id, c.start]));
  const analogues: NowAnalogue[] = Array.from(headline, (i, r) => ({
    rank: r + 1,
    date: isoDay(history.days[i]),
    cycle: history.cycle[i],
    cycleStart: isoDay(cycleStart.get(history.cycle[i]) ?? NaN),
    distance: headlineDistances[r],
    state: Object.fromEntries(FEATURES.map((f, k) => [f.id, history.columns[k][i]])),
    spreads: Object.fromEntries(NOW_HORIZONS.map((h) => [String(h), outcomes.get(h)![i]])),
  }));
  const track: NowTrack[] = [];
  if (options.track ?? true) {
    const nullDraws = options.nullDraws ?? Math.max(100, Math.round(options.draws / 5));
    const replay = NOW_HORIZONS.map((h) => analogueSets(history, h));
    const sims = analogueNull(
      history.small,
      history.large,
      replay.map((r) => r.sets),
      { draws: nullDraws, seed: deriveSeed(options.seed, 'now/track-null') },
    );
    NOW_HORIZONS.forEach((h, j) => {
      const { sets, k } = replay[j];
      const sim = sims[j];
      const o = sim.observed;
      const scored = Array.from(sets.origins).filter((_, i) => Number.isFinite(o.realized[i]) && Number.isFinite(o.forecast[i]));
      const sorted = Float64Array.from(sim.r2Star.filter(Number.isFinite)).sort();
      track.push({
        horizon: h,
        n: o.n,
        from: scored.length ? isoDay(history.days[scored[0]]) : '',
        to: scored.length ? isoDay(history.days[scored[scored.length - 1]]) : '',
        r2: o.r2,
        p: sim.p,
        null95: quantileSorted(sorted, 0.95),
        rmse: o.n ? Math.sqrt(o.sseForecast / o.n) : NaN,
        rmseMean: o.n ? Math.sqrt(o.sseBenchmark / o.n) : NaN,
        draws: nullDraws,
        blockLength: sim.blockLength,
        series:
          h === HEADLINE_HORIZON
            ? Array.from(sets.origins, (row, i) => ({
                date: isoDay(history.days[row]),
                forecast: o.forecast[i],
                benchmark: o.benchmark[i],
                realized: o.realized[i],
                k: k[i],
              }))
            : [],
      });
    });
  }
  return { scales, analogues, outlook, track };
}
