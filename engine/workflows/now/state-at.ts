import type { FedState } from './fed-state.js';
import { capped, FEATURES } from './features.js';
import { knownIndex, type Indicator } from './indicator.js';
import { ismReading } from './ism-reading.js';
import type { NowInputs } from './load-inputs.js';
import { percentileOf } from './percentile-of.js';

/** One input's value with the date it describes and the day it became known (NaN when unknown). */
export interface Reading {
  value: number;
  date: number;
  known: number;
}

/** The state at the close of one day: every input with its provenance, and the distance's feature vector. */
export interface StateAt {
  day: number;
  fed: FedState;
  rate: Reading;
  ism?: Reading & { change3: number; below: number };
  bm?: Reading & { percentile: number };
  curve?: Reading;
  /** Small − large from the month end `from` to the month end `to` (12 months). */
  trailing: { value: number; from: number; to: number };
  /** Raw inputs of the distance in FEATURES order, capped (NaN where unknown). */
  features: Float64Array;
}

const NONE: Reading = { value: NaN, date: NaN, known: NaN };

function read(s: Indicator, day: number): Reading & { i: number } {
  const i = knownIndex(s, day);
  return i < 0 ? { ...NONE, i } : { value: s.values[i], date: s.dates[i], known: s.known[i], i };
}

/**
 * The state at the close of `day` from what was known then: the Fed's state (given), the policy
 * rate (the FOMC target set by the latest decision from the first decision on; before, the
 * effective funds rate as of bar `rateBar`), the latest ISM reading with its 3-month change and
 * months below 50, bm_spread and its percentile in its own history known then, the curve, and
 * small − large over the 12 months between month-end bars `startBar` and `endBar` (−1: unknown).
 * A value is used however old it is; whether it is stale is the caller's to say.
 */
export function stateAt(inputs: NowInputs, fed: FedState, day: number, bars: { rateBar: number; startBar: number; endBar: number }): StateAt {
  const m = inputs.market;
  const rate: Reading =
    day >= inputs.decisionsFrom
      ? { value: fed.rate, date: fed.lastMove, known: fed.lastMove }
      : bars.rateBar >= 0
        ? { value: m.fed.policyRate[bars.rateBar], date: m.dates[bars.rateBar], known: m.dates[bars.rateBar] }
        : NONE;
  let ism: StateAt['ism'];
  if (inputs.ism) {
    const r = read(inputs.ism, day);
    ism = r.i < 0 ? { ...NONE, change3: NaN, below: NaN } : { value: r.value, date: r.date, known: r.known, ...ismReading(inputs.ism.values, r.i) };
  }
  let bm: StateAt['bm'];
  if (inputs.bm) {
    const r = read(inputs.bm, day);
    bm = { value: r.value, date: r.date, known: r.known, percentile: r.i < 0 ? NaN : percentileOf(inputs.bm.values, r.i) };
  }
  const curve = inputs.curve ? read(inputs.curve, day) : undefined;
  const { startBar: a, endBar: b } = bars;
  const S = m.prices[m.small],
    L = m.prices[m.large];
  const trailing =
    a >= 0 && b >= 0 ? { value: S[b] / S[a] - L[b] / L[a], from: m.dates[a], to: m.dates[b] } : { value: NaN, from: NaN, to: b >= 0 ? m.dates[b] : NaN };
  const raw: Record<string, number> = {
    cycle_months: fed.cycleMonths,
    cycle_change: Math.abs(fed.changeBp),
    since_move: fed.monthsSinceMove,
    policy_rate: rate.value,
    ism: ism?.value ?? NaN,
    ism_change3: ism?.change3 ?? NaN,
    ism_below: ism?.below ?? NaN,
    bm_spread: bm?.value ?? NaN,
    t10y2y: curve?.value ?? NaN,
    trailing12: trailing.value,
  };
  const features = Float64Array.from(FEATURES, (f) => capped(f, raw[f.id]));
  return {
    day,
    fed,
    rate,
    ...(ism ? { ism } : {}),
    ...(bm ? { bm } : {}),
    ...(curve ? { curve: { value: curve.value, date: curve.date, known: curve.known } } : {}),
    trailing,
    features,
  };
}
