/** One round trip in one asset: from the trade that opened a position to the trade that closed it. */
export interface RoundTrip {
  asset: string;
  /** 1 long, −1 short. */
  side: 1 | -1;
  /** Bar indexes of the opening and closing trades (the close of the last bar when still open). */
  entryBar: number;
  exitBar: number;
  /** Dates of entry and exit, days since epoch. */
  entry: number;
  exit: number;
  /** Bars and calendar days held. */
  bars: number;
  days: number;
  /** Return of the position: side × (Π(1 + r_t) − 1) over the asset's returns of bars entry + 1 … exit. */
  ret: number;
  /** True when the position is still held at the last bar (not counted in the statistics). */
  open: boolean;
}

/** Statistics of closed round trips (per asset or over all assets). */
export interface RoundTripStats {
  count: number;
  wins: number;
  losses: number;
  /** Share of round trips with a return > 0 (NaN without round trips). */
  hitRate: number;
  /** Mean return of the winning and the losing round trips, and of all. */
  avgWin: number;
  avgLoss: number;
  avgReturn: number;
  /** Average win / |average loss| (the payoff ratio). */
  payoff: number;
  /** Mean calendar days held. */
  avgDays: number;
}

/** Inputs of {@link roundTrips}: realized weights after trading (T×A row-major) and the assets' per-bar returns. */
export interface RoundTripInput {
  dates: Int32Array;
  assets: readonly string[];
  weights: ArrayLike<number>;
  returns: readonly ArrayLike<number>[];
}

/** |weight| at or below this counts as flat (drift never turns a held weight into exactly 0). */
const FLAT = 1e-12;

/**
 * Round trips per asset from the realized weights: a position opens at the bar where the asset's
 * weight after trading turns non-zero and closes at the bar where it returns to zero or changes
 * sign (a flip closes one trip and opens the next). Resizing within a trip does not split it; the
 * trip's return is the asset's own compounded return while held, signed by the side — the return
 * of one unit held from entry to exit, as in the trade lists of Pardo (2008, The Evaluation and
 * Optimization of Trading Strategies, ch. 9).
 * @example roundTrips({ dates, assets: ['rut', 'spx'], weights: sim.weights, returns: [rutRet, spxRet] })
 */
export function roundTrips(input: RoundTripInput): RoundTrip[] {
  const { dates, assets, weights, returns } = input;
  const T = dates.length;
  const A = assets.length;
  const out: RoundTrip[] = [];
  for (let a = 0; a < A; a++) {
    let side = 0;
    let entry = -1;
    let growth = 1;
    const close = (exit: number, open: boolean) => {
      out.push({
        asset: assets[a],
        side: side as 1 | -1,
        entryBar: entry,
        exitBar: exit,
        entry: dates[entry],
        exit: dates[exit],
        bars: exit - entry,
        days: dates[exit] - dates[entry],
        ret: side * (growth - 1) + 0,
        open,
      });
    };
    for (let t = 0; t < T; t++) {
      if (side !== 0) growth *= 1 + returns[a][t];
      const w = weights[t * A + a];
      const s = w > FLAT ? 1 : w < -FLAT ? -1 : 0;
      if (s === side) continue;
      if (side !== 0) close(t, false);
      side = s;
      entry = t;
      growth = 1;
    }
    if (side !== 0) close(T - 1, true);
  }
  return out.sort((x, y) => x.entryBar - y.entryBar || assets.indexOf(x.asset) - assets.indexOf(y.asset));
}

/**
 * Count, hit rate, average win and loss, payoff ratio and mean holding time of the closed round
 * trips (open ones are left out); a return of exactly 0 is neither a win nor a loss.
 * @example roundTripStats(roundTrips(input).filter((r) => r.asset === 'rut'))
 */
export function roundTripStats(trips: readonly RoundTrip[]): RoundTripStats {
  const closed = trips.filter((r) => !r.open);
  let wins = 0,
    losses = 0,
    sumWin = 0,
    sumLoss = 0,
    sum = 0,
    days = 0;
  for (const r of closed) {
    sum += r.ret;
    days += r.days;
    if (r.ret > 0) {
      wins++;
      sumWin += r.ret;
    } else if (r.ret < 0) {
      losses++;
      sumLoss += r.ret;
    }
  }
  const n = closed.length;
  const avgWin = wins ? sumWin / wins : NaN;
  const avgLoss = losses ? sumLoss / losses : NaN;
  return {
    count: n,
    wins,
    losses,
    hitRate: n ? wins / n : NaN,
    avgWin,
    avgLoss,
    avgReturn: n ? sum / n : NaN,
    payoff: avgWin / -avgLoss,
    avgDays: n ? days / n : NaN,
  };
}
