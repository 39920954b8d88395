import { nearestAnalogues } from '../../measure/analytics/nearest-analogues.js';
import type { AnalogueSets } from '../../measure/stats/analogue-score.js';
import { analogueCount, cycleLimit, MIN_ANALOGUES } from './analogue-count.js';
import { candidateRows } from './candidates.js';
import { expandingScales } from './feature-scales.js';
import { FEATURES } from './features.js';
import type { NowHistory } from './history.js';

/** Complete outcomes needed before the first out-of-sample forecast (ten years of months, as claim 5's regression). */
export const MIN_TRAIN = 120;

/**
 * The analogue forecaster replayed month by month (expanding window): at each origin row o with
 * at least `minTrain` complete h-month outcomes before it, the analogues it would have chosen then
 * — rows of the same cycle direction whose outcome was complete (i + h ≤ o), nearest by the
 * distance with every input standardized by its standard deviation over rows 0 … o, k by
 * analogueCount and at most cycleLimit(…) from one cycle. Nothing after the origin enters its choice. Returns the sets and k per origin.
 */
export function analogueSets(
  history: Pick<NowHistory, 'columns' | 'direction' | 'cycle'>,
  h: number,
  minTrain = MIN_TRAIN,
): { sets: AnalogueSets; k: Int32Array } {
  const { columns, direction, cycle } = history;
  const R = direction.length;
  const scalesAt = expandingScales(columns);
  const weights = FEATURES.map((f) => f.weight);
  const origins: number[] = [],
    offsets: number[] = [0],
    members: number[] = [],
    ks: number[] = [];
  const target = new Float64Array(columns.length);
  for (let o = 0; o < R; o++) {
    if (o - h + 1 < minTrain) continue;
    const cands = candidateRows(direction, direction[o], h, o);
    if (cands.length < MIN_ANALOGUES) continue;
    for (let j = 0; j < columns.length; j++) target[j] = columns[j][o];
    const k = analogueCount(cands.length);
    const near = nearestAnalogues(columns, weights, scalesAt(o), target, cands, k, { group: cycle, perGroup: cycleLimit(cands, cycle, k) });
    origins.push(o);
    for (const i of near.rows) members.push(i);
    offsets.push(members.length);
    ks.push(near.rows.length);
  }
  return {
    sets: { horizon: h, origins: Int32Array.from(origins), offsets: Int32Array.from(offsets), members: Int32Array.from(members) },
    k: Int32Array.from(ks),
  };
}
