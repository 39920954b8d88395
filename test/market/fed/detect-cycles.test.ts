import { describe, expect, it } from 'vitest';
import { detectCycles, type RateMove } from '../../../engine/market/fed/detect-cycles.js';
import { fedFrame } from '../../../engine/market/fed/fed-frame.js';
import { parseIsoDay as d, isoDay } from '../../../engine/core/dates.js';
import { Phase } from '../../../engine/core/types.js';

function path(start: number, steps: [string, number][]): RateMove[] {
  let rate = start;
  return steps.map(([date, to]) => {
    const m = { date: d(date), previous: rate, rate: to };
    rate = to;
    return m;
  });
}

describe('detectCycles', () => {
  it('splits hikes and cuts into cycles, first cut at the first move down', () => {
    const moves = path(1, [
      ['2020-01-01', 1.25],
      ['2020-02-01', 1.5],
      ['2020-03-01', 1.25], // first cut: confirms easing at once (25 bp)
      ['2020-04-01', 1.0],
      ['2020-06-01', 1.25], // first hike
    ]);
    const cycles = detectCycles(moves);
    expect(cycles.map((c) => [c.direction, isoDay(c.start), isoDay(c.end), isoDay(c.confirmed), c.moves, c.changeBp])).toEqual([
      ['tightening', '2020-01-01', '2020-02-01', '2020-01-01', 2, 50],
      ['easing', '2020-03-01', '2020-04-01', '2020-03-01', 2, -50],
      ['tightening', '2020-06-01', '2020-06-01', '2020-06-01', 1, 25],
    ]);
  });

  it('confirms a turn made of small steps only once it reaches the threshold', () => {
    const moves = path(10, [
      ['1985-01-01', 10.5],
      ['1985-02-01', 10.4375], // −6.25 bp: candidate first cut
      ['1985-03-01', 10.375],
      ['1985-04-01', 10.3125],
      ['1985-05-01', 10.25], // cumulative −25 bp: confirmed here
    ]);
    const [, easing] = detectCycles(moves);
    expect(isoDay(easing.start)).toBe('1985-02-01');
    expect(isoDay(easing.confirmed)).toBe('1985-05-01');
    expect(easing.moves).toBe(4);
  });

  it('ignores a small counter-move inside a cycle', () => {
    const moves = path(5, [
      ['2001-01-03', 4.5],
      ['2001-02-01', 4.625], // +12.5 bp: not a turn
      ['2001-03-01', 4.25],
    ]);
    const cycles = detectCycles(moves);
    expect(cycles).toHaveLength(1);
    expect(cycles[0].direction).toBe('easing');
    expect(isoDay(cycles[0].end)).toBe('2001-03-01');
  });

  it('is point-in-time: truncating the moves never changes cycles confirmed before the cut', () => {
    const moves = path(3, [
      ['2000-01-01', 3.25],
      ['2000-02-01', 3.5],
      ['2000-03-01', 3.4375],
      ['2000-04-01', 3.375],
      ['2000-05-01', 3.25],
      ['2000-06-01', 3.3125],
      ['2000-07-01', 3.5],
      ['2000-08-01', 3.75],
    ]);
    const full = detectCycles(moves);
    for (let n = 1; n <= moves.length; n++) {
      const part = detectCycles(moves.slice(0, n));
      const known = full.filter((c) => c.confirmIndex < n);
      expect(part.map((c) => [c.start, c.confirmed, c.direction])).toEqual(known.map((c) => [c.start, c.confirmed, c.direction]));
    }
  });
});

describe('fedFrame', () => {
  it('marks phases as known at each bar, with hold after a pause', () => {
    const moves = path(2, [
      ['2020-01-06', 2.25],
      ['2020-03-02', 2.0],
    ]);
    const cycles = detectCycles(moves);
    const calendar = Int32Array.from(['2020-01-03', '2020-01-06', '2020-02-28', '2020-03-02', '2020-03-03', '2020-10-01'].map(d));
    const f = fedFrame(calendar, new Float64Array(calendar.length), moves, cycles, { holdDays: 183 });
    expect(Array.from(f.phase)).toEqual([Phase.Hold, Phase.Tightening, Phase.Tightening, Phase.Easing, Phase.Easing, Phase.Hold]);
    expect(Array.from(f.firstCut)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(Array.from(f.move)).toEqual([0, -1, 0, 1, 0, 0]);
    expect(Array.from(f.cycleId)).toEqual([0, 1, 1, 2, 2, 2]);
    expect(f.barsSinceFirstCut[4]).toBe(1);
    expect(Number.isNaN(f.barsSinceFirstCut[2])).toBe(true);
    expect(f.monthsSinceFirstCut[5]).toBeCloseTo((d('2020-10-01') - d('2020-03-02')) / 30.436875, 12);
  });
});

describe('detectCycles with resumeDays', () => {
  const moves = path(3, [
    ['2000-01-01', 3.25], // hike
    ['2001-01-01', 3.0], // first cut
    ['2001-03-01', 2.75],
    ['2003-06-01', 2.5], // a cut after 27 months without a move
    ['2003-07-01', 2.25],
  ]);
  it('off by default: one easing cycle', () => {
    expect(detectCycles(moves).map((c) => [c.direction, isoDay(c.start)])).toEqual([
      ['tightening', '2000-01-01'],
      ['easing', '2001-01-01'],
    ]);
  });
  it('a cut after 365 days without a move starts a new easing cycle there', () => {
    expect(detectCycles(moves, { resumeDays: 365 }).map((c) => [c.direction, isoDay(c.start), isoDay(c.end), c.moves, c.changeBp])).toEqual([
      ['tightening', '2000-01-01', '2000-01-01', 1, 25],
      ['easing', '2001-01-01', '2001-03-01', 2, -50],
      ['easing', '2003-06-01', '2003-07-01', 2, -50],
    ]);
  });
});
