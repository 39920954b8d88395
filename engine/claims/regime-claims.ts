import { isoDay } from '../dates.js';
import { deriveSeed } from '../random.js';
import { optimalBlockLength } from '../stats/block-length.js';
import { neweyWestContrast } from '../stats/newey-west-contrast.js';
import { neweyWestGroupMean } from '../stats/newey-west-group-mean.js';
import { percentileInterval } from '../stats/percentile-interval.js';
import { stationaryBootstrapSums } from '../stats/stationary-bootstrap.js';
import { Phase, type Market } from '../types.js';
import { pctText } from './event-claims.js';
import { twoSidedNormalP } from './normal-p.js';
import type { ClaimRow } from './types.js';
import { verdictOf } from './verdict.js';

/** One bar group's spread statistics (annualized), for charts. */
export interface GroupSpread {
  label: string;
  n: number;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  t: number;
}

/**
 * Claims 2 (Fed phase) and 4 by ISM state on one market: the per-bar small − large spread
 * d_t, labelled by the phase and the ISM state (PMI below 50, at or above, unknown) known at
 * the previous close; one stationary block bootstrap with both labellings gives the
 * intervals of every phase, every state and both contrasts from the same resamples.
 */
export function regimeClaims(m: Market, ctx: { universe: string; draws: number; seed: number; ism?: Float64Array }): { rows: ClaimRow[]; phases: GroupSpread[]; states: GroupSpread[] } {
  const T = m.dates.length;
  const n = T - 1;
  const small = m.returns[m.small], large = m.returns[m.large];
  const d = new Float64Array(n);
  const phaseOf = new Int8Array(n), stateOf = new Int8Array(n);
  for (let t = 1; t < T; t++) {
    d[t - 1] = small[t] - large[t];
    const p = m.fed.phase[t - 1];
    const ph = p === Phase.Easing ? 0 : p === Phase.Tightening ? 1 : 2;
    const v = ctx.ism ? ctx.ism[t - 1] : NaN;
    const st = Number.isFinite(v) ? (v < 50 ? 0 : 1) : 2;
    phaseOf[t - 1] = ph;
    stateOf[t - 1] = st;
  }
  const ppy = m.periodsPerYear;
  const blockLength = optimalBlockLength(d);
  // one set of resamples for both labellings: columns 0–1 easing and tightening, 2–3 PMI below
  // and at or above 50 (hold and unknown ISM are left out of the resampled sums: no claim needs them)
  const tested = (x: Int8Array) => Int8Array.from(x, (v) => (v < 2 ? v : -1));
  const { sums, counts } = stationaryBootstrapSums(d, [tested(phaseOf), tested(stateOf)], [2, 2], { blockLength, draws: ctx.draws, seed: deriveSeed(ctx.seed, 'regimes') });
  const B = ctx.draws;
  /** Bootstrap draws of the annualized mean over the cells in `a` (minus the cells in `b`). */
  const drawsOf = (a: number[], b: number[] = []) => {
    const out = new Float64Array(B);
    for (let k = 0; k < B; k++) {
      let sa = 0, ca = 0, sb = 0, cb = 0;
      for (const c of a) {
        sa += sums[k * 4 + c];
        ca += counts[k * 4 + c];
      }
      for (const c of b) {
        sb += sums[k * 4 + c];
        cb += counts[k * 4 + c];
      }
      out[k] = (ca > 0 ? sa / ca : NaN) - (b.length ? (cb > 0 ? sb / cb : NaN) : 0);
      out[k] *= ppy;
    }
    return out;
  };
  const cellsOfPhase = (ph: number) => [ph];
  const cellsOfState = (st: number) => [2 + st];
  const from = isoDay(m.dates[0]), to = isoDay(m.dates[T - 1]);
  const lagNote = (L: number) => `Newey–West t (Bartlett, lag ${L}), normal, two-sided`;
  const ciMethod = `stationary block bootstrap (mean block ${blockLength.toFixed(1)} bars), percentile`;

  const group = (label: string, member: Uint8Array, draws?: Float64Array): GroupSpread => {
    const nw = neweyWestGroupMean(d, member);
    const ci = draws ? percentileInterval(draws) : { low: NaN, high: NaN };
    return { label, n: nw.n, estimate: nw.mean * ppy, ciLow: ci.low, ciHigh: ci.high, t: nw.t };
  };
  const contrast = (label: string, a: Uint8Array, b: Uint8Array, draws: Float64Array): GroupSpread => {
    const nw = neweyWestContrast(d, a, b);
    const ci = percentileInterval(draws);
    return { label, n: nw.n, estimate: nw.mean * ppy, ciLow: ci.low, ciHigh: ci.high, t: nw.t };
  };
  const isPhase = (ph: number) => Uint8Array.from(phaseOf, (x) => (x === ph ? 1 : 0));
  const isState = (st: number) => Uint8Array.from(stateOf, (x) => (x === st ? 1 : 0));
  const phases = [
    group('easing', isPhase(0), drawsOf(cellsOfPhase(0))),
    group('tightening', isPhase(1), drawsOf(cellsOfPhase(1))),
    group('hold', isPhase(2)),
    contrast('easing − tightening', isPhase(0), isPhase(1), drawsOf(cellsOfPhase(0), cellsOfPhase(1))),
  ];
  const hasIsm = ctx.ism !== undefined && stateOf.some((s) => s !== 2);
  const states = hasIsm
    ? [
        group('PMI below 50', isState(0), drawsOf(cellsOfState(0))),
        group('PMI at or above 50', isState(1), drawsOf(cellsOfState(1))),
        contrast('below − above', isState(0), isState(1), drawsOf(cellsOfState(0), cellsOfState(1))),
      ]
    : [];
  const L = neweyWestGroupMean(d, isPhase(0)).lag;
  const row = (claim: number, part: string, headline: boolean, label: string, g: GroupSpread, direction: 1 | -1, what: string): ClaimRow => {
    const verdict = verdictOf(g.ciLow, g.ciHigh, direction);
    const p = twoSidedNormalP(g.t);
    return {
      claim, part, headline, label, universe: ctx.universe, from, to,
      n: g.n, nUnit: 'bars', estimate: g.estimate, unit: 'per year (annualized spread)', ciLow: g.ciLow, ciHigh: g.ciHigh, ciMethod,
      p, pMethod: lagNote(L), direction, verdict,
      sentence: `${what}: small − large ${pctText(g.estimate)} a year over ${g.n.toLocaleString('en-US')} bars (95 % CI ${pctText(g.ciLow)} to ${pctText(g.ciHigh)}, Newey–West t ${g.t.toFixed(2)}); ${verdict === 'supported' ? 'history supports the claim' : verdict === 'contradicted' ? 'history contradicts the claim' : 'that cannot be told from noise'}.`,
      note: '',
    };
  };
  const rows = [
    row(2, '2-easing', true, 'easing: small ahead', phases[0], 1, 'While the Fed eased'),
    row(2, '2-tightening', true, 'tightening: small behind', phases[1], -1, 'While the Fed tightened'),
    row(2, '2-contrast', false, 'easing − tightening', phases[3], 1, 'Easing minus tightening'),
  ];
  if (hasIsm) {
    rows.push(
      row(4, '4-state', true, 'ISM below 50 − above 50', states[2], 1, 'PMI below 50 minus at or above 50'),
      row(4, '4-below', false, 'ISM below 50', states[0], 1, 'While the PMI was below 50'),
      row(4, '4-above', false, 'ISM at or above 50', states[1], 1, 'While the PMI was at or above 50'),
    );
  }
  return { rows, phases, states };
}
