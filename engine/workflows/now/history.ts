import { isoDay, monthIndex } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import type { PolicyMove } from '../../core/types.js';
import { detectCycles, type DetectedCycle } from '../../market/fed/detect-cycles.js';
import { fedStates } from './fed-state.js';
import { FEATURES } from './features.js';
import type { NowInputs } from './load-inputs.js';
import { monthEndBars } from './month-ends.js';
import { stateAt, type StateAt } from './state-at.js';

/** The month-end states known at an as-of date, and the state at the date itself. */
export interface NowHistory {
  asOf: number;
  /** One row per month end (oldest first) from the first one with a Fed cycle and a trailing 12-month spread. */
  rows: StateAt[];
  /** Per row: its market bar, date, the month's small and large returns (from the previous month end), cycle direction (1 easing, −1 tightening) and id. */
  bars: Int32Array;
  days: Int32Array;
  small: Float64Array;
  large: Float64Array;
  direction: Int8Array;
  cycle: Int32Array;
  /** The distance's raw inputs, one column per FEATURES entry. */
  columns: Float64Array[];
  /** Policy moves known at the as-of date and the cycles detected on them. */
  moves: PolicyMove[];
  cycles: DetectedCycle[];
  /** The state at the close of the as-of date (the Fed and the indicators as of that day; the trailing spread at the last month end). */
  now: StateAt;
}

/** Month ends needed before the first row: 12 for the trailing spread. */
const TRAILING = 12;

/**
 * The history `now` works on, as known at the close of `asOf`: the universe's month-end bars up
 * to it (a daily universe reduced to the last bar of each month), each with the state known at
 * its close (see stateAt), the month's returns, and the Fed cycle it belongs to; plus the state
 * at `asOf` itself. Only bars, moves and observations dated (and published) on or before `asOf`
 * are read, so the history is the same whether the data goes on after it or not.
 */
export function buildHistory(inputs: NowInputs, asOf: number): NowHistory {
  const m = inputs.market;
  // a monthly universe's bars are its months, whatever day they are dated; a daily one keeps each month's last bar
  let known = 0;
  while (known < m.dates.length && m.dates[known] <= asOf) known++;
  const ends = inputs.universe.frequency === 'monthly' ? Int32Array.from({ length: known }, (_, t) => t) : monthEndBars(m.dates, asOf);
  if (ends.length <= TRAILING) {
    throw new UserError(`‹as-of› ${isoDay(asOf)}: universe "${inputs.universe.id}" has ${ends.length} month ends by then; now needs more than ${TRAILING}`);
  }
  const moves = inputs.moves.filter((x) => x.date <= asOf);
  const cycles = detectCycles(moves, { threshold: m.fed.threshold });
  const endDays = Int32Array.from(ends, (b) => m.dates[b]);
  const fed = fedStates(moves, cycles, [...endDays, asOf]);
  const S = m.prices[m.small],
    L = m.prices[m.large];
  const rows: StateAt[] = [];
  const bars: number[] = [],
    small: number[] = [],
    large: number[] = [],
    direction: number[] = [],
    cycle: number[] = [];
  const twelveBack = (j: number) => (j >= TRAILING && monthIndex(endDays[j]) - monthIndex(endDays[j - TRAILING]) === TRAILING ? ends[j - TRAILING] : -1);
  for (let j = TRAILING; j < ends.length; j++) {
    const f = fed[j];
    if (!f.direction) continue;
    const s = stateAt(inputs, f, endDays[j], { rateBar: ends[j], startBar: twelveBack(j), endBar: ends[j] });
    if (!Number.isFinite(s.trailing.value)) continue;
    rows.push(s);
    bars.push(ends[j]);
    small.push(S[ends[j]] / S[ends[j - 1]] - 1);
    large.push(L[ends[j]] / L[ends[j - 1]] - 1);
    direction.push(f.direction === 'easing' ? 1 : -1);
    cycle.push(f.cycleId);
  }
  if (rows.length === 0) throw new UserError(`‹as-of› ${isoDay(asOf)}: no month end of universe "${inputs.universe.id}" has a known Fed cycle by then`);
  // rows follow one another month by month, so row offsets are months: a gap in the data would break that
  const first = monthIndex(rows[0].day);
  rows.forEach((r, k) => {
    if (monthIndex(r.day) - first !== k)
      throw new UserError(
        `universe "${inputs.universe.id}" has no month end in the month before ${isoDay(r.day)}: now needs every month between ${isoDay(rows[0].day)} and ${isoDay(asOf)}`,
      );
  });
  const j = ends.length - 1;
  const now = stateAt(inputs, fed[fed.length - 1], asOf, { rateBar: known - 1, startBar: twelveBack(j), endBar: ends[j] });
  return {
    asOf,
    rows,
    bars: Int32Array.from(bars),
    days: Int32Array.from(rows, (r) => r.day),
    small: Float64Array.from(small),
    large: Float64Array.from(large),
    direction: Int8Array.from(direction),
    cycle: Int32Array.from(cycle),
    columns: FEATURES.map((_, k) => Float64Array.from(rows, (r) => r.features[k])),
    moves,
    cycles,
    now,
  };
}
