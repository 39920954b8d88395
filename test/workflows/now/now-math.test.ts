import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoDay, parseIsoDay } from '../../../engine/core/dates.js';
import type { PolicyMove } from '../../../engine/core/types.js';
import { detectCycles } from '../../../engine/market/fed/detect-cycles.js';
import { analogueCount, cycleLimit, perCycle } from '../../../engine/workflows/now/analogue-count.js';
import { analogueSets } from '../../../engine/workflows/now/analogue-sets.js';
import { candidateRows } from '../../../engine/workflows/now/candidates.js';
import { expandingScales } from '../../../engine/workflows/now/feature-scales.js';
import { fedStates } from '../../../engine/workflows/now/fed-state.js';
import { FEATURES } from '../../../engine/workflows/now/features.js';
import { knownIndex } from '../../../engine/workflows/now/indicator.js';
import { ismReading } from '../../../engine/workflows/now/ism-reading.js';
import { monthEndBars } from '../../../engine/workflows/now/month-ends.js';
import { outlookAt } from '../../../engine/workflows/now/outlook.js';
import { percentileOf } from '../../../engine/workflows/now/percentile-of.js';
import { spreadDistribution } from '../../../engine/workflows/now/spread-distribution.js';

const d = (s: string) => parseIsoDay(s);

describe('monthEndBars', () => {
  const days = Int32Array.from(['2024-03-27', '2024-03-28', '2024-04-01', '2024-04-30', '2024-05-01', '2024-05-30', '2024-05-31'].map(d));
  it('the last bar of each month known at the as-of date, never looking past it', () => {
    // 2024-03-29 was Good Friday: March's last bar is the 28th, known as such once April's first bar is
    expect(Array.from(monthEndBars(days, d('2024-06-03')))).toEqual([1, 3, 6]);
    // on 2024-03-28 a weekday (the 29th) is left in March: not a month end yet
    expect(Array.from(monthEndBars(days, d('2024-03-28')))).toEqual([]);
    // on 2024-03-30 (a Saturday) the holiday is not known from the calendar: still not a month end
    expect(Array.from(monthEndBars(days, d('2024-03-30')))).toEqual([]);
    // once April's first bar is known, March is over
    expect(Array.from(monthEndBars(days, d('2024-04-01')))).toEqual([1]);
    // data that stops in mid-month (2024-05-01) has no month end for May, however late the as-of date
    expect(Array.from(monthEndBars(days.subarray(0, 5), d('2024-09-30')))).toEqual([1, 3]);
    // 2024-05-31 is a Friday and the month's last weekday: a month end on its own day
    expect(Array.from(monthEndBars(days, d('2024-05-31')))).toEqual([1, 3, 6]);
    expect(Array.from(monthEndBars(days, d('2024-05-30')))).toEqual([1, 3]);
  });
});

describe('fedStates', () => {
  // a hike cycle, then an easing cycle: two cuts, a pause, a third cut
  const moves: PolicyMove[] = [
    { date: d('2000-01-05'), previous: 5, rate: 5.25 },
    { date: d('2000-03-05'), previous: 5.25, rate: 5.5 },
    { date: d('2001-01-03'), previous: 5.5, rate: 5 },
    { date: d('2001-02-01'), previous: 5, rate: 4.75 },
    { date: d('2002-01-10'), previous: 4.75, rate: 4.5 },
  ];
  const cycles = detectCycles(moves);
  it('phase, months since the first move, moves so far, net change, months since the last move, rate — by hand', () => {
    const [before, hiking, cut, paused, resumed] = fedStates(moves, cycles, [
      d('1999-12-31'),
      d('2000-04-01'),
      d('2001-02-01'),
      d('2001-12-31'),
      d('2002-01-10'),
    ]);
    expect(before.direction).toBeUndefined();
    expect(before.phase).toBe('hold');
    expect(hiking).toMatchObject({ direction: 'tightening', phase: 'tightening', cycleMoves: 2, changeBp: 50, rate: 5.5 });
    expect(cut).toMatchObject({ direction: 'easing', phase: 'easing', cycleMoves: 2, changeBp: -75, rate: 4.75, lastMove: d('2001-02-01') });
    expect(cut.cycleStart).toBe(d('2001-01-03'));
    expect(cut.cycleMonths).toBeCloseTo((d('2001-02-01') - d('2001-01-03')) / 30.436875, 12);
    // 333 days after the last cut: hold (183-day rule), still the easing cycle
    expect(paused).toMatchObject({ direction: 'easing', phase: 'hold', cycleMoves: 2 });
    expect(paused.monthsSinceMove).toBeCloseTo((d('2001-12-31') - d('2001-02-01')) / 30.436875, 12);
    expect(resumed).toMatchObject({ phase: 'easing', cycleMoves: 3, changeBp: -100, monthsSinceMove: 0 });
  });
});

describe('small readers', () => {
  it('knownIndex: the last observation published by the day', () => {
    const s = { known: Int32Array.of(10, 40, 70) };
    expect([9, 10, 45, 70, 99].map((day) => knownIndex(s, day))).toEqual([-1, 0, 1, 2, 2]);
  });
  it('ismReading: change over three readings and the run below 50', () => {
    expect(ismReading(Float64Array.of(52, 49, 48, 47.5), 3)).toEqual({ change3: -4.5, below: 3 });
    expect(ismReading(Float64Array.of(52, 49, 50.5), 2)).toEqual({ change3: NaN, below: 0 });
  });
  it('percentileOf: the share of the history known then at or below the latest', () => {
    expect(percentileOf(Float64Array.of(3, 1, 2, 2), 3)).toBe(0.75);
    expect(percentileOf(Float64Array.of(3, 1, 2, 2), 1)).toBe(0.5); // only 3 and 1 were known
  });
  it('expandingScales: sample standard deviation over rows 0 … upto', () => {
    const s = expandingScales([Float64Array.of(1, 3, 5, NaN), Float64Array.of(2, NaN, 2, 8)]);
    expect(s(1)[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(s(1)[1]).toBeNaN(); // one value
    expect(s(3)[0]).toBeCloseTo(2, 12);
    expect(s(3)[1]).toBeCloseTo(Math.sqrt(12), 12); // 2, 2, 8: mean 4, squares 4 + 4 + 16 over 2
  });
  it('analogueCount, perCycle and cycleLimit', () => {
    expect([1, 9, 30, 400, 600].map(analogueCount)).toEqual([1, 5, 5, 20, 24]);
    expect([5, 6, 16, 20, 21].map(perCycle)).toEqual([1, 1, 3, 4, 5]);
    const cycle = Int32Array.of(1, 1, 2, 3, 4, 5, 5);
    expect(cycleLimit([0, 1, 2, 3, 4, 5], cycle, 20)).toBe(4); // five cycles: limited
    expect(cycleLimit([0, 1, 2, 3], cycle, 20)).toBe(Infinity); // four: no limit can reach five
  });
  it('candidateRows: same direction, outcome complete by the row (i + h ≤ upto), before the target', () => {
    const dir = Int8Array.of(1, -1, 1, 1, 1, 1, 1);
    expect(Array.from(candidateRows(dir, 1, 2, 6))).toEqual([0, 2, 3, 4]);
    expect(Array.from(candidateRows(dir, 1, 2, 6, 3))).toEqual([0, 2]);
  });
  it('spreadDistribution: mean, quantiles, share ahead', () => {
    const s = spreadDistribution([0.1, -0.05, 0.02, 0.03, NaN]);
    expect(s.n).toBe(4);
    expect(s.mean).toBeCloseTo(0.025, 14);
    expect(s.median).toBeCloseTo(0.025, 14);
    expect(s.ahead).toBe(0.75);
  });
});

describe('outlookAt', () => {
  // 120 months, cycles of 12 months each; outcome 0.01 everywhere but 0.11 in months 0–2 of each cycle
  const R = 132,
    h = 12;
  const y = Float64Array.from({ length: R }, (_, i) => (i + h < R ? (i % 12 < 3 ? 0.11 : 0.01) : NaN));
  const cycle = Int32Array.from({ length: R }, (_, i) => Math.floor(i / 12) + 1);
  const days = Int32Array.from({ length: R }, (_, i) => dayFromYmd(2000, 1 + i, 1));
  const ctx = { horizon: h, candidates: 120, perCycle: 2, nearestCycles: 3, cycle, days, draws: 500, seed: 1 };
  it('the analogues’ mean against every month, cycles counted, the rotation placebo and the verdict', () => {
    const analogues = Int32Array.of(0, 1, 12, 13, 24, 25, 36, 37, 48, 49);
    const o = outlookAt(y, analogues, ctx);
    expect(o.k).toBe(10);
    expect(o.cycles).toBe(5);
    expect(o.effectiveCycles).toBeCloseTo(5, 12);
    expect(o.analogues.mean).toBeCloseTo(0.11, 12);
    expect(o.unconditional.mean).toBeCloseTo(0.035, 12); // a quarter of the months at 0.11
    expect(o.excess).toBeCloseTo(0.11 - 0.035, 12);
    expect(o.placeboEligible).toBe(120);
    // the pattern (months 0 and 1 of each cycle) sits wholly on 0.11 months after shifts of 0 or 1 mod 12:
    // 20 of 120 shifts give 0.11, the others 0.06 or 0.01, all nearer the centre 0.035
    expect(o.placeboP).toBeCloseTo(20 / 120, 12);
    expect(o.verdict).toBe('not shown');
    expect(o.dates[0]).toBe(isoDay(days[0]));
    expect(o.ciLow).toBeCloseTo(0.11, 12); // every cycle's analogues give 0.11
  });
  it('fewer than 5 distinct cycles: not tested, no p', () => {
    const o = outlookAt(y, Int32Array.of(0, 1, 2, 12, 13, 14, 24, 25), ctx);
    expect(o.cycles).toBe(3);
    expect(o.verdict).toBe('not tested');
    expect(o.placeboP).toBeNaN();
    expect(o.note).toMatch(/3 distinct cycles/);
  });
});

describe('analogueSets', () => {
  it('every analogue of every origin has its outcome complete then, shares its direction, and needs ten years first', () => {
    const R = 400;
    const columns = FEATURES.map((_, j) => Float64Array.from({ length: R }, (_, i) => Math.sin(i / (5 + j)) + (j === 0 ? i / 100 : 0)));
    const direction = Int8Array.from({ length: R }, (_, i) => (Math.floor(i / 30) % 2 ? 1 : -1));
    const cycle = Int32Array.from({ length: R }, (_, i) => Math.floor(i / 30) + 1);
    const h = 12;
    const { sets, k } = analogueSets({ columns, direction, cycle }, h);
    expect(sets.origins[0]).toBe(120 + h - 1);
    for (let o = 0; o < sets.origins.length; o++) {
      const origin = sets.origins[o];
      expect(k[o]).toBe(sets.offsets[o + 1] - sets.offsets[o]);
      for (let a = sets.offsets[o]; a < sets.offsets[o + 1]; a++) {
        const i = sets.members[a];
        expect(i + h).toBeLessThanOrEqual(origin);
        expect(direction[i]).toBe(direction[origin]);
      }
    }
  });
});
